"""Typed recall: lenient grading and the FSRS rating it gives."""

from __future__ import annotations

from tutor.feedback import recall_text
from tutor.recall import AGAIN, EASY, GOOD, HARD, grade, grade_definition, normalise, recallable
from tutor.service import Tutor

USER = 21


def test_grading_is_lenient_but_not_blind() -> None:
    names = ("Customer Lifetime Value", "CLV", "klantwaarde")
    assert normalise("  De Customer-Lifetime value! ") == "customer lifetime value"
    assert grade("clv", names).correct and grade("de klantwaarde", names).exact
    assert grade("Customer Lifetim Valeu", names).correct  # typos
    assert not grade("Customer Lifetim Valeu", names).exact
    assert not grade("churn rate", names).correct
    assert not grade("", names).correct and not grade("cl", names).correct


def test_rating_from_outcome_and_time() -> None:
    names = ("Net Promoter Score", "NPS")
    assert grade("nps", names, seconds=4).rating == EASY
    assert grade("nps", names, seconds=15).rating == GOOD
    assert grade("nps", names, seconds=45).rating == HARD  # right after a long think
    assert grade("Net Promoter Scoer", names, seconds=4).rating == HARD  # right with a typo
    assert grade("churn", names, seconds=4).rating == AGAIN


def test_a_typed_answer_is_recorded_once_with_its_rating(tutor: Tutor) -> None:
    item, session_id, nonce = tutor.start_recall(USER, USER)
    assert recallable(item) and tutor.open_recall(USER) == (item, session_id, nonce)
    fb = tutor.answer_recall(USER, session_id, nonce, item.correct_option, seconds=3)
    assert fb.correct and fb.rating == EASY and "✅ Goed" in fb.text()
    assert tutor.open_recall(USER) is None
    card = tutor.store.card(USER, item.id)
    assert card is not None and card["lapses"] == 0
    try:
        tutor.answer_recall(USER, session_id, nonce, item.correct_option)
        raise AssertionError("answered twice")
    except Exception as exc:
        assert "al beantwoord" in str(exc)
    # A typed session cannot be answered with a (forged) button.
    _, other, other_nonce = tutor.start_recall(USER, USER)
    try:
        tutor.answer_session(USER, other, other_nonce, 0)
        raise AssertionError("a button answered a typed question")
    except Exception as exc:
        assert "hoort niet bij" in str(exc)


def test_a_short_definition_is_typed_in_own_words() -> None:
    definition = "Verkoop door een bedrijf aan particuliere consumenten."
    assert grade_definition("bedrijf verkoopt aan consumenten", definition).correct  # own words, most of it
    assert not grade_definition("bedrijf verkoopt aan consumenten", definition).exact
    full = grade_definition("verkoop van een bedrijf aan particuliere consumentn", definition, seconds=5)
    assert full.correct and full.exact and full.rating == EASY  # a typo, a different small word
    assert not grade_definition("verkoop aan bedrijven", definition).correct
    assert not grade_definition("", definition).correct
    assert grade_definition("geen idee", definition).rating == AGAIN


def test_typed_recall_asks_both_ways(tutor: Tutor) -> None:
    short = [i for i in tutor.items.values() if i.kind == "term_to_def" and recallable(i)]
    long = [i for i in tutor.items.values() if i.kind == "term_to_def" and not recallable(i)]
    assert short and long  # only short definitions are asked the other way round
    assert all(len(i.correct_option.split()) <= 8 for i in short)
    prompt = recall_text(short[0])
    assert prompt.startswith("Typ in je eigen woorden") and short[0].correct_option not in prompt
    kinds = set()
    for n in range(60):
        item, sid, nonce = tutor.start_recall(USER + 1, USER + 1)
        kinds.add(item.kind)
        assert recallable(item)
        fb = tutor.answer_recall(USER + 1, sid, nonce, item.correct_option, seconds=10)
        assert fb.correct, (item.kind, item.question)
        if item.kind == "term_to_def":
            assert "✅ Goed:" in fb.text() and item.correct_option in fb.text()
        if len(kinds) == 2 and n > 10:
            break
    assert kinds == {"def_to_term", "term_to_def"}
