"""Build the heavy objects once: embedder, course index, learner database, tutor."""

from __future__ import annotations

from index.embedder import make_embedder
from index.store import Progress
from runtime.settings import Settings
from tutor.campus import Campus
from tutor.engine import open_engine
from tutor.scheduler import Spacing
from tutor.service import Tutor
from tutor.stores import open_store


def build_tutor(settings: Settings, course: str | None = None, progress: Progress | None = None) -> Tutor:
    """Load (or build) the index for the course and open the learner store (SQLite or PostgreSQL)."""
    return build_campus(settings, course, progress).default


def build_campus(settings: Settings, course: str | None = None, progress: Progress | None = None) -> Campus:
    """The default course's tutor (index loaded or built) on the learner store, and the campus
    that opens every other course (shipped or uploaded) on demand."""
    embedder = make_embedder(settings.embedder)
    engine = open_engine(settings.data_dir, course or settings.course, embedder, progress)
    store = open_store(settings.database_url, settings.data_dir)
    spacing = Spacing()
    default = Tutor(engine, store, spacing, settings.timezone)
    return Campus(default, embedder, settings.data_dir, spacing, settings.timezone)
