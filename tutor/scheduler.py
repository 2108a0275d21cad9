"""FSRS-6 spaced repetition: every answer is a review; what to ask next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

LEECH_LAPSES = 6


@dataclass(frozen=True)
class Review:
    """A card after one review."""

    card: str
    due: str
    reps: int
    lapses: int

    @property
    def is_leech(self) -> bool:
        """Failed so often that repeating it helps no more."""
        return self.lapses >= LEECH_LAPSES


class Spacing:
    """Wraps the fsrs Scheduler; card state travels as JSON strings."""

    def __init__(self, fuzz: bool = True, desired_retention: float = 0.9) -> None:
        self.fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def review(
        self,
        row: dict[str, Any] | None,
        correct: bool,
        when: datetime | None = None,
        rating: int | None = None,
    ) -> Review:
        """Apply one answer to a learner's card (a new card when ``row`` is None). ``rating``: an FSRS
        rating (1 Again … 4 Easy) when the answer says more than right or wrong (typed recall)."""
        when = when or datetime.now(UTC)
        card = Card.from_json(row["card"]) if row else Card(due=when)
        chosen = Rating(rating) if rating is not None else (Rating.Good if correct else Rating.Again)
        card, _ = self.fsrs.review_card(card, chosen, when)
        reps = (row["reps"] if row else 0) + 1
        lapses = (row["lapses"] if row else 0) + (0 if correct else 1)
        return Review(card.to_json(), card.due.isoformat(timespec="seconds"), reps, lapses)

    def retrievability(self, row: dict[str, Any], when: datetime | None = None) -> float:
        """Probability the learner still knows the item now."""
        card = Card.from_json(row["card"])
        if card.last_review is None:
            return 0.0
        return float(self.fsrs.get_card_retrievability(card, when or datetime.now(UTC)))
