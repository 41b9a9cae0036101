"""The core commands as a user runs them: output, one-line errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FACTS, SEED_FACTS


def dikg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


@pytest.fixture
def loaded(tmp_path: Path) -> str:
    store = str(tmp_path / "store")
    run = dikg("load", str(SEED_FACTS), "--store", store)
    assert run.returncode == 0, run.stderr
    return store


def test_load_reports_counts_and_exits_zero(tmp_path: Path) -> None:
    run = dikg("load", str(FACTS), "--store", str(tmp_path / "s"))
    assert run.returncode == 0
    assert "loaded 2 article(s)" in run.stdout and "0 failed" in run.stdout


def test_load_with_a_bad_file_names_it_loads_the_rest_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"entities": [{"name": "X", "type": "Spaceship"}]}', encoding="utf-8")
    run = dikg("load", str(bad), str(SEED_FACTS), "--store", str(tmp_path / "s"))
    assert run.returncode == 1
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: {bad}: entities[0].type")
    assert "Traceback" not in run.stderr
    assert "loaded 1 article(s)" in run.stdout


def test_load_of_a_directory_with_no_facts_files_is_a_failure_not_silence(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Norway signed.", encoding="utf-8")
    run = dikg("load", str(articles), str(SEED_FACTS), "--store", str(tmp_path / "s"))
    assert run.returncode == 1
    assert run.stderr.strip() == f"error: {articles}: no facts files (.json) in this directory"
    assert "loaded 1 article(s)" in run.stdout


def test_query_prints_sparql_results_json(loaded: str) -> None:
    run = dikg("query", "partners", "--param", "country=Malaysia", "--format", "json", "--store", loaded)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert "partnerName" in data["head"]["vars"]
    names = [b["partnerName"]["value"] for b in data["results"]["bindings"] if "ordinal" in b]
    assert names == ["Turkiye", "South Korea"]


def test_query_accepts_literal_sparql_and_query_files(loaded: str, tmp_path: Path) -> None:
    q = tmp_path / "count.rq"
    q.write_text("SELECT (COUNT(?a) AS ?n) WHERE { ?a a dikg:Article }", encoding="utf-8")
    for arg in (f"@{q}", q.read_text()):
        run = dikg("query", arg, "--format", "csv", "--store", loaded)
        assert run.returncode == 0, run.stderr
        assert run.stdout.splitlines() == ["n", "1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "partnerz"], "unknown query 'partnerz'; available: "),
        (["query", "SELECT ?x WHERE { ?x ?y }"], "invalid SPARQL"),
        (["query", "partners"], "needs --param country="),
        (["query", "partners", "--param", "country=Atlantis"], "no entity named 'Atlantis'"),
        (["query", "partners", "--param", "colour=red"], "has no parameter 'colour'"),
        (["export", "--format", "xml", "-o", "x.xml"], "unknown export format 'xml'"),
    ],
)
def test_user_errors_are_one_line_with_exit_two(loaded: str, args: list[str], message: str, tmp_path: Path) -> None:
    run = dikg(*args, "--store", loaded, cwd=tmp_path)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    [line] = run.stderr.strip().splitlines()
    assert message in line


def test_a_graph_result_asked_for_as_csv_or_json_is_refused_rather_than_printed_as_n_triples(loaded: str) -> None:
    construct = "CONSTRUCT { ?e a dikg:Country } WHERE { ?e a dikg:Country }"
    run = dikg("query", construct, "--store", loaded)
    assert run.returncode == 0 and run.stdout.count(" .\n") == 3
    for fmt in ("csv", "json"):
        run = dikg("query", construct, "--format", fmt, "--store", loaded)
        assert (run.returncode, run.stdout) == (2, "")
        assert run.stderr.startswith(f"error: --format {fmt} is for SELECT and ASK results")


def test_queries_lists_every_named_query_with_parameters() -> None:
    run = dikg("queries")
    assert run.returncode == 0
    for name in ("partners", "agreements", "events", "people", "cooperation", "evidence", "timeline"):
        assert name in run.stdout
    assert "--param country=<entity>" in run.stdout


def test_export_is_byte_identical_across_processes(loaded: str, tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        out = tmp_path / f"out{i}.trig"
        assert dikg("export", "--format", "trig", "-o", str(out), "--store", loaded).returncode == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b"dikg:Article") == 1


def test_export_ontology_writes_the_ontology_file(tmp_path: Path) -> None:
    out = tmp_path / "dikg.ttl"
    run = dikg("export", "--ontology", "-o", str(out))
    assert run.returncode == 0
    assert b"owl:Ontology" in out.read_bytes()


def test_export_ontology_in_a_format_other_than_turtle_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "dikg.jsonld"
    run = dikg("export", "--ontology", "--format", "jsonld", "-o", str(out))
    assert run.returncode == 2
    assert run.stderr.strip() == "error: --ontology is written as Turtle only, not 'jsonld'; leave out --format"
    assert not out.exists()


def test_stats_counts_articles_entities_and_facts(loaded: str) -> None:
    run = dikg("stats", "--format", "json", "--store", loaded)
    data = json.loads(run.stdout)
    assert data["articles"] == 1
    assert data["entities"]["Country"] == 3
    assert data["facts"]["has_cooperation_area"] == 8


def test_store_location_comes_from_the_environment(loaded: str, tmp_path: Path) -> None:
    import os

    run = subprocess.run([sys.executable, "-m", "graph", "stats", "--format", "json"], capture_output=True,
                         text=True, env={**os.environ, "DIKG_STORE": loaded}, cwd=tmp_path)
    assert json.loads(run.stdout)["articles"] == 1


def test_validate_exits_zero_when_the_store_conforms(loaded: str) -> None:
    run = dikg("validate", "--store", loaded)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("conforms")


def test_validate_lists_violations_and_exits_one(loaded: str) -> None:
    from graph.store import EmbeddedStore

    st = EmbeddedStore(loaded)
    # a fact node with no provenance and evidence whose end is before its start
    st.oxigraph.update("""PREFIX dikg: <https://w3id.org/dikg/ontology#>
        INSERT DATA { GRAPH <https://w3id.org/dikg/article/broken> {
          <https://w3id.org/dikg/fact/broken> a dikg:Fact ;
            dikg:subject <https://w3id.org/dikg/id/country/MYS> ; dikg:predicate dikg:partOf ; dikg:object "x" ;
            dikg:evidence <https://w3id.org/dikg/fact/broken/ev> .
          <https://w3id.org/dikg/fact/broken/ev> a dikg:Evidence ; dikg:quote "q" ;
            dikg:startOffset 9 ; dikg:endOffset 2 . } }""")
    st.close()
    run = dikg("validate", "--format", "json", "--store", loaded)
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert data["conforms"] is False
    focuses = {r["focus"] for r in data["results"] if r["severity"] == "Violation"}
    assert "https://w3id.org/dikg/fact/broken" in focuses
    assert any("fact/broken/ev" in f for f in focuses)


@pytest.mark.parametrize("command", [["export", "--format", "ttl"], ["export", "--format", "graphml"], ["view"],
                                     ["analyse", "--format", "md"]])
def test_writing_to_a_directory_or_under_a_file_is_one_line_with_exit_two(
        loaded: str, tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "plain").write_text("not a directory", encoding="utf-8")
    for target, reason in ((tmp_path, "is a directory"), (tmp_path / "plain" / "out", "plain is a file")):
        run = dikg(*command, "-o", str(target), "--store", loaded)
        assert run.returncode == 2, run.stdout
        [line] = run.stderr.strip().splitlines()
        assert line.startswith(f"error: cannot write {target}: ") and reason in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain", "store"]


def test_written_files_get_the_permissions_of_any_new_file(loaded: str, tmp_path: Path) -> None:
    import os

    out = tmp_path / "dikg.ttl"
    run = subprocess.run([sys.executable, "-c", "import os, sys; os.umask(0o022); from graph.cli import main; main()",
                          "export", "-o", str(out), "--store", loaded], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert run.returncode == 0, run.stderr
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)  # a file the user closed to others stays closed when written again
    assert dikg("export", "-o", str(out), "--store", loaded).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("args", [["stats"], ["validate"], ["export", "-o", "x.ttl"], ["analyse"],
                                  ["view", "-o", "x.html"], ["path", "Malaysia", "Turkiye"],
                                  ["query", "partners", "--param", "country=Malaysia"]])
def test_reading_a_store_that_does_not_exist_is_an_error_and_creates_nothing(
        tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo"
    run = dikg(*args, "--store", str(missing), cwd=tmp_path)
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: no store at {missing}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["stats"], ["load", str(SEED_FACTS)]])
def test_a_store_that_is_a_file_is_named_as_such(tmp_path: Path, args: list[str]) -> None:
    store = tmp_path / "store"
    store.write_text("not a store", encoding="utf-8")
    run = dikg(*args, "--store", str(store))
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: cannot open store {store}: it is a file; a store is a directory"


@pytest.mark.parametrize("command", ["stats", "validate"])
def test_an_unknown_format_is_a_usage_error(loaded: str, command: str) -> None:
    run = dikg(command, "--format", "yaml", "--store", loaded)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.strip() == "error: unknown --format 'yaml'; available: text, json"


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--since", "yesterday", "--since 'yesterday': expected a date"),
    ("--since", "2025-13", "--since '2025-13': expected a date"),
    ("--since", "2025-02-30", "--since '2025-02-30': expected a date"),
    ("--min-confidence", "2", "--min-confidence 2: expected a number from 0 to 1"),
])
def test_a_view_filter_that_cannot_match_anything_is_refused(
        loaded: str, tmp_path: Path, option: str, value: str, message: str) -> None:
    out = tmp_path / "g.html"
    run = dikg("view", "-o", str(out), option, value, "--store", loaded)
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: {message}")
    assert not out.exists()


def test_a_store_another_process_is_writing_is_named_as_busy(loaded: str) -> None:
    from graph.store import EmbeddedStore

    writer = EmbeddedStore(loaded)  # holds the store's lock, as a running ingest does
    try:
        run = dikg("stats", "--store", loaded)
        readable = dikg("query", "ASK { ?s ?p ?o }", "--timeout", "30", "--store", loaded)
    finally:
        writer.close()
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: cannot open store {loaded}: another process is writing to it")
    assert (readable.returncode, readable.stdout.strip()) == (0, "true")


def test_a_table_written_to_a_file_or_pipe_keeps_every_value_whole(loaded: str) -> None:
    run = dikg("query", "agreements", "--store", loaded)
    assert run.returncode == 0, run.stderr
    assert "https://w3id.org/dikg/id/agreement/malaysia-south-korea-g2g-procurement-agreement-2025" in run.stdout
    assert "Malaysia–South Korea G2G procurement agreement (2025)" in run.stdout
    assert "…" not in run.stdout


def test_a_screenshot_path_that_is_a_directory_fails_before_anything_is_written(loaded: str, tmp_path: Path) -> None:
    page = tmp_path / "g.html"
    run = dikg("view", "-o", str(page), "--screenshot", str(tmp_path), "--store", loaded)
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: cannot write {tmp_path}: it is a directory; give a file name"
    assert "wrote" not in run.stdout and not page.exists()


def test_a_screenshot_replaces_an_earlier_file_whole_and_leaves_no_temporary_file(
        loaded: str, tmp_path: Path) -> None:
    from .browser import chromium_or_skip

    chromium_or_skip()
    shot = tmp_path / "shots" / "graph.png"
    shot.parent.mkdir()
    shot.write_bytes(b"an earlier picture")
    run = dikg("view", "-o", str(tmp_path / "g.html"), "--screenshot", str(shot), "--store", loaded)
    assert run.returncode == 0, run.stderr
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert [p.name for p in shot.parent.iterdir()] == ["graph.png"]


def test_validate_names_an_inverse_path_rather_than_a_blank_node(loaded: str) -> None:
    from graph.store import EmbeddedStore

    st = EmbeddedStore(loaded)
    # an agreement with one party: the shapes warn that it should have two (an inverse path)
    st.oxigraph.update("""PREFIX dikg: <https://w3id.org/dikg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        INSERT DATA { GRAPH <https://w3id.org/dikg/article/lonely> {
          <https://w3id.org/dikg/id/agreement/lonely> a dikg:Agreement ; skos:prefLabel "Lonely deal" .
          <https://w3id.org/dikg/id/country/MYS> dikg:partyTo <https://w3id.org/dikg/id/agreement/lonely> . } }""")
    st.close()
    run = dikg("validate", "--format", "json", "--store", loaded)
    data = json.loads(run.stdout)
    paths = {r["path"] for r in data["results"] if r["focus"] == "https://w3id.org/dikg/id/agreement/lonely"}
    assert "^https://w3id.org/dikg/ontology#partyTo" in paths
