"""Handlers every chat passes through: who wrote, personal commands in groups, group mentions."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot import account, groups
from bot.context import StudyContext


async def track_chat(update: Update, ctx: StudyContext) -> None:
    """Keep users and chats current (names for scoreboards, private chats for pushes), and pick
    the tutor of the chat's current course."""
    user, chat = update.effective_user, update.effective_chat
    if chat is not None:
        # Everything below this handler works with the course this chat studies.
        ctx.chat_tutor = await asyncio.to_thread(ctx.campus.for_chat, chat.id)
    if update.poll_answer is not None or user is None or user.is_bot:
        return
    private = chat is not None and chat.type == "private"
    await asyncio.to_thread(ctx.tutor.accounts.seen, user.id, user.first_name, user.username or "", private)


async def private_only(update: Update, ctx: StudyContext) -> None:
    """Personal commands in a group: point to the private chat, show nothing personal here."""
    if update.effective_message:
        await update.effective_message.reply_text(
            f"Dit werkt in een privéchat met mij: @{ctx.bot.username}. Zo blijven jouw gegevens van jou."
        )


async def group_unknown(update: Update, ctx: StudyContext) -> None:
    """Unknown commands in a group: only answered when addressed to us explicitly."""
    message = update.effective_message
    if message and message.text and f"@{ctx.bot.username}".lower() in message.text.split()[0].lower():
        await account.on_unknown_command(update, ctx)


async def on_group_text(update: Update, ctx: StudyContext) -> None:
    """Mentions of the bot and replies to its messages are questions."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    replied = message.reply_to_message
    mentioned = f"@{ctx.bot.username}".lower() in message.text.lower()
    if mentioned or (
        replied is not None and replied.from_user is not None and replied.from_user.id == ctx.bot.id
    ):
        await groups.on_group_mention(update, ctx)
