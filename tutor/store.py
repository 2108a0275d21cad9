"""Learner state: one interface, every SQL statement of the project, two backends below it.

``LearnerStore`` is the interface the tutor uses. Its statements live here (users, chats,
conversation, confirmations, privacy) and in one module per concept (``store_quiz``,
``store_groups``, ``store_pushes``, ``store_courses``); the backends in ``store_sqlite`` and
``store_pg`` only run them. See ``store_base`` for how "exactly once" is kept.
"""

from __future__ import annotations

from typing import Any

from tutor.store_base import EPOCH, LEARNER_TABLES, Params, Row, StoreBase, Tx, now_iso
from tutor.store_courses import CourseStatements
from tutor.store_groups import GroupStatements
from tutor.store_pushes import PushStatements
from tutor.store_quiz import QuizStatements

__all__ = ["EPOCH", "LEARNER_TABLES", "LearnerStore", "Params", "Row", "StoreBase", "Tx", "now_iso"]


class LearnerStore(QuizStatements, GroupStatements, PushStatements, CourseStatements):
    """All learner data behind one interface."""

    backend = "abstract"

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


    # conversation and confirmations -------------------------------------------------------------
    def remember_topic(self, chat_id: int, course: str, section_id: str, term: str) -> None:
        """Store what a chat's last answer was about (one row per chat and course), and the topic
        before it when the new one is another."""
        self._run(
            "insert into conversation_topics (chat_id, course, section_id, term, updated_at) "
            "values (?, ?, ?, ?, ?) on conflict (chat_id, course) do update set "
            "earlier_section_id = case when conversation_topics.term = excluded.term "
            "then conversation_topics.earlier_section_id else conversation_topics.section_id end, "
            "earlier_term = case when conversation_topics.term = excluded.term "
            "then conversation_topics.earlier_term else conversation_topics.term end, "
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
