"""Dutch text normalisation shared by BM25 and the glossary matcher."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection
from typing import TypeVar

import Stemmer

# Common Dutch function words plus question words students type ("wat is ...?").
DUTCH_STOPWORDS = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw
    van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij
    zijn zo zonder zou zouden waarom welke welk wanneer waar wij jullie hun hen betekent
    betekenis verstaan versta onder uitleg leg uitleggen noem noemen precies eigenlijk graag
    even alsjeblieft aub iets vraag vragen ik wil weten beschrijf geef iemand heel erg verschil
    verschillen tussen verschilt hoe waarom welk welke voorbeeld voorbeelden voorbeeldje noem gebeurt gebeuren
    gebeurd
    """.split()
)

_STEMMER = Stemmer.Stemmer("dutch")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")


def fold(text: str) -> str:
    """Lower case without accents (ë → e), so 'beïnvloeden' and 'beinvloeden' match."""
    if text.isascii():
        return text.lower()  # nothing to decompose: most questions and words
    norm = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in norm if not unicodedata.combining(c))


def common_prefix(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share at their start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def without_apostrophe_ending(word: str) -> str:
    """``word`` without the apostrophe ending of an abbreviation: kpi's → kpi, oem'er(s) → oem."""
    return re.sub(r"'(?:s|ers?)?$", "", word)


def words(text: str) -> list[str]:
    """Folded word tokens; compounds with '-' or '/' are kept and also split."""
    out: list[str] = []
    for tok in _TOKEN.findall(fold(text)):
        out.append(tok)
        if "-" in tok or "/" in tok:
            out.extend(p for p in re.split(r"[-/]", tok) if p)
    return out


_OPEN = re.compile(r"(?:^|[^aeiou])[aeou][^aeiouy]$")


def compounds(text: str, reach: int = 2) -> list[str]:
    """Dutch compounds the words of ``text`` may stand for, split out in the question: "piramide van
    klanten" → "klantenpiramide", "risico van toelevering" → "toeleveringsrisico", "strategieën voor
    klantrelaties" → "klantrelatiestrategieen". The modifier comes first, with or without its
    plural ending or a linking s; candidates only, the caller keeps those the notes use. ``reach``:
    how many content words on a word's partner may be."""
    content = [w for w in words(text) if w not in DUTCH_STOPWORDS and len(w) >= 3 and w.isalpha()]
    out: list[str] = []
    for i, first in enumerate(content):
        for second in content[i + 1 : i + 1 + reach]:
            for head, modifier in ((first, second), (second, first)):
                plain = modifier[:-2] if modifier.endswith("en") else modifier
                # "kopen" → "koop": an open syllable's vowel doubles in the stem.
                doubled = _OPEN.search(plain) and plain != modifier
                long = plain[:-1] + plain[-2] + plain[-1] if doubled else plain
                for stem in dict.fromkeys((modifier, modifier.rstrip("s"), plain, long)):
                    out += [stem + head, stem + "s" + head]
    return list(dict.fromkeys(out))


K = TypeVar("K")
V = TypeVar("V")


def remembered(memo: dict[K, V], key: K, make: Callable[[], V], bound: int = 5000) -> V:
    """``memo[key]``, made once by ``make``; the memo is emptied when it grows past ``bound`` (odd
    input cannot make it grow without end)."""
    if key not in memo:
        if len(memo) > bound:
            memo.clear()
        memo[key] = make()
    return memo[key]


def compound_parts(token: str, vocab: Collection[str]) -> list[str]:
    """The notes' words an unknown compound token is made of: the compounds it ends ("research" →
    "deskresearch", "fieldresearch"), or a known tail and the words its head begins
    ("knelpuntkwadrant" → "kwadrant", "knelpuntproduct"). Few candidates or none."""
    if len(token) < 6:
        return []
    ends = [v for v in vocab if v.endswith(token) and v != token]
    if 0 < len(ends) <= 3:
        return ends
    two: list[str] = []
    for cut in range(3, len(token) - 3):
        head, tail = token[:cut], token[cut:]
        if cut == 3 and len(tail) >= 5 and head in vocab and tail in vocab and not two:
            two = [head, tail]  # "nepreviews": the notes' "nep-reviews"
            continue
        if cut >= 4 and tail in vocab:
            begun = [v for v in vocab if v.startswith(head) and v != tail] if cut >= 5 else []
            if 0 < len(begun) <= 3:
                return [tail, *begun]
            if head in vocab and not two:
                two = [head, tail]  # "klantbinding": two words of the notes joined ("klant", "binding")
            joined = _linked_head(head, vocab) if not two and cut >= 5 else None
            if joined is not None:
                two = [joined, tail]  # "bindingsvormen": "binding" joined to "vormen" by an "s"
    # "nazorgfase" stems to "nazorgfas", its tail alone to "fase": a short tail with its "e" back.
    head, tail = token[:-3], token[-3:] + "e"
    if not two and len(head) >= 5 and head in vocab and tail in vocab:
        two = [head, tail]
    return two


def _linked_head(head: str, vocab: Collection[str]) -> str | None:
    """The stem of a compound's head joined by a linking "s" ("bindings-", "klants-"), if the notes
    use it as a word."""
    if not head.endswith("s") or len(head) < 6:
        return None
    stems = _STEMMER.stemWords([head[:-1]])
    return stems[0] if stems and stems[0] in vocab and len(stems[0]) >= 4 else None


# Verb forms the stemmer cannot bring to the noun the notes use ("de klant klaagt" ↔ "klachten",
# "kocht" ↔ "koop", "koos" ↔ "keuze"): irregular Dutch, a word table and no logic.
IRREGULAR = {
    **dict.fromkeys("klaag klaagt klagen klaagde klaagden geklaagd".split(), "klacht"),
    **dict.fromkeys("kocht kochten gekocht".split(), "koop"),
    **dict.fromkeys("verkocht verkochten".split(), "verkoop"),
    **dict.fromkeys("koos kozen gekozen".split(), "keuze"),
    **dict.fromkeys("vertrok vertrokken".split(), "vertrek"),
    **dict.fromkeys("verloor verloren".split(), "verlies"),
    **dict.fromkeys("besloot besloten".split(), "beslissing"),
    **dict.fromkeys("bood boden geboden".split(), "aanbod"),
    **dict.fromkeys("acquireren acquireert acquireer geacquireerd".split(), "acquisitie"),
}
# Everyday words for what the notes name otherwise: an angry customer complains ("klacht"), one who
# cancels is leaving ("vertrek").
EVERYDAY = {
    **dict.fromkeys("boos boze kwaad geirriteerd".split(), "klacht"),
    **dict.fromkeys("opzeggen opzegt opgezegd weglopen wegloopt".split(), "vertrek"),
    **dict.fromkeys("groeikans groeikansen groeimogelijkheden".split(), "groeipotentieel"),
    **dict.fromkeys("verstandelijk verstandelijke".split(), "rationele"),
    **dict.fromkeys("gevoelsmatig gevoelsmatige".split(), "emotionele"),
    # A call is "bellen", a desk's clerk the "receptioniste", a site the "website", acquaintances
    # "contacten", building a part in is "verwerken", looking around is "oriëntatie".
    **dict.fromkeys("telefoontje telefoontjes belletje belletjes".split(), "bellen"),
    **dict.fromkeys("balie baliemedewerker baliemedewerkster".split(), "receptioniste"),
    **dict.fromkeys("site sites webpagina".split(), "website"),
    **dict.fromkeys("kennissen".split(), "contacten"),
    **dict.fromkeys("inbouwt inbouwen ingebouwd".split(), "verwerken"),
    **dict.fromkeys("rondkijken rondkijkt rondkeek orienteert orienteren".split(), "oriëntatie"),
}
IRREGULAR |= EVERYDAY


# Everyday phrases for what the notes name, each with the words it cannot match without (a cheap test
# before folding): a customer who has bought nothing for a while is inactive and may be leaving.
EVERYDAY_PHRASES = (
    (
        ("niks", "niet", "geen", "nooit"),  # "niets" holds "niet"
        re.compile(
            r"\b(?:niks|niets|geen (?:orders?|bestellingen)) (?:meer )?(?:besteld|gekocht|afgenomen)\b|"
            r"\b(?:niet|nooit) meer (?:besteld|gekocht|teruggekomen)\b"
        ),
        "inactieve vertrek",
    ),
    # "een vaste klant bestelt steeds minder": a signal that he may be leaving.
    (
        ("minder", "helft"),
        re.compile(r"\b(?:bestel\w*|koopt|kopen|kocht|neemt|afneemt) (?:\w+ ){0,4}?(?:minder|de helft)\b"),
        "minder bestellingen signalen vertrek",
    ),
    # "hij vertelt overal hoe goed we zijn": he recommends us, an ambassador.
    (
        ("goed", "positief", "lovend"),
        re.compile(
            r"\b(?:vertel\w*|zeg\w*|praat\w*|roept|roepen) (?:\w+ ){0,3}?(?:hoe goed|positief|lovend)\b"
        ),
        "aanbeveelt ambassadeur",
    ),
    # "die klant kost ons al jaren geld": a loss.
    (("geld",), re.compile(r"\bkost(?:en|te)? (?:ons|me|mij|het bedrijf) (?:\w+ ){0,3}?geld\b"), "verlies"),
    # "de verkoper op de weg", "verkopers die op pad gaan": the field sales force visiting customers.
    (("weg", "pad"), re.compile(r"\bop (?:de )?(?:weg|pad)\b"), "buitendienst bezoekt"),
    # "wat doe ik de dagen daarna", "hoe volg ik dat op": what comes after the first contact.
    (
        ("daarna", "erna", "afloop", "volg"),
        re.compile(
            r"\b(?:de|een paar|enkele) (?:dagen|weken) (?:daarna|erna)\b|\bna afloop\b|"
            r"\bhoe volg (?:ik|je|we|jij) (?:\w+ ){0,2}?op\b"
        ),
        "stopt niet na het eerste gesprek",
    ),
    # "ik moet mezelf voorstellen", "iemand vraagt wat doe jij eigenlijk": a short introduction.
    (
        ("voorstel", "stel", "wat doe j"),
        re.compile(
            r"\b(?:mezelf|jezelf|mijzelf|zichzelf|mij|me|je) (?:\w+ )?voorstellen\b|"
            r"\bstel (?:ik|je|jij) (?:me|mij|mezelf|je|jezelf) (?:\w+ )?voor\b|"
            r"\bwat doe (?:jij|je) (?:eigenlijk|precies)\b"
        ),
        "introductie van zichzelf pitch",
    ),
    # "wie een laptop koopt, bied ik ook een tas aan": something else sold besides, cross-selling;
    # "een duurdere versie aanbieden": the dearer variant, upselling.
    (
        ("ook", "erbij"),
        re.compile(r"\b(?:koopt|kopen|kocht|bestelt|neemt)\b.{0,40}\b(?:ook|erbij)\b.{0,40}"
                   r"\b(?:aan(?:bied\w*)?|verkoop|verkopen|verkocht|aanraden|adviseren)\b"),
        "aanvullende andere producten",
    ),
    (
        ("duurder", "luxe", "uitgebreider", "zwaarder", "beter"),
        re.compile(r"\b(?:duurdere|luxere|uitgebreidere|zwaardere|betere|grotere) "
                   r"(?:versie|variant|model|uitvoering|pakket|abonnement)\b"),
        "duurdere uitgebreidere variant",
    ),
)


# A separable verb's particle closing its clause: "(houdt me telkens) tegen", "(vallen er …) af".
_PARTICLE = re.compile(
    r"\b(tegen|af|op|aan|uit|door|terug|over|mee|weg|vast|samen|toe)\b"
    r"(?=\s*[,.;?!]|\s*$|\s+(?:als|wanneer|omdat|zodra|zodat|en|maar|naar|bij|met|van|tot)\b)"
)


def separable_joins(text: str) -> str:
    """Each particle that closes a clause joined to the words before it, as the notes write the verb
    whole ("die mevrouw houdt me tegen" → "tegenhoud", "waarom vallen er klanten af" → "afval"); most
    joins are no word, and only those the notes use count."""
    folded = fold(text)
    out = []
    for m in _PARTICLE.finditer(folded):
        before = re.findall(r"[a-z]{2,}", folded[: m.start()])[-7:]
        stems = (re.sub(r"([^aeiou])\1$", r"\1", re.sub(r"(?:en|t)$", "", w)) for w in before)  # vallen → val
        out += [m[1] + stem for stem, w in zip(stems, before, strict=True) if w not in DUTCH_STOPWORDS]
    return " ".join(out)


def irregular_nouns(text: str) -> str:
    """The nouns of ``text``'s irregular verb forms and everyday phrases, for a query to find the
    notes' words."""
    nouns = [IRREGULAR[w] for w in words(text) if w in IRREGULAR]
    phrases = [(pattern, noun) for cues, pattern, noun in EVERYDAY_PHRASES if any(c in text for c in cues)]
    if phrases:
        folded = fold(text)
        nouns += [noun for pattern, noun in phrases if pattern.search(folded)]
    return " ".join(nouns)


def bm25_tokens(text: str) -> list[str]:
    """Stemmed content tokens for BM25; the stems of "-eren" verbs meet ("positioneer", "positioneert",
    "positioneren" and "positionering" → "positioner"), which the stemmer leaves apart."""
    stems = _STEMMER.stemWords([w for w in words(text) if w not in DUTCH_STOPWORDS])
    return [_VOWEL_S.sub(r"\1", _EER.sub("er", s) if len(s) >= 7 else s) for s in stems]


_EER = re.compile(r"eert?$")
# A plural the notes write with an apostrophe, typed without it: "paginas", "autos", "kpis" are the
# notes' "pagina's", "auto's", "KPI's" (whose "'s" is a token of its own).
_VOWEL_S = re.compile(r"^(\w{2,}[^aeiou\W][ao]|[^aeiou\W]{2,3}i)s$")


def lexical_hash() -> str:
    """Version of the tokenisation (stemmer + stop words), for the index manifest."""
    version = "dutch|eer|vowel-s|" + " ".join(sorted(DUTCH_STOPWORDS))
    return hashlib.sha256(version.encode()).hexdigest()[:12]
