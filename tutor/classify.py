"""Which of the course's categories fits a situation ("…, welke koopsituatie is dat?").

A category is something the notes name and describe as one of a kind: a glossary entry
("Rechtstreekse herhaalaankoop: een routinematige nabestelling …") or a named item in a sentence
("marktpenetratie (meer verkopen van bestaande producten aan bestaande markten)"). A situation is
matched against each category's description and the sentences that use its name; the words of the
question's tail ("welke koopsituatie", "welk principe van Cialdini") say where to look, and a score
in the situation ("een 8") must fall in the category's range ("een 7 of 8", "0 tot en met 6").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from index.text import bm25_tokens, fold, irregular_nouns
from tutor.categories import Category, CategoryCollector, genus, same_name, scores_in, words_of
from tutor.compose import Composer, Composition, tokens_of
from tutor.cues import ADVICE, PERSON
from tutor.grades import as_growth, as_purchasing, grade_fit, graded_pairs
from tutor.intent import KIND, situation_and_tail
from tutor.verbs import how_to, joined_particles

SECTION_WEIGHT = 0.15  # the category's section is among the retrieved ones
SIMILARITY_WEIGHT = 0.1  # z-scored over all categories: the situation against the sentences that use one
TAIL_WEIGHT = 0.3  # the question's tail ("welke koopsituatie") is about the category's section
NUMBER_WEIGHT = 0.6  # a score in the situation falls in the category's range
_PERSON = bm25_tokens("persoon")
MEMBER_WEIGHT = 0.15  # one of a listed kind rather than a lone concept
GRADE_WEIGHT = 0.2  # per graded pair the situation shares with the category ("veel leveranciers")
KIND_WEIGHT = 0.15  # the category's name or genus is the kind asked ("welke strategie", "een verkoper die …")
NAMED_PENALTY = 0.3  # the situation names the category itself
QUOTE_WEIGHT = 0.3  # the situation quotes words the way the notes quote the category's example
MIN_SCORE = 0.35  # below this no category is named
# A situation clearly one category's (score, lead over the next, share of its words): advice from there.
ROUTE_SCORE, ROUTE_MARGIN, ROUTE_WORDS = 0.7, 0.1, 0.3
# A situation told without a question is named only when one category clearly fits (score, lead
# over the next) and it is one of a listed kind or shares many of the situation's own words.
TOLD_SCORE, TOLD_MARGIN, TOLD_WORDS = 0.7, 0.15, 0.5
# A description of something one does: "het benaderen van …", "een bestaande klant andere producten
# verkopen" (an infinitive at the end, no clause that would hold it).
ACTIVITY = re.compile(
    r"^het\s(?!\w+ste\b)|^(?:een|je)\s(?!.*\b(?:die|dat|waarin|waarbij|om)\b).*\w+en$", re.I
)


# A sentence that says what to do with one ("… bel je detractors na", "… nuttig om … te vinden").
DOING = re.compile(rf"{ADVICE.pattern}|\bnuttig\b", re.IGNORECASE)
# Quoted words: "nog maar twee plekken vrij", 'stuur maar wat informatie'.
QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{6,80})[\"“”‘’']")
NUMBER_WORD = re.compile(r"^(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend)$")


def quote_pairs(text: str) -> set[tuple[str, str]]:
    """The word pairs of the quotes in ``text``, every number alike ("nog maar drie" ~ "nog maar twee")."""
    pairs: set[tuple[str, str]] = set()
    for quote in QUOTED.findall(text):
        ws = ["#" if NUMBER_WORD.match(w) else w for w in re.findall(r"[a-z0-9]+", fold(quote))]
        pairs.update(pairwise(ws))
    return pairs


@dataclass(frozen=True)
class Match:
    """The best category for a situation and how well it fits."""

    category: Category
    score: float


def split_tail(question: str) -> tuple[str, str, bool]:
    """The situation and the kind of category asked for: "welke koopsituatie is dat" → "koopsituatie",
    "in welk kwadrant van Kraljic zit ik" → "kwadrant van Kraljic", "is dat een promotor" → "promotor"."""
    situation, m = situation_and_tail(question)
    if m is None:
        return situation, "", False
    kind = KIND.search(m.group())
    if kind is None:
        return situation, "", False
    groups = ("kind", "name", "bare", "first", "typed", "own", "where")
    asked = next((kind.group(g) for g in groups if kind.group(g)), "")
    if kind.group("own"):
        asked = kind.group()[kind.start("own") - kind.start() :].strip(" ,;?")  # "rol in de dmu"
    if kind.group("kind") and not situation.endswith(m.group()[kind.end() :].strip(" ,;?")):
        # "welke rol heeft zij in de dmu": the kind is a role of the DMU.
        rest = re.sub(r"^\s*(?:het|dat|dit|hij|ze|zij|ik|we|wij|je|die)\b", "", m.group()[kind.end() :])
        # "welke strategie pas je toe", "welke strategie hoort daarbij"
        rest = re.sub(r"\b(?:toe|in|op|aan|daarbij|hierbij|erbij|daar|hier)\s*$", "", rest.strip(" ,;?"))
        subject = re.sub(r"^(?:de|het|een|deze|die|mijn|onze)\s+", "", rest.strip(" ,;?"))
        if not (subject and fold(subject) in fold(situation)):  # "wat voor klant is de supermarkt"
            asked = f"{asked} {rest.strip(' ,;?')}".strip()
    # "welke vorm van binding": the kind is binding.
    asked = re.sub(r"^(?:vorm|soort|type|variant|manier|categorie)\s+(?:van\s+)?(?=\w{4,})", "", asked)
    return situation, asked, kind.group("name") is not None

# Words of degree, which say how much and not of what.
DEGREE = frozenset("veel weinig heel echt erg steeds altijd nooit vaak zelden".split())
# A question asked straight out, no situation told first.
DIRECT = re.compile(r"(?:wat|welke|hoe|waar\w*|wie|wanneer)\b")


class Classifier:
    """Finds the course category a described situation belongs to."""

    def __init__(self, composer: Composer) -> None:
        self.composer = composer
        self.categories = CategoryCollector(composer).collect()
        self.position = {id(k): i for i, k in enumerate(self.categories)}
        self.genera = {k.name: genus(k.description) for k in self.categories}
        self.name_tokens = {k.name: frozenset(tokens_of(k.name)) for k in self.categories}
        # "Nieuwe taak" → "nieuwetaak", to find a name inside the asked kind
        self.joined = {k.name: fold(k.name).replace(" ", "") for k in self.categories}
        self.quotes = {
            k.name: frozenset().union(*(quote_pairs(composer.sentences[i].text) for i in k.sentence_ids))
            for k in self.categories
        }
        self.section_tokens: dict[str, frozenset[str]] = {}
        for s in composer.sentences:
            self.section_tokens[s.section_id] = (
                self.section_tokens.get(s.section_id, frozenset()) | (composer.tokens[s.id])
            )

    def scored_section(self, q: str, near: list[str]) -> str | None:
        """The nearest section (of ``near``, best first) whose categories cover the scores the
        question gives, if one does."""
        asked = scores_in(q)
        if not asked:
            return None
        covering = {k.section_id for k in self.categories if asked <= k.numbers}
        return next((sid for sid in near if sid in covering), None)

    def score_group(self, q: str, section_id: str) -> Category | None:
        """The one category of ``section_id`` whose scores hold every score the question gives,
        unless the question names one of its groups itself."""
        asked = scores_in(q)
        own = [k for k in self.categories if k.section_id == section_id and k.numbers]
        if any(re.search(rf"\b{re.escape(fold(k.name))}", fold(q)) for k in own):
            return None  # "klopt het dat een promotor een 8 geeft": a group named is what is asked
        groups = [k for k in own if asked <= k.numbers]
        return groups[0] if len(groups) == 1 else None

    def classify(self, question: str, qvec: np.ndarray | None, sections: list[str]) -> Match | None:
        """The category that fits the situation in ``question`` best, if one fits well enough.

        ``sections``: the retrieved sections, best first.
        """
        ranked = self._ranked(question, qvec, sections)
        if ranked is None:
            return None
        pool, _, score = ranked
        best = int(np.argmax(score))
        if float(score[best]) < MIN_SCORE:
            return None
        return Match(pool[best], float(score[best]))

    def route(self, question: str, qvec: np.ndarray | None, sections: list[str]) -> Category | None:
        """The one category a situation clearly describes, for advice about it ("een
        klant koopt al jaren bij ons maar vraagt nu offertes bij anderen, wat nu?" → Koopsituaties)."""
        lead = self._leader(question, qvec, sections, ROUTE_SCORE, ROUTE_MARGIN)
        # The situation's own words must say it, not only its drift ("ik haal missie en visie door elkaar").
        if lead is None or lead[1] < ROUTE_WORDS:
            return None
        return lead[0].category

    def recognise(self, question: str, qvec: np.ndarray | None, sections: list[str]) -> Match | None:
        """The category a situation told without a question clearly is ("ik toon reviews van 200
        tevreden klanten" → Sociale bewijskracht), if one is."""
        lead = self._leader(question, qvec, sections, TOLD_SCORE, TOLD_MARGIN)
        if lead is None or (not lead[0].category.member and lead[1] < TOLD_WORDS):
            return None
        # "ik moet een prognose maken voor …": a situation that names the category itself asks
        # how to go about it, not what it is called.
        name = fold(lead[0].category.name).replace(" ", "")
        if any(len(w) >= 5 and name.endswith(w) for w in re.findall(r"[a-z]+", fold(question))):
            return None
        return lead[0]

    def _leader(
        self, question: str, qvec: np.ndarray | None, sections: list[str], score_min: float, lead_min: float
    ) -> tuple[Match, float] | None:
        """The best category when it scores at least ``score_min`` and leads the next by ``lead_min``:
        its match and the share of the situation's words it holds."""
        ranked = self._ranked(question, qvec, sections)
        if ranked is None or len(ranked[0]) < 2:
            return None
        pool, parts, score = ranked
        first, second = np.argsort(-score)[:2]
        if score[first] < score_min or score[first] - score[second] < lead_min:
            return None
        return Match(pool[int(first)], float(score[first])), float(parts["lexical"][first])

    def _ranked(
        self, question: str, qvec: np.ndarray | None, sections: list[str]
    ) -> tuple[list[Category], dict[str, np.ndarray], np.ndarray] | None:
        """The candidate categories, each part of their score, and the parts summed."""
        scored = self.scores(question, qvec, sections)
        if not scored:
            return None
        pool, parts = scored
        return pool, parts, np.sum(list(parts.values()), axis=0)

    def scores(
        self, question: str, qvec: np.ndarray | None, sections: list[str]
    ) -> tuple[list[Category], dict[str, np.ndarray]] | None:
        """The candidate categories and each part of their score (summed, they rank them)."""
        situation, tail, named = split_tail(question)
        c = self.composer
        if named and not any(tokens_of(tail) & self.name_tokens[k.name] for k in self.categories):
            return None  # "is dat een probleem?" asks for a judgement, not a category
        # "verkoopt … door": doorverkopen; "kost ons al jaren geld": a loss.
        q = words_of(f"{situation} {joined_particles(situation)} {irregular_nouns(situation)}")
        pairs = graded_pairs(situation)
        pairs |= as_purchasing(pairs)  # "kost weinig, overal te krijgen": low impact, low supply risk
        pairs |= as_growth(situation)  # "we verkopen zonnepanelen en willen nu ook naar duitsland"
        total = sum(c.idf.get(t, c.unknown_idf) for t in q) or 1.0
        tail_tokens = tokens_of(tail)
        tail_total = sum(c.idf.get(t, c.unknown_idf) for t in tail_tokens)
        asked = scores_in(situation)  # "een 8", not the 2 of "nog maar 2 plekken"
        quoted = quote_pairs(question)
        # As stems ("strategie") and as written ("binding", which stems to "bind").
        kinds = [t for t in bm25_tokens(tail) if len(t) >= 3] + re.findall(r"[a-z]{5,}", fold(tail))
        # The subject when the situation opens with one ("Een verkoper die …"), not a verb ("we verkopen").
        opens = re.match(r"^\s*(?:een|de|het|die|deze|dit)\s+(\w+)", situation, re.I)
        subject = bm25_tokens(opens[1]) if opens else []
        if re.match(r"^\s*(?:iemand|een persoon)\b", situation, re.I):
            subject = _PERSON  # "iemand heeft ons formulier ingevuld": a person who …
        # "ik bel een bedrijf zonder afspraak, hoe heet dat?": something one does, named as an
        # activity ("het benaderen van …"), not a person ("verkoper die …").
        # ("… en ik bied meteen een hoesje aan").
        doing = r"(?:^\s*|[,;.]\s*|\ben\s+)(?:ik|we|wij|je|jij)\s+\w+"
        activity = not tail and re.search(doing, situation, re.I) is not None

        tail_fit = {
            sid: (c._overlap(tail_tokens, toks) / tail_total if tail_total else 0.0)
            for sid, toks in self.section_tokens.items()
        }
        # The kind words point at sections only when few sections use them ("kwadrant", not "klant").
        pointed = {sid for sid, fit in tail_fit.items() if fit >= 0.5}
        if len(pointed) > 3:
            tail_fit, pointed = {}, set()
        # A kind only a few sections use ("kwadrant", "koopsituatie") limits the choice to them; a
        # category the tail names is the kind, not the answer ("welke targetingstrategie": no "Targeting").
        said = tokens_of(situation)
        asked_kind = fold(tail).replace(" ", "")
        pool = [
            k
            for k in (k for k in self.categories if k.section_id in pointed or not pointed)
            if named or self.joined[k.name] not in asked_kind  # "is dat een promotor?" names it
        ]
        if named and re.search(r"\s(?:of|or)\s", tail):
            # "is dat een hunter of farmer?": one of the options named.
            options = re.split(r"\s(?:of|or)\s(?:een\s)?", tail)
            pool = [k for k in pool if any(same_name(o.strip(), k.name) for o in options)] or pool
        if not pool:
            return None
        # The category's own words (name and description) tell it from its siblings; the sentences
        # that use it add context they often share.
        lex = np.array([(0.7 * c._overlap(q, k.own) + 0.3 * c._overlap(q, k.tokens)) / total for k in pool])
        sims = np.zeros(len(pool))
        if qvec is not None:
            # Standardised over all categories, so a small pool of siblings keeps the same scale.
            # A category no sentence uses by name has no similarity to weigh (0, not the lowest).
            every = np.array(
                [
                    float(np.max(c.vectors[list(k.sentence_ids)] @ qvec)) if k.sentence_ids else np.nan
                    for k in self.categories
                ]
            )
            spread = float(np.nanstd(every))
            if spread > 1e-9:
                z = (every[[self.position[id(k)] for k in pool]] - float(np.nanmean(every))) / spread
                sims = np.nan_to_num(z, nan=0.0)
        return pool, {
            "lexical": lex,
            "embedding": SIMILARITY_WEIGHT * sims,
            "section": np.array([SECTION_WEIGHT * (k.section_id in sections[:3]) for k in pool]),
            "tail": np.array([TAIL_WEIGHT * tail_fit.get(k.section_id, 0.0) for k in pool]),
            "number": np.array([NUMBER_WEIGHT * bool(asked and asked <= k.numbers) for k in pool]),
            "member": np.array([MEMBER_WEIGHT * k.member for k in pool]),
            "grade": np.array([GRADE_WEIGHT * grade_fit(pairs, k.pairs) for k in pool], dtype=float),
            "quote": QUOTE_WEIGHT * np.array([len(quoted & self.quotes[k.name]) >= 2 for k in pool], float),
            "kind": KIND_WEIGHT * np.array([self._is_kind(k, kinds, subject, activity) for k in pool], float),
            # Usually what is described, not the answer ("… veel groeipotentieel" is no "Groeipotentieel"),
            # though the answer may be in the question ("de inkoper regelt …, welke rol?").
            "named": -NAMED_PENALTY * np.array([self.name_tokens[k.name] <= said for k in pool], dtype=float),
        }

    def _is_kind(self, k: Category, kinds: list[str], subject: list[str], activity: bool) -> bool:
        """Whether ``k`` is of the kind asked: its name ends in the tail's word ("welke strategie" →
        "Investeringsstrategie"), its model's name holds it ("welk principe" → Cialdini's), or its
        definition's genus is the tail's or the situation's subject ("wat voor klant" → "klant die
        …", "Een verkoper die …" → "verkoper die …")."""
        name = self.joined[k.name]
        if any(len(t) >= 4 and name.endswith(t) and name != t for t in kinds):
            return True
        if any(t in w[-(len(t) + 3) :] for t in kinds for w in k.model.split()):
            return True  # "welk principe" → a member of "Beïnvloedingsprincipes van Cialdini"
        if activity:
            return ACTIVITY.search(k.description.strip(" .")) is not None
        g = self.genera[k.name]
        if subject == _PERSON and g and (PERSON.search(g) or g.endswith("lid")):
            return True  # "iemand die nieuwe klanten zoekt" → "verkoper die …", a person
        # "welke rol in de dmu" → "DMU-lid dat …"
        return bool(g) and (g in kinds or g in subject or any(g.startswith(f"{t}-") for t in kinds))

    def named(self, name: str) -> Category | None:
        """The category called ``name`` (singular or plural), if the notes describe one."""
        return next((k for k in self.categories if same_name(name, k.name)), None)

    def compose(self, match: Match, todo: bool = False) -> Composition:
        """The category's name and description, then the notes' sentence that describes it (``todo``:
        and the first sentence after it that says what to do with one, when the question asks)."""
        c = self.composer
        k = match.category
        # A description that is the notes' own sentence ("De poortwachter (…) bepaalt …") stands alone.
        own_sentence = k.description[:1].isupper() and fold(k.name) in fold(k.description)
        headline = k.description if own_sentence else f"{k.name}: {k.description}"
        context = ""
        if k.sentence_ids:
            s = c.sentences[k.sentence_ids[0]]
            if k.description in s.text:
                # "Hij is adviseur: …" is the headline already: the paragraph's opening says who "hij" is.
                opening = c.paragraph(s)[0]
                context = c.text([opening]) if opening is not s else ""
            else:
                context = c.text(c.with_antecedent(s))
            if todo:
                stem = fold(k.name)[:6]  # "promotor", "promotors"
                body = c.body(k.section_id)
                after = body[body.index(s) + 1 :]
                advice = next((x for x in after if stem in c.folded[x.id] and DOING.search(x.text)), None)
                context = f"{context} {advice.text}".strip() if advice is not None else context
        return Composition(headline, context=context, sections=[k.section_id], title=k.name)


def situation_phrase(composer: Composer, question: str, shortest: int = 2) -> tuple[str, str] | None:
    """A phrase of the situation the notes use word for word in one section ("geen interesse",
    "zonder afspraak"), with that section: scenarios are often answered where their words occur.

    The longest such phrase of two to five words wins; it must hold two words of four letters or
    more, at least one of them a content word, and occur in exactly one section's explanation (a
    worked example's "klaagt over trage rapportages" says nothing about complaints).
    """
    words = re.findall(r"[a-z0-9']+", fold(split_tail(question)[0]))
    best: tuple[float, str, str] | None = None
    for n in range(5, shortest - 1, -1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            # (not "veel omzet": how much says nothing of where)
            if sum(len(w) >= 4 and w not in DEGREE for w in gram) < 2 or not tokens_of(" ".join(gram)):
                continue
            phrase = " ".join(gram)
            sections = composer.phrase_sections(phrase, examples=False)
            if len(sections) != 1:
                continue
            weight = n + sum(composer.idf.get(t, 0.0) for t in tokens_of(phrase)) / 10
            if best is None or weight > best[0]:
                best = (weight, sections[0], phrase)
        if best is not None:
            break
    return (best[1], best[2]) if best else None


def leading_phrase(composer: Composer, question: str, top_id: str, term_names: tuple[str, ...]) -> str | None:
    """Three or more words of a direct question that the top section uses as written ("als manager
    van zijn accounts"), unless they only name the term the glossary found (``term_names``): they
    say what is asked better than the term they contain."""
    if not DIRECT.match(question) or how_to(question):
        return None
    hit = situation_phrase(composer, question, shortest=3)
    if hit is None or hit[0] != top_id:
        return None
    bare = re.sub(r"\b(?:de|het|een)\b|\W", "", hit[1])
    return None if bare in {re.sub(r"\W", "", fold(n)) for n in term_names} else hit[1]
