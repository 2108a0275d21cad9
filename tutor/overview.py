"""A chapter at a glance: "samenvatting van hoofdstuk 3", "waar gaat college 5 over?".

The answer is the chapter's own introduction and, per section, the sentence it opens with — the
course's words, in its order — so a student sees what the chapter covers before diving in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from index.retriever import Retrieval
from knowledge.model import Course
from tutor.answer import Answer, Source
from tutor.compose import Composer, Composition

_CH = r"(?:hoofdstuk|college|chapter)"
_SUM = r"(?:samenvatten|samenvatting|in het kort|overzicht)"
CHAPTER = re.compile(
    r"\b(?:samenvatting|samenvatten|overzicht|waar gaat|wat staat er in|wat komt er aan bod|onderwerpen|"
    r"wat (?:moet|moeten) (?:ik|je|we) (?:weten|kennen|leren|kunnen)|welke (?:modellen|begrippen|theorie\w*)|"
    rf"summary|summarise|summarize)\b.*?\b(?:{_CH}|h)\s*(?P<a>\d{{1,2}})\b|"
    rf"^{_CH}\s*(?P<b>\d{{1,2}})\s*{_SUM}?\s*[?.!]*$|"
    rf"\b{_CH}\s*(?P<c>\d{{1,2}})\b.*\b(?:{_SUM}|over|uit)\s*[?.!]*$",
    re.IGNORECASE,
)


def asked_chapter(question: str) -> int | None:
    """The number of the chapter a question asks an overview of, if it asks one."""
    m = CHAPTER.search(question)
    if m is None:
        return None
    return int(m["a"] or m["b"] or m["c"])


def chapter_overview(course: Course, composer: Composer, number: int) -> Composition | None:
    """The chapter's introduction, then each section with its opening sentence."""
    chapter = next((ch for ch in course.chapters if ch.number == number), None)
    if chapter is None or not chapter.sections:
        return None
    items = []
    for section in chapter.sections:
        body = composer.body(section.id)
        items.append((section.title, body[0].text if body else ""))
    headline = f"{chapter.title}: {chapter.intro}".strip(": ") if chapter.intro else chapter.title
    return Composition(headline, items=items, sections=[chapter.sections[0].id], title=chapter.title)


def overview_answer(
    q: str, note: str, course: Course, composer: Composer, source: Callable[[str, float], Source]
) -> Answer | None:
    """The answer to a chapter overview question, or None when ``q`` asks none."""
    number = asked_chapter(q)
    if number is None:
        return None
    overview = chapter_overview(course, composer, number)
    if overview is None:
        there = len(course.chapters)
        missing = f"Hoofdstuk {number} bestaat niet; de samenvatting heeft {there} hoofdstukken. "
        return Answer(q, False, "none", missing + "Kies er een met /hoofdstukken.", intent="overview",
                      confidence="none", note=note)  # fmt: skip
    return Answer(q, True, "passage", overview.headline, items=overview.items, title=overview.title,
                  sources=[source(overview.sections[0], 1.0)], intent="overview", confidence="high",
                  note=note)  # fmt: skip


# "welke kpis noemt hoofdstuk 1", "… volgens college 2", "… uit h3": where to look, no topic.
SCOPE = re.compile(
    rf"\s*,?\s*(?:\b(?:noemt|noemen|behandelt|beschrijft|geeft)\s+|"
    rf"\b(?:volgens|uit|in|van|bij|zoals in)\s+)?(?:het |de )?\b(?:{_CH}|h)\s*(?P<n>\d{{1,2}})\b",
    re.IGNORECASE,
)


def chapter_scope(q: str) -> tuple[str, int | None]:
    """``q`` without the chapter it names as where to look, and that chapter's number (None when it
    names none, or asks an overview of it)."""
    m = SCOPE.search(q)
    if m is None or asked_chapter(q) is not None:
        return q, None
    rest = (q[: m.start()] + q[m.end() :]).strip(" ,")
    return (rest, int(m["n"])) if len(rest.split()) >= 2 else (q, None)


def in_chapter(r: Retrieval, course: Course, number: int, k: int) -> Retrieval:
    """``r`` with the hits of chapter ``number``'s sections first, cut to ``k``; its evidence is the
    new first hit's."""
    sections = {s.id for ch in course.chapters if ch.number == number for s in ch.sections}
    inside = [h for h in r.hits if h.section_id in sections]
    if not inside:
        return r
    hits = [*inside, *(h for h in r.hits if h.section_id not in sections)][:k]
    moved = hits[0] is not r.hits[0]
    dense = hits[0].dense if moved else r.dense_top
    bm25 = hits[0].bm25 if moved else r.bm25_top
    return replace(r, hits=hits, dense_top=dense, bm25_top=bm25)
