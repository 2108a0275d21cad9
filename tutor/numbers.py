"""Numbers as students write them and as the answers show them: Dutch thousands ("1.200") and
decimals ("12,5")."""

from __future__ import annotations

import math
import re

# "1.200" is twelve hundred (Dutch thousands), "12,5" a decimal.
THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
NUM = rf"({THOUSANDS}|\d+(?:[.,]\d+)?)"


# "50 procent", "50 percent": a percentage written out, as "50%".
PERCENT_WORD = re.compile(r"(\d)\s*(?:procent|percent|pct)\b")


def with_percent_signs(text: str) -> str:
    """``text`` with percentages written out ("50 procent") as "50%"."""
    return PERCENT_WORD.sub(r"\1%", text)


def num(text: str) -> float:
    """A number as a student writes it: "1.200" is twelve hundred, "12,5" a decimal."""
    if re.fullmatch(THOUSANDS, text):
        text = text.replace(".", "")  # Dutch thousands: "€ 1.200"
    return float(text.replace(",", "."))


def dutch(formatted: str) -> str:
    """A number Python formatted ("1,234.5") the Dutch way ("1.234,5")."""
    return formatted.replace(",", " ").replace(".", ",").replace(" ", ".")


def round_up(x: float) -> int:
    """``x`` rounded up to a whole number, not past a float's noise (50.000000001 → 50)."""
    return math.ceil(x - 1e-9)


def show(x: float) -> str:
    """12,5 or 30.000: Dutch decimals and thousands, one decimal at most."""
    return dutch(f"{x:,.1f}".rstrip("0").rstrip("."))


def worked_problem(q: str) -> bool:
    """ "200 klanten: 110 promotors en 40 detractors. wat is de nps?": numbers given, a value asked."""
    given = len(re.findall(r"\d+(?:[.,]\d+)?\s*%?", q))
    # "… 70% van de omzet, wat is het risico": a judgement asked, no value.
    asks = re.search(
        r"\b(?:wat is (?:de|het|mijn|onze)(?! (?:risico|gevaar|probleem|nadeel|voordeel|reden|oorzaak|"
        r"strategie|aanpak|gevolg)\b)|hoeveel|hoe hoog|what is the|aantal \w+ nodig)\b", q
    ) is not None
    # "… 80 detractors. nps?": only the value's name asked.
    named = re.search(
        r"\b(?:nps|hitrate|hit rate|churn rate|churn|clv|marktaandeel|(?:gewogen )?pipeline|"
        r"verwachte omzet)\s*[?!.]*$", q
    )
    # "hitrate als ik 80 offertes maak en er 20 …": the value named first, the numbers after.
    named = named or re.match(r"^(?:de |mijn |onze )?(?:nps|hitrate|hit rate|churn rate|clv|marktaandeel) "
                              r"(?:als|bij|met|wanneer)\b", q)
    # "verkopen waren 200, 230 en 260 stuks; prognose volgend jaar?": a series to extend.
    series = re.search(r"\d+(?:\s*(?:,|en|;)\s*\d+){2,}", q)
    series = series and re.search(r"\b(?:prognose|voorspel\w*|trend)\b", q)
    return given >= 2 and (asks or named is not None or bool(series))
