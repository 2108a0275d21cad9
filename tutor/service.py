"""The tutor: one object the adapters call for answers, quizzes, progress and privacy."""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from rapidfuzz import fuzz, process

from index.glossary import glossary_key
from tutor.accounts import Accounts
from tutor.answer import Answer, Topic
from tutor.charts import stats_png
from tutor.engine import Engine
from tutor.errors import TutorError
from tutor.feedback import Feedback, RecallFeedback
from tutor.items import QuizItem
from tutor.progress import Stats, TopicStat, leeches, stats, topic_stats
from tutor.pushes import Pushes
from tutor.quizgen import QuizGenerator
from tutor.recall import grade, grade_definition, recallable
from tutor.scheduler import Spacing
from tutor.store import LearnerStore

logger = logging.getLogger(__name__)
# How long a chat's last topic stays available for follow-ups ("geef een voorbeeld").
NO_ITEMS = "Voor dit onderwerp heb ik nu geen vragen meer. Probeer /quiz zonder onderwerp."
FOLLOW_UP_WINDOW = timedelta(minutes=30)


def interleave(ranked: list[QuizItem], answers: list[dict[str, Any]]) -> QuizItem:
    """The best-ranked item that keeps practice mixed: never the item just answered, and at most two
    in a row from one section. The rules give way, in that order, when nothing else is left."""
    last = [a["item_id"] for a in answers[-2:]]
    sections = [a["section_id"] for a in answers[-2:]]
    crowded = sections[0] if len(sections) == 2 and sections[0] == sections[1] else None
    for rule in (
        lambda i: i.id not in last[-1:] and i.section_id != crowded,
        lambda i: i.id not in last[-1:],
        lambda i: True,
    ):
        for item in ranked:
            if rule(item):
                return item
    raise TutorError(NO_ITEMS)


