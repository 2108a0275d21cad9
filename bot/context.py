"""Typed access to the heavy objects built in post_init (PTB custom context types)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from runtime.settings import Settings
from tutor.service import Tutor


@dataclass
class BotData:
    """Application-wide state: settings and, after post_init, the tutor."""

    settings: Settings = field(default_factory=Settings)
    tutor: Tutor | None = None
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

    @property
    def tutor(self) -> Tutor:
        """The tutor built at start-up."""
        tutor = self.bot_data.tutor
        if tutor is None:  # pragma: no cover - post_init always runs first
            raise RuntimeError("tutor not initialised")
        return tutor

    @property
    def settings(self) -> Settings:
        """The application settings."""
        return self.bot_data.settings
