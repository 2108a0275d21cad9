"""End to end: the real Application talks HTTP to the Bot API double, as one learner would use it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.double import BotApiDouble
from tests.harness import WEBHOOK_SECRET, RunningBot, answer_a_quiz, correct_button, make_settings, start_bot

pytestmark = pytest.mark.slow
ANNA = 111


@pytest.fixture(params=["polling", "webhook"])
async def bot(request: pytest.FixtureRequest, double: BotApiDouble, tmp_path: Path, index_template: Path):  # type: ignore[no-untyped-def]
    running = await start_bot(make_settings(double, tmp_path, index_template), request.param)
    yield running
    await running.stop()


async def test_onboarding_and_commands(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    menus = {json.loads(scope)["type"]: {c["command"]: c["description"] for c in cmds}
             for scope, cmds in double.commands.items()}  # fmt: skip
    private, group = menus["all_private_chats"], menus["all_group_chats"]
    admins = menus["all_chat_administrators"]
    assert {"quiz", "vraag", "dagelijks", "vergeet_mij", "mijndata", "zwakkepunten"} <= set(private)
    assert private["stop"] == "Stop de dagelijkse quiz" and "scorebord" not in private
    assert set(group) == {"quiz", "vraag", "scorebord", "help"}  # no private-only commands in a group
    assert set(group) < set(admins) and {"dagelijks", "quiztijd"} <= set(admins)
    await double.send(anna, "/start")
    (msg,) = await double.wait_sent(ANNA, 1)
    assert "Hoi Anna" in msg.text and "wat is NPS?" in msg.text
    await double.send(anna, "/help")
    await double.wait_sent(ANNA, 2)
    assert "/dagelijks" in double.sent_to(ANNA)[1].text
    if bot.mode == "webhook":
        assert double.webhook["secret"] == WEBHOOK_SECRET


async def test_question_gets_answer_with_source(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "wat is nps?")
    (msg,) = await double.wait_sent(ANNA, 1)
    assert msg.text.startswith("Net Promoter Score")
    assert "College 1 — De klant centraal › Net Promoter Score (NPS)" in msg.text
    assert (ANNA, "typing") not in double.chat_actions  # a fast answer needs no "typing…"
    await double.send(anna, "wat is de hoofdstad van peru?")
    await double.wait_sent(ANNA, 2)
    # The unknown term is named: "Hoofdstad van peru staat niet in de samenvatting."
    assert "staat niet in de samenvatting" in double.sent_to(ANNA)[1].text.split("\n")[0]


async def test_full_quiz_round(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "/quiz")
    (question,) = await double.wait_sent(ANNA, 1)
    assert [t for t, _ in question.buttons()] == ["A", "B", "C", "D"]
    assert all(len(d.encode()) <= 64 for _, d in question.buttons())
    right, _ = correct_button(bot, question)
    qid = await double.press(anna, question, right)
    await double.wait_for(lambda: question.edits == 1)
    assert "✅ Goed!" in question.text and "💡" in question.text and "📖" in question.text
    assert double.callback_answers[qid] is not None
    assert [t for t, _ in question.buttons()] == ["Volgende vraag ➡️"]
    await double.press(anna, question, question.buttons()[0][1])
    (_, second) = await double.wait_sent(ANNA, 2)
    assert len(second.buttons()) >= 2 and second.message_id != question.message_id
    assert question.buttons() == []  # the used 'next' button is gone
    # Pressing an answer twice does not record twice.
    right2, _ = correct_button(bot, second)
    await double.press(anna, second, right2)
    await double.wait_for(lambda: second.edits == 1)
    qid = await double.press(anna, second, right2)
    await double.wait_for(lambda: double.callback_answers[qid] is not None)
    assert "al beantwoord" in double.callback_answers[qid]["text"]
    assert len(bot.tutor.store.answers(ANNA)) == 2


async def test_weak_topics_follow_wrong_answers(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "/zwakkepunten")
    await double.wait_sent(ANNA, 1)
    assert "Nog geen zwakke punten" in double.sent_to(ANNA)[0].text
    for n in range(3):
        await double.send(anna, "/quiz kraljic")
        sent = await double.wait_sent(ANNA, n + 2)
        question = sent[-1]
        _, wrong = correct_button(bot, question)
        await double.press(anna, question, wrong)
        await double.wait_for(lambda q=question: q.edits == 1)
        assert "❌" in question.text and "juiste antwoord" in question.text
    await double.send(anna, "/zwakkepunten")
    report = (await double.wait_sent(ANNA, 5))[-1]
    assert "Inkoopportfoliomatrix (Kraljic)" in report.text
    assert any(d.startswith("p:h5-inkoopportfoliomatrix-kraljic") for _, d in report.buttons())
    await double.press(anna, report, "p:h5-inkoopportfoliomatrix-kraljic")
    practice = (await double.wait_sent(ANNA, 6))[-1]
    assert "Inkoopportfoliomatrix (Kraljic)" in practice.text


async def test_stats_sends_a_png(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await answer_a_quiz(bot, double, anna, right=True)
    await double.send(anna, "/stats")
    (photo,) = await double.wait_sent(ANNA, 1, kind="photo")
    assert photo.data.startswith(b"\x89PNG") and len(photo.data) > 5000
    assert photo.text == "1 van 32 onderwerpen geoefend, vandaag 1 antwoord, reeks 1 dag."


async def test_mijndata_and_vergeet_mij(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await answer_a_quiz(bot, double, anna, right=False)
    await double.send(anna, "/dagelijks 08:15")
    await double.wait_sent(ANNA, 2)
    await double.send(anna, "/mijndata")
    (doc,) = await double.wait_sent(ANNA, 1, kind="document")
    data = json.loads(doc.data)
    assert data["user"]["first_name"] == "Anna" and len(data["answers"]) == 1
    assert data["answers"][0]["question"] and data["subscriptions"][0]["time"] == "08:15"
    await double.send(anna, "/vergeet_mij")
    confirm = (await double.wait_sent(ANNA, 4))[-1]
    yes = next(d for t, d in confirm.buttons() if t.startswith("Ja"))
    await double.press(anna, confirm, yes)
    await double.wait_for(lambda: "Al je gegevens zijn gewist" in confirm.text)
    assert bot.tutor.store.count_rows(ANNA) == 0
    assert not bot.app.job_queue.get_jobs_by_name(f"daily:{ANNA}")
    # The old confirmation cannot be replayed.
    qid = await double.press(anna, confirm, yes)
    await double.wait_for(lambda: double.callback_answers[qid] is not None)
    assert "verlopen" in double.callback_answers[qid]["text"]


async def test_forged_and_foreign_callbacks_are_refused(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    mallory = double.user(222, "Mallory")
    await double.send(anna, "/quiz")
    question = (await double.wait_sent(ANNA, 1))[0]
    right, _ = correct_button(bot, question)
    session_id, nonce = right.split(":")[1:3]
    for data in (
        "zzz",
        "a:1:2",
        f"a:{session_id}:ffffff:0",
        "a:99999:abcdef:0",
        "s:9.9",
        "c:42",
        "p:../x",
        "f:deadbeef",
    ):
        qid = await double.press(anna, question, data)
        await double.wait_for(lambda q=qid: double.callback_answers[q] is not None)
        assert double.callback_answers[qid]["text"], data
    # Another user pressing Anna's button (e.g. a forwarded message) changes nothing.
    qid = await double.press(mallory, question, right)
    await double.wait_for(lambda: double.callback_answers[qid] is not None)
    assert "niet van jou" in double.callback_answers[qid]["text"]
    assert bot.tutor.store.answers(ANNA) == [] and bot.tutor.store.answers(222) == []
    assert question.edits == 0
    # Anna's own press still works afterwards.
    await double.press(anna, question, right)
    await double.wait_for(lambda: question.edits == 1)
    assert session_id and nonce


async def test_bad_input_gets_dutch_messages(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "🙂🎉")
    await double.send(anna, "/bestaatniet")
    await double.send(
        anna,
        None,
        sticker={
            "file_id": "s1",
            "file_unique_id": "u1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        },
    )
    await double.send(anna, "wat is clv " + "heel lang verhaal " * 300)
    await double.send(anna, "/vraag")
    sent = await double.wait_sent(ANNA, 5)
    texts = sorted(s.text for s in sent)
    assert any("in woorden" in t for t in texts)
    assert any("ken ik niet" in t for t in texts)
    assert any("alleen tekst" in t for t in texts)
    assert any("erg lang" in t and "Customer Lifetime Value" in t for t in texts)
    assert any("Zet je vraag achter /vraag" in t for t in texts)


async def test_rate_limited_send_is_retried(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    double.failures["sendMessage"].append((429, "Too Many Requests: retry after 1", 1))
    await double.send(anna, "/start")
    (msg,) = await double.wait_sent(ANNA, 1, timeout=10)
    assert "Hoi Anna" in msg.text
    assert [m for m, _, _ in double.requests].count("sendMessage") == 2


async def test_browse_chapters_and_sections(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "/hoofdstukken")
    (menu,) = await double.wait_sent(ANNA, 1)
    assert len(menu.buttons()) == 7
    await double.press(anna, menu, "c:5")
    await double.wait_for(lambda: menu.edits == 1)
    assert "Inkoopportfoliomatrix (Kraljic)" in [t for t, _ in menu.buttons()]
    await double.press(anna, menu, "s:h5-inkoopportfoliomatrix-kraljic")
    await double.wait_for(lambda: menu.edits == 2)
    assert "Kraljic" in menu.text and "Begrippen:" in menu.text
    assert ("🎯 Oefen dit onderwerp", "p:h5-inkoopportfoliomatrix-kraljic") in menu.buttons()
    await double.press(anna, menu, "h")
    await double.wait_for(lambda: menu.edits == 3)
    assert len(menu.buttons()) == 7


async def test_answer_longer_than_a_message_is_split(bot: RunningBot, double: BotApiDouble) -> None:
    from bot.render import split_message

    text = "\n\n".join(f"<b>Deel {i}</b> " + "woord " * 150 for i in range(12))
    parts = split_message(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert split_message("x" * 9000) == ["x" * 4096, "x" * 4096, "x" * 808]
    await asyncio.sleep(0)


async def test_follow_up_and_full_section_button(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "wat zijn de vier kwadranten van kraljic?")
    (first,) = await double.wait_sent(ANNA, 1)
    assert all(w in first.text for w in ("Routineproducten", "Hefboomproducten", "Knelpuntproducten"))
    assert ("📖 Hele paragraaf", "x:h5-inkoopportfoliomatrix-kraljic") in first.buttons()
    await double.send(anna, "geef een voorbeeld")
    await double.wait_sent(ANNA, 2)
    assert "autofabrikant" in double.sent_to(ANNA)[1].text
    # The button delivers the complete section, however many messages that takes.
    await double.press(anna, first, "x:h5-inkoopportfoliomatrix-kraljic")
    await double.wait_for(
        lambda: len(double.sent_to(ANNA)) >= 3 and "🎯" in str(double.sent_to(ANNA)[-1].buttons())
    )
    full = "\n".join(m.text for m in double.sent_to(ANNA)[2:])
    section = bot.tutor.course.section("h5-inkoopportfoliomatrix-kraljic")
    for para in section.body.split("\n\n"):
        assert para.strip() in full
    assert section.example in full


async def test_browse_preview_never_cuts_a_paragraph(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "/hoofdstukken")
    (menu,) = await double.wait_sent(ANNA, 1)
    await double.press(anna, menu, "s:h5-inkoopportfoliomatrix-kraljic")
    await double.wait_for(lambda: menu.edits == 1)
    section = bot.tutor.course.section("h5-inkoopportfoliomatrix-kraljic")
    shown = [p for p in section.body.split("\n\n") if p.strip() in menu.text]
    assert shown and "…" not in menu.text.split("Hele paragraaf")[0].replace("… lees verder", "")
    assert ("📖 Hele paragraaf", "x:h5-inkoopportfoliomatrix-kraljic") in menu.buttons()


async def test_typing_is_a_courtesy_that_never_costs_the_answer(
    bot: RunningBot, double: BotApiDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.study

    monkeypatch.setattr(bot.study, "TYPING_AFTER", 0.0)  # every answer is "slow" now
    double.failures["sendChatAction"] = [(500, "Internal Server Error", None)] * 3
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "wat is clv?")
    (msg,) = await double.wait_sent(ANNA, 1)
    assert msg.text.startswith("Customer Lifetime Value")
    await double.send(anna, "wat is nps?")
    await double.wait_sent(ANNA, 2)
    assert double.sent_to(ANNA)[1].text.startswith("Net Promoter Score")


async def test_buttons_survive_double_taps_deleted_messages_and_stale_topics(
    bot: RunningBot, double: BotApiDouble
) -> None:
    anna = double.user(ANNA, "Anna")
    # A double tap on a chapter button: the second edit is "not modified", and that is fine.
    await double.send(anna, "/hoofdstukken")
    (menu,) = await double.wait_sent(ANNA, 1)
    first = await double.press(anna, menu, "c:5")
    second = await double.press(anna, menu, "c:5")
    await double.wait_for(
        lambda: double.callback_answers[first] and double.callback_answers[second] is not None
    )
    assert "ging iets mis" not in str(double.callback_answers[second])
    # The question's message is gone when the answer comes in: the feedback arrives as a new message.
    await double.send(anna, "/quiz")
    question = (await double.wait_sent(ANNA, 2))[-1]
    right, _ = correct_button(bot, question)
    double.failures["editMessageText"] = [(400, "Bad Request: message to edit not found", None)]
    await double.press(anna, question, right)
    feedback = (await double.wait_sent(ANNA, 3))[-1]
    assert "✅ Goed!" in feedback.text and len(bot.tutor.store.answers(ANNA)) == 1
    # Pressing again shows that feedback again and records nothing new.
    qid = await double.press(anna, question, right)
    await double.wait_for(lambda: double.callback_answers[qid] is not None)
    assert "al beantwoord" in double.callback_answers[qid]["text"]
    await double.wait_for(lambda: question.edits == 1 and "✅ Goed!" in question.text)
    assert len(bot.tutor.store.answers(ANNA)) == 1
    # A "Volgende vraag" for a topic that no longer exists is answered once, with a clear message.
    qid = await double.press(anna, question, "n:9.9")
    await double.wait_for(lambda: double.callback_answers[qid] is not None)
    assert "bestaat niet meer" in double.callback_answers[qid]["text"]


async def test_a_button_in_someone_elses_chat_never_posts_there(
    bot: RunningBot, double: BotApiDouble
) -> None:
    anna = double.user(ANNA, "Anna")
    mallory = double.user(222, "Mallory")
    await double.send(anna, "/quiz")
    (question,) = await double.wait_sent(ANNA, 1)
    kraljic = "h5-inkoopportfoliomatrix-kraljic"
    for data in ("n:-", f"p:{kraljic}", f"x:{kraljic}", "c:5", "f:1"):
        qid = await double.press(mallory, question, data)
        await double.wait_for(lambda q=qid: double.callback_answers[q] is not None)
        assert "niet van jou" in double.callback_answers[qid]["text"]
    await asyncio.sleep(0.3)
    assert len(double.sent_to(ANNA)) == 1 and double.sent_to(222) == []


async def test_transient_server_errors_are_retried_not_lost(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    double.failures["sendMessage"] = [(500, "Internal Server Error", None), (502, "Bad Gateway", None)]
    await double.send(anna, "wat is clv?")
    (msg,) = await double.wait_sent(ANNA, 1, timeout=10)
    assert msg.text.startswith("Customer Lifetime Value")
    # The quiz feedback edit and the callback answer fail once each and still arrive.
    await double.send(anna, "/quiz")
    question = (await double.wait_sent(ANNA, 2))[-1]
    right, _ = correct_button(bot, question)
    double.failures["editMessageText"] = [(500, "Internal Server Error", None)]
    double.failures["answerCallbackQuery"] = [(503, "Service Unavailable", None)]
    qid = await double.press(anna, question, right)
    await double.wait_for(
        lambda: question.edits == 1 and double.callback_answers[qid] is not None, timeout=10
    )
    assert "✅ Goed!" in question.text and len(bot.tutor.store.answers(ANNA)) == 1


async def test_starting_up_says_so_instead_of_staying_silent(
    double: BotApiDouble, tmp_path: Path, index_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import bot.lifecycle

    release = threading.Event()
    real_build = bot.lifecycle.build_campus

    def slow_build(settings, course, progress):  # type: ignore[no-untyped-def]
        progress(1, 4)  # a quarter of the index built
        release.wait(30)
        return real_build(settings, course, progress)

    monkeypatch.setattr(bot.lifecycle, "build_campus", slow_build)
    running = await start_bot(make_settings(double, tmp_path, index_template), wait_for_tutor=False)
    try:
        anna = double.user(ANNA, "Anna")
        await double.send(anna, "wat is nps?")
        (msg,) = await double.wait_sent(ANNA, 1)
        assert "nog aan het opstarten (25%)" in msg.text
        release.set()
        await running.app.bot_data.startup_task
        await double.send(anna, "wat is nps?")
        answer = (await double.wait_sent(ANNA, 2))[-1]
        assert "Net Promoter Score" in answer.text
    finally:
        release.set()
        await running.stop()


async def test_typed_recall_in_telegram(bot: RunningBot, double: BotApiDouble) -> None:
    anna = double.user(ANNA, "Anna")
    await double.send(anna, "/typ kraljic")
    (prompt,) = await double.wait_sent(ANNA, 1)
    assert prompt.text.startswith(("Typ het begrip", "Typ in je eigen woorden"))
    assert "Typ dan ?" in prompt.text
    item, _, _ = bot.tutor.open_recall(ANNA)
    await double.send(anna, "wat is een hefboomproduct eigenlijk?")  # a question is still a question
    answer = (await double.wait_sent(ANNA, 2))[-1]
    assert "Hefboomproducten" in answer.text and bot.tutor.open_recall(ANNA) is not None
    await double.send(anna, item.correct_option.lower())
    feedback = (await double.wait_sent(ANNA, 3))[-1]
    assert feedback.text.startswith("✅ Goed") and "/typ" in feedback.text
    assert bot.tutor.open_recall(ANNA) is None and len(bot.tutor.store.answers(ANNA)) == 1
