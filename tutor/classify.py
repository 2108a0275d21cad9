"""Which of the course's categories fits a situation ("…, welke koopsituatie is dat?").

A category is something the notes name and describe as one of a kind: a glossary entry
("Rechtstreekse herhaalaankoop: een routinematige nabestelling …") or a named item in a sentence
("marktpenetratie (meer verkopen van bestaande producten aan bestaande markten)"). A situation is
matched against each category's description and the sentences that use its name; the words of the
question's tail ("welke koopsituatie", "welk principe van Cialdini") say where to look, and a score
in the situation ("een 8") must fall in the category's range ("een 7 of 8", "0 tot en met 6").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from index.passages import Sentence
from index.text import fold
from tutor.compose import Composer, Composition, tokens_of
from tutor.intent import CLASSIFY_TAIL, KIND
from tutor.lists import is_item_head

# A named item with its description in brackets: "marktpenetratie (meer verkopen van …)".
BRACKETED = re.compile(
    r"(?:^|[,:;]\s+|\ben\s+|\bof\s+)([A-Za-zÀ-ÿ][\w'-]*(?: [a-zà-ÿ][\w'-]*)?) \(([^()]{12,})\)"
)
# Sentences that open alike and each name one of a kind: "Bij een afbouwstrategie (beëindigen) stop je …".
PARALLEL = re.compile(r"^(bij een|bij de|een|de|het)\s+([a-zà-ÿ][\w-]{4,})\b", re.IGNORECASE)
RANGE = re.compile(r"\b(\d{1,2}) (?:tot en met|t/m|tot|-|–) (\d{1,2})\b")
NUMBER = re.compile(r"(?<![\d,.])(\d{1,2})(?![\d,.%])")
ALIAS = re.compile(r"(?:ook wel|ook|oftewel|of|ofwel|afgekort|kortweg|in het \w+)\b", re.I)
NOT_NAMES = {"de", "het", "een", "die", "dat", "bijvoorbeeld", "zoals", "ook", "wel", "zelfs", "soms", "vaak"}

SECTION_WEIGHT = 0.15  # the category's section is among the retrieved ones
TAIL_WEIGHT = 0.3  # the question's tail ("welke koopsituatie") is about the category's section
NUMBER_WEIGHT = 0.6  # a score in the situation falls in the category's range
MEMBER_WEIGHT = 0.15  # one of a listed kind rather than a lone concept
MIN_SCORE = 0.35  # below this no category is named


@dataclass(frozen=True)
class Category:
    """A named, described category of the course."""

    name: str
    section_id: str
    description: str
    sentence_ids: tuple[int, ...]
    tokens: frozenset[str]  # of the name, the description and the sentences that use it
    own: frozenset[str]  # of the name, the description and sentences that open with the name
    numbers: frozenset[int]
    member: bool  # one of a kind the notes list together (a model's members, an inline list)


@dataclass(frozen=True)
class Match:
    """The best category for a situation and how well it fits."""

    category: Category
    score: float


def numbers_in(text: str) -> set[int]:
    """Scores a text mentions, ranges expanded ("0 tot en met 6" → 0..6)."""
    out: set[int] = set()
    for m in RANGE.finditer(text):
        lo, hi = int(m[1]), int(m[2])
        if 0 <= lo < hi <= 10:
            out.update(range(lo, hi + 1))
    out.update(int(n) for n in NUMBER.findall(RANGE.sub(" ", text)) if int(n) <= 10)
    return out


def split_tail(question: str) -> tuple[str, str, bool]:
    """The situation and the kind of category asked for: "welke koopsituatie is dat" → "koopsituatie",
    "in welk kwadrant van Kraljic zit ik" → "kwadrant van Kraljic", "is dat een promotor" → "promotor"."""
    question = question.strip().rstrip("?!. ")
    m = CLASSIFY_TAIL.search(question)
    if m is None:
        return question, "", False
    situation = (question[: m.start()] + " " + question[m.end() :]).strip(" ,;?")
    kind = KIND.search(m.group())
    if kind is None:
        return situation, "", False
    asked = kind.group("kind") or kind.group("name") or kind.group("bare")
    return situation, asked, kind.group("name") is not None


class Classifier:
    """Finds the course category a described situation belongs to."""

    def __init__(self, composer: Composer) -> None:
        self.composer = composer
        self.categories = self._collect()
        self.section_tokens: dict[str, frozenset[str]] = {}
        for s in composer.sentences:
            self.section_tokens[s.section_id] = (
                self.section_tokens.get(s.section_id, frozenset()) | (composer.tokens[s.id])
            )

    def _collect(self) -> list[Category]:
        c = self.composer
        out: list[Category] = []
        seen: set[frozenset[str]] = set()
        for section in c.course.sections:
            names = [fold(g.term) for g in section.glossary]
            # An entry whose definition lists two other entries is the model, not a category; the
            # entries it lists are its members ("routine-, hefboom-, knelpunt- en strategische …").
            models = [
                fold(g.definition)
                for g in section.glossary
                if sum(n[:6] in fold(g.definition) for n in names if n != fold(g.term)) >= 2
            ]
            own = c.body(section.id)
            for g in section.glossary:
                if fold(g.definition) in models:
                    continue
                member = any(fold(g.term)[:6] in m for m in models)
                using = [s for s in own if self._uses(s, g.term)] or [
                    s for s in own if any(self._uses(s, n) for n in g.aliases)
                ]
                # The sentence that opens with the term describes it ("Promotors geven een 9 of 10 …").
                using.sort(key=lambda s: not (tokens_of(g.term) & tokens_of(" ".join(s.text.split()[:6]))))
                using = using[:2]
                if using and tokens_of(g.term) & tokens_of(" ".join(using[0].text.split()[:4])):
                    # The item goes on after its opening ("Schaarste: … . 'Aanbieding geldt tot …'").
                    para = c.paragraph(using[0])
                    for nxt in para[using[0].pos + 1 : using[0].pos + 3]:
                        if is_item_head(nxt) or nxt in using:
                            break
                        using.append(nxt)
                out.append(self._category(g.term, section.id, g.definition, using, member))
                seen.update(frozenset(tokens_of(n)) for n in g.names)
        for s in (s for section in c.course.sections for s in c.body(section.id)):
            items = list(BRACKETED.finditer(s.text))
            for m in items:
                name, description = m[1], m[2]
                key = frozenset(tokens_of(name))
                if (
                    name.lower() in NOT_NAMES
                    or key in seen
                    or len(description.split()) < 3
                    or ALIAS.match(description)
                ):
                    continue
                seen.add(key)
                out.append(self._category(name, s.section_id, description, [s], len(items) >= 2))
        for section in c.course.sections:
            by_para: dict[tuple[int, str], list[tuple[str, Sentence]]] = {}
            for sentence in c.body(section.id):
                opening = PARALLEL.match(sentence.text)
                if opening:
                    key_ = (sentence.para, opening[1].lower())
                    by_para.setdefault(key_, []).append((opening[2], sentence))
            for run in by_para.values():
                if len(run) < 3:
                    continue
                for name, sentence in run:
                    key = frozenset(tokens_of(name))
                    if name.lower() in NOT_NAMES or key in seen:
                        continue
                    seen.add(key)
                    bracket = re.match(rf".{{0,12}}{re.escape(name)}\s*\(([^()]{{3,60}})\)", sentence.text)
                    description = bracket[1] if bracket else sentence.text
                    out.append(self._category(name, sentence.section_id, description, [sentence], True))
        return out

    def _uses(self, s: Sentence, name: str) -> bool:
        """Whether ``s`` uses ``name`` word for word (short names: by their tokens)."""
        plural = self._plural(name)
        if plural is None:
            return self.composer.names(s, name)
        return plural.search(self.composer.folded[s.id]) is not None or (
            len(name.split()) == 1 and self.composer.names(s, name)
        )

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - one classifier per course, kept for its life
    def _plural(self, name: str) -> re.Pattern[str] | None:
        """``name`` as literal words, a plural ending allowed ("Passives", "Knelpuntproducten")."""
        pattern = self.composer.phrase_pattern(name)
        return None if pattern is None else re.compile(pattern.pattern[:-2] + r"(?:s|en|'s)?\b")

    def _category(
        self, name: str, section_id: str, description: str, using: list[Sentence], member: bool
    ) -> Category:
        text = " ".join([name, description, *(s.text for s in using)])
        own = " ".join([description, *(s.text for s in using)])
        # A sentence that opens with the name is about this category alone ("Passives geven een 7 …").
        name_tokens = tokens_of(name)
        opening = [s.text for s in using if name_tokens & tokens_of(" ".join(s.text.split()[:4]))]
        return Category(
            name=name[:1].upper() + name[1:],
            section_id=section_id,
            description=description,
            sentence_ids=tuple(s.id for s in using),
            tokens=frozenset(tokens_of(text)),
            own=frozenset(tokens_of(" ".join([name, description, *opening]))),
            numbers=frozenset(numbers_in(own)),
            member=member,
        )

    def classify(self, question: str, qvec: np.ndarray | None, sections: list[str]) -> Match | None:
        """The category that fits the situation in ``question`` best, if one fits well enough.

        ``sections``: the retrieved sections, best first.
        """
        situation, tail, named = split_tail(question)
        c = self.composer
        if named and not any(tokens_of(tail) & tokens_of(k.name) for k in self.categories):
            return None  # "is dat een probleem?" asks for a judgement, not a category
        q = tokens_of(situation)
        total = sum(c.idf.get(t, c.unknown_idf) for t in q) or 1.0
        tail_tokens = tokens_of(tail)
        tail_total = sum(c.idf.get(t, c.unknown_idf) for t in tail_tokens)
        asked = numbers_in(situation)

        tail_fit = {
            sid: (c._overlap(tail_tokens, toks) / tail_total if tail_total else 0.0)
            for sid, toks in self.section_tokens.items()
        }
        # The kind words point at sections only when few sections use them ("kwadrant", not "klant").
        if sum(fit >= 0.5 for fit in tail_fit.values()) > 3:
            tail_fit = {}
        pool = self.categories
        if not pool:
            return None
        # The category's own words (name and description) tell it from its siblings; the sentences
        # that use it add context they often share.
        lex = np.array([(0.7 * c._overlap(q, k.own) + 0.3 * c._overlap(q, k.tokens)) / total for k in pool])
        sims = np.zeros(len(pool))
        if qvec is not None:
            for i, k in enumerate(pool):
                if k.sentence_ids:
                    sims[i] = float(np.max(c.vectors[list(k.sentence_ids)] @ qvec))
            spread = float(sims.std())
            sims = (sims - sims.mean()) / spread if spread > 1e-9 else sims * 0
        score = (
            lex
            + 0.25 * sims
            + np.array([SECTION_WEIGHT * (k.section_id in sections[:3]) for k in pool])
            + np.array([TAIL_WEIGHT * tail_fit.get(k.section_id, 0.0) for k in pool])
            + np.array([NUMBER_WEIGHT * bool(asked and asked <= k.numbers) for k in pool])
            + np.array([MEMBER_WEIGHT * k.member for k in pool])
        )
        best = int(np.argmax(score))
        if float(score[best]) < MIN_SCORE:
            return None
        return Match(pool[best], float(score[best]))

    def compose(self, match: Match) -> Composition:
        """The category's name and description, then the notes' sentence that describes it."""
        c = self.composer
        k = match.category
        headline = f"{k.name}: {k.description}"
        context = ""
        if k.sentence_ids:
            s = c.sentences[k.sentence_ids[0]]
            context = c.text(c.with_antecedent(s))
        return Composition(headline, context=context, sections=[k.section_id], title=k.name)


def situation_phrase(composer: Composer, question: str) -> tuple[str, str] | None:
    """A phrase of the situation the notes use word for word in one section ("geen interesse",
    "zonder afspraak"), with that section: scenarios are often answered where their words occur.

    The longest such phrase of two to five words wins; it must hold two words of four letters or
    more, at least one of them a content word, and occur in exactly one section.
    """
    words = re.findall(r"[a-z0-9']+", fold(split_tail(question)[0]))
    best: tuple[float, str, str] | None = None
    for n in (5, 4, 3, 2):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if sum(len(w) >= 4 for w in gram) < 2 or not tokens_of(" ".join(gram)):
                continue
            phrase = " ".join(gram)
            sections = composer.phrase_sections(phrase)
            if len(sections) != 1:
                continue
            weight = n + sum(composer.idf.get(t, 0.0) for t in tokens_of(phrase)) / 10
            if best is None or weight > best[0]:
                best = (weight, sections[0], phrase)
        if best is not None:
            break
    return (best[1], best[2]) if best else None
