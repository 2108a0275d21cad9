"""Update processing that keeps chats apart: one chat's backlog never delays another chat.

PTB's default processor runs a fixed number of updates at once; when a busy group's updates sit
waiting for the group's send budget they hold those slots, and private chats wait behind them.
Here updates of one chat run in arrival order, while different chats run side by side.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Plenty: a slot is only held by an update of a chat that is already being served.
MAX_CONCURRENT_UPDATES = 512


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    """Serial within a chat, concurrent across chats."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run ``coroutine`` after the earlier updates of the same chat (or, for a poll answer, which
        belongs to no chat, of the same user: their first answer is the one that counts)."""
        key = None
        if isinstance(update, Update):
            chat, user = update.effective_chat, update.effective_user
            key = chat.id if chat is not None else (user.id if user is not None else None)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
