"""Turn core results into Telegram HTML, keyboards and callback data (≤ 64 bytes)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from knowledge.model import Course, Section
from tutor.answer import Answer
from tutor.feedback import LEECH_NOTE, LETTERS, Feedback
from tutor.items import QuizItem

MAX_MESSAGE = 4096


def esc(text: str) -> str:
    """HTML-escape user or course text for parse_mode=HTML."""
    return html.escape(text, quote=False)


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split at paragraph, then line, then word boundaries so no part exceeds ``limit``.

    Only used on text whose HTML tags never span a paragraph, so every part parses on its own.
    """
    parts: list[str] = []
    current = ""
    for para in text.split("\n\n"):
        pieces = [para]
        if len(para) > limit:
            pieces = []
            line_buf = ""
            # Lines first (a list item stays whole), words only inside an over-long line.
            tokens = [t for line in para.split("\n") for t in (*line.split(" "), "\n")][:-1]
            for word in tokens:
                if word == "\n":
                    if line_buf:
                        pieces.append(line_buf)
                    line_buf = ""
                    continue
                while len(word) > limit:
                    pieces.append(word[:limit])
                    word = word[limit:]
                candidate = f"{line_buf} {word}".strip(" ") if line_buf else word
                if len(candidate) > limit:
                    pieces.append(line_buf)
                    line_buf = word
                else:
                    line_buf = candidate
            if line_buf:
                pieces.append(line_buf)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) > limit:
                if current:
                    parts.append(current)
                current = piece
            else:
                current = candidate
    if current:
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def answer_html(a: Answer) -> str:
    """An answer as HTML: headline (only its term in bold), list items, context, source, see-also."""
    out = []
    if a.note:
        out.append(f"<i>{esc(a.note)}</i>")
    if a.found and a.title and a.headline.startswith(a.title):
        out.append(f"<b>{esc(a.title)}</b>{esc(a.headline[len(a.title) :])}")
    else:
        out.append(esc(a.headline))
    if a.items:
        out.append(
            "\n".join(
                f"• <b>{esc(label)}</b>: {esc(text)}" if label else f"• {esc(text)}"
                for label, text in a.items
            )
        )
    if a.context:
        out.append(esc(a.context))
    if a.found and a.sources:
        s = a.sources[0]
        out.append(f"📖 <i>{esc(s.chapter)} › {esc(s.section)}</i>")
    if a.see_also:
        label = "Zie ook" if a.found else "Misschien bedoel je"
        out.append(f"{label}: " + "; ".join(esc(s.section) for s in a.see_also))
    return "\n\n".join(out)


def section_html(course: Course, section: Section) -> str:
    """A whole section as HTML: title, chapter, every paragraph, the example and its terms."""
    out = [f"<b>{esc(section.title)}</b>\n<i>{esc(course.chapter_of(section).title)}</i>"]
    out += [esc(p.strip()) for p in section.body.split("\n\n") if p.strip()]
    if section.example:
        out.append(f"<b>Voorbeeld</b>\n{esc(section.example)}")
    if section.glossary:
        out.append("<i>Begrippen: " + esc(", ".join(g.term for g in section.glossary)) + "</i>")
    return "\n\n".join(out)


def full_section_keyboard(section_id: str) -> InlineKeyboardMarkup:
    """The '📖 Hele paragraaf' button under an answer."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton("📖 Hele paragraaf", callback_data=f"x:{section_id}")]]
    )


def question_html(item: QuizItem, header: str = "") -> str:
    """A quiz question with lettered options."""
    lines = [f"<b>{esc(header)}</b>"] if header else []
    lines.append(f"❓ {esc(item.question)}")
    lines.append("\n".join(f"<b>{LETTERS[i]}.</b> {esc(o)}" for i, o in enumerate(item.options)))
    lines.append(f"<i>Onderwerp: {esc(item.source)}</i>")
    return "\n\n".join(lines)


def feedback_html(item: QuizItem, fb: Feedback) -> str:
    """The question message after answering: verdict, right answer, explanation, source."""
    chosen = f"Jouw antwoord: {LETTERS[fb.choice]}. {esc(item.options[fb.choice])}"
    lines = [f"❓ {esc(item.question)}", chosen]
    if fb.correct:
        lines.append("✅ <b>Goed!</b>")
    else:
        lines.append(
            f"❌ <b>Helaas.</b> Het juiste antwoord is {LETTERS[item.answer]}. {esc(item.correct_option)}"
        )
    lines.append(f"💡 {esc(item.explanation)}")
    lines.append(f"📖 <i>{esc(item.source)}</i>")
    if fb.leech:
        lines.append(esc(LEECH_NOTE))
    return "\n\n".join(lines)


@dataclass(frozen=True)
class Callback:
    """Parsed callback data: a kind and its arguments."""

    kind: str
    args: tuple[str, ...]


ARG = re.compile(r"[A-Za-z0-9.\-]+")
KINDS = {"a": 3, "n": 1, "p": 1, "c": 1, "s": 1, "h": 0, "f": 1, "x": 1, "u": 2, "v": 1}


def parse_callback(data: str | None) -> Callback | None:
    """Strictly parse callback data; None for anything we never produce."""
    if not data or len(data.encode()) > 64:
        return None
    kind, *args = data.split(":")
    if KINDS.get(kind) != len(args) or any(not a or len(a) > 60 for a in args):
        return None
    if not all(ARG.fullmatch(a) for a in args):
        return None
    return Callback(kind, tuple(args))


def answer_keyboard(item: QuizItem, session_id: int, nonce: str) -> InlineKeyboardMarkup:
    """Letter buttons for a quiz question."""
    buttons = [
        InlineKeyboardButton(LETTERS[i], callback_data=f"a:{session_id}:{nonce}:{i}")
        for i in range(len(item.options))
    ]
    return InlineKeyboardMarkup([buttons])


def next_keyboard(section_id: str | None) -> InlineKeyboardMarkup:
    """'Volgende vraag' (keeping the topic, if any)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton("Volgende vraag ➡️", callback_data=f"n:{section_id or '-'}")]]
    )
