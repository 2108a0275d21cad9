"""What an answer is, apart from how it was found or how it will be shown."""

from __future__ import annotations

from dataclasses import dataclass, field


def bullet(label: str, text: str) -> str:
    """One list line of a plain-text answer: "• label: text", or "• text" without a label."""
    return f"• {label}: {text}" if label else f"• {text}"


@dataclass(frozen=True)
class Source:
    """Where an answer comes from."""

    course: str
    chapter: str
    section: str
    section_id: str
    score: float


@dataclass(frozen=True)
class Topic:
    """What an answer was about, so a follow-up ("geef een voorbeeld") can refer back to it."""

    section_id: str
    term: str
    earlier: Topic | None = None  # the topic before it, for "wat is het verschil?"


@dataclass
class Answer:
    """A complete answer, independent of how it will be shown."""

    question: str
    found: bool
    kind: str  # "definition" | "passage" | "none"
    headline: str
    context: str = ""
    sources: list[Source] = field(default_factory=list)
    see_also: list[Source] = field(default_factory=list)
    note: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)  # list lines: (bold label or "", text)
    title: str = ""  # the start of the headline that is shown in bold
    intent: str = ""
    confidence: str = "high"  # "high" | "hedged" | "none"
    topic: Topic | None = None

    @property
    def answer(self) -> str:
        """Plain-text answer: headline, list items, context, source and the 'Zie ook' line."""
        parts = [p for p in (self.note, self.headline) if p]
        if self.items:
            parts.append(
                "\n".join(bullet(label, text) for label, text in self.items)
            )
        if self.context:
            parts.append(self.context)
        if self.found and self.sources:
            s = self.sources[0]
            parts.append(f"Bron: {s.chapter} › {s.section}")
        if self.see_also:
            label = "Zie ook" if self.found else "Misschien bedoel je"
            parts.append(f"{label}: " + "; ".join(s.section for s in self.see_also))
        return "\n\n".join(parts)

    def to_json(self) -> dict[str, object]:
        """The stable CLI JSON contract (exactly these keys)."""
        return {
            "question": self.question,
            "found": self.found,
            "kind": self.kind,
            "answer": self.answer,
            "sources": [
                {"course": s.course, "chapter": s.chapter, "section": s.section, "score": round(s.score, 4)}
                for s in self.sources
            ],
        }
