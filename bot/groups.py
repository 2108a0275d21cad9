"""Group chats: quiz polls for everyone, per-member progress, scoreboard, group push, admin checks."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, cast

from telegram import Update
from telegram.constants import ChatMemberStatus, ParseMode, PollType
from telegram.error import TelegramError

from bot.context import StudyContext
from bot.jobs import cancel_push, job_queue, schedule_push
from bot.render import esc
from bot.study import reply_answer
from tutor.errors import TutorError
from tutor.groups import GroupStudy
from tutor.service import parse_seconds, parse_time

logger = logging.getLogger(__name__)
ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
DEFAULT_OPEN_PERIOD = 600  # seconds a group quiz poll stays open unless /quiztijd says otherwise


def group_study(ctx: StudyContext) -> GroupStudy:
    """The group layer over the tutor."""
    return GroupStudy(ctx.tutor)


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


async def send_group_quiz(
    ctx: StudyContext, chat_id: int, topic: str | None = None, context: str = "group", header: str = ""
) -> None:
    """Send one native quiz poll to a group (non-anonymous, so every member's answer arrives)."""
    groups = group_study(ctx)
    item = await asyncio.to_thread(groups.next_item, chat_id, topic)
    chat = await asyncio.to_thread(ctx.tutor.store.chat, chat_id)
    period = (chat or {}).get("open_period")
    open_period = DEFAULT_OPEN_PERIOD if period is None else (period or None)  # 0: an admin chose no limit
    if header:
        await ctx.bot.send_message(chat_id, header)
    message = await ctx.bot.send_poll(
        chat_id,
        item.question,
        list(item.options),
        type=PollType.QUIZ,
        is_anonymous=False,
        correct_option_ids=[cast(Any, item.answer)],
        explanation=groups.poll_explanation(item),
        open_period=open_period,
        allows_revoting=False,  # a quiz answer is final, as in Telegram's own quizzes
    )
    if message.poll is None:
        raise TutorError("De quizpoll kon niet worden aangemaakt.")
    await asyncio.to_thread(groups.record_poll, message.poll.id, chat_id, message.message_id, item)


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
        hhmm = parse_time(ctx.args[0]) if ctx.args else "19:00"
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    tz = ctx.settings.timezone
    await asyncio.to_thread(ctx.tutor.store.subscribe, chat.id, None, hhmm, tz)
    schedule_push(job_queue(ctx), ctx.settings.push_test_interval, chat.id, hhmm, tz)
    await message.reply_text(f"⏰ Elke dag om {hhmm} ({tz}) stuur ik hier een groepsquiz. Stoppen: /stop")


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
    store = ctx.tutor.store
    # A group the bot never saw being added has no row yet: create it on demand.
    await asyncio.to_thread(store.ensure_chat, chat.id, chat.type, chat.title or "")
    await asyncio.to_thread(store.set_chat_field, chat.id, "open_period", seconds)
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
    store = ctx.tutor.store
    arg = ctx.args[0].lower() if ctx.args else ""
    if arg in ("uit", "aan"):
        await asyncio.to_thread(store.set_user_field, user.id, "scoreboard_opt_out", int(arg == "uit"))
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
    await asyncio.to_thread(ctx.tutor.store.upsert_chat, chat.id, chat.type, chat.title or "", active)
    if not active:
        cancel_push(job_queue(ctx), chat.id)
        sub = await asyncio.to_thread(ctx.tutor.store.subscription, chat.id)
        if sub:
            await asyncio.to_thread(
                ctx.tutor.store.set_subscription, chat.id, active=0, paused_reason="removed"
            )
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
    await asyncio.to_thread(ctx.tutor.store.migrate_chat, old, new)
    cancel_push(job_queue(ctx), old)
    sub = await asyncio.to_thread(ctx.tutor.store.subscription, new)
    if sub and sub["active"]:
        schedule_push(job_queue(ctx), ctx.settings.push_test_interval, new, sub["time"], sub["timezone"])
