"""One contract for every learner store: the same tests on SQLite and on a real PostgreSQL.

"Two replicas" are two store objects on one database; concurrency is real threads racing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from tutor.items import QuizItem
from tutor.store import LearnerStore

Open = Callable[[], LearnerStore]
COURSE = "c"
ITEM = QuizItem("i1", COURSE, "h1-a", "curated", "Vraag?", ("ja", "nee", "soms"), 0, "Uitleg.", "H1 › A")
ITEM2 = QuizItem("i2", COURSE, "h1-b", "cloze", "Vul in", ("x", "y"), 1, "", "H1 › B")


def answer(store: LearnerStore, user: int, item: QuizItem = ITEM, **claim: object) -> int | None:
    return store.record_answer(
        user, user, item, 0, True, "private", "{}", "2030-01-01T00:00:00+00:00", 1, 0, **claim  # type: ignore[arg-type]
    )


def race(n: int, fn: Callable[[int], object]) -> list[object]:
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(fn, range(n)))


def test_users_chats_and_settings(open_store: Open) -> None:
    s = open_store()
    s.upsert_user(7, "Anna", "anna")
    s.set_user_field(7, "timezone", "Europe/Brussels")
    s.upsert_user(7, "Anna B", "annab")  # names refresh, settings stay
    user = s.user(7)
    assert user is not None and (user["first_name"], user["timezone"]) == ("Anna B", "Europe/Brussels")
    s.set_user_field(8, "scoreboard_opt_out", 1)  # a user never seen is created on demand
    assert s.user(8)["scoreboard_opt_out"] == 1  # type: ignore[index]
    big = -1_001_234_567_890  # supergroup ids pass 32 bits
    s.ensure_chat(big, "supergroup", "Studiegroep")
    s.ensure_chat(big, "supergroup", "Andere naam")  # left as it is
    s.set_chat_field(big, "open_period", 30)
    assert s.chat(big)["title"] == "Studiegroep" and s.chat(big)["open_period"] == 30  # type: ignore[index]
    s.upsert_chat(big, "supergroup", "Nieuw", False)
    assert s.chat(big)["active"] == 0  # type: ignore[index]


def test_items_round_trip_and_history_follows_renamed_ids(open_store: Open) -> None:
    s = open_store()
    s.save_items([ITEM, ITEM2])
    assert s.item("i1") == ITEM and s.item("nope") is None
    answer(s, 1)
    # The course changed: item i1 is now "n1" and lives in another section.
    moved = QuizItem("n1", COURSE, "h2-new", *(ITEM.kind, ITEM.question, ITEM.options, 0, "", ""))
    s.save_items([moved])
    s.adopt_items(COURSE, {"i1": "n1", "never-used": "n9"})
    assert [a["item_id"] for a in s.answers(1, COURSE)] == ["n1"]
    assert s.answers(1, COURSE)[0]["section_id"] == "h2-new"
    card = s.card(1, "n1")
    assert card is not None and card["section_id"] == "h2-new" and s.card(1, "i1") is None


def test_an_answer_closes_its_session_exactly_once_under_a_race(open_store: Open) -> None:
    a, b = open_store(), open_store()  # two replicas
    a.save_items([ITEM])
    sid, nonce = a.open_session(5, 5, ITEM, "private", "h1-a")
    assert len(nonce) == 6 and a.session(sid)["section_filter"] == "h1-a"  # type: ignore[index]
    results = race(8, lambda i: answer((a, b)[i % 2], 5, session_id=sid))
    ids = [r for r in results if r is not None]
    assert len(ids) == 1
    assert len(a.answers(5, COURSE)) == 1
    session = b.session(sid)
    assert session is not None and session["status"] == "answered" and session["answer_id"] == ids[0]


def test_a_poll_vote_counts_once_under_a_race(open_store: Open) -> None:
    a, b = open_store(), open_store()
    a.record_poll("p1", -100, 3, ITEM)
    results = race(6, lambda i: answer((a, b)[i % 2], 9, poll=("p1", 100 + i)))
    assert sum(r is not None for r in results) == 1
    assert len(a.poll_votes("p1")) == 1 and a.poll_vote("p1", 9)["answer_id"] is not None  # type: ignore[index]
    assert race(4, lambda i: (a, b)[i % 2].claim_poll_close("p1")).count(True) == 1
    assert a.recent_poll_items(-100, 5) == {"i1"}


def test_a_push_is_claimed_by_one_replica_and_a_dead_claim_expires(open_store: Open) -> None:
    a, b = open_store(), open_store()
    a.subscribe(11, 11, "08:00", "Europe/Amsterdam", COURSE)
    now = datetime(2026, 3, 10, 12, tzinfo=UTC)
    stamp, lease = now.isoformat(), (now + timedelta(seconds=90)).isoformat()
    wins = race(6, lambda i: (a, b)[i % 2].claim_push(11, "2026-03-10", stamp, lease))
    assert sum(w is not None for w in wins) == 1
    # The claiming replica died before sending: nobody may take it while the lease lives ...
    later = (now + timedelta(seconds=30)).isoformat()
    assert b.claim_push(11, "2026-03-10", later, lease) is None
    # ... and anyone may once it ran out.
    after = (now + timedelta(seconds=120)).isoformat()
    row = b.claim_push(11, "2026-03-10", after, (now + timedelta(seconds=210)).isoformat())
    assert row is not None and row["course"] == COURSE
    b.confirm_push(11, "2026-03-10")
    assert a.claim_push(11, "2026-03-10", (now + timedelta(hours=1)).isoformat(), lease) is None
    assert a.claim_push(11, "2026-03-11", (now + timedelta(days=1)).isoformat(), lease) is not None
    a.set_subscription(11, active=0, paused_reason="stopped")
    assert a.claim_push(11, "2026-03-12", (now + timedelta(days=2)).isoformat(), lease) is None
    assert a.active_subscriptions() == []


def test_confirmations_are_used_once(open_store: Open) -> None:
    s = open_store()
    s.set_confirmation(4, "forget", "abcd")
    assert not s.take_confirmation(4, "forget", "wrong")  # a wrong nonce uses it up too
    s.set_confirmation(4, "forget", "abcd")
    assert s.take_confirmation(4, "forget", "abcd") and not s.take_confirmation(4, "forget", "abcd")


def test_topics_scoreboard_and_group_migration(open_store: Open) -> None:
    s = open_store()
    for uid, name in ((1, "Anna"), (2, "Bram"), (3, "Cas")):
        s.upsert_user(uid, name, "")
        s.record_answer(uid, -5, ITEM, 0, uid != 3, "group", "{}", "2030-01-01T00:00:00+00:00", 1, 0)
    s.set_user_field(2, "scoreboard_opt_out", 1)
    board = s.scoreboard(-5, COURSE, None, 10)
    assert [(r["first_name"], r["correct"], r["answered"]) for r in board] == [("Anna", 1, 1), ("Cas", 0, 1)]
    assert s.scoreboard(-5, COURSE, "2999-01-01T00:00:00+00:00", 10) == []
    assert s.scoreboard(-5, "other-course", None, 10) == []
    assert s.group_members(-5, COURSE) == [1, 2, 3]
    s.ensure_chat(-5, "group", "G")
    s.subscribe(-5, None, "19:00", "Europe/Amsterdam", COURSE)
    s.migrate_chat(-5, -1005)
    assert s.group_members(-1005, COURSE) == [1, 2, 3] and s.chat(-5) is None
    assert s.subscription(-1005) is not None and s.subscription(-5) is None
    s.remember_topic(1, COURSE, "h1-a", "NPS")
    assert s.recent_topic(1, COURSE, "2000-01-01T00:00:00+00:00")["term"] == "NPS"  # type: ignore[index]
    assert s.recent_topic(1, COURSE, "2999-01-01T00:00:00+00:00") is None
    # The topic before the last is kept for "wat is het verschil?"; the same topic again keeps it.
    s.remember_topic(1, COURSE, "h1-b", "Lead")
    s.remember_topic(1, COURSE, "h1-b", "Lead")
    row = s.recent_topic(1, COURSE, "2000-01-01T00:00:00+00:00")
    assert row is not None and (row["term"], row["earlier_term"]) == ("Lead", "NPS")
    assert row["earlier_section_id"] == "h1-a"


def test_times_are_iso_strings_and_forgetting_leaves_nothing(open_store: Open) -> None:
    s = open_store()
    s.upsert_user(21, "Zeldzaam", "z")
    s.upsert_chat(21, "private", "")
    answer(s, 21)
    s.open_session(21, 21, ITEM, "typed")
    s.subscribe(21, 21, "07:00", "Europe/Amsterdam", COURSE)
    s.set_confirmation(21, "forget", "n")
    data = s.export_user(21)
    when = data["answers"][0]["answered_at"]
    assert isinstance(when, str) and datetime.fromisoformat(when).tzinfo is not None
    assert data["cards"][0]["due"].startswith("2030-01-01T00:00:00")
    assert s.open_typed_session(21, COURSE) is not None and s.open_typed_session(21, "other") is None
    s.delete_user(21)
    assert s.count_rows(21) == 0 and s.user(21) is None and s.chat(21) is None


def test_own_courses_and_one_upload_at_a_time(open_store: Open) -> None:
    a, b = open_store(), open_store()
    now = datetime(2026, 3, 10, 12, tzinfo=UTC)
    stale = (now - timedelta(minutes=10)).isoformat()
    assert race(6, lambda i: (a, b)[i % 2].claim_upload(31, now.isoformat(), stale)).count(True) == 1
    later = now + timedelta(minutes=20)  # the claim's process died long ago: it may be taken over
    assert a.claim_upload(31, later.isoformat(), (later - timedelta(minutes=10)).isoformat())
    a.release_upload(31)
    assert b.claim_upload(31, later.isoformat(), stale)
    a.add_course("u31-logistiek", 31, "Logistiek")
    assert a.course("u31-logistiek")["status"] == "pending"  # type: ignore[index]
    assert not a.set_course("u31-logistiek", 99, "Van een ander", "ready")  # not theirs
    assert a.set_course("u31-logistiek", 31, "Logistiek 2", "ready")
    a.ensure_chat(31, "private")
    a.set_chat_field(31, "course", "u31-logistiek")
    assert [c["title"] for c in b.courses_of(31)] == ["Logistiek 2"]
    assert a.export_user(31)["courses"][0]["slug"] == "u31-logistiek"
    a.remove_course("u31-logistiek")
    assert a.course("u31-logistiek") is None and a.chat(31)["course"] is None  # type: ignore[index]
    a.add_course("u31-other", 31, "Ander vak")
    a.delete_user(31)
    assert a.courses_of(31) == [] and a.count_rows(31) == 0
