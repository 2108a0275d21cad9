"""The Bot API methods the double implements, with the checks the real server makes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from typing import Any

from tests.double.records import SentMessage
from tests.double.validation import ApiError, check_markup, check_poll, check_text, plain_text


class BotApiMethods:
    """Mixin with one ``api_<method>`` coroutine per Bot API method; state lives in BotApiDouble."""

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
        chat = self._target(params, message=False)
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
        sent.history.append(sent.text)
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

    async def api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id") or "")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        if len(data) > 20 * 1024 * 1024:  # bots may download files up to 20 MB
            raise ApiError(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data),
                "file_path": path}  # fmt: skip

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
            period = int(params["open_period"])
            if not 5 <= period <= 600:
                raise ApiError(400, "Bad Request: poll open period must be between 5 and 600 seconds")
            poll["open_period"] = period
            poll["close_date"] = int(time.time()) + period
            asyncio.get_running_loop().call_later(period, self._close_poll, poll_id)
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
        self._close_poll(msg["poll"]["id"])
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
