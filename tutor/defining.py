"""Per-intent openings: a section's intro passage and a glossary term's definition."""

from __future__ import annotations

import numpy as np

from knowledge.model import GlossaryEntry
from tutor.compose import Composer, Composition
from tutor.lists import inline_list


def intro(c: Composer, section_id: str) -> Composition:
    """The opening passage of a section: what its model or subject is, and the sentence that
    lists its parts when the next paragraph opens with one ("Een gangbare indeling is: …")."""
    body = c.body(section_id)
    span = c.passage(body[0], lead=True)
    following = c.paras[(section_id, "body")][1:2]
    if following and inline_list(following[0][0].text):
        span.append(following[0][0])
    return Composition(c.text(span), sections=[section_id])


def define(c: Composer, entry: GlossaryEntry, question: str, qvec: np.ndarray | None) -> Composition:
    """The glossary definition, then the sentences of the notes that explain the term."""
    alias = f" ({', '.join(entry.aliases[:2])})" if entry.aliases else ""
    headline = f"{entry.term}{alias}: {entry.definition}"
    body = c.body(entry.section_id)
    naming = [s for s in body if any(c.names(s, n) for n in entry.names)] or body
    context = ""
    if naming:
        best = c.best(naming, f"{question} {entry.term}", qvec, lambda s: -0.01 * s.pos)
        context = c.text(c.passage(best, target=35, limit=80))
    return Composition(headline, context=context, sections=[entry.section_id], title=entry.term)