class Tutor:
    """Answers, quizzes, FSRS scheduling and learner state for one course."""

    def __init__(self, engine: Engine, store: LearnerStore, spacing: Spacing, timezone: str) -> None:
        self.engine = engine
        self.course = engine.course
        self.store = store
        self.spacing = spacing
        self.timezone = timezone
        generator = QuizGenerator(self.course, engine.index)
        items = generator.all_items()
        store.save_items(items)
        # Learners' history follows its items: ids from before stable ids are adopted, and cards
        # and answers move with their item when a course edit moved it to another section.
        store.adopt_items(self.course.slug, generator.legacy_ids)
        self.accounts = Accounts(store, self.course.slug, timezone)
        self.pushes = Pushes(store)
        self.items = {i.id: i for i in items}
        self.term_names = {e.term: e.names for e in self.course.glossary}  # typed recall accepts all
        self.by_section: dict[str, list[QuizItem]] = {}
        for i in items:
            self.by_section.setdefault(i.section_id, []).append(i)
        self._section_ids = {s.id for s in self.course.sections}
        self._topic_names: list[tuple[str, str]] = [
            (glossary_key(s.title), s.id) for s in self.course.sections
        ]
        self._topic_names += [(glossary_key(n), g.section_id) for g in self.course.glossary for n in g.names]
        logger.info("tutor ready: %d quiz items for %s", len(items), self.course.slug)

    # answering -------------------------------------------------------------------------------
    def ask(self, question: str, chat_id: int | None = None) -> Answer:
        """Answer a question; with ``chat_id`` a follow-up may refer to the chat's previous topic."""
        previous = None
        if chat_id is not None:
            since = (datetime.now(UTC) - FOLLOW_UP_WINDOW).isoformat(timespec="seconds")
            row = self.store.recent_topic(chat_id, self.course.slug, since)
            if row is not None and row["section_id"] in self._section_ids:
                earlier = row.get("earlier_section_id")
                before = Topic(earlier, row["earlier_term"]) if earlier in self._section_ids else None
                previous = Topic(row["section_id"], row["term"], before)
        answer = self.engine.answerer.answer(question, previous)
        if chat_id is not None and answer.found and answer.topic is not None:
            self.store.remember_topic(chat_id, self.course.slug, answer.topic.section_id, answer.topic.term)
        return answer

    async def ask_async(self, question: str, chat_id: int | None = None) -> Answer:
        """``ask`` in a worker thread, so the event loop never waits on the model or the database."""
        return await asyncio.to_thread(self.ask, question, chat_id)

    # topics ----------------------------------------------------------------------------------
    def resolve_topic(self, topic: str) -> str:
        """The section id a topic name refers to (titles, terms, abbreviations; typos forgiven)."""
        key = glossary_key(topic)
        m = re.match(r"^(?:hoofdstuk|college|h)\s*(\d+)$", key)
        if m:
            number = int(m.group(1))
            for s in self.course.sections:
                if s.chapter == number:
                    return s.id
        found = process.extractOne(key, [n for n, _ in self._topic_names], scorer=fuzz.WRatio)
        if key and found and found[1] >= 85:
            return self._topic_names[found[2]][1]
        raise TutorError(
            f"Onderwerp '{topic}' vond ik niet. Kijk bij /hoofdstukken welke onderwerpen er zijn."
        )

    def section_title(self, section_id: str) -> str:
        """Title of a section."""
        return self.course.section(section_id).title

    # quizzing --------------------------------------------------------------------------------
    def next_item(
        self,
        user_id: int,
        section_id: str | None = None,
        exclude: set[str] | None = None,
        now: datetime | None = None,
        poll: bool = False,
        accept: Callable[[QuizItem], bool] | None = None,
    ) -> QuizItem:
        """Due items first, then the weakest sections, then new items; never a leech."""
        now = now or datetime.now(UTC)
        exclude = exclude or set()
        cards = self.store.cards(user_id, self.course.slug)
        leech_ids = set(leeches(cards))
        allowed = [
            i
            for i in (self.by_section.get(section_id, []) if section_id else self.items.values())
            if i.id not in exclude
            and i.id not in leech_ids
            and (not poll or i.fits_poll())
            and (accept is None or accept(i))
        ]
        if not allowed:
            raise TutorError(NO_ITEMS)
        allowed_ids = {i.id for i in allowed}
        seen = {c["item_id"]: c for c in cards}
        answers = self.store.answers(user_id, self.course.slug)
        due = [
            self.items[c["item_id"]]
            for c in sorted(cards, key=lambda c: c["due"])
            if c["item_id"] in allowed_ids and c["due"] <= now.isoformat(timespec="seconds")
        ]
        rng = random.Random(f"{user_id}:{now.isoformat()}")  # noqa: S311
        unseen = [i for i in allowed if i.id not in seen]
        rng.shuffle(unseen)
        weak_sections = [
            t.section_id
            for t in topic_stats(self.course, answers, cards, self.spacing, now)
            if t.weakness >= 0.35
        ]
        weak = [i for sid in weak_sections for i in unseen if i.section_id == sid]
        # New material: the least-practised sections first, curated questions before generated ones.
        practised = Counter(c["section_id"] for c in cards)
        new = sorted(unseen, key=lambda i: (practised.get(i.section_id, 0), i.kind != "curated"))
        # Everything seen and nothing due: the items the learner is most likely to have forgotten.
        forgotten = sorted(
            (i for i in allowed if i.id in seen), key=lambda i: self.spacing.retrievability(seen[i.id], now)
        )
        # Take turns: a due review, a weak topic, new material (each first in one of three questions).
        buckets = [due, weak, new]
        turn = len(answers) % 3
        ranked = [i for b in buckets[turn:] + buckets[:turn] for i in b]
        return interleave([*ranked, *forgotten], answers)

    def item(self, item_id: str) -> QuizItem | None:
        """A quiz item by id: the course's current items, else one stored earlier (still answerable)."""
        return self.items.get(item_id) or self.store.item(item_id)

    def start_question(
        self,
        user_id: int,
        chat_id: int,
        topic: str | None = None,
        context: str = "private",
        exclude: set[str] | None = None,
        section_id: str | None = None,
    ) -> tuple[QuizItem, int, str]:
        """Pick the next item and open a session for it: (item, session id, nonce)."""
        if topic:
            section_id = self.resolve_topic(topic)
        elif section_id is not None and section_id not in self.by_section:
            raise TutorError("Dat onderwerp bestaat niet (meer). Kies er een via /hoofdstukken.")
        item = self.next_item(user_id, section_id, exclude)
        session_id, nonce = self.store.open_session(user_id, chat_id, item, context, section_id)
        return item, session_id, nonce

    def show_question(self, session_id: int, message_id: int) -> None:
        """Remember which message shows a session's question."""
        self.store.set_session_message(session_id, message_id)

    def session_topic(self, session_id: int) -> str | None:
        """The section a session's quiz sticks to (None: any topic)."""
        session = self.store.session(session_id)
        return session.get("section_filter") if session else None

    def answer_session(self, user_id: int, session_id: int, nonce: str, choice: int) -> Feedback:
        """Check a button press against the stored session and record the answer."""
        session = self.store.session(session_id)
        if (
            session is None
            or session["nonce"] != nonce
            or session["user_id"] != user_id
            or session["context"] == "typed"  # answered by typing, not by a button
        ):
            raise TutorError("Deze knop hoort niet bij jouw quiz. Start een nieuwe vraag met /quiz.")
        item = self.item(session["item_id"])
        if item is None or not 0 <= choice < len(item.options):
            raise TutorError("Dat antwoord ken ik niet. Start een nieuwe vraag met /quiz.")
        fb = self.record(user_id, session["chat_id"], item, choice, session["context"], session_id=session_id)
        if fb is not None:
            return fb
        answered = self.store.session(session_id) or {}
        first = answered.get("choice")
        if first is None:
            raise TutorError("Deze vraag heb je al beantwoord. Tik op ‘Volgende vraag’ of gebruik /quiz.")
        # Answered before (another tap, another replica): the same feedback again, nothing recorded.
        answer_id = answered.get("answer_id") or 0
        return Feedback(item, int(first), int(first) == item.answer, False, answer_id, True)

    def record(
        self,
        user_id: int,
        chat_id: int,
        item: QuizItem,
        choice: int,
        context: str,
        rating: int | None = None,
        *,
        session_id: int | None = None,
        poll: tuple[str, int] | None = None,
    ) -> Feedback | None:
        """Store an answer as an FSRS review of the learner's card. With ``session_id`` or ``poll``
        (poll id, update id) it counts once: None when that session or vote was answered before."""
        self.store.upsert_user_if_missing(user_id)
        correct = choice == item.answer
        review = self.spacing.review(self.store.card(user_id, item.id), correct, rating=rating)
        answer_id = self.store.record_answer(
            user_id,
            chat_id,
            item,
            choice,
            correct,
            context,
            review.card,
            review.due,
            review.reps,
            review.lapses,
            session_id=session_id,
            poll=poll,
        )
        if answer_id is None:
            return None
        return Feedback(item, choice, correct, review.is_leech and not correct, answer_id)

    # typed recall ---------------------------------------------------------------------------
    def start_recall(
        self, user_id: int, chat_id: int, topic: str | None = None, context: str = "typed"
    ) -> tuple[QuizItem, int, str]:
        """Open a typed-recall question (type the term for a definition, or a short definition for
        a term): (item, session id, nonce)."""
        section_id = self.resolve_topic(topic) if topic else None
        item = self.next_item(user_id, section_id, accept=recallable)
        session_id, nonce = self.store.open_session(user_id, chat_id, item, context)
        return item, session_id, nonce

    def open_recall(self, user_id: int) -> tuple[QuizItem, int, str] | None:
        """The learner's typed-recall question that still waits for an answer, if any."""
        row = self.store.open_typed_session(user_id, self.course.slug)
        item = self.items.get(row["item_id"]) if row else None
        return (item, row["id"], row["nonce"]) if row and item else None

    def answer_recall(
        self, user_id: int, session_id: int, nonce: str, text: str, seconds: float | None = None
    ) -> RecallFeedback:
        """Grade a typed answer leniently and record it with an FSRS rating from the outcome."""
        session = self.store.session(session_id)
        if session is None or session["nonce"] != nonce or session["user_id"] != user_id:
            raise TutorError("Die vraag hoort niet bij jou. Start een nieuwe met /typ.")
        item = self.items.get(session["item_id"])
        if item is None or session["status"] != "open":
            raise TutorError("Die vraag is al beantwoord. Start een nieuwe met /typ.")
        if seconds is None:
            seconds = (datetime.now(UTC) - datetime.fromisoformat(session["created_at"])).total_seconds()
        if item.kind == "term_to_def":
            result = grade_definition(text, item.correct_option, seconds)
        else:
            names = self.term_names.get(item.correct_option, (item.correct_option,))
            result = grade(text, names, seconds)
        choice = item.answer if result.correct else -1
        fb = self.record(
            user_id, session["chat_id"], item, choice, session["context"], result.rating,
            session_id=session_id,
        )  # fmt: skip
        if fb is None:
            raise TutorError("Die vraag is al beantwoord. Start een nieuwe met /typ.")
        return RecallFeedback(item, text, result.correct, result.exact, result.rating, fb.leech)

    def due_count(self, user_id: int, now: datetime | None = None) -> int:
        """How many of the learner's items are due for review now."""
        stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        cards = self.store.cards(user_id, self.course.slug)
        leech_ids = set(leeches(cards))
        return sum(1 for c in cards if c["due"] <= stamp and c["item_id"] not in leech_ids)

    def due_items(self, user_id: int, limit: int = 3) -> list[QuizItem]:
        """Up to ``limit`` items for a daily push: due ones first, topped up with next items."""
        out: list[QuizItem] = []
        for _ in range(limit):
            try:
                out.append(self.next_item(user_id, exclude={i.id for i in out}))
            except TutorError:
                break
        return out

    # progress --------------------------------------------------------------------------------
    def weak_topics(self, user_id: int, limit: int = 5) -> list[TopicStat]:
        """The learner's weakest sections."""
        cards = self.store.cards(user_id, self.course.slug)
        answers = self.store.answers(user_id, self.course.slug)
        return [t for t in topic_stats(self.course, answers, cards, self.spacing) if t.weakness > 0.2][:limit]

    def leech_items(self, user_id: int) -> list[QuizItem]:
        """Items the learner keeps failing (shown with explanation instead of repeated)."""
        return [
            self.items[i] for i in leeches(self.store.cards(user_id, self.course.slug)) if i in self.items
        ]

    def user_timezone(self, user_id: int) -> str:
        """The learner's timezone, or the default."""
        return self.accounts.user_timezone(user_id)

    def stats(self, user_id: int) -> Stats:
        """Numbers behind /stats."""
        per_section = {sid: len(v) for sid, v in self.by_section.items()}
        return stats(
            self.course,
            per_section,
            self.store.answers(user_id, self.course.slug),
            self.store.cards(user_id, self.course.slug),
            self.spacing,
            self.user_timezone(user_id),
        )

    def stats_chart(self, user_id: int) -> tuple[Stats, bytes]:
        """Stats and their PNG chart."""
        s = self.stats(user_id)
        return s, stats_png(s)

    # privacy ---------------------------------------------------------------------------------
    def export(self, user_id: int) -> dict[str, Any]:
        """All data about a learner, with quiz items spelled out."""
        data = self.store.export_user(user_id)
        data["course"] = self.course.slug
        data["exported_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        for a in data["answers"]:
            item = self.items.get(a["item_id"])
            if item:
                a["question"] = item.question
                a["your_answer"] = item.options[a["choice"]] if 0 <= a["choice"] < len(item.options) else None
        return data

    def forget(self, user_id: int) -> None:
        """Delete everything about a learner."""
        self.store.delete_user(user_id)
