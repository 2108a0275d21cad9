"""Follow-ups that name no topic of their own, and the name an unknown term is given (no model)."""

from __future__ import annotations

import pytest

from tutor.answer import Topic
from tutor.followup import last_two, leans_back
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


def test_the_difference_of_the_last_two_topics() -> None:
    lead = Topic("s1", "Lead")
    prospect = Topic("s1", "Prospect", earlier=lead)
    q = "wat is het verschil?"
    assert last_two(q, detect_intent(q), prospect) == ("Lead", "Prospect")
    assert last_two(q, detect_intent(q), lead) is None  # only one topic remembered
    other = "wat is het verschil tussen een lead en een suspect"
    assert last_two(other, detect_intent(other), prospect) is None  # the sides are named
