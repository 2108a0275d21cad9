"""The sides of a comparison: "verschil tussen X en Y", "X vs Y", "X of Y, wie doet wat"."""

from __future__ import annotations

import re
from collections.abc import Mapping

COMPARISON = [
    re.compile(r"^wat (?:doet|doen|is|zijn|wil|willen) (?P<a>.+?),? en wat (?:doet|doen|is|zijn|wil|willen) "
               r"(?P<b>.+)$"),
    re.compile(r"\b(?:verschil|verschillen|onderscheid|difference|differences)\b(?: (?:is|zit|ligt)(?: er)?)?"
               r"(?: (?:eens )?uit)?(?: tussen| between)? (?P<a>.+?) (?:en|and|met|with|vs\.?|versus) "
               r"(?P<b>.+)$"),
    re.compile(r"\bwaarin (?:verschilt|verschillen) (?P<a>.+?) (?:van|en) (?P<b>.+?)(?: van elkaar)?$"),
    re.compile(r"\b(?:wat onderscheidt|waarin onderscheidt) (?P<a>.+?) (?:zich )?van (?P<b>.+?)"
               r"(?: (?:bij|in|volgens) .+)?$"),
    re.compile(r"\bhoe (?:verschilt|verschillen) (?P<a>.+?) (?:van|en) (?P<b>.+?)(?: van elkaar)?$"),
    re.compile(r"\b(?:how (?:do|does)|in what way (?:do|does)) (?P<a>.+?) differ (?:from|with) (?P<b>.+)$"),
    # "diamant en vlinderdas, leg het verschil uit": the sides first, then the difference asked.
    re.compile(r"^(?P<a>[^,:]+?) (?:en|of|and|or|vs\.?|versus) (?P<b>[^,:]+?)[,:]? (?:leg|geef|noem|explain) "
               r"(?:me )?(?:eens )?(?:het|de|the)? ?(?:verschil|verschillen|onderscheid|difference)(?: eens)?"
               r"(?: uit)?$"),
    re.compile(r"^(?:wat is )?(?P<a>.+?) (?:vs\.?|versus|tegenover|t\.o\.v\.?|of|or|en|and) (?P<b>.+?)"
               r"(?:,? (?:wat is het|wat zijn de|what is the|what's the)? ?(?:verschil|difference)\w*)$"),
    re.compile(r"^(?P<a>[^,]+?) (?:vs\.?|versus|tegenover) (?P<b>[^,]+)(?:,[^,]*)?$"),
    # "koude en warme acquisitie vergelijken", "vergelijk een lead met een prospect".
    re.compile(r"^(?P<a>[^,]+?) (?:en|met) (?P<b>[^,]+?) (?:vergelijken|vergeleken|compare[d]?)$"),
    re.compile(r"^(?:vergelijk|compare) (?P<a>.+?) (?:en|met|with|and) (?P<b>.+)$"),
    # "deskresearch en fieldresearch naast elkaar", "leg een mql naast een sql".
    re.compile(r"^(?P<a>[^,]+?) (?:en|met) (?P<b>[^,]+?),? naast elkaar"
               r"(?: (?:gezet|gelegd|zetten|leggen))?$"),
    re.compile(r"^(?:leg|zet) (?P<a>.+?) naast (?P<b>.+)$"),
    # "is een lead hetzelfde als een prospect?", "is a lead the same as a prospect".
    re.compile(r"^(?:is|zijn|is a|is an|are) (?P<a>.+?) "
               r"(?:hetzelfde als|gelijk aan|(?:iets )?anders dan|the same as|the same thing as|"
               r"different from) (?P<b>.+)$"),
    # "zijn suspect en prospect hetzelfde", "sales pipeline en sales funnel, zelfde ding?".
    re.compile(r"^(?:zijn|is|are) (?P<a>.+?) (?:en|and) (?P<b>.+?) (?:hetzelfde|gelijk|the same)(?: ding)?$"),
    re.compile(r"^(?P<a>[^,:]+?) (?:en|of|and|or|vs\.?|versus) (?P<b>[^,:]+?)[,:]? "
               r"(?:(?:is|zijn) (?:dat|het) )?(?:niet )?"
               r"(?:het ?zelfde|zelfde|hetzelfde|the same)(?: ding| thing)?$"),
    # "segmentatie en targeting, hoe verschillen die?", "lead of prospect: wat is het verschil".
    re.compile(r"^(?P<a>[^,:]+?) (?:en|of|and|or) (?P<b>[^,:]+?)[,:]? (?:hoe|waarin|wat) "
               r"(?:verschillen|verschilt|is het verschil|zijn de verschillen)\b[^,]*$"),
    # "promotor en detractor, wat scheidt ze", "bow tie of diamond, wat is anders", "… zit daar verschil in".
    re.compile(r"^(?P<a>[^,:]+?) (?:en|of|and|or|vs\.?|versus) (?P<b>[^,:]+?)[,:]? "
               r"(?:wat (?:scheidt|onderscheidt|scheelt) (?:ze|hen|die|hun|het|dat)|wat is (?:er )?anders|"
               r"zit (?:daar|er) (?:een |nog )?verschil (?:in|tussen)|wat is het onderscheid|"
               r"verschillen (?:ze|die|deze)|"
               r"hoe (?:hou|houd) (?:ik|je|jij|we) (?:ze|die|deze|hen|die twee) uit elkaar)\b[^,]*$"),
    # "wat is beter: transactionele verkoop of consultative selling", "wie heb je nodig, hunter of farmer".
    re.compile(r"^(?:wat|wie|welke?) (?:is|zijn|werkt|past) (?:beter|handiger|slimmer|nuttiger|belangrijker)"
               r"(?: voor \w+)?[:,]? (?P<a>.+?) of (?P<b>.+)$"),
    # "marketing of sales, wat doet wie?", "cross of upselling: wat is wat".
    re.compile(r"^(?P<a>[^,:]+?) (?:en|of|and|or|vs\.?|versus) (?P<b>[^,:]+?)[,:]? "
               r"(?:wat doet wie|wie doet wat|wat is wat|welke is welke|what does what|which is which)$"),
    # "transactionele verkoop of solution selling, wat past bij een ingewikkeld product", "investeren
    # of afromen, wanneer kies je wat": a choice.
    re.compile(r"^(?P<a>[^,:]+?) (?:of|or|vs\.?|versus) (?P<b>[^,:]+?)[,:] (?:(?:wat|welke|wie) "
               r"(?:past|werkt|kies|gebruik|heb)|wanneer (?:kies|gebruik|neem|doe))\b[^,]*$"),
    # "is een nieuwe taak moeilijker dan een modified rebuy": a comparative weighs two sides.
    re.compile(r"^(?:is|zijn|werkt|kost|is a|is an) (?P<a>.+?) "
               r"(?:\w{3,}(?<!n)er|meer \w+|minder \w+|beter) dan (?P<b>.+)$"),
    re.compile(r"\b(?:verschil|difference) (?:met|with) (?P<b>.+)$"),
]  # fmt: skip
# A context both sides share, said once after the last: "gebruiker en beslisser in de dmu".
SHARED_CONTEXT = re.compile(
    r"^(?P<side>.+?) (?:(?:in|bij|binnen|van|volgens|uit) (?:de|het|een) .+|(?:bij|volgens|in) [\w'-]+)$"
)
# "verschil diamantmodel vlinderdasmodel": the difference asked before the terms.
DIFFERENCE_FIRST = re.compile(
    r"^(?:wat is (?:het )?)?(?:verschil|verschillen|onderscheid|difference)(?: tussen| between)? "
)
JOINING = frozenset({"en", "of", "vs", "versus", "and", "or", "tegenover"})
PREPOSITION = re.compile(r"^(?:aan|voor|bij|met|in|op|naar|tegen|via|zonder|door|to|for|with) ")


