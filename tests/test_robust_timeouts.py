"""Pathological queries stop at their time limit, and nothing keeps running after them.

A store whose companies form one ring of partners (:func:`tests.hostile.ring_facts`)
makes an unbounded property path with both ends open cost n² steps: about a minute at
n = 2,000. Through ``dikg serve`` the query is stopped at the server's limit while other
clients are served, and afterwards the server's processes are idle; through
``dikg query --timeout`` the command stops it, says so on one line, and leaves no
process behind. Process trees and CPU times are read from ``/proc``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.load import load_files
from graph.store import EmbeddedStore
from tests import hostile

from .conftest import FACTS

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process trees from /proc")

ROOT = Path(__file__).resolve().parent.parent
RING = 2000
TIMEOUT = 2.0
_PREFIXES = "PREFIX dikg: <https://w3id.org/dikg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
#: unbounded property paths: each has over RING² answers on the ring store (a minute of work at 2,000)
PATHS = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<x:none>)* ?b }",
    _PREFIXES + "SELECT ?a ?b WHERE { ?a (dikg:partnerOf|!dikg:partnerOf)* ?b } ORDER BY ?b",
)
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
FAST = _PREFIXES + "SELECT ?n WHERE { ?e a dikg:Company ; skos:prefLabel ?n } ORDER BY ?n LIMIT 3"
_TICK = os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def ring_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("ring")
    st = EmbeddedStore(root / "store")
    try:
        assert load_files(st, [hostile.ring_facts(root / "ring.json", RING)]).ok
    finally:
        st.close()
    return str(root / "store")


# -- processes, from /proc


def _stat(pid: int) -> tuple[int, int, int] | None:
    """Return (parent pid, start time, CPU ticks used) of a process that has not exited, or None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # fields from the third on: state, ppid, ...
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12])


def _tree(root: int) -> dict[int, tuple[int, int]]:
    """Return {pid: (start time, CPU ticks)} for ``root`` and every live process below it."""
    stats = {int(e): s for e in os.listdir("/proc") if e.isdigit() and (s := _stat(int(e))) is not None}
    found = {root} if root in stats else set()
    grew = True
    while grew:
        below = {pid for pid, (ppid, _, _) in stats.items() if ppid in found} - found
        found |= below
        grew = bool(below)
    return {pid: stats[pid][1:] for pid in found}


def _alive(pid: int, start: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[1] == start


def _cpu_seconds(root: int, seconds: float) -> float:
    """Return the CPU time ``root``'s process tree uses over the next ``seconds`` of wall time."""
    before = _tree(root)
    time.sleep(seconds)
    after = _tree(root)
    ticks = 0
    for pid, (start, cpu) in after.items():
        earlier = before.get(pid)
        ticks += cpu - (earlier[1] if earlier is not None and earlier[0] == start else 0)
    return ticks / _TICK


# -- dikg serve


def _get(url: str, query: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query, "format": "csv"}),
                                    timeout=60) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture(scope="module")
