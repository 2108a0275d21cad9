"""Names a question may use that the course text never writes, read as the glossary term they
stand for: an abbreviation ("tco" → total cost of ownership) and another name only the glossary
gives ("sterkte-zwakteanalyse" → SWOT-analyse)."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from index.text import fold
from knowledge.model import Course


def abbreviation(name: str) -> bool:
    """Whether a glossary name is an abbreviation written in capitals ("NPS", "TCO", "AM")."""
    return 2 <= len(name) <= 5 and name.isupper()


def says(folded: str, name: str) -> bool:
    """Whether ``folded`` (a folded question) uses the folded ``name`` as a word of its own, not as a
    part of a longer or hyphenated word."""
    return name in folded and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", folded) is not None


class OtherNames:
    """The glossary's names the text does not use, each with the tokens of its term."""

    def __init__(
        self, course: Course, body_text: str, known: Container[str], tokens: Callable[[str], set[str]]
    ) -> None:
        # "waarom is tco belangrijk": an abbreviation no sentence writes (``known`` tokens).
        self.written_out = {
            fold(name): frozenset(tokens(e.term))
            for e in course.glossary
            for name in e.names
            if abbreviation(name) and fold(name) not in known
        }
        # "sterkte-zwakteanalyse": a longer name the text of the sections (``body_text``) never uses.
        self.also_named = {
            fold(name): frozenset(tokens(e.term))
            for e in course.glossary
            for name in e.aliases
            if not abbreviation(name) and len(name) >= 6 and fold(name) not in body_text
        }

    def terms_in(self, folded: str) -> set[str]:
        """The tokens of the terms that the other names in ``folded`` (a folded question) stand for."""
        out: set[str] = set()
        for name, term in self.also_named.items():
            if says(folded, name):
                out |= term
        for word in re.findall(r"[a-z0-9]+", folded):
            out |= self.written_out.get(word, frozenset())
        return out
