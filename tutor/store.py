"""Learner state in SQLite (sqlite-utils): users, chats, items, answers, cards, subscriptions."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tutor.items import QuizItem
from tutor.migrations import migrations


def now_iso() -> str:
    """Current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_chat(chat_id: int, chat_type: str, title: str, active: bool = True) -> dict[str, Any]:
    """The row of a chat seen for the first time."""
    return {
        "id": chat_id,
        "type": chat_type,
        "title": title,
        "active": int(active),
        "open_period": None,
        "created_at": now_iso(),
    }


class LearnerStore:
    """All learner data; safe to call from worker threads (one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        # Deleted rows are overwritten with zeros, so /vergeet_mij leaves no personal bytes behind.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        self.db = Database(conn)
        self._lock = threading.RLock()
        with self._lock:
            migrations.apply(self.db)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        with self._lock:
            self.db.execute("BEGIN")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store for a read-modify-write sequence of several calls."""
        with self._lock:
            yield

    @staticmethod
    def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
        """Insert ``row`` and return its new rowid."""
        rowid = db.table(table).insert(row).last_pk
        if rowid is None:  # pragma: no cover - sqlite always yields a rowid here
            raise RuntimeError(f"insert into {table} returned no rowid")
        return int(rowid)

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.db.query(sql, params))

    # users and chats -------------------------------------------------------------------------
    def upsert_user(self, user_id: int, first_name: str = "", username: str = "") -> None:
        """Create or refresh a learner record."""
        with self.transaction() as db:
            existing = list(db.query("select id from users where id = ?", [user_id]))
            if existing:
                db.table("users").update(user_id, {"first_name": first_name, "username": username})
            else:
                db.table("users").insert(
                    {
                        "id": user_id,
                        "first_name": first_name,
                        "username": username,
                        "timezone": None,
                        "scoreboard_opt_out": 0,
                        "created_at": now_iso(),
                    }
                )

    def user(self, user_id: int) -> dict[str, Any] | None:
        """The user row or None."""
        rows = self.query("select * from users where id = ?", [user_id])
        return rows[0] if rows else None

    def set_user_field(self, user_id: int, field: str, value: object) -> None:
        """Update one of the user's settings (timezone, scoreboard_opt_out)."""
        if field not in ("timezone", "scoreboard_opt_out"):
            raise ValueError(field)
        self.upsert_user_if_missing(user_id)
        with self.transaction() as db:
            db.table("users").update(user_id, {field: value})

    def upsert_user_if_missing(self, user_id: int) -> None:
        """Make sure a user row exists without touching its names."""
        if self.user(user_id) is None:
            self.upsert_user(user_id)

    def upsert_chat(self, chat_id: int, chat_type: str, title: str = "", active: bool = True) -> None:
        """Create or refresh a chat."""
        with self.transaction() as db:
            if list(db.query("select id from chats where id = ?", [chat_id])):
                db.table("chats").update(chat_id, {"type": chat_type, "title": title, "active": int(active)})
            else:
                db.table("chats").insert(_new_chat(chat_id, chat_type, title, active))

    def chat(self, chat_id: int) -> dict[str, Any] | None:
        """The chat row or None."""
        rows = self.query("select * from chats where id = ?", [chat_id])
        return rows[0] if rows else None

    def ensure_chat(self, chat_id: int, chat_type: str, title: str = "") -> None:
        """Create the chat's row if it is missing; an existing row is left as it is."""
        with self._lock:
            self.db.table("chats").insert(_new_chat(chat_id, chat_type, title), pk="id", ignore=True)

    def set_chat_field(self, chat_id: int, field: str, value: object) -> None:
        """Update a chat setting (active, open_period)."""
        if field not in ("active", "open_period", "title"):
            raise ValueError(field)
        with self.transaction() as db:
            db.table("chats").update(chat_id, {field: value})

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move everything to the new chat id."""
        with self.transaction() as db:
            old = list(db.query("select * from chats where id = ?", [old_id]))
            if old and not list(db.query("select id from chats where id = ?", [new_id])):
                db.table("chats").insert({**old[0], "id": new_id, "type": "supergroup"})
            for table, column in (
                ("answers", "chat_id"),
                ("subscriptions", "chat_id"),
                ("polls", "chat_id"),
                ("quiz_sessions", "chat_id"),
            ):
                db.execute(f"update {table} set {column} = ? where {column} = ?", [new_id, old_id])  # noqa: S608
            db.execute("delete from chats where id = ?", [old_id])

    # quiz items ------------------------------------------------------------------------------
    def save_items(self, items: list[QuizItem]) -> None:
        """Insert or update quiz items (ids are stable, so answers keep pointing at them)."""
        with self.transaction() as db:
            db.table("quiz_items").upsert_all(
                [
                    {
                        "id": i.id,
                        "course": i.course,
                        "section_id": i.section_id,
                        "kind": i.kind,
                        "question": i.question,
                        "options": json.dumps(list(i.options), ensure_ascii=False),
                        "answer": i.answer,
                        "explanation": i.explanation,
                        "source": i.source,
                    }
                    for i in items
                ],
                pk="id",
            )

    @staticmethod
    def _item(row: dict[str, Any]) -> QuizItem:
        return QuizItem(
            id=row["id"],
            course=row["course"],
            section_id=row["section_id"],
            kind=row["kind"],
            question=row["question"],
            options=tuple(json.loads(row["options"])),
            answer=row["answer"],
            explanation=row["explanation"],
            source=row["source"],
        )

    def item(self, item_id: str) -> QuizItem | None:
        """A quiz item by id."""
        rows = self.query("select * from quiz_items where id = ?", [item_id])
        return self._item(rows[0]) if rows else None

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
    ) -> int:
        """Store one answer and the learner's new card state for that item, atomically."""
        when = now_iso()
        with self.transaction() as db:
            answer_id = self._insert(
                db,
                "answers",
                {
                    "user_id": user_id,
                    "chat_id": chat_id,
                    "item_id": item.id,
                    "course": item.course,
                    "section_id": item.section_id,
                    "correct": int(correct),
                    "choice": choice,
                    "context": context,
                    "answered_at": when,
                },
            )
            db.table("cards").upsert(
                {
                    "user_id": user_id,
                    "item_id": item.id,
                    "course": item.course,
                    "section_id": item.section_id,
                    "card": card,
                    "due": due,
                    "reps": reps,
                    "lapses": lapses,
                    "updated_at": when,
                },
                pk=("user_id", "item_id"),
            )
        return answer_id

    def card(self, user_id: int, item_id: str) -> dict[str, Any] | None:
        """The learner's FSRS card row for an item."""
        rows = self.query("select * from cards where user_id = ? and item_id = ?", [user_id, item_id])
        return rows[0] if rows else None

    def cards(self, user_id: int, course: str) -> list[dict[str, Any]]:
        """All card rows of a learner in a course."""
        return self.query("select * from cards where user_id = ? and course = ?", [user_id, course])

    def answers(self, user_id: int, course: str | None = None) -> list[dict[str, Any]]:
        """All answers of a learner, oldest first."""
        if course is None:
            return self.query("select * from answers where user_id = ? order by id", [user_id])
        return self.query(
            "select * from answers where user_id = ? and course = ? order by id", [user_id, course]
        )

    # quiz sessions (private quizzes with inline buttons) ---------------------------------------
    def open_session(self, user_id: int, chat_id: int, item_id: str, context: str) -> tuple[int, str]:
        """Start a question for a learner; returns (session id, nonce) for the callback data."""
        nonce = secrets.token_hex(3)
        with self.transaction() as db:
            sid = self._insert(
                db,
                "quiz_sessions",
                {
                    "user_id": user_id,
                    "chat_id": chat_id,
                    "message_id": None,
                    "item_id": item_id,
                    "nonce": nonce,
                    "status": "open",
                    "context": context,
                    "created_at": now_iso(),
                },
            )
        return sid, nonce

    def set_session_message(self, session_id: int, message_id: int) -> None:
        """Remember which message shows the question."""
        with self.transaction() as db:
            db.table("quiz_sessions").update(session_id, {"message_id": message_id})

    def open_typed_session(self, user_id: int) -> dict[str, Any] | None:
        """The learner's newest typed-recall question that is still open."""
        rows = self.query(
            "select * from quiz_sessions where user_id = ? and context = 'typed' and status = 'open' "
            "order by id desc limit 1",
            [user_id],
        )
        return rows[0] if rows else None

    def session(self, session_id: int) -> dict[str, Any] | None:
        """A quiz session row."""
        rows = self.query("select * from quiz_sessions where id = ?", [session_id])
        return rows[0] if rows else None

    def set_session_answer(self, session_id: int, choice: int, answer_id: int) -> None:
        """Link a closed session to the answer that closed it."""
        with self.transaction() as db:
            db.table("quiz_sessions").update(session_id, {"choice": choice, "answer_id": answer_id})

    def close_session(self, session_id: int) -> bool:
        """Mark a session answered; False when it was not open (double tap, stale button)."""
        with self.transaction() as db:
            cur = db.execute(
                "update quiz_sessions set status = 'answered' where id = ? and status = 'open'", [session_id]
            )
            return cur.rowcount == 1

    # subscriptions ---------------------------------------------------------------------------
    def subscribe(self, chat_id: int, user_id: int | None, time: str, timezone: str) -> None:
        """Create or change a daily push."""
        with self.transaction() as db:
            db.table("subscriptions").upsert(
                {
                    "chat_id": chat_id,
                    "user_id": user_id,
                    "time": time,
                    "timezone": timezone,
                    "active": 1,
                    "paused_reason": None,
                    "created_at": now_iso(),
                },
                pk="chat_id",
            )

    def subscription(self, chat_id: int) -> dict[str, Any] | None:
        """The subscription of a chat."""
        rows = self.query("select * from subscriptions where chat_id = ?", [chat_id])
        return rows[0] if rows else None

    def set_subscription(self, chat_id: int, **fields: object) -> None:
        """Update subscription fields (active, paused_reason, last_sent, timezone)."""
        allowed = {"active", "paused_reason", "last_sent", "timezone"}
        if not set(fields) <= allowed:
            raise ValueError(fields)
        with self.transaction() as db:
            db.table("subscriptions").update(chat_id, fields)

    def active_subscriptions(self) -> list[dict[str, Any]]:
        """All active subscriptions (to re-create jobs at start-up)."""
        return self.query("select * from subscriptions where active = 1")

    # conversation ----------------------------------------------------------------------------
    # group quiz polls --------------------------------------------------------------------------
    def poll(self, poll_id: str) -> dict[str, Any] | None:
        """The stored quiz poll, if it is ours."""
        rows = self.query("select * from polls where poll_id = ?", [poll_id])
        return rows[0] if rows else None

    def poll_vote(self, poll_id: str, user_id: int) -> dict[str, Any] | None:
        """A member's recorded vote on a poll."""
        rows = self.query("select * from poll_votes where poll_id = ? and user_id = ?", [poll_id, user_id])
        return rows[0] if rows else None

    def add_poll_vote(self, poll_id: str, user_id: int, option: int, answer_id: int, update_id: int) -> bool:
        """Record a member's first vote; False when they had voted already (the first answer is final)."""
        with self.transaction() as db:
            cur = db.execute(
                "insert or ignore into poll_votes "
                "(poll_id, user_id, option, answer_id, answered_at, update_id) values (?, ?, ?, ?, ?, ?)",
                [poll_id, user_id, option, answer_id, now_iso(), update_id],
            )
            return cur.rowcount == 1

    def poll_votes(self, poll_id: str) -> list[dict[str, Any]]:
        """Every member's vote on a poll."""
        return self.query("select * from poll_votes where poll_id = ? order by answered_at", [poll_id])

    def claim_poll_close(self, poll_id: str) -> bool:
        """Mark a poll closed; True only for the one caller that closed it (its result is posted once)."""
        with self.transaction() as db:
            cur = db.execute("update polls set closed = 1 where poll_id = ? and closed = 0", [poll_id])
            return cur.rowcount == 1

    def remember_topic(self, chat_id: int, course: str, section_id: str, term: str) -> None:
        """Store what a chat's last answer was about (one row per chat and course)."""
        with self._lock:
            self.db.table("conversation_topics").upsert(
                {"chat_id": chat_id, "course": course, "section_id": section_id, "term": term,
                 "updated_at": now_iso()},
                pk=("chat_id", "course"),
            )  # fmt: skip

    def recent_topic(self, chat_id: int, course: str, since: str) -> dict[str, Any] | None:
        """The chat's last topic if it was stored at or after ``since`` (ISO time)."""
        rows = self.query(
            "select * from conversation_topics where chat_id = ? and course = ? and updated_at >= ?",
            [chat_id, course, since],
        )
        return rows[0] if rows else None

    # privacy ---------------------------------------------------------------------------------
    def export_user(self, user_id: int) -> dict[str, Any]:
        """Everything stored about a learner."""
        return {
            "user": self.user(user_id),
            "answers": self.query("select * from answers where user_id = ? order by id", [user_id]),
            "cards": self.query("select * from cards where user_id = ?", [user_id]),
            "subscriptions": self.query("select * from subscriptions where user_id = ?", [user_id]),
            "quiz_sessions": self.query("select * from quiz_sessions where user_id = ?", [user_id]),
            "poll_votes": self.query("select * from poll_votes where user_id = ?", [user_id]),
            "conversation_topics": self.query(
                "select * from conversation_topics where chat_id = ?", [user_id]
            ),
        }

    def delete_user(self, user_id: int) -> None:
        """Remove every row about a learner, including their private chat."""
        with self.transaction() as db:
            for table in ("answers", "cards", "quiz_sessions", "poll_votes"):
                db.execute(f"delete from {table} where user_id = ?", [user_id])  # noqa: S608
            db.execute("delete from subscriptions where user_id = ? or chat_id = ?", [user_id, user_id])
            db.execute("delete from conversation_topics where chat_id = ?", [user_id])
            db.execute("delete from chats where id = ?", [user_id])
            db.execute("delete from users where id = ?", [user_id])
        with self._lock:
            # Old page images in the write-ahead log go too.
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def count_rows(self, user_id: int) -> int:
        """Rows that still mention a learner (0 after delete_user)."""
        total = 0
        for table in ("answers", "cards", "quiz_sessions", "poll_votes", "subscriptions"):
            total += self.query(f"select count(*) n from {table} where user_id = ?", [user_id])[0]["n"]  # noqa: S608
        total += self.query("select count(*) n from users where id = ?", [user_id])[0]["n"]
        return int(total)
