"""Onboarding, stats, daily push settings and the learner's data (/mijndata, /vergeet_mij)."""

from __future__ import annotations

import asyncio
import io
import json

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.admin import require_admin
from bot.context import StudyContext
from bot.edits import edit_or_send
from bot.render import esc
from tutor.accounts import DEFAULT_PUSH
from tutor.errors import TutorError
from tutor.parsing import check_timezone, parse_time

HELP = (
    "Ik help je de stof van <b>{course}</b> te leren.\n\n"
    "💬 Stel gewoon een vraag, bijvoorbeeld: <i>wat is NPS?</i>\n"
    "/quiz [onderwerp] — oefenvraag (bijv. /quiz kraljic)\n"
    "/typ [onderwerp] — typ zelf het begrip bij een omschrijving (of andersom)\n"
    "/hoofdstukken — blader door de stof\n"
    "/vak — kies een vak; je eigen samenvatting (PDF, Word) stuur je gewoon als bestand\n"
    "/zwakkepunten — waar je nog op moet letten\n"
    "/stats — je voortgang in een grafiek\n"
    "/dagelijks [UU:MM] — elke dag een quiz (bijv. /dagelijks 19:30)\n"
    "/tijdzone [naam] — tijdzone voor de dagelijkse quiz\n"
    "/stop — geen dagelijkse quiz meer\n"
    "/mijndata — al je gegevens als bestand\n"
    "/vergeet_mij — wis al je gegevens"
)

GROUP_HELP = (
    "In deze groep oefenen we samen met <b>{course}</b>.\n\n"
    "💬 Noem mij om iets te vragen: <i>@{bot} wat is NPS?</i> (of /vraag wat is NPS?)\n"
    "/quiz [onderwerp] — een quizpoll voor iedereen; je eerste antwoord telt\n"
    "/scorebord — wie deze week het vaakst goed zat\n\n"
    "Voor beheerders:\n"
    "/dagelijks UU:MM — elke dag een quizpoll\n"
    "/quiztijd SECONDEN — hoe lang een quizpoll openstaat (0 = tot hij gesloten wordt)\n"
    "/vak — kies het vak van deze groep\n"
    "/stop — geen dagelijkse quizpoll meer\n\n"
    "Je eigen voortgang, zwakke punten en gegevens vind je in een privéchat met mij."
)

PRIVATE_COMMANDS = [
    ("start", "Kennismaken en uitleg"),
    ("help", "Wat kan ik allemaal?"),
    ("vraag", "Stel een vraag over de stof"),
    ("quiz", "Oefenvraag, eventueel over een onderwerp"),
    ("typ", "Typ zelf het begrip of de omschrijving"),
    ("hoofdstukken", "Blader door hoofdstukken en onderwerpen"),
    ("vak", "Kies een vak (of stuur je eigen samenvatting)"),
    ("zwakkepunten", "Je zwakste onderwerpen"),
    ("stats", "Je voortgang in een grafiek"),
    ("dagelijks", "Dagelijkse quiz instellen (UU:MM)"),
    ("tijdzone", "Tijdzone voor de dagelijkse quiz"),
    ("stop", "Stop de dagelijkse quiz"),
    ("mijndata", "Download al je gegevens"),
    ("vergeet_mij", "Wis al je gegevens"),
]
GROUP_COMMANDS = [
    ("quiz", "Quizpoll voor de hele groep"),
    ("vraag", "Stel een vraag over de stof"),
    ("scorebord", "Scorebord van deze groep"),
    ("help", "Wat kan ik in deze groep?"),
]
ADMIN_COMMANDS = [
    *GROUP_COMMANDS,
    ("dagelijks", "Dagelijkse quizpoll instellen (UU:MM)"),
    ("quiztijd", "Hoe lang een quizpoll openstaat"),
    ("vak", "Kies het vak van deze groep"),
    ("stop", "Stop de dagelijkse quizpoll"),
]


async def on_start(update: Update, ctx: StudyContext) -> None:
    """/start: short onboarding."""
    if update.effective_message is None:
        return
    name = esc(update.effective_user.first_name) if update.effective_user else ""
    text = (
        f"Hoi {name}! 👋 Ik ben je studiemaatje voor <b>{esc(ctx.tutor.course.title)}</b>.\n\n"
        "Vraag me alles over de stof — probeer maar: <i>wat is NPS?</i>\n"
        "Met /quiz oefen je, en ik onthoud welke onderwerpen nog lastig zijn.\n"
        "Typ /help voor alle mogelijkheden."
    )
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_help(update: Update, ctx: StudyContext) -> None:
    """/help: what the bot can do in this kind of chat."""
    chat, message = update.effective_chat, update.effective_message
    if message is None:
        return
    course = esc(ctx.tutor.course.title)
    if chat is not None and chat.type != "private":
        text = GROUP_HELP.format(course=course, bot=esc(ctx.bot.username))
    else:
        text = HELP.format(course=course)
    await message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_unknown_command(update: Update, ctx: StudyContext) -> None:
    """Commands we do not have."""
    if update.effective_message:
        await update.effective_message.reply_text("Dat commando ken ik niet. Typ /help voor wat ik kan.")


