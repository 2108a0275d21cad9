"""A Telegram Bot API double: a real HTTP server on loopback that the real PTB Application talks to."""

from tests.double.records import SentMessage
from tests.double.server import BotApiDouble

__all__ = ["BotApiDouble", "SentMessage"]
