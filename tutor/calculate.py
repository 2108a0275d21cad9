"""The notes' formulas worked out with the student's own numbers, when the question gives them.

"we hebben 400 respondenten: 200 promotors, 120 passives en 80 detractors, wat is de nps?" gets
"Met jouw getallen: 50% promotors − 20% detractors = NPS +30." next to the notes' formula. Only
numbers the question names unambiguously are used; anything else gets the formula alone.
"""

from __future__ import annotations

import re

from index.text import fold
from tutor.forecast import moving_average, seasonal_index, trend
from tutor.intent import COUNTS
from tutor.loyalty import churn_rate, nps, retention_rate
from tutor.numbers import NUM, dutch, num, round_up, show, with_percent_signs


def hit_rate(question: str) -> str | None:
    """The share of quotations that became orders: "van de 80 offertes worden er 20 een order"."""
    q = fold(question)
    offers = re.search(rf"{NUM}\s+offertes", q) or re.search(rf"\boffertes\s*[:=]\s*{NUM}", q)
    orders = re.search(rf"{NUM}\s+(?:een\s+)?(?:order|orders|opdracht|opdrachten|getekend)\b", q)
    orders = orders or re.search(rf"\b(?:orders|opdrachten)\s*[:=]\s*{NUM}", q)  # "offertes: 45, orders: 9"
    orders = orders or re.search(rf"(?:worden|leiden)\s+(?:er\s+)?{NUM}\s+(?:tot\s+)?(?:een\s+)?order", q)
    # "… en er 20 gescoord worden", "25 ervan gewonnen": offers won in other words.
    won = r"(?:gescoord|gewonnen|binnengehaald|geaccepteerd|aangenomen|ondertekend)"
    orders = orders or re.search(rf"\b{NUM}\s+(?:\w+\s+)?{won}\b", q)
    rate_given = re.search(rf"hit\s?rate\s+(?:van\s+|is\s+|:\s*)?{NUM}\s*%", q)
    if orders and rate_given and not offers and 0 < num(rate_given[1]) <= 100:
        # "hoeveel offertes voor 10 orders bij een hitrate van 25%": the offers it takes.
        need = round_up(num(orders[1]) * 100 / num(rate_given[1]))
        given = show(num(rate_given[1]))
        return f"Met jouw getallen: {show(num(orders[1]))} orders ÷ hitrate {given}% = {need} offertes."
    if not offers or not orders:
        return None
    n_offers, n_orders = num(offers[1]), num(orders[1])
    if n_offers <= 0 or n_orders > n_offers:
        return None
    rate = 100 * n_orders / n_offers
    return f"Met jouw getallen: {show(n_orders)} orders / {show(n_offers)} offertes = hitrate {show(rate)}%."


# The funnel's stages, top to bottom, as a question may name them.
_FUNNEL = (
    ("suspects", r"suspects?"), ("leads", r"leads?"), ("prospects", r"prospects?"),
    ("offertes", r"offertes?"), ("orders", r"orders?|klant(?:en)?|deals?"),
)  # fmt: skip


def conversion(question: str) -> str | None:
    """The conversion from one funnel stage to a later one: "van 500 leads worden er 100 prospect"."""
    q = fold(question)
    found = []
    for rank, (name, pattern) in enumerate(_FUNNEL):
        m = re.search(rf"{NUM}\s+(?:\w+\s+)?(?:{pattern})\b", q)
        if m is not None:  # "20 klant": named as the student named them
            said = next((w for w in ("klanten", "deals") if w[:4] in m[0]), name)
            found.append((m.start(), rank, said, num(m[1])))
    if len(found) != 2 or "%" in q:
        return None
    (_, r1, n1, a), (_, r2, n2, b) = sorted(found)
    if r2 <= r1 or a <= 0 or b > a or (n1, n2) == ("offertes", "orders"):
        return None  # offers to orders is the hit rate
    return f"Met jouw getallen: {show(b)} {n2} / {show(a)} {n1} = conversieratio {show(100 * b / a)}%."


_FRACTION = {"de helft": 0.5, "een derde": 1 / 3, "een kwart": 0.25, "een vijfde": 0.2, "een tiende": 0.1}
# A share said in words: "een kwart van de offertes", "een op de vier leads".
FRACTIONS = re.compile(
    rf"\b(?:{'|'.join(_FRACTION)}|(?:een|één) op (?:de |elke |iedere )?(?:{'|'.join(COUNTS)}))\b"
)
_RATIO = re.compile(
    rf"\b(?:(\d+|een|één) op (?:de |elke |iedere )?(\d+|{'|'.join(COUNTS)})|"
    r"(\d+(?:[.,]\d+)?)\s*(?:%|procent)|"
    + "|".join(f"({k})" for k in _FRACTION)
    + r")"
)
_STAGES = r"(leads|prospects|suspects|offertes|gesprekken|afspraken|demo'?s|bezoeken|contacten)"


