"""Statements about daily-push subscriptions and claiming due pushes."""

from __future__ import annotations

from tutor.store_base import Row, StoreBase, now_iso


class PushStatements(StoreBase):
    """Statements about daily-push subscriptions and claiming due pushes."""

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

    def pause_subscription(self, chat_id: int, reason: str) -> bool:
        """Pause a chat's active daily push; False when none was active."""
        return (
            self._run(
                "update subscriptions set active = 0, paused_reason = ? where chat_id = ? and active = 1",
                (reason, chat_id),
            )
            == 1
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
