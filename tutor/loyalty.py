"""Loyalty figures worked out with the student's numbers: the NPS of the groups' counts or shares,
the churn rate of the customers who left and the retention rate of those who stayed."""

from __future__ import annotations

import re

from index.text import fold
from tutor.numbers import NUM, num, show

# The groups by every name the notes give them ("criticaster", "neutrale klant", "ambassadeur").
_GROUP = {"promotor": "promotors", "promoter": "promotors", "ambassadeur": "promotors", "passive": "passives",
          "passief": "passives", "neutra": "passives", "detractor": "detractors", "criticaster": "detractors"}


def nps(question: str) -> str | None:
    """The NPS of the counts or percentages of promotors, passives and detractors in ``question``."""
    q = fold(question)
    found: dict[str, tuple[float, bool]] = {}
    counted = rf"{NUM}\s*(%|procent)?\s*(?:is\s+|zijn\s+)?({'|'.join(_GROUP)})"
    for m in re.finditer(counted, q):
        found[_GROUP[m[3]]] = (num(m[1]), bool(m[2]))
    named_first = rf"({'|'.join(_GROUP)})s?\w*\s*(?:is|zijn|:)?\s*{NUM}\s*(%|procent)?"
    for m in re.finditer(named_first, q):
        found.setdefault(_GROUP[m[1]], (num(m[2]), bool(m[3])))
    for group, given in _by_score(q).items():
        found.setdefault(group, given)
    total_m = re.search(rf"{NUM}\s*(?:respondenten|klanten|mensen|ondervraagden|antwoorden)", q)
    missing = [g for g in ("promotors", "passives", "detractors") if g not in found]
    if total_m and len(missing) == 1 and REST.search(q) and not any(pct for _, pct in found.values()):
        # "400 klanten: 180 gaven 9-10, 100 gaven 7-8, de rest lager": the rest is the group left.
        rest = num(total_m[1]) - sum(v for v, _ in found.values())
        if rest >= 0:
            found[missing[0]] = (rest, False)
    if "promotors" not in found or "detractors" not in found:
        return None
    share = {g: v for g, (v, pct) in found.items() if pct}
    if len(share) == len(found):
        promoters, detractors = share["promotors"], share["detractors"]
    elif not share:
        total = num(total_m[1]) if total_m else sum(v for v, _ in found.values())
        if "passives" not in found and not total_m:
            return None  # without the passives or a total the shares are unknown
        if total <= 0:
            return None
        promoters = 100 * found["promotors"][0] / total
        detractors = 100 * found["detractors"][0] / total
    else:
        return None
    score = promoters - detractors
    sign = "+" if score > 0 else ""
    return (
        f"Met jouw getallen: {show(promoters)}% promotors − {show(detractors)}% detractors = "
        f"NPS {sign}{show(score)}."
    )


REST = re.compile(r"\b(?:de rest|de overige\w*|overige|de anderen|the rest|others)\b")
# "150 gaven 9-10", "110 geven een 9 of 10, 50 een 7 of 8 en 40 een 6 of lager": counts by score given.
_GAVE = r"(?:gaven|geven|gaf|geeft|scoorden|scoren|scoort|scoorde)"
# "45% scoort 9-10": a share by the score given.
_BY_SCORE = re.compile(
    rf"\b(\d+)\s*(%|procent)?\s+(?:(?:klanten|mensen|respondenten)\s+)?(?:{_GAVE}|met)?\s*(?:een\s+|cijfer\s+)?"
    r"(\d{1,2})\s*(?:(?:-|–|tot(?: en met)?|of|en)\s*(\d{1,2})|(of lager|of minder|of hoger))?\b"
)


def _by_score(q: str) -> dict[str, tuple[float, bool]]:
    """The groups of NPS counts (or shares) given by the scores they gave ("60 gaven 0-6" →
    detractors)."""
    found: dict[str, tuple[float, bool]] = {}
    pos = 0
    while (m := _BY_SCORE.search(q, pos)) is not None:
        pos = m.start() + 1  # "100 klanten gaven 40 een 9-10": the count may be a match's score
        low = int(m[3])
        high = int(m[4]) if m[4] else (0 if m[5] in ("of lager", "of minder") else 10 if m[5] else low)
        low, high = min(low, high), max(low, high)
        if high > 10 or not (m[4] or m[5] or re.search(rf"\b{_GAVE}\b", m[0])):
            continue  # "in 2 jaar" is no score
        group = "promotors" if low >= 9 else "passives" if low >= 7 and high <= 8 else ""
        group = group or ("detractors" if high <= 6 else "")
        if group:
            found[group] = (found.get(group, (0.0, False))[0] + float(m[1]), bool(m[2]))
            pos = m.end()
    return found


