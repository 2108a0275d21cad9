"""Forecasts worked out with the student's own series: the trend ("400, 440 en 480" → 520) and
the moving average ("120, 150 en 90" → 120)."""

from __future__ import annotations

import re
from itertools import pairwise

from index.text import fold
from tutor.intent import COUNTS
from tutor.numbers import NUM, num, show

# A month as a period's label: "jan 100, feb 120".
MONTH = re.compile(
    r"\b(?:jan|januari|feb|februari|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|augustus|sep|sept|september|"
    r"okt|oktober|nov|november|dec|december)\b\.?\s*[:=]?"
)
# "het 3-maands gemiddelde": a moving average with its window in the word.
WINDOW = re.compile(
    rf"\b({'|'.join(COUNTS)}|\d+)[- ]?(?:maands|maanden|kwartaals|perioden|periodes)[- ]?gemiddelde\b"
)


def _series(q: str, least: int) -> list[float] | None:
    """The first run of at least ``least`` numbers the (folded) question lists: "400, 440 en 480"."""
    # "q1 100 q2 120 q3 140", "jaar 1: 400, jaar 2: 440": the periods' labels are no numbers of the run.
    q = re.sub(r"\b(?:q|kwartaal|periode|maand|week|jaar)\s*\d{1,2}\b\s*[:=]?", ",", q)
    q = MONTH.sub(",", q)  # "jan 100, feb 120, mrt 140"
    q = re.sub(r"\b(?:19|20)\d{2}\s*[:=]?\s*(?=\d)", ",", q)  # "2022 100, 2023 120": a year labels a value
    q = re.sub(r"^[\s,]+|(?<=,)[\s,]+", " ", q)
    # "200 dan 240 dan 280", "200 → 240 → 280": one after the other.
    apart = r"(?:\s*(?:,|en|;|dan|daarna|->|→)\s*|\s+)"  # (or just spaces: "200 220 240 260")
    run = re.search(rf"\b(\d+(?:[.,]\d+)?(?:{apart}\d+(?:[.,]\d+)?){{{least - 1},}})\b", q)
    return [num(x) for x in re.findall(r"\d+(?:[.,]\d+)?", run[1])] if run else None


def trend(question: str) -> str | None:
    """Next period's sales by the trend of a series: "400, 440 en 480 fietsen" → +40 a period → 520."""
    q = fold(question)
    # "trek de lijn door": the notes' words for extrapolating the trend.
    ahead = r"\b(?:verwacht\w*|prognose|voorspel\w*|volgend\w*|komend\w*|trek\w* de lijn door)\b"
    if not re.search(ahead, q):
        return None
    series = _series(q, 3)
    if series is None:
        return None
    steps = [b - a for a, b in pairwise(series)]
    step = sum(steps) / len(steps)
    nxt = series[-1] + step
    shown = " → ".join(show(x) for x in series)
    sign = "+" if step >= 0 else "−"
    return (
        f"Met jouw getallen: {shown} is gemiddeld {sign}{show(abs(step))} per periode, dus de trend "
        f"geeft voor de volgende periode {show(series[-1])} {sign} {show(abs(step))} = {show(nxt)}."
    )


def moving_average(question: str) -> str | None:
    """The moving average of the periods a question lists: "voortschrijdend gemiddelde van 120, 150
    en 90" → 120 (of the last n, when it says "laatste drie")."""
    q = fold(question)
    # "gemiddelde van de laatste 3 maanden: 30, 36, 42, 48" is one too.
    said = r"\b(?:voortschrijdend|bewegend)\w* gemiddelde|\bmoving average\b|"
    said += r"gemiddelde (?:van|over) de laatste\b"
    sized = WINDOW.search(q)
    if not re.search(said, q) and sized is None:
        return None
    series = _series(q, 2)
    if series is None:
        return None
    last = re.search(rf"\blaatste ({'|'.join(COUNTS)}|\d+)\b", q) or sized
    n = int(COUNTS.get(last[1], last[1])) if last is not None else len(series)
    if not 2 <= n <= len(series):
        return None
    window = series[-n:]
    mean = sum(window) / n
    return (
        f"Met jouw getallen: ({' + '.join(show(x) for x in window)}) ÷ {n} = "
        f"voortschrijdend gemiddelde {show(mean)}."
    )


def seasonal_index(question: str) -> str | None:
    """How far one period's sales lie above or below the average period: "het kwartaal verkoopt 130,
    het gemiddelde is 100" → seizoensindex 130, 30% boven het gemiddelde."""
    q = fold(question)
    if "seizoensindex" not in q:
        return None
    mean = re.search(rf"gemiddeld\w*\s+(?:\w+\s+){{0,3}}?{NUM}", q)
    period = re.search(
        rf"(?:kwartaal|maand|week|periode|seizoen|zomer|winter|december|q\d)\w*\s+(?:\w+\s+){{0,3}}?{NUM}", q
    )
    # "de seizoensindex van december is 150 en het gemiddelde 20.000, wat verwacht je": the index applied.
    given = re.search(rf"seizoensindex\s+(?:\w+\s+){{0,3}}?{NUM}", q)
    ahead = re.search(r"\b(?:verwacht\w*|prognose|voorspel\w*|hoeveel (?:verkoop|omzet)\w*)\b", q)
    if given is not None and mean is not None and ahead is not None and num(given[1]) != num(mean[1]):
        index, mid = num(given[1]), num(mean[1])
        if 0 < index <= 400 < mid:
            side = "boven" if index >= 100 else "onder"
            return (
                f"Met jouw getallen: {show(mid)} × {show(index)} / 100 = {show(mid * index / 100)} verwacht "
                f"(seizoensindex {show(index)}: {show(abs(index - 100))}% {side} het gemiddelde)."
            )
    if mean is None or period is None or mean.start() == period.start() or num(mean[1]) <= 0:
        return None
    sold, mid = num(period[1]), num(mean[1])
    index = 100 * sold / mid
    return (
        f"Met jouw getallen: {show(sold)} / {show(mid)} × 100 = seizoensindex {show(index)} "
        f"({show(abs(index - 100))}% {'boven' if index >= 100 else 'onder'} het gemiddelde)."
    )
