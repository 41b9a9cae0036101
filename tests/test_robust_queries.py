"""User queries cannot reach the network, and a bad query is one line with its position.

A listener on 127.0.0.1 counts every connection it gets while SERVICE, LOAD, remote FROM
and friends are sent through ``dikg query`` and ``dikg serve``; it must count none.
"""

from __future__ import annotations

import os
import socketserver
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.load import load_files
from graph.store import EmbeddedStore
from tests.hostile import run_cli

ROOT = Path(__file__).resolve().parent.parent

#: queries that would reach http://127.0.0.1:PORT if they ran; each must be refused before it runs
REACHING = (
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <http://127.0.0.1:{port}/> {{ ?o ?q ?r }} }} }} LIMIT 1",
    "PREFIX x: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
    "LOAD SILENT <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <https://w3id.org/dikg/x>",
    "SELECT * FROM <http://127.0.0.1:{port}/x> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/x> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} FROM <http://127.0.0.1:{port}/x> WHERE {{ ?s ?p ?o }}",
    "INSERT DATA {{ <http://127.0.0.1:{port}/a> <http://127.0.0.1:{port}/b> 1 }}",
    "CLEAR ALL",
)


class _Counter(socketserver.BaseRequestHandler):
    hits: list[bytes]

    def handle(self) -> None:
        data = self.request.recv(65536)
        self.server.hits.append(data[:200])  # type: ignore[attr-defined]
        # answer like a SPARQL endpoint would, so a fetch that happens does not hang
        self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n"
                             b'{"head": {"vars": []}, "results": {"bindings": [{}]}}')


@pytest.fixture
def listener() -> Iterator[socketserver.ThreadingTCPServer]:
    """A TCP server on a free loopback port that records every connection."""
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Counter)
    srv.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    st = EmbeddedStore(path)
    (tmp_path / "f.json").write_text('{"entities": [{"name": "Malaysia", "type": "Country"}]}', encoding="utf-8")
    assert load_files(st, [tmp_path / "f.json"]).ok
    st.close()
    return path


def test_the_listener_counts_a_connection_when_one_is_made(listener: socketserver.ThreadingTCPServer) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{listener.server_address[1]}/", timeout=10) as resp:
        resp.read()
    assert len(listener.hits) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("template", REACHING)
def test_a_query_that_would_reach_the_network_is_refused_by_dikg_query_and_nothing_connects(
        template: str, listener: socketserver.ThreadingTCPServer, store_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    query = template.format(port=listener.server_address[1])
    code, out, err = run_cli(capsys, "query", query, "--store", str(store_dir))
    assert code == 2, (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert "refused" in err or "invalid" in err
    assert listener.hits == []  # type: ignore[attr-defined]


def test_a_query_from_a_file_is_checked_too(listener: socketserver.ThreadingTCPServer, store_dir: Path,
                                            tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(REACHING[0].format(port=listener.server_address[1]), encoding="utf-8")
    code, _, err = run_cli(capsys, "query", f"@{rq}", "--store", str(store_dir))
    assert code == 2 and "refused: SERVICE" in err
    assert listener.hits == []  # type: ignore[attr-defined]


def test_the_real_command_refuses_service_in_a_fresh_process(listener: socketserver.ThreadingTCPServer,
                                                             store_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "graph", "query", REACHING[0].format(port=listener.server_address[1]),
                           "--store", str(store_dir)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and "refused: SERVICE" in proc.stderr and "Traceback" not in proc.stderr
    assert listener.hits == []  # type: ignore[attr-defined]


def test_a_local_query_still_runs(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "query", "SELECT ?l WHERE { ?c a dikg:Country ; skos:prefLabel ?l }",
                        "--store", str(store_dir), "--format", "csv")
    assert code == 0 and out.splitlines() == ["l", "Malaysia"]


def test_dikg_serve_refuses_every_reaching_query_and_nothing_connects(
        listener: socketserver.ThreadingTCPServer, store_dir: Path) -> None:
    from graph.server import ServerConfig, serve_in_thread

    srv, thread = serve_in_thread(ServerConfig(store=str(store_dir), port=0, workers=1, timeout=10, max_rows=100))
    try:
        for template in REACHING:
            query = template.format(port=listener.server_address[1])
            for field in ("query", "update"):
                req = urllib.request.Request(srv.url + "/sparql", data=urllib.parse.urlencode({field: query}).encode(),
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
                try:
                    with urllib.request.urlopen(req, timeout=30) as resp:
                        status = resp.status
                except urllib.error.HTTPError as err:
                    status = err.code
                assert 400 <= status < 500, (query, field, status)
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)
    assert listener.hits == []  # type: ignore[attr-defined]


def test_a_remote_stores_json_ld_answer_cannot_make_dikg_fetch_its_context(
        listener: socketserver.ThreadingTCPServer) -> None:
    from graph.remote import _parse_triples

    port = listener.server_address[1]
    body = f'{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://a", "x": "y"}}'.encode()
    with pytest.raises(StoreError):
        _parse_triples(body, "application/ld+json")
    assert listener.hits == []  # type: ignore[attr-defined]


def test_a_remote_stores_rdf_xml_answer_cannot_make_dikg_fetch_an_external_entity(
        listener: socketserver.ThreadingTCPServer) -> None:
    from graph.remote import _parse_triples

    body = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "http://127.0.0.1:{listener.server_address[1]}/e">]>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://x/">'
            '<rdf:Description rdf:about="http://a"><x:p>&e;</x:p></rdf:Description></rdf:RDF>').encode()
    try:
        _parse_triples(body, "application/rdf+xml")
    except StoreError:
        pass
    assert listener.hits == []  # type: ignore[attr-defined]


# -- invalid SPARQL


@pytest.mark.parametrize(("query", "line"), [
    ("SELECT * WHERE { ?s ?p }", 1),
    ("SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }", 4),
    ("PREFIX dikg: <https://w3id.org/dikg/ontology#>\nSELECT * WHERE {\n ?s a dikg:Article ; ?p }", 3),
    ("SELEKT * WHERE { ?s ?p ?o }", 1),
])
def test_invalid_sparql_is_one_line_naming_the_line_and_column_in_the_users_text(
        query: str, line: int, store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "query", query, "--store", str(store_dir))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: invalid SPARQL (line ")
    assert f"(line {line}, column " in err, err


def test_a_query_oxigraph_cannot_parse_reports_oxigraphs_position() -> None:
    from graph.store import invalid_sparql

    err = invalid_sparql("error at 3:14: expected one of ABS, AVG")
    assert str(err) == "invalid SPARQL (line 3, column 14): expected one of ABS, AVG"
    st = EmbeddedStore(None)
    with pytest.raises(ValueError, match=r"invalid SPARQL \(line 1, column \d+\)"):
        st.query("SELECT * WHERE { ?s ?p }")
