"""Two questions in one: "wat is een dmu en waarom is die belangrijk voor een verkoper?" is answered
as two, the second about what the first named ("die" → "dmu"), in one answer."""

from __future__ import annotations

import re
from dataclasses import replace

from tutor.answer import Answer, bullet
from tutor.intent import LIST_NOUNS, detect_intent

# "<question>, en <question word> …": the second part opens with its own question word.
_TWO = re.compile(
    r"^(?P<a>(?:wat|wie|welke?|hoe|waarom|what|how|why)\b.{3,}?)[,;]?\s+(?:en|and)\s+"
    r"(?P<b>(?:waarom|hoe|wat|welke?|wanneer|wie|why|how|what|when)\b.{3,})$",
    re.IGNORECASE,
)
# A word in the second part that points at what the first asked about: a pronoun, or a demonstrative
# that stands alone ("hoe meet je die", "waarom is die belangrijk"; not the article of "het proces").
_POINTER = re.compile(
    r"\b(?:hij|zij|ze|hem|it|they|them)\b|\b(?:die|dat|deze|dit|het)\b(?=\s*(?:$|[?.!,;])|\s+(?:is|zijn|"
    r"werkt|werken|doet|heeft|kan|moet|belangrijk|nodig|nuttig|handig|zo|eigenlijk|precies|uit|in|op)\b)"
)


# "welke is het sterkst", "wat werkt het best": a superlative asked, its noun left to the first question.
_WHICH_MOST = re.compile(
    r"^(?:en )?(?P<which>welke?|wie|wat) (?P<verb>is|zijn|werkt|past) (?:het|de) (?P<most>\w{3,}st)e?\W*$",
    re.IGNORECASE,
)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


# "<question>? <question or request>": two sentences ("… verschil tussen b2b en b2c? Geef een voorbeeld.").
_TWO_SENTENCES = re.compile(
    r"^(?P<a>.{6,}?\?)\s+(?P<b>(?:geef|noem|leg|en|wat|wie|welke?|hoe|waarom|wanneer|kun|kan)\b.{3,})$",
    re.IGNORECASE,
)


def split_two(question: str, sentences_only: bool = False) -> tuple[str, str] | None:
    """The two questions of ``question`` (first, second), if it asks two (``sentences_only``: only
    when they are two sentences, as a comparison's "en" joins its sides)."""
    m = _TWO_SENTENCES.match(question.strip())
    if m is None and not sentences_only:
        m = _TWO.match(question.strip())
    if m is None:
        return None
    return m["a"].strip(" ,;"), m["b"].strip()


def resolved(second: str, term: str) -> str:
    """``second`` with its pointer to the first question's subject spelt out ("hoe meet je die" →
    "hoe meet je klantloyaliteit"), or that subject added when it names only a kind of list ("Welke
    rollen zijn er?" → "… bij dmu"); unchanged otherwise (it names its own subject, or the chat's
    last topic, the first answer's, is what it follows up on)."""
    if not term:
        return second
    if _POINTER.search(second):
        return _POINTER.sub(term, second, count=1)
    if most := _WHICH_MOST.match(second.strip()):  # "… en welke is het sterkst": the most of its kind
        return f"{most['which']} {term} {most['verb']} het {most['most']}"
    topic = set(detect_intent(second).topic.split())
    if topic and all(re.fullmatch(LIST_NOUNS, w) or w in _EACH for w in topic - _WANTS):
        return f"{second.rstrip(' ?.!')} bij {term}"  # "welke rollen zijn er", "wat wil ieder"
    return second


# "wat wil ieder", "wat doet elk": each of what the first question named.
_EACH = frozenset("ieder iedere elk elke iedereen allemaal alle each every".split())
_WANTS = frozenset("wil willen doet doen".split())


def merged(first: Answer, second: Answer) -> Answer:
    """One answer: the first in full, then what the second adds (sentences the first already says
    are not repeated)."""
    said = first.answer

    def new(text: str) -> str:
        return " ".join(t for t in _SENTENCE.split(text) if t and t not in said)

    lines = [t for t in (new(second.headline),) if t]
    lines += [bullet(label, t) for label, text in second.items if (t := new(text))]
    lines += [p for p in (new(par) for par in second.context.split("\n\n")) if p]
    if not lines:
        return first
    context = "\n\n".join(p for p in (first.context, "\n".join(lines)) if p)
    seen = {s.section_id for s in first.sources}
    sources = first.sources + [s for s in second.sources if s.section_id not in seen]
    confidence = "hedged" if "hedged" in (first.confidence, second.confidence) else first.confidence
    note = first.note or second.note
    return replace(first, context=context, sources=sources[:3], confidence=confidence, note=note)


def unanswered(first: Answer, second: Answer) -> Answer:
    """The first answer, saying that the second question found nothing in the notes (its own
    refusal when it names the term: "SPIN selling staat niet in de samenvatting.")."""
    refusal = second.headline
    named = refusal.endswith("staat niet in de samenvatting.") and not refusal.startswith("Dat ")
    said = refusal if named else ""
    line = said or f"Over “{second.question}” staat niets in de samenvatting."
    context = "\n\n".join(p for p in (first.context, line) if p)
    return replace(first, context=context)
