"""Courses per chat: a learner uploads their own summary (PDF, Word, Markdown, HTML, text) in a
private chat and studies it; /vak switches between the shipped courses and their own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.admin import require_admin
from bot.context import StudyContext
from bot.edits import edit_or_send
from bot.render import esc
from knowledge.ingest import IngestReport
from knowledge.readers import SUPPORTED, IngestError
from tutor.errors import TutorError

logger = logging.getLogger(__name__)
MAX_UPLOAD = 20 * 1024 * 1024  # what a bot may download from Telegram
PROGRESS_EVERY = 1.5  # seconds between two progress edits of the status message


def found_text(report: IngestReport) -> str:
    """What the ingester found, in plain Dutch, with the question to confirm the title."""
    course = report.course
    lines = [
        "✅ Gelezen! Dit heb ik gevonden:",
        f"📚 {len(course.chapters)} hoofdstukken, {len(course.sections)} onderwerpen, "
        f"{len(course.glossary)} begrippen",
    ]
    for chapter in course.chapters[:12]:
        titles = ", ".join(s.title for s in chapter.sections[:6])
        more = "…" if len(chapter.sections) > 6 else ""
        lines.append(f"• {esc(chapter.title)}: {esc(titles)}{more}")
    lines += [f"⚠️ Let op: {esc(w)}" for w in report.warnings[:5]]
    lines += ["", f"Titel: <b>{esc(course.title)}</b>. Wil je dit vak opslaan?",
              "(Andere titel? Sla op en typ dan /vaknaam nieuwe titel.)"]  # fmt: skip
    return "\n".join(lines)


async def on_document(update: Update, ctx: StudyContext) -> None:
    """A file in a private chat: read it into the learner's own course, with live progress."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.document is None:
        return
    document = message.document
    name = document.file_name or "bestand"
    if Path(name).suffix.lower() not in SUPPORTED:
        await message.reply_text(
            f"Dit bestandstype lees ik niet. Stuur je samenvatting als PDF, Word (.docx), Markdown, "
            f"HTML of tekstbestand ({', '.join(SUPPORTED)})."
        )
        return
    if (document.file_size or 0) > MAX_UPLOAD:
        await message.reply_text("Dit bestand is groter dan 20 MB; zo grote bestanden kan ik niet ophalen.")
        return
    try:
        await asyncio.to_thread(ctx.campus.start_upload, user.id)
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    status = await message.reply_text(f"📥 {esc(name)} ontvangen. Ik haal het bestand op…")
    with tempfile.TemporaryDirectory(prefix="studybot-upload-") as folder:
        path = Path(folder) / f"upload{Path(name).suffix.lower()}"
        try:
            telegram_file = await ctx.bot.get_file(document.file_id)
            await telegram_file.download_to_drive(path)
        except TelegramError as exc:
            logger.warning("download of %s failed: %s", name, exc)
            await asyncio.to_thread(ctx.campus.cancel_upload, user.id)
            await edit_message(status, "Het bestand kon ik niet ophalen. Stuur het gerust nog eens.")
            return
        await ingest_with_progress(ctx, status, user.id, path, name)


async def ingest_with_progress(
    ctx: StudyContext, status: Message, user_id: int, path: Path, name: str
) -> None:
    """Run the ingestion in a worker thread and show its progress by editing one message."""
    stage: list[tuple[str, float]] = [("lezen", 0.0)]

    def progress(text: str, share: float) -> None:
        stage.append((text, share))

    work = asyncio.ensure_future(asyncio.to_thread(ctx.campus.ingest_upload, user_id, path, progress, name))
    shown = ""
    while not work.done():
        await asyncio.wait({work}, timeout=PROGRESS_EVERY)
        what, share = stage[-1]
        text = f"⏳ Bezig: {what} ({share:.0%})"
        if not work.done() and text != shown:
            shown = text
            await edit_message(status, text)
    try:
        slug, report = work.result()
    except IngestError as exc:
        await edit_message(status, f"😕 {exc}\nEr is niets opgeslagen; je kunt een ander bestand sturen.")
        return
    except Exception:
        logger.error("ingesting an upload failed", exc_info=True)
        await edit_message(status, "Oeps, dit bestand kon ik niet verwerken. Er is niets opgeslagen.")
        return
    markup = InlineKeyboardMarkup([[
        InlineKeyboardButton("✅ Opslaan", callback_data=f"u:ok:{slug}"),
        InlineKeyboardButton("🗑 Weggooien", callback_data=f"u:del:{slug}"),
    ]])  # fmt: skip
    await edit_message(status, found_text(report), markup)


