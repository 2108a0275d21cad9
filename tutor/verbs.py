"""The verbs of a question: whether it asks what to do ("hoe bouw je een netwerk op"), which verb
(with its particle joined: "hoe sluit je een gesprek af" → "afsluit"), and its cue words spelt right."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance import Levenshtein

# A question that asks what to do: "hoe bouw je een netwerk op", "hoe pak ik dat aan", "wat doe ik dan".
# The verbs a how-to question asks about, as "hoe pak je …" says them and as "hoe kun je … aanpakken"
# ends (the infinitive).
_ADVICE = dict(
    pair.split(":")
    for pair in """
    pak:pakken bouw:bouwen maak:maken doe:doen zorg:zorgen kies:kiezen bereid:bereiden stel:stellen
    win:winnen overtuig:overtuigen kom:komen voer:voeren begin:beginnen vind:vinden ontdek:ontdekken
    krijg:krijgen houd:houden volg:volgen reageer:reageren ga:gaan bepaal:bepalen verbeter:verbeteren
    behoud:behouden bind:binden benader:benaderen gebruik:gebruiken positioneer:positioneren stem:stemmen
    sluit:sluiten check:checken controleer:controleren voorkom:voorkomen vergroot:vergroten verhoog:verhogen
    spreek:spreken onderhoud:onderhouden verzamel:verzamelen bedien:bedienen herken:herkennen werf:werven
    behandel:behandelen presenteer:presenteren onderhandel:onderhandelen open:openen werk:werken
    """.split()
)
_STEMS = {infinitive: stem for stem, infinitive in _ADVICE.items()}
HOW_TO = re.compile(
    rf"\bhoe ({'|'.join(_ADVICE)})\w* (?:ik|je|jij|we|wij|u|jullie)\b|"
    # "hoe kun je klanten aan je binden": a modal, then the verb at the end.
    rf"\bhoe (?:kun|kan|kunt|moet|moeten) (?:ik|je|jij|we|wij|u|jullie)\b(?:\s+[\w'-]+){{0,6}}?\s+"
    rf"(aan|af|op|voor|uit|in|om|vast|samen|)({'|'.join(_STEMS)})\s*[?.!]*$|"
    r"\bwat (?:doe|moet|zeg|kan) ik\b|\bwat (?:moet|kan) (?:je|jij|we)\b|\bwat nu\b|"
    r"\bhow (?:do|can|should) (?:i|you|we)\b"
)


SEPARABLE = re.compile(
    r"\b(bereid|bouw|zet|voer|pak|stel|volg|werk|breng|neem|vul|sluit|richt|spreek|leg|stem|ga)(?:t|en)?\b"
    r"(?:\s+[\w'-]+){0,6}?\s+(voor|op|in|aan|uit|af|vast|samen|om)\b(?=\s*(?:[,.;?!]|$)|\s+(?:met|volgens|bij|als)\b)"
)


# A situation's separable verbs: "de supermarkt verkoopt ons product door aan …" → "doorverkoop".
SITUATION_SEPARABLE = re.compile(
    r"\b(verkoop|koop|stap|bel|geef|haak|val|zeg|loop|lever|schaf|bied|roep|stuur|vraag|neem|ga|kom|"
    r"breid|spreek|werk|besteed)(?:t|en)?\b(?:\s+[\w'-]+){0,4}?\s+(door|terug|over|in|uit|af|mee|weg|aan|op)\b"
    r"(?=\s+(?:aan|naar|bij|met|voor|van|als)\b|\s*[,.;?!]|\s*$)"
)


def _joined(pattern: re.Pattern[str], text: str) -> str:
    """Each separable verb ``pattern`` finds, its particle before its stem."""
    return " ".join(m.group(2) + m.group(1) for m in pattern.finditer(text.lower()))


def joined_particles(situation: str) -> str:
    """The separable verbs of a told situation joined as the notes write them ("verkoopt … door" →
    "doorverkoop", "stapt … over" → "overstap")."""
    return _joined(SITUATION_SEPARABLE, situation)


def joined_verbs(question: str) -> str:
    """The separable verbs of ``question`` joined ("hoe bereid je het gesprek voor" → "voorbereid"),
    the way the notes write them as nouns and infinitives ("voorbereiding", "opbouwen")."""
    return _joined(SEPARABLE, question)


# Question words a typo must not hide: "verschil tusen lead en prospect", "voorbeld van …".
_CUES = "tussen verschil verschillen voorbeeld waarom bereken berekenen uitleggen betekent welke noem "
_CUES += "definitie"
CUE_WORDS = _CUES.split()


def fix_cue_typos(question: str, known: Callable[[str], bool]) -> str:
    """``question`` with misspelt cue words set right (one letter off, same first letter, and no
    word ``known`` to the course)."""

    def fixed(m: re.Match[str]) -> str:
        w = m.group()
        if len(w) < 5 or w.lower() in CUE_WORDS or known(w.lower()):
            return w
        near = [c for c in CUE_WORDS if c[0] == w[0].lower() and Levenshtein.distance(c, w.lower()) == 1]
        return near[0] if near else w

    return re.sub(r"[A-Za-z]+", fixed, question)


def how_to(question: str) -> bool:
    """Whether ``question`` asks what to do (advice), rather than what something is."""
    return HOW_TO.search(question.lower()) is not None


def asked_verb(question: str) -> str:
    """The verb a how-to question asks about ("hoe ontdek je het leidmotief" → "ontdek"), joined
    with its particle when it has one ("hoe sluit je een gesprek af" → "afsluit")."""
    m = HOW_TO.search(question.lower())
    if m is not None and m.group(1) == "kom" and re.search(r"\b(?:er)?achter\b", question.lower()):
        return "ontdek"  # "hoe kom je achter zijn leidmotief": what the notes call discovering
    if m is not None and m.group(3):
        return m.group(2) + _STEMS[m.group(3)]  # "hoe kan ik dat aanpakken" → "aanpak"
    verb = m.group(1) if m is not None else None
    if not verb:
        return ""
    joined = [j for j in joined_verbs(question).split() if j.endswith(verb)]
    return joined[0] if joined else verb
