"""``dikg serve``: a read-only SPARQL 1.1 endpoint that standard clients can use, with limits that hold."""

from __future__ import annotations

import contextlib
import json
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
from rdflib import Graph, Literal, URIRef

from graph.load import load_files
from graph.server import DikgServer, ServerConfig, serve_in_thread
from graph.store import EmbeddedStore

from .conftest import FACTS, SEED_FACTS

SKOS = "http://www.w3.org/2004/02/skos/core#"
LABELS = f"PREFIX skos: <{SKOS}> SELECT ?name WHERE {{ ?e a ?t ; skos:prefLabel ?name }} ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_ROWS = 50
#: the limit of the server that stops a long query; the other tests' server allows the default 30 s,
#: so that a view rendered by a freshly started worker on a loaded machine is not cut short
TIMEOUT = 2.0


@contextlib.contextmanager
def _serving(tmp_path_factory: pytest.TempPathFactory, timeout: float) -> Iterator[DikgServer]:
    path = tmp_path_factory.mktemp("serve") / "store"
    st = EmbeddedStore(path)
    assert load_files(st, [FACTS]).ok
    st.close()
    srv, thread = serve_in_thread(ServerConfig(store=str(path), port=0, workers=2, timeout=timeout,
                                               max_rows=MAX_ROWS))
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DikgServer]:
    with _serving(tmp_path_factory, 30.0) as srv:
        yield srv


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DikgServer]:
    with _serving(tmp_path_factory, TIMEOUT) as srv:
        yield srv


def _http(srv: DikgServer, path: str, data: bytes | None = None, method: str | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(srv.url + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _q(query: str, **params: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query, **params})


def test_sparqlwrapper_reads_select_results_as_json_and_xml(server: DikgServer) -> None:
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(LABELS)
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.queryAndConvert()["results"]["bindings"]]  # type: ignore[index]
    assert "Malaysia" in names and "Harbourline-class frigate" in names
    client.setReturnFormat(XML)
    doc = client.queryAndConvert()
    assert sorted(n.firstChild.data for n in doc.getElementsByTagName("literal")) == sorted(names)  # type: ignore[union-attr]


def test_sparqlwrapper_posts_a_construct_and_gets_a_graph(server: DikgServer) -> None:
    from SPARQLWrapper import POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server.url + "/sparql")
    client.setMethod(POST)
    client.setQuery(f"PREFIX skos: <{SKOS}> CONSTRUCT {{ ?e skos:prefLabel ?n }} WHERE {{ ?e skos:prefLabel ?n }}")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.queryAndConvert(), format="turtle")  # type: ignore[arg-type]
    assert (URIRef("https://w3id.org/dikg/id/country/MYS"), URIRef(SKOS + "prefLabel"), Literal("Malaysia")) in g


def test_rdflib_sparqlstore_queries_the_endpoint(server: DikgServer) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(server.url + "/sparql", returnFormat="json"))
    rows = list(g.query(LABELS))
    assert Literal("South Korea") in {r[0] for r in rows}  # type: ignore[index]
    assert g.query("ASK { ?s ?p ?o }").askAnswer is True


@pytest.mark.parametrize(("accept", "media", "first_line"), [
    ("text/csv", "text/csv", b"name\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?name\n"),
    ("application/sparql-results+xml", "application/sparql-results+xml", b'<?xml version="1.0"?>\n'),
    ("*/*", "application/sparql-results+json", b"{\n"),
])
def test_select_results_follow_the_accept_header(server: DikgServer, accept: str, media: str,
                                                 first_line: bytes) -> None:
    status, headers, body = _http(server, _q(LABELS), headers={"Accept": accept})
    assert status == 200
    assert headers["Content-Type"].startswith(media)
    assert body.startswith(first_line)