async def edit_message(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit a status message; a failed edit sends the text anew (the learner must see it)."""
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return
        await message.get_bot().send_message(message.chat_id, text, parse_mode=ParseMode.HTML,
                                             reply_markup=markup)  # fmt: skip


async def on_upload_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """'Opslaan' or 'Weggooien' under an ingested file."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    action, slug = args
    user_id = query.from_user.id
    if action == "ok":
        tutor = await asyncio.to_thread(ctx.campus.confirm_upload, user_id, query.message.chat.id, slug)
        await query.answer("Opgeslagen")
        await edit_or_send(
            query,
            f"📚 <b>{esc(tutor.course.title)}</b> staat klaar en is nu je vak. Stel een vraag of doe /quiz. "
            "Wisselen van vak: /vak",
            parse_mode=ParseMode.HTML,
        )
        return
    if action != "del":
        raise TutorError("Deze knop werkt niet (meer).")
    await asyncio.to_thread(ctx.campus.remove, user_id, slug)
    await query.answer("Weggegooid")
    await edit_or_send(query, "🗑 Weggegooid. Er is niets van dit bestand bewaard.")


def courses_keyboard(ctx: StudyContext, user_id: int, chat_id: int) -> InlineKeyboardMarkup:
    """One button per course this chat can study; the current one ticked."""
    rows = []
    for c in ctx.campus.choices(user_id, chat_id):
        label = ("✅ " if c.current else "") + ("📄 " if c.own else "") + c.title[:50]
        rows.append([InlineKeyboardButton(label, callback_data=f"v:{c.slug}")])
    return InlineKeyboardMarkup(rows)


async def on_vak(update: Update, ctx: StudyContext) -> None:
    """/vak: the courses this chat can study, as buttons (in a group: for admins)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    if chat.type != "private" and not await require_admin(update, ctx):
        return
    markup = await asyncio.to_thread(courses_keyboard, ctx, user.id, chat.id)
    private = chat.type == "private"
    hint = "Je eigen samenvatting toevoegen? Stuur het bestand (PDF of Word) hier." if private else ""
    await message.reply_text(
        f"Je studeert nu: <b>{esc(ctx.tutor.course.title)}</b>. Kies een vak:\n{hint}".strip(),
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
    )


async def on_course_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """A course picked under /vak."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    chat = query.message.chat
    if chat.type != "private":
        member = await ctx.bot.get_chat_member(chat.id, query.from_user.id)
        if member.status not in ("administrator", "creator"):
            raise TutorError("Alleen beheerders kiezen het vak van deze groep.")
    tutor = await asyncio.to_thread(ctx.campus.switch, chat.id, chat.type, query.from_user.id, args[0])
    await query.answer(f"Je studeert nu: {tutor.course.title}"[:200])
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(
            f"📚 Je studeert nu: <b>{esc(tutor.course.title)}</b>. Stel een vraag of doe /quiz.",
            parse_mode=ParseMode.HTML,
        )


async def on_vaknaam(update: Update, ctx: StudyContext) -> None:
    """/vaknaam <titel>: rename the chat's current own course."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    try:
        title = await asyncio.to_thread(ctx.campus.rename, user.id, chat.id, " ".join(ctx.args or []))
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    await message.reply_text(f"Je vak heet nu: {title}")

