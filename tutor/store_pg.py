"""The scale-out store: PostgreSQL through psycopg 3 and a connection pool.

Several replicas share one database; every "exactly once" rests on the statements in
``tutor/store.py`` (unique keys, conditional updates), which PostgreSQL runs atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from tutor.pg_schema import MIGRATIONS
from tutor.store import LearnerStore, Params, Row

PLACEHOLDER = re.compile(r"\?")
# One advisory lock id for "migrating studybot's schema", so replicas starting together wait.
MIGRATION_LOCK = 5_172_042


def _sql(statement: str) -> str:
    """The shared statements use ``?``; psycopg wants ``%s`` (and a literal % doubled)."""
    return PLACEHOLDER.sub("%s", statement.replace("%", "%%"))


def _plain(row: dict[str, Any]) -> Row:
    """Times come back as ISO strings, exactly as the SQLite store gives them."""
    return {
        k: v.isoformat(timespec="seconds") if isinstance(v, datetime) else v for k, v in row.items()
    }


class _PgTx:
    """Statements inside one PostgreSQL transaction."""

    def __init__(self, conn: psycopg.Connection[dict[str, Any]]) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        with self.conn.cursor() as cur:
            cur.execute(_sql(sql), tuple(params))
            return [_plain(r) for r in cur.fetchall()] if cur.description else []

    def run(self, sql: str, params: Params = ()) -> int:
        with self.conn.cursor() as cur:
            cur.execute(_sql(sql), tuple(params))
            return cur.rowcount


class PostgresStore(LearnerStore):
    """Learner state in PostgreSQL (``postgresql://…``), shared by every replica."""

    backend = "postgresql"

    def __init__(self, url: str, min_size: int = 1, max_size: int = 8) -> None:
        self.url = url
        self.pool: ConnectionPool[psycopg.Connection[dict[str, Any]]] = ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            kwargs={"row_factory": dict_row, "options": "-c timezone=UTC"},
            connection_class=psycopg.Connection[dict[str, Any]],
            open=True,
        )
        self.pool.wait(timeout=30)
        self._migrate()

    def _migrate(self) -> None:
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("select pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                "create table if not exists schema_migrations (name text primary key, applied_at "
                "timestamptz not null default now())"
            )
            done = {r["name"] for r in conn.execute("select name from schema_migrations").fetchall()}
            for name, script in MIGRATIONS:
                if name in done:
                    continue
                conn.execute(script)
                conn.execute("insert into schema_migrations (name) values (%s)", (name,))

    @contextmanager
    def transaction(self) -> Iterator[_PgTx]:
        with self.pool.connection() as conn, conn.transaction():
            yield _PgTx(conn)

    def close(self) -> None:
        self.pool.close()

    def __repr__(self) -> str:
        return f"PostgresStore({re.sub(r'//[^@/]*@', '//***@', self.url)!r})"
