"""Sending a quiz: a private question with buttons, a group quiz poll. Used by handlers and jobs."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, cast

from telegram.constants import ParseMode, PollType

from bot.context import StudyContext
from bot.render import answer_keyboard, question_html
from tutor.errors import TutorError
from tutor.groups import GroupStudy
from tutor.service import Tutor

DEFAULT_OPEN_PERIOD = 600  # seconds a group quiz poll stays open unless /quiztijd says otherwise


def group_study(ctx: StudyContext, tutor: Tutor | None = None) -> GroupStudy:
    """The group layer over the chat's tutor (or the one given)."""
    return GroupStudy(tutor or ctx.tutor)


async def send_question(
    ctx: StudyContext,
    chat_id: int,
    user_id: int,
    *,
    topic: str | None = None,
    section_id: str | None = None,
    context: str = "private",
    header: str = "",
    tutor: Tutor | None = None,
) -> None:
    """Pick the learner's next item and send it with answer buttons."""
    tutor = tutor or ctx.tutor
    item, session_id, nonce = await asyncio.to_thread(
        functools.partial(tutor.start_question, user_id, chat_id, topic, context, section_id=section_id)
    )
    message = await ctx.bot.send_message(
        chat_id,
        question_html(item, header),
        parse_mode=ParseMode.HTML,
        reply_markup=answer_keyboard(item, session_id, nonce),
    )
    await asyncio.to_thread(tutor.show_question, session_id, message.message_id)


async def send_group_quiz(
    ctx: StudyContext,
    chat_id: int,
    topic: str | None = None,
    context: str = "group",
    header: str = "",
    tutor: Tutor | None = None,
) -> None:
    """Send one native quiz poll to a group (non-anonymous, so every member's answer arrives)."""
    groups = group_study(ctx, tutor)
    item = await asyncio.to_thread(groups.next_item, chat_id, topic)
    period = await asyncio.to_thread(groups.tutor.accounts.open_period, chat_id)
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
