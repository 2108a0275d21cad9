"""Worked examples and formulas: "geef een voorbeeld van …", "hoe bereken je …".

An example answer quotes the section's worked example (or the item's own example); a calculation
quotes the sentence that says how to calculate, and the worked example when it has numbers.
"""

from __future__ import annotations

import re

import numpy as np

from index.passages import Sentence
from tutor.calculate import FRACTIONS, worked_formula
from tutor.compose import Composer, Composition, tokens_of
from tutor.cues import FORMULA
from tutor.explaining import explain
from tutor.lists import is_item_head


def example_section(c: Composer, topic: str, candidates: list[str]) -> str | None:
    """The first candidate whose worked example names ``topic`` ("voorbeeld van een poortwachter":
    the hospital's DMU, where the secretary is the gatekeeper), if the first one's does not."""
    if not topic or not candidates or tokens_of(topic) <= tokens_of(c.course.section(candidates[0]).title):
        return None  # "voorbeeld van een accountplan": the section about it has the example
    names = [sid for sid in candidates if any(c.names(s, topic) for s in c.example(sid))]
    return names[0] if names and names[0] != candidates[0] else None


def example_of(
    c: Composer, section_id: str, question: str, topic: str, qvec: np.ndarray | None
) -> Composition:
    """The section's worked example, introduced by the sentence that names the concept."""
    example = c.example(section_id)
    lead = c.lead_sentence(section_id, topic, qvec) if topic else None
    headline = c.text(c.with_antecedent(lead)) if lead else ""
    if lead is not None and is_item_head(lead):
        # "3. Sociale bewijskracht: … Klantreviews, referenties en 'al 500 bedrijven …'": the item
        # carries its own example, before the section's worked example (when that one uses it).
        para = c.paragraph(lead)
        rest = []
        for s in para[lead.pos + 1 : lead.pos + 3]:
            if is_item_head(s):
                break
            rest.append(s)
        # (Only when they give an example: "Zakelijk verkopen verschilt op …" after "Bij B2B …" does not.)
        gives = any(re.search(r"\b(?:bijvoorbeeld|zoals|denk aan)\b|[\"'“‘]", x.text, re.I) for x in rest)
        if rest and (gives or not example):
            worked = any(c.names(s, topic) for s in example)
            context = c.text(rest) + ("\n\nVoorbeeld: " + c.text(example) if worked else "")
            return Composition(headline, context=context, sections=[section_id])
    if not example:
        return explain(c, section_id, question, topic, qvec)
    text = "Voorbeeld: " + c.text(example)
    if not headline:
        return Composition(text, sections=[section_id])
    return Composition(headline, context=text, sections=[section_id])


def brings_numbers(question: str) -> bool:
    """Whether ``question`` gives numbers to calculate with (two or more; "20 klanten, een kwart van
    de offertes …" gives a fraction in words)."""
    return len(re.findall(r"\d+", question)) + len(FRACTIONS.findall(question.lower())) >= 2


def formula(
    c: Composer, section_id: str, question: str, qvec: np.ndarray | None
) -> tuple[Sentence, float, tuple[str, str] | None]:
    """The sentence of a section that says how to calculate what ``question`` asks, its score, and
    the formula worked out with the question's numbers when they fill one in (the section's word for
    it, the line); a sentence that calculates with numbers counts when the question brings numbers."""
    body = c.body(section_id)
    numbers = brings_numbers(question)
    fills = worked_formula(question, c.text(body))
    # The sentence that names the formula the question's numbers fill in ("… de trendextrapolatie: …").
    names = {s.id for s in body if numbers and fills is not None and fills[0] in c.folded[s.id]}
    # Of those, the one that writes it out ("CLV = …"), when the word is all over its section.
    names = {i for i in names if re.search(r"[=×]", c.sentences[i].text)} or names
    formulas = [
        s
        for s in body
        if FORMULA.search(s.text) or (numbers and len(re.findall(r"\d+", s.text)) >= 2) or s.id in names
    ] or body
    scores = c.score(question, qvec, [s.id for s in formulas])
    scores = scores + np.array([0.3 * ("=" in s.text or "×" in s.text) + (s.id in names) for s in formulas])
    i = int(np.argmax(scores))
    return formulas[i], float(scores[i]), fills


def calculation(
    c: Composer, section_id: str, question: str, topic: str, qvec: np.ndarray | None
) -> Composition:
    """The formula sentence(s) and, when it has numbers, the worked example."""
    best, _, mine = formula(c, section_id, question, qvec)
    span = c.lead_in(c.passage(best, target=35, limit=90), topic, qvec)
    example = c.example(section_id)
    # The section's worked example, when it works this formula: the CLV example is no help with a
    # retention rate the student's numbers give.
    said = {t[:5] for s in example for t in c.tokens[s.id] if len(t) >= 3}
    fits = mine is None or any(t[:5] in said for t in tokens_of(mine[0]) if len(t) >= 3)
    context = ""
    if example and fits and any(re.search(r"\d", s.text) for s in example):
        context = "Voorbeeld: " + c.text(example)
    # "… 200 promotors, 120 passives en 80 detractors": the formula worked out with these numbers.
    if mine is not None:
        context = f"{mine[1]}\n\n{context}".strip()
    return Composition(c.text(span), context=context, sections=[section_id])
