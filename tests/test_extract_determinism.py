"""Extraction gives the same facts in the same order in every process, whatever its hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

# two variants of one design whose names have the same length: any order taken from a set would vary
TEXT = ("The navy ordered four MEKO A-200EN frigates in 2018. Algeria operates two MEKO A-200AN frigates. "
        "Both are versions of the MEKO A-200 design.")

SCRIPT = f"""
from graph.articles import Article
from graph.extract import extract
from graph.models import facts_to_json
print(facts_to_json(extract(Article({TEXT!r}, "a.txt", date="2025-01-02"))))
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          check=True).stdout


def test_facts_are_byte_identical_under_different_hash_seeds() -> None:
    outputs = {_run(seed) for seed in range(8)}
    assert len(outputs) == 1
    assert '"derived_from"' in outputs.pop()