def _ratios(q: str, pos: int) -> list[float]:
    """The shares said from ``pos`` on, in order: "1 op de 5" → 0,2, "30%" → 0,3, "de helft" → 0,5
    (a count larger than its whole gives 2,0, which no share is)."""
    ratios = []
    for m in _RATIO.finditer(q, pos):
        if m[1]:
            of = float(COUNTS[m[2]]) if m[2] in COUNTS else num(m[2])
            ratios.append((1.0 if m[1] in ("een", "één") else num(m[1])) / of if of else 2.0)
        elif m[3]:
            ratios.append(num(m[3]) / 100)
        else:
            ratios.append(_FRACTION[m[0]])
    return ratios


def funnel_back(question: str) -> str | None:
    """What a target takes at an earlier stage of the funnel: "hoeveel leads heb ik nodig voor 10
    klanten als 1 op de 5 leads klant wordt" → 10 ÷ 20% = 50 leads (each ratio given divides)."""
    q = fold(question)
    # "hoeveel offertes", "aantal offertes nodig": the stage asked.
    asked = re.search(rf"\bhoeveel {_STAGES}", q) or re.search(rf"\baantal {_STAGES}(?= nodig\b)", q)
    target = re.search(rf"\b{NUM}\s+(?:nieuwe\s+)?(klanten|orders|deals|opdrachten|klant)\b", q)
    if asked is None or target is None or re.search(r"\b(?:telkens|steeds|elke fase|per fase)\b", q):
        return None
    ratios = _ratios(q, 0)
    if not ratios or any(not 0 < r <= 1 for r in ratios):
        return None
    need = num(target[1])
    for r in ratios:
        need /= r
    shares = " ÷ ".join(f"{show(100 * r)}%" for r in ratios)
    return (
        f"Met jouw getallen: {show(num(target[1]))} {target[2]} ÷ {shares} = "
        f"{show(round_up(need))} {asked[1]} nodig."
    )


def funnel_forward(question: str) -> str | None:
    """What a number of leads (or another early stage) becomes further down the funnel: "100 leads,
    30% wordt prospect, daarvan 40% offerte, daarvan 50% order, hoeveel orders" → 100 × 30% × 40% ×
    50% = 6 orders (each ratio given passes its share on)."""
    q = fold(question)
    asked = re.search(r"\bhoeveel (orders|klanten|deals|opdrachten|offertes|prospects|leads)\b", q)
    start = re.search(rf"\b{NUM}\s+{_STAGES}", q)
    if asked is None or start is None or start[2] == asked[1] or not start.start() < asked.start():
        return None
    ratios = _ratios(q, start.end())
    if not ratios or any(not 0 < r <= 1 for r in ratios):
        return None
    left = num(start[1])
    for r in ratios:
        left *= r
    shares = " × ".join(f"{show(100 * r)}%" for r in ratios)
    return f"Met jouw getallen: {show(num(start[1]))} {start[2]} × {shares} = {show(left)} {asked[1]}."


def _euro(x: float) -> str:
    """€ 1.050 or € 12,50: Dutch thousands and decimals."""
    whole = f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"
    return "€ " + dutch(whole)


_MONEY = rf"(?:€\s*)?{NUM}\s*(?:euro|eur|€)?"
_PER = r"(maand|week|jaar|kwartaal)"


def _first(text: str, *patterns: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := re.search(p, text))), None)
_PERIOD = {"maand": 12, "week": 52, "jaar": 1, "kwartaal": 4}


def _per_purchase(q: str) -> tuple[float, str] | None:
    """The margin per period from a margin per purchase and the purchases per period: "marge 60 euro
    per aankoop, 4 aankopen per jaar" → (240, "jaar")."""
    each = _first(
        q,
        rf"(?:marge|winst)\s+(?:van\s+|is\s+)?{_MONEY}\s+per\s+(?:aankoop|bestelling|order|keer)",
        rf"{_MONEY}\s*(?:marge|winst)\s+per\s+(?:aankoop|bestelling|order|keer)",
        rf"(?:telkens|steeds|elke keer|iedere keer)\s+(?:een\s+)?{_MONEY}\s*(?:aan\s+)?(?:marge|winst)",
        # "3 keer per jaar koopt met 50 marge": a margin said beside the purchases per period.
        rf"(?:met|à)\s+(?:een\s+)?{_MONEY}\s*(?:aan\s+)?(?:marge|winst)\b",
    )
    times = r"(?:aankopen|bestellingen|orders|keer|x|maal)"
    count = re.search(rf"{NUM}\s*{times}\s+(?:per|elk|ieder)\s+{_PER}", q)
    if each is None or count is None:
        return None
    return num(each[1]) * num(count[1]), count[2]