def strip_side(text: str) -> str:
    """A comparison side without articles, trailing question words or punctuation."""
    t = re.sub(r"[?,.!:;]+", " ", text).strip()
    t = re.sub(r"^(?:een|de|het|a|an|the) ", "", t)
    # "leg het verschil tussen een lead en een prospect uit": the verb's particle is no side.
    t = re.sub(r"\s+(?:van elkaar|precies|eigenlijk|is|zijn|uit|uitleggen|toelichten|beschrijven)$", "", t)
    t = re.sub(r"\s+(?:qua|wat betreft|als het gaat om)\s.*$", "", t)  # "… qua kosten": an aspect, no side
    # "… met voorbeeld", "… in het kort": how the answer is wanted, no part of a side.
    t = re.sub(
        r"\s+(?:met (?:een )?voorbeeld(?:en|je)?|in het kort|in (?:een )?paar zinnen|graag|pls|aub|"
        r"(?:lijken|lijkt) op elkaar)$",
        "",
        t,
    )
    return t.strip()


def comparison_sides(q: str) -> tuple[str, ...]:
    """The sides a (folded) comparison question names: two, or one when the other is the topic
    talked about before ("en wat is het verschil met een lead?"); empty when it compares nothing."""
    for pattern in COMPARISON:
        m = pattern.search(q)
        if not m:
            continue
        # "b2b, b2c en b2r": more sides than two, listed before the last pair.
        *listed, first = (m.groupdict().get("a") or "").split(",")
        more = [side for side in map(strip_side, listed) if side]
        a = strip_side(first)
        b = strip_side(m["b"].split(",")[0])  # "… en visie, met voorbeeld": the side ends at the comma
        if not b or not (a or pattern is COMPARISON[-1]):
            continue
        shared = SHARED_CONTEXT.match(b) if a else None
        if shared and not SHARED_CONTEXT.match(a) and len(a.split()) <= 3:
            b = shared["side"]  # retrieval still reads the context in the question
        # "een open en een niet-openbare aanbesteding": the first adjective within the second's.
        opposed = len(b.split()) >= 2 and len(a) >= 4 and a in b.split()[0] and a != b.split()[0]
        adjective = re.search(r"(?:(?<!i)e|ele|ieve)$", a) is not None or opposed
        if a and len(a.split()) == 1 and len(b.split()) >= 2 and adjective:
            a = f"{a} {b.split()[-1]}"  # "rationele en emotionele koopmotieven", "… onderhandse procedure"
        elif len(a.split()) >= 2 and len(b.split()) == 1 and re.search(r"(?:nde|ele|ieve)$", b):
            b = f"{b} {a.split()[-1]}"  # "een nieuwe klant en een bestaande": a bestaande klant
        pronoun = re.match(r"^(?:die|degene|diegene)\s+", b)
        if a and pronoun:
            b = f"{a.split()[0]} {b[pronoun.end():]}"  # "de verkoper op kantoor versus die op de weg"
        if a and PREPOSITION.match(b) and not PREPOSITION.match(a):
            # "verkopen aan een consument versus aan een bedrijf": the second side shares the verb.
            head = re.split(r" (?=(?:aan|voor|bij|met|in|op|naar|tegen|via|zonder|door) )", a, maxsplit=1)[0]
            b = f"{head} {b}" if head != a else b
        if a and not more and re.search(r"\s(?:en|and|vs\.?|versus)\s", b):
            # "een suspect en prospect en een lead", "missie vs visie vs strategie": three sides.
            *more, a, b = [a, *(strip_side(x) for x in re.split(r"\s(?:en|and|vs\.?|versus)\s", b))]
        return (*more, a, b) if a else (b,)
    return ()


