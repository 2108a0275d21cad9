"""Lists in course text: what announces one, what starts an item, and how many items there are.

The composer uses these to give an enumeration the announcing sentence and every item after it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from index.passages import Sentence
from tutor.intent import LIST_NOUNS, NUMBER_WORDS, NUMBERS, number_value

BACKREF = re.compile(
    r"^(?:die|dit|deze|dat|hier\w*|zo|zo'n|daar\w+|hij|zij|ze|dus|ook|bovendien|verder|toch|dan|"
    r"wel|beide|zij|hun|hem|haar|denk aan)\b",
    re.IGNORECASE,
)
SEQUENCE = re.compile(
    r"^(?:eerst|daarna|vervolgens|dan volgt|dan volgen|dan komt|dan komen|pas als|pas dan|tot slot|"
    r"ten slotte|tenslotte|als laatste|je begint|het begint|komen er|op basis daarvan|daarop|"
    r"het plan eindigt|"
    r"(?:ten |het |de |een )?(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|laatste))\b",
    re.IGNORECASE,
)
# "Daarnaast …", "Bovendien …": one more point, after points counted off.
ADDITIVE = re.compile(r"^(?:daarnaast|bovendien|verder|ook)\b", re.IGNORECASE)
# "Het tweede uitgangspunt is …", "De derde methode is …": the noun they number.
ORDINAL = re.compile(
    r"^(?:het|de|ten|een) (?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|laatste) (\w{3,})\b", re.I
)
# "Hij is coördinator of regisseur: …", "En hij is manager van zijn accounts: …".
ROLE_ITEM = re.compile(r"^(?:en )?(?:hij|zij|ze) is [^:.]{1,40}: ", re.I)
ANNOUNCE = re.compile(
    r"\b(?:[2-9]|1[0-2]|twee|drie|vier|vijf|zes|zeven|acht) (?:\w+ )?\w{3,}(?:en|s)\b|"
    r"vaste (?:volgorde|opbouw)|"
    r"onderscheid\w*|indeling|bestaat uit|opgebouwd|:\s*$|\b\w*(?:" + LIST_NOUNS + r")\b",
    re.IGNORECASE,
)
# A list still to come: "… verschilt op een aantal belangrijke punten …", "Zo ontstaan vier
# kwadranten.", "…:" at the end (not "Veel bedrijven hebben beide types nodig").
AHEAD = re.compile(
    r"\b(?:[2-9]|twee|drie|vier|vijf|zes|zeven|acht|een aantal|enkele|verschillende|meerdere)\s+"
    r"(?:\w+\s+){0,2}?\w*(?:" + LIST_NOUNS + r")\b|:\s*$|\bvaste (?:volgorde|opbouw)\b",
    re.IGNORECASE,
)
LOOKS_BACK = re.compile(
    r"^\W*(?:\w+ ){0,2}(?:deze|die|dit|zulke) (?:\w+ )?\w*(?:" + LIST_NOUNS + r")\b", re.IGNORECASE
)


def looking_back(text: str, nouns: str) -> float:
    """How much a sentence that looks back at a list ("Voor deze rollen …") is not its announcement:
    fully, unless it lists its own ("… vaardigheden nodig: …") and the question's list nouns
    (``nouns``, as a regex alternation) are not what it looks back at."""
    back = LOOKS_BACK.search(text)
    if not back and not (nouns and re.search(rf"\b(?:deze|die|dit|dat|zulke|hun) (?:{nouns})\b", text, re.I)):
        return 0.0
    own = back is not None and inline_list(text) and not (nouns and re.search(nouns, back[0]))
    return 1.0 if own else 2.0


FUNCTION_WORDS = frozenset(
    "de het een die dit deze dat hij zij ze je we wij er zo hier daar in op bij voor met als dan ook "
    "wie wat welke maar en of om tot na".split()
)


@lru_cache(maxsize=8192)
def gives_examples(text: str) -> bool:
    """Whether a sentence lists examples of the sentence before ("Denk aan het orderproces, …")."""
    return text.startswith("Denk aan ")


def announces(text: str) -> bool:
    """Whether a sentence announces a list ("drie groepen", "een indeling", "…:")."""
    return ANNOUNCE.search(text) is not None


@lru_cache(maxsize=8192)
def is_item_head(s: Sentence) -> bool:
    """Whether ``s`` starts a list item: a list line, an ordinal, or 'Term (…)' / 'Term:' up front."""
    if s.line_start or SEQUENCE.match(s.text) or ROLE_ITEM.match(s.text):
        return True
    m = re.search(r"[(:]", s.text)
    if m is None or m.start() == 0:
        return False
    before = len(s.text[: m.start()].split())
    if m.group() == "(":
        return before <= 6 and not BACKREF.match(s.text)
    # "Hij is verkoper: …" and "Promotors geven een 9 of 10: …" start items; "De inkoper gebruikt …:"
    # and a label like "Het uitgangspunt: …" do not.
    first = s.text.split()[0].lower()
    if before == 2 and first in ("de", "het", "een"):
        return False
    return before <= 3 or (before <= 6 and first not in FUNCTION_WORDS)


def ordinal_items(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that number one kind of thing in turn ("Het eerste uitgangspunt …", "Het tweede
    uitgangspunt …"): the items of a list whose other sentences explain them; [] when fewer than two."""
    by_noun: dict[str, list[Sentence]] = {}
    for s in sentences:
        m = ORDINAL.match(s.text)
        if m:
            by_noun.setdefault(m[1].lower(), []).append(s)
    best = max(by_noun.values(), key=len, default=[])
    return best if len(best) >= 2 else []


