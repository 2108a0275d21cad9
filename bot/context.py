"""Typed access to the heavy objects built in post_init (PTB custom context types)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from runtime.settings import Settings
from tutor.campus import Campus
from tutor.service import Tutor


@dataclass
class BotData:
    """Application-wide state: settings and, after post_init, the tutor."""

    settings: Settings = field(default_factory=Settings)
    tutor: Tutor | None = None  # the default course's tutor
    campus: Campus | None = None  # every course's tutor
    group_tasks: dict[int, Any] = field(default_factory=dict)
    startup: float = 0.0  # share of the start-up work done (index build), 0..1
    startup_task: Any = None


class StudyContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with ``.tutor`` and ``.settings``."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    chat_tutor: Tutor | None = None  # the tutor of this update's chat's course (bot/chats.py)

    @property
    def tutor(self) -> Tutor:
        """The tutor of the chat's current course (the default course outside a chat)."""
        if self.chat_tutor is not None:
            return self.chat_tutor
        tutor = self.bot_data.tutor
        if tutor is None:  # pragma: no cover - post_init always runs first
            raise RuntimeError("tutor not initialised")
        return tutor

    @property
    def campus(self) -> Campus:
        """All courses."""
        campus = self.bot_data.campus
        if campus is None:  # pragma: no cover - post_init always runs first
            raise RuntimeError("campus not initialised")
        return campus

    @property
    def settings(self) -> Settings:
        """The application settings."""
        return self.bot_data.settings
