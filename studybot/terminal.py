"""`studybot chat`: the tutor in a terminal (questions, a running quiz, weak points, progress)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from runtime.app import build_tutor
from runtime.settings import Settings
from tutor.errors import TutorError
from tutor.feedback import LETTERS, question_text, recall_text
from tutor.items import QuizItem
from tutor.service import Tutor

TERMINAL_USER = 0
HELP = """Typ een vraag over de stof, bijvoorbeeld: wat is NPS?
Commando's:
  /quiz [onderwerp]  oefenen: vraag na vraag (antwoord met A–D of 1–4) tot je /stop typt
  /typ [onderwerp]   oefenen door het begrip (of de omschrijving) zelf te typen
  /hoofdstukken      alle hoofdstukken en onderwerpen
  /zwakkepunten      je zwakste onderwerpen
  /stats             je voortgang
  /help              deze uitleg
  /stop              de quiz stoppen, of (buiten een quiz) afsluiten"""
YES = frozenset({"ja", "j", "yes", "y", "jazeker", "ok", "oké"})
NO = frozenset({"nee", "n", "no", "neen"})


def parse_choice(text: str, options: int) -> int | None:
    """The option a learner typed: exactly one of A–D, a–d or 1–4 (within ``options``), else None."""
    t = text.strip().rstrip(".)").strip()
    if len(t) != 1:
        return None
    if t.upper() in LETTERS[:options]:
        return LETTERS.index(t.upper())
    if t in "123456789" and 1 <= int(t) <= options:
        return int(t) - 1
    return None


class TerminalChat:
    """A line-based study session; one learner."""

    def __init__(self, tutor: Tutor, out: TextIO) -> None:
        self.tutor = tutor
        self.out = out
        self.pending: tuple[QuizItem, int, str] | None = None  # the open question
        self.quiz_topic: str | None = None  # the running quiz's topic ("" = all topics)
        self.deferred: str | None = None  # a question typed during the quiz, waiting for "ja"
        self.typed = False  # the running quiz asks to type the term
        self.asked_at = 0.0

    def say(self, text: str) -> None:
        """Print a reply."""
        self.out.write(text.rstrip() + "\n\n")
        self.out.flush()

    def handle(self, line: str) -> bool:
        """Handle one input line; False when the session should end."""
        text = line.strip()
        if not text:
            return True
        try:
            if self.deferred is not None:
                return self._confirm_leave(text)
            if self.pending and not text.startswith("/"):
                return self._answer(text)
            return self._command_or_question(text)
        except TutorError as exc:
            self.say(str(exc))
        return True

    def _answer(self, text: str) -> bool:
        if self.pending is None:
            return True
        item, session_id, nonce = self.pending
        if self.typed:
            self.pending = None
            seconds = time.monotonic() - self.asked_at
            self.say(self.tutor.answer_recall(TERMINAL_USER, session_id, nonce, text, seconds).text())
            self._next_question()
            return True
        choice = parse_choice(text, len(item.options))
        if choice is None:  # (a typed-recall answer was handled above)
            if len(text) <= 3:
                letters = ", ".join(LETTERS[: len(item.options)])
                self.say(f"Kies één antwoord: {letters} (of 1–{len(item.options)}).")
            else:
                self.deferred = text
                self.say(
                    "Je zit midden in een quiz. Wil je de quiz verlaten om je vraag te stellen? (ja/nee)"
                )
            return True
        self.pending = None
        fb = self.tutor.answer_session(TERMINAL_USER, session_id, nonce, choice)
        self.say(fb.text())
        self._next_question()
        return True

    def _confirm_leave(self, text: str) -> bool:
        answer = text.lower().strip(" !.")
        if answer in YES:
            question, self.deferred = self.deferred or "", None
            self._stop_quiz(quiet=True)
            return self._command_or_question(question)
        if answer in NO:
            self.deferred = None
            if self.pending:
                self.say("Prima, we gaan verder:\n\n" + question_text(self.pending[0]))
            return True
        self.say("Typ ja om de quiz te verlaten, of nee om verder te gaan.")
        return True

    def _next_question(self) -> None:
        if self.quiz_topic is None:
            return
        topic = self.quiz_topic or None
        if self.typed:
            self.pending = self.tutor.start_recall(TERMINAL_USER, TERMINAL_USER, topic)
            self.say(recall_text(self.pending[0]))
        else:
            self.pending = self.tutor.start_question(TERMINAL_USER, TERMINAL_USER, topic, "terminal")
            self.say(question_text(self.pending[0]))
        self.asked_at = time.monotonic()

    def _stop_quiz(self, quiet: bool = False) -> None:
        self.pending, self.quiz_topic = None, None
        if not quiet:
            self.say("Quiz gestopt. Stel gerust een vraag, of typ /quiz om verder te oefenen.")

    def _command_or_question(self, text: str) -> bool:
        command, _, arg = text.partition(" ")
        command = command.lower()
        if command in ("/stop", "/exit", "/quit"):
            if self.quiz_topic is not None:
                self._stop_quiz()
                return True
            return False
        if command in ("/help", "/start"):
            self.say(HELP)
        elif command in ("/quiz", "/typ"):
            self.pending, self.quiz_topic, self.typed = None, arg.strip(), command == "/typ"
            self._next_question()
        elif command == "/hoofdstukken":
            self.say(self.chapters_text())
        elif command == "/zwakkepunten":
            self.say(self.weak_text())
        elif command == "/stats":
            self.say(self.stats_text())
        elif command.startswith("/"):
            self.say(f"Het commando {command} ken ik niet. Typ /help voor wat ik kan.")
        else:
            self.say(self.tutor.ask(text, TERMINAL_USER).answer)
        if self.pending and command not in ("/quiz", "/typ"):
            self.say("(Je quizvraag staat nog open: typ je antwoord, of /stop.)")
        return True

    def chapters_text(self) -> str:
        """Every chapter and its topics (what /quiz ONDERWERP accepts)."""
        lines = [f"{self.tutor.course.title}:"]
        for ch in self.tutor.course.chapters:
            lines.append(f"\n{ch.title}")
            lines += [f"  - {s.title}" for s in ch.sections]
        lines.append("\nOefen één onderwerp met bijvoorbeeld: /quiz kraljic")
        return "\n".join(lines)

    def stats_text(self) -> str:
        """Progress as text: answers, streak, mastery per chapter."""
        s = self.tutor.stats(TERMINAL_USER)
        lines = [s.summary(), ""]
        for c in s.chapters:
            done = (
                f"{c.mastery:.0%} beheerst, {c.practised}/{c.total} vragen geoefend"
                if c.practised
                else "nog niet geoefend"
            )
            lines.append(f"  {c.title}: {done}")
        return "\n".join(lines)

    def weak_text(self) -> str:
        """Weakest topics and leeches as text."""
        weak = self.tutor.weak_topics(TERMINAL_USER)
        if not weak:
            return "Nog geen zwakke punten gevonden. Oefen eerst wat met /quiz."
        lines = ["Je zwakste onderwerpen:"]
        lines += [f"  {t.title}: {t.accuracy:.0%} goed ({t.answered} antwoorden)" for t in weak]
        for item in self.tutor.leech_items(TERMINAL_USER):
            lines.append(f"  Lastige vraag: {item.question}\n    {item.explanation} (bron: {item.source})")
        return "\n".join(lines)


def run_chat(settings: Settings, course: str, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Run the terminal session until /stop or end of input."""
    stdout.write("Even laden...\n")
    stdout.flush()

    def progress(done: int, total: int) -> None:
        # Only a first start builds the index (about a minute); show how far it is.
        stdout.write(f"\rDe zoekindex wordt gebouwd (eenmalig): {done / total if total else 1:.0%}")
        if done >= total:
            stdout.write("\n")
        stdout.flush()

    tutor = build_tutor(settings, course, progress)
    chat = TerminalChat(tutor, stdout)
    chat.say(f"Welkom bij studybot — {tutor.course.title}.\n{HELP}")
    try:
        for line in stdin:
            if not chat.handle(line):
                break
    finally:
        tutor.store.close()
    chat.say("Tot de volgende keer!")
    return 0
