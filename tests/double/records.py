"""What the double records about the bot's messages."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SentMessage:
    """Something the bot sent: a message, photo, document or poll."""

    chat_id: int
    message_id: int
    kind: str  # text | photo | document | poll
    text: str = ""
    reply_markup: dict[str, Any] | None = None
    data: bytes = b""
    poll: dict[str, Any] | None = None
    edits: int = 0
    history: list[str] = field(default_factory=list)  # the texts it showed before each edit
    sent_at: float = field(default_factory=time.monotonic)

    def buttons(self) -> list[tuple[str, str]]:
        """(text, callback_data) of every inline button."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]
