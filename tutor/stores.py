"""Pick the learner store from the settings: PostgreSQL when a database URL is set, else SQLite."""

from __future__ import annotations

from pathlib import Path

from tutor.store import LearnerStore
from tutor.store_pg import PostgresStore
from tutor.store_sqlite import SqliteStore

DB_NAME = "studybot.sqlite3"


def open_store(database_url: str, data_dir: Path) -> LearnerStore:
    """``postgresql://…`` → the shared PostgreSQL store; empty → ``data_dir/studybot.sqlite3``."""
    if database_url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(database_url)
    if database_url:
        raise ValueError("STUDYBOT_DATABASE_URL must start with postgresql:// (or be empty for SQLite)")
    return SqliteStore(data_dir / DB_NAME)
