"""The course's categories: what the notes name and describe as one of a kind.

A category is a glossary entry ("Rechtstreekse herhaalaankoop: een routinematige nabestelling …"), a
named item in a sentence ("marktpenetratie (meer verkopen van bestaande producten aan bestaande
markten)") or one of a run of sentences that open alike ("Bij een afbouwstrategie (beëindigen) …").
Each keeps its own words (name, description, the sentences that open with it or go on with its
item, what the section's example says of it) apart from the words of sentences that merely use it,
its graded words ("lage impact, hoog risico") and the scores it covers ("een 7 of 8").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.passages import Sentence
from index.text import bm25_tokens, fold
from tutor.compose import Composer, tokens_of
from tutor.grades import GRADES, graded_pairs
from tutor.intent import COUNTS
from tutor.lists import is_item_head

# A named item with its description in brackets: "marktpenetratie (meer verkopen van …)".
BRACKETED = re.compile(
    r"(?:^|[,:;]\s+|\ben\s+|\bof\s+)([A-Za-zÀ-ÿ][\w'-]*(?: [a-zà-ÿ][\w'-]*)?) \(([^()]{12,})\)"
)
# Sentences that open alike and each name one of a kind: "Bij een afbouwstrategie (beëindigen) stop je …".
PARALLEL = re.compile(r"^(bij een|bij de|een|de|het)\s+([a-zà-ÿ][\w-]{4,})\b", re.IGNORECASE)
# "De groep mensen die … heet de DMU": the sentence names something else than its opening.
NAMES_ANOTHER = re.compile(r"\b(?:heet|heten|noemen we|noemt men)\b", re.I)
# "Hij is adviseur: hij kent de business …", "En hij is manager van zijn accounts: …".
ROLE = re.compile(
    r"^(?:en )?(?:hij|zij|ze) is (?:ook )?(?:een |de )?([\w-]+(?: of [\w-]+)?)[^:]{0,30}: (.{12,})$", re.I
)
# A sentence that opens with an adjective and a noun: "Financiële binding werkt met kortingen …".
KIN = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ]+e) ([a-zà-ÿ]{4,})\b")
# "Soms wordt ook de initiator genoemd: degene die de behoefte als eerste signaleert.": one more named.
ALSO_NAMED = re.compile(
    r"\b(?:wordt|worden) (?:ook |soms |vaak |nog )*(?:de |het |een )?([a-zà-ÿ][\w-]{3,}) genoemd:\s+(.{10,})$"
)
RANGE = re.compile(r"\b(\d{1,2}) (?:tot en met|t/m|tot|-|–) (\d{1,2})\b")
NUMBER = re.compile(r"(?<![\w,.])(\d{1,2})(?![\w,.%])")  # not the 2 of "B2B"
ALIAS = re.compile(r"(?:ook wel|ook|oftewel|of|ofwel|afgekort|kortweg|in het \w+)\b", re.I)
# An example names the category it shows in brackets: "… de goedkoopste offerte kiezen (transactieklanten)".
EXAMPLE_NAMED = re.compile(r"([^,:;()]{12,}?)\s*\(([^()]{3,40})\)")
# "… de secretaresse van de inkoopmanager is poortwachter", "Verpleegkundigen zijn gebruikers".
EXAMPLE_IS = re.compile(r"^(.{6,}?)\s+(?:is|zijn)\s+(?:de |het |een )?([\w'-]+)$", re.I)
LEADING = re.compile(r"^(?:de|het|een|je|ook|zelfs|aan|of|en)\s+(?=\S)", re.I)  # "Ook scenario-analyse"
ITEM_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")  # "6. Schaarste: …"
NOT_NAMES = {"de", "het", "een", "die", "dat", "bijvoorbeeld", "zoals", "ook", "wel", "zelfs", "soms", "vaak"}


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
    pairs: frozenset[tuple[str, str]] = frozenset()  # graded words: ("low", "impact"), ("high", "prijs")
    model: str = ""  # the names of the model it is a member of, folded


# A score someone gives: "een 7 of 8", "geeft een 6", "cijfer 9" (not "de 4 kwadranten").
SCORE = re.compile(
    r"\b(?:een|cijfer|score|scoort|scoorde|geeft|geven|gaf|gegeven)\s+(\d{1,2})(?!\d)"
    r"(?:\s*(?:of|tot|t/m|en|-)\s*(\d{1,2})(?!\d))?"
    # not "een 4 kwadranten" (a plural noun follows), but "een 10 en raadt ons aan" ("en" is no noun)
    r"(?!\s*(?:%|procent|(?!geven|gegeven|gaven|scoren|hebben|en\b|als\b)\w*(?:en|s)\b))"
)


# "scoort ons met een negen": a score in words.
SCORE_WORDS = {w: i for w, i in COUNTS.items() if w != "een"}  # "een" is mostly the article
_SCORE_WORD = re.compile(
    rf"\b(een|cijfer|score|scoort|scoorde|geeft|geven|gaf|gegeven)\s+({'|'.join(SCORE_WORDS)})\b"
)


def scores_in(text: str) -> set[int]:
    """The scores (0–10) ``text`` says someone gives."""
    text = _SCORE_WORD.sub(lambda m: f"{m[1]} {SCORE_WORDS[m[2]]}", text)
    return {int(n) for m in SCORE.finditer(text) for n in m.groups() if n is not None and int(n) <= 10}


def numbers_in(text: str) -> set[int]:
    """Scores a text mentions, ranges expanded ("0 tot en met 6" → 0..6)."""
    out: set[int] = set()
    for m in RANGE.finditer(text):
        lo, hi = int(m[1]), int(m[2])
        if 0 <= lo < hi <= 10:
            out.update(range(lo, hi + 1))
    out.update(int(n) for n in NUMBER.findall(RANGE.sub(" ", text)) if int(n) <= 10)
    return out


def same_name(found: str, name: str) -> bool:
    """Whether ``found`` is ``name``, in the singular or the plural ("transactieklanten")."""
    a, b = (re.sub(r"(?:'s|s|en)$", "", fold(x).strip()) for x in (found, name))
    # "poortwachter dmu" is the poortwachter; "voordeelmakers" is no kind of voordeel.
    longer = len(b) >= 6 and a.startswith(b) and not a[len(b) : len(b) + 1].isalpha()
    return len(a) >= 3 and (a == b or longer or (len(a) >= 6 and b.startswith(a)))


# Words that report speech carry nothing of the situation: "de verkoper zegt 'nog maar 2 plekken …'".
SAYING = frozenset(tokens_of("zegt zeg zei zeggen vertelt vertel antwoordt roept"))
# Nor do the words that ask: "hoeveel klanten blijven er …" is not about "hoeveel de verkoop afwijkt".
ASKING = frozenset(tokens_of("hoeveel hoeveelste"))


def words_of(text: str) -> set[str]:
    """Content tokens without bare numbers (a score is matched by its range), grade words ("weinig",
    "hoge": graded pairs weigh those, with the word they qualify) or words that report speech. A
    grade word goes as written: "kortingen" stems like "korte" but is no grade."""
    kept = " ".join(w for w in re.findall(r"[\w'-]+", fold(text)) if w not in GRADES)
    return {t for t in tokens_of(kept) if not t.isdigit() and t not in SAYING and t not in ASKING}


def genus(description: str) -> str:
    """The first content word of a definition, what kind of thing it is: "verkoper die …" → "verkop"."""
    first = bm25_tokens(ITEM_NUMBER.sub("", description)[:60])
    return first[0] if first else ""


def own_clauses(text: str, name: str, siblings: Sequence[str]) -> str:
    """The clauses of ``text`` about ``name`` when it speaks of several siblings in turn: "De
    gebruiker wil gebruiksgemak, de inkoper een goede prijs, …" → "De gebruiker wil gebruiksgemak"."""
    folded = fold(text)
    if sum(sib in folded for sib in siblings) < 2:
        return text
    return clauses_naming(text, name) or text


