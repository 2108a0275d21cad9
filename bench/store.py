"""Store benchmark: quiz answers/s and push claims/s, 1 and 2 replicas, SQLite vs PostgreSQL.

Usage: python bench/store.py [--answers 4000] [--pushes 2000] [--threads 4]
A replica is a process with its own store object (as a bot process has), ``--threads`` workers
each (the bot's to_thread pool). An answer is the write path of a quiz answer: open a session,
then record the answer (session closed once, answer, FSRS card). A push claim is claim + confirm
of one due daily push, in batches of 16 as the bot's push check takes them. PostgreSQL runs as a
throwaway local server (tests/pg.py); every number is checked for exactly-once.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg import PgServer  # noqa: E402
from tests.sql import rows, run  # noqa: E402
from tutor.items import QuizItem  # noqa: E402
from tutor.pushes import Pushes  # noqa: E402
from tutor.store import LearnerStore  # noqa: E402
from tutor.store_pg import PostgresStore  # noqa: E402
from tutor.store_sqlite import SqliteStore  # noqa: E402

COURSE = "bench"
ITEMS = [QuizItem(f"i{n}", COURSE, f"h1-s{n % 30}", "curated", "?", ("a", "b", "c", "d"), 0, "", "")
         for n in range(400)]  # fmt: skip


def open_store(target: str) -> LearnerStore:
    return PostgresStore(target, max_size=8) if target.startswith("postgresql") else SqliteStore(Path(target))


def answer_worker(target: str, users: list[int], threads: int, start: float) -> int:
    store = open_store(target)
    while time.time() < start:
        time.sleep(0.001)

    def one(user: int) -> int:
        item = ITEMS[user % len(ITEMS)]
        sid, _ = store.open_session(user, user, item, "private")
        done = store.record_answer(user, user, item, 0, True, "private", "{}", "2030-01-01T00:00:00+00:00",
                                   1, 0, session_id=sid)  # fmt: skip
        return int(done is not None)

    with ThreadPoolExecutor(threads) as pool:
        n = sum(pool.map(one, users))
    store.close()
    return n


def claim_worker(target: str, threads: int, start: float) -> int:
    store = open_store(target)
    pushes = Pushes(store)
    while time.time() < start:
        time.sleep(0.001)
    total = 0
    with ThreadPoolExecutor(threads) as pool:
        while True:
            batch = pushes.claim_due(datetime.now(UTC), 0.0, 16)
            if not batch:
                break
            list(pool.map(pushes.confirm, batch))
            total += len(batch)
    store.close()
    return total


def measure(target: str, replicas: int, args: argparse.Namespace) -> dict[str, float]:
    setup = open_store(target)
    setup.save_items(ITEMS)
    run(setup, "delete from answers")
    run(setup, "delete from quiz_sessions")
    run(setup, "delete from cards")
    run(setup, "delete from subscriptions")
    for chat in range(1, args.pushes + 1):
        setup.subscribe(chat, chat, "00:00", "UTC", COURSE)
    run(setup, "update subscriptions set created_at = '2020-01-01T00:00:00+00:00'")  # due since long ago
    setup.close()
    ctx = mp.get_context("spawn")
    users = list(range(1, args.answers + 1))
    with ctx.Pool(replicas) as pool:
        start = time.time() + 3.0  # every process has started and opened its store by then
        done = pool.starmap(
            answer_worker, [(target, users[r::replicas], args.threads, start) for r in range(replicas)]
        )
        answer_s = time.time() - start
    check = open_store(target)
    stored = rows(check, "select count(*) n from answers")[0]["n"]
    with ctx.Pool(replicas) as pool:
        start = time.time() + 3.0
        claimed = pool.starmap(claim_worker, [(target, args.threads, start) for _ in range(replicas)])
        claim_s = time.time() - start
    sent = rows(check, "select count(*) n from subscriptions where last_sent is not null")[0]["n"]
    check.close()
    assert sum(done) == args.answers == stored, (done, stored)
    assert sum(claimed) == args.pushes == sent, (claimed, sent)
    return {
        "answers_per_s": round(args.answers / answer_s, 1),
        "claims_per_s": round(args.pushes / claim_s, 1),
        "claims_by_replica": claimed,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--answers", type=int, default=4000)
    p.add_argument("--pushes", type=int, default=2000)
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    server = PgServer().start()
    results = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            targets = {"sqlite": str(Path(tmp) / "bench.sqlite3"), "postgresql": server.new_database()}
            for name, target in targets.items():
                for replicas in (1, 2):
                    results[f"{name} ×{replicas}"] = measure(target, replicas, args)
                    print(f"{name:10} replicas={replicas}: {results[f'{name} ×{replicas}']}", flush=True)
    finally:
        server.stop()
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
