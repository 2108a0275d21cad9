"""Build the heavy objects once: embedder, course index, learner database, tutor."""

from __future__ import annotations

from index.embedder import make_embedder
from index.store import Progress
from runtime.settings import Settings
from tutor.engine import open_engine
from tutor.scheduler import Spacing
from tutor.service import Tutor
from tutor.stores import open_store


def build_tutor(settings: Settings, course: str | None = None, progress: Progress | None = None) -> Tutor:
    """Load (or build) the index for the course and open the learner store (SQLite or PostgreSQL)."""
    engine = open_engine(
        settings.data_dir, course or settings.course, make_embedder(settings.embedder), progress
    )
    store = open_store(settings.database_url, settings.data_dir)
    return Tutor(engine, store, Spacing(), settings.timezone)
