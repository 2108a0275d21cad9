"""Follow-ups that name no topic of their own (no model)."""

from __future__ import annotations

import pytest

from tutor.followup import leans_back
from tutor.intent import detect_intent


@pytest.mark.parametrize(
    "q, leans",
    [
        ("en het laatste?", True),
        ("de tweede stap", True),
        ("waarom is dat belangrijk voor een verkoper", True),
        ("waarom is kraljic belangrijk voor een verkoper", False),
        ("wat is de eerste aankoop", False),
        ("waarom is een verkoper belangrijk", False),  # no pronoun points back
    ],
)
def test_leans_back(q: str, leans: bool) -> None:
    assert leans_back(q, detect_intent(q)) is leans
