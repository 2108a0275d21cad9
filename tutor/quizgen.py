"""Generate quiz items from any course: curated, term↔definition, cloze and odd-one-out."""

from __future__ import annotations

import random
import re
from collections import Counter

import numpy as np

from index.chunking import sentences
from index.store import SearchIndex
from index.text import fold
from knowledge.model import Course, GlossaryEntry
from tutor.items import QuizItem, item_id, legacy_item_id
from tutor.validate import BLANK, keep_sound, words

N_OPTIONS = 4
MIN_OPTIONS = 3  # a small glossary (a learner's own summary) still gets items, with 3 options
MAX_DEFINITION_CHARS = 200
NEAR_SYNONYM = 0.97


def _shuffled(key: str, correct: str, wrong: list[str]) -> tuple[tuple[str, ...], int]:
    """Options in a stable pseudo-random order (same item → same order), and the right index."""
    options = [correct, *wrong]
    random.Random(key).shuffle(options)  # noqa: S311 - not for security
    return tuple(options), options.index(correct)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _term_pattern(entry: GlossaryEntry) -> re.Pattern[str]:
    names = sorted((re.escape(n) for n in entry.names if len(n) >= 3), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)", re.IGNORECASE)


class QuizGenerator:
    """Builds every quiz item of a course; distractors chosen by embedding similarity."""

    def __init__(self, course: Course, index: SearchIndex) -> None:
        self.course = course
        self.entries = course.glossary
        # Distractors per item: three when the glossary allows, two for a glossary of three terms.
        self.wrong = max(MIN_OPTIONS - 1, min(N_OPTIONS - 1, len(self.entries) - 1))
        self.vectors = self._entry_vectors(index)
        self.chapter_of = {s.id: s.chapter for s in course.sections}
        self.source = {s.id: f"{course.chapter_of(s).title} › {s.title}" for s in course.sections}
        self.position = {s.id: s.position_id for s in course.sections}
        self.legacy_ids: dict[str, str] = {}  # id before stable ids → id now (see tutor.items)
        self._given: set[str] = set()

    def _id(self, kind: str, section_id: str, key: str) -> str:
        """The item's stable id (made unique with its section when the same key occurs twice)."""
        iid = item_id(self.course.slug, kind, key)
        if iid in self._given:
            iid = item_id(self.course.slug, kind, f"{section_id}|{key}")
        self._given.add(iid)
        self.legacy_ids[legacy_item_id(self.course.slug, kind, self.position[section_id], key)] = iid
        return iid

    def _entry_vectors(self, index: SearchIndex) -> np.ndarray:
        """Reuse the index's glossary-chunk vectors, so generating items costs no model calls."""
        by_key = {(c.section_id, c.text.split(":", 1)[0]): c.id for c in index.chunks if c.kind == "glossary"}
        dim = index.faiss_index.d
        out = np.zeros((len(self.entries), dim), dtype=np.float32)
        for i, e in enumerate(self.entries):
            cid = by_key.get((e.section_id, e.term))
            if cid is not None:
                out[i] = index.faiss_index.reconstruct(cid)
        return out

    def _distractors(self, i: int, pool: list[int], n: int, key: str) -> list[int]:
        """``n`` entries from ``pool`` similar to entry ``i`` but clearly not the same thing."""
        target = self.entries[i]
        names = {x.lower() for x in target.names}
        sims = self.vectors[pool] @ self.vectors[i]
        ranked = [
            j
            for j, s in sorted(zip(pool, sims, strict=True), key=lambda t: -t[1])
            if j != i
            and s < NEAR_SYNONYM
            and not names & {x.lower() for x in self.entries[j].names}
            and self.entries[j].definition != target.definition
        ]
        top = ranked[: n + 3]
        random.Random(key).shuffle(top)  # noqa: S311
        chosen = top[:n]
        return chosen if len(chosen) == n else ranked[:n]

    def _pool(self, i: int) -> list[int]:
        """Candidates from the same chapter, or the whole course when the chapter is small."""
        chapter = self.chapter_of[self.entries[i].section_id]
        same = [j for j, e in enumerate(self.entries) if self.chapter_of[e.section_id] == chapter and j != i]
        return same if len(same) >= N_OPTIONS + 1 else [j for j in range(len(self.entries)) if j != i]

    def curated(self) -> list[QuizItem]:
        """The hand-written questions from the course notes."""
        out = []
        for s in self.course.sections:
            for q in s.quiz:
                iid = self._id("curated", s.id, q.question)
                wrong = [o for k, o in enumerate(q.options) if k != q.answer]
                options, answer = _shuffled(iid, q.options[q.answer], wrong)
                out.append(
                    QuizItem(
                        iid,
                        self.course.slug,
                        s.id,
                        "curated",
                        q.question,
                        options,
                        answer,
                        q.explanation,
                        self.source[s.id],
                    )
                )
        return out

    def term_items(self) -> list[QuizItem]:
        """Term → definition and definition → term questions."""
        out = []
        for i, e in enumerate(self.entries):
            if len(e.definition) > MAX_DEFINITION_CHARS:
                continue
            pool = [j for j in self._pool(i) if len(self.entries[j].definition) <= MAX_DEFINITION_CHARS]
            iid = self._id("term_to_def", e.section_id, e.term)
            picks = self._distractors(i, pool, self.wrong, iid)
            if len(picks) == self.wrong:
                defs = [_sentence_case(self.entries[j].definition) for j in picks]
                options, answer = _shuffled(iid, _sentence_case(e.definition), defs)
                out.append(
                    QuizItem(
                        iid,
                        self.course.slug,
                        e.section_id,
                        "term_to_def",
                        f"Wat betekent ‘{e.term}’?",
                        options,
                        answer,
                        f"{e.term}: {e.definition}",
                        self.source[e.section_id],
                    )
                )
            iid = self._id("def_to_term", e.section_id, e.term)
            masked = _term_pattern(e).sub("…", e.definition)
            picks = self._distractors(i, self._pool(i), self.wrong, iid)
            terms = [self.entries[j].term for j in picks]
            if len(picks) == self.wrong and e.term not in terms:
                options, answer = _shuffled(iid, e.term, terms)
                out.append(
                    QuizItem(
                        iid,
                        self.course.slug,
                        e.section_id,
                        "def_to_term",
                        f"Welk begrip past bij deze omschrijving?\n“{masked}”",
                        options,
                        answer,
                        f"{e.term}: {e.definition}",
                        self.source[e.section_id],
                    )
                )
        return out

    def cloze_items(self, per_section: int = 2) -> list[QuizItem]:
        """Key sentences of a section with one of its glossary terms blanked out."""
        out = []
        index_of = {id(e): i for i, e in enumerate(self.entries)}
        for s in self.course.sections:
            made = 0
            used: set[str] = set()
            for sentence in sentences(s.body):
                if made >= per_section or not 8 <= len(sentence.split()) <= 40:
                    continue
                for e in s.glossary:
                    m = re.search(rf"(?<!\w){re.escape(e.term)}(?!\w)", sentence, re.IGNORECASE)
                    if not m or e.term in used:
                        continue
                    i = index_of[id(e)]
                    iid = self._id("cloze", s.id, sentence)
                    picks = self._distractors(i, self._pool(i), self.wrong, iid)
                    if len(picks) < N_OPTIONS - 1:
                        continue
                    blanked = sentence[: m.start()] + BLANK + sentence[m.end() :]
                    options, answer = _shuffled(iid, e.term, [self.entries[j].term for j in picks])
                    out.append(
                        QuizItem(
                            iid,
                            self.course.slug,
                            s.id,
                            "cloze",
                            f"Vul in:\n{blanked}",
                            options,
                            answer,
                            sentence,
                            self.source[s.id],
                        )
                    )
                    used.add(e.term)
                    made += 1
                    break
        return out

    def groups(self) -> list[tuple[int, list[int]]]:
        """The course's own groupings: a glossary entry whose definition names three or more other
        entries of its section ("Koopsituaties: nieuwe taak, gewijzigde … en rechtstreekse …")."""
        out = []
        for i, e in enumerate(self.entries):
            definition = fold(e.definition)
            if "," not in definition:
                continue  # a list names its members with commas
            members = [
                j
                for j, m in enumerate(self.entries)
                if j != i
                and m.section_id == e.section_id
                and len(m.term) >= 6
                and fold(m.term)[:6] in definition
            ]
            if len(members) >= N_OPTIONS - 1:
                out.append((i, members))
        return out

    def odd_one_out_items(self) -> list[QuizItem]:
        """'Which one does NOT belong' to a grouping the course itself makes."""
        out = []
        for g, members in self.groups():
            group = self.entries[g]
            iid = self._id("odd_one_out", group.section_id, group.term)
            rng = random.Random(iid)  # noqa: S311
            shown = rng.sample(members, N_OPTIONS - 1)
            taken = words(group.term).union(*(words(self.entries[j].term) for j in shown))
            outside = [
                j
                for j, e in enumerate(self.entries)
                if self.chapter_of[e.section_id] != self.chapter_of[group.section_id]
                and not words(e.term) & taken
            ]
            if not outside:
                continue
            centroid = self.vectors[shown].mean(axis=0)
            odd = max(outside, key=lambda j: float(self.vectors[j] @ centroid))
            odd_entry = self.entries[odd]
            options, answer = _shuffled(iid, odd_entry.term, [self.entries[j].term for j in shown])
            out.append(
                QuizItem(
                    iid,
                    self.course.slug,
                    group.section_id,
                    "odd_one_out",
                    f"Welk begrip hoort NIET bij ‘{group.term}’?",
                    options,
                    answer,
                    f"‘{odd_entry.term}’ hoort bij {self.source[odd_entry.section_id]}; "
                    f"de andere drie horen bij {group.term} ({self.source[group.section_id]}).",
                    self.source[group.section_id],
                )
            )
        return out

    def generated(self) -> tuple[list[QuizItem], Counter[str]]:
        """Every item, the unsound ones dropped; and how many of each kind were kept and dropped."""
        self.legacy_ids, self._given = {}, set()
        items = self.curated() + self.term_items() + self.cloze_items() + self.odd_one_out_items()
        return keep_sound(items, self.entries)

    def all_items(self) -> list[QuizItem]:
        """Every sound item of the course."""
        return self.generated()[0]
