"""Hybrid retrieval: dense (FAISS) + BM25 fused per section, with the glossary fast path."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from index.embedder import Embedder
from index.glossary import GlossaryHit, GlossaryMatcher, asked_term
from index.store import SearchIndex
from index.text import bm25_tokens
from knowledge.model import Course

METHODS = ("bm25", "dense", "hybrid")
RRF_K = 5.0
DENSE_WEIGHT = 1.0
BM25_WEIGHT = 0.7
GLOSSARY_MIN = 88.0


@dataclass(frozen=True)
class SectionHit:
    """A section ranked for a question, with the evidence behind its rank."""

    section_id: str
    score: float
    dense: float
    bm25: float
    chunk_id: int


@dataclass
class Retrieval:
    """Ranked sections plus what the confidence is based on."""

    hits: list[SectionHit] = field(default_factory=list)
    dense_top: float = 0.0
    bm25_top: float = 0.0
    glossary: GlossaryHit | None = None


class Retriever:
    """Answers 'which sections fit this question' for one course."""

    def __init__(
        self,
        course: Course,
        index: SearchIndex,
        embedder: Embedder,
        method: str = "hybrid",
        use_glossary: bool = True,
    ) -> None:
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}")
        self.course = course
        self.index = index
        self.embedder = embedder
        self.method = method
        self.use_glossary = use_glossary
        self.glossary = GlossaryMatcher(course.glossary)
        self._chunk_section = np.array([c.section_id for c in index.chunks])
        self._section_ids = [s.id for s in course.sections]

    def _per_section(self, chunk_scores: np.ndarray) -> dict[str, tuple[float, int]]:
        best: dict[str, tuple[float, int]] = defaultdict(lambda: (-1e9, -1))
        for cid, score in enumerate(chunk_scores):
            sid = self._chunk_section[cid]
            if score > best[sid][0]:
                best[sid] = (float(score), cid)
        return best

    def dense_scores(self, question: str) -> np.ndarray:
        """Cosine similarity of the question to every chunk."""
        q = self.embedder.embed_queries([question])
        n = self.index.faiss_index.ntotal
        scores, ids = self.index.faiss_index.search(q, n)
        out = np.empty(n, dtype=np.float32)
        out[ids[0]] = scores[0]
        return out

    def bm25_scores(self, question: str) -> np.ndarray:
        """BM25 score of the question against every chunk (zeros when no token is known)."""
        tokens = bm25_tokens(question)
        vocab = self.index.bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known:
            return np.zeros(len(self.index.chunks), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(known), dtype=np.float32)

    def glossary_hit(self, question: str) -> GlossaryHit | None:
        """The glossary entry a definitional question asks for, when it matches well."""
        term = asked_term(question)
        if term is None:
            return None
        hit = self.glossary.lookup(term)
        return hit if hit is not None and hit.score >= GLOSSARY_MIN else None

    def search(self, question: str, k: int = 5) -> Retrieval:
        """Top ``k`` sections for ``question``."""
        result = Retrieval()
        if self.use_glossary:
            result.glossary = self.glossary_hit(question)
        dense = self.dense_scores(question) if self.method in ("dense", "hybrid") else None
        lexical = self.bm25_scores(question) if self.method in ("bm25", "hybrid") else None
        d_best = self._per_section(dense) if dense is not None else {}
        b_best = self._per_section(lexical) if lexical is not None else {}
        fused: dict[str, float] = defaultdict(float)
        for best, weight in ((d_best, DENSE_WEIGHT), (b_best, BM25_WEIGHT)):
            if not best:
                continue
            ranked = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)
            for rank, (sid, (score, _)) in enumerate(ranked):
                if best is b_best and score <= 0:
                    break
                fused[sid] += weight / (RRF_K + rank + 1)
        if result.glossary is not None:
            fused[result.glossary.entry.section_id] += 1.0
        ranked_ids = sorted(fused, key=lambda s: fused[s], reverse=True)[:k]
        for sid in ranked_ids:
            d_score, d_chunk = d_best.get(sid, (0.0, -1))
            b_score, b_chunk = b_best.get(sid, (0.0, -1))
            result.hits.append(
                SectionHit(sid, fused[sid], d_score, b_score, d_chunk if d_chunk >= 0 else b_chunk)
            )
        if result.hits:
            top = result.hits[0].section_id
            result.dense_top = d_best.get(top, (0.0, -1))[0]
            result.bm25_top = b_best.get(top, (0.0, -1))[0]
        return result
