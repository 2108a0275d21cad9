"""The store's foundation: rows, transactions, and the three helpers every statement uses.

Statements are written in the SQL that SQLite and PostgreSQL share (``?`` placeholders,
``ON CONFLICT``, ``RETURNING``); a backend only runs them (``tutor/store_sqlite.py``,
``tutor/store_pg.py``). "Exactly once" is the database's job: a unique key or a conditional update
decides, never a lock in this process, so several replicas can share one database.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

Row = dict[str, Any]
Params = Sequence[Any]
EPOCH = "1970-01-01T00:00:00+00:00"
# Tables that hold a learner's own rows (user_id column), in deletion order.
LEARNER_TABLES = ("answers", "cards", "quiz_sessions", "poll_votes", "confirmations", "uploads")


def now_iso() -> str:
    """Current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Tx(Protocol):
    """One open transaction of a backend."""

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a statement and return its rows as dicts."""

    def run(self, sql: str, params: Params = ()) -> int:
        """Run a statement and return the number of rows it changed."""


class StoreBase:
    """Runs statements; backends provide ``transaction`` and ``close``."""

    backend = "abstract"

    def transaction(self) -> AbstractContextManager[Tx]:  # pragma: no cover - backends implement
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - backends implement
        raise NotImplementedError

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        with self.transaction() as tx:
            return tx.rows(sql, params)

    def _one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _run(self, sql: str, params: Params = ()) -> int:
        with self.transaction() as tx:
            return tx.run(sql, params)
