"""Sentences of a course with their place (section, part, paragraph), for answer composition.

The chunker cuts windows for retrieval; answers are composed from whole sentences and list lines,
so this splitter keeps numbered list items, initials ("J. Wage") and amounts ("€ 3.000") intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.model import Course

SENTENCES_VERSION = "2"
# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "bijv bv vb o.a d.w.z dwz m.a.w mr dr ir ing prof nr blz p pag e.d enz etc ca resp vs jl a.s "
    "incl excl max min mln mld".split()
)
_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)]?)\s+(?=[\"'‘“(€]?[A-ZÀ-Ý0-9])")
LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–])\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a section, and where it sits."""

    id: int
    section_id: str
    part: str  # "body" | "example"
    para: int  # paragraph number within the part
    pos: int  # position within the paragraph
    text: str
    line_start: bool  # first sentence of a list line ("1. ...", "- ...")


def split_sentences(text: str) -> list[str]:
    """Sentences of one line of text, keeping initials, abbreviations and list numbers attached."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + len(m["close"])  # a closing quote or bracket stays with its sentence
        before = text[start : m.start()]
        last = before.rsplit(" ", 1)[-1].lower().rstrip(".")
        head = before.strip()
        if re.fullmatch(r"[A-Za-z]", last) or last in ABBREVIATIONS or re.fullmatch(r"\d{1,2}[.)]", head):
            continue
        out.append(text[start:end].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def paragraphs(text: str) -> list[list[tuple[str, bool]]]:
    """Paragraphs of a text as lists of (sentence, starts a list line)."""
    out: list[list[tuple[str, bool]]] = []
    for block in re.split(r"\n\s*\n", text or ""):
        para: list[tuple[str, bool]] = []
        for line in block.split("\n"):
            is_item = bool(LIST_MARKER.match(line))
            for i, s in enumerate(split_sentences(line)):
                para.append((s, is_item and i == 0))
        if para:
            out.append(para)
    return out


def course_sentences(course: Course) -> list[Sentence]:
    """Every sentence of every section's explanation and example, in reading order."""
    out: list[Sentence] = []
    for section in course.sections:
        for part, text in (("body", section.body), ("example", section.example)):
            for p, para in enumerate(paragraphs(text)):
                for pos, (s, item) in enumerate(para):
                    out.append(Sentence(len(out), section.id, part, p, pos, s, item))
    return out
