"""Hostile inputs through ``dikg load`` and ``dikg ingest``: no traceback, each bad item named, good ones stored.

The inputs come from :mod:`tests.hostile` (generated here, from a seed). Each batch runs
the real command in a subprocess; the store is then compared with what the good inputs
alone map to, so a triple from a failed input would show.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import URIRef

from graph.iri import article_iri
from graph.load import article_name, expand_paths
from graph.mapping import facts_to_quads
from graph.models import read_facts
from graph.store import EmbeddedStore
from tests import hostile

ROOT = Path(__file__).resolve().parent.parent
#: items in the normal suite (benchmarks/fuzz_inputs.py, run by make fuzz, tries 10,000 and more)
SAMPLE = 1000
FULL_SIZE = hostile.full_size("benchmarks/fuzz_inputs.py")
_FAILURE = re.compile(r"^error: (?P<source>.+?): (?P<reason>.+)$")


def run_dikg(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh interpreter, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env, encoding="utf-8", errors="replace")


def _key(quad: Iterable[object]) -> tuple[str, ...]:
    return tuple(t.n3() for t in quad)  # type: ignore[attr-defined]


def _failures(stderr: str) -> dict[str, str]:
    """Map each failure line's source to its reason; fail on any other line."""
    out: dict[str, str] = {}
    for line in stderr.splitlines():
        m = _FAILURE.match(line)
        assert m is not None, f"stderr line is not one failure: {line[:300]!r}"
        assert m["source"] not in out, f"{m['source']} reported twice"
        out[m["source"]] = m["reason"]
    return out


@dataclass
class BatchFigures:
    inputs: int
    bad: int
    good: int
    crashes: int
    stray_triples: int
    #: inputs generated, by kind (a JSON Lines file mixing good and bad records counts each record)
    by_kind: dict[str, int] = field(default_factory=dict)


def check_load_batch(folder: Path, store: Path, generated: list[hostile.Item]) -> BatchFigures:
    """Load ``folder`` with ``dikg load`` and check every item's outcome and the whole store."""
    proc = run_dikg("load", str(folder), "--store", str(store), cwd=folder.parent)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    bad = [it for it in generated if it.reason is not None]
    good = [it for it in generated if it.reason is None]
    assert proc.returncode == (1 if bad else 0), proc.stderr[-2000:]
    failures = _failures(proc.stderr)
    by_stem = {Path(s).stem: r for s, r in failures.items()}
    for it in bad:
        reason = by_stem.get(Path(it.name).stem)
        assert reason is not None, f"{it.name} ({it.kind}) failed silently or was stored"
        assert hostile.reason_matches(it, reason), f"{it.name} ({it.kind}): unexpected reason {reason!r}"
    assert len(failures) == len(bad), sorted(set(by_stem) - {Path(it.name).stem for it in bad})
    assert re.search(rf"^loaded {len(good)} article\(s\).*; {len(bad)} failed$", proc.stdout, re.M), proc.stdout

    expected = set()
    for it in good:
        expected.update(map(_key, facts_to_quads(read_facts(folder / it.name), Path(it.name).stem)))
    st = EmbeddedStore(store)
    try:
        stored = set(map(_key, st.quads()))
    finally:
        st.close()
    assert stored == expected, (len(stored - expected), len(expected - stored))
    return BatchFigures(len(generated), len(bad), len(good), 0, len(stored - expected),
                        dict(Counter(it.kind for it in generated)))


def test_a_thousand_hostile_facts_files_load_without_a_traceback_and_only_good_ones_land(tmp_path: Path) -> None:
    generated = hostile.write_items(tmp_path / "in", hostile.items(hostile.FACTS_KINDS, SAMPLE, seed=1,
                                                                   heavy_every=400))
    figures = check_load_batch(tmp_path / "in", tmp_path / "store", generated)
    assert figures.bad > 0 and figures.good > 0


@FULL_SIZE
def test_ten_thousand_hostile_facts_files_load_without_a_traceback_and_only_good_ones_land(tmp_path: Path) -> None:
    generated = hostile.write_items(tmp_path / "in", hostile.items(hostile.FACTS_KINDS, 10_000, seed=2))
    check_load_batch(tmp_path / "in", tmp_path / "store", generated)


