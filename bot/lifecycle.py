"""Start-up and shutdown: command menus, the tutor built in the background (with a progress
message for early users), the push checks, closing the store."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import Application, ApplicationHandlerStop

from bot import account
from bot.context import StudyContext
from bot.jobs import start_push_checks
from runtime.app import build_campus

logger = logging.getLogger(__name__)


async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Register the command menus and start building the heavy objects in the background, so
    learners get a progress message instead of silence while the index is built."""
    for scope, commands in (
        (BotCommandScopeAllPrivateChats(), account.PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), account.GROUP_COMMANDS),
        (BotCommandScopeAllChatAdministrators(), account.ADMIN_COMMANDS),
    ):
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope)
    app.bot_data.startup_task = asyncio.create_task(start_tutor(app))


async def start_tutor(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Open (or build) the index and the learner database, then re-create the push jobs."""

    def progress(done: int, total: int) -> None:
        app.bot_data.startup = done / total if total else 1.0

    try:
        campus = await asyncio.to_thread(build_campus, app.bot_data.settings, None, progress)
        app.bot_data.campus, app.bot_data.tutor = campus, campus.default
    except Exception:
        logger.critical("the tutor could not be started", exc_info=True)
        raise
    app.bot_data.startup = 1.0
    start_push_checks(app)


async def startup_gate(update: Update, ctx: StudyContext) -> None:
    """While the tutor is still starting, say so (with progress) instead of staying silent."""
    if ctx.bot_data.tutor is not None:
        return
    text = f"Ik ben nog aan het opstarten ({ctx.bot_data.startup:.0%}). Stel je vraag zo nog eens. ⏳"
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_message is not None and (update.effective_message.text or "").strip():
        await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop


async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Close the learner database."""
    tutor = app.bot_data.tutor
    if tutor is not None:
        tutor.store.close()
