"""The terminal chat: answering a running quiz, leaving it, commands it mentions."""

from __future__ import annotations

import io

from studybot.terminal import TerminalChat, parse_choice
from tutor.service import Tutor


def test_parse_choice() -> None:
    assert parse_choice("b", 4) == 1 and parse_choice("B", 4) == 1 and parse_choice("2", 4) == 1
    assert parse_choice(" d. ", 4) == 3 and parse_choice("4)", 4) == 3
    for bad in ("AB", "e", "5", "0", "", "ab", "²", "１"):
        assert parse_choice(bad, 4) is None, bad
    assert parse_choice("C", 3) == 2 and parse_choice("D", 3) is None


def _chat(tutor: Tutor) -> tuple[TerminalChat, io.StringIO]:
    out = io.StringIO()
    return TerminalChat(tutor, out), out


def _last(out: io.StringIO) -> str:
    return out.getvalue().strip().split("\n\n")[-1]


def test_quiz_runs_until_stop(tutor: Tutor) -> None:
    chat, out = _chat(tutor)
    chat.handle("/quiz")
    assert chat.pending is not None
    first = chat.pending[0]
    chat.handle("AB")
    assert "Kies één antwoord" in _last(out) and chat.pending[0] == first  # nothing answered
    chat.handle("2")
    text = out.getvalue()
    assert "Goed!" in text or "Helaas" in text
    assert chat.pending is not None  # the next question followed by itself
    assert len(tutor.store.answers(0)) == 1
    assert chat.handle("/stop") is True  # stops the quiz, not the session
    assert chat.pending is None and "Quiz gestopt" in _last(out)
    assert chat.handle("/stop") is False  # outside a quiz: ends the session


def test_a_question_during_the_quiz_asks_first(tutor: Tutor) -> None:
    chat, out = _chat(tutor)
    chat.handle("/quiz")
    chat.handle("wat is een lead precies?")
    assert "quiz verlaten" in _last(out) and chat.pending is not None
    chat.handle("nee")
    assert chat.pending is not None and "we gaan verder" in out.getvalue()
    chat.handle("wat is een lead precies?")
    chat.handle("ja")
    assert chat.pending is None and chat.quiz_topic is None
    assert "Bron:" in out.getvalue() or "samenvatting" in out.getvalue()  # the question was answered
    assert tutor.store.answers(0) == []


def test_commands_it_mentions_exist(tutor: Tutor) -> None:
    chat, out = _chat(tutor)
    chat.handle("/help")
    mentioned = {w.strip(".,()") for w in out.getvalue().split() if w.startswith("/")}
    for command in mentioned:
        chat.handle(command if command != "/stop" else "/help")
        assert "ken ik niet" not in _last(out), command
    chat.handle("/hoofdstukken")
    assert "Inkoopportfoliomatrix (Kraljic)" in out.getvalue()
    chat.handle("/stats")
    assert "Nog niets geoefend" in out.getvalue()


def test_typed_recall_in_the_terminal(tutor: Tutor) -> None:
    chat, out = _chat(tutor)
    chat.handle("/typ")
    # Either way round: the term for a definition, or (short definitions) the definition for a term.
    assert chat.pending is not None and _last(out).startswith(("Typ het begrip", "Typ in je eigen woorden"))
    item = chat.pending[0]
    chat.handle(f"de {item.correct_option.upper()}")  # article and case do not matter
    assert "✅ Goed" in out.getvalue()
    assert chat.pending is not None and _last(out).startswith(("Typ het begrip", "Typ in je eigen woorden"))
    chat.handle("iets heel anders")
    assert "❌ Helaas. Het juiste" in out.getvalue() or "❌ Helaas. De omschrijving is" in out.getvalue()
    answers = tutor.store.answers(0)
    assert [a["correct"] for a in answers] == [1, 0]
    assert chat.handle("/stop") and chat.pending is None