def _named(words: str, names: Mapping[str, object]) -> str | None:
    """The name in ``names`` that ``words`` say: as written, in the plural ("promotors",
    "transactieklanten") or with a doubled letter ("targetting")."""
    forms = [words, words[:-1] if words.endswith("s") else "", words[:-2] if words.endswith("en") else ""]
    forms += [words + "en", words + "s"]  # "routineproduct": the notes' "Routineproducten"
    forms.append(re.sub(r"([^aeiou\W])\1", r"\1", words))
    return next((f for f in forms if f and f in names), None)


def bare_terms(q: str, names: Mapping[str, object]) -> tuple[str, ...]:
    """Two or three terms typed one after the other and nothing else ("hunter farmer",
    "segmentatie targeting positionering"), each a name in ``names`` (folded) of a different entry:
    the sides to set side by side; empty otherwise."""
    # "verschil diamantmodel vlinderdasmodel": the difference asked, then the terms without "en".
    q = DIFFERENCE_FIRST.sub("", q)
    words = re.sub(r"[?!.,;/]+", " ", q).split()
    if not 2 <= len(words) <= 9:
        return ()

    def split(rest: list[str]) -> list[str] | None:
        if not rest:
            return []
        if len(rest) >= 2 and rest[0] in JOINING:  # "kenmerk en voordeel": a word between two terms
            rest = rest[1:]
        for n in range(min(3, len(rest)), 0, -1):
            head = _named(" ".join(rest[:n]), names)
            tail = split(rest[n:]) if head is not None else None
            if head is not None and tail is not None:
                return [head, *tail]
        return None

    parts = split(words)
    shared = SHARED_CONTEXT.match(" ".join(words)) if parts is None else None
    if shared is not None:  # "kenmerk en voordeel bij een printer": the context both share
        parts = split(shared["side"].split())
    if parts is None or not 2 <= len(parts) <= 3 or len({id(names[p]) for p in parts}) < len(parts):
        return ()
    return tuple(parts)
