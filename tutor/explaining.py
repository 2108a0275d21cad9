"""Explanations: one coherent passage around the sentence that answers a how, why or what question.

The best sentence of the section wins on IDF-weighted words and vector similarity, plus what the
question asks of it: a reason for "waarom …", what to do for "hoe … je …" (the verb asked, advice,
steps told to the reader; not the term's definition), the aspect asked ("het doel van …"), the
sentence that counts for "hoeveel …". The passage around it starts where its thought starts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import numpy as np

from index.english import to_dutch
from index.passages import LIST_MARKER, Sentence
from index.text import EVERYDAY, fold, irregular_nouns
from tutor.compose import Composer, Composition, match_part, tokens_of, words
from tutor.coverage import GENERIC
from tutor.cues import (
    ASPECT,
    ASPECT_SAID,
    CAUSE,
    FORBIDDEN,
    FORBIDDEN_ASKED,
    FREQUENCY,
    HOW_OFTEN,
    IS_A,
    OBJECTION,
    advises,
)
from tutor.intent import _NUM as NUMBER
from tutor.intent import classifies
from tutor.lists import AHEAD, BACKREF, inline_list, is_item_head
from tutor.verbs import asked_verb, how_to, joined_verbs

PARTICLES = "af|op|aan|in|uit|voor|vast|samen|door|na|om|terug"
# A word in a sentence's opening that points back at the sentence before ("… is dit een kans").
POINTING = re.compile(r"\b(?:dit|dat|deze|die|hier|daar|daarom|daardoor)\b", re.I)
# "waarom is een klachtenafhandeling belangrijk": what is weighed, not the judgement word.
WEIGHED = re.compile(r"^waarom (?:is|zijn) (.+?) (?:zo )?(?:belangrijk|nuttig|handig|nodig)\W*$")
# A short answer gets the next best passage of the section when that scores within the gap of the
# best (tuned on the seen sets, not on test_aa); the second passage aims at this many words.
SECOND_BELOW, SECOND_GAP, SECOND_WORDS = 80, 0.7, 30
# Verbs of "hoe … je" that say little of what the notes would say ("hoe pak je dat aan").
GENERIC_VERBS = frozenset("doe ga pak kom krijg houd maak zorg stel werk gebruik vind".split())


def verb_stem(question: str) -> str:
    """The start of the verb a how-to question asks about, unless it says little ("hoe voorkom je
    …" → "voorko"; "hoe pak je dat aan" → "")."""
    verb = asked_verb(question)
    return "" if verb in GENERIC_VERBS else fold(verb)[: max(5, len(verb) - 2)]


def verb_section(c: Composer, question: str, candidates: list[str]) -> str | None:
    """The first candidate section that says the asked verb ("hoe voorkom je dat één persoon de
    prognose bepaalt" → where "voorkom je dat …" is said), if a how-to question asks one."""
    verb = verb_stem(question) if how_to(question) else ""
    if not verb:
        return None
    pattern = re.compile(rf"\b(?:{PARTICLES})?{verb}")
    return next((sid for sid in candidates if any(pattern.search(c.folded[s.id]) for s in c.body(sid))), None)


# "waarom gebruiken bedrijven …", "waarvoor dient …", "why do companies use …": what it is for.
# "wat heb ik als verkoper aan de kraljic matrix", "wat kan een verkoopteam met de piramide doen".
PURPOSE = re.compile(
    r"\bwaar(?:om|voor) (?:gebruik|dien)\w*\b|\bwhy (?:do|does|would|should) (?:\w+ ){0,2}use\b|"
    r"^wat (?:heb|hebben|heeft|kan|kun|kunnen) (?:je|jij|ik|we|wij|u|(?:een |de )?\w+)(?: als \w+)? "
    r"(?:eigenlijk |concreet |nou )?(?:aan|met) (?:de|het|een|die|dat|zo'n)\b"
)


def asks_use(question: str) -> bool:
    """Whether ``question`` asks what something is for ("wat heb ik aan de kraljic matrix")."""
    return PURPOSE.search(fold(question)) is not None


def beyond_definition(question: str) -> bool:
    """Whether an explanation asks more of a term than what it is: how to go about it ("hoe pak je de
    dmu aan") or what it is good for ("wat heb ik als verkoper aan de kraljic matrix")."""
    return how_to(question) or asks_use(question)


def _ends_in(t: str, tokens: set[str]) -> bool:
    """Whether compound ``t`` ends in one of ``tokens`` ("klantenpiramid" in "piramid")."""
    return any(len(x) >= 6 and t.endswith(x) for x in tokens)


def aspect_said(question: str) -> re.Pattern[str] | None:
    """How the notes say the aspects ``question`` asks of a term (both for "voor- en nadelen")."""
    aspects = sorted({str(m.lastgroup) for m in ASPECT.finditer(fold(question))})
    return re.compile("|".join(ASPECT_SAID[a] for a in aspects)) if aspects else None


def aspect_section(c: Composer, question: str, topic: str, candidates: list[str]) -> str | None:
    """The first candidate section that says the strength or weakness asked of the topic in a
    sentence naming it ("nadelen van kwantitatieve methoden": "Kwantitatieve methoden zijn objectief
    …, maar ze kunnen geen trendbreuken voorspellen"), if one does."""
    said = aspect_said(question)
    about = tokens_of(ASPECT.sub(" ", fold(topic)))
    if said is None or not about:
        return None
    for sid in candidates:
        if any(said.search(c.folded[s.id]) and about <= c.tokens[s.id] for s in c.body(sid)):
            return sid
    return None


# The nouns that name a strength or a weakness outright.
ASPECT_NOUN = re.compile(r"\b(?:kracht|voorde(?:el|len)|nade(?:el|len)|zwakte\w*|beperking\w*)\b")


@functools.cache
def glossary_tokens(c: Composer) -> frozenset[str]:
    """The tokens of every glossary term, alias and definition of the course."""
    return frozenset(
        t
        for section in c.course.sections
        for g in section.glossary
        for t in tokens_of(" ".join([*g.names, g.definition]))
    )


def explain(
    c: Composer,
    section_id: str,
    question: str,
    topic: str,
    qvec: np.ndarray | None,
    intent: str = "explanation",
    role: bool = False,
) -> Composition:
    """One coherent passage around the best sentence (why-questions favour reasons; ``role``: the
    question asks which role someone has, which an item of the notes' list names)."""
    body = c.body(section_id) or c.example(section_id)

    phrase = c.phrase_pattern(topic)
    if phrase is not None and not any(phrase.search(c.folded[s.id]) for s in body):
        # "wat is een customer success manager": a term only the section's worked example uses.
        example = c.example(section_id)
        body = example if any(phrase.search(c.folded[s.id]) for s in example) else body
    # "wat is het doel van een cold call": the sentence that names the goal ("… heeft één doel: …").
    # "voor- en nadelen": both; of the sentences that say one, those about the topic itself
    # ("Deskresearch is goedkoop en snel", not "de kracht van afnemers").
    said = aspect_said(question)
    # "waarom gebruiken bedrijven een klantenpiramide": what it helps with, when the notes say so.
    folded = fold(question)
    # ("waarom gebruik je clv maar als richtinggevend getal" asks why its use is limited.)
    limited = re.search(r"\b(?:maar|alleen|slechts) als\b", folded) is not None
    purpose = said is None and PURPOSE.search(folded) and not limited
    if purpose:
        said = re.compile(ASPECT_SAID["use"])
    if said is not None:
        saying = [s for s in body if said.search(c.folded[s.id])]
        asked = ASPECT.sub(" ", fold(topic))
        asked = to_dutch(asked) or asked  # "why do companies use a customer pyramid": "klantenpiramide"
        about = tokens_of(asked)
        # "de delphi methode": the word that tells it from the section's other methods.
        plain = tokens_of(" ".join(w for w in asked.split() if w not in GENERIC))
        member = bool(plain) and plain != about  # "de delphi methode": one of the section's methods
        about = plain or about
        # "Voor een verkoper is dit een grote kans": what "dit" points at names the topic too.
        # What a sentence is about: itself and the two before it in its paragraph ("Bij een nieuwe
        # taak … Er is veel onzekerheid … Voor een verkoper is dit een grote kans").
        around = {
            s.id: set().union(*(c.tokens[x.id] for x in c.paragraph(s)[max(0, s.pos - 2) : s.pos + 1]))
            for s in saying
        }
        body = (
            [s for s in saying if about <= around[s.id]]  # all of the topic: "een nieuwe taak"
            # "De piramide helpt …" is said of the "klantenpiramide" asked: a compound's head counts.
            or [s for s in saying if any(t in around[s.id] or _ends_in(t, around[s.id]) for t in about)]
            # No sentence says it of the member asked: what the notes say of that member itself.
            or [s for s in body if member and about <= c.tokens[s.id]]
            or ([] if purpose else saying)
            or body
        )

    # "waarom mag ik de opdrachtgever niet bellen": the sentences that say what is not allowed.
    if FORBIDDEN_ASKED.search(question):
        body = [s for s in body if FORBIDDEN.search(s.text)] or body

    # "hoe bouw je een netwerk op", "ik sta op een beurs, wat nu?": what to do, not what it is.
    # "hoe herken je een detractor" asks what one looks like: its description, not advice.
    recognise = re.search(r"\bhoe (?:herken|herkent|zie|ziet|onderscheid\w*) (?:je|ik|u)\b", question)
    advice = (how_to(question) and not recognise) or (intent == "scenario" and not classifies(question))
    joined = joined_verbs(question) if advice else ""

    # A short topic is looked for by its stems ("bezwaar" in "Komen er bezwaren, …").
    stems = tokens_of(topic) if advice else frozenset()
    stems = stems if len(stems) <= 2 else frozenset()
    # "hoe ontdek je het leidmotief": the sentence that says how you discover it ("je ontdekt het …").
    verb = verb_stem(question) if advice else ""

    # "waarom is een goede lijst belangrijk bij koud bellen": about the list, within cold calling.
    focus = ""
    head = re.split(r"\s(?:bij|tijdens|binnen)\s", folded)[0]
    weighed = WEIGHED.match(folded)
    if intent == "why" and (head != folded or weighed):
        about_words = c.query_tokens(weighed[1] if weighed else head)
        held = [t for t in about_words if any(t in c.tokens[s.id] for s in body)]
        focus = max(held, key=lambda t: c.idf.get(t, 0.0)) if held else ""

    # "hoeveel principes heeft cialdini": the sentence that counts them ("Hij beschreef zes …").
    counted = re.search(r"\bhoeveel\s+(\w+)", folded)
    counted_stems = tokens_of(counted[1]) if counted else frozenset()

    q_tokens = c.query_tokens(question)
    q_mass = sum(c.idf.get(t, c.unknown_idf) for t in q_tokens) or 1.0
    # "wat als ik een vormfout maak": a long word of the notes that only one sentence uses.
    # A detail, not a term the glossary explains ("verkoopproces", "value proposition").
    singular = {t for t in q_tokens if len(t) >= 7 and t in c.idf and c.idf[t] >= c.unknown_idf - 1e-9}
    singular -= glossary_tokens(c)

    # The notes' word for what the situation is: "te duur" is an objection ("bezwaar"), a "boze"
    # customer complains ("klacht").
    concepts = {EVERYDAY[w] for w in re.findall(r"[a-z]+", folded) if w in EVERYDAY}
    concepts |= {"bezwa"} if OBJECTION.search(folded) else set()
    often = HOW_OFTEN.match(folded) is not None  # "hoe vaak maak je een accountplan"

    def inherited(s: Sentence) -> float:
        """ "Voor een verkoper is dit een grote kans": what "dit" points at counts too."""
        if not s.pos or not POINTING.search(" ".join(s.text.split()[:6])):
            return 0.0
        own = c._overlap(q_tokens, c.tokens[s.id])
        with_before = c._overlap(q_tokens, c.tokens[s.id] | c.tokens[s.id - 1])
        return 0.8 * (with_before - own) / q_mass

    def names_item(s: Sentence) -> bool:
        """ "waarom zeggen mensen ja tegen autoriteit": the item named ("5. Autoriteit: …")."""
        if not s.line_start or not is_item_head(s):
            return False
        label = tokens_of(LIST_MARKER.sub("", re.split(r"[:(]", s.text, maxsplit=1)[0]))
        return bool(label) and len(label) <= 3 and label <= q_tokens

    def bonus(s: Sentence) -> float:
        # "welke rol speelt de technische adviseur": "De beïnvloeder (influencer) … technisch adviseur".
        # "de klant zegt dat het te duur is": an objection, which the notes call a "bezwaar".
        objected = any(concept in c.folded[s.id] for concept in concepts)
        named = 0.3 * (role and is_item_head(s)) + 0.2 * names_item(s)
        named += 0.5 * (often and FREQUENCY.search(c.folded[s.id]) is not None)
        return inherited(s) + _bonus(s) + named + 0.6 * objected

    def _bonus(s: Sentence) -> float:
        toks = c.tokens[s.id]
        counts = counted_stems and re.search(rf"\b{NUMBER}\b", c.folded[s.id])
        if counts and any(t in toks or match_part(t, toks) for t in counted_stems):
            return 0.6
        if focus and focus in c.tokens[s.id]:
            return 0.3 + 0.15 * bool(CAUSE.search(s.text))
        if advice and said is None:
            # "Dat is vaak niet meteen zichtbaar; je ontdekt het …" names what the sentence before names.
            said_before = c.tokens[s.id - 1] if s.pos and BACKREF.match(s.text) else frozenset()
            named = bool(stems) and stems <= c.tokens[s.id] | said_before
            acts = bool(verb) and re.search(rf"\b(?:{PARTICLES})?{verb}", c.folded[s.id]) is not None
            told = advises(s, c.paragraph(s))
            # "Detractors geven een 0 tot en met 6": what it is, not what to do with it.
            opening = s.text.split()
            intro = s.para == 0 and s.pos == 0 and IS_A.search(" ".join(opening[:6])) is not None
            describes = not told and (bool(stems & tokens_of(" ".join(opening[:2]))) or intro)
            if c.defines(s, topic):
                return told - 1.0  # "Netwerken is het bewust opbouwen …" says what it is, not how
            return 0.4 * named + 0.6 * acts + told - 0.3 * describes
        if phrase is not None and phrase.search(c.folded[s.id]):
            return 0.5  # the sentence that uses the asked term literally
        if singular & toks:
            return 0.4
        if said is not None and said.search(c.folded[s.id]):
            # "De kracht van NPS is …" names the aspect; "een eenvoudige maatstaf" only hints at it.
            return 0.4 + 0.15 * bool(ASPECT_NOUN.search(c.folded[s.id]))
        if intent == "why":
            return 0.15 * bool(CAUSE.search(s.text))
        if intent == "scenario":
            return 0.1 * is_item_head(s)  # "welk kwadrant is dat?" is answered by a named category
        return 0.0

    if intent == "scenario":
        # The situation carries the content words; "wat doe ik dan?" only says what to do.
        asked = re.sub(r"[,;]?\s*(?:in )?(?:welk|welke|wat voor|hoe|wat)\b[^,;]*$", "", question) or question
        # "…, wat doe ik de dagen daarna": the everyday phrase of the part cut names what to do.
        question = f"{asked} {irregular_nouns(question[len(asked):])}".strip()
    question = f"{question} {joined}".strip()
    best = c.best(body, question, qvec, bonus)
    literal = phrase is not None and bool(phrase.search(c.folded[best.id]))
    # '"Meer verkopen" is geen doel; …': a quoted example illustrates the sentence before it.
    literal = literal and not best.text.startswith(('"', "'", "“", "‘"))
    # Advice needs no sentence naming one word of its object ("hoe positioneer je je bedrijf").
    # "het nut van een belscript": the aspect asked is no word of the topic to lead in with.
    subject = ASPECT.sub(" ", fold(topic)) if said is not None else topic
    subject = weighed[1] if weighed else subject  # "waarom is X belangrijk": X leads in, not "belangrijk"
    span = c.passage(best, lead=literal)
    # "wat heb ik aan de kraljic matrix": the sentence saying what it is good for needs no lead-in.
    if not (purpose and intent != "why" and said is not None and said.search(c.folded[best.id])):
        span = c.lead_in(span, subject, qvec, least=2 if advice else 1)
    if intent in ("why", "scenario", "explanation"):
        span = _with_second(c, span, body, best, question, qvec, bonus)
    return Composition(c.text(span), sections=[section_id])


def _with_second(
    c: Composer,
    span: list[Sentence],
    body: list[Sentence],
    best: Sentence,
    question: str,
    qvec: np.ndarray | None,
    bonus: Callable[[Sentence], float],
) -> list[Sentence]:
    """A short answer (below ``SECOND_BELOW`` words) with the passage of the next best sentence
    elsewhere in the section, when it scores nearly as well (within ``SECOND_GAP``): a why or how
    the notes answer in two places ("korting en service" and "daarom op winst") gets both. Not
    after an announcement, whose list follows it."""
    last = span[-1].text
    if words(span) >= SECOND_BELOW or (AHEAD.search(last) and not inline_list(last)):
        return span
    taken = {x.id for x in span}
    rest = [x for x in body if x.id not in taken]
    if not rest:
        return span
    # Scored together, so the best and the rest stand on the same scale.
    pool = [best, *rest]
    both = c.score(question, qvec, [x.id for x in pool]) + np.array([bonus(x) for x in pool])
    top, scores = float(both[0]), both[1:]
    j = int(np.argmax(scores))
    # "waarom is klachtenafhandeling belangrijk": a sentence sharing only "belangrijk" adds nothing.
    weighed = WEIGHED.match(fold(question))
    asked = c.query_tokens(weighed[1] if weighed else question)
    if float(scores[j]) < top - SECOND_GAP or not asked & c.tokens[rest[j].id]:
        return span
    extra = [x for x in c.passage(rest[j], target=SECOND_WORDS, limit=2 * SECOND_WORDS) if x.id not in taken]
    # The best passage leads; the second follows, unless it reads straight into the first.
    return extra + span if extra and extra[-1].id + 1 == span[0].id else span + extra
