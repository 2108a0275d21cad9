"""Daily pushes for any number of replicas: each due push is claimed in the database, sent by the
replica that claimed it, then confirmed. A claim is a lease: when its replica dies before
confirming, the lease runs out and another replica sends the push.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tutor.store import LearnerStore

LEASE = timedelta(seconds=90)


@dataclass(frozen=True)
class Push:
    """One push this replica claimed and must now send, then confirm."""

    chat_id: int
    user_id: int | None
    course: str
    slot: str

    @property
    def group(self) -> bool:
        return self.chat_id < 0


def due_slot(sub: dict[str, Any], now: datetime, interval: float = 0.0) -> str | None:
    """The slot of the push that is due for a subscription now, or None.

    Daily: the learner's local date once their time has come (also later that day, so a push due
    while every replica was down still goes out), but not on a day it was set after its time.
    With ``interval`` > 0 (a testing knob) a push falls due every ``interval`` seconds.
    """
    if interval > 0:
        return f"slot:{int(now.timestamp() // interval)}"
    try:
        zone = ZoneInfo(sub["timezone"])
        hour, minute = (int(x) for x in sub["time"].split(":"))
    except (KeyError, ValueError, OSError):
        return None
    local = now.astimezone(zone)
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if local < due:
        return None
    set_at = sub.get("created_at")
    if set_at and datetime.fromisoformat(set_at) >= due:
        return None
    return local.date().isoformat()


class Pushes:
    """Find due pushes, claim them exactly once across replicas, confirm them when sent."""

    def __init__(self, store: LearnerStore, lease: timedelta = LEASE) -> None:
        self.store = store
        self.lease = lease

    def claim_due(
        self,
        now: datetime | None = None,
        interval: float = 0.0,
        limit: int = 500,
        lease: timedelta | None = None,
    ) -> list[Push]:
        """Claim up to ``limit`` pushes that are due now and neither sent nor held by a live claim
        (a small limit lets the replicas share a burst of pushes due in the same minute)."""
        now = now or datetime.now(UTC)
        stamp = now.isoformat(timespec="seconds")
        until = (now + (lease or self.lease)).isoformat(timespec="seconds")
        claimed: list[Push] = []
        for sub in self.store.push_candidates(stamp):
            slot = due_slot(sub, now, interval)
            if slot is None or sub.get("last_sent") == slot:
                continue
            row = self.store.claim_push(sub["chat_id"], slot, stamp, until)
            if row is not None:
                claimed.append(Push(row["chat_id"], row["user_id"], row["course"] or "", slot))
                if len(claimed) >= limit:
                    break
        return claimed

    def confirm(self, push: Push) -> None:
        """The push went out (or can never go out): it is done for its slot."""
        self.store.confirm_push(push.chat_id, push.slot)

    def pause_blocked(self, chat_id: int) -> None:
        """The chat blocked the bot: pause its push until the learner turns it on again."""
        self.store.pause_subscription(chat_id, "blocked")