def count_items(sentences: list[Sentence]) -> int:
    """How many list items ``sentences`` hold: ordinals of one kind, item heads, named items in
    brackets, or sentences that open the same way ("Hij is verkoper …", "Hij is adviseur …")."""
    numbered = ordinal_items(sentences)
    if numbered:
        return len(numbered)
    heads = sum(is_item_head(s) for s in sentences)
    brackets = sum(s.text.count("(") for s in sentences)
    openings = Counter(" ".join(s.text.lower().split()[:2]) for s in sentences)
    # Compounds that end alike open items too: "Transactieklanten …", "Relatieklanten …".
    firsts = [s.text.split()[0].lower().strip(",:;") for s in sentences if s.text.split()]
    endings = Counter(w[-7:] for w in firsts if len(w) >= 9 and w not in FUNCTION_WORDS)
    parallel = max((n for n in [*openings.values(), *endings.values()] if n >= 2), default=0)
    # A sentence that announces and carries its own list ("Een indeling is: a → b → c").
    # "Denk aan het orderproces, de levering, …": the examples of the sentence before. Once an
    # item has begun, a list inside it is that item's content ("Routineproducten (…) … De inkoper
    # wil hier vooral efficiënt werken: weinig administratie, …" is one quadrant, not four).
    first_item = next((i for i, s in enumerate(sentences) if is_item_head(s)), len(sentences))
    said = [s for s in sentences[:first_item] if announces(s.text) or gives_examples(s.text)]
    inline = max((inline_count(s.text) for s in said), default=0)
    return max(heads, brackets, parallel, inline)


@lru_cache(maxsize=8192)
def inline_count(text: str) -> int:
    """Items of a sentence's own list after a colon (0 when it has none)."""
    if not inline_list(text):
        return 0
    if ":" not in text:
        return len(_short_list(text))
    rest = re.sub(r"\([^)]*\)", "", text.partition(":")[2])
    return max(rest.count("→") + 1, rest.count(",") + 1 + (" en " in rest or " of " in rest))


@lru_cache(maxsize=8192)
def announced_count(text: str) -> int | None:
    """'… heeft zes stappen' → 6."""
    m = re.search(r"\b([2-9]|1[0-2]|" + "|".join(NUMBERS) + r") (?:\w+ )?\w{3,}(?:en|s)\b", text.lower())
    if not m:
        return None
    return number_value(m.group(1))


SHORT_LIST = re.compile(
    r"\b(?:staat voor|staan voor|bestaat uit|bestaan uit|omvat|zijn bijvoorbeeld|zijn onder meer|"
    r"zijn onder andere)\s+(?P<items>[^.;:]+)|^Denk aan\s+(?P<examples>[^.;:]+)"
)


_LIKE = re.compile(r"^(?P<what>[^,]+),\s*zoals\s+(?P<items>[^.;:]+)")


