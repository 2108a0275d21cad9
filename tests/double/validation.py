"""What the real Bot API enforces, so the bot's mistakes surface in tests."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}  # fmt: skip


class ApiError(Exception):
    """An error response: HTTP status, description and optional retry_after."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


class _HtmlCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS and not self.error:
            self.error = f'unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f'can\'t find end tag corresponding to start tag "{tag}"'
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def plain_text(text: str, parse_mode: str | None) -> str:
    """The visible text after parsing; ApiError 400 when HTML does not parse like Telegram's."""
    if not parse_mode or parse_mode.upper() != "HTML":
        return text
    for part in text.split("&")[1:]:
        name = part.split(";", 1)[0]
        if ";" not in part or " " in name:
            continue
        if name not in ("lt", "gt", "amp", "quot") and not name.startswith("#"):
            raise ApiError(400, f'Bad Request: can\'t parse entities: unsupported HTML entity "&{name};"')
    checker = _HtmlCheck()
    checker.feed(text)
    checker.close()
    if checker.error is None and checker.stack:
        checker.error = f'can\'t find end tag corresponding to start tag "{checker.stack[-1]}"'
    if checker.error is None and checker.rawdata:
        checker.error = "unexpected end of name token"
    if checker.error:
        raise ApiError(400, f"Bad Request: can't parse entities: {checker.error}")
    return "".join(checker.text)


def check_text(text: Any, parse_mode: str | None, field: str = "message") -> str:
    """Text of a message: 1–4096 characters after entity parsing."""
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, f"Bad Request: {field} text is empty")
    visible = plain_text(text, parse_mode)
    if not visible.strip():
        raise ApiError(400, f"Bad Request: {field} text is empty")
    if len(visible) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    return visible


def check_markup(markup: Any) -> dict[str, Any] | None:
    """Inline keyboards: callback_data 1–64 bytes, button text present."""
    if markup in (None, ""):
        return None
    if isinstance(markup, str):
        markup = json.loads(markup)
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return dict(markup)


def check_poll(question: str, options: list[str], explanation: str | None, poll_type: str) -> None:
    """Quiz poll limits: question 1–300, 2–12 options of 1–100, explanation ≤ 200."""
    if not 1 <= len(question) <= 300:
        raise ApiError(400, "Bad Request: poll question length must not exceed 300")
    if not 2 <= len(options) <= 12:
        raise ApiError(400, "Bad Request: poll must have 2-12 options")
    if any(not 1 <= len(o) <= 100 for o in options):
        raise ApiError(400, "Bad Request: poll options length must not exceed 100")
    if explanation is not None and len(explanation) > 200:
        raise ApiError(400, "Bad Request: explanation is too long")
    if poll_type not in ("regular", "quiz"):
        raise ApiError(400, "Bad Request: wrong poll type specified")