def test_the_format_parameter_wins_over_the_accept_header(server: DikgServer) -> None:
    status, headers, body = _http(server, _q(LABELS, format="csv"), headers={"Accept": "application/json"})
    assert (status, headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    status, headers, body = _http(server, _q("DESCRIBE <https://w3id.org/dikg/id/country/MYS>", format="jsonld"))
    assert headers["Content-Type"].startswith("application/ld+json")
    assert any(node.get("@id") == "https://w3id.org/dikg/id/country/MYS" for node in json.loads(body))


def test_a_query_posted_as_application_sparql_query_is_answered(server: DikgServer) -> None:
    status, _, body = _http(server, "/sparql", data=b"ASK { ?s ?p ?o }", method="POST",
                            headers={"Content-Type": "application/sparql-query",
                                     "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize(("path", "data", "headers", "message"), [
    ("/sparql?" + urllib.parse.urlencode({"update": "CLEAR ALL"}), None, {}, "SPARQL Update"),
    ("/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"}, "SPARQL Update"),
    ("/sparql", urllib.parse.urlencode({"update": "INSERT DATA { <x:s> <x:p> 1 }"}).encode(),
     {"Content-Type": "application/x-www-form-urlencoded"}, "SPARQL Update"),
    (_q("LOAD <http://example.org/data.ttl>"), None, {}, "LOAD"),
    (_q("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"), None, {}, "SERVICE"),
    (_q("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }"), None, {}, "FROM"),
    (_q("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "http://example.org/g"}), None, {}, "graph"),
])
def test_writes_federation_and_remote_graphs_are_refused_with_403(
        server: DikgServer, path: str, data: bytes | None, headers: dict[str, str], message: str) -> None:
    status, _, body = _http(server, path, data=data, headers=headers)
    assert status == 403
    assert body.decode().startswith("refused:") and message in body.decode()
    assert _http(server, _q("ASK { ?s ?p ?o }"))[2] == b'{"head": {}, "boolean": true}'  # nothing was dropped


@pytest.mark.parametrize(("method", "path"), [
    ("PUT", "/sparql"), ("DELETE", "/sparql"), ("PUT", "/data?graph=https://w3id.org/dikg/article/x"),
    ("POST", "/data?default"), ("DELETE", "/data?default"), ("PATCH", "/"),
])
def test_graph_store_writes_on_any_path_are_refused_with_405(server: DikgServer, method: str, path: str) -> None:
    status, headers, body = _http(server, path, data=b"<x:s> <x:p> <x:o> .", method=method,
                                  headers={"Content-Type": "application/n-triples"})
    assert status == 405 and "read-only" in body.decode()
    assert "Allow" in headers


def test_an_invalid_query_is_a_400_with_the_position(server: DikgServer) -> None:
    status, _, body = _http(server, _q("SELECT ?s WHERE { ?s ?p }"))
    assert status == 400 and "invalid SPARQL" in body.decode()


def test_a_result_over_the_row_limit_is_an_error_unless_partial_results_are_asked_for(server: DikgServer) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"
    status, _, body = _http(server, _q(everything), headers={"Accept": "application/sparql-results+json"})
    assert status == 400 and f"more than {MAX_ROWS} rows" in body.decode()
    status, headers, body = _http(server, _q(everything, partial="true"),
                                  headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    assert headers["X-Dikg-Truncated"] == f"max-rows={MAX_ROWS}" and "truncated" in headers["Warning"]
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_a_long_query_is_stopped_at_the_time_limit_while_other_clients_are_served(strict_server: DikgServer) -> None:
    server = strict_server
    slow: dict[str, object] = {}

    def run_slow() -> None:
        start = time.monotonic()
        slow["answer"] = _http(server, _q(SLOW))
        slow["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    start = time.monotonic()
    status, _, _ = _http(server, _q(LABELS, format="csv"))
    fast = time.monotonic() - start
    thread.join(30)
    assert status == 200 and fast < 1.5  # the other worker answered while the slow query ran
    status, _, body = slow["answer"]  # type: ignore[misc]
    assert status == 503 and "longer than" in body.decode()
    assert slow["seconds"] < TIMEOUT + 2  # type: ignore[operator]
    # the stopped worker is replaced: the server keeps answering on both workers
    for _ in range(4):
        assert _http(server, _q("ASK { ?s ?p ?o }"))[0] == 200


def test_the_query_page_loads_nothing_from_elsewhere_and_forbids_inline_script(server: DikgServer) -> None:
    status, headers, body = _http(server, "/query")
    page = body.decode()
    assert status == 200 and "<textarea" in page
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert 'src="/query.js"' in page
    assert not any(f'{attr}="{scheme}' in page for attr in ("src", "href") for scheme in ("http", "//"))
    status, headers, js = _http(server, "/query.js")
    assert status == 200 and b"textContent" in js and b"innerHTML" not in js


def test_the_view_is_served_at_the_root(server: DikgServer) -> None:
    status, headers, body = _http(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"Malaysia" in body


def test_no_cors_header_is_sent_and_the_server_listens_on_loopback(server: DikgServer) -> None:
    _, headers, _ = _http(server, _q("ASK {}"), headers={"Origin": "https://elsewhere.example"})
    assert not any(h.lower().startswith("access-control-") for h in headers)
    assert server.server_address[0] == "127.0.0.1"


def test_head_answers_with_the_status_and_headers_of_get_and_no_body(server: DikgServer) -> None:
    for path, status in (("/", 200), (_q("ASK {}"), 200), ("/query", 200), ("/nothing", 404)):
        got, headers, body = _http(server, path, method="HEAD")
        assert (got, body) == (status, b"")
        assert int(headers["Content-Length"]) > 0


def test_a_client_that_resets_its_connection_leaves_no_traceback(
        server: DikgServer, capfd: pytest.CaptureFixture[str]) -> None:
    import socket
    import struct

    host, port = server.server_address[:2]
    for _ in range(3):
        with socket.create_connection((str(host), int(port)), timeout=30) as sock:
            sock.sendall(b"GET /query HTTP/1.1\r\nHost: x\r\n\r\n")
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
            # close with a reset while the server waits for the next request on the kept-alive connection
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert _http(server, _q("ASK {}"))[0] == 200
    time.sleep(0.2)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "ConnectionResetError" not in err


@pytest.mark.parametrize("args", [["--port", "{busy}"], ["--host", "no-such-host.invalid"]])
def test_a_port_in_use_or_an_unknown_host_is_one_line_with_exit_two(tmp_path: Path, args: list[str]) -> None:
    import socket

    path = tmp_path / "store"
    st = EmbeddedStore(path)
    load_files(st, [SEED_FACTS])
    st.close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        argv = [a.format(busy=busy.getsockname()[1]) for a in args]
        run = subprocess.run([sys.executable, "-m", "graph", "serve", "--store", str(path), "--port", "0", *argv],
                             capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("error: cannot listen on ")


def test_facts_loaded_while_serving_are_seen_by_later_queries(tmp_path: Path) -> None:
    path = tmp_path / "store"
    st = EmbeddedStore(path)
    load_files(st, [SEED_FACTS])
    st.close()
    srv, thread = serve_in_thread(ServerConfig(store=str(path), port=0, workers=1, timeout=10))
    try:
        ask = _q("ASK { ?s ?p 'Norland' }")
        assert json.loads(_http(srv, ask)[2])["boolean"] is False
        st = EmbeddedStore(path)
        load_files(st, [FACTS / "frigates.json"])
        st.close()
        assert json.loads(_http(srv, ask)[2])["boolean"] is True
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


#: runs the command line as a terminal's foreground process does, with Ctrl-C's SIGINT handled:
#: a test run started in the background ignores SIGINT, and a child inherits that (and then hangs)
_INTERACTIVE = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                "from graph.cli import main; sys.argv[0] = 'dikg'; main()")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)],
                         ids=["SIGINT", "SIGTERM"])
def test_dikg_serve_runs_until_interrupted_or_terminated_and_answers_sparql_clients(
        tmp_path: Path, signum: int, code: int) -> None:
    path = tmp_path / "store"
    st = EmbeddedStore(path)
    load_files(st, [SEED_FACTS])
    st.close()
    proc = subprocess.Popen([sys.executable, "-c", _INTERACTIVE, "serve", "--store", str(path), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1",
                                 "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("serving "), line + proc.stderr.read()  # type: ignore[union-attr]
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": LABELS, "format": "csv"}),
                                    timeout=30) as resp:
            assert "Mohamed Khaled Nordin" in resp.read().decode()
    finally:
        proc.send_signal(signum)
        try:
            returned = proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)  # with PYTHONFAULTHANDLER, every thread's stack goes to stderr
            proc.wait(10)
            pytest.fail(f"dikg serve did not stop within 15 s of signal {signum}:\n"
                        + proc.stderr.read()[-6000:])  # type: ignore[union-attr]
    assert returned == code


def _descendants(pid: int) -> set[int]:
    """Return the processes below ``pid`` (children, their children, ...), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with the server on Linux")
def test_a_worker_in_a_long_query_stops_when_dikg_serve_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "store"
    st = EmbeddedStore(path)
    load_files(st, [SEED_FACTS])
    st.close()
    proc = subprocess.Popen([sys.executable, "-c", _INTERACTIVE, "serve", "--store", str(path), "--port", "0",
                             "--workers", "1", "--timeout", "600"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1",
                                 "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    workers: set[int] = set()
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("serving "), line + proc.stderr.read()  # type: ignore[union-attr]
        url = line.split(" at ", 1)[1].split()[0]
        endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"

        def ask() -> None:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": endless}), timeout=60)

        workers = _descendants(proc.pid)
        busy = {pid: _cpu_seconds(pid) for pid in workers}
        threading.Thread(target=ask, daemon=True).start()
        deadline = time.monotonic() + 30
        # wait until a worker is running the query: it has used a second of CPU since
        while not any(_cpu_seconds(pid) > busy[pid] + 1 for pid in workers):
            assert time.monotonic() < deadline, "no worker took up the query"
            time.sleep(0.1)
    finally:
        proc.kill()
        proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_running, workers)):
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "a worker ran on after dikg serve was killed"