def like_items(text: str) -> tuple[str, list[str]]:
    """What a sentence gives examples of and the examples ("Key accounts vragen veel, zoals
    maatwerk, scherpe prijzen en voorrang bij levering, en ze …" → the first clause and three
    items, up to the part that joins the last one); no items when there are fewer than three."""
    m = _LIKE.match(text)
    if m is None:
        return "", []
    items: list[str] = []
    for part in re.sub(r"\([^)]*\)", "", m["items"]).split(","):
        last = re.split(r"\s+(?:en|of)\s+", part.strip(), maxsplit=1)
        items += [i.strip() for i in last if i.strip()]
        if len(last) > 1:
            break
    ok = len(items) >= 3 and all(len(i.split()) <= 3 for i in items)
    return m["what"], items if ok else []


def _short_list(text: str) -> list[str]:
    """Items of "STP staat voor segmentatie, targeting en positionering" (three or more short ones)."""
    m = SHORT_LIST.search(text)
    if not m:
        return []
    if m["examples"]:  # "Denk aan het orderproces, de levering, … en de afhandeling van klachten"
        *first, last = re.sub(r"\([^)]*\)", "", m["examples"]).split(",")
        items = [i.strip() for i in [*first, *re.split(r"\s+(?:en|of)\s+", last, maxsplit=1)] if i.strip()]
        bare = [re.sub(r"^(?:de|het|een)\s+", "", i) for i in items]
        return items if len(items) >= 3 and all(len(i.split()) <= 5 for i in bare) else []
    items = [i.strip() for i in re.split(r",\s*|\s+en\s+", m["items"]) if i.strip()]
    return items if len(items) >= 3 and all(len(i.split()) <= 3 for i in items) else []


@lru_cache(maxsize=8192)
def inline_list(text: str) -> bool:
    """A sentence that carries its own list of short items (after a colon, or 'staat voor a, b en c')."""
    _, colon, rest = text.partition(":")
    if not colon:
        return bool(_short_list(text))
    if rest.count("→") >= 2:
        return True
    if rest.rstrip().endswith("?"):
        return False  # a list of questions is an explanation, not a list of items
    bare = re.sub(r"\([^)]*\)", "", rest)
    first = bare.split(",")[0]
    parts = [p for p in re.split(r",|\s(?:en|of)\s", bare) if p.strip()]
    return (bare.count(",") >= 2 or (bare.count(",") == 1 and len(parts) >= 3)) and len(first.split()) <= 6


def inline_items(text: str) -> list[str]:
    """The items of a sentence's own list ("a, b en c" after a colon or "staat voor"), brackets dropped."""
    short = _short_list(text)
    if short:
        return short
    if not inline_list(text):
        return []
    rest = re.sub(r"\([^)]*\)", "", text.partition(":")[2]).rstrip(" .")
    return [i.strip() for i in re.split(r",\s*|\s+(?:en|of)\s+|\s*→\s*", rest) if i.strip()]


def repeated_head(text: str) -> str | None:
    """A noun the items of a sentence share ("de openbare procedure … de niet-openbare procedure",
    "grote klanten, middelgrote klanten en kleine klanten"): a word of five letters or more used
    at least twice outside brackets."""
    counts = Counter(w for w in re.findall(r"[a-zà-ÿ-]{5,}", re.sub(r"\([^)]*\)", "", text.lower())))
    word, n = counts.most_common(1)[0] if counts else ("", 0)
    return word if n >= 2 else None


def carries_on(text: str, so_far: str) -> bool:
    """Whether a sentence carries on a sequence already started ('Vervolgens', 'De derde …', and
    'Daarnaast …' after 'Ten eerste … Ten vierde …')."""
    m = SEQUENCE.match(text)
    if not m:
        return bool(ADDITIVE.match(text) and re.search(r"\bten (?:eerste|tweede|derde|vierde)\b", so_far))
    ordinal = re.search(r"(tweede|derde|vierde|vijfde|zesde|zevende)", m.group().lower())
    if ordinal is None:
        return True
    order = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende"]
    if order[order.index(ordinal.group(1)) - 1] in so_far:
        return True
    # "Een veelgebruikte indeling … Een tweede indeling …": the noun counted was the list's before.
    noun = ORDINAL.match(text)
    return noun is not None and re.search(rf"\b{noun.group(1).lower()}\b", so_far) is not None


