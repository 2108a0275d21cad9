"""Group chats: quiz polls for everyone, per-member progress, scoreboard, group push, admin checks."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import Update
from telegram.constants import ChatMemberStatus, ParseMode

from bot.admin import require_admin
from bot.context import StudyContext
from bot.render import esc
from bot.senders import group_study, send_group_quiz
from bot.study import reply_answer
from tutor.accounts import DEFAULT_PUSH
from tutor.errors import TutorError
from tutor.parsing import parse_seconds, parse_time

logger = logging.getLogger(__name__)


async def on_quiz_group(update: Update, ctx: StudyContext) -> None:
    """/quiz [onderwerp] in a group: a quiz poll."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    try:
        await send_group_quiz(ctx, chat.id, " ".join(ctx.args or []).strip() or None)
    except TutorError as exc:
        await message.reply_text(str(exc))


async def on_poll_answer(update: Update, ctx: StudyContext) -> None:
    """A member voted (or changed/retracted a vote) on one of our quiz polls."""
    answer = update.poll_answer
    if answer is None or answer.user is None:
        return
    user = answer.user
    await asyncio.to_thread(
        group_study(ctx).vote,
        answer.poll_id,
        user.id,
        user.first_name,
        user.username or "",
        list(answer.option_ids),
        update.update_id,
    )


async def on_poll_update(update: Update, ctx: StudyContext) -> None:
    """One of our polls changed; when it closed, post the result once (within the group's budget)."""
    poll = update.poll
    if poll is None or not poll.is_closed:
        return
    groups = group_study(ctx)
    result = await asyncio.to_thread(groups.close_poll, poll.id)
    if result is not None:
        await ctx.bot.send_message(result.chat_id, groups.result_text(result))


async def on_group_mention(update: Update, ctx: StudyContext) -> None:
    """A message that mentions the bot or replies to it: treat it as a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = re.sub(rf"@{re.escape(ctx.bot.username)}\b", "", message.text, flags=re.IGNORECASE).strip()
    await reply_answer(update, ctx, text)


async def on_group_dagelijks(update: Update, ctx: StudyContext) -> None:
    """/dagelijks UU:MM in a group: one daily group quiz poll (admins only)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None or not await require_admin(update, ctx):
        return
    try:
        hhmm = parse_time(ctx.args[0]) if ctx.args else DEFAULT_PUSH
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    plan = await asyncio.to_thread(ctx.tutor.accounts.subscribe, chat.id, None, hhmm)
    await message.reply_text(
        f"⏰ Elke dag om {hhmm} ({plan.timezone}) stuur ik hier een groepsquiz. Stoppen: /stop"
    )


async def on_quiztijd(update: Update, ctx: StudyContext) -> None:
    """/quiztijd <seconden>: how long group quiz polls stay open (admins; 0 = no limit)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    if chat.type == "private":
        await message.reply_text("/quiztijd is voor groepen.")
        return
    # Admins first: a member's argument is never even parsed.
    if not await require_admin(update, ctx):
        return
    try:
        seconds = parse_seconds(ctx.args[0] if ctx.args else "")
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    await asyncio.to_thread(
        ctx.tutor.accounts.set_open_period, chat.id, chat.type, chat.title or "", seconds
    )
    await message.reply_text(
        f"Quizpolls staan voortaan {seconds} seconden open."
        if seconds
        else "Quizpolls blijven voortaan open tot iemand ze sluit."
    )


async def on_scorebord(update: Update, ctx: StudyContext) -> None:
    """/scorebord [uit|aan]: this group's ranking (first names only), or opt out/in."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    if chat.type == "private":
        await message.reply_text("Het scorebord hoort bij een groep. Gebruik /scorebord in je studiegroep.")
        return
    arg = ctx.args[0].lower() if ctx.args else ""
    if arg in ("uit", "aan"):
        await asyncio.to_thread(ctx.tutor.accounts.set_scoreboard, user.id, arg == "aan")
        await message.reply_text(
            "Je staat niet meer op scoreborden." if arg == "uit" else "Je staat weer op scoreborden."
        )
        return
    groups = group_study(ctx)
    week = await asyncio.to_thread(groups.scoreboard, chat.id, groups.week_start(ctx.settings.timezone))
    total = await asyncio.to_thread(groups.scoreboard, chat.id, None)
    if not total:
        await message.reply_text("Nog geen scores. Start een groepsquiz met /quiz!")
        return
    lines = ["🏆 <b>Scorebord deze week</b>"]
    lines += [f"{i}. {esc(r.first_name)} — {r.correct}/{r.answered}" for i, r in enumerate(week, 1)] or [
        "(nog niemand)"
    ]
    lines += ["", "<b>Aller tijden</b>"]
    lines += [f"{i}. {esc(r.first_name)} — {r.correct}/{r.answered}" for i, r in enumerate(total, 1)]
    lines += ["", "<i>Liever niet op het scorebord? /scorebord uit</i>"]
    await message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


async def on_my_chat_member(update: Update, ctx: StudyContext) -> None:
    """The bot was added to or removed from a group."""
    change = update.my_chat_member
    if change is None:
        return
    chat = change.chat
    if chat.type == "private":
        return
    active = change.new_chat_member.status in (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)
    await asyncio.to_thread(
        ctx.tutor.accounts.group_membership, chat.id, chat.type, chat.title or "", active
    )
    if not active:
        return
    await ctx.bot.send_message(
        chat.id,
        "Hoi allemaal! 👋 Ik ben jullie studiemaatje.\n/quiz — groepsquiz voor iedereen\n"
        "/vraag <tekst> — vraag over de stof\n/scorebord — wie staat bovenaan\n"
        "/dagelijks UU:MM — dagelijkse groepsquiz (beheerders)",
    )


async def on_migrate(update: Update, ctx: StudyContext) -> None:
    """A group became a supergroup: keep its data under the new id."""
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return
    old, new = message.chat.id, message.migrate_to_chat_id
    await asyncio.to_thread(ctx.tutor.accounts.migrate_group, old, new)
