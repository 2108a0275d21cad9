"""Graded words: what a situation or a category says about how much, how hard, new or the same.

Categories that are siblings often differ only in grade: "hoge impact, laag risico" against "lage
impact, hoog risico", "een andere leverancier" against "dezelfde leverancier", "weinig waarde en
weinig groeipotentieel" against "hoge potentiële waarde". Plain content tokens drop those words
(they are stop words or too common to weigh), so siblings look alike. A graded pair keeps them:
the grade of a word ("low") with the content word it qualifies ("groeipotentieel"), next to it on
either side. Dutch and English grade words; the content word is stemmed like everywhere else.
"""

from __future__ import annotations

import re

from index.text import DUTCH_STOPWORDS, IRREGULAR, bm25_tokens, fold

GRADES: dict[str, str] = {}
for grade, words in {
    "high": "veel hoog hoge groot grote grotere meer sterk sterke vaak zwaar zware uitgebreid uitgebreide "
    "lang lange langdurig langdurige enorm enorme heel tientallen honderden talloze elke iedere genoeg "
    "voldoende volop legio ruim ruime many much plenty enough "
    "high large big often",
    "low": "weinig laag lage klein kleine minder nauwelijks beperkt beperkte zelden kort korte geen niet "
    "niks nooit bijna few little low small rarely never",
    "one": "enkel enkele enige single sole",
    "hard": "moeilijk moeilijke lastig lastige schaars schaarse zeldzaam zeldzame hard",
    "easy": "makkelijk makkelijke gemakkelijk eenvoudig eenvoudige overal simpel easy",
    "other": "andere ander nieuwe nieuw anders wisselt wisselen other new different",
    "same": "dezelfde hetzelfde zelfde vaste vast bestaande bestaand same existing",
    "first": "eerste eerst first",
}.items():
    for word in words.split():
        GRADES.setdefault(word, grade)

# Words that grade a word they leave out: "goedkoop" is "kost weinig".
IMPLIED = {
    **dict.fromkeys("goedkoop goedkope goedkoopst goedkoopste cheap".split(), ("low", "kost")),
    **dict.fromkeys("duur dure duurder duurste kostbaar kostbare expensive".split(), ("high", "kost")),
    **dict.fromkeys("miljoen miljoenen".split(), ("high", "kost")),
    **dict.fromkeys("cent centen dubbeltje".split(), ("low", "kost")),
}
# Graded words of money and of supply said the way a purchasing model says them ("kost weinig" is a
# low financial impact; "overal te krijgen", "veel leveranciers" a low supply risk; "maar één
# leverancier" a high one), so a situation in everyday words meets Kraljic's "lage impact, hoog risico".
MONEY = frozenset("kost geld prijs bedrag inkoopbedrag financiel".split())
GETTING = frozenset("krijg koop vervang verkrijg lever".split())
SOURCES = frozenset("leverancier aanbieder bedrijf fabriek producent fabrikant".split())
AXES = frozenset({"impact", "risico"})
SUPPLY_RISK = {
    **{("easy", w): "low" for w in GETTING},
    **{("hard", w): "high" for w in GETTING},
    **{("high", w): "low" for w in SOURCES},
    **{("low", w): "high" for w in SOURCES},
    **{("one", w): "high" for w in SOURCES},
}
OPPOSITE = {"high": "low", "low": "high", "hard": "easy", "easy": "hard", "other": "same", "same": "other"}
_SINGLE_VOWEL = re.compile(r"([aeou])\1")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Words between a grade word and the word it qualifies ("veel te weinig", "heel erg duur").
# "<noun> waar we (nog) niet/al actief zijn": whether the situation already knows the noun.
_WHERE = re.compile(
    r"\b(?P<noun>[a-z]{4,}) waar (?:we|wij|je|ik|ze|zij|hij|men|jullie) (?:nu )?"
    r"(?:(?P<not>(?:nog )?(?:helemaal )?(?:niet|nooit|geen))|al|nu al) "
    r"(?:\w+ )?(?:actief|aanwezig|zitten|zaten|verkopen|verkochten|klanten|leveren|bekend)\b"
)
_SKIP = frozenset("de het een te van zijn is er heel erg zo nog al om".split())
# Words that deny what follows: "geen nieuwe klanten", "nauwelijks nieuwe klanten".
_HARDLY = frozenset("geen nauwelijks nooit zelden amper hardly no never".split())


def graded_pairs(text: str) -> set[tuple[str, str]]:
    """(grade, stemmed content word) pairs of ``text``: "veel leveranciers" → ("high", "leverancier"),
    "kost weinig" → ("low", "kost"), "nauwelijks groeipotentieel" → ("low", "groeipotentieel")."""
    ws = _WORD.findall(fold(re.sub(r"\b[éÉ]én\b", "enkel", text)))
    out: set[tuple[str, str]] = set()
    for i, w in enumerate(ws):
        grade = GRADES.get(w)
        if grade is None:
            continue
        # "niet veel" and "bijna geen" turn the grade round or keep it low.
        if i and ws[i - 1] in ("niet", "not") and grade in OPPOSITE:
            grade = OPPOSITE[grade]
        elif i and ws[i - 1] in _HARDLY and grade in ("other", "same"):
            grade = OPPOSITE[grade]  # "nauwelijks nieuwe klanten": the customers they have
        following = [x for x in ws[i + 1 : i + 4] if x not in _SKIP and x not in GRADES]
        if following and following[0] not in DUTCH_STOPWORDS:
            # "enorme groeikansen": the word and the notes' word for it ("groeipotentieel").
            out.update((grade, t) for t in bm25_tokens(f"{following[0]} {IRREGULAR.get(following[0], '')}"))
            if following[0].endswith("e") and len(following) > 1 and following[1] not in DUTCH_STOPWORDS:
                # An inflected adjective in between: "veel verschillende leveranciers".
                out.update((grade, t) for t in bm25_tokens(following[1]))
            continue
        # Said of the word before it: "(ze) kosten weinig, maar …".
        before = ws[i - 1] if i else None
        if before and before not in DUTCH_STOPWORDS and before not in GRADES and before not in _SKIP:
            out.update((grade, t) for t in bm25_tokens(before))
    for w in ws:
        if w in IMPLIED:
            out.add(IMPLIED[w])
    # "een markt waar we nog niet actief zijn" is a new market, "… waar we al zitten" an existing one.
    for m in _WHERE.finditer(" ".join(ws)):
        out.update(("other" if m["not"] else "same", t) for t in bm25_tokens(m["noun"]))
    return out


