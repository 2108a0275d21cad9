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
class ChapterProgress:
    """How far a learner is with one chapter."""

    title: str  # short: without "College n —"
    mastery: float  # 0..1: the chapter's items, each counted by how likely it is still known
    practised: int  # items answered at least once
    known: int  # items whose last answer was right and that are still likely known (R >= 0.8)
    total: int  # items of the chapter


@dataclass(frozen=True)
class Stats:
    """Everything /stats shows."""

    answered: int
    correct: int
    streak: int
    mastery: dict[str, float]  # chapter title -> 0..1
    per_day: list[tuple[date, int]]  # last 14 days
    chapters: list[ChapterProgress]
    topics_practised: int
    topics_total: int
    weak: list[str]  # titles of the weakest practised topics
    today: int  # answers today

    def summary(self) -> str:
        """One Dutch paragraph: topics practised, weak ones, today, streak."""
        if not self.answered:
            return (
                f"Nog niets geoefend: 0 van {self.topics_total} onderwerpen. Start met /quiz — "
                "na je eerste antwoorden zie je hier per hoofdstuk hoe ver je bent."
            )
        parts = [f"{self.topics_practised} van {self.topics_total} onderwerpen geoefend"]
        if self.weak:
            parts.append(f"{len(self.weak)} zwak: {', '.join(self.weak[:3])}")
        parts.append(f"vandaag {self.today} {'antwoord' if self.today == 1 else 'antwoorden'}")
        parts.append(f"reeks {self.streak} {'dag' if self.streak == 1 else 'dagen'}")
        return ", ".join(parts) + "."


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


def short_title(title: str) -> str:
    """'College 5 — Sales funnel management' → 'Sales funnel management'."""
    return title.split("—")[-1].strip()


def stats(
    course: Course,
    items_per_section: dict[str, int],
    answers: list[dict[str, Any]],
    cards: list[dict[str, Any]],
    spacing: Spacing,
    tz: str,
    now: datetime | None = None,
) -> Stats:
    """Mastery per chapter from FSRS, topics practised and weak, answers per day, streak.

    An item counts towards mastery only when its last answer was right, weighted by the chance the
    learner still knows it (FSRS retrievability); a wrong answer never counts, however recent.
    """
    now = now or datetime.now(UTC)
    last_right: dict[str, bool] = {}
    for a in answers:  # oldest first: the last one wins
        last_right[a["item_id"]] = bool(a["correct"])
    score: defaultdict[str, float] = defaultdict(float)
    known: Counter[str] = Counter()
    practised: Counter[str] = Counter()
    for c in cards:
        practised[c["section_id"]] += 1
        if not last_right.get(c["item_id"]) or c["lapses"] >= LEECH_LAPSES:
            continue
        r = spacing.retrievability(c, now)
        score[c["section_id"]] += r
        known[c["section_id"]] += r >= 0.8
    chapters = []
    for ch in course.chapters:
        ids = [s.id for s in ch.sections]
        total = sum(items_per_section.get(i, 0) for i in ids)
        chapters.append(
            ChapterProgress(
                title=short_title(ch.title),
                mastery=min(1.0, sum(score[i] for i in ids) / total) if total else 0.0,
                practised=min(total, sum(practised[i] for i in ids)),
                known=min(total, sum(known[i] for i in ids)),
                total=total,
            )
        )
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    per_day_counts = Counter(_parse(a["answered_at"]).astimezone(zone).date() for a in answers)
    per_day = [
        (today - timedelta(days=d), per_day_counts[today - timedelta(days=d)]) for d in range(13, -1, -1)
    ]
    topics = topic_stats(course, answers, cards, spacing, now)
    return Stats(
        answered=len(answers),
        correct=sum(a["correct"] for a in answers),
        streak=streak(answers, tz, today),
        mastery={ch.title: p.mastery for ch, p in zip(course.chapters, chapters, strict=True)},
        per_day=per_day,
        chapters=chapters,
        topics_practised=len(topics),
        topics_total=len(course.sections),
        weak=[t.title for t in topics if t.weakness > 0.2][:3],
        today=per_day_counts[today],
    )
