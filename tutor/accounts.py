"""Learners and chats: who they are, their settings, their daily push, their confirmations.

The adapters call these instead of touching the store, so every state change has one place.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from tutor.errors import TutorError
from tutor.store import LearnerStore

DEFAULT_PUSH = "19:00"
FORGET = "forget"


@dataclass(frozen=True)
class PushPlan:
    """A chat's daily push as set: time, zone, whether it is on."""

    time: str
    timezone: str
    active: bool


class Accounts:
    """Users, chats and subscriptions of one course's tutor."""

    def __init__(self, store: LearnerStore, course: str, timezone: str) -> None:
        self.store = store
        self.course = course
        self.timezone = timezone

    # who is here ----------------------------------------------------------------------------
    def seen(self, user_id: int, first_name: str, username: str, private_chat: bool) -> None:
        """A user wrote to us: keep their name current (and their private chat known)."""
        self.store.upsert_user(user_id, first_name, username)
        if private_chat:
            self.store.upsert_chat(user_id, "private", "", True)

    def user_timezone(self, user_id: int) -> str:
        """The learner's timezone, or the default."""
        user = self.store.user(user_id)
        return (user or {}).get("timezone") or self.timezone

    def set_timezone(self, user_id: int, chat_id: int, tz: str) -> None:
        """The learner's zone; an active push of this chat follows it."""
        self.store.set_user_field(user_id, "timezone", tz)
        sub = self.store.subscription(chat_id)
        if sub and sub["active"]:
            self.store.set_subscription(chat_id, timezone=tz)

    def set_scoreboard(self, user_id: int, visible: bool) -> None:
        """Opt in to or out of group scoreboards."""
        self.store.set_user_field(user_id, "scoreboard_opt_out", int(not visible))

    # groups ---------------------------------------------------------------------------------
    def group_membership(self, chat_id: int, chat_type: str, title: str, active: bool) -> None:
        """The bot was added to or removed from a group; removal pauses its daily push."""
        self.store.upsert_chat(chat_id, chat_type, title, active)
        if not active:
            self.store.pause_subscription(chat_id, "removed")

    def migrate_group(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its data and daily push move to the new id."""
        self.store.migrate_chat(old_id, new_id)

    def open_period(self, chat_id: int) -> int | None:
        """The group's poll open period: None when never set, 0 for no limit."""
        chat = self.store.chat(chat_id)
        return None if chat is None else chat.get("open_period")

    def set_open_period(self, chat_id: int, chat_type: str, title: str, seconds: int) -> None:
        """How long the group's quiz polls stay open (a group never seen before is created)."""
        self.store.ensure_chat(chat_id, chat_type, title)
        self.store.set_chat_field(chat_id, "open_period", seconds)

    # daily push -----------------------------------------------------------------------------
    def subscribe(self, chat_id: int, user_id: int | None, hhmm: str, tz: str | None = None) -> PushPlan:
        """Turn on a chat's daily push (a private chat in the learner's zone, a group in the default)."""
        zone = tz or (self.user_timezone(user_id) if user_id is not None else self.timezone)
        self.store.subscribe(chat_id, user_id, hhmm, zone, self.course)
        return PushPlan(hhmm, zone, True)

    def push_plan(self, chat_id: int) -> PushPlan | None:
        """The chat's daily push as set, if ever."""
        sub = self.store.subscription(chat_id)
        return PushPlan(sub["time"], sub["timezone"], bool(sub["active"])) if sub else None

    def stop_push(self, chat_id: int, reason: str = "stopped") -> bool:
        """Stop a chat's daily push; False when none was on."""
        return self.store.pause_subscription(chat_id, reason)

    # privacy --------------------------------------------------------------------------------
    def ask_forget(self, user_id: int) -> str:
        """The nonce the learner must confirm before everything is deleted."""
        nonce = secrets.token_hex(4)
        self.store.set_confirmation(user_id, FORGET, nonce)
        return nonce

    def cancel_forget(self, user_id: int) -> None:
        """The learner said no."""
        self.store.take_confirmation(user_id, FORGET, None)

    def check_forget(self, user_id: int, nonce: str) -> None:
        """Use up the confirmation; TutorError unless ``nonce`` is the one just handed out."""
        if not self.store.take_confirmation(user_id, FORGET, nonce):
            raise TutorError("Deze bevestiging is verlopen. Typ opnieuw /vergeet_mij.")
