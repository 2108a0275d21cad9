"""Load and fault runs: the real Application against the Bot API double, many learners at once.

Used by ``bench/load.py`` (200 learners, the figures in the README) and, smaller, by
``tests/test_load.py`` in ``make test``. The double runs on its own event loop in its own thread,
as a real server would: the bot being busy never delays when the double sees a request, so the
sends it counts per second are the sends that left the bot.

Each learner, concurrently with all others, repeats a round of actions and waits for each reply:
three questions, /quiz and a press on an answer. A few learners block the bot after subscribing
to the daily push: their next replies get a 403, which must pause their subscription, not be
retried, and not disturb anyone else.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.double import BotApiDouble
from tests.harness import RunningBot, make_settings, start_bot

ROOT = Path(__file__).resolve().parent.parent
WAIT = 60.0  # a reply later than this counts as lost


class DoubleThread:
    """The Bot API double on its own event loop in its own thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.double: BotApiDouble = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result()

    @staticmethod
    async def _start() -> BotApiDouble:
        double = BotApiDouble()
        await double.start()
        return double

    def call(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
        """Run a coroutine of the double on its loop; awaitable from the bot's loop."""
        return asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def stop(self) -> None:
        """Stop the double and its thread."""
        asyncio.run_coroutine_threadsafe(self.double.stop(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()


@dataclass
class Tally:
    """What happened to every action of a run."""

    actions: int = 0
    lost: list[tuple[int, str]] = field(default_factory=list)
    latency: list[float] = field(default_factory=list)
    expected: dict[int, int] = field(default_factory=dict)  # replies each learner should have got
    presses: dict[int, int] = field(default_factory=dict)


async def wait_until(predicate: Callable[[], bool], limit: float) -> bool:
    """Poll ``predicate`` until it holds or ``limit`` seconds pass."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return False


async def act(remote: DoubleThread, uid: int, text: str, tally: Tally) -> bool:
    """Send ``text`` as learner ``uid`` and wait for one reply; False when none came."""
    double = remote.double
    before = len(double.sent_to(uid))
    start = time.monotonic()
    await remote.call(double.send(double.users[uid], text))
    tally.actions += 1
    if not await wait_until(lambda: len(double.sent_to(uid)) > before, WAIT):
        tally.lost.append((uid, text))
        return False
    tally.latency.append(time.monotonic() - start)
    tally.expected[uid] = tally.expected.get(uid, 0) + 1
    return True


async def learner(remote: DoubleThread, uid: int, rounds: int, questions: list[str], tally: Tally) -> None:
    """One learner's rounds of actions, one after another."""
    double = remote.double
    rng = random.Random(uid)
    for _ in range(rounds):
        for q in rng.sample(questions, 3):
            await act(remote, uid, q, tally)
        before = len(double.sent_to(uid))
        if not await act(remote, uid, "/quiz", tally):
            continue
        question = double.sent_to(uid)[-1]
        buttons = [d for _, d in question.buttons() if d.startswith("a:")]
        if not buttons:
            continue  # the quiz could not be sent; the learner got a message instead
        qid = await remote.call(double.press(double.users[uid], question, rng.choice(buttons)))
        tally.actions += 1
        tally.presses[uid] = tally.presses.get(uid, 0) + 1
        if not await wait_until(
            lambda m=question, b=before: m.edits >= 1 or len(double.sent_to(uid)) > b + 1, WAIT
        ):
            tally.lost.append((uid, "press"))
        if question.edits == 0 and len(double.sent_to(uid)) > before + 1:
            tally.expected[uid] += 1  # the feedback came as a new message (the edit failed)
        await wait_until(lambda q=qid: double.callback_answers.get(q) is not None, 5)


async def blocker(remote: DoubleThread, bot: RunningBot, uid: int, tally: Tally) -> dict[str, Any]:
    """Subscribes to the daily push, blocks the bot, then writes once more (the reply gets a 403)."""
    double = remote.double
    await act(remote, uid, "/dagelijks 19:00", tally)
    double.blocked.add(uid)
    sent_before = len(double.sent_to(uid))
    await remote.call(double.send(double.users[uid], "wat is nps"))
    paused = await wait_until(lambda: (bot.tutor.store.subscription(uid) or {}).get("active") == 0, WAIT)
    await asyncio.sleep(1.0)
    return {
        "paused": paused,
        "delivered": len(double.sent_to(uid)) - sent_before,
        "refused": double.refused[uid],
    }


def trace(double: BotApiDouble, chat_id: int) -> list[str]:
    """What the double saw for one chat: its last requests and the faults it injected there."""
    calls = [(t, m, "") for m, p, t in double.requests if str(p.get("chat_id")) == str(chat_id)]
    faults = [(t, m, f) for m, c, f, t in double.fault_log if str(c) == str(chat_id)]
    t0 = min((t for t, _, _ in calls), default=0.0)
    return [f"{t - t0:7.2f} {m} {f}".rstrip() for t, m, f in sorted(calls + faults)[-12:]]


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most events in any ``window`` seconds."""
    times = sorted(times)
    best, j = 0, 0
    for i, t in enumerate(times):
        while times[j] <= t - window:
            j += 1
        best = max(best, i - j + 1)
    return best


class ErrorCounter(logging.Handler):
    """Counts ERROR records (a 403 or a fault must not produce one)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.first: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.first) < 3:
            exc = record.exc_info[1] if record.exc_info else None
            self.first.append(f"{record.name}: {record.getMessage()} {exc!r}")


async def run(
    users: int,
    rounds: int,
    faults: float,
    template: Path,
    blocked: int = 0,
    seed: int = 1,
    hang_seconds: float = 10.0,
) -> dict[str, Any]:
    """One run; returns its figures."""
    questions = [q["question"] for q in json.loads((ROOT / "bench" / "answers" / "dev.json").read_text())[
        "questions"] if q["expected"]]  # fmt: skip
    remote = DoubleThread()
    double = remote.double
    double._faults.seed(seed)
    double.hang_seconds = hang_seconds
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bot = await start_bot(make_settings(double, Path(tmp), template))
            tally = Tally()
            ids = [10_000 + i for i in range(users + blocked)]
            for uid in ids:
                double.user(uid, f"U{uid}")
            double.fault_rate = faults
            start = time.monotonic()
            results = await asyncio.gather(
                *(learner(remote, uid, rounds, questions, tally) for uid in ids[:users]),
                *(blocker(remote, bot, uid, tally) for uid in ids[users:]),
            )
            elapsed = time.monotonic() - start
            double.fault_rate = 0.0
            await asyncio.sleep(3)
            duplicated = sum(
                max(0, len(double.sent_to(uid)) - n)
                for uid, n in tally.expected.items()
                if uid not in double.blocked
            )
            recorded = {uid: len(bot.tutor.store.answers(uid)) for uid in tally.presses}
            mismatched = sum(1 for uid, n in tally.presses.items() if recorded[uid] != n)
            await bot.stop()
    finally:
        logging.getLogger().removeHandler(errors)
        remote.stop()
    lat = sorted(tally.latency)
    blockers = [r for r in results if isinstance(r, dict)]
    return {
        "users": users,
        "actions": tally.actions,
        "lost": len(tally.lost),
        "lost_actions": tally.lost[:10],
        "duplicated": duplicated,
        "answers_not_recorded_once": mismatched,
        "max_sends_in_1s": max_in_window([s.sent_at for s in double.sent]),
        "reply_p50_s": round(statistics.median(lat), 2) if lat else None,
        "reply_p95_s": round(lat[int(len(lat) * 0.95)], 2) if lat else None,
        "seconds": round(elapsed, 1),
        "faults_injected": dict(double.fault_counts),
        "blocked": {
            "learners": len(blockers),
            "subscription_paused": sum(r["paused"] for r in blockers),
            "most_403s_per_learner": max((r["refused"] for r in blockers), default=0),
        },
        "errors_logged": errors.count,
        "first_errors": errors.first,
        "lost_traces": [trace(double, uid) for uid, _ in tally.lost[:3]],
    }


async def group_burst(
    template: Path, burst: int = 20, private: int = 10, group_rate: tuple[int, float] = (20, 60.0)
) -> dict[str, Any]:
    """``burst`` members of one group send /quiz at once while ``private`` learners ask questions in
    their own chats: the group's budget (``group_rate``, Telegram's is 20 a minute) must not delay
    the private replies."""
    remote = DoubleThread()
    double = remote.double
    double.group_limit, double.group_window = group_rate
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bot = await start_bot(make_settings(double, Path(tmp), template, group_rate=group_rate))
            admin = double.user(30_000, "Admin")
            group = double.group(-40_000, "Studiegroep", creator=admin["id"])
            members = [double.user(30_001 + i, f"M{i}") for i in range(burst)]
            await remote.call(double.add_bot(group["id"], admin))
            await wait_until(lambda: bool(double.sent_to(group["id"])), 10)
            tally = Tally()
            private_ids = [20_000 + i for i in range(private)]
            for uid in private_ids:
                double.user(uid, f"P{uid}")
            questions = ["wat is nps", "wat is een lead", "wat is churn", "wat is een dmu", "wat is sales"]

            async def ask_privately(uid: int) -> None:
                await asyncio.sleep(0.3)  # while the group's burst is queued
                for q in questions:
                    await act(remote, uid, q, tally)
                    await asyncio.sleep(1.5)  # a person reads before asking again (and ~1/s per chat)

            for m in members:
                await remote.call(double.send(m, "/quiz", chat_id=group["id"]))
            await asyncio.gather(*(ask_privately(uid) for uid in private_ids))
            group_replies = len(double.sent_to(group["id"]))
            await bot.stop()
    finally:
        remote.stop()
    lat = sorted(tally.latency)
    return {
        "group_messages": burst,
        "group_rate_violations": len(double.rate_violations),
        "group_replies_meanwhile": group_replies,
        "private_replies": len(lat),
        "private_lost": len(tally.lost),
        "private_p50_s": round(statistics.median(lat), 2) if lat else None,
        "private_p95_s": round(lat[int(len(lat) * 0.95)], 2) if lat else None,
    }
