"""Daily quiz pushes: firing, surviving a restart without double sends, /stop, and a blocked user."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.double import BotApiDouble
from tests.harness import make_settings, start_bot
from tests.sql import run
from tutor.pushes import due_slot

pytestmark = pytest.mark.slow
ANNA = 111
INTERVAL = 1.5


def pushes(double: BotApiDouble) -> list[str]:
    return [s.text for s in double.sent_to(ANNA) if s.text.startswith("📅")]


async def test_push_fires_survives_restart_and_stops(
    double: BotApiDouble, tmp_path: Path, index_template: Path
) -> None:
    settings = make_settings(double, tmp_path, index_template, push_test_interval=INTERVAL)
    anna = double.user(ANNA, "Anna")
    bot = await start_bot(settings)
    try:
        await double.send(anna, "/dagelijks 07:45")
        await double.wait_for(lambda: any("07:45" in s.text for s in double.sent_to(ANNA)))
        await double.wait_for(lambda: len(pushes(double)) >= 1, timeout=10)
        push_question = await double.wait_for(
            lambda: [s for s in double.sent_to(ANNA) if s.buttons()], timeout=10
        )
        assert len(push_question[0].buttons()) >= 2
        sub = bot.tutor.store.subscription(ANNA)
        assert sub is not None and sub["time"] == "07:45" and sub["timezone"] == "Europe/Amsterdam"
    finally:
        await bot.stop()

    # After a restart the pushes go on (the subscription lives in the database).
    before = len(pushes(double))
    bot = await start_bot(settings)
    try:
        await double.wait_for(lambda: len(pushes(double)) > before, timeout=10)
        # A slot that was sent is never claimed again, however often replicas look.
        now = datetime.now(UTC)
        slot = due_slot(bot.tutor.store.subscription(ANNA), now, INTERVAL)
        await double.wait_for(lambda: bot.tutor.store.subscription(ANNA)["last_sent"] == slot, timeout=10)
        assert bot.tutor.pushes.claim_due(now, INTERVAL) == []

        await double.send(anna, "/stop")
        await double.wait_for(lambda: any("gestopt" in s.text for s in double.sent_to(ANNA)))
        stopped_at = len(pushes(double))
        await asyncio.sleep(INTERVAL * 2.5)
        assert len(pushes(double)) == stopped_at
        assert bot.tutor.store.subscription(ANNA)["active"] == 0
    finally:
        await bot.stop()


async def test_blocked_user_pauses_subscription(
    double: BotApiDouble, tmp_path: Path, index_template: Path
) -> None:
    settings = make_settings(double, tmp_path, index_template, push_test_interval=1.0)
    anna = double.user(ANNA, "Anna")
    bot = await start_bot(settings)
    try:
        await double.send(anna, "/dagelijks 09:00")
        await double.wait_for(lambda: any("09:00" in s.text for s in double.sent_to(ANNA)))
        double.blocked.add(ANNA)
        await double.wait_for(lambda: bot.tutor.store.subscription(ANNA)["active"] == 0, timeout=10)
        sub = bot.tutor.store.subscription(ANNA)
        assert sub["paused_reason"] == "blocked"
    finally:
        await bot.stop()
    # Paused subscriptions are not revived by a restart.
    double.blocked.discard(ANNA)
    sent = len(pushes(double))
    bot = await start_bot(settings)
    try:
        await asyncio.sleep(2.5)
        assert len(pushes(double)) == sent
    finally:
        await bot.stop()


async def test_timezone_and_bad_time(double: BotApiDouble, tmp_path: Path, index_template: Path) -> None:
    bot = await start_bot(make_settings(double, tmp_path, index_template))
    anna = double.user(ANNA, "Anna")
    try:
        await double.send(anna, "/dagelijks 25:99")
        await double.send(anna, "/tijdzone Mars/Olympus")
        await double.send(anna, "/tijdzone Europe/Brussels")
        await double.wait_sent(ANNA, 3)
        texts = [s.text for s in double.sent_to(ANNA)]
        assert any("UU:MM" in t for t in texts) and any("ken ik niet" in t for t in texts)
        await double.wait_for(lambda: bot.tutor.store.user(ANNA)["timezone"] == "Europe/Brussels")
        await double.send(anna, "/dagelijks 6:05")
        await double.wait_for(lambda: any("06:05 (Europe/Brussels)" in s.text for s in double.sent_to(ANNA)))
        sub = bot.tutor.store.subscription(ANNA)
        assert (sub["time"], sub["timezone"], sub["active"]) == ("06:05", "Europe/Brussels", 1)
    finally:
        await bot.stop()


async def test_forbidden_reply_pauses_the_push_without_a_traceback(
    double: BotApiDouble, tmp_path: Path, index_template: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(double, tmp_path, index_template)
    anna = double.user(ANNA, "Anna")
    bot = await start_bot(settings)
    try:
        await double.send(anna, "/dagelijks 18:00")
        await double.wait_for(lambda: any("18:00" in s.text for s in double.sent_to(ANNA)))
        double.blocked.add(ANNA)
        await double.send(anna, "wat is nps?")  # the answer gets a 403
        await double.wait_for(lambda: bot.tutor.store.subscription(ANNA)["active"] == 0, timeout=10)
        assert bot.tutor.store.subscription(ANNA)["paused_reason"] == "blocked"
        assert not [r for r in caplog.records if r.levelname == "ERROR"]
    finally:
        await bot.stop()


async def test_timezone_names_that_are_folders_or_huge_get_a_dutch_hint(
    double: BotApiDouble, tmp_path: Path, index_template: Path
) -> None:
    bot = await start_bot(make_settings(double, tmp_path, index_template))
    anna = double.user(ANNA, "Anna")
    try:
        for name in ("Europe", "America", "x" * 300, "../../etc/passwd"):
            await double.send(anna, f"/tijdzone {name}")
        await double.wait_for(lambda: sum("ken ik niet" in s.text for s in double.sent_to(ANNA)) == 4)
        assert not any("Oeps" in s.text for s in double.sent_to(ANNA))
        assert all(len(s.text) < 300 for s in double.sent_to(ANNA))
    finally:
        await bot.stop()


def test_a_push_is_due_on_its_day_once_its_time_came_and_only_if_set_before() -> None:
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # 13:00 in Amsterdam
    sub = {"time": "08:00", "timezone": "Europe/Amsterdam", "created_at": "2026-03-01T10:00:00+00:00"}
    assert due_slot(sub, now) == "2026-03-10"  # due since 08:00 (also when every replica was down then)
    assert due_slot({**sub, "time": "19:00"}, now) is None  # not due yet today
    assert due_slot({**sub, "created_at": "2026-03-10T11:00:00+00:00"}, now) is None  # set after 08:00
    assert due_slot({**sub, "timezone": "Asia/Tokyo", "time": "20:00"}, now) == "2026-03-10"  # 21:00 there
    assert due_slot({**sub, "timezone": "Asia/Tokyo", "time": "08:00"}, now) == "2026-03-10"
    assert due_slot({**sub, "timezone": "Mars/Olympus"}, now) is None
    assert due_slot(sub, now, interval=60.0) == f"slot:{int(now.timestamp() // 60)}"


async def test_a_push_missed_while_down_is_sent_at_start_up_once(
    double: BotApiDouble, tmp_path: Path, index_template: Path
) -> None:
    from tutor.store_sqlite import SqliteStore

    settings = make_settings(double, tmp_path, index_template)
    anna = double.user(ANNA, "Anna")
    store = SqliteStore(settings.data_dir / "studybot.sqlite3")
    store.upsert_user(ANNA, "Anna")
    store.subscribe(ANNA, ANNA, "00:00", "Europe/Amsterdam", "inleiding-in-de-sales")
    run(store, "update subscriptions set last_sent = '2020-01-01', created_at = '2020-01-01T00:00:00+00:00'")
    store.close()
    bot = await start_bot(settings)
    try:
        await double.wait_for(lambda: len(pushes(double)) == 1, timeout=10)
    finally:
        await bot.stop()
    bot = await start_bot(settings)  # a second restart the same day sends nothing more
    try:
        await asyncio.sleep(2.5)
        assert len(pushes(double)) == 1 and anna["id"] == ANNA
    finally:
        await bot.stop()
