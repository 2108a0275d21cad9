"""Learner state: one interface, every SQL statement of the project, two backends below it.

``LearnerStore`` holds the statements, written in the SQL that SQLite and PostgreSQL share
(``?`` placeholders, ``ON CONFLICT``, ``RETURNING``); a backend only runs them
(``tutor/store_sqlite.py``, ``tutor/store_pg.py``). "Exactly once" is the database's job: a unique
key or a conditional update decides, never a lock in this process, so several replicas can share
one database.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from tutor.items import QuizItem

Row = dict[str, Any]
Params = Sequence[Any]
# Tables that hold a learner's own rows (user_id column), in deletion order.
EPOCH = "1970-01-01T00:00:00+00:00"
LEARNER_TABLES = ("answers", "cards", "quiz_sessions", "poll_votes", "confirmations", "uploads")


def now_iso() -> str:
    """Current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Tx(Protocol):
    """One open transaction of a backend."""

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a statement and return its rows as dicts."""

    def run(self, sql: str, params: Params = ()) -> int:
        """Run a statement and return the number of rows it changed."""


def _item_row(i: QuizItem) -> tuple[Any, ...]:
    return (i.id, i.course, i.section_id, i.kind, i.question, json.dumps(list(i.options), ensure_ascii=False),
            i.answer, i.explanation, i.source)  # fmt: skip


class LearnerStore:
    """All learner data behind one interface; subclasses provide ``transaction`` and ``close``."""

    backend = "abstract"

    def transaction(self) -> AbstractContextManager[Tx]:  # pragma: no cover - backends implement
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - backends implement
        raise NotImplementedError

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        with self.transaction() as tx:
            return tx.rows(sql, params)

    def _one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _run(self, sql: str, params: Params = ()) -> int:
        with self.transaction() as tx:
            return tx.run(sql, params)

    # users and chats -------------------------------------------------------------------------
    def upsert_user(self, user_id: int, first_name: str = "", username: str = "") -> None:
        """Create or refresh a learner record (names only; settings stay)."""
        self._run(
            "insert into users (id, first_name, username, scoreboard_opt_out, created_at) "
            "values (?, ?, ?, 0, ?) on conflict (id) do update set "
            "first_name = excluded.first_name, username = excluded.username",
            (user_id, first_name, username, now_iso()),
        )

    def upsert_user_if_missing(self, user_id: int) -> None:
        """Make sure a user row exists without touching its names."""
        self._run(
            "insert into users (id, first_name, username, scoreboard_opt_out, created_at) "
            "values (?, '', '', 0, ?) on conflict (id) do nothing",
            (user_id, now_iso()),
        )

    def user(self, user_id: int) -> Row | None:
        """The user row or None."""
        return self._one("select * from users where id = ?", (user_id,))

    def set_user_field(self, user_id: int, field: str, value: object) -> None:
        """Update one of the user's settings (timezone, scoreboard_opt_out)."""
        if field not in ("timezone", "scoreboard_opt_out"):
            raise ValueError(field)
        self.upsert_user_if_missing(user_id)
        self._run(f"update users set {field} = ? where id = ?", (value, user_id))  # noqa: S608

    def upsert_chat(self, chat_id: int, chat_type: str, title: str = "", active: bool = True) -> None:
        """Create or refresh a chat."""
        self._run(
            "insert into chats (id, type, title, active, created_at) values (?, ?, ?, ?, ?) "
            "on conflict (id) do update set type = excluded.type, title = excluded.title, "
            "active = excluded.active",
            (chat_id, chat_type, title, int(active), now_iso()),
        )

    def ensure_chat(self, chat_id: int, chat_type: str, title: str = "") -> None:
        """Create the chat's row if it is missing; an existing row is left as it is."""
        self._run(
            "insert into chats (id, type, title, active, created_at) values (?, ?, ?, 1, ?) "
            "on conflict (id) do nothing",
            (chat_id, chat_type, title, now_iso()),
        )

    def chat(self, chat_id: int) -> Row | None:
        """The chat row or None."""
        return self._one("select * from chats where id = ?", (chat_id,))

    def set_chat_field(self, chat_id: int, field: str, value: object) -> None:
        """Update a chat setting (active, open_period, title, course)."""
        if field not in ("active", "open_period", "title", "course"):
            raise ValueError(field)
        self._run(f"update chats set {field} = ? where id = ?", (value, chat_id))  # noqa: S608

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move everything to the new chat id."""
        with self.transaction() as tx:
            tx.run(
                "insert into chats (id, type, title, active, open_period, course, created_at) "
                "select ?, 'supergroup', title, active, open_period, course, created_at from chats "
                "where id = ? on conflict (id) do nothing",
                (new_id, old_id),
            )
            for table in ("answers", "polls", "quiz_sessions"):
                tx.run(f"update {table} set chat_id = ? where chat_id = ?", (new_id, old_id))  # noqa: S608
            tx.run(
                "update subscriptions set chat_id = ? where chat_id = ? "
                "and not exists (select 1 from subscriptions s2 where s2.chat_id = ?)",
                (new_id, old_id, new_id),
            )
            tx.run("delete from subscriptions where chat_id = ?", (old_id,))
            tx.run("delete from chats where id = ?", (old_id,))

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

    # subscriptions and pushes -----------------------------------------------------------------
    def subscribe(self, chat_id: int, user_id: int | None, time: str, timezone: str, course: str) -> None:
        """Create or change a chat's daily push (and reactivate it)."""
        self._run(
            "insert into subscriptions (chat_id, user_id, course, time, timezone, active, created_at) "
            "values (?, ?, ?, ?, ?, 1, ?) on conflict (chat_id) do update set user_id = excluded.user_id, "
            "course = excluded.course, time = excluded.time, timezone = excluded.timezone, active = 1, "
            "paused_reason = null, created_at = excluded.created_at",
            (chat_id, user_id, course, time, timezone, now_iso()),
        )

    def subscription(self, chat_id: int) -> Row | None:
        """The subscription of a chat."""
        return self._one("select * from subscriptions where chat_id = ?", (chat_id,))

    def set_subscription(self, chat_id: int, **fields: object) -> None:
        """Update subscription fields (active, paused_reason, timezone)."""
        if not fields or not set(fields) <= {"active", "paused_reason", "timezone"}:
            raise ValueError(fields)
        names = sorted(fields)
        assignments = ", ".join(f"{n} = ?" for n in names)
        self._run(
            f"update subscriptions set {assignments} where chat_id = ?",  # noqa: S608
            (*(fields[n] for n in names), chat_id),
        )

    def active_subscriptions(self) -> list[Row]:
        """All active subscriptions."""
        return self._rows("select * from subscriptions where active = 1 order by chat_id")

    def push_candidates(self, now: str) -> list[Row]:
        """Active subscriptions nobody holds a live claim on (each replica's push check reads these)."""
        return self._rows(
            "select chat_id, user_id, course, time, timezone, last_sent, created_at from subscriptions "
            "where active = 1 and (claim_until is null or claim_until < ?) order by chat_id",
            (now,),
        )

    def claim_push(self, chat_id: int, slot: str, now: str, lease_until: str) -> Row | None:
        """Take the push of ``slot`` for a chat, unless it was sent or another replica holds a live
        claim on it. Exactly one caller gets the row back; a claim whose lease ran out (its replica
        died before confirming) can be taken again."""
        return self._one(
            "update subscriptions set claim_slot = ?, claim_until = ? where chat_id = ? and active = 1 "
            "and (last_sent is null or last_sent <> ?) "
            "and (claim_slot is null or claim_slot <> ? or claim_until < ?) returning *",
            (slot, lease_until, chat_id, slot, slot, now),
        )

    def confirm_push(self, chat_id: int, slot: str) -> None:
        """The claimed push went out: mark the slot sent."""
        self._run(
            "update subscriptions set last_sent = ?, claim_until = null where chat_id = ? and claim_slot = ?",
            (slot, chat_id, slot),
        )

    # group quiz polls --------------------------------------------------------------------------
    def record_poll(self, poll_id: str, chat_id: int, message_id: int, item: QuizItem) -> None:
        """Remember which item a poll asks."""
        self._run(
            "insert into polls (poll_id, chat_id, message_id, item_id, course, created_at, closed) "
            "values (?, ?, ?, ?, ?, ?, 0)",
            (poll_id, chat_id, message_id, item.id, item.course, now_iso()),
        )

    def poll(self, poll_id: str) -> Row | None:
        """The stored quiz poll, if it is ours."""
        return self._one("select * from polls where poll_id = ?", (poll_id,))

    def recent_poll_items(self, chat_id: int, limit: int) -> set[str]:
        """Items of the chat's last ``limit`` polls."""
        rows = self._rows(
            "select item_id from polls where chat_id = ? order by created_at desc limit ?", (chat_id, limit)
        )
        return {r["item_id"] for r in rows}

    def poll_vote(self, poll_id: str, user_id: int) -> Row | None:
        """A member's recorded vote on a poll."""
        return self._one("select * from poll_votes where poll_id = ? and user_id = ?", (poll_id, user_id))

    def poll_votes(self, poll_id: str) -> list[Row]:
        """Every member's vote on a poll."""
        return self._rows("select * from poll_votes where poll_id = ? order by answered_at", (poll_id,))

    def claim_poll_close(self, poll_id: str) -> bool:
        """Mark a poll closed; True only for the one caller that closed it (its result is posted once)."""
        return self._run("update polls set closed = 1 where poll_id = ? and closed = 0", (poll_id,)) == 1

    def group_members(self, chat_id: int, course: str) -> list[int]:
        """Users who answered in this group, in this course."""
        rows = self._rows(
            "select distinct user_id from answers where chat_id = ? and course = ? order by user_id",
            (chat_id, course),
        )
        return [int(r["user_id"]) for r in rows]

    def scoreboard(self, chat_id: int, course: str, since: str | None, limit: int) -> list[Row]:
        """Members by correct answers in a group (opted-out members left out)."""
        return self._rows(
            "select min(u.first_name) first_name, sum(a.correct) correct, count(*) answered from answers a "
            "join users u on u.id = a.user_id where a.chat_id = ? and a.course = ? "
            "and coalesce(u.scoreboard_opt_out, 0) = 0 and a.answered_at >= ? "
            "group by a.user_id order by correct desc, answered asc, min(u.first_name) limit ?",
            (chat_id, course, since or EPOCH, limit),
        )

    # conversation and confirmations -------------------------------------------------------------
    def remember_topic(self, chat_id: int, course: str, section_id: str, term: str) -> None:
        """Store what a chat's last answer was about (one row per chat and course)."""
        self._run(
            "insert into conversation_topics (chat_id, course, section_id, term, updated_at) "
            "values (?, ?, ?, ?, ?) on conflict (chat_id, course) do update set "
            "section_id = excluded.section_id, term = excluded.term, updated_at = excluded.updated_at",
            (chat_id, course, section_id, term, now_iso()),
        )

    def recent_topic(self, chat_id: int, course: str, since: str) -> Row | None:
        """The chat's last topic if it was stored at or after ``since`` (ISO time)."""
        return self._one(
            "select * from conversation_topics where chat_id = ? and course = ? and updated_at >= ?",
            (chat_id, course, since),
        )

    def set_confirmation(self, user_id: int, action: str, nonce: str) -> None:
        """Hand out a nonce the learner must send back to confirm ``action``."""
        self.upsert_user_if_missing(user_id)
        self._run(
            "insert into confirmations (user_id, action, nonce, created_at) values (?, ?, ?, ?) "
            "on conflict (user_id, action) do update set nonce = excluded.nonce, "
            "created_at = excluded.created_at",
            (user_id, action, nonce, now_iso()),
        )

    def take_confirmation(self, user_id: int, action: str, nonce: str | None) -> bool:
        """Use up the confirmation (None: cancel it); True when ``nonce`` was the one handed out."""
        rows = self._rows(
            "delete from confirmations where user_id = ? and action = ? returning nonce", (user_id, action)
        )
        return nonce is not None and any(r["nonce"] == nonce for r in rows)

    # learners' own courses ----------------------------------------------------------------------
    def add_course(self, slug: str, owner_id: int, title: str, status: str = "pending") -> None:
        """Register (or replace) a learner's own course."""
        self._run(
            "insert into courses (slug, owner_id, title, status, created_at) values (?, ?, ?, ?, ?) "
            "on conflict (slug) do update set owner_id = excluded.owner_id, title = excluded.title, "
            "status = excluded.status, created_at = excluded.created_at",
            (slug, owner_id, title, status, now_iso()),
        )

    def course(self, slug: str) -> Row | None:
        """A learner's own course by slug."""
        return self._one("select * from courses where slug = ?", (slug,))

    def courses_of(self, owner_id: int) -> list[Row]:
        """A learner's own courses, oldest first."""
        return self._rows("select * from courses where owner_id = ? order by created_at, slug", (owner_id,))

    def set_course(self, slug: str, owner_id: int, title: str, status: str) -> bool:
        """Rename or change the status of the owner's course; False when it is not theirs."""
        return (
            self._run(
                "update courses set title = ?, status = ? where slug = ? and owner_id = ?",
                (title, status, slug, owner_id),
            )
            == 1
        )

    def remove_course(self, slug: str) -> None:
        """Forget a learner's own course and every chat's choice of it."""
        with self.transaction() as tx:
            tx.run("delete from courses where slug = ?", (slug,))
            tx.run("update chats set course = null where course = ?", (slug,))

    def claim_upload(self, user_id: int, now: str, stale_before: str) -> bool:
        """Start the learner's one running upload; False while another one runs (a claim older
        than ``stale_before`` is taken over: its process died)."""
        return bool(
            self._rows(
                "insert into uploads (user_id, started_at) values (?, ?) on conflict (user_id) do update "
                "set started_at = excluded.started_at where uploads.started_at < ? returning user_id",
                (user_id, now, stale_before),
            )
        )

    def release_upload(self, user_id: int) -> None:
        """The learner's upload finished (or failed)."""
        self._run("delete from uploads where user_id = ?", (user_id,))

    # privacy ---------------------------------------------------------------------------------
    def export_user(self, user_id: int) -> dict[str, Any]:
        """Everything stored about a learner."""
        data: dict[str, Any] = {"user": self.user(user_id)}
        for table in ("answers", "cards", "quiz_sessions", "poll_votes"):
            order = " order by id" if table in ("answers", "quiz_sessions") else ""
            data[table] = self._rows(f"select * from {table} where user_id = ?{order}", (user_id,))  # noqa: S608
        data["subscriptions"] = self._rows("select * from subscriptions where user_id = ?", (user_id,))
        data["courses"] = self.courses_of(user_id)
        data["conversation_topics"] = self._rows(
            "select * from conversation_topics where chat_id = ?", (user_id,)
        )
        return data

    def delete_user(self, user_id: int) -> None:
        """Remove every row about a learner, including their private chat."""
        with self.transaction() as tx:
            for table in LEARNER_TABLES:
                tx.run(f"delete from {table} where user_id = ?", (user_id,))  # noqa: S608
            tx.run("delete from subscriptions where user_id = ? or chat_id = ?", (user_id, user_id))
            tx.run("delete from courses where owner_id = ?", (user_id,))
            tx.run("delete from conversation_topics where chat_id = ?", (user_id,))
            tx.run("delete from chats where id = ?", (user_id,))
            tx.run("delete from users where id = ?", (user_id,))
        self._after_delete()

    def _after_delete(self) -> None:
        """Backend hook: make deleted bytes unrecoverable where the backend can."""

    def count_rows(self, user_id: int) -> int:
        """Rows that still mention a learner (0 after delete_user)."""
        total = 0
        total += self._rows("select count(*) n from courses where owner_id = ?", (user_id,))[0]["n"]
        for table in (*LEARNER_TABLES, "subscriptions"):
            total += self._rows(f"select count(*) n from {table} where user_id = ?", (user_id,))[0]["n"]  # noqa: S608
        total += self._rows("select count(*) n from users where id = ?", (user_id,))[0]["n"]
        return int(total)

