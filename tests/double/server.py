"""The double's HTTP server, its state, and the API tests use to play Telegram users."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from tests.double.methods import BotApiMethods
from tests.double.records import SentMessage
from tests.double.validation import ApiError

JSON_FIELDS = {
    "reply_markup", "entities", "caption_entities", "options", "commands", "allowed_updates", "scope",
    "correct_option_ids", "reply_parameters", "link_preview_options", "explanation_entities",
}  # fmt: skip
FAULTY = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "sendChatAction",
     "sendPoll", "sendPhoto", "sendDocument"}
)  # fmt: skip
COMMAND_RE = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@(\w+))?")


class BotApiDouble(BotApiMethods):
    """Speaks enough of the Bot API over HTTP for PTB 22.8, and enforces its limits."""

    def __init__(
        self,
        token: str = "123456:TEST-token",  # noqa: S107 - a test token
        bot_username: str = "studybot_test_bot",
    ) -> None:
        self.token = token
        self.bot = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "Studybot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.admins: dict[int, set[int]] = defaultdict(set)
        self.creators: dict[int, int] = {}
        self.blocked: set[int] = set()
        self.poll_voters: dict[str, dict[int, list[int]]] = {}
        self.fault_log: list[tuple[str, Any, str, float]] = []  # (method, chat_id, fault, time)
        self.refused: Counter[int] = Counter()  # messages refused with a 403, per chat
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.sent: list[SentMessage] = []
        self.by_id: dict[tuple[int, int], SentMessage] = {}
        self.polls: dict[str, dict[str, Any]] = {}
        self.poll_messages: dict[str, tuple[int, int]] = {}
        self.callback_answers: dict[str, dict[str, Any] | None] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.chat_actions: list[tuple[int, str]] = []
        self.requests: list[tuple[str, dict[str, Any], float]] = []
        self.failures: dict[str, list[tuple[int, str, int | None]]] = defaultdict(list)
        # Random faults for load tests: this share of calls to FAULTY methods fails with a 429
        # (retry_after 1), a 500, or hangs for ``hang_seconds`` before failing, unprocessed.
        self.fault_rate = 0.0
        self.hang_seconds = 10.0
        self.fault_counts: dict[str, int] = defaultdict(int)
        self._faults = random.Random(7)
        self.group_limit = 20
        self.group_window = 60.0
        self.rate_violations: list[int] = []
        self.webhook: dict[str, Any] = {"url": "", "secret": None}
        # A load balancer in front of several webhook replicas: updates go to these in turn (the
        # next one when a replica does not answer); which replica took which update is recorded.
        self.backends: list[str] = []
        self.delivered_to: dict[int, str] = {}
        self._turn = itertools.count()
        self.latency = 0.0  # seconds each FAULTY call takes (a slow Telegram)
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._poll_ids = itertools.count(9000)
        self._callback_ids = itertools.count(500)
        self._file_ids = itertools.count(1)
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, bytes) users sent
        self.downloads: list[str] = []
        self._new_update = asyncio.Event()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    # server lifecycle ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """Root URL to give the bot as TELEGRAM_API_URL."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]
        self._client = aiohttp.ClientSession()

    async def stop(self) -> None:
        """Shut the server down."""
        for task in list(self._tasks):
            task.cancel()
        if self._client:
            await self._client.close()
        if self._runner:
            await self._runner.cleanup()

    # request handling ------------------------------------------------------------------------
    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            body = await request.read()
            return dict(json.loads(body)) if body else {}
        form = await request.post()
        out: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                out[key] = {"filename": value.filename, "data": value.file.read()}
            elif key in JSON_FIELDS:
                out[key] = json.loads(value)
            else:
                out[key] = value
        return out

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        self.requests.append((method, params, time.monotonic()))
        handler = getattr(self, f"api_{method}", None)
        try:
            if handler is None:
                raise ApiError(404, "Not Found")
            if self.failures.get(method):
                code, description, retry_after = self.failures[method].pop(0)
                raise ApiError(code, description, retry_after)
            if method in FAULTY and self.fault_rate and self._faults.random() < self.fault_rate:
                kind = self._faults.choice(("429", "500", "hang"))
                self.fault_counts[kind] += 1
                self.fault_log.append((method, params.get("chat_id"), kind, time.monotonic()))
                if kind == "429":
                    raise ApiError(429, "Too Many Requests: retry after 1", 1)
                if kind == "hang":
                    await asyncio.sleep(self.hang_seconds)
                raise ApiError(500, "Internal Server Error")
            if self.latency and method in FAULTY:
                await asyncio.sleep(self.latency)
            result = await handler(params)
        except ApiError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return web.json_response(body, status=exc.code)
        async with self._changed:
            self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/<file_path>: the bytes of a file a user sent (after getFile)."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["path"]
        for stored_path, data in self.files.values():
            if stored_path == path:
                self.downloads.append(path)
                return web.Response(body=data)
        return web.Response(status=404, text="Not Found")

    @staticmethod
    def _int(params: dict[str, Any], key: str, default: int | None = None) -> int:
        value = params.get(key, default)
        if value is None:
            raise ApiError(400, f"Bad Request: parameter {key} is required")
        return int(value)

    def _target(self, params: dict[str, Any], message: bool = True) -> dict[str, Any]:
        chat_id = self._int(params, "chat_id")
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat["type"] == "private" and chat_id in self.blocked:
            self.refused[chat_id] += message
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat["type"] != "private" and not chat.get("_bot_member", True):
            raise ApiError(403, "Forbidden: bot is not a member of the group chat")
        if chat["type"] != "private":
            now = time.monotonic()
            recent = [s for s in self.sent if s.chat_id == chat_id and now - s.sent_at < self.group_window]
            if len(recent) >= self.group_limit:
                self.rate_violations.append(chat_id)
                raise ApiError(429, "Too Many Requests: retry after 5", 5)
        return chat

    def _public_chat(self, chat: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in chat.items() if not k.startswith("_")}

    def _store_bot_message(
        self, chat: dict[str, Any], kind: str, extra: dict[str, Any], sent: SentMessage
    ) -> dict:
        message_id = next(self._message_ids[chat["id"]])
        msg = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._public_chat(chat),
            "from": self.bot,
            **extra,
        }
        sent.message_id = message_id
        self.messages[(chat["id"], message_id)] = msg
        self.sent.append(sent)
        self.by_id[(chat["id"], message_id)] = sent
        return msg

    # update delivery -------------------------------------------------------------------------
    def _enqueue(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update}
        if self.webhook["url"]:
            self._deliver(update)
        else:
            self._updates.append(update)
            self._new_update.set()
        return update

    def balance(self, backends: list[str]) -> None:
        """Put a load balancer between Telegram and these webhook URLs (one per replica)."""
        self.backends = list(backends)

    def _targets(self) -> list[str]:
        if not self.backends:
            return [self.webhook["url"]]
        first = next(self._turn) % len(self.backends)
        return self.backends[first:] + self.backends[:first]

    def _deliver(self, update: dict[str, Any]) -> None:
        targets = self._targets()

        async def post() -> None:
            headers = {}
            if self.webhook["secret"]:
                headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret"]
            assert self._client is not None
            for attempt in range(40):
                url = targets[attempt % len(targets)]
                try:
                    async with self._client.post(url, json=update, headers=headers) as resp:
                        if resp.status == 200:
                            self.delivered_to[update["update_id"]] = url
                            return
                except aiohttp.ClientError:
                    pass
                if attempt % len(targets) == len(targets) - 1:
                    await asyncio.sleep(0.1)

        task = asyncio.get_running_loop().create_task(post())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # playing users ---------------------------------------------------------------------------
    def user(self, user_id: int, first_name: str, username: str | None = None) -> dict[str, Any]:
        """Register a Telegram user (and their private chat with the bot)."""
        user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "nl"}
        if username:
            user["username"] = username
        self.users[user_id] = user
        self.chats[user_id] = {"id": user_id, "type": "private", "first_name": first_name}
        return user

    def group(
        self, chat_id: int, title: str, creator: int, admins: tuple[int, ...] = (), kind: str = "group"
    ) -> dict:
        """Register a group chat the bot has not joined yet."""
        self.chats[chat_id] = {"id": chat_id, "type": kind, "title": title, "_bot_member": False}
        self.creators[chat_id] = creator
        self.admins[chat_id] = set(admins)
        return self.chats[chat_id]

    def _delivered_in_group(self, text: str, reply_to: dict[str, Any] | None) -> bool:
        """Privacy mode: commands, mentions of the bot and replies to the bot only."""
        m = COMMAND_RE.match(text)
        if m:
            return m.group(2) is None or m.group(2).lower() == self.bot["username"].lower()
        if f"@{self.bot['username']}".lower() in text.lower():
            return True
        return bool(reply_to and reply_to.get("from", {}).get("id") == self.bot["id"])

    async def send(
        self,
        user: dict[str, Any],
        text: str | None = None,
        chat_id: int | None = None,
        reply_to: dict[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any] | None:
        """The user sends a message; returns it, or None when privacy mode hides it from the bot."""
        chat = self.chats[chat_id if chat_id is not None else user["id"]]
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat["id"]]),
            "date": int(time.time()),
            "chat": self._public_chat(chat),
            "from": user,
            **extra,
        }
        if text is not None:
            message["text"] = text
            m = COMMAND_RE.match(text)
            if m:
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": m.end()}]
            mention = f"@{self.bot['username']}"
            pos = text.find(mention)
            if pos >= 0:
                message.setdefault("entities", []).append(
                    {"type": "mention", "offset": pos, "length": len(mention)}
                )
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self.messages[(chat["id"], message["message_id"])] = message
        if chat["type"] != "private" and not self._delivered_in_group(text or "", reply_to):
            return None
        self._enqueue({"message": message})
        return message

    async def send_document(
        self, user: dict[str, Any], file_name: str, data: bytes, mime_type: str = "application/pdf"
    ) -> dict[str, Any] | None:
        """The user sends a file in their private chat."""
        n = next(self._file_ids)
        file_id = f"userdoc{n}"
        self.files[file_id] = (f"documents/file_{n}{Path(file_name).suffix}", data)
        document = {"file_id": file_id, "file_unique_id": f"ud{n}", "file_name": file_name,
                    "mime_type": mime_type, "file_size": len(data)}  # fmt: skip
        return await self.send(user, None, document=document)

    async def press(self, user: dict[str, Any], sent: SentMessage, data: str) -> str:
        """The user taps an inline button (``data`` may be forged); returns the callback query id."""
        qid = str(next(self._callback_ids))
        self.callback_answers[qid] = None
        message = self.messages[(sent.chat_id, sent.message_id)]
        self._enqueue({"callback_query": {"id": qid, "from": user, "chat_instance": f"ci{sent.chat_id}",
                                          "message": message, "data": data}})  # fmt: skip
        return qid

    async def vote(self, user: dict[str, Any], poll_id: str, option_ids: list[int]) -> bool:
        """The user answers (or, with [], retracts) a non-anonymous poll; False when Telegram would
        not let them: the poll is closed, or it does not allow revoting and they voted already."""
        poll = self.polls[poll_id]
        voters = self.poll_voters.setdefault(poll_id, {})
        if poll["is_closed"] or (user["id"] in voters and not poll.get("allows_revoting")):
            return False
        if not option_ids and user["id"] not in voters:
            return False
        for i in voters.get(user["id"], []):
            poll["options"][i]["voter_count"] -= 1
        for i in option_ids:
            poll["options"][i]["voter_count"] += 1
        if option_ids:
            voters[user["id"]] = option_ids
        else:
            voters.pop(user["id"], None)
        poll["total_voter_count"] = len(voters)
        persistent = [f"{poll_id}-{i}" for i in option_ids]
        self.raw_poll_answer(user, poll_id, option_ids, persistent)
        return True

    def raw_poll_answer(
        self, user: dict[str, Any], poll_id: str, option_ids: list[int], persistent: list[str] | None = None
    ) -> None:
        """Deliver a poll answer update as is (a replayed or forged one, for tests)."""
        persistent = persistent if persistent is not None else [f"{poll_id}-{i}" for i in option_ids]
        self._enqueue({"poll_answer": {"poll_id": poll_id, "user": user, "option_ids": option_ids,
                                       "option_persistent_ids": persistent}})  # fmt: skip

    async def close_poll(self, poll_id: str) -> None:
        """The poll's open period ends now (as time passing would close it)."""
        self._close_poll(poll_id)

    def _close_poll(self, poll_id: str) -> None:
        poll = self.polls[poll_id]
        if poll["is_closed"]:
            return
        poll["is_closed"] = True
        self._enqueue({"poll": dict(poll)})  # bots get updates about polls they sent

    async def add_bot(self, chat_id: int, by: dict[str, Any]) -> None:
        """A member adds the bot to a group."""
        chat = self.chats[chat_id]
        chat["_bot_member"] = True
        self._member_update(chat, by, "left", "member")

    async def remove_bot(self, chat_id: int, by: dict[str, Any]) -> None:
        """A member removes the bot from a group."""
        chat = self.chats[chat_id]
        chat["_bot_member"] = False
        self._member_update(chat, by, "member", "left")

    def _member_update(self, chat: dict[str, Any], by: dict[str, Any], old: str, new: str) -> None:
        self._enqueue({"my_chat_member": {
            "chat": self._public_chat(chat), "from": by, "date": int(time.time()),
            "old_chat_member": {"status": old, "user": self.bot},
            "new_chat_member": {"status": new, "user": self.bot},
        }})  # fmt: skip

    async def migrate(self, old_id: int, new_id: int, by: dict[str, Any]) -> None:
        """A group is upgraded to a supergroup with a new id."""
        old = self.chats[old_id]
        new = {**old, "id": new_id, "type": "supergroup"}
        self.chats[new_id] = new
        self.creators[new_id] = self.creators.get(old_id, 0)
        self.admins[new_id] = set(self.admins[old_id])
        old["_bot_member"] = False
        message = {"message_id": next(self._message_ids[old_id]), "date": int(time.time()),
                   "chat": self._public_chat(old), "from": by, "migrate_to_chat_id": new_id}  # fmt: skip
        self._enqueue({"message": message})

    # waiting ---------------------------------------------------------------------------------
    def sent_to(self, chat_id: int, kind: str | None = None) -> list[SentMessage]:
        """What the bot sent to a chat, oldest first."""
        return [s for s in self.sent if s.chat_id == chat_id and (kind is None or s.kind == kind)]

    async def wait_for(self, predicate: Any, timeout: float = 15.0) -> Any:
        """Wait until ``predicate()`` is truthy (re-checked after every API call)."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("timed out waiting for the bot")
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.2))

    async def wait_sent(
        self, chat_id: int, count: int, kind: str | None = None, timeout: float = 15.0
    ) -> list:
        """Wait until the bot sent at least ``count`` messages (of ``kind``) to ``chat_id``."""
        return list(
            await self.wait_for(
                lambda: len(self.sent_to(chat_id, kind)) >= count and self.sent_to(chat_id, kind), timeout
            )
        )
