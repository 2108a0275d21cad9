"""Browsing the course (/hoofdstukken) and weak topics (/zwakkepunten)."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.context import StudyContext
from bot.render import esc
from tutor.errors import TutorError

NOTES_CHARS = 900


def chapters_markup(ctx: StudyContext) -> InlineKeyboardMarkup:
    """One button per chapter."""
    course = ctx.tutor.course
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(ch.title[:60], callback_data=f"c:{ch.number}")] for ch in course.chapters]
    )


async def on_hoofdstukken(update: Update, ctx: StudyContext) -> None:
    """/hoofdstukken: browse chapters → sections → short notes."""
    if update.effective_message:
        await update.effective_message.reply_text(
            f"📚 {ctx.tutor.course.title} — kies een hoofdstuk:", reply_markup=chapters_markup(ctx)
        )


async def on_home_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """Back to the chapter list."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    await query.edit_message_text(
        f"📚 {ctx.tutor.course.title} — kies een hoofdstuk:", reply_markup=chapters_markup(ctx)
    )


async def on_chapter_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """A chapter: its sections."""
    query = update.callback_query
    if query is None:
        return
    chapter = next((c for c in ctx.tutor.course.chapters if str(c.number) == args[0]), None)
    if chapter is None:
        raise TutorError("Dat hoofdstuk bestaat niet. Kies opnieuw via /hoofdstukken.")
    rows = [[InlineKeyboardButton(s.title[:60], callback_data=f"s:{s.id}")] for s in chapter.sections]
    rows.append([InlineKeyboardButton("⬅️ Hoofdstukken", callback_data="h")])
    await query.answer()
    await query.edit_message_text(
        f"<b>{esc(chapter.title)}</b>\nKies een onderwerp:",
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(rows),
    )


async def on_section_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """A section: short notes, its terms and a practice button."""
    query = update.callback_query
    if query is None:
        return
    try:
        section = ctx.tutor.course.section(args[0])
    except KeyError as exc:
        raise TutorError("Dat onderwerp bestaat niet. Kies opnieuw via /hoofdstukken.") from exc
    notes = section.body
    if len(notes) > NOTES_CHARS:
        notes = notes[:NOTES_CHARS].rsplit(" ", 1)[0] + " …"
    terms = ", ".join(g.term for g in section.glossary)
    text = f"<b>{esc(section.title)}</b>\n\n{esc(notes)}"
    if terms:
        text += f"\n\n<i>Begrippen: {esc(terms)}</i>"
    rows = [
        [InlineKeyboardButton("🎯 Oefen dit onderwerp", callback_data=f"p:{section.id}")],
        [InlineKeyboardButton("⬅️ Terug", callback_data=f"c:{section.chapter}")],
    ]
    await query.answer()
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=InlineKeyboardMarkup(rows))


async def on_zwakkepunten(update: Update, ctx: StudyContext) -> None:
    """/zwakkepunten: weakest sections with practice buttons, and items that keep going wrong."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    weak = await asyncio.to_thread(ctx.tutor.weak_topics, user.id)
    leeches = await asyncio.to_thread(ctx.tutor.leech_items, user.id)
    if not weak and not leeches:
        await message.reply_text("Nog geen zwakke punten gevonden 🎉 Oefen eerst wat met /quiz.")
        return
    lines = ["<b>Je zwakste onderwerpen</b>"]
    lines += [f"• {esc(t.title)} — {t.accuracy:.0%} goed ({t.answered}×)" for t in weak]
    for item in leeches[:5]:
        lines.append(f"\n🔁 <b>Blijft lastig:</b> {esc(item.question)}")
        lines.append(f"💡 {esc(item.explanation)}\n📖 <i>{esc(item.source)}</i>")
    rows = [[InlineKeyboardButton(f"🎯 {t.title[:50]}", callback_data=f"p:{t.section_id}")] for t in weak]
    await message.reply_text(
        "\n".join(lines), parse_mode=ParseMode.HTML, reply_markup=InlineKeyboardMarkup(rows) if rows else None
    )
