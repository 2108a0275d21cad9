"""Follow-ups that name no topic of their own, and the name an unknown term is given (no model)."""

from __future__ import annotations

import pytest

from tutor.followup import leans_back
from tutor.guard import unknown_name
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


@pytest.mark.parametrize(
    "words, unknown, name",
    [
        ("principes heeft spin selling", ["spin"], "spin selling"),
        ("kotler over marketing", ["kotler"], "kotler"),
        ("fasen heeft het aida model", ["aida"], "aida model"),
        ("4 p's van marketing", ["p"], "4 p's"),
        ("customer value journey", ["journey"], "customer value journey"),
        ("goede powerpoint", ["powerpoint"], "powerpoint"),
        ("alles over sales", ["niets"], "alles over sales"),  # no unknown word in it: as it is
    ],
)
def test_an_unknown_term_is_named_without_the_words_around_it(
    words: str, unknown: list[str], name: str
) -> None:
    assert unknown_name(words, unknown) == name
