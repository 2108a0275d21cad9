"""Daily quiz pushes on the JobQueue, re-created from SQLite at start-up."""

from __future__ import annotations

import asyncio
import logging
import time as clock
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from telegram.constants import ParseMode
from telegram.error import Forbidden
from telegram.ext import Application, JobQueue

from bot.context import StudyContext
from tutor.errors import TutorError

logger = logging.getLogger(__name__)


def job_queue(ctx: StudyContext) -> JobQueue[Any]:
    """The application's JobQueue (installed with the job-queue extra)."""
    if ctx.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    return ctx.job_queue


def job_name(chat_id: int) -> str:
    """Stable job name for a chat's daily push."""
    return f"daily:{chat_id}"


def schedule_push(job_queue: JobQueue[Any], interval: float, chat_id: int, hhmm: str, tz: str) -> None:
    """(Re)create the push job for a chat."""
    cancel_push(job_queue, chat_id)
    if interval > 0:
        job_queue.run_repeating(
            push_job, interval=interval, first=interval, name=job_name(chat_id), chat_id=chat_id
        )
        return
    hour, minute = (int(x) for x in hhmm.split(":"))
    job_queue.run_daily(
        push_job, time=time(hour, minute, tzinfo=ZoneInfo(tz)), name=job_name(chat_id), chat_id=chat_id
    )


def cancel_push(job_queue: JobQueue[Any], chat_id: int) -> None:
    """Remove a chat's push job, if any."""
    for job in job_queue.get_jobs_by_name(job_name(chat_id)):
        job.schedule_removal()


def restore_jobs(app: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """Re-create every active subscription's job (the JobQueue lives in memory)."""
    tutor = app.bot_data.tutor
    settings = app.bot_data.settings
    subs = tutor.store.active_subscriptions()
    if app.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    now = datetime.now(UTC)
    missed = 0
    for sub in subs:
        schedule_push(
            app.job_queue, settings.push_test_interval, sub["chat_id"], sub["time"], sub["timezone"]
        )
        if settings.push_test_interval <= 0 and missed_today(sub, now):
            # Due while the bot was down and still today for the learner: send it now, spread out
            # so a restart is no burst (push_job's slot check keeps it to one).
            app.job_queue.run_once(
                push_job, when=1.0 + 0.2 * missed, name=job_name(sub["chat_id"]), chat_id=sub["chat_id"]
            )
            missed += 1
    logger.info("restored %d daily pushes, %d of them missed today and sent now", len(subs), missed)
    return len(subs)


def missed_today(sub: dict[str, Any], now: datetime) -> bool:
    """Whether today's push (in the learner's zone) fell due, after it was set, and was not sent."""
    try:
        zone = ZoneInfo(sub["timezone"])
        hour, minute = (int(x) for x in sub["time"].split(":"))
    except (KeyError, ValueError, OSError):
        return False
    local = now.astimezone(zone)
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if local < due or sub.get("last_sent") == local.date().isoformat():
        return False
    set_at = sub.get("created_at")
    return not set_at or datetime.fromisoformat(set_at) < due


def slot_key(tz: str, interval: float) -> str:
    """Which push this is: the local date, or the interval slot in test mode."""
    if interval > 0:
        return f"slot:{int(clock.time() // interval)}"
    return datetime.now(ZoneInfo(tz)).date().isoformat()


async def push_job(ctx: StudyContext) -> None:
    """Send the daily push, at most once per slot; pause it when the user blocked the bot."""
    from bot.groups import send_group_quiz
    from bot.study import send_question

    job = ctx.job
    if job is None or job.chat_id is None:
        return
    chat_id = job.chat_id
    store = ctx.tutor.store
    sub = await asyncio.to_thread(store.subscription, chat_id)
    if sub is None or not sub["active"]:
        job.schedule_removal()
        return
    key = slot_key(sub["timezone"], ctx.settings.push_test_interval)
    if sub["last_sent"] == key:
        return
    await asyncio.to_thread(store.set_subscription, chat_id, last_sent=key)
    try:
        if chat_id < 0:
            await send_group_quiz(ctx, chat_id, context="group_push", header="📅 Dagelijkse groepsquiz")
            return
        due = await asyncio.to_thread(ctx.tutor.due_count, chat_id)
        intro = (
            f"📅 Tijd voor je dagelijkse oefening! Er staan {due} herhaalvragen voor je klaar."
            if due
            else "📅 Tijd voor je dagelijkse oefening! Hier is een vraag om je geheugen scherp te houden."
        )
        await ctx.bot.send_message(chat_id, intro, parse_mode=ParseMode.HTML)
        await send_question(ctx, chat_id, sub["user_id"] or chat_id, context="push")
    except Forbidden:
        logger.info("push to %s forbidden; pausing its subscription", chat_id)
        await pause_blocked(ctx, chat_id)
    except TutorError as exc:
        logger.info("push to %s had nothing to send: %s", chat_id, exc)


async def pause_blocked(ctx: StudyContext, chat_id: int) -> None:
    """The chat blocked the bot (403): pause its daily push and drop the job, whatever sent it."""
    store = ctx.tutor.store
    sub = await asyncio.to_thread(store.subscription, chat_id)
    if sub is not None and sub["active"]:
        await asyncio.to_thread(store.set_subscription, chat_id, active=0, paused_reason="blocked")
    if ctx.job_queue is not None:
        cancel_push(ctx.job_queue, chat_id)
