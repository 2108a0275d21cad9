"""Typed recall: the learner types the term for a definition (or, for a short definition, the
definition for a term); graded leniently, rated for FSRS.

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
from tutor.items import QuizItem

TYPO_SCORE = 85  # rapidfuzz ratio from which a near miss counts as right
SLOW_SECONDS = 30.0
QUICK_SECONDS = 8.0
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
SHORT_DEFINITION = 8  # words: a definition this short can be asked the other way round
MEANING_SHARE = 0.6  # of a definition's content words an answer must have to count as right
FULL_SHARE = 0.9
STOPWORDS = frozenset(
    "de het een en of van voor met die dat dit deze door aan als bij naar over tot uit wat wie hoe "
    "is zijn wordt worden om op te in er niet ook dan nog maar wel the of and to".split()
)


def recallable(item: QuizItem) -> bool:
    """Items typed recall can ask: the term for a definition, or a short definition for a term."""
    return item.kind == "def_to_term" or (
        item.kind == "term_to_def" and len(item.correct_option.split()) <= SHORT_DEFINITION
    )


def content_words(text: str) -> list[str]:
    """The words that carry a definition's meaning (no articles, short words or duplicates)."""
    seen: list[str] = []
    for w in normalise(text).split():
        if len(w) >= 3 and w not in STOPWORDS and w not in seen:
            seen.append(w)
    return seen


def _matches(word: str, typed: list[str]) -> bool:
    """A content word is there when typed as is, with a typo, or in another form (same stem)."""
    return any(t == word or fuzz.ratio(t, word) >= TYPO_SCORE or (
        len(t) >= 5 and len(word) >= 5 and t[:5] == word[:5]) for t in typed)  # fmt: skip


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


def _rated(correct: bool, exact: bool, seconds: float | None) -> Grade:
    if not correct:
        return Grade(False, False, AGAIN)
    if not exact or (seconds is not None and seconds > SLOW_SECONDS):
        return Grade(True, exact, HARD)
    if seconds is not None and seconds <= QUICK_SECONDS:
        return Grade(True, True, EASY)
    return Grade(True, True, GOOD)


def grade_definition(answer: str, definition: str, seconds: float | None = None) -> Grade:
    """Grade a definition typed in the learner's own words: right when it holds most of the
    definition's content words (any order, typos and other word forms forgiven); exact when it
    holds nearly all of them."""
    wanted = content_words(definition)
    typed = content_words(answer)
    if not wanted or not typed:
        return _rated(False, False, seconds)
    share = sum(_matches(w, typed) for w in wanted) / len(wanted)
    return _rated(share >= MEANING_SHARE, share >= FULL_SHARE, seconds)


def grade(answer: str, names: tuple[str, ...], seconds: float | None = None) -> Grade:
    """Grade ``answer`` against the term's ``names``; ``seconds``: time taken to answer."""
    typed = normalise(answer)
    wanted = [normalise(n) for n in names if normalise(n)]
    exact = typed in wanted
    near = len(typed) >= 3 and any(fuzz.ratio(typed, w) >= TYPO_SCORE for w in wanted)
    return _rated(exact or near, exact, seconds)
