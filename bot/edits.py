"""Editing a button's message safely: a double tap or a deleted message never loses the content."""

from __future__ import annotations

import logging
from typing import Any

from telegram import CallbackQuery
from telegram.error import BadRequest

logger = logging.getLogger(__name__)


def _chat_id(query: CallbackQuery) -> int:
    """The chat the button was pressed in (the presser's own chat when the message is unknown)."""
    return query.message.chat.id if query.message is not None else query.from_user.id


async def edit_or_send(query: CallbackQuery, text: str, **kwargs: Any) -> None:
    """Edit the message of ``query``; "not modified" is fine, a gone message gets a new one."""
    try:
        await query.edit_message_text(text, **kwargs)
    except BadRequest as exc:
        reason = str(exc).lower()
        if "not modified" in reason:
            return  # a double tap: the message already shows this
        if "not found" not in reason and "can't be edited" not in reason:
            raise
        logger.info("message to edit is gone (%s); sending the content anew", exc)
        await query.get_bot().send_message(_chat_id(query), text, **kwargs)


async def answer_or_say(query: CallbackQuery, text: str) -> None:
    """Answer ``query`` with an alert; when Telegram no longer takes the answer, say it in the chat."""
    try:
        await query.answer(text[:200], show_alert=True)
    except BadRequest as exc:
        logger.info("callback answer refused (%s); writing to the chat instead", exc)
        await query.get_bot().send_message(_chat_id(query), text)