def as_purchasing(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The financial impact and supply risk ``pairs`` say, in Kraljic's words."""
    out = {(g, "impact") for g, t in pairs if t in MONEY and g in ("high", "low")}
    out |= {(SUPPLY_RISK[p], "risico") for p in pairs if p in SUPPLY_RISK}
    # Both axes or neither: "het goedkope model" alone is no purchasing situation.
    return out if {t for _, t in out} == AXES else set()


# A growth step in everyday words, as Ansoff's matrix says it (products and markets, new or the
# same): "we verkopen zonnepanelen en willen nu ook naar duitsland" sells what it has in a new market.
_NEW_MARKET = re.compile(
    r"\b(?:nu |straks )?ook (?:naar|in) (?!de |het |een )[a-z]{4,}|\bnaar het buitenland\b|\bexport\w*|"
    # "we willen met onze bestaande schoonmaakmiddelen naar duitsland": a move to a new country.
    r"\b(?:willen|gaan|uitbreiden|expanderen)\b.{0,50}\bnaar (?!de |het |een |huis\b)"
    r"(?:[a-z]{3,}land|belgie|frankrijk|spanje|italie|polen|oostenrijk|amerika|azie|china|europa)\b|"
    r"\bnieuwe (?:markt\w*|regio\w*|landen|land|doelgroep\w*|klantgroep\w*|branche\w*)\b"
)
_SAME_MARKET = re.compile(r"\b(?:bestaande|huidige|dezelfde|vaste) (?:klanten|markt\w*|afnemers|doelgroep)\b")
_NEW_PRODUCT = re.compile(
    r"\bnieuw\w* (?:product\w*|dienst\w*|assortiment)\b|\bnaast \w+ ook\b|"
    # "nu ook koffieautomaten gaan verkopen" (not "ook in duitsland gaan verkopen": a market)
    r"\book (?!(?:in|naar|aan|bij|via|op|voor|buiten|binnen|onze|ons|mijn|dezelfde|het|de)\b)\w+ "
    r"(?:\w+ )?(?:gaan |te )?(?:verkopen|leveren|aanbieden|maken|produceren)\b"
)
_SAME_PRODUCT = re.compile(
    r"\b(?:we|wij|ik) (?:verkopen|verkoop|maken|maak|leveren|lever|produceren)\b|"
    r"\b(?:onze|ons|mijn) (?:bestaande |huidige |eigen )?(?:producten|product|assortiment)\b|"
    r"\b(?:onze|ons|mijn|met de) (?:bestaande|huidige) (?!klant|markt|afnemer|doelgroep|relatie)[a-z]{4,}\b|"
    r"\b(?:hetzelfde|dezelfde|bestaande) (?:product\w*|assortiment)\b"
)


def as_growth(text: str) -> set[tuple[str, str]]:
    """The product and market a situation says are new or the same, in Ansoff's words ("mark" and
    "product", as the stemmer has them); both or neither."""
    q = fold(text)
    market = "other" if _NEW_MARKET.search(q) else "same" if _SAME_MARKET.search(q) else ""
    product = "other" if _NEW_PRODUCT.search(q) else "same" if _SAME_PRODUCT.search(q) else ""
    return {(market, "mark"), (product, "product")} if market and product else set()


def _same_word(a: str, b: str) -> bool:
    """One stem, or one a compound part of the other ("potentiel" in "groeipotentieel")."""
    a, b = (_SINGLE_VOWEL.sub(r"\1", x) for x in (a, b))  # the stemmer keeps "ee" in one, not the other
    return a == b or (min(len(a), len(b)) >= 5 and (a.endswith(b) or b.endswith(a)))


def grade_fit(situation: set[tuple[str, str]], category: frozenset[tuple[str, str]]) -> float:
    """How the grades agree: a pair both have counts one, a word they grade the opposite way counts
    minus one and a half; a kind of grade both use at all ("voor het eerst", "dezelfde") a quarter."""
    score = 0.0
    for g, t in situation:
        axis = 2.0 if t in AXES else 1.0  # a purchasing model's axis decides more than any one word
        if any(g == cg and _same_word(t, ct) for cg, ct in category):
            score += axis
        elif any(OPPOSITE.get(g) == cg and _same_word(t, ct) for cg, ct in category):
            score -= 1.5 * axis
    kinds = {g for g, _ in situation} & {"first", "same", "other"}
    theirs = {g for g, _ in category}
    clashing = sum(OPPOSITE.get(g) in theirs and g not in theirs for g in kinds)
    score += 0.25 * len(kinds & theirs) - 0.25 * clashing
    return score