def clauses_naming(text: str, name: str) -> str:
    """The clauses of ``text`` that name ``name``: "Voor sales betekent marktpenetratie … bij huidige
    klanten, terwijl marktontwikkeling …" → its first clause."""
    mine = fold(name)[:6]
    return " ".join(part for part in re.split(r"[,;:]\s+", text) if mine in fold(part))


class CategoryCollector:
    """Collects the categories of one course from its composer's sentences."""

    def __init__(self, composer: Composer) -> None:
        self.composer = composer

    def collect(self) -> list[Category]:
        """Every category of the course, glossary entries first."""
        c = self.composer
        out: list[Category] = []
        seen: set[tuple[str, frozenset[str]]] = set()  # (section, name tokens)
        for section in c.course.sections:
            names = [fold(g.term) for g in section.glossary]
            # An entry whose definition lists two other entries is the model, not a category; the
            # entries it lists are its members ("routine-, hefboom-, knelpunt- en strategische …").
            model_entries = [
                g
                for g in section.glossary
                # (an abbreviation like "DMU" in "DMU-lid" names no member)
                if sum(len(n) >= 5 and n[:6] in fold(g.definition) for n in names if n != fold(g.term)) >= 2
            ]
            models = [fold(g.definition) for g in model_entries]
            own = c.body(section.id)
            for g in section.glossary:
                if fold(g.definition) in models:
                    continue
                member = any(fold(g.term)[:6] in m for m in models)
                # The names of the model it belongs to ("Beïnvloedingsprincipes van Cialdini").
                kind = " ".join(
                    fold(n) for e in model_entries if fold(g.term)[:6] in fold(e.definition) for n in e.names
                )
                using = [s for s in own if self._uses(s, g.term)] or [
                    s for s in own if any(self._uses(s, n) for n in g.aliases)
                ]
                # The sentence that opens with the term describes it ("Promotors geven een 9 of 10 …").
                using.sort(key=lambda s: not (tokens_of(g.term) & tokens_of(" ".join(s.text.split()[:6]))))
                using = using[:2]
                going_on: list[Sentence] = []
                others = [n[:6] for n in names if n != fold(g.term)]
                if using and tokens_of(g.term) & tokens_of(" ".join(using[0].text.split()[:4])):
                    # The item goes on after its opening ("Schaarste: … . 'Aanbieding geldt tot …'").
                    para = c.paragraph(using[0])
                    for nxt in para[using[0].pos + 1 : using[0].pos + 3]:
                        opening_words = fold(" ".join(nxt.text.split()[:3]))
                        if is_item_head(nxt) or nxt in using or any(o in opening_words for o in others):
                            break  # the next item ("Partnerschapsklanten zoeken …") starts
                        going_on.append(nxt)
                using += going_on
                found = self._category(g.term, section.id, g.definition, using, member, going_on, others)
                out.append(replace(found, model=kind))
                seen.update((section.id, frozenset(tokens_of(n))) for n in g.names)
        for s in (s for section in c.course.sections for s in c.body(section.id)):
            items = list(BRACKETED.finditer(s.text))
            for m in items:
                name, description = LEADING.sub("", m[1]) or m[1], m[2]
                key = (s.section_id, frozenset(tokens_of(name)))
                if (
                    name.lower() in NOT_NAMES
                    or key in seen  # a glossary entry already ("Routineproducten (lage impact, …)")
                    or self._tail_of_term(name, s)  # "(share of) wallet"
                    or len(description.split()) < 3
                    or ALIAS.match(description)
                ):
                    continue
                seen.add(key)
                # A later sentence that uses the name says more of it ("Voor sales betekent
                # marktpenetratie … meer omzet halen bij huidige klanten, terwijl …"): its own clause.
                later = [
                    replace(x, text=clause)
                    for x in c.body(s.section_id)
                    if x.id > s.id and self._uses(x, name) and (clause := clauses_naming(x.text, name))
                ][:1]
                out.append(self._category(name, s.section_id, description, [s, *later], len(items) >= 2))
        for section in c.course.sections:
            by_para: dict[tuple[int, str], list[tuple[str, Sentence]]] = {}
            for sentence in c.body(section.id):
                opening = PARALLEL.match(sentence.text)
                if opening and not NAMES_ANOTHER.search(sentence.text):
                    key_ = (sentence.para, opening[1].lower())
                    by_para.setdefault(key_, []).append((opening[2], sentence))
            for run in by_para.values():
                if len(run) < 3:
                    continue
                for name, sentence in run:
                    key = (section.id, frozenset(tokens_of(name)))
                    bracket = re.match(rf".{{0,12}}{re.escape(name)}\s*\(([^()]{{3,60}})\)", sentence.text)
                    # Only a named kind: "De poortwachter (gatekeeper) bepaalt …", not "De derde methode …".
                    if name.lower() in NOT_NAMES or key in seen or bracket is None:
                        continue
                    seen.add(key)
                    description = bracket[1] if len(bracket[1].split()) >= 2 else sentence.text
                    out.append(self._category(name, sentence.section_id, description, [sentence], True))
            # "Financiële binding werkt met …. Sociale binding ontstaat door …. Structurele binding …":
            # siblings of a glossary term that share its noun, each opening its own sentence.
            terms = {fold(g.term) for g in section.glossary}
            by_noun: dict[tuple[int, str], list[tuple[str, Sentence]]] = {}
            for sentence in c.body(section.id):
                if (kin := KIN.match(sentence.text)) is not None:
                    by_noun.setdefault((sentence.para, kin[2].lower()), []).append((kin[0], sentence))
            for kin_run in by_noun.values():
                if len(kin_run) < 2 or not any(fold(name) in terms for name, _ in kin_run):
                    continue
                for name, sentence in kin_run:
                    key = (section.id, frozenset(tokens_of(name)))
                    if key not in seen:
                        seen.add(key)
                        out.append(self._category(name, section.id, sentence.text, [sentence], True))
            for sentence in c.body(section.id):
                if (also := ALSO_NAMED.search(sentence.text)) is not None:
                    key = (section.id, frozenset(tokens_of(also[1])))
                    if key not in seen:
                        seen.add(key)
                        out.append(self._category(also[1], section.id, also[2], [sentence], True))
            # "Hij is adviseur: hij kent de business van de klant …", "Hij is verkoper: …": roles.
            roles = [(role, x) for x in c.body(section.id) if (role := ROLE.match(x.text)) is not None]
            if len(roles) >= 2:
                for role, sentence in roles:
                    key = (section.id, frozenset(tokens_of(role[1])))
                    if key not in seen:
                        seen.add(key)
                        out.append(self._category(role[1], section.id, role[2], [sentence], True))
        return [self._with_examples(k) for k in out]

    def _tail_of_term(self, name: str, s: Sentence) -> bool:
        """Whether ``name`` before its brackets is the end of a longer glossary term ("share of
        wallet (…)" is no category "wallet")."""
        text = fold(s.text)
        terms = (fold(n) for g in self.composer.course.section(s.section_id).glossary for n in g.names)
        return any(t != fold(name) and t.endswith(fold(name)) and f"{t} (" in text for t in terms)

    def _with_examples(self, k: Category) -> Category:
        """``k`` with what the section's example says of it: "kleine aannemers die per klus de
        goedkoopste offerte kiezen (transactieklanten)" or "de secretaresse van de inkoopmanager is
        poortwachter" describe a transactieklant and a poortwachter."""
        said = []
        for s in self.composer.example(k.section_id):
            said += [m[1] for m in EXAMPLE_NAMED.finditer(s.text) if same_name(m[2], k.name)]
            for clause in re.split(r"[,;]\s+|\s+en\s+", s.text.rstrip(".")):
                m = EXAMPLE_IS.match(clause)
                if m and same_name(m[2], k.name):
                    said.append(m[1])
        if not said:
            return k
        text = " ".join(said)
        return replace(
            k,
            own=k.own | words_of(text),
            tokens=k.tokens | words_of(text),
            pairs=k.pairs | graded_pairs(text),
        )

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
        self,
        name: str,
        section_id: str,
        description: str,
        using: list[Sentence],
        member: bool,
        going_on: Sequence[Sentence] = (),
        siblings: Sequence[str] = (),
    ) -> Category:
        texts = [own_clauses(ITEM_NUMBER.sub("", s.text), name, siblings) for s in using]
        text = " ".join([name, description, *texts])
        own = " ".join([description, *texts])
        # A sentence that opens with the name is about this category alone ("Passives geven een 7 …"),
        # and so are the sentences its item goes on with.
        name_tokens = tokens_of(name)
        opening = [
            t
            for s, t in zip(using, texts, strict=True)
            if name_tokens & tokens_of(" ".join(t.split()[:4])) or s in going_on
        ]
        # "… genereer je met inbound marketing: je maakt content …": what follows the name and its
        # colon describes it.
        after = [
            m[1] for t in texts if (m := re.search(rf"\b{re.escape(fold(name))}\w{{0,3}}:\s+(.+)$", fold(t)))
        ]
        own_text = " ".join([name, description, *opening, *after])
        return Category(
            name=name[:1].upper() + name[1:],
            section_id=section_id,
            description=description,
            sentence_ids=tuple(s.id for s in using),
            tokens=frozenset(words_of(text)),
            own=frozenset(words_of(own_text)),
            numbers=frozenset(numbers_in(own)),
            member=member,
            pairs=frozenset(graded_pairs(own_text)),
        )
