"""Browsing the course (/hoofdstukken) and weak topics (/zwakkepunten)."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.context import StudyContext
from bot.edits import edit_or_send
from bot.render import esc, section_html, split_message
from tutor.errors import TutorError

NOTES_CHARS = 1200


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
    await edit_or_send(
        query, f"📚 {ctx.tutor.course.title} — kies een hoofdstuk:", reply_markup=chapters_markup(ctx)
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
    await edit_or_send(
        query,
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
    paras = [p.strip() for p in section.body.split("\n\n") if p.strip()]
    # A preview of whole paragraphs (never cut mid-paragraph); the button shows everything.
    notes = paras[0] if paras else ""
    for p in paras[1:]:
        if len(notes) + len(p) > NOTES_CHARS:
            break
        notes += "\n\n" + p
    more = len(notes) < len("\n\n".join(paras))
    terms = ", ".join(g.term for g in section.glossary)
    text = f"<b>{esc(section.title)}</b>\n\n{esc(notes)}"
    if more:
        text += "\n\n<i>… lees verder met 📖 Hele paragraaf.</i>"
    if terms:
        text += f"\n\n<i>Begrippen: {esc(terms)}</i>"
    rows = [
        [InlineKeyboardButton("📖 Hele paragraaf", callback_data=f"x:{section.id}")],
        [InlineKeyboardButton("🎯 Oefen dit onderwerp", callback_data=f"p:{section.id}")],
        [InlineKeyboardButton("⬅️ Terug", callback_data=f"c:{section.chapter}")],
    ]
    await query.answer()
    await edit_or_send(query, text, parse_mode=ParseMode.HTML, reply_markup=InlineKeyboardMarkup(rows))


async def on_full_section_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """'📖 Hele paragraaf': the complete section, split over as many messages as it needs."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        section = ctx.tutor.course.section(args[0])
    except KeyError as exc:
        raise TutorError("Dat onderwerp bestaat niet (meer). Kies opnieuw via /hoofdstukken.") from exc
    await query.answer()
    rows = [[InlineKeyboardButton("🎯 Oefen dit onderwerp", callback_data=f"p:{section.id}")]]
    parts = split_message(section_html(ctx.tutor.course, section))
    for i, part in enumerate(parts):
        markup = InlineKeyboardMarkup(rows) if i == len(parts) - 1 else None
        await ctx.bot.send_message(
            query.message.chat.id, part, parse_mode=ParseMode.HTML, reply_markup=markup
        )


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
