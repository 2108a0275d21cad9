"""Read a store's tables directly in tests (application code goes through the store's methods)."""

from __future__ import annotations

from typing import Any

from tutor.store import LearnerStore


def rows(store: LearnerStore, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    with store.transaction() as tx:
        return tx.rows(sql, params)


def run(store: LearnerStore, sql: str, params: tuple[Any, ...] = ()) -> int:
    with store.transaction() as tx:
        return tx.run(sql, params)