def served(ring_store: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``dikg serve`` over the ring store in a subprocess, with two workers and a short limit."""
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", ring_store, "--port", "0",
                             "--workers", "2", "--timeout", str(TIMEOUT)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1",
                                                                     "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("serving "), line + proc.stderr.read()  # type: ignore[union-attr]
        yield line.split(" at ", 1)[1].split()[0], proc
    finally:
        proc.terminate()
        proc.wait(15)


@pytest.mark.parametrize("query", [*PATHS, CROSS], ids=["negated-path", "alternative-path", "cross-product"])
def test_a_pathological_query_is_stopped_at_the_limit_and_the_server_returns_to_idle(
        served: tuple[str, subprocess.Popen[str]], query: str) -> None:
    url, proc = served
    assert _get(url, "ASK {}")[0] == 200
    before = _tree(proc.pid)
    slow: dict[str, object] = {}

    def run_slow() -> None:
        began = time.monotonic()
        slow["answer"] = _get(url, query)
        slow["seconds"] = time.monotonic() - began

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    began = time.monotonic()
    status, body = _get(url, FAST)
    fast = time.monotonic() - began
    thread.join(60)
    assert status == 200 and body.startswith(b"n\r\nRing Firm ") and fast < 1.5  # served meanwhile
    status, body = slow["answer"]  # type: ignore[misc]
    assert status == 503 and b"longer than" in body, body[:300]
    assert slow["seconds"] < TIMEOUT + 2  # type: ignore[operator]

    # the worker that ran it is gone, and the server's processes use next to no CPU
    gone = [pid for pid, (start, _) in before.items() if not _alive(pid, start)]
    assert len(gone) == 1, (before, _tree(proc.pid))
    time.sleep(0.5)  # the replacement worker starts
    assert _cpu_seconds(proc.pid, 1.0) < 0.2
    for _ in range(4):  # both workers answer again
        assert _get(url, "ASK {}")[0] == 200


def test_a_terminated_server_stops_its_workers_even_mid_query(ring_store: str) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", ring_store, "--port", "0",
                             "--timeout", "120"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)})
    try:
        url = proc.stdout.readline().split(" at ", 1)[1].split()[0]  # type: ignore[union-attr]
        threading.Thread(target=lambda: _get(url, PATHS[0]), daemon=True).start()
        deadline = time.monotonic() + 30
        seen = _tree(proc.pid)
        while max(cpu for pid, (_, cpu) in seen.items() if pid != proc.pid) < 0.5 * _TICK:  # a worker is busy
            assert time.monotonic() < deadline, seen
            time.sleep(0.1)
            seen = _tree(proc.pid)
        proc.terminate()
        assert proc.wait(15) == 128 + signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 2
    while any(_alive(pid, start) for pid, (start, _) in seen.items()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid, (start, _) in seen.items() if _alive(pid, start)] == []


# -- dikg query --timeout


def _query_command(query: str, store: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "graph", "query", "--timeout", f"{TIMEOUT:g}", query,
                             "--store", store], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_dikg_query_stops_an_unbounded_path_at_its_timeout_and_leaves_no_process_behind(ring_store: str) -> None:
    # What the command costs around any query (start, worker, exit) on this machine now
    began = time.monotonic()
    assert _query_command("ASK {}", ring_store).communicate(timeout=60) == ("true\n", "")
    overhead = time.monotonic() - began

    began = time.monotonic()
    proc = _query_command(PATHS[0], ring_store)
    seen: dict[int, tuple[int, int]] = {}
    while proc.poll() is None:
        seen.update(_tree(proc.pid))
        time.sleep(0.05)
    elapsed = time.monotonic() - began
    out, err = proc.communicate(timeout=10)  # a process left holding the pipes would block this
    assert proc.returncode == 1, err
    assert (out, err) == ("", f"query stopped after {TIMEOUT:g} s (--timeout); narrow the query or allow more time\n")
    assert elapsed - overhead < TIMEOUT + 2
    assert len(seen) >= 2  # the command and the process that ran the query
    assert [pid for pid, (start, _) in seen.items() if _alive(pid, start)] == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_query_process_does_not_outlive_a_killed_dikg_query(ring_store: str, signum: int) -> None:
    proc = _query_command(PATHS[0], ring_store)
    seen: dict[int, tuple[int, int]] = {}
    deadline = time.monotonic() + 30
    while len(seen) < 2 and time.monotonic() < deadline:  # the command and the process running the query
        seen = _tree(proc.pid)
        time.sleep(0.05)
    assert len(seen) >= 2, seen
    time.sleep(0.5)
    proc.send_signal(signum)
    proc.communicate(timeout=10)
    deadline = time.monotonic() + 2
    while any(_alive(pid, start) for pid, (start, _) in seen.items()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid, (start, _) in seen.items() if _alive(pid, start)] == []


@pytest.fixture(scope="module")
def facts_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("facts") / "store"
    st = EmbeddedStore(path)
    try:
        assert load_files(st, [FACTS]).ok
    finally:
        st.close()
    return str(path)


@pytest.mark.parametrize("args", [
    ("partners", "--param", "country=Malaysia", "--format", "json"),
    ("partners", "--param", "country=Malaysia"),
    ("SELECT ?n WHERE { ?e skos:prefLabel ?n } ORDER BY ?n", "--format", "csv"),
    ("SELECT ?e ?n WHERE { ?e skos:prefLabel ?n FILTER(LANG(?n) != '') } ORDER BY ?e", "--format", "tsv"),
    ("ASK { ?s a dikg:Company }",),
    ("CONSTRUCT { ?e skos:prefLabel ?n } WHERE { ?e a dikg:Country ; skos:prefLabel ?n }",),
    ("SELECT * WHERE { ?s ?p }",),
    ("SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }",),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",),
    ("partners", "--param", "country=Atlantis"),
])
def test_a_query_under_a_timeout_gives_the_output_and_exit_code_it_gives_without(
        facts_store: str, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    plain = hostile.run_cli(capsys, "query", *args, "--store", facts_store)
    limited = hostile.run_cli(capsys, "query", *args, "--store", facts_store, "--timeout", "30")
    assert limited == plain
    assert plain[1] or plain[2]


def test_a_timeout_on_a_missing_store_is_one_line_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = hostile.run_cli(capsys, "query", "ASK {}", "--timeout", "5", "--store", str(tmp_path / "none"))
    assert (code, out) == (2, "")
    assert err.startswith("error: no store at ") and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("value", ["0", "-1", "soon", "100000000"])
def test_a_timeout_that_is_not_a_positive_number_or_is_over_a_week_is_a_usage_error(
        facts_store: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = hostile.run_cli(capsys, "query", "ASK {}", "--timeout", value, "--store", facts_store)
    assert code == 2 and "--timeout" in err and "Traceback" not in err


def test_a_time_limited_store_lists_the_graphs_and_quads_the_store_holds(facts_store: str) -> None:
    from graph.server.timed import TimeLimitedStore

    plain = EmbeddedStore(facts_store, read_only=True)
    limited = TimeLimitedStore(facts_store, 30)
    try:
        graphs = plain.named_graphs()
        assert limited.named_graphs() == graphs and len(graphs) > 1
        assert set(limited.quads(graphs[0])) == set(plain.quads(graphs[0]))
        assert set(limited.quads()) == set(plain.quads())
    finally:
        limited.close()
        plain.close()