def _share_of_sales(q: str) -> tuple[float, str] | None:
    """The margin per period as a share of the sales per period: "koopt elk jaar voor 2000 euro met
    25% marge" → (500, "jaar")."""
    sales = _first(
        q,
        rf"(?:voor\s+)?{_MONEY}\s+(?:omzet\s+)?(?:per|elk|ieder|elke|iedere)\s+{_PER}",
        rf"(?:per|elk|ieder|elke|iedere)\s+{_PER}\s+(?:voor\s+)?{_MONEY}",
    )
    share = _first(q, rf"{NUM}\s*%\s*(?:marge|winst)", rf"(?:marge|winst)\s+(?:van\s+|is\s+)?{NUM}\s*%")
    if sales is None or share is None:
        return None
    amount, period = (sales[1], sales[2]) if sales[1][0].isdigit() else (sales[2], sales[1])
    return num(amount) * num(share[1]) / 100, period


# "vier keer per jaar, vijf jaar lang": a count in words before what it counts.
_COUNTED = re.compile(
    rf"\b({'|'.join(w for w in COUNTS if w not in ('nul', 'een'))})\s+"
    r"(?=(?:keer|x|maal|jaar|jaren|maanden|aankopen|bestellingen|orders)\b)"
)


def clv(question: str) -> str | None:
    """The CLV of a margin per period, the years a customer stays and (if given) what winning them
    costs: "50 euro marge per maand, klant blijft 2 jaar, werven kost 200 euro"."""
    q = fold(question).replace("€", " € ")
    q = _COUNTED.sub(lambda m: f"{COUNTS[m[1]]} ", q)
    margin = _first(
        q,
        rf"{_MONEY}\s*(?:aan\s+)?(?:marge|winst)\s+per\s+{_PER}",
        rf"(?:marge|winst)\s+(?:van\s+|is\s+|:\s*)?{_MONEY}\s+per\s+{_PER}",
        rf"(?:marge|winst)\s+per\s+{_PER}\s+(?:is\s+|van\s+|:\s*)?{_MONEY}",
        # "elk kwartaal voor 250 euro marge": the period first.
        rf"(?:per|elk|ieder|elke|iedere)\s+{_PER}\s+(?:voor\s+)?{_MONEY}\s*(?:aan\s+)?(?:marge|winst)",
        # "levert jaarlijks 2.000 euro marge op": the period as an adverb.
        rf"\b{_PER}(?:lijks|elijks)\s+(?:voor\s+)?{_MONEY}\s*(?:euro\s+)?(?:aan\s+)?(?:marge|winst)",
    )
    years = re.search(rf"(?<!per ){NUM}\s*jaar(?!\s*(?:marge|winst))", q)
    months = re.search(rf"{NUM}\s*maanden", q)
    cost = re.search(
        rf"(?:werv\w*|acquisitie\w*|binnenhalen|binnen te halen|aantrekken)\s+"
        rf"(?:kost\w*\s+|is\s+|van\s+|:\s*)?(?:€\s*)?{NUM}",
        q,
    ) or re.search(rf"{_MONEY}\s*(?:aan\s+)?(?:wervingskosten|acquisitiekosten|werving|acquisitie)", q)
    sold = None if margin is not None else (_per_purchase(q) or _share_of_sales(q))
    if (margin is None and sold is None) or (years is None and months is None):
        return None
    if sold is not None:  # "koopt elk jaar voor 2000 euro met 25% marge": a share of the sales
        amount, period, start = show(sold[0]), sold[1], -1
    elif margin is not None:
        # "50 euro marge per maand" names the amount first, "marge per jaar is 1200" the period.
        first_amount = margin[1][0].isdigit()
        amount, period = (margin[1], margin[2]) if first_amount else (margin[2], margin[1])
        start = margin.start()
    per_year = num(amount) * _PERIOD[period]
    duration = num(years[1]) if years is not None and years.start() != start else None
    if duration is None:
        duration = num(months[1]) / 12 if months is not None else None
    if not duration or duration <= 0:
        return None
    acquisition = num(cost[1]) if cost is not None else 0.0
    value = per_year * duration - acquisition
    steps = f"{_euro(num(amount))} × {_PERIOD[period]} = " if period != "jaar" else ""
    minus = f" − {_euro(acquisition)} werving" if cost is not None else ""
    line = f"Met jouw getallen: {steps}{_euro(per_year)} marge per jaar × {show(duration)} jaar{minus} = "
    # "10 klanten met elk …, totale clv": the CLV of one, times the customers.
    many = re.search(rf"{NUM}\s+(?:klanten|leden|abonnees|accounts)\b", q)
    if many is not None and num(many[1]) > 1 and re.search(r"\b(?:elk|ieder|totale?|totaal|samen)\b", q):
        count = num(many[1])
        return f"{line}CLV {_euro(value)} per klant; × {show(count)} klanten = {_euro(value * count)} samen."
    return f"{line}CLV {_euro(value)}."


