"""The embedded default store: one SQLite file in WAL mode (migrations by sqlite-utils)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from tutor.migrations import migrations
from tutor.store import LearnerStore, Params, Row


class _SqliteTx:
    """Statements inside one SQLite transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        cur = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def run(self, sql: str, params: Params = ()) -> int:
        return self.conn.execute(sql, tuple(params)).rowcount


class SqliteStore(LearnerStore):
    """Learner state in one SQLite file; several processes may share it (WAL, busy timeout,
    write transactions that take the write lock up front)."""

    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        # Deleted rows are overwritten with zeros, so /vergeet_mij leaves no personal bytes behind.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        self.conn = conn
        # sqlite3 connections are not safe for concurrent use from threads: this lock only
        # serialises this process's use of its one connection. Correctness between processes
        # comes from the statements themselves (conditional updates, unique keys).
        self._conn_lock = threading.Lock()
        with self._conn_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(Database(conn))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[_SqliteTx]:
        with self._conn_lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self.conn)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _after_delete(self) -> None:
        with self._conn_lock:
            # Old page images in the write-ahead log go too.
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._conn_lock:
            self.conn.close()

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

