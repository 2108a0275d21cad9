"""Inline buttons: one CallbackQueryHandler per feature, each behind the same strict checks."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import StudyContext
from bot.edits import answer_or_say
from bot.render import KINDS, parse_callback
from tutor.errors import TutorError

ButtonHandler = Callable[[Update, StudyContext, tuple[str, ...]], Awaitable[None]]


def button(kinds: str, handler: ButtonHandler) -> CallbackQueryHandler[StudyContext, None]:
    """Route callback data of ``kinds`` (e.g. "np") to ``handler``: parsed strictly, never acted
    on in somebody else's private chat, a TutorError shown to the presser."""
    if not set(kinds) <= set(KINDS):
        raise ValueError(kinds)

    @functools.wraps(handler)
    async def checked(update: Update, ctx: StudyContext) -> None:
        query = update.callback_query
        if query is None or query.from_user is None:
            return
        cb = parse_callback(query.data)
        if cb is None:
            await query.answer("Deze knop werkt niet (meer). Gebruik /quiz of /help.", show_alert=True)
            return
        chat = query.message.chat if query.message is not None else None
        if chat is not None and chat.type == "private" and chat.id != query.from_user.id:
            # A button in somebody else's private chat: never act on it, never post there.
            await query.answer("Deze knop is niet van jou. Gebruik /quiz in je eigen chat.", show_alert=True)
            return
        try:
            await handler(update, ctx, cb.args)
        except TutorError as exc:
            await answer_or_say(query, str(exc))

    return CallbackQueryHandler(checked, pattern=rf"^[{kinds}](:|$)")


async def on_unknown_button(update: Update, ctx: StudyContext) -> None:
    """Callback data we never produce (forged, or from an old version)."""
    if update.callback_query is not None:
        await update.callback_query.answer(
            "Deze knop werkt niet (meer). Gebruik /quiz of /help.", show_alert=True
        )
