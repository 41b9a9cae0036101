"""Fuzz the extractor with many hypothesis examples, and time it on long repetitive texts.

    python benchmarks/fuzz_extract.py                   # 5,000 examples per strategy
    python benchmarks/fuzz_extract.py --examples 500 --scaling 1000 2000 4000

The scaling part extracts one sentence repeated N times and prints seconds per N: time
that grows with the square of N shows a quadratic step (a 5 MB article is the reader's
default limit).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy

from graph.articles import Article
from graph.extract import extract
from tests.test_robust_extract import _check, any_text, news_like

SENTENCE = "Malaysia signed a deal with Korea Aerospace Industries. "


def _runner(strategy: SearchStrategy[str], examples: int, counts: dict[str, int], name: str) -> Callable[[], None]:
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(text: str) -> None:
        _check(text)
        counts[name] += 1

    return run  # type: ignore[no-any-return]


def fuzz(examples: int) -> dict[str, int]:
    """Run ``examples`` hypothesis texts per strategy through the extractor's checks; return how many ran."""
    counts = {"any_text": 0, "news_like": 0}
    for name, strategy in (("any_text", any_text), ("news_like", news_like)):
        _runner(strategy, examples, counts, name)()
    return counts


def scaling(sizes: list[int]) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        began = time.monotonic()
        facts = extract(Article(SENTENCE * n, "k"))
        rows.append({"sentences": n, "bytes": len(SENTENCE) * n, "seconds": round(time.monotonic() - began, 2),
                     "entities": len(facts.entities), "relations": len(facts.relations)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--scaling", type=int, nargs="*", default=[500, 1000, 2000, 4000])
    args = ap.parse_args()
    out = {"examples_run": fuzz(args.examples), "crashes": 0, "scaling": scaling(args.scaling)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
