"""Interrupted and repeated runs: SIGKILL never leaves half an article, and re-running heals the store.

A ``dikg load`` or ``dikg ingest`` of a generated corpus runs in a subprocess and is
killed with SIGKILL at a random moment. Afterwards the store must open, every named
graph in it must be exactly the graph a clean run gives that article (complete or
absent, never partial), and running the same command again must give a store whose
canonical N-Quads export is byte-identical to a clean run's.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from graph.export import to_bytes
from graph.iri import article_iri
from graph.load import load_files
from graph.mapping import facts_to_quads
from graph.models import read_facts
from graph.pipeline import ingest
from graph.store import EmbeddedStore
from tests import hostile

ROOT = Path(__file__).resolve().parent.parent
#: kill trials per command in the normal suite (benchmarks/fuzz_interrupt.py, run by make fuzz: 20 and more)
TRIALS = 3
FULL_SIZE = hostile.full_size("benchmarks/fuzz_interrupt.py")


def _key(quad: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(t.n3() for t in quad)  # type: ignore[attr-defined]


def _graphs(store: EmbeddedStore) -> dict[URIRef, set[tuple[str, ...]]]:
    out: dict[URIRef, set[tuple[str, ...]]] = {}
    for q in store.quads():
        out.setdefault(q[3], set()).add(_key(q))
    return out


def _default_graph(store: EmbeddedStore) -> set[tuple[str, ...]]:
    """Return the triples of the store's default graph, the copy its queries read."""
    res = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    return {(r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in res.rows}


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "graph", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@dataclass
class KillFigures:
    """What the kill trials saw."""

    trials: int = 0
    killed_mid_run: int = 0
    graphs_checked: int = 0
    partial_graphs: int = 0
    unexpected_graphs: int = 0
    rerun_identical: int = 0
    #: trials after which the default graph was not the deduplicated union of the article graphs
    default_graph_mismatches: int = 0
    articles_present: list[int] = field(default_factory=list)


def _opened(store: Path, proc: subprocess.Popen[bytes]) -> float:
    """Wait until the command has created ``store`` (its start-up is over) or has ended; return when."""
    while not store.exists() and proc.poll() is None:
        time.sleep(0.005)
    return time.monotonic()


def run_command(args: list[str], store: Path, workdir: Path) -> float:
    """Run ``dikg ARGS`` to the end; return how long it worked after opening ``store``."""
    proc = _start(args, workdir)
    opened = _opened(store, proc)
    _, err = proc.communicate(timeout=3600)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return time.monotonic() - opened


def kill_trials(args: list[str], store_arg: int, rerun: Callable[[Path], None], work_seconds: float,
                expected: dict[URIRef, set[tuple[str, ...]]], clean: bytes, workdir: Path, trials: int,
                seed: int) -> KillFigures:
    """Run ``dikg ARGS`` ``trials`` times, each killed at a random moment, and check the store after each.

    ``args[store_arg]`` is replaced by a fresh store directory per trial. The kill comes
    at a uniform moment of the work: after the command has opened the store, within
    ``work_seconds``, what the same command worked in a run to the end. After the kill
    the store is checked, then ``rerun(store)`` runs the same work to completion (in this
    process: the command is a thin wrapper over it) and the export must equal ``clean``.
    """
    rng = random.Random(seed)
    figures = KillFigures()
    for trial in range(trials):
        store = workdir / f"store-{trial}"
        argv = [store.as_posix() if i == store_arg else a for i, a in enumerate(args)]
        proc = _start(argv, workdir)
        _opened(store, proc)
        time.sleep(rng.uniform(0.0, 1.0) * work_seconds)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            figures.killed_mid_run += 1
        proc.wait(timeout=60)
        figures.trials += 1

        st = EmbeddedStore(store)  # must open after the kill
        try:
            graphs = _graphs(st)
            copy = _default_graph(st)
        finally:
            st.close()
        if copy != {q[:3] for quads in graphs.values() for q in quads}:
            figures.default_graph_mismatches += 1
        figures.articles_present.append(len(graphs))
        for g, quads in graphs.items():
            figures.graphs_checked += 1
            if g not in expected:
                figures.unexpected_graphs += 1
            elif quads != expected[g]:
                figures.partial_graphs += 1
        assert (figures.unexpected_graphs == 0 and figures.partial_graphs == 0
                and figures.default_graph_mismatches == 0), f"trial {trial}: {figures}"

        rerun(store)
        st = EmbeddedStore(store)
        try:
            again = to_bytes(st, "nq")
        finally:
            st.close()
        assert again == clean, f"trial {trial}: the re-run store differs from a clean run's"
        figures.rerun_identical += 1
    return figures


def _load(corpus: Path, store: Path) -> None:
    st = EmbeddedStore(store)
    try:
        report = load_files(st, [corpus])
        assert report.ok, report.failures
    finally:
        st.close()


def _ingest(corpus: Path, store: Path) -> None:
    st = EmbeddedStore(store)
    try:
        report = ingest([corpus], st)
        assert report.ok, report.failures
    finally:
        st.close()


def _clean_run(command: str, corpus: Path, workdir: Path) -> tuple[dict[URIRef, set[tuple[str, ...]]], bytes, float]:
    """Run ``dikg COMMAND CORPUS`` uninterrupted; return its graphs, its N-Quads export and its wall time."""
    store = workdir / "clean"
    seconds = run_command([command, corpus.as_posix(), "--store", store.as_posix()], store, workdir)
    st = EmbeddedStore(store)
    try:
        return _graphs(st), to_bytes(st, "nq"), seconds
    finally:
        st.close()


def _load_trials(tmp_path: Path, files: int, trials: int, seed: int) -> KillFigures:
    corpus = tmp_path / "facts"
    paths = hostile.facts_corpus(corpus, files, seed=seed)
    expected, clean, seconds = _clean_run("load", corpus, tmp_path)
    # the clean store holds exactly what the mapping gives each file
    assert expected == {article_iri(read_facts(p).url or p.stem): set(map(_key, facts_to_quads(read_facts(p), p.stem)))
                        for p in paths}
    return kill_trials(["load", corpus.as_posix(), "--store", "STORE"], 3, lambda store: _load(corpus, store),
                       seconds, expected, clean, tmp_path, trials, seed)


def _ingest_trials(tmp_path: Path, files: int, trials: int, seed: int) -> KillFigures:
    corpus = tmp_path / "articles"
    hostile.article_corpus(corpus, files, seed=seed)
    expected, clean, seconds = _clean_run("ingest", corpus, tmp_path)
    assert len(expected) == files
    return kill_trials(["ingest", corpus.as_posix(), "--store", "STORE"], 3, lambda store: _ingest(corpus, store),
                       seconds, expected, clean, tmp_path, trials, seed)


def test_a_killed_load_leaves_each_article_complete_or_absent_and_a_rerun_heals_it(tmp_path: Path) -> None:
    figures = _load_trials(tmp_path, 100, TRIALS, seed=11)  # two write batches
    assert figures.trials == TRIALS and figures.killed_mid_run >= 1 and figures.graphs_checked > 0, figures


def test_a_killed_ingest_leaves_each_article_complete_or_absent_and_a_rerun_heals_it(tmp_path: Path) -> None:
    figures = _ingest_trials(tmp_path, 80, TRIALS, seed=13)  # two write batches
    assert figures.trials == TRIALS and figures.killed_mid_run >= 1, figures


@FULL_SIZE
def test_twenty_killed_loads_leave_each_article_complete_or_absent(tmp_path: Path) -> None:
    figures = _load_trials(tmp_path, 300, 20, seed=12)
    assert figures.killed_mid_run >= 10, figures


@FULL_SIZE
def test_twenty_killed_ingests_leave_each_article_complete_or_absent(tmp_path: Path) -> None:
    figures = _ingest_trials(tmp_path, 200, 20, seed=14)
    assert figures.killed_mid_run >= 10, figures


# -- repeated runs


def test_ingesting_the_same_corpus_twice_gives_byte_identical_exports(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    hostile.article_corpus(corpus, 15, seed=15)
    st = EmbeddedStore(tmp_path / "s")
    try:
        ingest([corpus], st)
        first = {fmt: to_bytes(st, fmt) for fmt in ("nq", "trig", "ttl", "jsonld")}
        ingest([corpus], st)
        second = {fmt: to_bytes(st, fmt) for fmt in ("nq", "trig", "ttl", "jsonld")}
    finally:
        st.close()
    assert first == second
    assert first["nq"].count(b"\n") > 150


def test_a_changed_article_replaces_its_facts_and_leaves_none_stale(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    paths = hostile.article_corpus(corpus, 5, seed=16)
    st = EmbeddedStore(tmp_path / "s")
    try:
        ingest([corpus], st)
        before = to_bytes(st, "nq")
        paths[2].write_text("Deal revised\n\nJAKARTA, 1 October 2025: Indonesia signed a contract with Japan for "
                            "7 frigates worth US$ 2 billion.\n", encoding="utf-8")
        ingest([corpus], st)
        updated = to_bytes(st, "nq")
    finally:
        st.close()
    fresh = EmbeddedStore(tmp_path / "fresh")
    try:
        ingest([corpus], fresh)
        assert updated == to_bytes(fresh, "nq")
    finally:
        fresh.close()
    assert updated != before and b"indonesia-japan-contract-2025" in updated


def test_a_facts_file_loaded_again_with_fewer_facts_leaves_none_stale(tmp_path: Path) -> None:
    corpus = tmp_path / "facts"
    paths = hostile.facts_corpus(corpus, 3, seed=17)
    st = EmbeddedStore(tmp_path / "s")
    try:
        load_files(st, [corpus])
        facts = read_facts(paths[0])
        paths[0].write_text(facts.model_copy(update={"relations": facts.relations[:1]}).model_dump_json(),
                            encoding="utf-8")
        load_files(st, [corpus])
        g = article_iri(facts.url or "")
        assert {_key(q) for q in st.quads(g)} == set(map(_key, facts_to_quads(read_facts(paths[0]), "x")))
    finally:
        st.close()


# -- exports


def test_a_killed_export_never_leaves_a_half_file_under_the_final_name(tmp_path: Path) -> None:
    corpus = tmp_path / "facts"
    hostile.facts_corpus(corpus, 100, seed=18)
    _load(corpus, tmp_path / "s")
    st = EmbeddedStore(tmp_path / "s")
    try:
        clean = to_bytes(st, "nq")
    finally:
        st.close()
    out = tmp_path / "out" / "dikg.nq"
    rng = random.Random(18)
    start = time.monotonic()
    proc = _start(["export", "-f", "nq", "-o", out.as_posix(), "--store", (tmp_path / "s").as_posix()], tmp_path)
    proc.communicate(timeout=600)
    full = time.monotonic() - start
    assert out.read_bytes() == clean
    out.unlink()
    seen = {"absent": 0, "complete": 0}
    for _ in range(TRIALS):
        proc = _start(["export", "-f", "nq", "-o", out.as_posix(), "--store", (tmp_path / "s").as_posix()],
                      tmp_path)
        time.sleep(rng.uniform(0.3, 1.0) * full)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if out.exists():
            assert out.read_bytes() == clean, "a killed export left a partial file under the final name"
            seen["complete"] += 1
            out.unlink()
        else:
            seen["absent"] += 1
    assert sum(seen.values()) == TRIALS
