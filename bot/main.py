"""Entry point of the Telegram bot: wires handlers, jobs and the error handler; no logic."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
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

from bot import account, browse, groups, study
from bot.context import BotData, StudyContext
from bot.errors import on_error
from bot.jobs import start_push_checks
from bot.request import RetryingRateLimiter
from bot.updates import ChatOrderedUpdateProcessor
from studybot.app import build_tutor
from studybot.settings import Settings

logger = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


async def track_chat(update: Update, ctx: StudyContext) -> None:
    """Keep users and chats current (names for scoreboards, private chats for pushes)."""
    user, chat = update.effective_user, update.effective_chat
    if update.poll_answer is not None or user is None or user.is_bot:
        return
    private = chat is not None and chat.type == "private"
    await asyncio.to_thread(ctx.tutor.accounts.seen, user.id, user.first_name, user.username or "", private)


async def private_only(update: Update, ctx: StudyContext) -> None:
    """Personal commands in a group: point to the private chat, show nothing personal here."""
    if update.effective_message:
        await update.effective_message.reply_text(
            f"Dit werkt in een privéchat met mij: @{ctx.bot.username}. Zo blijven jouw gegevens van jou."
        )


async def group_unknown(update: Update, ctx: StudyContext) -> None:
    """Unknown commands in a group: only answered when addressed to us explicitly."""
    message = update.effective_message
    if message and message.text and f"@{ctx.bot.username}".lower() in message.text.split()[0].lower():
        await account.on_unknown_command(update, ctx)


async def on_group_text(update: Update, ctx: StudyContext) -> None:
    """Mentions of the bot and replies to its messages are questions."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    replied = message.reply_to_message
    mentioned = f"@{ctx.bot.username}".lower() in message.text.lower()
    if mentioned or (
        replied is not None and replied.from_user is not None and replied.from_user.id == ctx.bot.id
    ):
        await groups.on_group_mention(update, ctx)


async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Register the command menus and start building the heavy objects in the background, so
    learners get a progress message instead of silence while the index is built."""
    for scope, commands in (
        (BotCommandScopeAllPrivateChats(), account.PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), account.GROUP_COMMANDS),
        (BotCommandScopeAllChatAdministrators(), account.ADMIN_COMMANDS),
    ):
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope)
    app.bot_data.startup_task = asyncio.create_task(start_tutor(app))


async def start_tutor(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Open (or build) the index and the learner database, then re-create the push jobs."""

    def progress(done: int, total: int) -> None:
        app.bot_data.startup = done / total if total else 1.0

    try:
        app.bot_data.tutor = await asyncio.to_thread(build_tutor, app.bot_data.settings, None, progress)
    except Exception:
        logger.critical("the tutor could not be started", exc_info=True)
        raise
    app.bot_data.startup = 1.0
    start_push_checks(app)


async def startup_gate(update: Update, ctx: StudyContext) -> None:
    """While the tutor is still starting, say so (with progress) instead of staying silent."""
    if ctx.bot_data.tutor is not None:
        return
    text = f"Ik ben nog aan het opstarten ({ctx.bot_data.startup:.0%}). Stel je vraag zo nog eens. ⏳"
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_message is not None and (update.effective_message.text or "").strip():
        await update.effective_message.reply_text(text)
    raise ApplicationHandlerStop


async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Close the learner database."""
    tutor = app.bot_data.tutor
    if tutor is not None:
        tutor.store.close()


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
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.api_url:
        builder = builder.base_url(f"{settings.api_url}/bot").base_file_url(f"{settings.api_url}/file/bot")
    app = builder.build()
    app.bot_data.settings = settings

    app.add_handler(TypeHandler(Update, startup_gate), group=-2)
    app.add_handler(TypeHandler(Update, track_chat), group=-1)
    app.add_handler(CommandHandler("start", account.on_start))
    app.add_handler(CommandHandler("help", account.on_help))
    app.add_handler(CommandHandler("vraag", study.on_vraag))
    app.add_handler(CommandHandler("quiz", study.on_quiz_private, PRIVATE))
    app.add_handler(CommandHandler("quiz", groups.on_quiz_group, GROUPS))
    app.add_handler(CommandHandler("typ", study.on_typ, PRIVATE))
    app.add_handler(CommandHandler("typ", private_only, GROUPS))
    for name, handler in (
        ("hoofdstukken", browse.on_hoofdstukken),
        ("zwakkepunten", browse.on_zwakkepunten),
        ("stats", account.on_stats),
        ("tijdzone", account.on_tijdzone),
        ("mijndata", account.on_mijndata),
        ("vergeet_mij", account.on_vergeet_mij),
    ):
        app.add_handler(CommandHandler(name, handler, PRIVATE))
        app.add_handler(CommandHandler(name, private_only, GROUPS))
    app.add_handler(CommandHandler("dagelijks", account.on_dagelijks, PRIVATE))
    app.add_handler(CommandHandler("dagelijks", groups.on_group_dagelijks, GROUPS))
    app.add_handler(CommandHandler("stop", account.on_stop))
    app.add_handler(CommandHandler("scorebord", groups.on_scorebord))
    app.add_handler(CommandHandler("quiztijd", groups.on_quiztijd))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.on_migrate))
    app.add_handler(ChatMemberHandler(groups.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(PollAnswerHandler(groups.on_poll_answer))
    app.add_handler(PollHandler(groups.on_poll_update))
    app.add_handler(CallbackQueryHandler(study.on_callback))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, study.on_private_text))
    app.add_handler(MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND, on_group_text))
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, account.on_unknown_command))
    app.add_handler(MessageHandler(GROUPS & filters.COMMAND, group_unknown))
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
