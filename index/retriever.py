"""Hybrid retrieval: dense (FAISS) + BM25 fused per section, with the glossary fast path."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from index.embedder import Embedder
from index.english import dutch_phrases, to_dutch
from index.glossary import GlossaryHit, GlossaryMatcher, asked_term, glossary_key
from index.store import SearchIndex
from index.text import (
    DUTCH_STOPWORDS,
    bm25_tokens,
    compound_parts,
    compounds,
    fold,
    irregular_nouns,
    remembered,
    separable_joins,
)
from knowledge.model import Course

METHODS = ("bm25", "dense", "hybrid")
# Linear fusion of per-section z-scores, tuned with bench/tune_fusion.py on the eval set.
BM25_WEIGHT = 0.4
BM25_SECOND = 0.5
MENTION_BOOST = 0.5
GLOSSARY_BOOST = 10.0
# A question that says five or more words of a glossary definition in a row.
ECHO_WORDS = 5
ECHO_BOOST = 1.5
GLOSSARY_MIN = 88.0
# Courtesy words carry no meaning but pull a short question's vector away from its section.
COURTESY = re.compile(
    r"[,;]?\s*\b(?:a\.?u\.?b\.?|s\.?v\.?p\.?|pls|plz|please|alsjeblieft|alstublieft|ff)(?=[\s,.!?]|$)[.!]*",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _zscores(values: np.ndarray) -> np.ndarray:
    std = float(values.std())
    return (values - values.mean()) / std if std > 1e-9 else np.zeros_like(values)


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
    background_top: float = 0.0
    glossary: GlossaryHit | None = None
    query_vector: np.ndarray | None = None


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
        # Fusion weights; attributes so bench/tune_fusion.py can search over the real fusion.
        self.bm25_weight = BM25_WEIGHT
        self.parts_seen: dict[str, list[str]] = {}  # compound parts of unknown tokens, by token
        self.bm25_second = BM25_SECOND
        self.mention_boost = MENTION_BOOST
        self.glossary = GlossaryMatcher(course.glossary)
        self._section_ids = [s.id for s in course.sections]
        position = {sid: i for i, sid in enumerate(self._section_ids)}
        self._chunk_sec = np.array([position[c.section_id] for c in index.chunks], dtype=np.int64)
        # Glossary definitions as folded word strings, to find a question that echoes one.
        self._definitions = [(f" {' '.join(_words(g.definition))} ", g.section_id) for g in course.glossary]
        self._mentions = [
            (key, g.section_id)
            for g in course.glossary
            for key in {glossary_key(n) for n in g.names}
            if len(key) >= 3
        ]

    def _top2(self, chunk_scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per section (in course order): best score, its chunk id, and the second-best score."""
        order = np.lexsort((-chunk_scores, self._chunk_sec))
        grouped = self._chunk_sec[order]
        starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        n = len(self._section_ids)
        best = np.full(n, -1e9)
        best_id = np.full(n, -1, dtype=np.int64)
        second = np.zeros(n)
        best[grouped[starts]] = chunk_scores[order[starts]]
        best_id[grouped[starts]] = order[starts]
        has_second = (starts + 1 < len(order)) & (np.r_[grouped, -1][starts + 1] == grouped[starts])
        second[grouped[starts[has_second]]] = chunk_scores[order[starts[has_second] + 1]]
        return best, best_id, second

    def _per_section(self, chunk_scores: np.ndarray) -> dict[str, tuple[float, int]]:
        """Best chunk score and chunk id per section."""
        best, best_id, _ = self._top2(chunk_scores)
        return {s: (float(best[i]), int(best_id[i])) for i, s in enumerate(self._section_ids)}

    def dense_scores(self, question: str) -> tuple[np.ndarray, float]:
        """Cosine similarity of the question to every chunk, and to the off-topic background."""
        scores, background, _ = self._dense(question)
        return scores, background

    def _dense(self, question: str) -> tuple[np.ndarray, float, np.ndarray]:
        q = self.embedder.embed_queries([COURTESY.sub("", question).strip() or question])
        n = self.index.faiss_index.ntotal
        scores, ids = self.index.faiss_index.search(q, n)
        out = np.empty(n, dtype=np.float32)
        out[ids[0]] = scores[0]
        background = float((self.index.background @ q[0]).max()) if len(self.index.background) else 0.0
        return out, background, q[0]

    def bm25_scores(self, question: str, english: bool = True) -> np.ndarray:
        """BM25 score of the question against every chunk (zeros when no token is known)."""
        tokens = bm25_tokens(question)
        vocab = self.index.bm25.vocab_dict
        # A compound the question splits ("strategieën voor klantrelaties") counts as the notes' word.
        tokens += [t for t in bm25_tokens(" ".join(compounds(question))) if t in vocab and t not in tokens]
        # An English question: its words in Dutch, and the compounds their pairs make ("customer
        # relationship" → "klantrelatie").
        dutch = to_dutch(question) if english else ""
        dutch = f"{dutch} {irregular_nouns(question)}".strip()
        if dutch:
            more = bm25_tokens(dutch) + bm25_tokens(" ".join(compounds(dutch)))
            tokens += [t for t in dict.fromkeys(more) if t in vocab and t not in tokens]
        # "houdt me tegen" is the notes' rare "tegenhoudt"; a common join ("bouw … op": "opbouw") says
        # too little to count.
        joins = bm25_tokens(separable_joins(question)) if english else []
        tokens += [t for t in dict.fromkeys(joins) if t in vocab and t not in tokens and self._rare(t)]
        # "herzie je" / "je herziet", "besteld" / "bestellen": verb forms the stemmer keeps apart.
        forms = [f for t in tokens if t not in vocab and len(t) >= 4 for f in (t + "t", t[:-1])]
        tokens += [f for f in forms if f in vocab]
        tokens += [p for t in tokens if t not in vocab for p in self._parts(t) if p not in tokens]
        known = [t for t in tokens if t in vocab]
        if not known:
            return np.zeros(len(self.index.chunks), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(known), dtype=np.float32)

    def _rare(self, token: str) -> bool:
        """Whether the notes use BM25 ``token`` in at most two chunks."""
        ptr = self.index.bm25.scores["indptr"]
        i = self.index.bm25.vocab_dict[token]
        return int(ptr[i + 1] - ptr[i]) <= 2

    def _parts(self, token: str) -> list[str]:
        """``compound_parts`` of an unknown ``token`` among the BM25 vocabulary, remembered."""
        return remembered(self.parts_seen, token, lambda: compound_parts(token, self.index.bm25.vocab_dict))

    def glossary_hit(self, question: str) -> GlossaryHit | None:
        """The glossary entry a definitional question asks for, when it matches well."""
        term = asked_term(question)
        if term is None:
            return None
        # "portier bij koude acquisitie": the term comes first, where it is used after it.
        # "poortwachter als je een bedrijf koud belt": so too the situation it is used in.
        scoped = re.match(
            r"^(.+?) (?:bij|binnen|volgens|tijdens|in|als (?:je|jij|ik|we|u)|according to|within) "
            r"(?:de |het |een |the )?(\S.*)$",
            term,
        )
        if scoped:
            head = self.glossary.lookup(scoped[1])
            dutch = to_dutch(scoped[1])  # "leverage product according to kraljic": the notes' Dutch
            translated = self.glossary.lookup(dutch) if dutch and (head is None or head.score < 95) else None
            head = translated if translated is not None and translated.score >= GLOSSARY_MIN else head
            where = self.bm25_scores(scoped[2])
            # Only where the notes define it there ("poortwachter in de dmu" is not the portier of
            # koude acquisitie).
            best = int(np.argmax(where)) if len(where) and where.max() > 0 else -1
            there = self.index.chunks[best].section_id if best >= 0 else ""
            least = GLOSSARY_MIN if head is translated else 95
            if head is not None and head.score >= least and there == head.entry.section_id:
                return head
        hit = self.glossary.lookup(term)
        if hit is None or hit.score < GLOSSARY_MIN:
            # "het aandeel in de markt" asks for "marktaandeel": try the compounds it may stand for.
            # "what are leverage products": the notes' Dutch term ("hefboomproducten").
            # (Of neighbouring words: "klant in de oriëntatiefase van de relatie" is no "relatieklant".)
            for candidate in [*compounds(term, reach=1), to_dutch(term)]:
                found = self.glossary.lookup(candidate) if candidate else None
                if found is not None and found.score >= 95:
                    return found
        if hit is not None and hit.score < 100 and self._other_word(term, hit):
            return None  # "wie is porter": the notes' Porter, no misspelt "portier"
        return hit if hit is not None and hit.score >= GLOSSARY_MIN else None

    def _other_word(self, term: str, hit: GlossaryHit) -> bool:
        """Whether a one-word ``term`` is a word of the notes themselves, other than the entry's."""
        asked = bm25_tokens(term)
        if len(asked) != 1 or asked[0] not in self.index.bm25.vocab_dict:
            return False
        return not any(asked[0] in bm25_tokens(name) for name in hit.entry.names)

    def mentioned_sections(self, question: str) -> set[str]:
        """Sections whose glossary terms or abbreviations appear literally in the question."""
        q = f" {glossary_key(question)} "
        # Plurals name the term too: "promotors", "knelpuntproducten", "kpi's".
        single = re.sub(r"(\w{4,}?)(?:'s|s|en)\b", r"\1", re.sub(r"heden\b", "heid", q))
        return {
            sid
            for name, sid in self._mentions
            if f" {name} " in q or (len(name) >= 6 and f" {name} " in single)  # not every "leads"
        }

    def echoed_sections(self, question: str) -> set[str]:
        """Sections whose glossary defines something in five or more of the question's words in a row
        ("alleen de verkoper en de inkoper … contact": the Vlinderdasmodel's definition)."""
        ws = _words(question)
        found: set[str] = set()
        for i in range(len(ws) - ECHO_WORDS + 1):
            gram = ws[i : i + ECHO_WORDS]
            if sum(len(w) >= 4 and w not in DUTCH_STOPWORDS for w in gram) < 2:
                continue
            said = f" {' '.join(gram)} "
            found |= {sid for text, sid in self._definitions if said in text}
        return found

    def search(self, question: str, k: int = 5) -> Retrieval:
        """Top ``k`` sections for ``question``."""
        result = Retrieval()
        if self.use_glossary:
            result.glossary = self.glossary_hit(question)
        ids = self._section_ids
        fused = np.zeros(len(ids), dtype=np.float64)
        d_best: dict[str, tuple[float, int]] = {}
        b_best: dict[str, tuple[float, int]] = {}
        if self.method in ("dense", "hybrid"):
            dense, result.background_top, result.query_vector = self._dense(question)
            d_best = self._per_section(dense)
            fused += _zscores(np.array([d_best[s][0] for s in ids]))
        if self.method in ("bm25", "hybrid"):
            lexical = self.bm25_scores(question)
            best, best_id, second = self._top2(lexical)
            b_best = {s: (float(best[i]), int(best_id[i])) for i, s in enumerate(ids)}
            # A section whose several chunks match the words is a better bet than one lucky chunk.
            weight = self.bm25_weight if self.method == "hybrid" else 1.0
            bm = np.maximum(best, 0.0) + self.bm25_second * np.maximum(second, 0.0)
            if bm.max() > 0:
                fused += weight * _zscores(bm)
        if self.use_glossary:
            mentioned = self.mentioned_sections(question)
            fused += np.array([self.mention_boost if s in mentioned else 0.0 for s in ids])
            echoed = self.echoed_sections(question)
            fused += np.array([ECHO_BOOST if s in echoed else 0.0 for s in ids])
            if result.glossary is not None:
                fused[ids.index(result.glossary.entry.section_id)] += GLOSSARY_BOOST
        for i in np.argsort(-fused, kind="stable")[:k]:
            sid = ids[i]
            d_score, d_chunk = d_best.get(sid, (0.0, -1))
            b_score, b_chunk = b_best.get(sid, (0.0, -1))
            if self.method == "bm25" and b_score <= 0:
                break
            result.hits.append(
                SectionHit(sid, float(fused[i]), d_score, b_score, d_chunk if d_chunk >= 0 else b_chunk)
            )
        if result.hits:
            top = result.hits[0].section_id
            result.dense_top = d_best.get(top, (0.0, -1))[0]
            result.bm25_top = b_best.get(top, (0.0, -1))[0]
            if b_best and to_dutch(question):
                # Translated words help find the section, not trust it: the support that counts for
                # confidence is the question's own words ("ideal customer profile" is no course term).
                # Several-word terms ("buying center" → inkoopcentrum) are exact, and count.
                exact = f"{question} {dutch_phrases(question)}".strip()
                own, _, _ = self._top2(self.bm25_scores(exact, english=False))
                result.bm25_top = float(own[ids.index(top)])
        return result
