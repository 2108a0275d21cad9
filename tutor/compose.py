"""Compose an answer from whole course sentences, shaped by what the question asks for.

Sentences are scored by IDF-weighted term overlap plus similarity to the query vector (sentence
vectors are stored with the index, so no extra model call). Lists stay whole, a sentence that
points back ("Die", "Zo", ...) brings its antecedent, and every answer is course text.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from index.english import WORDS as ENGLISH
from index.passages import Sentence
from index.store import SearchIndex
from index.text import bm25_tokens, compound_parts, fold, irregular_nouns, remembered, separable_joins
from knowledge.model import Course
from tutor.cues import DEFINING, IS_A
from tutor.lists import BACKREF, ORDINAL, SEQUENCE
from tutor.othernames import OtherNames

EMBED_WEIGHT = 0.25  # weight of the z-scored sentence similarity next to IDF coverage (0..1)
TARGET_WORDS = 60
MAX_WORDS = 130
LIST_MAX_WORDS = 280


@dataclass
class Composition:
    """The parts of an answer text, all quoted from the course."""

    headline: str
    items: list[tuple[str, str]] = field(default_factory=list)  # (bold label or "", text)
    context: str = ""
    sections: list[str] = field(default_factory=list)  # section ids used, main source first
    title: str = ""  # the part of the headline shown in bold


# "vraag" is a stop word ("ik heb een vraag"), but the notes' questions are asked about: "welke vraag
# stel je bij de nps", "wat vraag je een klant".
_QUESTION_WORD = re.compile(r"\bvra(?:ag|gen)\b")
_ASKS_QUESTION = re.compile(
    r"\b(?:welke|wat voor(?: een)?|hoeveel|open|goede) vra(?:ag|gen)\b(?! (?:over|aan)\b)"
    r"|\bwat vraag (?:je|jij|ik|u|we)\b"
)
_SELF = frozenset("mezelf jezelf zichzelf onszelf uzelf hemzelf haarzelf".split())


def tokens_of(text: str) -> set[str]:
    """Stemmed content tokens; a doubled final consonant is undone ('stapp' → 'stap'); the "s" of
    "kpi's" is no token."""
    out = set()
    for t in bm25_tokens(text):
        if t == "s":
            continue
        t = "zelf" if t in _SELF else t  # "waarom moet ik mezelf verkopen": the notes' "jezelf"
        out.add(t[:-1] if len(t) >= 4 and t[-1] == t[-2] and t[-1] not in "aeiou" else t)
    return out


# A question asked in English ("why is trust important", "what does the gatekeeper do").
_ENGLISH_ASKED = re.compile(
    r"^(?:what|why|how|when|who|which|where|explain|describe|give|name|list)\b|\bthe\b"
)


@functools.lru_cache(maxsize=200_000)
def match_part(t: str, tokens: frozenset[str]) -> float:
    """0.7 when ``t`` is part of a compound in ``tokens`` or a plural the stemmer left of one of
    them ("strategieen"), else 0 (cached: the same words meet the same token sets again)."""
    if len(t) >= 4 and any(tok.endswith(t) or (len(t) >= 5 and tok.startswith(t)) for tok in tokens):
        return 0.7
    if len(t) >= 8 and any(len(tok) >= 6 and t.startswith(tok) and len(t) - len(tok) <= 2 for tok in tokens):
        return 0.7
    # "stel je" and the notes' "Je stelt": a verb and its form with -t, which the stemmer leaves apart.
    if len(t) >= 3 and (t + "t" in tokens or (len(t) >= 4 and t[-1] == "t" and t[:-1] in tokens)):
        return 0.7
    return 0.0


def words(sentences: list[Sentence]) -> int:
    """Number of words in ``sentences``."""
    return sum(len(s.text.split()) for s in sentences)


# "Op de ene as …", "Op de andere as …": one of a pair the sentence before names.
OTHER_ONE = re.compile(r"^(?:\S+\s+){0,2}(?:de|het) (?:andere|ene)\b")


# A sentence that opens on something already introduced ("De onderzoeker vat …", "Die …").
DEFINITE = re.compile(r"^(?:De|Het|Die|Deze|Dit|Dat|Zo|Daar|Hier|Hij|Zij|Ze)\b")


def _siblings(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences are items of one run ("Hij is adviseur: …", "Hij is coördinator …:")."""
    x, y = a.text.split(), b.text.split()
    return x[:2] == y[:2] and ":" in " ".join(x[:6]) and ":" in " ".join(y[:6])


