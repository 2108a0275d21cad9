"""A Telegram Bot API double: a real HTTP server on loopback that the real PTB Application talks to."""

from tests.double.server import BotApiDouble, SentMessage

__all__ = ["BotApiDouble", "SentMessage"]