# A deal's value as a student writes it: "€ 50.000", "50k", "50 duizend".
_VALUE = r"(?:€\s*)?(?P<value>\d+(?:[.,]\d+)*)\s*(?P<k>k|duizend|000)?"
_DEAL = re.compile(
    rf"(?:(?P<count>\d+|{'|'.join(list(COUNTS)[2:])})\s+(?:deals?|kansen|kans|opportunities|orders?|offertes?)\s+(?:van\s+)?"
    r"(?:elk|ieder|per stuk)?\s*)?"
    rf"(?P<together>samen\s+)?{_VALUE}\s*(?:euro|eur|€)?\s*"
    # "deal van 50.000 in een fase met 40% slagingskans": the stage between value and chance.
    r"(?:(?:in|bij)\s+(?:de\s+|een\s+)?[\w-]+(?:\s+fase)?\s+)?"
    # "… met 40% kans", "… winkans 50%": the chance after a word that links it or names it.
    r"(?:(?:met|à|a|tegen|bij)\s+(?:een\s+)?(?:kans\s+van\s+)?|(?:win|slagings|succes)?kans\s+(?:van\s+)?)"
    r"(?P<p>\d+(?:[.,]\d+)?)\s*%"
)


# "60% kans op een deal van 50.000": the chance first.
_CHANCE_FIRST = re.compile(
    r"(?P<p>\d+(?:[.,]\d+)?)\s*%\s*(?:slagings)?kans\s+(?:op|bij)\s+(?:een\s+|de\s+)?"
    rf"(?:deal|order|opdracht|kans|offerte)\s+(?:van\s+)?{_VALUE}(?P<count>)(?P<together>)"
)


# "100k in offertefase (50%)", "10k (slagingskans 50%)": the value, maybe the stage it is in, its
# chance in brackets.
_IN_STAGE = re.compile(
    rf"{_VALUE}\s*(?:euro|eur|€)?\s*(?:(?:in|bij)\s+(?:de\s+)?[\w-]+(?:\s+fase)?\s*)?"
    r"\(\s*(?:(?:slagings)?kans\s*(?:van\s*|:\s*)?)?(?P<p>\d+(?:[.,]\d+)?)\s*%\s*(?:kans)?\s*\)(?P<count>)(?P<together>)"
)


def weighted_pipeline(question: str) -> str | None:
    """The weighted pipeline of deals with their chance: "2 deals van 50k met 50% kans en één van
    100.000 met 20%" → each value × its chance, summed."""
    q = fold(question).replace("€", " € ")
    terms = []
    for m in [*_DEAL.finditer(q), *_CHANCE_FIRST.finditer(q), *_IN_STAGE.finditer(q)]:
        value = float(m["value"].replace(".", "").replace(",", ".")) * (1000 if m["k"] else 1)
        count = int(COUNTS.get(m["count"], m["count"])) if m["count"] and not m["together"] else 1
        terms.append((count * value, float(m["p"].replace(",", ".")) / 100))
    if not terms or any(not 0 < p <= 1 for _, p in terms):
        return None
    parts = " + ".join(f"{show(100 * p)}% × {_euro(v)}" for v, p in terms)
    return f"Met jouw getallen: {parts} = gewogen pipeline {_euro(sum(v * p for v, p in terms))}."


