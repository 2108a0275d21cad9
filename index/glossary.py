"""Glossary fast path: 'wat is X?' answered straight from the glossary, typos forgiven."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from index.text import common_prefix, fold, without_apostrophe_ending
from knowledge.model import GlossaryEntry

# Phrasings of a definitional question; group 'term' is what is asked about.
DEFINITION_PATTERNS = [
    re.compile(p)
    for p in (
        r"^(?:wat|wie) (?:is|zijn|was|waren) (?:een |de |het )?(?P<term>.+)$",
        r"^wat (?:betekent|betekend|beteken|betekenen|houdt|is de betekenis van|bedoelen ze met|bedoel je met"
        r"|wordt bedoeld met|bedoelt men met|bedoelen we met) (?:een |de |het )?(?P<term>.+?)(?: in)?$",
        r"^wat (?:versta je|verstaan we|wordt verstaan) onder (?:een |de |het )?(?P<term>.+)$",
        r"^(?:leg (?:eens |me )?uit|uitleg|definitie|definieer|omschrijf|verklaar|betekenis)"
        r"(?: van)?:? (?:een |de |het )?(?P<term>.+)$",
        r"^(?:kun je|kan je|kunt u) (?:me |mij )?(?:uitleggen wat|vertellen wat) (?:een |de |het )?"
        r"(?P<term>.+?) (?:is|zijn|betekent)$",
        r"^(?P<term>[\w\s/&()-]{2,40}) (?:betekenis|betekent|betekend|means|meaning)$",
        r"^waar staat (?:de afkorting )?(?P<term>.+?) voor$",
        r"^wat doet (?:een |de |het )?(?P<term>.+)$",
        r"^(?:what is|what's|whats|what are|define|meaning of) (?:a |an |the )?(?P<term>.+)$",
        r"^what does (?:a |an |the )?(?P<term>.+?) (?:mean|stand for)$",
        # "nps, wat meet het precies", "lead als begrip, wat is dat": the term first, then the question.
        r"^(?P<term>(?!(?:ik|je|jij|we|wij|mijn|onze|ons|hij|zij|ze|u|een|de|het)\b)[\w/&()'-]+"
        r"(?: [\w/&()'-]+){0,5}?),? wat (?:is|zijn|betekent|betekenen|meet|meten|houdt|inhoudt) "
        r"(?:dat|dit|het|die|ze)(?: (?:eigenlijk|precies|nou|dan|in|nu))*$",
    )
]
FILLER = re.compile(r"\b(?:eigenlijk|precies|nou|nu|dan|ook alweer|alweer|toch|ook|nog)\b")
# "een ambassadeur als klant", "een lead in sales": the field the term belongs to, no part of it.
# "koopintentieonderzoek omschrijving", "b2r definitie": what is asked of the term, no part of it.
ASKED_OF = re.compile(r"(?<=\w) (?:omschrijving|beschrijving|definitie|defenitie|betekenis|uitleg|begrip)$")
# "lead als begrip in online marketing": the term, then what it is called and where.
AS_A_TERM = re.compile(r"(?<=\w) als (?:begrip|term|woord)\b.*$")
FIELD = re.compile(
    r"(?<=\w) (?:als|in|bij|binnen) (?:de |het |een )?(?:klant|klanten|verkoper|verkoop|sales|marketing)$"
)


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary entry and how well the asked term matched one of its names."""

    entry: GlossaryEntry
    name: str
    score: float


def glossary_key(text: str) -> str:
    """Folded, punctuation-free form used to compare terms: 'Kraljic-matrix?' → 'kraljic matrix'."""
    return _clean(re.sub(r"[^\w\s\-]", " ", text))


def _clean(text: str) -> str:
    t = fold(text).strip()
    t = re.sub(r"[?!.]+$", "", t).strip()
    t = re.sub(r"[\s\-‐–]+", " ", t)
    return t


def asked_term(question: str) -> str | None:
    """The term a definitional question asks about, or the whole question if it is just 'X?'."""
    q = _clean(question)
    if not q:
        return None
    for pattern in DEFINITION_PATTERNS:
        m = pattern.match(q)
        if m:
            term = re.sub(r"\s+", " ", FILLER.sub(" ", m["term"])).strip(" ,'\"")
            term = AS_A_TERM.sub("", term)
            return ASKED_OF.sub("", FIELD.sub("", re.sub(r"^(?:een|de|het) ", "", term))) or None
    # A bare 'NPS?' or 'kraljic matrix' is a definitional question too.
    if len(q.split()) <= 3:
        return ASKED_OF.sub("", q)
    return None


def _variants(term: str) -> list[str]:
    """The term and its singular: "kpi's" and "kpis" → "kpi", "promotors" → "promotor", "oem'er" → "oem"."""
    out = [term]
    bare = without_apostrophe_ending(term)
    if bare != term:
        out.append(bare)
    elif term.endswith("s") and len(term) >= 4:
        out.append(term[:-1])
    elif term.endswith("heden"):
        out.append(term[:-5] + "heid")  # bevoegdheden → bevoegdheid
    return out


