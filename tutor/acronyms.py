"""One letter of an abbreviation asked: "wat betekent de T in SMART?" → tijdgebonden, found where the
notes write the abbreviation out ("specifiek, meetbaar, acceptabel, realistisch en tijdgebonden")."""

from __future__ import annotations

import re

from index.text import fold
from tutor.compose import Composer, Composition
from tutor.lists import announced_count
from tutor.terms import in_capitals

# "wat betekent de t in smart", "waar staat de p van destep voor", "de e in destep?".
LETTER_ASKED = re.compile(
    r"^(?:(?:wat|waar) (?:betekent|staat|is|zijn) )?(?:de|die|een) (?P<letter>[a-z])(?:-| )?"
    r"(?:in|van|uit|bij) (?:het |de )?(?P<word>[a-z]{3,8})(?: voor)?"
    # "de p van stp, wat houdt die in": what it means, asked after it.
    r"(?:,? (?:wat|waar) (?:betekent|houdt|staat|is) (?:die|dat|deze|het)(?: in| voor)?)?\s*[?.!]*$"
)


def _written_out(text: str, short: str) -> list[str] | None:
    """The words in ``text`` whose first letters spell ``short`` in order ("segmentatie, targeting en
    positionering" for STP), if the text lists them."""
    for m in re.finditer(r"[:(]|\bstaat voor\b|\bdie\b", text):
        items = re.split(r",\s*|\s+en\s+", text[m.end() :].strip())
        # "Monetary value (hoeveel …)", "politiek-juridische factoren. Denk aan …": up to the aside.
        labels = [" ".join(re.split(r"[(:.;?]", item)[0].split()[:3]) for item in items]
        words = [label for label in labels if label][: len(short)]
        if len(words) == len(short) and "".join(fold(w)[0] for w in words) == short:
            return words
    # "een SWOT-analyse met vier onderdelen: sterktes, zwaktes, kansen en bedreigingen": the notes'
    # Dutch words, in the order of the English letters, as many as the sentence announces.
    before, colon, after = text.partition(":")
    if colon and short.upper() in before and announced_count(before) == len(short):
        items = re.split(r",\s*|\s+en\s+", after.strip().rstrip("."))
        words = [" ".join(re.split(r"[(:.;?]", item)[0].split()[:3]) for item in items]
        if len(words) == len(short) and all(words):
            return words
    return None


def letter_meaning(composer: Composer, question: str) -> Composition | None:
    """What one letter of an abbreviation stands for, with the sentence that writes it out."""
    m = LETTER_ASKED.match(fold(question).strip())
    if m is None:
        return None
    short, letter = m["word"], m["letter"]
    if letter not in short:
        return None
    for s in in_capitals(composer, short):
        words = _written_out(s.text, short)
        if words is None:
            continue
        meant = [w for w, first in zip(words, short, strict=True) if first == letter]
        head = f"De {letter.upper()} in {short.upper()} staat voor {' en '.join(meant)}."
        # "… wat houdt die in": what the word means, when the glossary explains it.
        defined = [e for w in meant for e in composer.course.glossary if fold(e.term) == fold(w)]
        said = "".join(f"\n\n{e.term}: {e.definition}" for e in defined)
        return Composition(head, context=s.text + said, sections=[s.section_id])
    return None
