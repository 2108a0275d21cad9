"""A small load/fault run in `make test` (the 200-learner version is `make bench-load`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.load import group_burst, max_in_window, run

pytestmark = pytest.mark.slow


def test_max_in_window() -> None:
    assert max_in_window([0.0, 0.5, 0.99, 1.0, 1.2, 3.0]) == 4
    assert max_in_window([]) == 0


async def test_faults_lose_nothing_and_keep_the_send_budget(index_template: Path) -> None:
    r = await run(
        users=30, rounds=1, faults=0.1, template=index_template, blocked=3, seed=3, hang_seconds=3.0
    )
    assert sum(r["faults_injected"].values()) > 5  # faults were really injected
    assert r["lost"] == 0, r["lost_actions"]
    assert r["duplicated"] == 0
    assert r["answers_not_recorded_once"] == 0
    assert r["max_sends_in_1s"] <= 30
    # A 403 pauses the daily push, is not retried, and is no error.
    assert r["blocked"]["subscription_paused"] == 3
    assert r["blocked"]["most_403s_per_learner"] == 1  # the refused reply, never retried
    assert r["errors_logged"] == 0


async def test_group_burst_does_not_delay_private_chats(index_template: Path) -> None:
    r = await group_burst(index_template, burst=20, private=5, group_rate=(10, 3.0))
    assert r["group_rate_violations"] == 0
    assert r["private_lost"] == 0
    assert r["private_p95_s"] < 1.0
