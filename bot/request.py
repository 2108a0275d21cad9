"""Bot API calls that survive transient failures: one place, every call, within the send budget.

5xx answers and connection errors are retried with backoff for every method (the request was not
processed, or never sent). A timeout is retried only for methods that are safe to repeat; a send that
timed out may have arrived, and sending it again would duplicate it. Each retry passes the rate
limiter again, so retries never push a second over Telegram's limits. 429s are handled by the
limiter itself, which honours ``retry_after``. Long polling keeps its own retry loop.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import nullcontext
from collections.abc import Callable, Coroutine
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

RETRY_DELAYS = (0.5, 1.0, 2.0)
SAFE_TO_REPEAT = frozenset(
    {
        "answerCallbackQuery",
        "editMessageText",
        "editMessageReplyMarkup",
        "getChatMember",
        "getChat",
        "getMe",
        "getFile",
        "sendChatAction",
        "setMyCommands",
        "deleteMessage",
        "stopPoll",
        "setWebhook",
        "deleteWebhook",
    }
)


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter that also retries transient failures, each attempt within the limits."""

    async def _run_request(
        self,
        chat: bool,
        group: str | int | bool,
        allow_paid_broadcast: bool,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        if allow_paid_broadcast:
            return await super()._run_request(chat, group, allow_paid_broadcast, callback, args, kwargs)
        base = self._base_limiter if (chat and self._base_limiter) else None
        group_limiter = self._get_group_limiter(group) if group and self._group_max_rate else None
        while True:
            # After a 429, wait *before* taking a place in the limiters (PTB 22 waits after).
            await self._retry_after_event.wait()
            async with group_limiter or nullcontext(), base or nullcontext():
                if self._retry_after_event.is_set():
                    return await callback(*args, **kwargs)
            # A 429 pause began while this request waited for its place. PTB would hold it until
            # the pause ends and then send it together with every other place handed out during the
            # pause - a burst over the limit. Queue again behind the pause instead.

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Send through the limiter; retry a 5xx, a failed connection or a safe method's timeout."""
        for delay in (*RETRY_DELAYS, None):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise  # the request itself is wrong; repeating it cannot help
            except TimedOut:
                if delay is None or endpoint not in SAFE_TO_REPEAT:
                    raise
                logger.info("%s timed out; retrying in %.1fs", endpoint, delay)
            except NetworkError as exc:
                if delay is None or endpoint == "getUpdates":
                    raise
                logger.info("%s failed (%s); retrying in %.1fs", endpoint, exc, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
