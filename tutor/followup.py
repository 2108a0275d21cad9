"""Questions that lean on the last answer without naming a topic of their own: "en het laatste?"
after the quadrants of Kraljic, "waarom is dat belangrijk voor een verkoper" after Kraljic."""

from __future__ import annotations

import re

from index.text import fold
from tutor.answer import Topic
from tutor.coverage import GENERIC, VERBS
from tutor.cues import NTH, STEP_NOUNS
from tutor.intent import Intent

# "en het laatste?", "de tweede stap": a place in the last answer's list, no topic.
_ORDINAL_ONLY = re.compile(rf"^(?:{NTH}|volgende|vorige)(?: (?:{STEP_NOUNS}))?$")
# "waarom is dat belangrijk": a pronoun that points at what was said.
_POINTS_BACK = re.compile(r"\b(?:dat|dit|die|deze|ze|hij|zij|hem|daarvan|daarmee|daarbij)\b")


def leans_back(q: str, intent: Intent) -> bool:
    """Whether ``q`` is about the last answer's topic though ``intent`` found words: only a place
    in its list, or only generic words beside a pronoun that points back."""
    topic = fold(intent.topic)
    if not topic or intent.kind == "comparison":
        return False
    if _ORDINAL_ONLY.match(topic):
        return True
    vague = all(w in GENERIC or w in VERBS for w in topic.split())
    return vague and _POINTS_BACK.search(fold(q)) is not None


# "wat is het verschil?", "en wat is het verschil tussen die twee": no sides named.
_BARE_DIFFERENCE = re.compile(
    r"^(?:en )?(?:wat is |wat zijn )?(?:het |de )?(?:verschil|verschillen|difference)"
    r"(?: (?:dan|tussen (?:die|deze) (?:twee|2)|ertussen))?\s*[?.!]*$"
)


def last_two(q: str, intent: Intent, previous: Topic | None) -> tuple[str, str] | None:
    """The last two topics when ``q`` asks their difference without naming them ("wat is een
    lead?" … "en een prospect?" … "wat is het verschil?")."""
    if previous is None or previous.earlier is None or intent.sides or intent.topic:
        return None
    asked = _BARE_DIFFERENCE.match(fold(q).strip()) is not None
    return (previous.earlier.term, previous.term) if asked else None
