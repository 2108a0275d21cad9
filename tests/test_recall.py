"""Typed recall: lenient grading and the FSRS rating it gives."""

from __future__ import annotations

from tutor.recall import AGAIN, EASY, GOOD, HARD, grade, normalise
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
    assert item.kind == "def_to_term" and tutor.open_recall(USER) == (item, session_id, nonce)
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
