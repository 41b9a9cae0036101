"""The store replaces articles atomically; exports are deterministic and parse back isomorphic."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.export import EXPORT_FORMATS, export, sorted_quads
from graph.load import load_files
from graph.store import EmbeddedStore, Store

from .conftest import FACTS, SEED_FACTS

PARSE = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
OX_PARSE = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
            "jsonld": ox.RdfFormat.JSON_LD}


def _union(store: Store) -> Graph:
    g = Graph()
    for s, p, o, _ in store.quads():
        g.add((s, p, o))
    return g


def test_loading_the_same_facts_twice_gives_byte_identical_exports(tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        st = EmbeddedStore(tmp_path / f"store-{run}")
        load_files(st, [FACTS])
        load_files(st, [FACTS])  # re-load in the same store: idempotent
        outputs.append({fmt: (tmp_path / f"{run}.{fmt}") for fmt in EXPORT_FORMATS})
        for fmt, path in outputs[-1].items():
            export(st, fmt, path)
        st.close()
    for fmt in EXPORT_FORMATS:
        assert outputs[0][fmt].read_bytes() == outputs[1][fmt].read_bytes(), fmt


@pytest.mark.parametrize("fmt", sorted(PARSE))
def test_every_export_format_parses_back_isomorphic_in_rdflib_and_pyoxigraph(
        store: EmbeddedStore, tmp_path: Path, fmt: str) -> None:
    load_files(store, [FACTS])
    path = tmp_path / f"out.{fmt}"
    export(store, fmt, path)
    expected = _union(store)
    if fmt == "ttl":
        back = Graph().parse(path, format="turtle")
    else:
        ds = Dataset()
        ds.parse(path, format=PARSE[fmt])
        back = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            back.add((s, p, o))
        if fmt != "jsonld":
            assert {str(g.identifier) for g in ds.graphs() if len(g)} >= {str(g) for g in store.named_graphs()}
    assert isomorphic(back, expected)
    ox_count = sum(1 for _ in ox.parse(path=str(path), format=OX_PARSE[fmt]))
    assert ox_count >= len(expected)


def test_reloading_a_changed_article_replaces_its_facts_and_leaves_none_stale(tmp_path: Path) -> None:
    st = EmbeddedStore(tmp_path / "s")
    load_files(st, [SEED_FACTS])
    doc = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    doc["relations"] = [r for r in doc["relations"] if r["predicate"] != "has_capability_domain"]
    changed = tmp_path / "seed.json"
    changed.write_text(json.dumps(doc), encoding="utf-8")
    load_files(st, [changed])
    res = st.query("PREFIX dikg: <https://w3id.org/dikg/ontology#> "
                   "SELECT (COUNT(*) AS ?n) WHERE { ?f dikg:predicate dikg:hasCapabilityDomain }")
    assert int(res.rows[0]["n"]) == 0
    assert len(st.named_graphs()) == 1
    st.close()


def test_a_malformed_file_loads_nothing_while_good_files_in_the_same_call_load(store: EmbeddedStore,
                                                                               tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    doc = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    doc["url"] = "https://example.org/bad"
    doc["relations"][0]["predicate"] = "admires"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    report = load_files(store, [bad, SEED_FACTS])
    assert [f.source for f in report.failures] == [str(bad)]
    assert "unknown predicate 'admires'" in report.failures[0].reason
    assert report.articles == 1
    urls = {str(o) for _, p, o, _ in store.quads() if str(p) == "https://schema.org/url"}
    assert urls == {json.loads(SEED_FACTS.read_text())["url"]}


def test_the_store_persists_across_reopening(tmp_path: Path) -> None:
    st = EmbeddedStore(tmp_path / "s")
    load_files(st, [SEED_FACTS])
    before = sorted_quads(st)
    st.close()
    again = EmbeddedStore(tmp_path / "s")
    assert sorted_quads(again) == before
    again.close()


def test_an_entity_named_differently_in_two_articles_is_one_node_with_every_alias(store: EmbeddedStore,
                                                                                  tmp_path: Path) -> None:
    for i, (name, alias) in enumerate((("Turkiye", "Turkish"), ("Türkiye", "Turkey"))):
        doc = {"url": f"https://example.org/{i}", "entities": [
            {"name": name, "type": "Country", "aliases": [name, alias]},
            {"name": "Roketsan", "type": "Company", "aliases": ["Roketsan"]}],
            "relations": [{"subject": "Roketsan", "predicate": "located_in", "object": name}]}
        (tmp_path / f"a{i}.json").write_text(json.dumps(doc), encoding="utf-8")
    assert load_files(store, [tmp_path]).ok
    res = store.query("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?c ?alt WHERE { ?c a <https://w3id.org/dikg/ontology#Country> ; skos:altLabel ?alt }""")
    assert {str(r["c"]) for r in res.rows} == {"https://w3id.org/dikg/id/country/TUR"}
    assert {str(r["alt"]) for r in res.rows} == {"Turkiye", "Turkish", "Türkiye", "Turkey"}
    located = store.query("SELECT ?s WHERE { ?s <https://w3id.org/dikg/ontology#locatedIn> ?o }")
    assert len({str(r["s"]) for r in located.rows}) == 1
