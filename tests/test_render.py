"""Telegram rendering of answers: only the term in bold, lists as lists, whole sections split safely."""

from __future__ import annotations

import copy

from bot.render import answer_html, section_html, split_message
from knowledge.model import Course
from tutor.answer import Answer, Source

SOURCE = Source("c", "College 1", "Net Promoter Score (NPS)", "1.4", 1.0)


def test_only_the_term_is_bold() -> None:
    a = Answer("wat is nps", True, "definition", "Net Promoter Score: maatstaf <voor> loyaliteit.",
               context="Je stelt één vraag.", sources=[SOURCE], title="Net Promoter Score")  # fmt: skip
    html = answer_html(a)
    assert html.startswith("<b>Net Promoter Score</b>: maatstaf &lt;voor&gt; loyaliteit.")
    assert html.count("<b>") == 1


def test_passage_answers_are_not_bold_and_lists_are_bullets() -> None:
    items = [("", "Routineproducten (laag)."), ("", "Hefboomproducten (hoog).")]
    a = Answer("noem", True, "passage", "Zo ontstaan vier kwadranten.", items=items, sources=[SOURCE])
    html = answer_html(a)
    assert "<b>" not in html.split("\n\n")[0]
    assert "• Routineproducten (laag).\n• Hefboomproducten (hoog)." in html
    comparison = Answer("verschil", True, "passage", "Het verschil:", items=[("Lead", "interesse.")],
                        sources=[SOURCE])  # fmt: skip
    assert "• <b>Lead</b>: interesse." in answer_html(comparison)


def test_a_long_section_splits_between_lines_never_inside_a_tag(shipped_course: Course) -> None:
    course = copy.deepcopy(shipped_course)
    section = course.sections[0]
    section.body = "\n\n".join([section.body] * 12)  # a section far longer than one message
    parts = split_message(section_html(course, section))
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    for part in parts:
        assert part.count("<b>") == part.count("</b>") and part.count("<i>") == part.count("</i>")
