"""Cut a course into retrievable chunks that remember their heading path."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass

from knowledge.model import Course, Section

CHUNKER_VERSION = "3"
TARGET_WORDS = 110
OVERLAP_WORDS = 30


@dataclass(frozen=True)
class Chunk:
    """A piece of a section: its text, and the text that was embedded (with headings)."""

    id: int
    section_id: str
    kind: str  # "text" | "question" | "glossary"
    text: str
    embed_text: str


def heading_path(course: Course, section: Section) -> str:
    """'Course › Chapter › Section', the context every chunk carries."""
    return f"{course.title} › {course.chapter_of(section).title} › {section.title}"


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘(])|\n+")


def sentences(text: str) -> list[str]:
    """Sentences (and list items) of a paragraph text."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _windows(parts: list[str]) -> list[str]:
    """Group sentences into ~TARGET_WORDS windows that overlap by ~OVERLAP_WORDS."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        words = 0
        j = i
        while j < len(parts) and (words < TARGET_WORDS or j == i):
            words += len(parts[j].split())
            j += 1
        out.append(" ".join(parts[i:j]))
        if j >= len(parts):
            break
        back = 0
        k = j
        while k - 1 > i and back < OVERLAP_WORDS:
            k -= 1
            back += len(parts[k].split())
        i = max(k, i + 1)
    return out


def chunk_course(course: Course) -> list[Chunk]:
    """All chunks of a course: text windows, example questions and glossary entries."""
    chunks: list[Chunk] = []

    def add(section: Section, kind: str, text: str, embed: str) -> None:
        chunks.append(Chunk(len(chunks), section.id, kind, text, embed))

    for s in course.sections:
        path = heading_path(course, s)
        for window in _windows(sentences(s.body) + sentences(s.example)):
            add(s, "text", window, f"{path}\n{window}")
        for q in s.questions:
            add(s, "question", q, f"{s.title}: {q}")
        for g in s.glossary:
            names = ", ".join(g.names)
            add(s, "glossary", f"{g.term}: {g.definition}", f"{s.title} › {names}: {g.definition}")
    return chunks


def content_hash(course: Course) -> str:
    """Hash of everything the index is built from."""
    payload = json.dumps(
        {"title": course.title, "chapters": [asdict(c) for c in course.chapters]},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
