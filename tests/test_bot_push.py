"""Daily quiz pushes: firing, surviving a restart without double sends, /stop, and a blocked user."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.jobs import slot_key
from tests.double import BotApiDouble
from tests.harness import make_settings, start_bot
from tests.sql import run

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

    # A restart re-creates the job from SQLite.
    before = len(pushes(double))
    bot = await start_bot(settings)
    try:
        (job,) = bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
        await double.wait_for(lambda: len(pushes(double)) > before, timeout=10)
        # The same slot never sends twice, even if the job runs again. The interval job keeps running
        # on its own, so the check only counts when no new slot began while it ran.
        for _ in range(10):
            slot = slot_key("Europe/Amsterdam", INTERVAL)
            count = len(pushes(double))
            bot.tutor.store.set_subscription(ANNA, last_sent=slot)
            await job.run(bot.app)
            if slot_key("Europe/Amsterdam", INTERVAL) == slot:
                assert len(pushes(double)) == count
                break
            await asyncio.sleep(0.1)
        else:
            pytest.fail("no quiet slot to check the double-send guard in")

        await double.send(anna, "/stop")
        await double.wait_for(lambda: any("gestopt" in s.text for s in double.sent_to(ANNA)))
        stopped_at = len(pushes(double))
        await asyncio.sleep(INTERVAL * 2.5)
        assert len(pushes(double)) == stopped_at
        assert not bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
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
        await double.wait_for(lambda: not bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}"), timeout=5)
    finally:
        await bot.stop()
    # Paused subscriptions are not revived by a restart.
    bot = await start_bot(settings)
    try:
        assert not bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
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
        (job,) = bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
        assert job.next_t is not None and job.next_t.utcoffset() is not None
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
        assert bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
        double.blocked.add(ANNA)
        await double.send(anna, "wat is nps?")  # the answer gets a 403
        await double.wait_for(lambda: bot.tutor.store.subscription(ANNA)["active"] == 0, timeout=10)
        assert bot.tutor.store.subscription(ANNA)["paused_reason"] == "blocked"
        await double.wait_for(lambda: not bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}"), timeout=5)
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


def test_missed_today_only_for_pushes_that_fell_due_after_they_were_set() -> None:
    from datetime import UTC, datetime

    from bot.jobs import missed_today

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # 13:00 in Amsterdam
    sub = {"time": "08:00", "timezone": "Europe/Amsterdam", "last_sent": "2026-03-09",
           "created_at": "2026-03-01T10:00:00+00:00"}  # fmt: skip
    assert missed_today(sub, now)
    assert not missed_today({**sub, "last_sent": "2026-03-10"}, now)  # already sent today
    assert not missed_today({**sub, "time": "19:00"}, now)  # not due yet today
    assert not missed_today({**sub, "created_at": "2026-03-10T11:00:00+00:00"}, now)  # set after 08:00
    assert missed_today({**sub, "timezone": "Asia/Tokyo", "time": "20:00"}, now)  # 21:00 there
    assert not missed_today({**sub, "timezone": "Mars/Olympus"}, now)


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
