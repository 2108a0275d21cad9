"""`studybot chat`: the tutor in a terminal (questions, /quiz, /zwakkepunten, /stats)."""

from __future__ import annotations

import sys
from typing import TextIO

from studybot.app import build_tutor
from studybot.settings import Settings
from tutor.errors import TutorError
from tutor.items import QuizItem
from tutor.service import LETTERS, Tutor, question_text

TERMINAL_USER = 0
HELP = """Typ een vraag over de stof, bijvoorbeeld: wat is NPS?
Commando's:
  /quiz [onderwerp]  oefenvraag (antwoord met A, B, C of D)
  /zwakkepunten      je zwakste onderwerpen
  /stats             je voortgang
  /help              deze uitleg
  /stop              afsluiten"""


class TerminalChat:
    """A line-based study session; one learner."""

    def __init__(self, tutor: Tutor, out: TextIO) -> None:
        self.tutor = tutor
        self.out = out
        self.pending: tuple[QuizItem, int, str] | None = None

    def say(self, text: str) -> None:
        """Print a reply."""
        self.out.write(text.rstrip() + "\n\n")
        self.out.flush()

    def handle(self, line: str) -> bool:
        """Handle one input line; False when the session should end."""
        text = line.strip()
        try:
            if self.pending and text.upper() in LETTERS[: len(self.pending[0].options)] and text:
                _, session_id, nonce = self.pending
                self.pending = None
                fb = self.tutor.answer_session(TERMINAL_USER, session_id, nonce, LETTERS.index(text.upper()))
                self.say(fb.text() + "\n\nTyp /quiz voor de volgende vraag.")
                return True
            self.pending = None
            command, _, arg = text.partition(" ")
            if command in ("/stop", "/exit", "/quit"):
                return False
            if command in ("/help", "/start"):
                self.say(HELP)
            elif command == "/quiz":
                self.pending = self.tutor.start_question(
                    TERMINAL_USER, TERMINAL_USER, arg.strip() or None, "terminal"
                )
                self.say(question_text(self.pending[0]))
            elif command == "/zwakkepunten":
                self.say(self.weak_text())
            elif command == "/stats":
                s = self.tutor.stats(TERMINAL_USER)
                lines = [f"{s.answered} antwoorden, {s.correct} goed, reeks {s.streak} dag(en)."]
                lines += [f"  {title}: {value:.0%}" for title, value in s.mastery.items()]
                self.say("\n".join(lines))
            elif command.startswith("/"):
                self.say(f"Het commando {command} ken ik niet. Typ /help voor wat ik kan.")
            else:
                self.say(self.tutor.ask(text, TERMINAL_USER).answer)
        except TutorError as exc:
            self.say(str(exc))
        return True

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
    tutor = build_tutor(settings, course)
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
