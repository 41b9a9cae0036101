"""The embedded store's default graph: one copy of every article's triples, kept right through every write.

Queries read the copy; quads, exports and statistics read the article graphs only. A
store written before the copy existed is upgraded when opened for writing. Articles
without a URL are named after their input file by ``ingest`` and ``load`` alike.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from graph.export import to_bytes
from graph.load import MappedArticle, load_files, store_facts
from graph.server.workers import QUERY, Job, _StoreHandle, run_job
from graph.stats import store_stats
from graph.store import EmbeddedStore, Quad

from .conftest import FACTS, SEED_FACTS

EX = "https://example.org/"
GRAPHS = [URIRef(f"https://w3id.org/dikg/article/{i}") for i in range(4)]
# few terms, so that articles often state the same triple
OBJECTS = (URIRef(EX + "c"), Literal("c"), Literal("c", lang="en"), Literal(1), Literal('say "c"\n'))
TRIPLES = [(URIRef(EX + s), URIRef(EX + p), o) for s in "ab" for p in "pq" for o in OBJECTS]


def _named_union(store: EmbeddedStore) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, str(q.object)) for q in store.oxigraph
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def _default_graph(store: EmbeddedStore) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, str(q.object))
            for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def _quads(graph: URIRef, triples: list[int]) -> list[Quad]:
    return [(*TRIPLES[i], graph) for i in triples]  # type: ignore[misc]


Step = tuple[str, dict[int, list[int]]]
STEPS = st.lists(st.one_of(
    st.tuples(st.just("replace"), st.dictionaries(st.integers(0, len(GRAPHS) - 1),
                                                 st.lists(st.integers(0, len(TRIPLES) - 1), max_size=5),
                                                 min_size=1, max_size=3)),
    st.tuples(st.just("remove"), st.dictionaries(st.integers(0, len(GRAPHS) - 1), st.just([]),
                                                min_size=1, max_size=1)),
), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(STEPS)
def test_the_default_graph_stays_the_deduplicated_union_of_the_article_graphs(steps: list[Step]) -> None:
    store = EmbeddedStore(None)
    expected: dict[URIRef, set[int]] = {}
    for op, graphs in steps:
        if op == "remove":
            (g,) = graphs
            store.remove_article(GRAPHS[g])
            expected.pop(GRAPHS[g], None)
        else:
            store.replace_articles({GRAPHS[g]: _quads(GRAPHS[g], ts) for g, ts in graphs.items()})
            for g, ts in graphs.items():
                expected[GRAPHS[g]] = set(ts)
        assert _default_graph(store) == _named_union(store)
        assert {(str(q[3]), q[0], q[1], q[2]) for q in store.quads()} == {
            (str(g), *TRIPLES[i]) for g, ts in expected.items() for i in ts}
    store.close()


def _ask(triple: tuple[URIRef, URIRef, URIRef | Literal]) -> str:
    return "ASK { " + " ".join(t.n3() for t in triple) + " }"


def test_a_triple_stays_while_another_article_still_states_it() -> None:
    store = EmbeddedStore(None)
    shared, own = TRIPLES[0], TRIPLES[1]
    store.replace_articles({GRAPHS[0]: [(*shared, GRAPHS[0]), (*own, GRAPHS[0])],  # type: ignore[list-item]
                            GRAPHS[1]: [(*shared, GRAPHS[1])]})  # type: ignore[list-item]
    store.remove_article(GRAPHS[0])
    assert store.query(_ask(shared)).boolean is True
    assert store.query(_ask(own)).boolean is False
    store.replace_articles({GRAPHS[1]: []})
    assert store.query(_ask(shared)).boolean is False
    assert store.named_graphs() == [] and _default_graph(store) == set()


def test_a_string_typed_as_such_is_the_same_triple_when_an_article_is_stored_again() -> None:
    store = EmbeddedStore(None)
    string = URIRef("http://www.w3.org/2001/XMLSchema#string")
    typed = (URIRef(EX + "a"), URIRef(EX + "p"), Literal("c", datatype=string), GRAPHS[0])
    for _ in range(2):
        store.replace_articles({GRAPHS[0]: [typed, (*TRIPLES[0], GRAPHS[0])]})  # type: ignore[list-item]
        assert len(_named_union(store)) == len(_default_graph(store)) == 2
    store.replace_articles({GRAPHS[0]: [typed]})
    assert _default_graph(store) == _named_union(store) == {(EX + "a", EX + "p", '"c"')}


def test_queries_see_a_triple_stated_by_two_articles_once(store: EmbeddedStore) -> None:
    store.replace_articles({g: [(*TRIPLES[0], g)] for g in GRAPHS[:2]})  # type: ignore[misc]
    assert int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]) == 1  # type: ignore[call-overload]
    by_graph = store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sorted(by_graph.values("g")) == GRAPHS[:2]


def test_exports_quads_and_stats_hold_the_article_graphs_only(store: EmbeddedStore) -> None:
    report = load_files(store, [FACTS])
    assert report.ok
    assert _default_graph(store)  # the copy is there ...
    named = len(_named_union(store))
    lines = to_bytes(store, "nq").decode("utf-8").splitlines()
    assert len(lines) == report.triples == sum(1 for _ in store.quads())  # ... and exported nowhere
    assert all(line.rsplit(" ", 2)[-2].startswith("<https://w3id.org/dikg/article/") for line in lines)
    assert store_stats(store).triples == report.triples >= named


def _old_format_store(path: Path) -> int:
    """Write the seed article as the previous dikg did: named graphs, nothing in the default graph."""
    source = EmbeddedStore(None)
    load_files(source, [SEED_FACTS])
    old = ox.Store(str(path))
    old.extend(q for q in source.oxigraph if not isinstance(q.graph_name, ox.DefaultGraph))
    old.flush()
    n = len(old)
    del old
    return n


def test_a_store_written_without_the_copy_is_queried_read_only_and_upgraded_when_opened_for_writing(
        tmp_path: Path) -> None:
    quads = _old_format_store(tmp_path / "old")
    countries = "PREFIX dikg: <https://w3id.org/dikg/ontology#> SELECT DISTINCT ?c WHERE { ?c a dikg:Country }"
    reader = EmbeddedStore(tmp_path / "old", read_only=True)
    before = sorted(reader.query(countries).values("c"))
    exported = to_bytes(reader, "nq")
    reader.close()
    assert before

    writer = EmbeddedStore(tmp_path / "old")
    assert _default_graph(writer) == _named_union(writer)
    assert sorted(writer.query(countries).values("c")) == before
    assert to_bytes(writer, "nq") == exported
    assert sum(1 for _ in writer.quads()) == quads
    writer.close()


def test_serve_workers_query_the_same_dataset_as_dikg_query(tmp_path: Path) -> None:
    st_ = EmbeddedStore(tmp_path / "s")
    st_.replace_articles({g: [(*TRIPLES[0], g)] for g in GRAPHS[:3]})  # type: ignore[misc]
    st_.close()
    answer = run_job(_StoreHandle(str(tmp_path / "s")), Job(QUERY, "SELECT ?s WHERE { ?s ?p ?o }", fmt="json"))
    assert answer.status == 200
    assert len(json.loads(answer.body)["results"]["bindings"]) == 1


def test_stats_count_the_triples_of_article_graphs_and_no_other_graph(store: EmbeddedStore) -> None:
    report = load_files(store, [SEED_FACTS])
    store.oxigraph.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("server's own"),
                               ox.NamedNode("http://www.openlinksw.com/schemas/virtrdf#")))
    assert store_stats(store).triples == report.triples


def test_a_batch_the_store_refuses_is_retried_article_by_article(store: EmbeddedStore) -> None:
    good = [MappedArticle(f"in/{i}.json", GRAPHS[i], [f"<{EX}a> <{EX}p> \"{i}\""], 0, 0, True) for i in (0, 2)]
    bad = MappedArticle("in/1.json", GRAPHS[1], [f"<{EX}a b> <{EX}p> \"1\""], 0, 0, True)  # a space in an IRI
    report = store_facts(store, [good[0], bad, good[1]], batch=3)
    assert [f.source for f in report.failures] == ["in/1.json"]
    assert report.articles == 2 and store.named_graphs() == [GRAPHS[0], GRAPHS[2]]


# -- articles without a URL


def _no_url_facts(folder: Path, name: str, country: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    doc.pop("url", None)
    doc["title"] = f"About {country}"
    path = folder / f"{name}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_load_names_an_article_without_url_by_its_file_name_wherever_it_is_read_from(tmp_path: Path,
                                                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = _no_url_facts(tmp_path / "facts", "seed-copy", "Malaysia")
    graphs = []
    for given_as, cwd in ((str(path), tmp_path), ("facts/seed-copy.json", tmp_path), ("seed-copy.json", path.parent)):
        monkeypatch.chdir(cwd)
        st_ = EmbeddedStore(None)
        assert load_files(st_, [given_as]).ok
        graphs.append(st_.named_graphs())
    assert graphs[0] == graphs[1] == graphs[2] and len(graphs[0]) == 1
    st_ = EmbeddedStore(None)
    load_files(st_, [path])
    assert st_.query("PREFIX dikg: <https://w3id.org/dikg/ontology#> SELECT ?k WHERE { ?a dikg:articleKey ?k }"
                     ).values("k") == [Literal("seed-copy")]


def test_two_inputs_without_url_of_the_same_name_are_not_merged(store: EmbeddedStore, tmp_path: Path) -> None:
    first = _no_url_facts(tmp_path / "a", "report", "Malaysia")
    second = _no_url_facts(tmp_path / "b", "report", "Japan")
    report = load_files(store, [first, second])
    assert report.articles == 1 and [f.source for f in report.failures] == [str(second)]
    assert "already stored as article 'report'" in report.failures[0].reason


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_and_extract_then_load_store_an_article_without_url_under_the_same_iri(tmp_path: Path,
                                                                                       jobs: int) -> None:
    from graph.pipeline import extract_to_dir, ingest

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "visit.txt").write_text("KUALA LUMPUR: Malaysia and South Korea signed a memorandum of understanding "
                                     "on defence industry cooperation.", encoding="utf-8")
    (texts / "wire.jsonl").write_text(json.dumps({"text": "SEOUL: South Korea signed a contract with Poland for "
                                                          "tanks."}) + "\n", encoding="utf-8")
    ingested, loaded = EmbeddedStore(None), EmbeddedStore(None)
    assert ingest([texts], ingested, jobs=jobs).articles == 2
    assert extract_to_dir([texts], tmp_path / "facts").articles == 2
    assert load_files(loaded, [tmp_path / "facts"]).articles == 2
    assert to_bytes(ingested, "nq") == to_bytes(loaded, "nq")
    keys = ingested.query("PREFIX dikg: <https://w3id.org/dikg/ontology#> SELECT ?k WHERE { ?a dikg:articleKey ?k }")
    assert sorted(map(str, keys.values("k"))) == ["visit", "wire-1"]