# What a list question asks for ----------------------------------------------------------------
# "soorten verkopers qua kanaal": a list asked by one aspect.
BY_ASPECT = re.compile(r"\b(?:qua|wat betreft|op basis van|(?:ingedeeld|indelen|verdeeld) naar)\s+(.+)$")


# "welke soorten verkopers", "what types of customers": the kind of thing asked.
KINDS_OF = re.compile(r"\b(?:soorten|typen|types|vormen|kinds) (?:van |of )?([a-z]{4,})\b")


# "welke (andere) signalen …": the plural asked for.
ASKED_PLURAL = re.compile(r"(?:^|[,:;] |\ben |(?:\.\.\.|…) )welke (?:andere |\w+e )?([\w'-]{4,}(?:en|s))\b")
# Words that name where something happens: the items of a "waar …" list.
PLACES = re.compile(r"\b(?:gelegenhe\w+|plekken|plaatsen|locaties|evenementen|bijeenkomsten)\b")
# "waaruit bestaat …", "uit welke lagen is … opgebouwd" and the notes' "… bestaat uit …".
CONSISTS = re.compile(
    r"\b(?:bestaa?t|bestaan|opgebouwd|samengesteld)\b.*\buit\b|"
    r"\b(?:waaruit|uit welke)\b.*\b(?:bestaa?t|bestaan|opgebouwd)\b"
)
# "in welke volgorde", "stap voor stap", "welke stappen": the order of things asked for.
STEPS_ASKED = re.compile(r"\b(?:volgorde|stap voor stap|stappen|in stappen)\b")
_IN_TURN = re.compile(r"\b(?:eerst|dan|daarna|vervolgens|tot slot|ten slotte|als laatste)\b", re.IGNORECASE)


_OPENS = re.compile(r"^(?:je|hij|zij|ze|de verkoper) (?:opent|begint|start)\b", re.IGNORECASE)


def inline_sequence(text: str) -> bool:
    """Whether one sentence tells steps in turn ("eerst het beleid …, dan de organisatie …, daarna …")."""
    turns = {m.lower() for m in _IN_TURN.findall(text)}
    # "Je opent met wie je bent, stelt een paar vragen, noemt … en vraagt om een afspraak."
    opens = _OPENS.match(text) is not None and text.count(",") >= 2 and " en " in text
    return ("eerst" in turns and len(turns) >= 3) or opens


# How the items should be ordered ("onderaan beginnend", "van laag naar hoog") says nothing about
# which list is asked.
ORDER_ASIDE = re.compile(
    r"[,;]?\s*\b(?:(?:onderaan|bovenaan|onderin|bovenin|beneden|boven) "
    r"(?:beginnend|beginnen|te beginnen|begonnen)|"
    r"(?:beginnend|beginnen|te beginnen) "
    r"(?:onderaan|bovenaan|onderin|bovenin|bij de (?:top|basis|onderkant))|"
    r"van (?:laag|hoog|klein|groot|onder) naar (?:hoog|laag|groot|klein|boven))\b",
    re.IGNORECASE,
)


# List nouns that say nothing of what is listed ("welke soorten", "de onderdelen").
GENERIC_NOUNS = frozenset(
    "soorten vormen types typen kinds onderdelen elementen punten parts elements".split()
)


def other_kind(asked: str, text: str) -> bool:
    """Whether ``text`` announces a counted list of another kind than the one asked (``asked``: the
    question's list nouns, '|'-joined): "rollen" asked, "zes stappen" announced."""
    wanted = {n[:3] for n in asked.split("|") if n and n not in GENERIC_NOUNS}
    counted = rf"\b(?:\d+|{'|'.join(NUMBER_WORDS.values())}) ({LIST_NOUNS})\b"
    said = {n[:3] for n in re.findall(counted, text.lower()) if n not in GENERIC_NOUNS}
    return bool(wanted) and bool(said) and not wanted & said


def same_kind(asked: str, text: str) -> bool:
    """Whether ``text`` names the kind of list asked (``asked``: the question's list nouns,
    '|'-joined): "welke rollen" asked, "Binnen de DMU onderscheiden we rollen." said."""
    wanted = {re.sub(r"(?:en|s)$", "", n) for n in asked.split("|") if n and n not in GENERIC_NOUNS}
    return any(re.search(rf"\b{re.escape(w)}", text.lower()) for w in wanted if len(w) >= 3)
