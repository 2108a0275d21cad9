"""Typed recall: the learner types the term for a definition; graded leniently, rated for FSRS.

Lenient means: case, accents, punctuation, an article in front ("de", "het", "een", "the") and a
typo or two do not matter, and any name the course gives the term counts ("CLV" for Customer
Lifetime Value). The FSRS rating follows the outcome: Again when wrong, Hard when right with a
typo or after a long think, Easy when right at once, Good otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from index.text import fold

TYPO_SCORE = 85  # rapidfuzz ratio from which a near miss counts as right
SLOW_SECONDS = 30.0
QUICK_SECONDS = 8.0
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def normalise(text: str) -> str:
    """Folded, without punctuation, surrounding spaces or a leading article."""
    t = re.sub(r"[^\w\s-]", " ", fold(text)).replace("-", " ")
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"^(?:de|het|een|the|a|an) ", "", t)


@dataclass(frozen=True)
class Grade:
    """How a typed answer went."""

    correct: bool
    exact: bool  # word for word one of the term's names (after normalising)
    rating: int  # FSRS: 1 Again, 2 Hard, 3 Good, 4 Easy


def grade(answer: str, names: tuple[str, ...], seconds: float | None = None) -> Grade:
    """Grade ``answer`` against the term's ``names``; ``seconds``: time taken to answer."""
    typed = normalise(answer)
    wanted = [normalise(n) for n in names if normalise(n)]
    exact = typed in wanted
    near = len(typed) >= 3 and any(fuzz.ratio(typed, w) >= TYPO_SCORE for w in wanted)
    if not (exact or near):
        return Grade(False, False, AGAIN)
    if not exact or (seconds is not None and seconds > SLOW_SECONDS):
        return Grade(True, exact, HARD)
    if seconds is not None and seconds <= QUICK_SECONDS:
        return Grade(True, True, EASY)
    return Grade(True, True, GOOD)
