"""Fuzz ``dikg load`` and ``dikg ingest`` with 10,000+ generated hostile inputs; print what was measured.

Runs the same checks as ``tests/test_robust_inputs.py`` at full size: no traceback, each
bad input named with its reason on one line, every good input stored, nothing of a bad
one in the store, exit code 1.

    python benchmarks/fuzz_inputs.py                    # 10,000 facts files, 4,000 articles + 400 JSON Lines files
    python benchmarks/fuzz_inputs.py --facts 2000 --articles 500 --seed 7
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import hostile
from tests.test_robust_inputs import check_ingest_batch, check_load_batch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=10_000, help="facts files for dikg load")
    ap.add_argument("--articles", type=int, default=4_000, help="article files for dikg ingest")
    ap.add_argument("--jsonl", type=int, default=400, help="JSON Lines files mixing good and bad records")
    ap.add_argument("--seed", type=int, default=20250922)
    args = ap.parse_args()
    out: dict[str, object] = {"seed": args.seed}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        began = time.monotonic()
        items = hostile.write_items(root / "facts", hostile.items(hostile.FACTS_KINDS, args.facts, seed=args.seed))
        load = check_load_batch(root / "facts", root / "load-store", items)
        seconds = round(time.monotonic() - began, 1)
        out["load"] = {**load.__dict__, "kinds": len(hostile.FACTS_KINDS), "seconds": seconds}
        began = time.monotonic()
        ingest = check_ingest_batch(root / "ingest", args.articles, args.jsonl, seed=args.seed)
        out["ingest"] = {**ingest.__dict__, "kinds": len(hostile.ARTICLE_KINDS) + 1,
                         "seconds": round(time.monotonic() - began, 1)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
