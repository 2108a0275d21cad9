"""The transport-free tutor core with a real SQLite file and a fake embedder."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from knowledge.model import GlossaryEntry
from runtime.settings import SecretStr, Settings
from tests.sql import rows
from tutor.errors import TutorError
from tutor.groups import GroupStudy
from tutor.items import QuizItem
from tutor.parsing import check_timezone, parse_time
from tutor.progress import streak
from tutor.quizgen import BLANK, QuizGenerator
from tutor.scheduler import LEECH_LAPSES
from tutor.service import Tutor
from tutor.store_sqlite import SqliteStore
from tutor.validate import problem, words

USER = 7


def test_quiz_items_of_every_kind_with_sane_options(tutor: Tutor) -> None:
    items = list(tutor.items.values())
    kinds = {i.kind for i in items}
    assert kinds == {"curated", "term_to_def", "def_to_term", "cloze", "odd_one_out"}
    assert len({i.id for i in items}) == len(items)
    assert {i.section_id for i in items} == {s.id for s in tutor.course.sections}
    for i in items:
        assert len(i.options) == len(set(i.options)) >= 2, i
        assert 0 <= i.answer < len(i.options) and i.explanation and " › " in i.source
    for i in (i for i in items if i.kind == "cloze"):
        assert BLANK in i.question and i.correct_option.lower() not in i.question.lower()


def test_distractors_come_from_the_same_chapter(tutor: Tutor) -> None:
    chapter_of = {
        g.definition[:1].upper() + g.definition[1:]: tutor.course.section(g.section_id).chapter
        for g in tutor.course.glossary
    }
    for item in (i for i in tutor.items.values() if i.kind == "term_to_def"):
        chapters = {chapter_of[o] for o in item.options}
        assert chapters == {tutor.course.section(item.section_id).chapter}, item.question


def test_odd_one_out_comes_from_another_chapter(tutor: Tutor) -> None:
    term_chapter = {g.term: tutor.course.section(g.section_id).chapter for g in tutor.course.glossary}
    for item in (i for i in tutor.items.values() if i.kind == "odd_one_out"):
        chapter = tutor.course.section(item.section_id).chapter
        assert term_chapter[item.correct_option] != chapter
        assert all(term_chapter[o] == chapter for k, o in enumerate(item.options) if k != item.answer)


def test_item_ids_are_stable(tutor: Tutor) -> None:
    again = QuizGenerator(tutor.course, tutor.engine.index).all_items()
    assert {i.id: i for i in again} == tutor.items


def test_migrations_are_numbered_applied_once_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    SqliteStore(path).close()
    store = SqliteStore(path)
    names = [r["name"] for r in rows(store, "select name from _sqlite_migrations order by rowid")]
    assert names == [
        "m001_initial",
        "m002_poll_vote_previous_card",
        "m003_poll_vote_update_order",
        "m004_conversation_topics",
        "m005_quiz_session_answer",
        "m006_replicas_and_courses",
        "m007_courses",
        "m008_earlier_topic",
    ]
    assert rows(store, "pragma journal_mode")[0]["journal_mode"] == "wal"
    store.close()
    assert sqlite3.connect(path).execute("select count(*) from users").fetchone() == (0,)


def test_answers_train_fsrs_and_due_items_come_first(tutor: Tutor) -> None:
    item = tutor.next_item(USER)
    wrong = (item.answer + 1) % len(item.options)
    fb = tutor.record(USER, USER, item, wrong, "private")
    assert not fb.correct and "juiste antwoord" in fb.text()
    card = tutor.store.card(USER, item.id)
    assert card is not None and card["lapses"] == 1 and card["reps"] == 1
    later = datetime.now(UTC) + timedelta(minutes=5)
    following = []
    for _ in range(3):
        other = tutor.next_item(USER, now=later)
        following.append(other.id)
        if other.id != item.id:
            tutor.record(USER, USER, other, other.answer, "private")
    assert following[0] != item.id  # never the same item twice in a row
    assert item.id in following  # the failed item, due again, comes back within three questions
    other = tutor.next_item(USER, exclude={item.id})
    tutor.record(USER, USER, other, other.answer, "private")
    assert tutor.store.card(USER, other.id)["due"] > tutor.store.card(USER, item.id)["due"]


def test_leech_is_explained_not_repeated(tutor: Tutor) -> None:
    item = tutor.next_item(USER)
    wrong = (item.answer + 1) % len(item.options)
    feedback = [tutor.record(USER, USER, item, wrong, "private") for _ in range(LEECH_LAPSES)]
    assert [fb.leech for fb in feedback] == [False] * (LEECH_LAPSES - 1) + [True]
    assert "vaak mis" in feedback[-1].text()
    assert item in tutor.leech_items(USER)
    later = datetime.now(UTC) + timedelta(days=2)
    for _ in range(20):
        assert tutor.next_item(USER, now=later).id != item.id


def test_weak_topics_reflect_wrong_answers(tutor: Tutor) -> None:
    kraljic = tutor.resolve_topic("kraljik")
    assert tutor.course.section(kraljic).title == "Inkoopportfoliomatrix (Kraljic)"
    for item in tutor.by_section[kraljic][:3]:
        tutor.record(USER, USER, item, (item.answer + 1) % len(item.options), "private")
    nps = tutor.resolve_topic("nps")
    for item in tutor.by_section[nps][:3]:
        tutor.record(USER, USER, item, item.answer, "private")
    weak = tutor.weak_topics(USER)
    assert weak[0].section_id == kraljic and all(t.section_id != nps for t in weak)
    # New questions favour the weak section.
    assert tutor.next_item(USER).section_id == kraljic


def test_sessions_reject_foreign_forged_and_repeated_answers(tutor: Tutor) -> None:
    item, session_id, nonce = tutor.start_question(USER, USER)
    with pytest.raises(TutorError, match="niet bij jouw quiz"):
        tutor.answer_session(USER + 1, session_id, nonce, 0)
    with pytest.raises(TutorError, match="niet bij jouw quiz"):
        tutor.answer_session(USER, session_id, "000000", 0)
    with pytest.raises(TutorError, match="ken ik niet"):
        tutor.answer_session(USER, session_id, nonce, 9)
    first = tutor.answer_session(USER, session_id, nonce, item.answer)
    # Pressing again (another option even) shows the first answer's feedback and records nothing.
    again = tutor.answer_session(USER, session_id, nonce, (item.answer + 1) % len(item.options))
    assert (
        again.repeat and again.choice == item.answer and again.correct and again.answer_id == first.answer_id
    )
    assert len(tutor.store.answers(USER)) == 1


def test_topics_times_and_timezones(tutor: Tutor) -> None:
    assert tutor.resolve_topic("hoofdstuk 3") == "h3-online-leads-genereren"
    assert tutor.resolve_topic("Net Promotor Score") == "h1-net-promoter-score-nps"
    with pytest.raises(TutorError):
        tutor.resolve_topic("quantumfysica")
    assert parse_time("7:05") == "07:05" and parse_time("23.59") == "23:59"
    for bad in ("24:00", "7", "abc", "12:60"):
        with pytest.raises(TutorError):
            parse_time(bad)
    assert check_timezone("Europe/Brussels") == "Europe/Brussels"
    with pytest.raises(TutorError):
        check_timezone("Nergens/Niets")


def test_streak_counts_days_in_a_row() -> None:
    day = datetime(2026, 11, 20, 12, tzinfo=UTC)
    answers = [{"answered_at": (day - timedelta(days=d)).isoformat()} for d in (0, 1, 2, 4)]
    assert streak(answers, "Europe/Amsterdam", today=day.date()) == 3
    assert streak(answers, "Europe/Amsterdam", today=day.date() + timedelta(days=1)) == 3
    assert streak(answers, "Europe/Amsterdam", today=day.date() + timedelta(days=2)) == 0


def test_stats_export_and_forget(tutor: Tutor) -> None:
    item = tutor.next_item(USER)
    tutor.store.upsert_user(USER, "Anna")
    tutor.record(USER, USER, item, item.answer, "private")
    s, png = tutor.stats_chart(USER)
    assert s.answered == 1 and s.correct == 1 and s.streak == 1 and png.startswith(b"\x89PNG")
    assert len(s.mastery) == 7 and len(s.per_day) == 14
    data = tutor.export(USER)
    assert data["user"]["first_name"] == "Anna" and data["answers"][0]["your_answer"] == item.correct_option
    tutor.forget(USER)
    assert tutor.store.count_rows(USER) == 0


def test_group_poll_items_fit_telegram(tutor: Tutor) -> None:
    groups = GroupStudy(tutor)
    for _ in range(20):
        item = groups.next_item(-5)
        assert item.fits_poll() and len(groups.poll_explanation(item)) <= 200


def test_settings_hide_the_token(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("TELEGRAM_BOT_TOKEN=123:abc\nSTUDYBOT_TIMEZONE=Europe/Brussels\n")
    s = Settings.from_env({"STUDYBOT_DATA_DIR": str(tmp_path)}, env_file=env)
    assert s.token.get_secret_value() == "123:abc" and s.timezone == "Europe/Brussels"
    assert "123:abc" not in repr(s) and "123:abc" not in str(s.token)
    assert s.data_dir == tmp_path
    assert not SecretStr("")


def test_a_poll_answer_is_final(tutor: Tutor) -> None:
    groups = GroupStudy(tutor)
    item = groups.next_item(-5)
    groups.record_poll("p1", -5, 1, item)
    wrong = (item.answer + 1) % len(item.options)
    assert groups.vote("p1", USER, "Anna", "", [wrong], update_id=10) is not None
    assert groups.vote("p1", USER, "Anna", "", [item.answer], update_id=12) is None  # a change: ignored
    assert groups.vote("p1", USER, "Anna", "", [], update_id=13) is None  # a retraction: ignored
    assert groups.vote("p1", USER, "Anna", "", [99], update_id=14) is None  # no such option
    answers = tutor.store.answers(USER)
    assert len(answers) == 1 and answers[0]["correct"] == 0
    assert tutor.store.card(USER, item.id)["lapses"] == 1
    assert groups.vote("unknown-poll", USER, "Anna", "", [0], update_id=15) is None
    result = groups.close_poll("p1")
    assert result is not None and (result.voters, result.right) == (1, 0)
    assert "0 van 1 deelnemer goed" in groups.result_text(result)
    assert groups.close_poll("p1") is None  # the result is posted once


def test_argument_parsers_are_strict() -> None:
    from tutor.parsing import check_timezone, parse_seconds

    assert check_timezone(" Europe/Brussels ") == "Europe/Brussels"
    for zone in ("Europe", "America", "x" * 300, "../../etc/passwd", "Mars/Olympus", ""):
        with pytest.raises(TutorError):
            check_timezone(zone)
    assert parse_seconds("30") == 30 and parse_seconds("0") == 0
    for value in ("²", "①", "٣", "4", "601", "", "1e3", "-5"):
        with pytest.raises(TutorError):
            parse_seconds(value)


def test_forget_leaves_no_personal_bytes_in_the_file_or_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SqliteStore(path)
    store.upsert_user(4242, first_name="Zeldzaamnaam", username="zeldzaam_user")
    store.upsert_chat(4242, "private", "Zeldzaamnaam")
    store.remember_topic(4242, "c", "1.1", "Zeldzaamnaam-term")
    store.delete_user(4242)
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("db.sqlite3"))
    assert b"Zeldzaamnaam" not in data and b"zeldzaam_user" not in data
    assert store.count_rows(4242) == 0
    store.close()


def test_practice_is_interleaved_after_a_wrong_answer(tutor: Tutor) -> None:
    first = tutor.next_item(USER)
    tutor.record(USER, USER, first, (first.answer + 1) % len(first.options), "private")  # wrong
    asked = [first]
    start = datetime.now(UTC)
    for k in range(9):
        item = tutor.next_item(USER, now=start + timedelta(minutes=3 * k))
        right = item.id != first.id  # the learner keeps failing the first item, knows the rest
        choice = item.answer if right else (item.answer + 1) % len(item.options)
        tutor.record(USER, USER, item, choice, "private")
        asked.append(item)
    ids = [i.id for i in asked]
    sections = [i.section_id for i in asked]
    assert all(a != b for a, b in itertools.pairwise(ids))  # never the same item twice in a row
    assert all(not (a == b == c) for a, b, c in zip(sections, sections[1:], sections[2:], strict=False))
    assert len(set(sections)) >= 4  # new material keeps coming between the reviews
    assert first.id in ids[1:]  # and the failed item does come back


def test_a_single_topic_quiz_still_works(tutor: Tutor) -> None:
    section = tutor.course.sections[0].id
    for _ in range(4):
        item = tutor.next_item(USER, section)
        assert item.section_id == section
        tutor.record(USER, USER, item, item.answer, "private")


def test_every_item_shown_passes_the_validators(tutor: Tutor) -> None:
    generator = QuizGenerator(tutor.course, tutor.engine.index)
    items, report = generator.generated()
    entries = {e.term: e for e in generator.entries}
    assert all(problem(i, entries) is None for i in items)
    assert {k for k in report if k.startswith("kept:")} >= {"kept:curated", "kept:cloze", "kept:odd_one_out"}
    assert report["dropped:cloze"] > 0  # the leaky ones were really found
    assert {i.id for i in tutor.items.values()} == {i.id for i in items}  # the tutor only asks these
    for item in items:
        if item.kind == "odd_one_out":
            group = item.question.split("‘")[1].split("’")[0]
            assert not words(item.correct_option) & words(group)


def test_validators_catch_leaks(tutor: Tutor) -> None:
    entries = {
        "OEM": GlossaryEntry("OEM", "klant die verwerkt", ("original equipment manufacturer",), "7.3"),
        "Koopsituaties": GlossaryEntry("Koopsituaties", "nieuwe taak, …", ("buy classes",), "5.2"),
    }

    def cloze(text: str, answer: str) -> QuizItem:
        return QuizItem(
            "x", "c", "7.3", "cloze", f"Vul in:\n{text}", (answer, "Lead", "DMU", "SWOT"), 0, "", ""
        )

    assert problem(cloze("klanten die het verwerken (_____'ers, original equipment manufacturers).", "OEM"),
                   entries)  # fmt: skip
    assert problem(cloze("Zij onderscheiden drie _____ (buy classes).", "Koopsituaties"), entries)
    assert problem(cloze("Die indeling hangt samen met _____ en meer.", "OEM"), entries)
    assert (
        problem(cloze("Een verkoper ziet de _____ als een klant die iets verwerkt.", "OEM"), entries) is None
    )
    odd = QuizItem("y", "c", "7.3", "odd_one_out", "Welk begrip hoort NIET bij ‘Soorten klanten’?",
                   ("Transactieklant", "Klant", "Partnerschap", "Relatieklant"), 1, "", "")  # fmt: skip
    assert problem(odd, entries) == "odd option shares a word with its group"
    dup = QuizItem("z", "c", "7.3", "curated", "?", ("A", "a ", "B", "C"), 0, "", "")
    assert problem(dup, entries) == "duplicate option"
