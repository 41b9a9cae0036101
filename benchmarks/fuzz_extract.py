"""Fuzz the extractor with many hypothesis examples, and time it on long repetitive texts.

    python benchmarks/fuzz_extract.py                   # 5,000 examples per strategy
    python benchmarks/fuzz_extract.py --examples 500 --scaling 1000 2000 4000

Each text must give facts that validate, with evidence offsets inside the text
(:func:`tests.test_robust_extract._check`); a failing strategy is reported with the
smallest failing text hypothesis finds, and the script exits 1. The scaling part
extracts one sentence repeated N times and prints seconds per N: time that grows with
the square of N shows a quadratic step (a 5 MB article is the reader's default limit).
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
        counts[name] += 1
        _check(text)

    return run  # type: ignore[no-any-return]


def fuzz(examples: int, excluded: str = "") -> tuple[dict[str, int], dict[str, str]]:
    """Run up to ``examples`` hypothesis texts per strategy through the extractor's checks.

    Return the texts tried per strategy and, per strategy that failed, the error with
    hypothesis's smallest failing text (a strategy stops at its first failure). Texts
    holding a character of ``excluded`` are not tried.
    """
    counts = {"any_text": 0, "news_like": 0}
    failures: dict[str, str] = {}
    for name, strategy in (("any_text", any_text), ("news_like", news_like)):
        if excluded:
            strategy = strategy.filter(lambda t: not any(c in excluded for c in t))
        try:
            _runner(strategy, examples, counts, name)()
        except Exception as err:
            failures[name] = _summary(err)
    return counts, failures


def _summary(err: Exception) -> str:
    """Return one line: the error's own message (pydantic's detail line) and the failing text."""
    lines = [line.strip() for line in str(err).splitlines()
             if line.strip() and not line.strip().startswith("For further information")]
    message = lines[-1].split(" [type=")[0] if lines else ""
    example = next((n for n in getattr(err, "__notes__", []) if "text=" in n), "")
    return " ".join(f"{type(err).__name__}: {message}; {example}".split())


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
    ap.add_argument("--exclude", default="", metavar="CHARS",
                    help="skip texts holding any of these characters (Python escapes allowed, e.g. '\\x00'), "
                         "to look past a failure already known")
    args = ap.parse_args()
    excluded = args.exclude.encode("ascii", "backslashreplace").decode("unicode_escape")
    counts, failures = fuzz(args.examples, excluded)
    out = {"texts_tried": counts, "excluded": [f"U+{ord(c):04X}" for c in excluded], "failures": failures,
           "scaling": scaling(args.scaling)}
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
