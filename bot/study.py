"""Handlers for studying in a private chat: questions, quizzes and their buttons."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError

from bot.context import StudyContext
from bot.edits import edit_or_send
from bot.render import (
    answer_html,
    feedback_html,
    full_section_keyboard,
    next_keyboard,
    split_message,
)
from bot.senders import send_question
from tutor.errors import TutorError
from tutor.feedback import recall_text

logger = logging.getLogger(__name__)
# Show "typing…" only when an answer is not ready by then: the send budget goes to what users read.
TYPING_AFTER = 0.5


async def reply_answer(update: Update, ctx: StudyContext, text: str) -> None:
    """Answer a question in the chat it came from; 'typing…' only when the answer takes a while."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    work = asyncio.ensure_future(ctx.tutor.ask_async(text, chat.id))
    done, _ = await asyncio.wait({work}, timeout=TYPING_AFTER)
    if not done:
        try:
            await ctx.bot.send_chat_action(chat.id, ChatAction.TYPING)
        except TelegramError as exc:  # a courtesy; it must never cost the answer
            logger.info("chat action failed in %s: %s", chat.id, exc)
    try:
        answer = await work
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    parts = split_message(answer_html(answer))
    markup = full_section_keyboard(answer.sources[0].section_id) if answer.found and answer.sources else None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        await message.reply_text(part, parse_mode=ParseMode.HTML, reply_markup=markup if last else None)


async def on_private_text(update: Update, ctx: StudyContext) -> None:
    """Free text in a private chat: the answer to an open /typ question, else a question."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.text is None:
        return
    if user is not None and not looks_like_question(message.text):
        pending = await asyncio.to_thread(ctx.tutor.open_recall, user.id)
        if pending is not None:
            _, session_id, nonce = pending
            try:
                fb = await asyncio.to_thread(
                    ctx.tutor.answer_recall, user.id, session_id, nonce, message.text
                )
            except TutorError as exc:
                await message.reply_text(str(exc))
                return
            await message.reply_text(f"{fb.text()}\n\nNog een? /typ")
            return
    await reply_answer(update, ctx, message.text)


def looks_like_question(text: str) -> bool:
    """A question rather than a typed term: it ends in '?' after several words, or is long."""
    n = len(text.split())
    return (text.rstrip().endswith("?") and n >= 3) or n > 8


async def on_typ(update: Update, ctx: StudyContext) -> None:
    """/typ [onderwerp]: active recall - the learner types the term for a definition."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    topic = " ".join(ctx.args or []).strip() or None
    try:
        item, _, _ = await asyncio.to_thread(ctx.tutor.start_recall, user.id, chat.id, topic)
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    await message.reply_text(f"{recall_text(item)}\n\n(Weet je het niet? Typ dan ?)")


async def on_vraag(update: Update, ctx: StudyContext) -> None:
    """/vraag <tekst>: ask a question explicitly (also in groups)."""
    text = " ".join(ctx.args or [])
    if not text.strip() and update.effective_message:
        await update.effective_message.reply_text(
            "Zet je vraag achter /vraag, bijvoorbeeld: /vraag wat is NPS?"
        )
        return
    await reply_answer(update, ctx, text)


async def on_quiz_private(update: Update, ctx: StudyContext) -> None:
    """/quiz [onderwerp] in a private chat."""
    if update.effective_chat is None or update.effective_user is None or update.effective_message is None:
        return
    topic = " ".join(ctx.args or []).strip() or None
    try:
        await send_question(ctx, update.effective_chat.id, update.effective_user.id, topic=topic)
    except TutorError as exc:
        await update.effective_message.reply_text(str(exc))


async def on_answer_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """A, B, C or D pressed: record the answer and show feedback in place."""
    query = update.callback_query
    if query is None:
        return
    session_id, nonce, choice = args
    if not session_id.isdigit() or not choice.isdigit():
        raise TutorError("Deze knop werkt niet (meer). Gebruik /quiz.")
    fb = await asyncio.to_thread(
        ctx.tutor.answer_session, query.from_user.id, int(session_id), nonce, int(choice)
    )
    if fb.repeat:
        await query.answer("Je had deze vraag al beantwoord — hier is je feedback nog eens.")
    else:
        await query.answer("✅ Goed!" if fb.correct else "❌ Helaas")
    section = await asyncio.to_thread(ctx.tutor.session_topic, int(session_id))
    await edit_or_send(
        query, feedback_html(fb.item, fb), parse_mode=ParseMode.HTML, reply_markup=next_keyboard(section)
    )


async def on_next_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """'Volgende vraag' or 'Oefen dit onderwerp'."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    section_id = None if args[0] == "-" else args[0]
    if section_id is not None:
        try:
            ctx.tutor.course.section(section_id)
        except KeyError as exc:  # a stale button from before a course edit: say so, once
            raise TutorError("Dat onderwerp bestaat niet meer. Gebruik /quiz of /hoofdstukken.") from exc
    await query.answer()
    if args and query.data and query.data.startswith("n:"):
        # One question per tap: the button disappears once used.
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(None)
    await send_question(ctx, query.message.chat.id, query.from_user.id, section_id=section_id)
