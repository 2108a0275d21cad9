"""Weak topics, mastery per chapter, answers per day and streaks, from answers and cards."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from knowledge.model import Course
from tutor.scheduler import LEECH_LAPSES, Spacing

HALF_LIFE_DAYS = 7.0


@dataclass(frozen=True)
class TopicStat:
    """How well a learner knows one section."""

    section_id: str
    title: str
    answered: int
    accuracy: float  # recency-weighted
    retrievability: float  # mean FSRS retrievability of its reviewed items
    weakness: float  # 0 (solid) .. 1 (weak)


@dataclass(frozen=True)
class Stats:
    """Everything /stats shows."""

    answered: int
    correct: int
    streak: int
    mastery: dict[str, float]  # chapter title -> 0..1
    per_day: list[tuple[date, int]]  # last 14 days


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts)


def topic_stats(
    course: Course,
    answers: list[dict[str, Any]],
    cards: list[dict[str, Any]],
    spacing: Spacing,
    now: datetime | None = None,
) -> list[TopicStat]:
    """Per section the learner has practised, weakest first."""
    now = now or datetime.now(UTC)
    weights: dict[str, float] = defaultdict(float)
    right: dict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    for a in answers:
        age_days = max((now - _parse(a["answered_at"])).total_seconds() / 86400, 0.0)
        w = math.pow(0.5, age_days / HALF_LIFE_DAYS)
        weights[a["section_id"]] += w
        right[a["section_id"]] += w * a["correct"]
        counts[a["section_id"]] += 1
    rets: dict[str, list[float]] = defaultdict(list)
    for c in cards:
        rets[c["section_id"]].append(spacing.retrievability(c, now))
    out = []
    for s in course.sections:
        if not counts[s.id]:
            continue
        acc = right[s.id] / weights[s.id] if weights[s.id] else 0.0
        ret = sum(rets[s.id]) / len(rets[s.id]) if rets[s.id] else 0.0
        weakness = 1.0 - (0.6 * acc + 0.4 * ret)
        out.append(TopicStat(s.id, s.title, counts[s.id], acc, ret, round(weakness, 4)))
    return sorted(out, key=lambda t: (-t.weakness, t.section_id))


def leeches(cards: list[dict[str, Any]]) -> list[str]:
    """Item ids the learner failed so often they are no longer repeated."""
    return [c["item_id"] for c in cards if c["lapses"] >= LEECH_LAPSES]


def streak(answers: list[dict[str, Any]], tz: str, today: date | None = None) -> int:
    """Days in a row (ending today or yesterday) with at least one answer."""
    zone = ZoneInfo(tz)
    days = {_parse(a["answered_at"]).astimezone(zone).date() for a in answers}
    day = today or datetime.now(zone).date()
    if day not in days:
        day -= timedelta(days=1)
    n = 0
    while day in days:
        n += 1
        day -= timedelta(days=1)
    return n


def stats(
    course: Course,
    items_per_section: dict[str, int],
    answers: list[dict[str, Any]],
    cards: list[dict[str, Any]],
    spacing: Spacing,
    tz: str,
    now: datetime | None = None,
) -> Stats:
    """Mastery per chapter (share of items known: retrievability ≥ 0.8), answers per day, streak."""
    now = now or datetime.now(UTC)
    known: Counter[str] = Counter()
    for c in cards:
        if c["lapses"] < LEECH_LAPSES and spacing.retrievability(c, now) >= 0.8:
            known[c["section_id"]] += 1
    mastery = {}
    for ch in course.chapters:
        total = sum(items_per_section.get(s.id, 0) for s in ch.sections)
        mastery[ch.title] = min(1.0, sum(known[s.id] for s in ch.sections) / total) if total else 0.0
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    per_day_counts = Counter(_parse(a["answered_at"]).astimezone(zone).date() for a in answers)
    per_day = [
        (today - timedelta(days=d), per_day_counts[today - timedelta(days=d)]) for d in range(13, -1, -1)
    ]
    return Stats(
        answered=len(answers),
        correct=sum(a["correct"] for a in answers),
        streak=streak(answers, tz, today),
        mastery=mastery,
        per_day=per_day,
    )
