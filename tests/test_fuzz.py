"""Property-based fuzzing of every parser users can reach: no exception but the Dutch ones escapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import KINDS, parse_callback
from index.glossary import asked_term
from index.retriever import Retriever
from index.store import open_index
from knowledge.model import Course
from studybot.terminal import parse_choice
from tests.conftest import FakeEmbedder
from tutor.answering import Answerer
from tutor.classify import split_tail
from tutor.errors import QuestionError, TutorError
from tutor.intent import INTENTS, detect_intent
from tutor.parsing import check_timezone, parse_seconds, parse_time
from tutor.recall import grade
from tutor.rephrase import normalise_question
from tutor.service import Tutor

# Text as users type it, and worse: combining marks, emoji, control characters, digits of all scripts.
TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["Mn", "Nd", "No", "So", "Cc", "Zs"]), max_size=200),
    st.from_regex(r"(wat is|noem|verschil tussen|hoe bereken|waarom|geef een voorbeeld van) .{0,60}"),
)


@given(TEXT)
def test_callback_data_never_crashes(data: str) -> None:
    cb = parse_callback(data)
    assert cb is None or (cb.kind in KINDS and len(cb.args) == KINDS[cb.kind])


@given(TEXT)
def test_command_arguments_fail_only_in_dutch(text: str) -> None:
    for parse in (parse_time, check_timezone, parse_seconds):
        try:
            parse(text)
        except TutorError as exc:
            assert str(exc)


@given(TEXT)
def test_question_parsing_never_crashes(text: str) -> None:
    assert detect_intent(text).kind in INTENTS
    asked_term(text)
    try:
        q, _ = normalise_question(text)
    except QuestionError:
        return
    assert 0 < len(q) <= 500


@pytest.fixture(scope="module")
def answerer(shipped_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    fake = FakeEmbedder()
    index = open_index(shipped_course, fake, Path(tmp_path_factory.mktemp("fuzz")))
    return Answerer(Retriever(shipped_course, index, fake))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_answering_any_text_gives_an_answer_or_a_dutch_message(answerer: Answerer, text: str) -> None:
    try:
        answer = answerer.answer(text)
    except QuestionError as exc:
        assert str(exc)
        return
    assert answer.answer.strip()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None)
@given(TEXT)
def test_topic_typed_answers_and_choices_never_crash(tutor: Tutor, text: str) -> None:
    try:
        assert tutor.resolve_topic(text) in {s.id for s in tutor.course.sections}  # /quiz and /typ
    except TutorError as exc:
        assert str(exc)
    assert grade(text, ("Net Promoter Score", "NPS")).rating in (1, 2, 3, 4)
    choice = parse_choice(text, 4)
    assert choice is None or 0 <= choice < 4
    situation, kind, _ = split_tail(text)
    assert isinstance(situation, str) and isinstance(kind, str)