async def on_non_text(update: Update, ctx: StudyContext) -> None:
    """Stickers, photos, voice, files in a private chat."""
    message = update.effective_message
    if message is None:
        return
    await message.reply_text(
        "Ik kan alleen tekst lezen 🙂 Stel je vraag in woorden, bijvoorbeeld: wat is NPS?"
    )


async def on_stats(update: Update, ctx: StudyContext) -> None:
    """/stats: the chart, with its summary in words as the caption."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    stats, png = await asyncio.to_thread(ctx.tutor.stats_chart, user.id)
    await message.reply_photo(photo=png, caption=stats.summary())


async def on_dagelijks(update: Update, ctx: StudyContext) -> None:
    """/dagelijks [UU:MM]: a daily quiz push at the learner's time (private chats)."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    try:
        hhmm = parse_time(ctx.args[0]) if ctx.args else DEFAULT_PUSH
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    plan = await asyncio.to_thread(ctx.tutor.accounts.subscribe, chat.id, user.id, hhmm)
    await message.reply_text(
        f"⏰ Afgesproken: elke dag om {hhmm} ({plan.timezone}) krijg je een quiz met je herhaalvragen.\n"
        "Andere tijd? /dagelijks UU:MM. Stoppen? /stop."
    )


async def on_tijdzone(update: Update, ctx: StudyContext) -> None:
    """/tijdzone <naam>: the learner's timezone for pushes."""
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    if user is None or chat is None or message is None:
        return
    if not ctx.args:
        tz = await asyncio.to_thread(ctx.tutor.user_timezone, user.id)
        await message.reply_text(f"Je tijdzone is {tz}. Wijzigen: /tijdzone Europe/Brussels")
        return
    try:
        tz = check_timezone(ctx.args[0])
    except TutorError as exc:
        await message.reply_text(str(exc))
        return
    await asyncio.to_thread(ctx.tutor.accounts.set_timezone, user.id, chat.id, tz)
    await message.reply_text(f"Tijdzone ingesteld op {tz}.")


async def on_stop(update: Update, ctx: StudyContext) -> None:
    """/stop: end daily pushes only (progress is kept)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    if chat.type != "private" and not await require_admin(update, ctx):
        return
    if not await asyncio.to_thread(ctx.tutor.accounts.stop_push, chat.id):
        await message.reply_text("Er stond geen dagelijkse quiz aan.")
        return
    await message.reply_text(
        "De dagelijkse quiz is gestopt. Je voortgang blijft bewaard. Weer aanzetten: /dagelijks"
    )


async def on_mijndata(update: Update, ctx: StudyContext) -> None:
    """/mijndata: everything stored about the learner, as a JSON document."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    data = await asyncio.to_thread(ctx.campus.export, user.id)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    await message.reply_document(
        document=io.BytesIO(payload),
        filename="mijn-studybot-gegevens.json",
        caption=f"Al je gegevens: {len(data['answers'])} antwoorden, {len(data['cards'])} kaarten.",
    )


async def on_vergeet_mij(update: Update, ctx: StudyContext) -> None:
    """/vergeet_mij: ask for confirmation before deleting everything."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    nonce = await asyncio.to_thread(ctx.tutor.accounts.ask_forget, user.id)
    markup = InlineKeyboardMarkup([[
        InlineKeyboardButton("Ja, wis alles", callback_data=f"f:{nonce}"),
        InlineKeyboardButton("Nee", callback_data="f:no"),
    ]])  # fmt: skip
    await message.reply_text(
        "Weet je het zeker? Al je antwoorden, je voortgang, je dagelijkse quiz en je plek op scoreborden "
        "worden gewist. Dit kan niet ongedaan worden.",
        reply_markup=markup,
    )


async def on_forget_button(update: Update, ctx: StudyContext, args: tuple[str, ...]) -> None:
    """The confirmation of /vergeet_mij (only with the nonce we just handed out)."""
    query = update.callback_query
    if query is None:
        return
    accounts = ctx.tutor.accounts
    if args[0] == "no":
        await asyncio.to_thread(accounts.cancel_forget, query.from_user.id)
        await query.answer()
        await edit_or_send(query, "Oké, er is niets gewist.")
        return
    await asyncio.to_thread(accounts.check_forget, query.from_user.id, args[0])
    await asyncio.to_thread(ctx.campus.forget, query.from_user.id)
    await query.answer("Gewist")
    await edit_or_send(query, "🗑️ Al je gegevens zijn gewist. Tot ziens — met /start begin je opnieuw.")
