"""Kill ``dikg load``, ``dikg ingest`` and ``dikg export`` with SIGKILL at random moments, many times.

Runs the checks of ``tests/test_robust_interrupt.py`` with more trials: after each kill
the store opens, every article graph in it equals a clean run's (complete or absent),
and re-running gives a byte-identical N-Quads export.

    python benchmarks/fuzz_interrupt.py                 # 20 trials each
    python benchmarks/fuzz_interrupt.py --trials 50 --files 300
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_robust_interrupt import _ingest_trials, _load_trials


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--files", type=int, default=200, help="facts files (load) and articles (ingest) per corpus")
    ap.add_argument("--seed", type=int, default=20250922)
    args = ap.parse_args()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "load").mkdir()
        (Path(tmp) / "ingest").mkdir()
        for name, run in (("load", _load_trials), ("ingest", _ingest_trials)):
            began = time.monotonic()
            figures = run(Path(tmp) / name, args.files, args.trials, args.seed)
            out[name] = {k: v for k, v in figures.__dict__.items() if k != "articles_present"}
            out[name]["articles_present_after_kill"] = figures.articles_present
            out[name]["seconds"] = round(time.monotonic() - began, 1)
    print(json.dumps(out, indent=1))
    # a trial whose command had finished before the kill proves little: most must stop mid-run
    short = [name for name, figures in out.items() if figures["killed_mid_run"] < args.trials / 2]
    if short:
        sys.exit(f"fewer than half the trials were killed mid-run: {', '.join(short)}")


if __name__ == "__main__":
    main()
