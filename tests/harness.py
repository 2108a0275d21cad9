"""Run the real PTB Application against the Bot API double, in polling or webhook mode."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.main import build_application
from runtime.settings import SecretStr, Settings
from tests.double import BotApiDouble, SentMessage
from tests.pg import free_port
from tutor.service import Tutor

WEBHOOK_SECRET = "s3cret-token"  # noqa: S105 - test value


def make_settings(double: BotApiDouble, data_dir: Path, template: Path, **overrides: Any) -> Settings:
    """Settings pointing at the double, with the prebuilt index copied in (no model rebuild)."""
    if template.is_dir() and not (data_dir / "index").exists():
        shutil.copytree(template / "index", data_dir / "index")
    base = Settings(token=SecretStr(double.token), api_url=double.base_url, data_dir=data_dir)
    return replace(base, **overrides)


class RunningBot:
    """A started Application and how to stop it."""

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], mode: str) -> None:
        self.app = app
        self.mode = mode

    @property
    def tutor(self) -> Tutor:
        """The tutor built in post_init."""
        tutor = self.app.bot_data.tutor
        assert tutor is not None
        return tutor

    async def stop(self) -> None:
        """Stop polling/webhook, the app and the database, like run_polling does."""
        assert self.app.updater is not None
        await self.app.updater.stop()
        await self.app.stop()
        if self.app.post_shutdown:
            await self.app.post_shutdown(self.app)
        await self.app.shutdown()


async def start_bot(settings: Settings, mode: str = "polling", wait_for_tutor: bool = True) -> RunningBot:
    """Initialise, run post_init, and start receiving updates."""
    app = build_application(settings)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    if wait_for_tutor and app.bot_data.startup_task is not None:
        await app.bot_data.startup_task
    assert app.updater is not None
    if mode == "webhook":
        port = free_port()
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="telegram",
            webhook_url=f"http://127.0.0.1:{port}/telegram",
            secret_token=WEBHOOK_SECRET,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        await app.updater.start_polling(poll_interval=0.0, timeout=1, allowed_updates=Update.ALL_TYPES)
    await app.start()
    return RunningBot(app, mode)


def correct_button(bot: RunningBot, sent: SentMessage) -> tuple[str, str]:
    """(right, wrong) callback data of a quiz message, looked up in the bot's own database."""
    buttons = [data for _, data in sent.buttons() if data.startswith("a:")]
    session_id = int(buttons[0].split(":")[1])
    session = bot.tutor.store.session(session_id)
    assert session is not None
    item = bot.tutor.items[session["item_id"]]
    right = next(b for b in buttons if b.endswith(f":{item.answer}"))
    wrong = next(b for b in buttons if not b.endswith(f":{item.answer}"))
    return right, wrong


async def answer_a_quiz(
    bot: RunningBot, double: BotApiDouble, user: dict[str, Any], right: bool
) -> SentMessage:
    """The user asks /quiz privately and answers it (rightly or wrongly); returns the question message."""
    before = len(double.sent_to(user["id"]))
    await double.send(user, "/quiz")
    question = (await double.wait_sent(user["id"], before + 1))[-1]
    good, bad = correct_button(bot, question)
    await double.press(user, question, good if right else bad)
    await double.wait_for(lambda: question.edits == 1)
    return question
