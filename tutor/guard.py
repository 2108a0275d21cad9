"""The unknown-term guard: a question that hinges on a term the notes do not contain gets that
said by name ("SPIN selling staat niet in de samenvatting"), never an answer from an unrelated
passage."""

from __future__ import annotations

import re
from collections.abc import Callable

from index.retriever import Retrieval
from index.text import fold
from knowledge.model import GlossaryEntry
from tutor.coverage import Coverage, bare, display_topic
from tutor.intent import Intent
from tutor.terms import original_words

# "van oriëntatie tot afscheid", "van suspect naar klant": the two ends of a range.
RANGE = re.compile(r"\bvan ([\w'-]+) (?:tot|naar|t/m) ([\w'-]+)")


# The plural a list question asks for: "welke competenties …", "wat zijn de skills van …".
ASKED_KIND = re.compile(r"^(?:welke|wat zijn (?:de|alle))\s+(?:\w+e\s+)?([a-z]{4,})\b")


def unknown_hinge(
    q: str,
    intent: Intent,
    r: Retrieval,
    coverage: Coverage,
    entry: Callable[[str], GlossaryEntry | None],
) -> str | None:
    """The name of a term the question hinges on that the course does not contain (``entry``
    finds a glossary entry by name)."""
    if intent.kind == "scenario" or r.glossary is not None:
        return None
    topics = list(intent.sides) if intent.kind == "comparison" else [intent.topic]
    methods: set[str] = set()
    if intent.kind == "explanation" and intent.topic:
        # "hoe werkt het aida-model in een verkoopgesprek": the model asked about comes first.
        asked = original_words(q, intent.topic)
        head = re.split(r"\s(?:in|bij|tijdens|volgens|voor)\s", asked)[0]
        if head != asked:
            topics.append(head)
        # "hoe kwalificeer je leads met bant": the method it is done with, when the notes lack it.
        method = re.split(r"\s(?:met|volgens|via|using|with)\s(?:de |het |een )?", asked)
        if len(method) > 1:
            topics.append(method[-1])
            methods = {method[-1]}
    for topic in topics:
        if not topic or entry(topic) is not None:
            continue
        if intent.kind == "definition" and coverage.only_in_examples(topic):
            return original_words(q, display_topic(topic))
        unknown, distinctive = coverage.unknown_terms(topic)
        # "van oriëntatie tot afscheid": a range whose other end the notes know is no term.
        for ends in RANGE.findall(fold(q)):
            if any(e not in unknown for e in ends):
                unknown = [u for u in unknown if u not in ends]
        # "welke competenties moet een accountmanager hebben": the kind of list asked is no term
        # the question hinges on when what it is asked of is known.
        kind = ASKED_KIND.search(fold(q)) if intent.kind == "enumeration" else None
        if kind is not None and distinctive > 1 and unknown == [bare(kind[1])]:
            unknown = []
        if not unknown:
            continue
        # A term question hinges on its unknown words when they are at least half of what it
        # names (so does the method a how-question names); a why/how question only when none of
        # its words is in the notes.
        hinges = intent.kind in ("definition", "comparison", "example", "enumeration", "calculation")
        hinges = hinges or topic in methods
        # "customer value journey": a term stands or falls with its head, its last word.
        head = fold(topic.split()[-1]) if intent.kind == "definition" else ""
        mostly = 2 * len(unknown) >= distinctive or head in unknown
        if (hinges and mostly) or len(unknown) == distinctive:
            return original_words(q, display_topic(topic))
    return None
