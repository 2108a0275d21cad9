"""Bot API calls that survive transient failures: one place, every call, within the send budget.

Three budgets, as Telegram counts them: all sends together (about 30 per second), each group
(20 per minute) and each private chat (about one per second). Chats are counted in sliding
windows, all sends by a strict pace. A 429 holds the budget it names: the chat's own (a call
without a chat just waits). Holding means no place is given out until ``retry_after`` has passed,
so the requests queued meanwhile leave within the budget afterwards instead of in one burst, and
one chat's 429 never pauses the others.

5xx answers and connection errors are retried with backoff for every method (the request was not
processed, or never sent). A timeout is retried only for methods that are safe to repeat; a send that
timed out may have arrived, and sending it again would duplicate it. Every retry passes the limiters
again. Long polling keeps its own retry loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
from collections import OrderedDict, deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)

RETRY_DELAYS = (0.5, 1.0, 2.0)
MAX_RATE_LIMIT_RETRIES = 3
OVERALL_RATE = 24.0  # sends a second, all chats together: below 30, so timing jitter never makes 31
PRIVATE_RATE = (3, 3.0)  # about one message a second per private chat, a reply's few at once
UNCOUNTED = frozenset({"sendChatAction", "answerCallbackQuery", "getChat", "getChatMember", "getFile"})
WINDOW_MARGIN = 0.3  # seconds added to a chat's window: a send may arrive a little after it left
MAX_CHAT_LIMITERS = 10_000  # least recently used chats' limiters are dropped beyond this
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
Callback = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]


def seconds(retry_after: int | timedelta) -> float:
    """A 429's ``retry_after`` in seconds (PTB gives an int now, a timedelta in a later major)."""
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


class WindowLimiter:
    """At most ``max_rate`` places in any ``time_period`` seconds (a sliding window, as Telegram counts
    a group's 20 messages a minute; a leaky bucket would allow a full burst plus its drip)."""

    def __init__(self, max_rate: int, time_period: float) -> None:
        self.max_rate = max_rate
        self.time_period = time_period
        self.times: deque[float] = deque()
        self.lock = asyncio.Lock()
        self.held_until = 0.0

    async def acquire(self) -> None:
        """Wait for a place in the window."""
        async with self.lock:  # first come, first served
            loop = asyncio.get_running_loop()
            while True:
                now = loop.time()
                window = self.time_period + WINDOW_MARGIN
                while self.times and self.times[0] <= now - window:
                    self.times.popleft()
                wait = self.held_until - now
                if len(self.times) >= self.max_rate:
                    wait = max(wait, self.times[0] + window - now)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self.times.append(now)

    def hold(self, retry_after: int | timedelta) -> None:
        """Give out no place for ``retry_after`` (after a 429)."""
        pause = seconds(retry_after) + 0.1
        self.held_until = max(self.held_until, asyncio.get_running_loop().time() + pause)


class Pacer:
    """All sends, one every ``1 / rate`` seconds, retries first: a send that failed keeps its place
    instead of queueing behind everything that arrived while it was out."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.next_free = 0.0
        self.waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self.seq = itertools.count()
        self.timer: asyncio.TimerHandle | None = None

    async def acquire(self, retry: bool = False) -> None:
        """Wait for this send's turn."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self.waiting, (0 if retry else 1, next(self.seq), future))
        self._schedule()
        await future

    def _schedule(self) -> None:
        if self.timer is None and self.waiting:
            loop = asyncio.get_running_loop()
            self.timer = loop.call_later(max(0.0, self.next_free - loop.time()), self._release)

    def _release(self) -> None:
        self.timer = None
        while self.waiting:
            _, _, future = heapq.heappop(self.waiting)
            if not future.done():  # a cancelled waiter gives its turn away
                future.set_result(None)
                self.next_free = asyncio.get_running_loop().time() + self.interval
                break
        self._schedule()


def chat_of(data: dict[str, Any]) -> int | str | None:
    """The chat a request is for, if any (an integer when it is one)."""
    chat_id = data.get("chat_id")
    with contextlib.suppress(ValueError, TypeError):
        chat_id = int(chat_id)  # type: ignore[arg-type]
    return chat_id if isinstance(chat_id, int | str) else None


class RetryingRateLimiter(AIORateLimiter):
    """Overall, per-group and per-private-chat limits, 429s held per chat, transient failures retried."""

    def __init__(
        self,
        *args: Any,
        overall_rate: float = OVERALL_RATE,
        private_rate: tuple[float, float] = PRIVATE_RATE,
        **kwargs: Any,
    ) -> None:
        kwargs["overall_max_rate"] = 0  # the pacer replaces PTB's overall limit
        super().__init__(*args, **kwargs)
        self._pacer = Pacer(overall_rate)
        self._private_rate = private_rate
        self._chat_limiters: OrderedDict[int | str, WindowLimiter] = OrderedDict()

    def chat_limiter(self, chat_id: int | str) -> WindowLimiter:
        """The budget of one chat: a group's (20/min) or a private chat's (about 1/s)."""
        limiter = self._chat_limiters.get(chat_id)
        if limiter is None:
            group = isinstance(chat_id, str) or chat_id < 0
            rate = (self._group_max_rate, self._group_time_period) if group else self._private_rate
            if not rate[0]:
                rate = self._private_rate  # no group limit configured
            limiter = self._chat_limiters[chat_id] = WindowLimiter(int(rate[0]), rate[1])
            while len(self._chat_limiters) > MAX_CHAT_LIMITERS:
                self._chat_limiters.popitem(last=False)
        self._chat_limiters.move_to_end(chat_id)
        return limiter

    async def _send(
        self,
        chat_id: int | str | None,
        counted: bool,
        retry: bool,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
    ) -> Any:
        """One attempt: wait for a place in the chat's and the overall budget, then call."""
        limiter = self.chat_limiter(chat_id) if chat_id is not None and counted else None
        if limiter is not None:
            await limiter.acquire()
            await self._pacer.acquire(retry)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            if limiter is not None:
                limiter.hold(exc.retry_after)
            raise

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Send within the budgets; retry a 429 (after its pause), a 5xx, a failed connection or a
        safe method's timeout."""
        chat_id = chat_of(data)
        counted = endpoint not in UNCOUNTED  # "typing…" and lookups are no messages
        delays = iter(RETRY_DELAYS)
        rate_limited = 0
        for attempt in itertools.count():
            try:
                return await self._send(chat_id, counted, attempt > 0, callback, args, kwargs)
            except BadRequest:
                raise  # the request itself is wrong; repeating it cannot help
            except RetryAfter as exc:
                rate_limited += 1
                if rate_limited > MAX_RATE_LIMIT_RETRIES:
                    raise
                logger.info("%s rate limited; retrying after the pause", endpoint)
                if chat_id is None or not counted:
                    await asyncio.sleep(seconds(exc.retry_after))
                continue  # otherwise the held limiter makes the retry wait
            except TimedOut:
                delay = next(delays, None)
                if delay is None or endpoint not in SAFE_TO_REPEAT:
                    raise
                logger.info("%s timed out; retrying in %.1fs", endpoint, delay)
            except NetworkError as exc:
                delay = next(delays, None)
                if delay is None or endpoint == "getUpdates":
                    raise
                logger.info("%s failed (%s); retrying in %.1fs", endpoint, exc, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
