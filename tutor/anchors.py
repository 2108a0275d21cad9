"""Words that tie a situation to one part of the notes: "de klant zegt dat het te duur is, hoe ga ik
om met dat bezwaar?" hinges on "bezwaar", which only a few sections treat."""

from __future__ import annotations

import re

import Stemmer

from index.text import DUTCH_STOPWORDS, fold
from knowledge.model import Course
from tutor.coverage import GENERIC, VERBS, Coverage
from tutor.cues import SCAFFOLD

_STEM = Stemmer.Stemmer("dutch")
# A word is an anchor when at most this many sections' glossaries use it.
MAX_SECTIONS = 3
# Situation words that say nothing about the subject.
PLAIN = frozenset(
    """
    twijfelt twijfel zegt zeggen vraagt vragen wilt willen koopt kopen bestelt bestellen geeft geven
    morgen vandaag straks steeds eerst nieuwe nieuw heel veel weinig meer minder echt graag altijd nooit
    eigen andere ander zelf alleen samen eerste tweede keer jaar jaren maand week dagen omdat terwijl
    duur duurder goedkoop goedkoper groot grote klein kleine snel sneller
    """.split()
)


# A sales situation names a party or a thing of the trade; "ik moet een presentatie geven op school"
# does not, however much the notes say about presenting.
SALES_CONTEXT = re.compile(
    r"\b(?:klant\w*|inkoper\w*|inkoop\w*|verko\w+|leverancier\w*|offerte\w*|prospect\w*|leads?|"
    r"account\w*|order\w*|omzet|sales|deals?|afnemer\w*|koper\w*|opdrachtgever\w*|aanbieding\w*|"
    r"product\w*|dienst\w*|markt\w*|bestelling\w*|nabestel\w*|(?:we|wij) (?:leveren|leverden)|contract\w*|"
    r"tender\w*|aanbesteding\w*|dmu|crm)\b"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", fold(text))


class Anchors:
    """Per section, the stems of what it explains: its glossary (names and definitions)."""

    def __init__(self, course: Course, coverage: Coverage) -> None:
        self.coverage = coverage
        self.stems: dict[str, set[str]] = {}
        for section in course.sections:
            texts: list[str] = []
            for g in section.glossary:
                texts += [*g.names, g.definition]
            self.stems[section.id] = set(_STEM.stemWords([w for t in texts for w in _words(t)]))
        self.df: dict[str, int] = {}
        for stems in self.stems.values():
            for st in stems:
                self.df[st] = self.df.get(st, 0) + 1

    def treats(self, section_id: str, word: str) -> bool:
        """Whether the glossary of ``section_id`` uses ``word`` (in any form)."""
        return _STEM.stemWord(fold(word)) in self.stems.get(section_id, ())

    @staticmethod
    def in_sales(question: str) -> bool:
        """Whether ``question`` names a party or a thing of the trade (klant, offerte, markt, …)."""
        return SALES_CONTEXT.search(fold(question)) is not None

    def lacks(self, question: str) -> bool:
        """Whether ``question`` names a thing the notes never mention: a long word they do not know
        ("parkeerboete", "tweedehands")."""
        return any(len(w) >= 9 and not self.coverage.known(w) for w in _words(question))

    def anchors(self, question: str) -> dict[str, str]:
        """The question's anchor stems, each with the word it came from."""
        out: dict[str, str] = {}
        for w in _words(question):
            if len(w) < 4 or any(w in words for words in (DUTCH_STOPWORDS, SCAFFOLD, GENERIC, VERBS, PLAIN)):
                continue
            st = _STEM.stemWord(w)
            if 1 <= self.df.get(st, 0) <= MAX_SECTIONS:
                out[st] = w
        return out

    def find(self, question: str, candidates: list[str]) -> tuple[str, str] | None:
        """The first candidate section (in retrieval order) that treats one of the question's anchors,
        with its rarest anchor word; None when no candidate holds one."""
        if not self.in_sales(question) or self.lacks(question):
            return None  # "ik heb bezwaar tegen mijn parkeerboete": about something the notes lack
        found = self.anchors(question)
        for sid in candidates:
            held = [st for st in found if st in self.stems.get(sid, ())]
            if held:
                return sid, found[min(held, key=lambda st: self.df[st])]
        return None
