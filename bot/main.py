"""Entry point of the Telegram bot: wires handlers, jobs and the error handler; no logic."""

from __future__ import annotations

import logging
from typing import Any

from telegram import (
    Update,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    PollHandler,
    TypeHandler,
    filters,
)

from bot import account, browse, chats, courses, groups, lifecycle, study
from bot.buttons import ButtonHandler, button, on_unknown_button
from bot.context import BotData, StudyContext
from bot.errors import on_error
from bot.request import OVERALL_RATE, RetryingRateLimiter
from bot.updates import ChatOrderedUpdateProcessor
from runtime.settings import Settings

logger = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


SEND_READ_TIMEOUT = 20.0


def build_application(settings: Settings) -> Application[Any, Any, Any, Any, Any, Any]:
    """The configured PTB Application (handlers, jobs, error handler)."""
    builder = (
        Application.builder()
        .token(settings.token.get_secret_value())
        .context_types(ContextTypes(context=StudyContext, bot_data=BotData))
        .rate_limiter(
            # overall pace, per-chat windows and retries: bot/request.py
            RetryingRateLimiter(
                # Telegram's ~30/s is per bot: N replicas on one token each take 1/N of it.
                overall_rate=OVERALL_RATE / settings.replicas,
                group_max_rate=settings.group_rate[0],
                group_time_period=settings.group_rate[1],
                max_retries=3,
            )
        )
        .concurrent_updates(ChatOrderedUpdateProcessor())
        .connection_pool_size(64)
        # Wait long for an answer: a slow answer is still an answer (a 5xx is retried, a message is
        # not sent twice); only a call that times out leaves it unknown whether it arrived.
        .read_timeout(SEND_READ_TIMEOUT)
        .post_init(lifecycle.post_init)
        .post_shutdown(lifecycle.post_shutdown)
    )
    if settings.api_url:
        builder = builder.base_url(f"{settings.api_url}/bot").base_file_url(f"{settings.api_url}/file/bot")
    app = builder.build()
    app.bot_data.settings = settings

    app.add_handler(TypeHandler(Update, lifecycle.startup_gate), group=-2)
    app.add_handler(TypeHandler(Update, chats.track_chat), group=-1)
    app.add_handler(CommandHandler("start", account.on_start))
    app.add_handler(CommandHandler("help", account.on_help))
    app.add_handler(CommandHandler("vraag", study.on_vraag))
    app.add_handler(CommandHandler("quiz", study.on_quiz_private, PRIVATE))
    app.add_handler(CommandHandler("quiz", groups.on_quiz_group, GROUPS))
    app.add_handler(CommandHandler("typ", study.on_typ, PRIVATE))
    app.add_handler(CommandHandler("typ", chats.private_only, GROUPS))
    for name, handler in (
        ("hoofdstukken", browse.on_hoofdstukken),
        ("zwakkepunten", browse.on_zwakkepunten),
        ("stats", account.on_stats),
        ("tijdzone", account.on_tijdzone),
        ("mijndata", account.on_mijndata),
        ("vergeet_mij", account.on_vergeet_mij),
    ):
        app.add_handler(CommandHandler(name, handler, PRIVATE))
        app.add_handler(CommandHandler(name, chats.private_only, GROUPS))
    app.add_handler(CommandHandler("dagelijks", account.on_dagelijks, PRIVATE))
    app.add_handler(CommandHandler("dagelijks", groups.on_group_dagelijks, GROUPS))
    app.add_handler(CommandHandler("stop", account.on_stop))
    app.add_handler(CommandHandler("scorebord", groups.on_scorebord))
    app.add_handler(CommandHandler("vak", courses.on_vak))
    app.add_handler(CommandHandler("vaknaam", courses.on_vaknaam, PRIVATE))
    app.add_handler(CommandHandler("quiztijd", groups.on_quiztijd))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.on_migrate))
    app.add_handler(ChatMemberHandler(groups.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(PollAnswerHandler(groups.on_poll_answer))
    app.add_handler(PollHandler(groups.on_poll_update))
    buttons: tuple[tuple[str, ButtonHandler], ...] = (
        ("a", study.on_answer_button),
        ("np", study.on_next_button),
        ("c", browse.on_chapter_button),
        ("s", browse.on_section_button),
        ("h", browse.on_home_button),
        ("x", browse.on_full_section_button),
        ("f", account.on_forget_button),
        ("u", courses.on_upload_button),
        ("v", courses.on_course_button),
    )
    for kinds, pressed in buttons:
        app.add_handler(button(kinds, pressed))
    app.add_handler(CallbackQueryHandler(on_unknown_button))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, study.on_private_text))
    app.add_handler(MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND, chats.on_group_text))
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, account.on_unknown_command))
    app.add_handler(MessageHandler(GROUPS & filters.COMMAND, chats.group_unknown))
    app.add_handler(MessageHandler(PRIVATE & filters.Document.ALL, courses.on_document))
    app.add_handler(MessageHandler(PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, account.on_non_text))
    app.add_error_handler(on_error)
    return app


def run_bot(
    settings: Settings,
    webhook: bool = False,
    listen: str = "127.0.0.1",
    port: int = 8443,
    public_url: str = "",
    secret_token: str = "",
) -> int:
    """Run until interrupted: long polling, or a webhook server."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines contain the token in URLs
    logging.getLogger().setLevel(logging.INFO)
    app = build_application(settings)
    if webhook:
        if not public_url:
            raise SystemExit("--webhook needs --public-url")
        app.run_webhook(
            listen=listen,
            port=port,
            url_path="telegram",
            webhook_url=f"{public_url.rstrip('/')}/telegram",
            secret_token=secret_token or None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
