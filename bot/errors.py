"""The one error handler: log with the traceback, tell the user something useful."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError

from bot.context import StudyContext

logger = logging.getLogger(__name__)


async def on_error(update: object, ctx: StudyContext) -> None:
    """Log every unhandled error; apologise in the chat it came from.

    A 403 (the user blocked the bot, or it left the group) is no bug: it pauses that chat's daily
    push, the same as a failed push does, and is logged without a traceback. Nor is Telegram failing
    through every retry (a warning); the chat still gets the apology when Telegram is back.
    """
    if isinstance(ctx.error, Forbidden):
        chat = update.effective_chat if isinstance(update, Update) else None
        logger.info("forbidden to write to %s: %s", chat.id if chat else "?", ctx.error)
        if chat is not None:
            await asyncio.to_thread(ctx.tutor.pushes.pause_blocked, chat.id)
        return
    if isinstance(ctx.error, NetworkError) and not isinstance(ctx.error, BadRequest):
        # Telegram kept failing (5xx, no connection) through every retry: an outage, not a bug.
        logger.warning("telegram unreachable after retries: %s", ctx.error)
    else:
        logger.error("error while handling an update", exc_info=ctx.error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer("Er ging iets mis. Probeer het nog eens.", show_alert=True)
        except TelegramError:
            logger.debug("could not answer the callback query after an error", exc_info=True)
        return
    chat = update.effective_chat
    if chat is None:
        return
    try:
        await ctx.bot.send_message(
            chat.id, "Oeps, er ging iets mis aan mijn kant. Probeer het zo nog eens — je voortgang is veilig."
        )
    except TelegramError:
        logger.warning("could not tell chat %s about the error", chat.id, exc_info=True)
