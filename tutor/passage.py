"""The passage that answers an explanation, a why or a scenario: the best coherent stretch of the
section, or the model's own steps when the question asks how it goes or what it is."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from tutor.compose import Composer, Composition
from tutor.cues import MAKING_VERBS, ORDER_ASKED, PERSON, WHEN
from tutor.defining import intro
from tutor.explaining import asks_use, explain
from tutor.intent import Intent, classifies
from tutor.listing import ListComposer
from tutor.lists import inline_sequence
from tutor.terms import is_subject, names_subject
from tutor.verbs import asked_verb, how_to, joined_verbs


def passage(lister: ListComposer, q: str, intent: Intent, top: str, qvec: np.ndarray | None) -> Composition:
    """The answer from section ``top`` to a question that asks no list, term, example or sum."""
    composer = lister.c
    course = composer.course
    # "welke rol speelt vertrouwen bij b2b": about vertrouwen, not about a "rol".
    asked = re.sub(r"^(?:welke|wat voor(?: een)?) rol (?:speelt|spelen|heeft|hebben) ", "", q)
    who = re.split(r"\s(?:bij|in|tijdens|binnen)\s", asked)[0].strip(" ?")
    role = asked != q and PERSON.search(who) is not None  # someone's role, not "vertrouwen"'s
    comp = explain(composer, top, asked, intent.topic, qvec, intent.kind, role=role)
    in_order = ORDER_ASKED.search(f"{q} {joined_verbs(q)}") and not classifies(q)
    # "hoe maak je een accountplan" is answered by its parts, "hoe spreek je de dmu aan" is not.
    # "wat heb ik als verkoper aan de kraljic matrix" asks what it is good for, not its parts.
    making = (not how_to(q) or asked_verb(q) in MAKING_VERBS) and not asks_use(q)
    # "wanneer herzie je een accountplan": a time asked, not the plan's parts.
    names = intent.kind == "explanation" and making and not WHEN.match(q)
    names = names and names_subject(composer, course, intent.topic, top)
    sequence = False  # steps told in turn in one sentence, which no list announced after it replaces
    if names or in_order:
        # "Leg het sellogram uit": the model's own steps explain it best, when it has them;
        # "… een verkoopgesprek, hoe bouw ik dat op?" asks for the steps in their order.
        steps = lister.compose(top, q, intent, qvec, runs=False)
        # "in welke volgorde voer je accountmanagement in": "eerst …, dan …, daarna …" in one sentence.
        told_in_turn = in_order and not steps.items and inline_sequence(steps.headline)
        if len(steps.items) >= 3 or told_in_turn:
            sequence = bool(told_in_turn)
            comp = comp if sequence and steps.headline in comp.headline else steps
        elif names and not how_to(q) and is_subject(course, intent.topic, top):
            # "kun je het stp proces uitleggen": the section's opening says what the model is.
            comp = intro(composer, top)
    elif intent.kind == "explanation" and how_to(q):
        comp = lister.run_led_by(top, comp.headline, q) or comp  # "hoe bind je klanten"
    if intent.kind in ("explanation", "why", "scenario") and not sequence:
        comp = lister.announced_at_end(top, comp) or comp
    if not comp.context and example_named(composer, top, q):
        # "cross-selling bij een schoonmaakgroothandel, hoe ziet dat eruit": the section's example.
        comp = replace(comp, context="Voorbeeld: " + composer.text(composer.example(top)))
    return comp


def example_named(composer: Composer, section_id: str, q: str) -> bool:
    """Whether ``q`` names something only the section's worked example speaks of ("installateur"): a
    word of its example, not of its explanation, that no other section uses."""
    example = composer.example(section_id)
    if not example:
        return False
    own = set().union(*(composer.tokens[s.id] for s in example))
    body = set().union(*(composer.tokens[s.id] for s in composer.body(section_id)))
    asked = composer.query_tokens(q)
    return any(len(t) >= 5 and t in own and t not in body and composer.spread(t) <= 1 for t in asked)