_SCALE = r"\s*(miljoen|mln|miljard|duizend|k|ton)?\b"
# "8 ton": a hundred thousand (euro), as Dutch says it of money.
_TIMES = {"miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "duizend": 1e3, "k": 1e3, "ton": 1e5}


def market_share(question: str) -> str | None:
    """Our share of the market's sales: "wij verkopen 30.000 stuks, de markt is 600.000 stuks" → 5%."""
    q = fold(question).replace("€", " € ")
    ours = re.search(
        rf"\b(?:wij|we|ons bedrijf|ons aandeel|(?:onze|mijn) (?:omzet|afzet|verkoop))\s+(?:\w+\s+){{0,2}}?"
        rf"(?:€\s*)?{NUM}{_SCALE}",
        q,
    )
    # "de markt is 600.000 stuks", "afzet van de branche is 2 miljoen stuks".
    market = re.search(
        rf"\b(?:de |totale |hele )*(?:markt\w*|branche|sector)\s+(?:\w+\s+){{0,2}}?(?:€\s*)?{NUM}{_SCALE}", q
    )
    line = _share(ours, market, "marktaandeel")
    if line and market is not None and market[0].startswith("marktpotentie"):
        # The notes' share is of what is really sold, not of the potential.
        line += (
            " Let op: het marktaandeel is strikt je deel van de werkelijke verkopen, niet van het"
            " marktpotentieel."
        )
    return line


def share_of_wallet(question: str) -> str | None:
    """The share of a customer's spending in our category that we get: "klant koopt voor 30k bij ons
    en 120k in totaal" → 25%."""
    q = fold(question).replace("€", " € ")
    if not re.search(r"\bshare[- ]of[- ]wallet\b|\bklantaandeel\b", q):
        return None
    ours = _first(
        q,
        rf"(?:€\s*)?{NUM}{_SCALE}\s*(?:euro\s+)?(?:\w+\s+){{0,2}}?bij (?:ons|mij|jou|u)\b",
        rf"\bbij (?:ons|mij|jou|u)\s+(?:\w+\s+){{0,2}}?(?:€\s*)?{NUM}{_SCALE}",
        # "wij krijgen 20.000 daarvan", "we leveren daarvan 30k".
        rf"\b(?:wij|we|ik) (?:krijgen|krijg|halen|haal|leveren|lever|verkopen|verkoop|ontvangen)\s+"
        rf"(?:\w+\s+){{0,2}}?(?:€\s*)?{NUM}{_SCALE}",
    )
    whole = _first(
        q,
        rf"(?:€\s*)?{NUM}{_SCALE}\s*(?:euro\s+)?(?:in (?:totaal|het totaal)|totaal)\b",
        rf"\b(?:in totaal|totaal|uitgaven|besteedt|geeft)\s+(?:\w+\s+){{0,2}}?(?:€\s*)?{NUM}{_SCALE}",
    )
    return _share(ours, whole, "share of wallet")


def _share(ours: re.Match[str] | None, whole: re.Match[str] | None, name: str) -> str | None:
    """Our part of a whole, each a number with its scale ("30k"), as a percentage called ``name``;
    None when one is missing, both are the same number, or the part exceeds the whole."""
    if ours is None or whole is None or ours.start() == whole.start():
        return None
    part = num(ours[1]) * _TIMES.get(ours[2] or "", 1.0)
    total = num(whole[1]) * _TIMES.get(whole[2] or "", 1.0)
    if total <= 0 or part > total:
        return None
    return f"Met jouw getallen: {show(part)} / {show(total)} = {name} {show(100 * part / total)}%."


# Each formula with the word its section uses for it.
FORMULAS = (
    ("nps", nps), ("hitrate", hit_rate), ("churn rate", churn_rate), ("clv", clv),
    ("gewogen pipeline", weighted_pipeline), ("voortschrijdend", moving_average),
    ("trendextrapolatie", trend), ("marktaandeel", market_share),
    ("trechterberekening", funnel_back), ("trechterberekening", funnel_forward),
    ("conversieratio", conversion),
    ("share of wallet", share_of_wallet), ("retentiegraad", retention_rate),
    ("seizoensindex", seasonal_index),
)  # fmt: skip


def worked_formula(question: str, section_text: str) -> tuple[str, str] | None:
    """The first formula of the section the question's numbers fill in: the word the section uses
    for it and the formula worked out."""
    where = fold(section_text)
    question = with_percent_signs(question)
    for word, calc in FORMULAS:
        line = calc(question) if word in where else None
        if line is not None:
            return word, line
    return None


def worked_out(question: str, section_text: str) -> str | None:
    """The first formula of the section the question's numbers fill in, worked out."""
    found = worked_formula(question, section_text)
    return found[1] if found else None
