"""The quiz item every quiz (private, group poll, daily push) is made of."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class QuizItem:
    """One multiple-choice question with its answer, explanation and source."""

    id: str
    course: str
    section_id: str
    kind: str  # curated | term_to_def | def_to_term | cloze | odd_one_out
    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    source: str  # "Chapter › Section"

    @property
    def correct_option(self) -> str:
        """Text of the right option."""
        return self.options[self.answer]

    def fits_poll(self) -> bool:
        """Whether Telegram's quiz-poll limits (question 300, option 100, 2–12 options) allow it."""
        return (
            len(self.question) <= 300
            and 2 <= len(self.options) <= 12
            and all(1 <= len(o) <= 100 for o in self.options)
        )


def item_id(course: str, kind: str, key: str) -> str:
    """Stable short id from what the item asks, not where it sits: inserting, moving or renaming a
    section keeps every item's id (and so every learner's history on it)."""
    digest = hashlib.sha1(f"{course}|{kind}|{key}".encode()).hexdigest()  # noqa: S324
    return digest[:12]


def legacy_item_id(course: str, kind: str, position_id: str, key: str) -> str:
    """The id an item had while section ids were positional ("6.2"); only to migrate old data."""
    digest = hashlib.sha1(f"{course}|{kind}|{position_id}|{key}".encode()).hexdigest()  # noqa: S324
    return digest[:12]
