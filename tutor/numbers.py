"""Numbers as students write them and as the answers show them: Dutch thousands ("1.200") and
decimals ("12,5")."""

from __future__ import annotations

import math
import re

# "1.200" is twelve hundred (Dutch thousands), "12,5" a decimal.
THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
NUM = rf"({THOUSANDS}|\d+(?:[.,]\d+)?)"


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