def _negated(asked: str, name: str) -> bool:
    """Whether ``asked`` is ``name`` with a word negated by a prefix ("decentrale" ↔ "centrale",
    "ongedifferentieerd" ↔ "gedifferentieerd")."""
    a, n = asked.split(), name.split()
    prefixes = ("de", "on", "non", "niet-", "a")
    if len(a) != len(n):
        return False
    return any(x != y and x.endswith(y) and x.removesuffix(y) in prefixes for x, y in zip(a, n, strict=True))


def _shares_stem(a: str, b: str) -> bool:
    """Whether two single words start alike for six letters and most of the shorter one."""
    if " " in b or min(len(a), len(b)) < 7:
        return False
    n = common_prefix(a, b)
    return n >= 6 and n >= 0.75 * min(len(a), len(b)) and abs(len(a) - len(b)) <= 2


class GlossaryMatcher:
    """Fuzzy lookup of a term among all glossary names (terms, abbreviations, synonyms)."""

    def __init__(self, entries: list[GlossaryEntry]) -> None:
        self._names: list[str] = []
        self._entries: list[GlossaryEntry] = []
        for e in entries:
            for name in e.names:
                self._names.append(_clean(name))
                self._entries.append(e)
        self._exact = {n: i for i, n in reversed(list(enumerate(self._names)))}
        # "vlinderdas model" → "vlinderdasmodel", "crossselling", "cross sell", "upsell": a name
        # joined, without hyphens, or its English verb.
        self._bare = {re.sub(r"[\s-]", "", n): i for i, n in reversed(list(enumerate(self._names)))}
        self._by_six: dict[str, list[int]] = {}  # one-word names by their first six letters
        for i, n in enumerate(self._names):
            if " " not in n and len(n) >= 7:
                self._by_six.setdefault(n[:6], []).append(i)
        self._heads: dict[str, list[int]] = {}  # "churn" → "churn rate" (all but the last word)
        self._tails: dict[str, int] = {}  # "acquisitie" → "koude acquisitie" (the first such name)
        for i, n in enumerate(self._names):
            if " " in n:
                head, tail = n.rsplit(" ", 1)
                self._heads.setdefault(head, []).append(i)
                self._tails.setdefault(tail, i)

    def lookup(self, term: str) -> GlossaryHit | None:
        """Best entry for ``term`` (score 0–100) or None when the glossary is empty.

        Plurals and apostrophes ("KPI's", "kpis"), split or joined compounds ("vlinderdas model")
        and a term that starts a longer name ("churn" → "Churn rate") are matched too.
        """
        if not self._names:
            return None
        t = _clean(term)
        hits = [h for h in (self._lookup(v) for v in _variants(t)) if h is not None]
        bare = re.sub(r"[\s-]", "", t)
        long_enough = len(t.replace(" ", "")) >= 6  # as it was for a name joined ("pre-kam")
        for form, score, fits in ((bare, 100.0, long_enough), (bare + "ing", 95.0, len(bare) >= 6)):
            if fits and form in self._bare:
                i = self._bare[form]
                hits.append(GlossaryHit(self._entries[i], self._names[i], score))
        if len(t) >= 4:
            hits += [GlossaryHit(self._entries[i], self._names[i], 90.0) for i in self._heads.get(t, ())]
        best = max((h.score for h in hits), default=0.0)
        rest, _, kind = t.rpartition(" ")
        if best < 100.0 and rest and len(kind) >= 4:
            # "oem klant": the term and its kind, when the entry's definition says it is one ("OEM:
            # klant die het gekochte product …").
            i = self._exact.get(rest, -1)
            if i >= 0 and _clean(self._entries[i].definition).startswith(kind[:5]):
                hits.append(GlossaryHit(self._entries[i], self._names[i], 99.0))
        if len(t) >= 6 and t in self._tails and 85.0 <= best < 100.0:
            # The word as the glossary writes it, ending a name, beats a look-alike ("acquisiteur").
            i = self._tails[t]
            hits.append(GlossaryHit(self._entries[i], self._names[i], 89.0))
        return max(hits, key=lambda h: h.score, default=None)

    def negated(self, term: str) -> GlossaryEntry | None:
        """The entry ``term`` is the opposite of ("decentrale inkoop" → Centrale inkoop), if any."""
        t = _clean(term)
        return next((self._entries[i] for i, n in enumerate(self._names) if _negated(t, n)), None)

    def _lookup(self, t: str) -> GlossaryHit | None:
        # Short terms are abbreviations: demand an exact hit, 'ncs' must not become 'nps'.
        scorer = fuzz.ratio if len(t) <= 4 else fuzz.token_sort_ratio
        found = process.extractOne(t, self._names, scorer=scorer)
        if found is None:
            return None
        name, score, idx = found
        if len(t) <= 4 and name != t:
            score = min(score, 60.0)
        elif _negated(t, name):
            score = min(score, 60.0)  # "decentrale inkoop" is the opposite of "centrale inkoop"
        elif score < 88 and " " not in t:
            # "hitratio" for "hitrate": one word that keeps a name's first six letters and most of it.
            near = [i for i in self._by_six.get(t[:6], ()) if _shares_stem(t, self._names[i])]
            if len(near) == 1:
                return GlossaryHit(self._entries[near[0]], self._names[near[0]], 88.0)
        return GlossaryHit(self._entries[idx], name, float(score))
