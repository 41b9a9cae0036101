"""Facts become RDF deterministically and come back without loss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from graph.errors import FactsFileError
from graph.iri import entity_iri
from graph.mapping import facts_to_quads, graph_to_facts
from graph.models import ArticleFacts, read_facts
from graph.vocab import DIKG

from .conftest import FACTS, SEED_FACTS


def _normal(facts: ArticleFacts) -> dict:
    d = facts.model_dump(mode="json", exclude_none=True)
    d["entities"] = sorted(({**e, "aliases": sorted(e["aliases"])} for e in d["entities"]),
                           key=lambda e: (e["type"], e["name"]))
    d["relations"] = sorted(d["relations"], key=lambda r: json.dumps(r, sort_keys=True))
    return d


def _graph(quads: list) -> tuple[URIRef, Graph]:
    names = {q[3] for q in quads}
    assert len(names) == 1, "one article maps to one named graph"
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return names.pop(), g


@pytest.mark.parametrize("path", sorted(FACTS.glob("*.json")), ids=lambda p: p.stem)
def test_facts_to_rdf_and_back_is_lossless(path: Path) -> None:
    facts = read_facts(path)
    name, g = _graph(facts_to_quads(facts, path.stem))
    assert _normal(graph_to_facts(g, name)) == _normal(facts)


def test_mapping_the_same_facts_twice_gives_identical_quads() -> None:
    facts = read_facts(SEED_FACTS)
    assert facts_to_quads(facts, "seed") == facts_to_quads(read_facts(SEED_FACTS), "seed")


def test_countries_are_named_by_iso_alpha3_whatever_the_spelling() -> None:
    assert entity_iri("Country", "Turkey") == entity_iri("Country", "Türkiye") == entity_iri("Country", "Turkiye")
    assert str(entity_iri("Country", "Republic of Korea")).endswith("/country/KOR")


def test_country_nodes_carry_iso_codes_and_wikidata_link() -> None:
    _, g = _graph(facts_to_quads(read_facts(SEED_FACTS), "seed"))
    kor = entity_iri("Country", "South Korea")
    assert (kor, DIKG.iso3166Alpha3, Literal("KOR")) in g
    assert (kor, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q884")) in g
    assert (kor, SKOS.altLabel, Literal("South Korean")) in g


def test_every_fact_node_has_provenance_and_evidence_with_offsets() -> None:
    name, g = _graph(facts_to_quads(read_facts(SEED_FACTS), "seed"))
    facts = set(g.subjects(DIKG.predicate, None))
    assert len(facts) == 25
    for f in facts:
        assert (f, PROV.wasDerivedFrom, name) in g
        ev = g.value(f, DIKG.evidence)
        assert ev is not None
        assert g.value(ev, DIKG.startOffset).datatype == XSD.integer


def test_dates_are_typed_by_precision() -> None:
    _, g = _graph(facts_to_quads(read_facts(FACTS / "frigates.json"), "frigates"))
    types = {o.datatype for o in g.objects(None, None) if isinstance(o, Literal) and o.datatype}
    assert {XSD.date, XSD.gYearMonth, XSD.gYear, DIKG.yearQuarter} <= types


def test_money_keeps_amount_and_iso_currency() -> None:
    _, g = _graph(facts_to_quads(read_facts(FACTS / "frigates.json"), "frigates"))
    amounts = {(str(g.value(m, DIKG.amount)), str(g.value(m, DIKG.currency)))
               for m in g.subjects(None, DIKG.MonetaryAmount)}
    assert ("1200000000", "AUD") in amounts and ("780000000", "EUR") in amounts


def test_two_names_for_one_country_in_one_article_are_refused() -> None:
    facts = ArticleFacts.model_validate({"entities": [{"name": "Turkey", "type": "Country"},
                                                      {"name": "Türkiye", "type": "Country"}]})
    with pytest.raises(FactsFileError, match="same Country"):
        facts_to_quads(facts, "k")


def test_facts_and_mentions_citing_the_same_sentence_share_one_evidence_node_and_read_back_whole() -> None:
    sentence = {"text": "Indonesia signed a contract with Japan.", "start": 10, "end": 49}
    other = {"text": "Japan will deliver two frigates.", "start": 50, "end": 82}
    facts = ArticleFacts.model_validate({
        "url": "https://news.example/shared-evidence",
        "entities": [{"name": "Indonesia", "type": "Country", "evidence": [sentence]},
                     {"name": "Japan", "type": "Country", "evidence": [sentence, other]}],
        "relations": [
            {"subject": "Indonesia", "predicate": "partner_of", "object": "Japan", "evidence": sentence},
            {"subject": "Japan", "predicate": "partner_of", "object": "Indonesia", "evidence": sentence},
            {"subject": "Japan", "predicate": "has_capability_domain", "object": "naval shipbuilding",
             "evidence": other},
        ],
    })
    article, g = _graph(facts_to_quads(facts, "shared"))
    nodes = set(g.subjects(DIKG.quote, None))
    assert len(nodes) == 2  # one per span, not one per fact and mention
    for node in nodes:
        assert (node, PROV.wasQuotedFrom, article) in g
        assert len(list(g.objects(node, DIKG.quote))) == 1
    assert len(set(g.objects(None, DIKG.evidence))) == 2 and len(set(g.subject_objects(DIKG.evidence))) == 3
    assert _normal(graph_to_facts(g, article)) == _normal(facts)


def test_the_same_sentence_in_two_articles_is_two_evidence_nodes() -> None:
    sentence = {"text": "Indonesia signed a contract with Japan.", "start": 0, "end": 39}
    graphs = []
    for url in ("https://news.example/a", "https://news.example/b"):
        facts = ArticleFacts.model_validate({
            "url": url, "entities": [{"name": "Indonesia", "type": "Country"}, {"name": "Japan", "type": "Country"}],
            "relations": [{"subject": "Indonesia", "predicate": "partner_of", "object": "Japan", "evidence": sentence}],
        })
        graphs.append(_graph(facts_to_quads(facts, url))[1])
    assert set(graphs[0].subjects(DIKG.quote, None)).isdisjoint(graphs[1].subjects(DIKG.quote, None))
