"""The double's HTTP server, its state, and the API tests use to play Telegram users."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.double.validation import ApiError, check_markup, check_poll, check_text, plain_text

JSON_FIELDS = {
    "reply_markup", "entities", "caption_entities", "options", "commands", "allowed_updates", "scope",
    "correct_option_ids", "reply_parameters", "link_preview_options", "explanation_entities",
}  # fmt: skip
COMMAND_RE = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@(\w+))?")


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
    sent_at: float = field(default_factory=time.monotonic)

    def buttons(self) -> list[tuple[str, str]]:
        """(text, callback_data) of every inline button."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


class BotApiDouble:
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
        self.group_limit = 20
        self.group_window = 60.0
        self.rate_violations: list[int] = []
        self.webhook: dict[str, Any] = {"url": "", "secret": None}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._poll_ids = itertools.count(9000)
        self._callback_ids = itertools.count(500)
        self._file_ids = itertools.count(1)
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
            result = await handler(params)
        except ApiError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return web.json_response(body, status=exc.code)
        async with self._changed:
            self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _int(params: dict[str, Any], key: str, default: int | None = None) -> int:
        value = params.get(key, default)
        if value is None:
            raise ApiError(400, f"Bad Request: parameter {key} is required")
        return int(value)

    def _target(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._int(params, "chat_id")
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat["type"] == "private" and chat_id in self.blocked:
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

    # Bot API methods -------------------------------------------------------------------------
    async def api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.bot

    async def api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook["url"]:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return self._updates[:limit]

    async def api_setWebhook(self, params: dict[str, Any]) -> bool:
        url = params.get("url", "")
        if url and not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url, "secret": params.get("secret_token")}
        if url:
            for update in self._updates:
                self._deliver(update)
            self._updates = []
        return True

    async def api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {"url": "", "secret": None}
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            self._updates = []
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook["url"], "has_custom_certificate": False, "pending_update_count": 0}

    async def api_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        for c in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(c.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: command description must be 1-256 characters")
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        self.commands[scope] = commands
        return True

    async def api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        scope = json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True)
        return self.commands.get(scope, [])

    async def api_sendChatAction(self, params: dict[str, Any]) -> bool:
        chat = self._target(params)
        self.chat_actions.append((chat["id"], str(params.get("action"))))
        return True

    async def api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(params)
        text = check_text(params.get("text"), params.get("parse_mode"))
        markup = check_markup(params.get("reply_markup"))
        extra: dict[str, Any] = {"text": text}
        if markup:
            extra["reply_markup"] = markup
        return self._store_bot_message(chat, "text", extra, SentMessage(chat["id"], 0, "text", text, markup))

    async def api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (self._int(params, "chat_id"), self._int(params, "message_id"))
        msg = self.messages.get(key)
        if msg is None or msg["from"]["id"] != self.bot["id"]:
            raise ApiError(400, "Bad Request: message to edit not found")
        text = check_text(params.get("text"), params.get("parse_mode"))
        markup = check_markup(params.get("reply_markup"))
        if text == msg.get("text") and markup == msg.get("reply_markup"):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message",
            )
        msg["text"] = text
        msg.pop("reply_markup", None)
        if markup:
            msg["reply_markup"] = markup
        sent = self.by_id[key]
        sent.text, sent.reply_markup, sent.edits = text, markup, sent.edits + 1
        return {**msg, "edit_date": int(time.time())}

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (self._int(params, "chat_id"), self._int(params, "message_id"))
        msg = self.messages.get(key)
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = check_markup(params.get("reply_markup"))
        if markup == msg.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        msg.pop("reply_markup", None)
        if markup:
            msg["reply_markup"] = markup
        self.by_id[key].reply_markup = markup
        return msg

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        qid = str(params.get("callback_query_id"))
        if qid not in self.callback_answers or self.callback_answers[qid] is not None:
            raise ApiError(
                400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
            )
        text = params.get("text") or ""
        if len(text) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_answers[qid] = {"text": text, "show_alert": str(params.get("show_alert")) == "true"}
        return True

    def _file(self, params: dict[str, Any], key: str) -> tuple[str, bytes]:
        value = params.get(key)
        if not isinstance(value, dict) or not value.get("data"):
            raise ApiError(400, f"Bad Request: there is no {key} in the request")
        return value.get("filename") or key, value["data"]

    async def api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(params)
        _, data = self._file(params, "photo")
        if not data.startswith(b"\x89PNG") and not data.startswith(b"\xff\xd8"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption = params.get("caption") or ""
        if caption:
            caption = plain_text(caption, params.get("parse_mode"))
            if len(caption) > 1024:
                raise ApiError(400, "Bad Request: message caption is too long")
        n = next(self._file_ids)
        photo = [{"file_id": f"photo{n}", "file_unique_id": f"u{n}", "width": 700, "height": 700,
                  "file_size": len(data)}]  # fmt: skip
        return self._store_bot_message(
            chat,
            "photo",
            {"photo": photo, "caption": caption},
            SentMessage(chat["id"], 0, "photo", caption, None, data),
        )

    async def api_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(params)
        name, data = self._file(params, "document")
        n = next(self._file_ids)
        doc = {"file_id": f"doc{n}", "file_unique_id": f"d{n}", "file_name": name, "file_size": len(data)}
        caption = plain_text(params.get("caption") or "", params.get("parse_mode"))
        return self._store_bot_message(
            chat, "document", {"document": doc, "caption": caption},
            SentMessage(chat["id"], 0, "document", caption, None, data),
        )  # fmt: skip

    async def api_sendPoll(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(params)
        raw_options = params.get("options") or []
        options = [o["text"] if isinstance(o, dict) else str(o) for o in raw_options]
        poll_type = params.get("type") or "regular"
        question = str(params.get("question") or "")
        explanation = params.get("explanation")
        check_poll(question, options, explanation, poll_type)
        correct = params.get("correct_option_ids")
        if correct is None and params.get("correct_option_id") is not None:
            correct = [int(params["correct_option_id"])]
        if poll_type == "quiz" and (not correct or not all(0 <= c < len(options) for c in correct)):
            raise ApiError(400, "Bad Request: wrong correct option id specified")
        poll_id = str(next(self._poll_ids))
        poll = {
            "id": poll_id,
            "question": question,
            "options": [
                {"text": o, "voter_count": 0, "persistent_id": f"{poll_id}-{i}"}
                for i, o in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": str(params.get("is_anonymous", "true")).lower() != "false",
            "type": poll_type,
            "allows_multiple_answers": False,
            "allows_revoting": str(params.get("allows_revoting", "false")).lower() == "true",
            "members_only": False,
        }
        if correct is not None:
            poll["correct_option_ids"] = list(correct)
        if explanation:
            poll["explanation"] = explanation
        if params.get("open_period"):
            poll["open_period"] = int(params["open_period"])
        self.polls[poll_id] = poll
        msg = self._store_bot_message(
            chat, "poll", {"poll": poll}, SentMessage(chat["id"], 0, "poll", question, None, b"", poll)
        )
        self.poll_messages[poll_id] = (chat["id"], msg["message_id"])
        return msg

    async def api_stopPoll(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (self._int(params, "chat_id"), self._int(params, "message_id"))
        msg = self.messages.get(key)
        if msg is None or "poll" not in msg:
            raise ApiError(400, "Bad Request: message with poll to stop not found")
        if msg["poll"]["is_closed"]:
            raise ApiError(400, "Bad Request: poll has already been closed")
        msg["poll"]["is_closed"] = True
        return msg["poll"]

    async def api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = self._int(params, "chat_id"), self._int(params, "user_id")
        user = self.users.get(user_id)
        if chat_id not in self.chats or user is None:
            raise ApiError(400, "Bad Request: user not found")
        if self.creators.get(chat_id) == user_id:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in self.admins[chat_id]:
            rights = dict.fromkeys(
                ["can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                 "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
                 "can_invite_users",
                 "can_post_stories", "can_edit_stories", "can_delete_stories"], False)  # fmt: skip
            return {"status": "administrator", "user": user, **rights, "can_manage_chat": True}
        return {"status": "member", "user": user}

    async def api_deleteMessage(self, params: dict[str, Any]) -> bool:
        key = (self._int(params, "chat_id"), self._int(params, "message_id"))
        if self.messages.pop(key, None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    # update delivery -------------------------------------------------------------------------
    def _enqueue(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update}
        if self.webhook["url"]:
            self._deliver(update)
        else:
            self._updates.append(update)
            self._new_update.set()
        return update

    def _deliver(self, update: dict[str, Any]) -> None:
        async def post() -> None:
            headers = {}
            if self.webhook["secret"]:
                headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret"]
            assert self._client is not None
            for _ in range(20):
                try:
                    async with self._client.post(self.webhook["url"], json=update, headers=headers) as resp:
                        if resp.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
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

    async def press(self, user: dict[str, Any], sent: SentMessage, data: str) -> str:
        """The user taps an inline button (``data`` may be forged); returns the callback query id."""
        qid = str(next(self._callback_ids))
        self.callback_answers[qid] = None
        message = self.messages[(sent.chat_id, sent.message_id)]
        self._enqueue({"callback_query": {"id": qid, "from": user, "chat_instance": f"ci{sent.chat_id}",
                                          "message": message, "data": data}})  # fmt: skip
        return qid

    async def vote(self, user: dict[str, Any], poll_id: str, option_ids: list[int]) -> None:
        """The user answers (or, with [], retracts) a non-anonymous poll."""
        poll = self.polls[poll_id]
        if poll["is_closed"]:
            return
        persistent = [f"{poll_id}-{i}" for i in option_ids]
        self._enqueue({"poll_answer": {"poll_id": poll_id, "user": user, "option_ids": option_ids,
                                       "option_persistent_ids": persistent}})  # fmt: skip

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