class Composer:
    """Builds answer texts for one course from its indexed sentences."""

    def __init__(self, course: Course, index: SearchIndex) -> None:
        self.course = course
        self.sentences = index.sentences
        self.vectors = index.sentence_vectors
        self.folded = [fold(s.text) for s in self.sentences]
        self.tokens = [
            frozenset(tokens_of(s.text) | ({"vraag"} if _QUESTION_WORD.search(f) else set()))
            for s, f in zip(self.sentences, self.folded, strict=True)
        ]
        self.folded_all = "\n".join(self.folded)
        df = Counter(t for toks in self.tokens for t in toks)
        n = max(len(self.sentences), 1)
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.parts_seen: dict[str, list[str]] = {}  # compound parts of unknown tokens, by token
        self.holders: dict[str, list[Sentence]] = {}  # the sentences that hold a word, by word
        self.unknown_idf = math.log(1 + n)
        body_text = "\n".join(f for s, f in zip(self.sentences, self.folded, strict=True) if s.part == "body")
        self.other_names = OtherNames(course, body_text, self.idf, tokens_of)
        used: dict[str, set[str]] = {}
        for s, toks in zip(self.sentences, self.tokens, strict=True):
            if s.part == "body":
                used.setdefault(s.section_id, set()).update(toks)
        self.section_df = Counter(t for toks in used.values() for t in toks)
        self.paras: dict[tuple[str, str], list[list[Sentence]]] = {}
        for s in self.sentences:
            paras = self.paras.setdefault((s.section_id, s.part), [])
            while len(paras) <= s.para:
                paras.append([])
            paras[s.para].append(s)

    def spread(self, token: str) -> int:
        """How many sections use ``token`` (a stem) in their text."""
        return self.section_df.get(token, 0)

    # literal phrases ------------------------------------------------------------------------
    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def phrase_pattern(topic: str) -> re.Pattern[str] | None:
        """A pattern for ``topic`` as literal words (accents and case ignored), if it is specific enough."""
        words_ = re.findall(r"[a-z0-9]+", fold(topic))
        if not words_ or len("".join(words_)) < 6:
            return None
        # Split or joined ("voet in de deur techniek" ↔ "voet-in-de-deurtechniek"), and plural; a phrase
        # of several words also as the head of a technique or model ("voet-in-de-deur" → "…deurtechniek").
        tail = r"|techniek|methode|model|principe" if len(words_) >= 3 else ""
        # A small word the topic dropped may stand between ("nota inlichtingen": "nota van inlichtingen").
        between = r"(?:\W+(?:van|de|het|een|in|of|en|voor|op)(?=\W))?\W*"
        return re.compile(r"\b" + between.join(map(re.escape, words_)) + rf"(?:en|s|n{tail})?\b")

    def holding(self, word: str) -> list[Sentence]:
        """The sentences whose folded text holds ``word`` (as a substring), in order, remembered."""
        folded = self.folded
        return remembered(self.holders, word, lambda: [s for s in self.sentences if word in folded[s.id]])

    def phrase_sections(self, topic: str, examples: bool = True) -> list[str]:
        """Sections whose text uses ``topic`` literally, in course order (``examples``: their worked
        examples count)."""
        pattern = self.phrase_pattern(topic)
        words_ = re.findall(r"[a-z0-9]+", fold(topic))
        if pattern is None or not all(self.holding(w) for w in words_):
            return []
        longest = max(words_, key=len)  # the sentences that hold it first: most lack it
        return list(
            dict.fromkeys(
                s.section_id
                for s in self.holding(longest)
                if (examples or s.part == "body") and pattern.search(self.folded[s.id])
            )
        )

    # scoring ---------------------------------------------------------------------------------
    def score(self, text: str, qvec: np.ndarray | None, ids: list[int]) -> np.ndarray:
        """IDF coverage of ``text``'s terms plus z-scored vector similarity, per sentence id."""
        if not ids:
            return np.zeros(0)
        q = self.query_tokens(text)
        total = sum(self.idf.get(t, self.unknown_idf) for t in q) or 1.0
        lex = np.array([self._overlap(q, self.tokens[i]) / total for i in ids])
        if qvec is None or len(ids) < 2:
            return lex
        sim = self.vectors[ids] @ qvec
        std = float(sim.std())
        return lex + EMBED_WEIGHT * ((sim - sim.mean()) / std if std > 1e-9 else 0.0)

    def query_tokens(self, text: str) -> set[str]:
        """``tokens_of`` with a compound the notes never use split into two parts they do
        ("targetingstrategieen" → targeting, strategie)."""
        folded = fold(text)
        out: set[str] = set(tokens_of(irregular_nouns(text)))  # "klaagt" → klacht
        out |= {t for t in tokens_of(separable_joins(text)) if self.spread(t) in (1, 2)}  # "vallen … af"
        if _ASKS_QUESTION.search(folded):
            out.add("vraag")
        out |= self.other_names.terms_in(folded)
        for word in re.findall(r"[a-z0-9]+", folded):
            whole = tokens_of(word)
            if len(word) < 9 or all(t in self.idf for t in whole):
                out |= whole
                continue
            for cut in range(4, len(word) - 3):
                left, right = tokens_of(word[:cut]), tokens_of(word[cut:])
                if left and right and all(x in self.idf for x in left | right):
                    out |= left | right
                    break
            else:
                out |= whole
        # "why is trust important": an English word the notes never use, in their Dutch ("vertrouwen").
        said = re.findall(r"[a-z]+", folded) if _ENGLISH_ASKED.search(folded) else []
        english = [w for w in said if w in ENGLISH and not tokens_of(w) & self.idf.keys()]
        out |= tokens_of(" ".join(ENGLISH[w] for w in english))
        # "research" → "deskresearch", "fieldresearch": the notes' compounds an unknown word ends.
        return out | {p for t in out if t not in self.idf for p in self.parts(t)}

    def parts(self, token: str) -> list[str]:
        """``compound_parts`` of ``token`` among the notes' tokens, remembered."""
        return remembered(self.parts_seen, token, lambda: compound_parts(token, self.idf))

    def _overlap(self, q: set[str], tokens: frozenset[str]) -> float:
        """IDF mass of the question terms in ``tokens``; a compound tail counts for most of it."""
        total = 0.0
        for t in q:
            if t in tokens:
                total += self.idf.get(t, self.unknown_idf)  # a glossary-only word of a category
            else:
                total += match_part(t, tokens) * self.idf.get(t, self.unknown_idf)
        return total

    def names(self, s: Sentence, topic: str) -> bool:
        """Whether sentence ``s`` names the concept ``topic``."""
        t = tokens_of(topic)
        return bool(t) and len(t & self.tokens[s.id]) >= max(1, math.ceil(len(t) / 2))

    def body(self, section_id: str) -> list[Sentence]:
        """The explanation sentences of a section, in order."""
        return [s for p in self.paras.get((section_id, "body"), []) for s in p]

    def example(self, section_id: str) -> list[Sentence]:
        """The example sentences of a section, in order."""
        return [s for p in self.paras.get((section_id, "example"), []) for s in p]

    def paragraph(self, s: Sentence) -> list[Sentence]:
        """The paragraph that holds ``s``."""
        return self.paras[(s.section_id, s.part)][s.para]

    def best(
        self, candidates: list[Sentence], text: str, qvec: np.ndarray | None, bonus: object = None
    ) -> Sentence:
        """The highest scoring sentence; ``bonus`` maps a sentence to an extra score."""
        scores = self.score(text, qvec, [s.id for s in candidates])
        if callable(bonus):
            scores = scores + np.array([bonus(s) for s in candidates])
        return candidates[int(np.argmax(scores))]

    def defines(self, s: Sentence, name: str) -> bool:
        """Whether ``s`` opens with ``name`` and says what it is ("Een kenmerk is een …")."""
        opening = " ".join(s.text.split()[:4])
        says_what = IS_A.search(" ".join(s.text.split()[:8])) is not None
        return bool(tokens_of(name) & tokens_of(opening)) and says_what

    # building blocks -------------------------------------------------------------------------
    def with_antecedent(self, s: Sentence) -> list[Sentence]:
        """``s`` preceded by the sentences its opening back-reference points at (same paragraph)."""
        para = self.paragraph(s)
        start = s.pos
        while start > 0 and BACKREF.match(para[start].text) and s.pos - start < 2:
            if _siblings(para[start], para[start - 1]):
                break  # "Hij is regisseur: …" after "Hij is adviseur: …": another item, no antecedent
            start -= 1
        # "… klanten zo hoog mogelijk op die ladder te krijgen": the ladder the sentence before names;
        # "Marketing automation-software voert dit grotendeels automatisch uit": a short sentence
        # whose "dit" is the sentence before.
        pointed = re.search(r"\b(?:die|deze)\s+(\w{4,})", self.folded[s.id])
        short_this = len(s.text.split()) <= 12 and re.search(r"\b(?:dit|dat)\b", self.folded[s.id])
        # "Het werk zit daarom vóór de aanbesteding": a consequence of the sentence before.
        therefore = re.match(r"^(?:\S+\s+){1,3}(?:daarom|daardoor|dus|hierdoor)\b", self.folded[s.id])
        # "Solution selling gaat nog verder: …": further than the one the sentence before names.
        therefore = therefore or re.search(r"\bgaa?t nog (?:een stap |veel )?verder\b", self.folded[s.id])

        if start == s.pos and start > 0 and (
            (pointed and pointed[1] in self.folded[para[start - 1].id]) or short_this or therefore
        ):
            start -= 1
        # "Op de andere as staat …": the one it is the other of is in the sentence before ("Op de ene
        # as …"), and that one's pair before it ("De matrix heeft twee assen.").
        while start > 0 and OTHER_ONE.match(self.folded[para[start].id]):
            start -= 1
        return para[start : s.pos + 1]

    def passage(
        self, s: Sentence, target: int = TARGET_WORDS, limit: int = MAX_WORDS, lead: bool = False
    ) -> list[Sentence]:
        """A contiguous passage around ``s`` in its paragraph, starting where the thought starts."""
        para = self.paragraph(s)
        span = self.with_antecedent(s)
        # "Een gratis proefmonster …" inside "1. Wederkerigheid: …": the list line it belongs to.
        item = next((x.pos for x in reversed(para[: s.pos + 1]) if x.line_start), None)
        end = s.pos + 1
        while end < len(para):
            nxt = para[end]
            size = words(span) + len(nxt.text.split())
            follows = bool(BACKREF.match(nxt.text) or SEQUENCE.match(nxt.text))
            if size > limit or (words(span) >= target and not follows):
                break
            if (nxt.line_start and item is not None) or _siblings(s, nxt):
                break  # "6. Schaarste: …" asked: the next item of the list ("7. Eenheid …") is another thing
            span.append(nxt)
            end += 1
        if item is not None and item < span[0].pos:
            head = para[item : span[0].pos]
            if words(head) + words(span) <= limit:
                span[:0] = head  # the item's own head: "1. Wederkerigheid: …" before its example
        start = span[0].pos
        if (
            not lead
            and 0 < start <= 2
            and ORDINAL.match(para[0].text)
            and not any(ORDINAL.match(x.text) for x in para[1 : start + 1])
            and DEFINITE.match(span[0].text) is not None  # "De onderzoeker …", not "Bij consultative …"
        ):
            opening = para[:start]  # "De derde methode is de Delphi-methode. Een panel …": where it starts
            if words(opening) + words(span) <= limit:
                span[:0] = opening
                start = 0
        while (
            not lead
            and not (s.line_start and span[0].line_start)  # an item of a list starts its own thought
            and not _siblings(span[0], para[start - 1])
            and words(span) < target // 2
            and start > 0
            and words(span) + len(para[start - 1].text.split()) <= limit
        ):
            start -= 1
            span.insert(0, para[start])
        return span

    def lead_sentence(
        self, section_id: str, topic: str, qvec: np.ndarray | None, before: int | None = None
    ) -> Sentence | None:
        """The sentence of the section that best introduces ``topic`` (a definition, if any);
        ``before``: only sentences before that sentence id."""
        naming = [
            s for s in self.body(section_id) if self.names(s, topic) and (before is None or s.id < before)
        ]
        if not naming:
            return None
        # The sentence right before ("Tevreden is nog niet loyaal. Volgens Thomassen …") reads on.
        last = naming[-1]
        after = self.sentences[before] if before is not None else None
        right_before = after is not None and after.id - 1 == last.id and after.para == last.para
        return self.best(
            naming,
            topic,
            qvec,
            lambda s: 0.3 * bool(DEFINING.search(s.text)) - 0.05 * s.pos - 0.15 * s.para
            + 1.0 * (right_before and s is last),
        )

    def lead_in(
        self,
        span: list[Sentence],
        topic: str,
        qvec: np.ndarray | None,
        rest: list[Sentence] | None = None,
        least: int = 1,
    ) -> list[Sentence]:
        """Prepend the sentence that names the topic when span and rest leave part of it (``least``
        words) unnamed."""
        wanted = tokens_of(topic)
        if not wanted or len(wanted) > 3 or not span:
            return span
        everything = span + (rest or [])
        missing = wanted - set().union(*(self.tokens[s.id] for s in everything))
        if len(missing) < least:
            return span
        # A lead-in comes before what it introduces.
        lead = self.lead_sentence(span[0].section_id, " ".join(missing), qvec, before=span[0].id)
        if lead is None or lead in everything:
            return span
        ids = {s.id for s in everything}
        return [*(s for s in self.with_antecedent(lead) if s.id not in ids), *span]

    @staticmethod
    def text(span: list[Sentence]) -> str:
        """Sentences joined back into text, a blank line between paragraphs; a sentence two parts of
        an answer both took (a lead-in and the passage after it) is said once."""
        out = ""
        prev: Sentence | None = None
        for s in {s.id: s for s in span}.values():
            if prev is None:
                out = s.text
            elif (s.part, s.para) != (prev.part, prev.para) or s.id != prev.id + 1:
                out += "\n\n" + s.text
            else:
                out += ("\n" if s.line_start else " ") + s.text
            prev = s
        return out
