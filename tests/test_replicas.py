"""Two webhook replicas on one PostgreSQL database behind the Bot API double, which delivers
updates to them in turn: everything answered once, a quiz crosses replicas, pushes go out once,
and killing a replica mid-run loses no push."""

from __future__ import annotations

import asyncio
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.double import BotApiDouble
from tests.pg import PgServer
from tests.replicas import Replica, wait_ready
from tests.sql import run
from tutor.store_pg import PostgresStore

pytestmark = pytest.mark.slow
COURSE = "inleiding-in-de-sales"
PUSH_USERS = 50


def add_due_pushes(store: PostgresStore, user_ids: range) -> None:
    """Daily pushes at 00:00 UTC set long ago: all due now, made visible in one transaction."""
    run(
        store,
        "insert into subscriptions (chat_id, user_id, course, time, timezone, active, created_at) "
        "select u, u, ?, '00:00', 'UTC', 1, '2020-01-01T00:00:00+00:00' "
        "from generate_series(?::bigint, ?::bigint) u",
        (COURSE, user_ids.start, user_ids.stop - 1),
    )


def intros(double: BotApiDouble, user_id: int) -> int:
    return sum(s.text.startswith("📅") for s in double.sent_to(user_id))


async def wait_until(predicate, timeout: float) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(timeout * 10)):
        if predicate():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


async def test_two_replicas_share_one_database(
    double: BotApiDouble, pg_server: PgServer, index_template: Path, tmp_path: Path
) -> None:
    url = pg_server.new_database()
    data = tmp_path / "data"
    shutil.copytree(index_template / "index", data / "index")  # one read-only index for both
    env = {"STUDYBOT_PUSH_CHECK": "0.5", "STUDYBOT_PUSH_LEASE": "3"}
    a = Replica("a", double, data, url, **env)
    b = Replica("b", double, data, url, **env)
    store: PostgresStore | None = None
    try:
        await asyncio.to_thread(wait_ready, [a, b])
        double.balance([a.url, b.url])
        store = PostgresStore(url)

        # Every user message is answered exactly once, whichever replica took it.
        users = [double.user(100 + i, f"Student{i}") for i in range(12)]
        for user in users:
            await double.send(user, "/start")
            await double.send(user, "wat is nps?")
        await wait_until(lambda: all(len(double.sent_to(u["id"])) >= 2 for u in users), 60)
        await asyncio.sleep(1.0)
        assert [len(double.sent_to(u["id"])) for u in users] == [2] * len(users)
        assert set(double.delivered_to.values()) == {a.url, b.url}

        # A quiz started on one replica is answered on the other.
        anna = users[0]
        await double.send(anna, "/quiz")
        question = (await double.wait_sent(anna["id"], 3))[-1]
        quiz_update = max(double.delivered_to)
        session = store.session(int(question.buttons()[0][1].split(":")[1]))
        item = store.item(session["item_id"])  # type: ignore[index]
        assert item is not None
        right = next(d for _, d in question.buttons() if d.endswith(f":{item.answer}"))
        await double.press(anna, question, right)
        await double.wait_for(lambda: question.edits == 1)
        press_update = max(double.delivered_to)
        assert double.delivered_to[quiz_update] != double.delivered_to[press_update]
        assert "✅" in question.text and len(store.answers(anna["id"], COURSE)) == 1

        # 50 daily pushes due in the same minute: each sent exactly once, by both replicas together.
        first = range(1000, 1000 + PUSH_USERS)
        for u in first:
            double.user(u, f"P{u}")
        add_due_pushes(store, first)
        await wait_until(lambda: all(intros(double, u) >= 1 for u in first), 60)
        await wait_until(lambda: len(store.active_subscriptions()) > 0 and all(
            s["last_sent"] for s in store.active_subscriptions() if s["chat_id"] in first), 30)  # fmt: skip
        await asyncio.sleep(1.5)
        assert Counter(intros(double, u) for u in first) == Counter({1: PUSH_USERS})
        assert a.claimed() + b.claimed() == PUSH_USERS and a.claimed() and b.claimed()

        # A slow Telegram, 50 more pushes, and replica a killed while it is sending them.
        double.latency = 0.3
        second = range(2000, 2000 + PUSH_USERS)
        for u in second:
            double.user(u, f"Q{u}")
        claimed_before = a.claimed() + b.claimed()
        add_due_pushes(store, second)
        await wait_until(lambda: a.claimed() + b.claimed() > claimed_before and any(
            intros(double, u) for u in second), 30)  # fmt: skip
        a.kill()
        await wait_until(lambda: all(intros(double, u) >= 1 for u in second), 90)
        counts = Counter(intros(double, u) for u in second)
        # Nothing lost; only a push that was in flight when its replica died can come twice.
        assert sum(counts.values()) == PUSH_USERS and sum(n for c, n in counts.items() if c > 1) <= 16
        double.latency = 0.0

        # With a dead, the balancer's next choice (b) answers everything, once.
        late = double.user(300, "Laat")
        await double.send(late, "wat is een lead?")
        await double.wait_sent(300, 1)
        await asyncio.sleep(1.0)
        assert len(double.sent_to(300)) == 1
    finally:
        if store is not None:
            store.close()
        a.stop()
        b.stop()
