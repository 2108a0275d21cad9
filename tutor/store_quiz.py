"""Statements about quiz items, answers, FSRS cards and open quiz sessions."""

from __future__ import annotations

import json
import secrets
from typing import Any

from tutor.items import QuizItem
from tutor.store_base import Row, StoreBase, now_iso


def _item_row(i: QuizItem) -> tuple[Any, ...]:
    return (i.id, i.course, i.section_id, i.kind, i.question, json.dumps(list(i.options), ensure_ascii=False),
            i.answer, i.explanation, i.source)  # fmt: skip


class QuizStatements(StoreBase):
    """Statements about quiz items, answers, FSRS cards and open quiz sessions."""

    # quiz items ------------------------------------------------------------------------------
    def save_items(self, items: list[QuizItem]) -> None:
        """Insert or update quiz items (ids are stable, so answers keep pointing at them)."""
        with self.transaction() as tx:
            for i in items:
                tx.run(
                    "insert into quiz_items (id, course, section_id, kind, question, options, answer, "
                    "explanation, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set "
                    "course = excluded.course, section_id = excluded.section_id, kind = excluded.kind, "
                    "question = excluded.question, options = excluded.options, answer = excluded.answer, "
                    "explanation = excluded.explanation, source = excluded.source",
                    _item_row(i),
                )

    def adopt_items(self, course: str, renamed: dict[str, str]) -> int:
        """Move learner history from old item ids to new ones (``renamed``: old → new), then put every
        card and answer on the section its item belongs to now. Returns the rows moved."""
        moved = 0
        with self.transaction() as tx:
            used = {
                r["item_id"]
                for r in tx.rows(
                    "select item_id from answers union select item_id from cards "
                    "union select item_id from quiz_sessions union select item_id from polls"
                )
            }
            for old, new in renamed.items():
                if old == new or old not in used:
                    continue
                # A card already on the new id wins; the old one would be a duplicate key.
                tx.run(
                    "delete from cards where item_id = ? and exists "
                    "(select 1 from cards c2 where c2.user_id = cards.user_id and c2.item_id = ?)",
                    (old, new),
                )
                for table in ("cards", "answers", "quiz_sessions", "polls"):
                    moved += tx.run(f"update {table} set item_id = ? where item_id = ?", (new, old))  # noqa: S608
            for table in ("cards", "answers"):
                tx.run(
                    f"update {table} set section_id = (select q.section_id from quiz_items q "  # noqa: S608
                    f"where q.id = {table}.item_id) where course = ? and exists "
                    f"(select 1 from quiz_items q where q.id = {table}.item_id and q.section_id <> "
                    f"{table}.section_id)",
                    (course,),
                )
        return moved

    @staticmethod
    def _item(row: Row) -> QuizItem:
        return QuizItem(
            id=row["id"], course=row["course"], section_id=row["section_id"], kind=row["kind"],
            question=row["question"], options=tuple(json.loads(row["options"])), answer=row["answer"],
            explanation=row["explanation"], source=row["source"],
        )  # fmt: skip

    def item(self, item_id: str) -> QuizItem | None:
        """A quiz item by id."""
        row = self._one("select * from quiz_items where id = ?", (item_id,))
        return self._item(row) if row else None

    # answers and cards -----------------------------------------------------------------------
    def record_answer(
        self,
        user_id: int,
        chat_id: int,
        item: QuizItem,
        choice: int,
        correct: bool,
        context: str,
        card: str,
        due: str,
        reps: int,
        lapses: int,
        *,
        session_id: int | None = None,
        poll: tuple[str, int] | None = None,
    ) -> int | None:
        """Store one answer and the learner's new card, atomically. With ``session_id`` the answer
        closes that open session; with ``poll`` (poll id, update id) it is the member's vote. Either
        happens once: a second call records nothing and returns None."""
        when = now_iso()
        with self.transaction() as tx:
            if session_id is not None and not tx.run(
                "update quiz_sessions set status = 'answered', choice = ? where id = ? and status = 'open'",
                (choice, session_id),
            ):
                return None
            if poll is not None and not tx.rows(
                "insert into poll_votes (poll_id, user_id, option, answered_at, update_id) "
                "values (?, ?, ?, ?, ?) on conflict (poll_id, user_id) do nothing returning poll_id",
                (poll[0], user_id, choice, when, poll[1]),
            ):
                return None
            answer_id = int(tx.rows(
                "insert into answers (user_id, chat_id, item_id, course, section_id, correct, choice, "
                "context, answered_at, session_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                (user_id, chat_id, item.id, item.course, item.section_id, int(correct), choice, context,
                 when, session_id),
            )[0]["id"])  # fmt: skip
            tx.run(
                "insert into cards (user_id, item_id, course, section_id, card, due, reps, lapses, "
                "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (user_id, item_id) do update set "
                "course = excluded.course, section_id = excluded.section_id, card = excluded.card, "
                "due = excluded.due, reps = excluded.reps, lapses = excluded.lapses, "
                "updated_at = excluded.updated_at",
                (user_id, item.id, item.course, item.section_id, card, due, reps, lapses, when),
            )
            if session_id is not None:
                tx.run("update quiz_sessions set answer_id = ? where id = ?", (answer_id, session_id))
            if poll is not None:
                tx.run(
                    "update poll_votes set answer_id = ? where poll_id = ? and user_id = ?",
                    (answer_id, poll[0], user_id),
                )
        return answer_id

    def card(self, user_id: int, item_id: str) -> Row | None:
        """The learner's FSRS card row for an item."""
        return self._one("select * from cards where user_id = ? and item_id = ?", (user_id, item_id))

    def cards(self, user_id: int, course: str) -> list[Row]:
        """All card rows of a learner in a course."""
        return self._rows("select * from cards where user_id = ? and course = ?", (user_id, course))

    def answers(self, user_id: int, course: str | None = None) -> list[Row]:
        """All answers of a learner (in one course, or all), oldest first."""
        if course is None:
            return self._rows("select * from answers where user_id = ? order by id", (user_id,))
        return self._rows(
            "select * from answers where user_id = ? and course = ? order by id", (user_id, course)
        )

    # quiz sessions (a question waiting for its answer) -----------------------------------------
    def open_session(
        self, user_id: int, chat_id: int, item: QuizItem, context: str, section_filter: str | None = None
    ) -> tuple[int, str]:
        """Start a question for a learner; returns (session id, nonce) for the callback data.
        ``section_filter`` is the topic the learner's quiz sticks to ("Volgende vraag" keeps it)."""
        nonce = secrets.token_hex(3)
        rows = self._rows(
            "insert into quiz_sessions (user_id, chat_id, item_id, course, nonce, status, context, "
            "section_filter, created_at) values (?, ?, ?, ?, ?, 'open', ?, ?, ?) returning id",
            (user_id, chat_id, item.id, item.course, nonce, context, section_filter, now_iso()),
        )
        return int(rows[0]["id"]), nonce

    def set_session_message(self, session_id: int, message_id: int) -> None:
        """Remember which message shows the question."""
        self._run("update quiz_sessions set message_id = ? where id = ?", (message_id, session_id))

    def open_typed_session(self, user_id: int, course: str) -> Row | None:
        """The learner's newest typed-recall question in a course that is still open."""
        return self._one(
            "select * from quiz_sessions where user_id = ? and course = ? and context = 'typed' "
            "and status = 'open' order by id desc limit 1",
            (user_id, course),
        )

    def session(self, session_id: int) -> Row | None:
        """A quiz session row."""
        return self._one("select * from quiz_sessions where id = ?", (session_id,))
