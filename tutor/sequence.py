"""What comes before or after a step of a sequence: "welke fase komt na de herhaalaankoop?".

The notes write their sequences as one sentence ("Een gangbare indeling is: oriëntatie, eerste
aankoop, herhaalaankoop, loyaliteit en …", "suspects → leads → prospects → …"). The answer names
the neighbour of the asked step and quotes the sentence, so the whole order is in view.
"""

from __future__ import annotations

import re

import numpy as np

from index.text import fold
from tutor.answer import bullet
from tutor.compose import Composer, Composition
from tutor.cues import NTH, STEP_NOUNS
from tutor.intent import Intent
from tutor.listing import ListComposer
from tutor.lists import inline_items

# "welke fase komt na de herhaalaankoop (in de klantrelatiecyclus)?", "wat volgt op prospects?",
# "wat is de stap vóór het afsluiten?".
NEXT = re.compile(
    r"\b(?:komt|volgt|zit)\s+(?:er\s+)?(?:direct\s+|meteen\s+)?(?P<dir>na|op|voor|vóór)\s+|"
    r"\b(?:fase|stap|trede|niveau|laag)\s+(?P<dir2>na|voor|vóór)\s+",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:de|het|een)\s+")
_CONTEXT = re.compile(r"\s+(?:in|bij|van|binnen|volgens|uit)\s+.*$")


def asked_step(question: str) -> tuple[str, bool] | None:
    """The step a question asks the neighbour of, and whether it asks the one after it."""
    m = NEXT.search(question)
    if m is None:
        return None
    step = _CONTEXT.sub("", question[m.end() :].strip(" ?!.")).strip()
    step = _ARTICLE.sub("", step).strip()
    if not step or len(step.split()) > 4:
        return None
    direction = (m["dir"] or m["dir2"]).lower()
    return step, direction in ("na", "op")


def _same_step(item: str, step: str) -> bool:
    a, b = fold(item).strip(), fold(step).strip()
    a, b = (re.sub(r"(?:s|en|fase)$", "", x) for x in (a, b))
    return len(b) >= 3 and (a == b or a.startswith(b) or b.startswith(a))


def neighbour(composer: Composer, section_ids: list[str], question: str) -> Composition | None:
    """The step before or after the asked one, from the first section whose sequence holds it."""
    asked = asked_step(question)
    if asked is None:
        return None
    step, after = asked
    for sid in section_ids:
        for s in composer.body(sid):
            items = inline_items(s.text)
            at = next((i for i, item in enumerate(items) if _same_step(item, step)), None)
            if at is None:
                continue
            other = at + 1 if after else at - 1
            if 0 <= other < len(items):
                said = f"Na {items[at]} volgt" if after else f"Vóór {items[at]} komt"
                headline = f"{said}: {items[other]}."
                return Composition(headline, context=s.text, sections=[sid], title=items[other])
            where = "de laatste" if after else "de eerste"
            headline = f"{items[at][:1].upper()}{items[at][1:]} is {where} stap in deze volgorde."
            return Composition(headline, context=s.text, sections=[sid])
    return None


# "wat is de eerste stap van het sellogram", "het laatste onderdeel van een accountplan".
ORDINAL = re.compile(
    # … and "wat houdt de eerste fase … in", "wat gebeurt er in de eerste fase …".
    r"^(?:(?:wat|welke|wie|hoe heet)\s+(?:is|was)?\s*|"
    r"(?:wat (?:houdt|houden)|wat gebeurt er in|wat doe je in)\s+)"
    rf"(?:de|het)\s+(?P<n>{NTH})\s+(?P<noun>{STEP_NOUNS})\b|"
    # "en het laatste?": a place in the list the last answer gave.
    rf"^(?:en\s+)?(?:de|het)\s+(?P<bare>{NTH})(?:\s+(?:{STEP_NOUNS}))?\s*[?.!]*$",
    re.IGNORECASE,
)
_PLACE = {"eerste": 0, "tweede": 1, "derde": 2, "vierde": 3, "vijfde": 4, "zesde": 5, "laatste": -1}


def ordinal_step(
    lister: ListComposer, section_id: str, question: str, topic: str, qvec: np.ndarray | None
) -> Composition | None:
    """The step a question asks by its place in the order ("de eerste stap"), from the section's
    list (the announcement and its items, in order, or one sentence that lists them), the whole
    list kept as context."""
    m = ORDINAL.match(question.strip())
    if m is None:
        return None
    composer = lister.c
    asked = f"noem de onderdelen van {topic}" if m["bare"] else question  # the list of the topic
    steps = lister.compose(section_id, asked, Intent("enumeration", topic), qvec)
    items = [text for _, text in steps.items]
    if not items:  # "Een veelgebruikte indeling is: suspects → leads → …"
        listing = [s.text for sid in steps.sections for s in composer.body(sid) if s.text in steps.headline]
        items = max((inline_items(t) for t in listing), key=len, default=[])
    at = _PLACE[(m["n"] or m["bare"]).lower()]
    if len(items) < 2 or at >= len(items):
        return None
    listed = "\n".join(bullet(label, text) for label, text in steps.items)
    context = f"{steps.headline}\n{listed}".strip() if steps.items else steps.headline
    item = items[at]
    # A step named in a list ("suspects") is said whole; a sentence that tells it stands alone.
    headline = item if item[-1:] in ".!?" else f"De {m['n'].lower()} {m['noun'].lower()}: {item}."
    return Composition(headline, context=context, sections=steps.sections, title=item[:60])
