"""Daily quiz pushes: one repeating check per replica claims the due pushes in the database and
sends the ones it claimed, so with any number of replicas each push goes out once."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from telegram.constants import ParseMode
from telegram.error import Forbidden
from telegram.ext import Application

from bot.context import StudyContext
from bot.senders import send_group_quiz, send_question
from tutor.errors import TutorError
from tutor.pushes import Push

logger = logging.getLogger(__name__)
PUSH_JOB = "daily-pushes"
PARALLEL_PUSHES = 8  # pushes sent at once; the rate limiter paces the messages themselves
CLAIM_BATCH = 16  # pushes one replica claims per look, so replicas share a burst


def check_every(push_check: float, test_interval: float) -> float:
    """Seconds between two looks for due pushes (more often when pushes repeat quickly in tests)."""
    return min(push_check, test_interval / 4) if test_interval > 0 else push_check


def start_push_checks(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Look for due pushes now and then every few seconds (pushes missed while every replica was
    down go out at the first look, as long as it is still their day)."""
    if app.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    settings = app.bot_data.settings
    every = check_every(settings.push_check, settings.push_test_interval)
    app.job_queue.run_repeating(push_tick, interval=every, first=0.5, name=PUSH_JOB)


async def push_tick(ctx: StudyContext) -> None:
    """Claim what is due and send it; a push that fails to go out is retried when its lease ends."""
    settings = ctx.settings
    claimed = await asyncio.to_thread(
        ctx.campus.default.pushes.claim_due,
        None,
        settings.push_test_interval,
        CLAIM_BATCH,
        timedelta(seconds=settings.push_lease),
    )
    if not claimed:
        return
    logger.info("claimed %d daily pushes", len(claimed))
    gate = asyncio.Semaphore(PARALLEL_PUSHES)

    async def one(push: Push) -> None:
        async with gate:
            await send_push(ctx, push)

    await asyncio.gather(*(one(p) for p in claimed))


async def send_push(ctx: StudyContext, push: Push) -> None:
    """Send one claimed push (from the chat's current course) and confirm it; a blocked chat
    pauses its subscription."""
    tutor = await asyncio.to_thread(ctx.campus.for_chat, push.chat_id)
    try:
        if push.group:
            await send_group_quiz(
                ctx, push.chat_id, context="group_push", header="📅 Dagelijkse groepsquiz", tutor=tutor
            )
        else:
            user_id = push.user_id or push.chat_id
            due = await asyncio.to_thread(tutor.due_count, user_id)
            intro = (
                f"📅 Tijd voor je dagelijkse oefening! Er staan {due} herhaalvragen voor je klaar."
                if due
                else "📅 Tijd voor je dagelijkse oefening! Hier is een vraag om je geheugen scherp te houden."
            )
            await ctx.bot.send_message(push.chat_id, intro, parse_mode=ParseMode.HTML)
            await send_question(ctx, push.chat_id, user_id, context="push", tutor=tutor)
    except Forbidden:
        logger.info("push to %s forbidden; pausing its subscription", push.chat_id)
        await asyncio.to_thread(tutor.pushes.pause_blocked, push.chat_id)
    except TutorError as exc:
        logger.info("push to %s had nothing to send: %s", push.chat_id, exc)
    except Exception:
        # Not confirmed: the lease runs out and a replica (maybe this one) tries again.
        logger.warning("push to %s failed; it is retried after its lease", push.chat_id, exc_info=True)
        return
    await asyncio.to_thread(tutor.pushes.confirm, push)

