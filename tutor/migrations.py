"""Numbered schema migrations for the learner database; never edit one once released."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("studybot")


@migrations()
def m001_initial(db: Database) -> None:
    """Users (with their settings), chats, quiz items, answers, FSRS cards, subscriptions, sessions, polls."""
    db.table("users").create(
        {
            "id": int,
            "first_name": str,
            "username": str,
            "timezone": str,
            "scoreboard_opt_out": int,
            "created_at": str,
        },
        pk="id",
        defaults={"scoreboard_opt_out": 0},
    )
    db.table("chats").create(
        {"id": int, "type": str, "title": str, "active": int, "open_period": int, "created_at": str},
        pk="id",
        defaults={"active": 1},
    )
    db.table("quiz_items").create(
        {
            "id": str,
            "course": str,
            "section_id": str,
            "kind": str,
            "question": str,
            "options": str,
            "answer": int,
            "explanation": str,
            "source": str,
        },
        pk="id",
    )
    db.table("quiz_items").create_index(["course", "section_id"])
    db.table("answers").create(
        {
            "id": int,
            "user_id": int,
            "chat_id": int,
            "item_id": str,
            "course": str,
            "section_id": str,
            "correct": int,
            "choice": int,
            "context": str,
            "answered_at": str,
        },
        pk="id",
    )
    db.table("answers").create_index(["user_id", "answered_at"])
    db.table("answers").create_index(["chat_id"])
    db.table("cards").create(
        {
            "user_id": int,
            "item_id": str,
            "course": str,
            "section_id": str,
            "card": str,
            "due": str,
            "reps": int,
            "lapses": int,
            "updated_at": str,
        },
        pk=("user_id", "item_id"),
    )
    db.table("cards").create_index(["user_id", "due"])
    db.table("subscriptions").create(
        {
            "chat_id": int,
            "user_id": int,
            "time": str,
            "timezone": str,
            "active": int,
            "paused_reason": str,
            "last_sent": str,
            "created_at": str,
        },
        pk="chat_id",
    )
    db.table("quiz_sessions").create(
        {
            "id": int,
            "user_id": int,
            "chat_id": int,
            "message_id": int,
            "item_id": str,
            "nonce": str,
            "status": str,
            "context": str,
            "created_at": str,
        },
        pk="id",
    )
    db.table("quiz_sessions").create_index(["user_id", "status"])
    db.table("polls").create(
        {
            "poll_id": str,
            "chat_id": int,
            "message_id": int,
            "item_id": str,
            "course": str,
            "created_at": str,
            "closed": int,
        },
        pk="poll_id",
        defaults={"closed": 0},
    )
    db.table("poll_votes").create(
        {"poll_id": str, "user_id": int, "option": int, "answer_id": int, "answered_at": str},
        pk=("poll_id", "user_id"),
    )


@migrations()
def m002_poll_vote_previous_card(db: Database) -> None:
    """Remember a member's card before a poll vote, so a revote or retraction can undo it."""
    db.table("poll_votes").add_column("prev_card", str)


@migrations()
def m003_poll_vote_update_order(db: Database) -> None:
    """Keep the update id of a member's latest vote, so an older vote processed late cannot win."""
    db.table("poll_votes").add_column("update_id", int)


@migrations()
def m004_conversation_topics(db: Database) -> None:
    """Per chat, the topic of the last answer, so a follow-up question can refer back to it."""
    db.table("conversation_topics").create(
        {"chat_id": int, "course": str, "section_id": str, "term": str, "updated_at": str},
        pk=("chat_id", "course"),
    )


@migrations()
def m005_quiz_session_answer(db: Database) -> None:
    """Remember which answer closed a session, so pressing again shows the same feedback."""
    db.table("quiz_sessions").add_column("choice", int)
    db.table("quiz_sessions").add_column("answer_id", int)


@migrations()
def m006_replicas_and_courses(db: Database) -> None:
    """State for many replicas and many courses: pushes claimed in the database (slot + lease),
    the course on subscriptions, sessions and chats, the quiz's topic on its session, one answer
    per session (unique), and confirmations (nonces) stored instead of kept in memory."""
    subs = db.table("subscriptions")
    subs.add_column("course", str)
    subs.add_column("claim_slot", str)
    subs.add_column("claim_until", str)
    sessions = db.table("quiz_sessions")
    sessions.add_column("course", str)
    sessions.add_column("section_filter", str)
    db.execute(
        "update quiz_sessions set course = "
        "(select q.course from quiz_items q where q.id = quiz_sessions.item_id)"
    )
    db.table("chats").add_column("course", str)
    db.table("answers").add_column("session_id", int)
    db.execute(
        "create unique index answers_one_per_session on answers (session_id) where session_id is not null"
    )
    db.table("confirmations").create(
        {"user_id": int, "action": str, "nonce": str, "created_at": str}, pk=("user_id", "action")
    )
    db.table("polls").create_index(["chat_id", "created_at"])


@migrations()
def m007_courses(db: Database) -> None:
    """Learners' own courses (owner, title, status) and one running upload per learner."""
    db.table("courses").create(
        {"slug": str, "owner_id": int, "title": str, "status": str, "created_at": str}, pk="slug"
    )
    db.table("courses").create_index(["owner_id"])
    db.table("uploads").create({"user_id": int, "started_at": str}, pk="user_id")


@migrations()
def m008_earlier_topic(db: Database) -> None:
    """The topic before the last, so "wat is het verschil?" after two answers compares them."""
    db.table("conversation_topics").add_column("earlier_section_id", str)
    db.table("conversation_topics").add_column("earlier_term", str)
