"""Group study: quiz-poll choice for a whole group, per-member recording, scoreboards."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tutor.errors import TutorError
from tutor.feedback import LETTERS, Feedback
from tutor.items import QuizItem
from tutor.progress import topic_stats
from tutor.service import Tutor

RECENT_POLLS = 30
POLL_EXPLANATION = 200


@dataclass(frozen=True)
class PollResult:
    """How a closed group quiz poll went."""

    chat_id: int
    message_id: int
    item: QuizItem
    voters: int
    right: int


@dataclass(frozen=True)
class ScoreRow:
    """One member on a scoreboard."""

    first_name: str
    correct: int
    answered: int


class GroupStudy:
    """Everything groups need on top of the single-learner tutor."""

    def __init__(self, tutor: Tutor) -> None:
        self.tutor = tutor
        self.store = tutor.store

    def members(self, chat_id: int) -> list[int]:
        """Users who answered in this group."""
        return self.store.group_members(chat_id, self.tutor.course.slug)

    def next_item(self, chat_id: int, topic: str | None = None) -> QuizItem:
        """The group's weakest sections first (over its members), avoiding recently asked items."""
        t = self.tutor
        recent = self.store.recent_poll_items(chat_id, RECENT_POLLS)
        section = t.resolve_topic(topic) if topic else None
        candidates = [
            i for i in (t.by_section.get(section, []) if section else t.items.values()) if i.fits_poll()
        ]
        fresh = [i for i in candidates if i.id not in recent] or candidates
        if not fresh:
            raise TutorError("Voor dit onderwerp heb ik geen geschikte groepsvragen.")
        weakness: dict[str, list[float]] = defaultdict(list)
        for user_id in self.members(chat_id):
            stats = topic_stats(
                t.course,
                self.store.answers(user_id, t.course.slug),
                self.store.cards(user_id, t.course.slug),
                t.spacing,
            )
            for s in stats:
                weakness[s.section_id].append(s.weakness)
        rng = random.Random(f"{chat_id}:{len(recent)}:{datetime.now(UTC).isoformat()}")  # noqa: S311
        ranked = sorted(weakness, key=lambda sid: -sum(weakness[sid]) / len(weakness[sid]))
        for sid in ranked[:3]:
            if sum(weakness[sid]) / len(weakness[sid]) < 0.35:
                break
            pool = [i for i in fresh if i.section_id == sid]
            if pool:
                return rng.choice(pool)
        return rng.choice(fresh)

    def poll_explanation(self, item: QuizItem) -> str:
        """Explanation and source within Telegram's 200-character limit."""
        text = f"{item.explanation} ({item.source.split(' › ')[-1]})"
        return text if len(text) <= POLL_EXPLANATION else text[: POLL_EXPLANATION - 1].rstrip() + "…"

    def record_poll(self, poll_id: str, chat_id: int, message_id: int, item: QuizItem) -> None:
        """Remember which item a poll asks."""
        self.store.record_poll(poll_id, chat_id, message_id, item)

    def vote(
        self,
        poll_id: str,
        user_id: int,
        first_name: str,
        username: str,
        option_ids: list[int],
        update_id: int,
    ) -> Feedback | None:
        """Record a member's first answer to one of our quiz polls. It is final, as Telegram makes it
        for quiz polls: a later change or retraction (forged, or replayed) records nothing."""
        poll = self.store.poll(poll_id)
        if poll is None or not option_ids:
            return None
        item = self.tutor.item(poll["item_id"])
        if item is None or not 0 <= option_ids[0] < len(item.options):
            return None
        if self.store.poll_vote(poll_id, user_id) is not None:
            return None  # answered before: nothing to compute (the database would refuse it anyway)
        self.store.upsert_user(user_id, first_name, username)
        # The vote and the answer are one insert each under a unique key: a replay or a second
        # replica handling the same vote records nothing.
        return self.tutor.record(
            user_id, poll["chat_id"], item, option_ids[0], "group", poll=(poll_id, update_id)
        )

    def close_poll(self, poll_id: str) -> PollResult | None:
        """The result of a poll that just closed, once (None when it is not ours or was closed before)."""
        poll = self.store.poll(poll_id)
        if poll is None or not self.store.claim_poll_close(poll_id):
            return None
        item = self.tutor.item(poll["item_id"])
        if item is None:
            return None
        votes = self.store.poll_votes(poll_id)
        right = sum(v["option"] == item.answer for v in votes)
        return PollResult(poll["chat_id"], poll["message_id"], item, len(votes), right)

    @staticmethod
    def result_text(result: PollResult) -> str:
        """The short Dutch result posted when a quiz poll closes."""
        item = result.item
        answer = f"Het juiste antwoord: {LETTERS[item.answer]}. {item.correct_option}"
        if not result.voters:
            head = "⏱ De quizvraag is gesloten; niemand heeft geantwoord."
        else:
            who = "deelnemer" if result.voters == 1 else "deelnemers"
            head = f"⏱ Uitslag: {result.right} van {result.voters} {who} goed."
        return f"{head}\n{answer}\nUitleg: {item.explanation}\nBron: {item.source}"

    def scoreboard(self, chat_id: int, since: datetime | None = None, limit: int = 10) -> list[ScoreRow]:
        """Ranking by correct answers in this group (opted-out members left out)."""
        cutoff = since.isoformat(timespec="seconds") if since is not None else None
        rows = self.store.scoreboard(chat_id, self.tutor.course.slug, cutoff, limit)
        return [ScoreRow(r["first_name"] or "?", int(r["correct"] or 0), int(r["answered"])) for r in rows]

    def week_start(self, tz: str) -> datetime:
        """Monday 00:00 of this week in ``tz``, as UTC."""
        local = datetime.now(ZoneInfo(tz))
        monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
        return monday.astimezone(UTC)
