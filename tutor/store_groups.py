"""Statements about group quiz polls, votes, members and scoreboards."""

from __future__ import annotations

from tutor.items import QuizItem
from tutor.store_base import EPOCH, Row, StoreBase, now_iso


class GroupStatements(StoreBase):
    """Statements about group quiz polls, votes, members and scoreboards."""

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
