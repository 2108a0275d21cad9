"""The course structure every other layer reads."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def slugify(text: str) -> str:
    """Lower-case ASCII slug of ``text`` (accents dropped, words joined by '-')."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in norm if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


SLUG_CHARS = 40


def section_slug(chapter: int, title: str, taken: set[str] | None = None) -> str:
    """A section's stable id, from its chapter and title ("h6-kraljic-matrix"): inserting or moving
    another section never changes it. ``taken`` (ids already given out) gets the new one added;
    a repeated title in a chapter gets "-2", "-3"."""
    base = f"h{chapter}-{slugify(title)[:SLUG_CHARS].rstrip('-') or 'onderwerp'}"
    sid, n = base, 1
    while taken is not None and sid in taken:
        n += 1
        sid = f"{base}-{n}"
    if taken is not None:
        taken.add(sid)
    return sid


@dataclass(frozen=True)
class GlossaryEntry:
    """A term with its definition and the names it also goes by."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    section_id: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The term followed by its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class CuratedQuestion:
    """A hand-written multiple-choice question from the course notes."""

    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str


@dataclass
class Section:
    """One topic of a chapter: explanation, example, glossary, questions, quiz."""

    id: str
    chapter: int
    number: int
    title: str
    body: str
    example: str = ""
    glossary: list[GlossaryEntry] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    quiz: list[CuratedQuestion] = field(default_factory=list)

    @property
    def position_id(self) -> str:
        """The positional id sections had before stable ids ("6.2"); only for migrating old data."""
        return f"{self.chapter}.{self.number}"

    @property
    def text(self) -> str:
        """Explanation plus example, as plain reading text."""
        return f"{self.body}\n\n{self.example}".strip()

    def word_count(self) -> int:
        """Words in explanation and example."""
        return len(self.text.split())


@dataclass
class Chapter:
    """A chapter (college) of a course."""

    number: int
    title: str
    intro: str = ""
    sections: list[Section] = field(default_factory=list)


@dataclass
class Course:
    """A whole course: metadata and chapters."""

    slug: str
    title: str
    description: str = ""
    chapters: list[Chapter] = field(default_factory=list)
    origin: str = "shipped"

    @property
    def sections(self) -> list[Section]:
        """All sections in reading order."""
        return [s for ch in self.chapters for s in ch.sections]

    @property
    def glossary(self) -> list[GlossaryEntry]:
        """All glossary entries in reading order."""
        return [g for s in self.sections for g in s.glossary]

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``; KeyError when unknown."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def chapter_of(self, section: Section) -> Chapter:
        """The chapter that holds ``section``."""
        for ch in self.chapters:
            if ch.number == section.chapter:
                return ch
        raise KeyError(section.chapter)

    def word_count(self) -> int:
        """Words in all section texts, glossary definitions and quiz items."""
        total = 0
        for s in self.sections:
            total += s.word_count()
            total += sum(len(g.definition.split()) + 1 for g in s.glossary)
            total += sum(len(q.split()) for q in s.questions)
            for q in s.quiz:
                total += len(q.question.split()) + len(q.explanation.split())
                total += sum(len(o.split()) for o in q.options)
        return total
