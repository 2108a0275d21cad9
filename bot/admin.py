"""Who may change a group's settings: its administrators, as Telegram says."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot.context import StudyContext

logger = logging.getLogger(__name__)
ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


async def require_admin(update: Update, ctx: StudyContext) -> bool:
    """True for group admins (asked from Telegram); others get a polite refusal."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return False
    try:
        member = await ctx.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        logger.warning("getChatMember failed for %s in %s", user.id, chat.id, exc_info=True)
        member = None
    if member is not None and member.status in ADMIN_STATUSES:
        return True
    await message.reply_text("Alleen beheerders van deze groep kunnen dit instellen. 🙂")
    return False
