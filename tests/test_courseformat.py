"""The shipped course and the Markdown course format."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.courseformat import CourseFormatError, parse_chapter, parse_course, write_course
from knowledge.model import Course

EXPECTED = {
    "College 1 — De klant centraal": [
        "Marketing vs sales",
        "Verschillen B2C en B2B/B2R",
        "Klanten",
        "Net Promoter Score (NPS)",
        "Strategie",
        "Processen",
        "Verschillende soorten sales",
    ],
    "College 2 — Marktonderzoek, analyse, verkoopplan": [
        "Marktanalyse",
        "Kwalitatieve methoden om verwachte verkopen in te schatten",
        "Kwantitatieve voorspellingsmethoden",
        "STP-proces",
    ],
    "College 3 — Leadmanagement": [
        "Online leads genereren",
        "Koude acquisitie",
        "Netwerken",
        "Aanbestedingen",
    ],
    "College 4 — Waardepropositie": [
        "Waarde onder woorden brengen, koopmotieven/leidmotieven",
        "Sellogram (J. Wage)",
        "Overtuigen en beïnvloeden (Cialdini)",
    ],
    "College 5 — Sales funnel management": [
        "Zakelijk koopproces",
        "Koopsituaties en koopgedrag",
        "Inkoopportfoliomatrix (Kraljic)",
        "De sales funnel, een afvalrace",
    ],
    "College 6 — Klantportfoliomanagement": [
        "Klantenpiramide",
        "Analyse en segmentatiecriteria",
        "Klantrelatiecyclus",
        "Klantrelatiestrategieën",
        "Customer Lifetime Value (CLV)",
    ],
    "College 7 — Accountmanagement": [
        "Functies van de accountmanager",
        "Accountmanagement invoeren, 4 uitgangspunten",
        "Soorten klanten",
        "Key account management",
        "Accountplan",
    ],
}


def test_shipped_course_has_every_chapter_and_section(shipped_course: Course) -> None:
    got = {ch.title: [s.title for s in ch.sections] for ch in shipped_course.chapters}
    assert got == EXPECTED
    assert len(shipped_course.sections) == 32


def test_shipped_course_is_long_enough_to_pass_the_exam(shipped_course: Course) -> None:
    assert shipped_course.word_count() >= 10_000


def test_every_section_has_all_parts(shipped_course: Course) -> None:
    for s in shipped_course.sections:
        assert len(s.body.split()) >= 150, s.title
        assert s.example, s.title
        assert s.glossary, s.title
        assert len(s.questions) >= 3, s.title
        assert len(s.quiz) >= 2, s.title
        for q in s.quiz:
            assert 0 <= q.answer < len(q.options) and q.explanation, s.title


def test_key_abbreviations_are_in_the_glossary(shipped_course: Course) -> None:
    names = {n.lower() for g in shipped_course.glossary for n in g.names}
    for abbr in ("nps", "clv", "kam", "stp", "b2b", "b2c", "b2r", "crm", "dmu"):
        assert abbr in names, abbr


def test_round_trip_keeps_the_course(shipped_course: Course, tmp_path: Path) -> None:
    write_course(shipped_course, tmp_path / "copy")
    again = parse_course(tmp_path / "copy")
    assert [s.title for s in again.sections] == [s.title for s in shipped_course.sections]
    assert again.glossary == shipped_course.glossary
    assert [s.quiz for s in again.sections] == [s.quiz for s in shipped_course.sections]


GOOD_SECTION = """## Onderwerp

Uitleg in een paar woorden.

### Begrippen
- **Term** (T): definitie.
"""


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("chapter: 1\n", 1, "front matter"),
        ("---\nchapter: 1\ntitle: X\n", 3, "never closed"),
        ("---\ntitle: X\n---\n" + GOOD_SECTION, 1, "lacks 'chapter'"),
        ("---\nchapter: een\ntitle: X\n---\n" + GOOD_SECTION, 1, "must be a number"),
        ("---\nchapter: 1\ntitle: X\n---\n\n### Quiz\n", 6, "outside a '##' section"),
        ("---\nchapter: 1\ntitle: X\n---\n## A\n\ntekst\n\n### Plaatjes\n", 9, "unknown subsection"),
        (
            "---\nchapter: 1\ntitle: X\n---\n## A\n\ntekst\n\n### Begrippen\n- Term: def\n",
            10,
            "glossary line",
        ),
        (
            "---\nchapter: 1\ntitle: X\n---\n## A\n\ntekst\n\n### Quiz\n**V:** Vraag?\n- [ ] a\n- [ ] b\n"
            "**Uitleg:** x\n",
            10,
            "exactly one",
        ),
        (
            "---\nchapter: 1\ntitle: X\n---\n## A\n\ntekst\n\n### Quiz\n**V:** Vraag?\n- [x] a\n- [ ] b\n",
            10,
            "Uitleg",
        ),
        ("---\nchapter: 1\ntitle: X\n---\n## A\n\n### Vragen\n- vraag?\n", 5, "no explanation"),
        ("---\nchapter: 1\ntitle: X\n---\nalleen tekst\n", 5, "no '##' sections"),
    ],
)
def test_malformed_files_fail_with_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    f = tmp_path / "01.md"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(CourseFormatError) as info:
        parse_chapter(f, strict=False)
    assert info.value.line == line
    assert reason in info.value.reason
    assert str(info.value).startswith(f"{f}:{line}:")


def test_strict_mode_demands_example_questions_and_quiz(tmp_path: Path) -> None:
    f = tmp_path / "01.md"
    f.write_text("---\nchapter: 1\ntitle: X\n---\n" + GOOD_SECTION, encoding="utf-8")
    parse_chapter(f, strict=False)
    with pytest.raises(CourseFormatError, match="words, needs"):
        parse_chapter(f, strict=True)
