"""Lists without list markup: runs of sentences in a paragraph that open alike — each with a
glossary term ("Een suspect is …", "Een lead heeft …"), with the same two words ("Bij een …"), or
with the same noun ("Financiële binding …", "Sociale binding …")."""

from __future__ import annotations

import re

from index.passages import Sentence
from knowledge.model import Course
from tutor.lists import BACKREF


class Runs:
    """Finds and splits runs of sentences that open alike, for one course's glossary."""

    def __init__(self, course: Course) -> None:
        names = {n for e in course.glossary for n in e.names if len(n) >= 3}
        alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        # "Een suspect is …", "De beïnvloeder (influencer) …": a sentence that opens with a term.
        opening = r"^(?:(?:de|het|een|bij een|bij de)\s+)?(?:" + alternatives + r")(?:en|s|'s)?\b"
        self.term_opening = re.compile(opening, re.IGNORECASE) if names else None

    def find(self, body: list[Sentence]) -> list[tuple[int, list[Sentence]]]:
        """Runs of three or more sentences in a paragraph that open alike — each with a glossary
        term ("Een suspect is …", "Een lead heeft …"), with the same two words ("Bij een …"), or
        with the same noun ("Financiële binding …", "Sociale binding …"); a sentence in between
        that looks back ("Dit past bij …") belongs to the item before. A list without list markup:
        (index in ``body`` of the sentence before the run, run)."""
        runs: list[tuple[int, list[Sentence]]] = []
        i = 0
        while i < len(body):
            run = [body[i]]
            j = i + 1
            while j < len(body) and body[j].para == body[i].para and body[j].section_id == body[i].section_id:
                if self.opens(run, body[j]) or BACKREF.match(body[j].text):
                    run.append(body[j])
                else:
                    break
                j += 1
            while run and not self.opens(run, run[-1]) and len(run) > 1:
                run.pop()  # a trailing aside is no item
            if self.openings(run) >= 3:
                runs.append((i - 1, run))
                i += len(run)
            else:
                i += 1
        return runs

    def opens(self, run: list[Sentence], s: Sentence) -> bool:
        """Whether ``s`` opens an item of ``run`` the way its first item does."""
        first, words_ = run[0].text.split(), s.text.split()
        if s is run[0]:
            return True
        by_term = (
            self.term_opening is not None
            and self.term_opening.match(s.text) is not None
            and self.term_opening.match(run[0].text) is not None
        )
        same_two = words_[:2] == first[:2]
        # Compounds that end alike: "Transactieklanten …", "Relatieklanten …", "Partnerschapsklanten …".
        same_ending = (
            bool(words_)
            and min(len(words_[0]), len(first[0])) >= 9
            and (words_[0][-7:].lower() == first[0][-7:].lower())
        )
        same_noun = (
            len(words_) > 2 and len(first) > 2 and words_[1].lower() == first[1].lower()
            and len(words_[1]) >= 5 and words_[1][:1].islower() and words_[0].lower() != first[0].lower()
        )  # fmt: skip
        return by_term or same_two or same_noun or same_ending

    def openings(self, run: list[Sentence]) -> int:
        return sum(self.opens(run, x) for x in run) if run else 0

    def items(self, run: list[Sentence]) -> list[tuple[str, str]]:
        """The items of a run of sentences that open alike, each with the sentences that carry it on."""
        grouped: list[list[Sentence]] = []
        for x in run:
            if not grouped or self.opens(run, x):
                grouped.append([x])
            else:
                grouped[-1].append(x)
        return [("", " ".join(x.text for x in group)) for group in grouped]