def test_every_facts_kind_is_generated_and_has_the_outcome_it_claims(tmp_path: Path) -> None:
    generated = hostile.write_items(tmp_path / "in", hostile.items(hostile.FACTS_KINDS, len(hostile.FACTS_KINDS)))
    assert {it.kind for it in generated} == set(hostile.FACTS_KINDS)
    for it in generated:
        if it.reason is None:
            read_facts(tmp_path / "in" / it.name)  # a "good" input must validate


def test_a_facts_file_that_is_good_loads_alone_after_the_bad_ones_fail(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    generated = hostile.write_items(folder, hostile.items(hostile.FACTS_KINDS, 60, seed=3))
    good = [it for it in generated if it.reason is None]
    proc = run_dikg("load", *(str(folder / it.name) for it in generated), "--store", str(tmp_path / "s"),
                    cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    st = EmbeddedStore(tmp_path / "s")
    try:
        graphs = set(st.named_graphs())
    finally:
        st.close()
    assert graphs == {article_iri(read_facts(folder / it.name).url or Path(it.name).stem) for it in good}


@pytest.mark.parametrize(("args", "code"), [
    ((), 2),
    (("--no-such-option",), 2),
    (("{missing}",), 1),
    (("{good}",), 0),
])
def test_load_exits_0_when_all_landed_1_when_some_failed_and_2_on_a_usage_error(
        tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    good = tmp_path / "good.json"
    good.write_text('{"entities": [{"name": "Malaysia", "type": "Country"}]}', encoding="utf-8")
    argv = [a.format(missing=tmp_path / "missing.json", good=good) for a in args]
    proc = run_dikg("load", *argv, "--store", str(tmp_path / "s"), cwd=tmp_path)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr


# -- articles: dikg ingest and dikg extract


def _article_keys(folder: Path, generated: list[hostile.Item],
                  jsonl: list[tuple[str, bytes, list[str | None]]]) -> tuple[dict[str, str], set[str]]:
    """Return (source -> expected reason pattern) and the keys of articles that must be stored."""
    bad: dict[str, str] = {}
    good: set[str] = set()
    for it in generated:
        src = str(folder / it.name)
        if it.reason is None:
            good.add(src)
        elif it.kind == "jsonl_all_broken":
            for n in range(1, 5):
                bad[f"{src}:{n}"] = it.reason
        else:
            bad[src] = it.reason
    for name, _, outcomes in jsonl:
        for n, outcome in enumerate(outcomes, start=1):
            if outcome is None:
                good.add(f"{folder / name}:{n}")
            else:
                bad[f"{folder / name}:{n}"] = outcome
    return bad, good


def _jsonl_url(folder: Path, key: str) -> str | None:
    path, _, line = key.rpartition(":")
    if not path.endswith(".jsonl"):
        return None
    import json

    raw = (folder / Path(path).name).read_bytes().split(b"\n")[int(line) - 1]
    return json.loads(raw)["url"]  # type: ignore[no-any-return]


def check_ingest_batch(tmp_path: Path, n_files: int, n_jsonl: int, seed: int) -> BatchFigures:
    """Ingest generated articles with ``dikg ingest`` and check outcomes, graphs and script text."""
    folder = tmp_path / "articles"
    generated = hostile.write_items(folder, hostile.items(hostile.ARTICLE_KINDS, n_files, seed=seed,
                                                          heavy_every=250))
    jsonl = list(hostile.jsonl_items(n_jsonl, seed=seed))
    for name, data, _ in jsonl:
        (folder / name).write_bytes(data)
    bad, good = _article_keys(folder, generated, jsonl)
    store = tmp_path / "store"
    proc = run_dikg("ingest", str(folder), "--store", str(store), cwd=tmp_path, timeout=1200)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert proc.returncode == 1, proc.stderr[-2000:]
    failures = _failures(proc.stderr)
    unsupported = {str(folder / it.name) for it in generated if it.kind == "unsupported_suffix"}
    for key, pattern in bad.items():
        if key in unsupported:  # a directory walk skips files it cannot read; named, they fail
            assert key not in failures
            continue
        assert key in failures, f"{key} failed silently or was stored"
        assert re.search(pattern, failures[key], re.I), f"{key}: unexpected reason {failures[key]!r}"
    assert set(failures) == set(bad) - unsupported, sorted(set(failures) ^ (set(bad) - unsupported))[:5]
    assert re.search(rf"^ingested {len(good)} article\(s\)", proc.stdout, re.M), proc.stdout

    # an article without a URL is named after its input (article_name: file stem, -LINE for JSON Lines)
    expected_graphs = {article_iri(_jsonl_url(folder, k) or article_name(k)) for k in good}
    st = EmbeddedStore(store)
    try:
        graphs = set(st.named_graphs())
        text = "\n".join(t.n3() for q in st.quads() for t in q[:3])
    finally:
        st.close()
    assert graphs == expected_graphs
    leaked = [m for m in hostile.SCRIPT_MARKERS if m in text]
    assert not leaked, f"script, style or attribute text reached the store: {leaked}"
    by_kind = Counter(it.kind for it in generated)
    by_kind["jsonl_mixed_record"] = sum(len(outcomes) for _, _, outcomes in jsonl)
    return BatchFigures(len(bad) + len(good), len(bad), len(good), 0, len(graphs - expected_graphs), dict(by_kind))


def test_hundreds_of_hostile_articles_ingest_without_a_traceback_and_only_good_ones_land(tmp_path: Path) -> None:
    figures = check_ingest_batch(tmp_path, 400, 40, seed=4)
    assert figures.bad > 100 and figures.good > 100


@FULL_SIZE
def test_thousands_of_hostile_articles_ingest_without_a_traceback_and_only_good_ones_land(tmp_path: Path) -> None:
    check_ingest_batch(tmp_path, 4000, 400, seed=5)


def test_extract_writes_one_facts_file_per_good_article_and_names_each_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    generated = hostile.write_items(folder, hostile.items(hostile.ARTICLE_KINDS, 60, seed=6, heavy_every=10**9))
    proc = run_dikg("extract", str(folder), "--out", str(tmp_path / "facts"), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    failures = _failures(proc.stderr)
    good = [it for it in generated if it.reason is None]
    bad = [it for it in generated if it.reason is not None and it.kind != "unsupported_suffix"]
    assert {Path(k.rsplit(":", 1)[0] if k.endswith(tuple("0123456789")) and ".jsonl:" in k else k).name
            for k in failures} == {it.name for it in bad}
    written = sorted(p.name for p in expand_paths([tmp_path / "facts"], (".json",)))
    assert written == sorted(Path(it.name).stem + ".json" for it in good)
    for p in (tmp_path / "facts").iterdir():
        read_facts(p)  # each file written is valid interchange JSON


def test_ingest_exits_2_on_a_usage_error(tmp_path: Path) -> None:
    for args in ((), ("--jobs", "0", str(tmp_path)), ("--no-such-option",)):
        proc = run_dikg("ingest", *args, "--store", str(tmp_path / "s"), cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_a_missing_article_path_is_one_failure_and_the_rest_is_ingested(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Malaysia signed a contract with Japan for two patrol vessels.", encoding="utf-8")
    proc = run_dikg("ingest", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"),
                    cwd=tmp_path)
    assert proc.returncode == 1
    assert _failures(proc.stderr) == {str(tmp_path / "nope.txt"): "no such file"}
    st = EmbeddedStore(tmp_path / "s")
    try:
        assert st.named_graphs() == [URIRef(article_iri("a"))]
    finally:
        st.close()


def test_a_title_holding_a_stray_angle_bracket_does_not_swallow_the_page(tmp_path: Path) -> None:
    from graph.readers.html import article_from_html

    article = article_from_html("<html><head><title>Deals <b & more</title></head>"
                                "<body><p>Malaysia signed a contract with Japan.</p></body></html>", "k")
    assert article.title == "Deals <b & more"
    assert article.text == "Malaysia signed a contract with Japan."
