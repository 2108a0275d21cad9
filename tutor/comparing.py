"""Comparisons: one block per side and the notes' sentence that contrasts them, if they have one."""

from __future__ import annotations

import numpy as np

from index.passages import Sentence
from index.retriever import Retriever
from knowledge.model import GlossaryEntry
from tutor.compose import Composer, Composition, tokens_of

# "een gewone klant": the plain kind, named by its noun.
PLAIN = frozenset(tokens_of("gewoon gewone normaal normale regulier reguliere standaard klassieke"))


def compare(
    c: Composer,
    sides: list[tuple[str, GlossaryEntry | None, str]],
    question: str,
    qvec: np.ndarray | None,
) -> Composition:
    """One block per side (definition or best sentence) plus a sentence that contrasts them.

    A side without a glossary entry gets the sentence that defines it ("Een kenmerk is …") or
    else its best sentence, one the contrasting passage does not already hold.
    """
    homes = [entry.section_id if entry is not None else section_id for _, entry, section_id in sides]
    side_names = [entry.names if entry else (name,) for name, entry, _ in sides]
    # The words that set each side apart ("kwantitatieve" against "kwalitatieve methoden").
    apart = {
        name: tokens_of(name) - PLAIN - {t for o, _, _ in sides if o != name for t in tokens_of(o)}
        for name, entry, _ in sides
        if entry is None  # a glossary entry is named by any of its names
    }

    def names_side(s: Sentence, name: str, names: tuple[str, ...]) -> bool:
        own = apart.get(name)
        return own <= c.tokens[s.id] if own else any(c.names(s, n) for n in names)

    both = [
        s
        for sid in dict.fromkeys(homes)
        for s in c.body(sid)
        if all(names_side(s, name, names) for (name, _, _), names in zip(sides, side_names, strict=True))
    ]
    contrast_span: list[Sentence] = []
    if both:
        contrast_span = c.passage(c.best(both, question, qvec), target=35, limit=80)
    contrast = c.text(contrast_span)
    items: list[tuple[str, str]] = []
    sections: list[str] = []
    for name, entry, section_id in sides:
        if entry is not None:
            items.append((entry.term, entry.definition))
            sections.append(entry.section_id)
            continue
        body = c.body(section_id)
        naming = [s for s in body if names_side(s, name, (name,))] or body
        if any(c.defines(s, name) for s in contrast_span):
            sections.append(section_id)
            continue  # the contrasting passage says what it is ("Een voordeel is wat …")
        naming = [s for s in naming if s not in contrast_span] or naming
        if not naming:
            continue
        best = c.best(naming, name, qvec, lambda s, n=name: 0.5 * c.defines(s, n) - 0.01 * s.pos)
        text = c.text(c.with_antecedent(best))
        if all(text != said for _, said in items):
            items.append((name[:1].upper() + name[1:], text))
        sections.append(section_id)
    items = [(label, text) for label, text in items if text not in contrast]
    if not items and not contrast:
        return Composition("", sections=sections)
    labels = " en ".join(n for n, _, _ in sides)
    headline = contrast or f"Het verschil tussen {labels}:"
    return Composition(headline, items=items, sections=sections)


def side_section(c: Composer, retriever: Retriever, name: str, fallback: str) -> str:
    """The section that best matches ``name`` by its words (no model call): the one whose title
    holds all of them ("kwantitatieve methoden" → "Kwantitatieve voorspellingsmethoden"), else
    ``fallback`` when its text names it, else by BM25."""
    wanted = tokens_of(name)

    def holds(title: set[str]) -> bool:
        return all(any(t == x or (len(t) >= 5 and x.endswith(t)) for x in title) for t in wanted)

    titled = [s.id for s in c.course.sections if wanted and holds(tokens_of(s.title))]
    if len(titled) == 1:
        return titled[0]
    if wanted and any(wanted <= c.tokens[s.id] for s in c.body(fallback)):
        return fallback  # "marketeer en verkoper": both sides in the section the question found
    scores = retriever.bm25_scores(name)
    if not len(scores) or float(scores.max()) <= 0:
        return fallback
    return retriever.index.chunks[int(np.argmax(scores))].section_id
