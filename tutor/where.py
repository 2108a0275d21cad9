"""Where the notes treat something: "in welk hoofdstuk staat de klantenpiramide?" is answered with
the chapter and section it is in, before what the notes say about it."""

from __future__ import annotations

import dataclasses
import re

from tutor.answer import Answer

_PLACE = r"(?:hoofdstuk|college|les|week|deel|paragraaf|onderdeel)"
_VERB = (
    r"(?:staat|staan|gaat het over|gaat over|behandelt|behandelen|noemt|komt|komen|vind ik|lees ik|zit|"
    r"zitten|hoort|horen|valt|vallen|wordt|worden|leer ik|leren we|heb ik|hebben we)"
)
WHERE = re.compile(
    rf"^(?:en )?(?:in |bij |uit )?(?:welk|welke) {_PLACE} {_VERB}(?: (?:iets|er|het|je|we|ik))?"
    r"(?: (?:over|iets over|meer over|uitleg over))? (?P<topic>.+?)"
    r"(?: (?:in|aan) bod| (?:besproken|behandeld|uitgelegd|genoemd|terug|in|over|bij))?$"
    r"|^(?:which|what) (?:chapter|lecture|section) (?:covers|discusses|explains|treats|is about|mentions) "
    r"(?P<english>.+)$"
)


def where_asked(q: str) -> str | None:
    """The topic a (folded) question asks the place of in the notes, or None."""
    m = WHERE.match(q.strip(" ?!."))
    if m is None:
        return None
    topic = re.sub(r"^(?:de|het|een|the|a|an) ", "", (m["topic"] or m["english"]).strip())
    return topic or None


def with_place(question: str, answer: Answer) -> Answer:
    """``answer`` to ``question``, led by where its section is in the notes (no place when nothing
    was found)."""
    if not answer.found or not answer.sources:
        return dataclasses.replace(answer, question=question)
    s = answer.sources[0]
    place = f"Dit staat in {s.chapter}, bij ‘{s.section}’."
    note = f"{place}\n\n{answer.note}" if answer.note else place
    return dataclasses.replace(answer, question=question, note=note)
