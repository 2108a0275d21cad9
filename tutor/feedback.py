"""What a learner reads after answering: feedback on a quiz answer or a typed term, and the
question texts themselves."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.items import QuizItem

LETTERS = "ABCDEFGHIJKL"
# Typed-recall verdicts (right word for word, right nearly, wrong): typing the term, typing the definition.
RECALL_VERDICTS = {
    False: ("✅ Goed: {}.", "✅ Goed, al schrijf je het zo: {}.", "❌ Helaas. Het juiste begrip is: {}."),
    True: ("✅ Goed: {}", "✅ Goed genoeg. Volledig: {}", "❌ Helaas. De omschrijving is: {}"),
}
LEECH_NOTE = (
    "Deze vraag ging al vaak mis. Lees de uitleg en de bron nog eens rustig door; "
    "ik vraag hem voorlopig niet meer, je ziet hem terug bij /zwakkepunten."
)


def feedback_text(verdict: str, item: QuizItem, leech: bool) -> str:
    """The verdict, then the item's explanation and source (and the leech note)."""
    lines = [verdict, f"Uitleg: {item.explanation}", f"Bron: {item.source}"]
    if leech:
        lines.append(LEECH_NOTE)
    return "\n".join(lines)


@dataclass(frozen=True)
class Feedback:
    """The outcome of one answer."""

    item: QuizItem
    choice: int
    correct: bool
    leech: bool
    answer_id: int = 0
    repeat: bool = False  # the same press again (say, after the feedback edit failed)

    def text(self) -> str:
        """Plain Dutch feedback: verdict, right answer, explanation, source."""
        verdict = "✅ Goed!" if self.correct else "❌ Helaas."
        if not self.correct:
            verdict += f"\nHet juiste antwoord is {LETTERS[self.item.answer]}: {self.item.correct_option}"
        return feedback_text(verdict, self.item, self.leech)


@dataclass(frozen=True)
class RecallFeedback:
    """The outcome of one typed answer."""

    item: QuizItem
    typed: str
    correct: bool
    exact: bool
    rating: int
    leech: bool

    def text(self) -> str:
        """Plain Dutch feedback: verdict, the term (or definition), explanation, source."""
        exact, near, wrong = RECALL_VERDICTS[self.item.kind == "term_to_def"]
        verdict = exact if self.correct and self.exact else near if self.correct else wrong
        return feedback_text(verdict.format(self.item.correct_option), self.item, self.leech)


def recall_text(item: QuizItem) -> str:
    """A typed-recall prompt: the definition with the term masked, or the term to explain."""
    if item.kind == "term_to_def":
        term = item.question.removeprefix("Wat betekent ").rstrip("?")
        return f"Typ in je eigen woorden wat dit betekent: {term}"
    definition = item.question.split("\n", 1)[-1]
    return f"Typ het begrip dat hierbij hoort:\n{definition}"


def question_text(item: QuizItem) -> str:
    """A question with lettered options, as plain text."""
    opts = "\n".join(f"{LETTERS[i]}. {o}" for i, o in enumerate(item.options))
    return f"{item.question}\n\n{opts}"