# Whom a count of customers counts: "1000 klanten", "1000 afnemers", "300 abonnees".
CUSTOMERS = r"(?:klanten|afnemers|leden|abonnees|accounts)"
# "60 van de 300 klanten zijn vertrokken": the part named before the whole it is part of.
_PART_FIRST = re.compile(rf"{NUM}\s+van\s+(?:de\s+|onze\s+|mijn\s+|die\s+)?{NUM}\s+({CUSTOMERS})\b")


def _part_of(question: str, customers: str, *parts: str) -> tuple[float, float] | None:
    """The customers counted (``customers``) and the part of them that left or stayed (the first of
    ``parts`` that matches); a part named before its whole ("60 van de 300 klanten zijn …") counts as
    said whole first. None when one is missing, both are the same number, or the part exceeds the
    whole."""
    q = _PART_FIRST.sub(r"\2 \3 en \1", fold(question))
    whole = re.search(customers, q)
    if not whole:
        return None
    # "1000 klanten en er vertrokken 80": a part pattern that reads the whole itself is skipped.
    part = next((m for p in parts if (m := re.search(p, q)) is not None and m.start() != whole.start()), None)
    if not part:
        return None
    total, counted = num(whole[1]), num(part[1])
    if total <= 0 or counted > total:
        return None
    return total, counted


def _left(question: str) -> tuple[float, float] | None:
    """The customers counted and how many of them left."""
    return _part_of(
        question,
        rf"{NUM}\s+{CUSTOMERS}",
        rf"{NUM}\s+(?:[a-z]+\s+){{0,4}}?(?:vertrokken|weggegaan|opgezegd|verloren|gestopt|afgehaakt|"
        r"weggelopen|weggingen|wegging|weggaan|vertrekken|opzeggen|kwijt|(?:zijn|is|gingen|ging)\s+weg)\b",
        # "zegden er in 2025 25 op": the year said between is no count.
        rf"(?:vertrokken|verloren|opgezegd|zegden|zegde)\s+(?:er\s+)?(?:in\s+\d{{4}}\s+)?{NUM}",
    )


def churn_rate(question: str) -> str | None:
    """The share of customers that left: "we hadden 500 klanten en 50 zijn vertrokken"."""
    counted = _left(question)
    if counted is None:
        return None
    total, gone = counted
    rate = show(100 * gone / total)
    return f"Met jouw getallen: {show(gone)} vertrokken / {show(total)} klanten = churn rate {rate}%."


def retention_rate(question: str) -> str | None:
    """The share of customers that stayed: "van 500 klanten zijn er 450 gebleven" → 90%."""
    counted = _part_of(
        question,
        rf"{NUM}\s+{CUSTOMERS}\b",
        rf"{NUM}\s+(?:[a-z]+\s+){{0,3}}?(?:gebleven|over|trouw gebleven|nog (?:steeds )?klant|"
        r"klant gebleven|blijven|bleven)\b",
        rf"(?:zijn|bleven|blijven)\s+(?:er\s+)?{NUM}\s+(?:\w+\s+)?(?:gebleven|over|klant)\b",
    )
    asked = re.search(r"retenti|behoud|gebleven|blijven|blijft", fold(question)) is not None
    if counted is None and asked and (left := _left(question)) is not None:
        counted = left[0], left[0] - left[1]  # "1000 klanten en er vertrokken 80, retentie?": the rest stayed
    if counted is None:
        return None
    total, kept = counted
    rate = show(100 * kept / total)
    return (
        f"Met jouw getallen: {show(kept)} gebleven / {show(total)} klanten = retentiegraad {rate}% "
        f"(churn rate {show(100 - 100 * kept / total)}%)."
    )
