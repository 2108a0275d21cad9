"""Sentences that say what to do, for "hoe bouw je een netwerk op?" and "de klant zegt …, wat nu?"."""

from __future__ import annotations

import re

from index.passages import Sentence

# Sentences that say what to do: "Maak eerst een goede lijst", "Een goede netwerker luistert …",
# "Het belangrijkste principe is geven voordat je neemt", "… moet …".
ADVICE = re.compile(
    r"^(?:maak|leg|verdiep|houd|vraag|stuur|meet|gebruik|zorg|deel|breng|stel|bel|luister|begin|kies|"
    r"bereid|volg|noem|open|check|controleer|plan|bouw|spreek|vat|let|help)\b|"
    r"\b(?:een goede \w+|het belangrijkste|moet|moeten|helpt|zorg|daarom|het succes|het werk zit)\b",
    re.I,
)


def advises(s: Sentence, paragraph: list[Sentence]) -> float:
    """How much ``s`` opens advice: itself, and a run of advice after it in its paragraph
    ("Het succes hangt af van de voorbereiding. Maak eerst een goede lijst … Verdiep je …")."""
    run = sum(bool(ADVICE.search(t.text)) for t in paragraph[s.pos + 1 : s.pos + 3])
    return 0.3 * bool(ADVICE.search(s.text)) + 0.15 * run
