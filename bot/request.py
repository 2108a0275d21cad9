"""Bot API requests that survive transient failures: one place, every call.

5xx answers and connection errors are retried with backoff for every method (the request was not
processed, or never sent). A read timeout is retried only for methods that are safe to repeat; a
send that timed out may have arrived, and sending it again would duplicate it. Long polling keeps
its own retry loop. 429s stay with the rate limiter, which honours ``retry_after``.
"""

from __future__ import annotations

import asyncio
import logging

from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

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


class RetryingRequest(HTTPXRequest):
    """HTTPXRequest with retries and backoff for transient failures."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send the request; retry a 5xx, a failed connection or a safe method's timeout."""
        endpoint = url.rstrip("/").rsplit("/", 1)[-1]
        for delay in (*RETRY_DELAYS, None):
            try:
                code, payload = await super().do_request(
                    url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
                )
            except TimedOut:
                if delay is None or endpoint not in SAFE_TO_REPEAT:
                    raise
                logger.info("%s timed out; retrying in %.1fs", endpoint, delay)
            except NetworkError as exc:
                if delay is None or endpoint == "getUpdates":
                    raise
                logger.info("%s failed (%s); retrying in %.1fs", endpoint, exc, delay)
            else:
                if code < 500 or delay is None or endpoint == "getUpdates":
                    return code, payload
                logger.info("%s answered %d; retrying in %.1fs", endpoint, code, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
