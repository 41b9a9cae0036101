"""The ontology loads everywhere, and every invariant of ontology/checks holds (and can fail)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from graph.mapping import facts_to_quads
from graph.models import read_facts
from graph.store import EmbeddedStore
from graph.vocab import DIKG, ORG, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "dikg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CHECKS = sorted((ROOT / "ontology" / "checks").glob("*.rq"))
FIXTURES = Path(__file__).parent / "fixtures" / "shapes"


def target(check: Path) -> str:
    m = re.search(r"^# target: (\w+)$", check.read_text(encoding="utf-8"), re.M)
    assert m, f"{check.name} has no '# target:' line"
    return m.group(1)


ONTOLOGY_CHECKS = [c for c in CHECKS if target(c) == "ontology"]
DATA_CHECKS = [c for c in CHECKS if target(c) == "data"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def ontology_store():  # type: ignore[no-untyped-def]
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def fixture_store() -> EmbeddedStore:
    store = EmbeddedStore(None)
    graphs = {}
    for f in sorted(FIXTURES.glob("*.json")):
        quads = facts_to_quads(read_facts(f), f.name)
        graphs[quads[0][3]] = quads
    store.replace_articles(graphs)
    return store


# -- loading -------------------------------------------------------------------------


def test_the_ontology_loads_in_rdflib_with_its_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/dikg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, RDFS.label) == Literal("dikg ontology", lang="en")


def test_the_ontology_loads_in_pyoxigraph_with_the_same_triples_as_in_rdflib(ontology: Graph) -> None:
    import pyoxigraph

    triples = list(pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE))
    named = {(t.subject.value, t.predicate.value, t.object.value) for t in triples
             if isinstance(t.subject, pyoxigraph.NamedNode) and not isinstance(t.object, pyoxigraph.BlankNode)}
    expected = {(str(s), str(p), str(o)) for s, p, o in ontology
                if isinstance(s, URIRef) and isinstance(o, (URIRef, Literal))}
    assert named == expected


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["dikg.ttl", "shapes.ttl"])
def test_the_turtle_files_parse_in_rapper(path: Path) -> None:
    rapper = shutil.which("rapper")
    if rapper is None:
        if os.environ.get("CI"):
            pytest.fail("rapper is missing: CI must install Debian's raptor2-utils")
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    run = subprocess.run([rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert re.search(r"returned [1-9]\d* triples", run.stderr), run.stderr


# -- the invariant checks ---------------------------------------------------------------


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_every_check_describes_itself_and_names_its_target(check: Path) -> None:
    lines = check.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# description: ") and len(lines[0]) > 30
    assert target(check) in ("ontology", "data")


def test_there_are_checks_for_both_targets() -> None:
    assert len(ONTOLOGY_CHECKS) >= 3 and len(DATA_CHECKS) >= 5


@pytest.mark.parametrize("check", ONTOLOGY_CHECKS, ids=lambda c: c.name)
def test_ontology_check_returns_no_rows(check: Path, ontology_store) -> None:  # type: ignore[no-untyped-def]
    rows = list(ontology_store.query(check.read_text(encoding="utf-8")))
    assert rows == []


@pytest.mark.parametrize("check", DATA_CHECKS, ids=lambda c: c.name)
def test_data_check_returns_no_rows_on_the_mapped_fixtures(check: Path) -> None:
    store = fixture_store()
    assert len(store.named_graphs()) == 2
    assert store.query(check.read_text(encoding="utf-8")).rows == []


def _run(check: str, store: EmbeddedStore) -> list[dict]:  # type: ignore[type-arg]
    return store.query((ROOT / "ontology" / "checks" / check).read_text(encoding="utf-8")).rows


def _break(store: EmbeddedStore, sparql: str) -> None:
    store.update_articles("PREFIX dikg: <https://w3id.org/dikg/ontology#>\n"
                          "PREFIX prov: <http://www.w3.org/ns/prov#>\n" + sparql)


def test_the_orphan_fact_check_fires_on_a_fact_whose_article_is_gone() -> None:
    store = fixture_store()
    _break(store, "DELETE WHERE { GRAPH ?g { ?a a dikg:Article } }")
    rows = _run("orphan-facts.rq", store)
    assert len(rows) > 10
    assert len(_run("graph-article.rq", store)) == 2


def test_the_offset_check_fires_on_evidence_that_ends_before_it_starts() -> None:
    store = fixture_store()
    _break(store, "DELETE { GRAPH ?g { ?e dikg:startOffset ?s } } INSERT { GRAPH ?g { ?e dikg:startOffset 999 } } "
                  "WHERE { GRAPH ?g { ?e dikg:startOffset ?s ; dikg:quote ?q FILTER(CONTAINS(?q, 'memorandum')) } }")
    rows = _run("evidence-offsets.rq", store)
    assert [int(r["start"]) for r in rows] == [999]


def test_the_subject_type_check_fires_on_an_untyped_subject() -> None:
    store = fixture_store()
    _break(store, "DELETE WHERE { GRAPH ?g { <https://w3id.org/dikg/id/country/KEN> a ?t } }")
    subjects = {str(r["subject"]) for r in _run("fact-subject-typed.rq", store)}
    assert subjects == {"https://w3id.org/dikg/id/country/KEN"}


def test_the_fact_graph_and_relation_checks_fire_on_misplaced_data() -> None:
    store = fixture_store()
    _break(store, "INSERT DATA { GRAPH <urn:x-test:elsewhere> { "
                  "<urn:x-test:fact> prov:wasDerivedFrom <urn:x-test:article> ; dikg:predicate dikg:partOf . "
                  "<urn:x-test:a> dikg:partOf <urn:x-test:b> } }")
    assert [str(r["fact"]) for r in _run("fact-in-article-graph.rq", store)] == ["urn:x-test:fact"]
    assert [str(r["subject"]) for r in _run("relation-has-fact.rq", store)] == ["urn:x-test:a"]
    assert [str(r["graph"]) for r in _run("graph-article.rq", store)] == ["urn:x-test:elsewhere"]


def test_the_label_check_fires_on_a_term_used_but_not_documented(ontology: Graph) -> None:
    import pyoxigraph

    broken = Graph()
    for t in ontology:
        broken.add(t)
    broken.add((DIKG.partyTo, RDFS.label, Literal("another label", lang="en")))
    undocumented = URIRef(str(DIKG._NS) + "Undocumented")
    broken.add((DIKG.Country, RDFS.seeAlso, undocumented))
    store = pyoxigraph.Store()
    store.load(broken.serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    rows = store.query((ROOT / "ontology" / "checks" / "ontology-labels.rq").read_text(encoding="utf-8"))
    assert sorted(str(r["term"].value) for r in rows) == [str(undocumented), str(DIKG.partyTo)]


# -- what the ontology says ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (DIKG.Fact, PROV.Entity),
        (DIKG.Article, PROV.Entity),
        (DIKG.Evidence, PROV.Entity),
        (DIKG.Article, SCHEMA.NewsArticle),
        (DIKG.Organisation, ORG.Organization),
        (DIKG.GovernmentAgency, ORG.Organization),
        (DIKG.ArmedForce, ORG.Organization),
        (DIKG.Company, ORG.Organization),
        (DIKG.Company, SCHEMA.Corporation),
        (DIKG.Person, SCHEMA.Person),
        (DIKG.Event, SCHEMA.Event),
        (DIKG.Country, SCHEMA.Country),
        (DIKG.MonetaryAmount, SCHEMA.MonetaryAmount),
        (DIKG.Post, DIKG.Fact),
        (DIKG.StatusConcept, URIRef("http://www.w3.org/2004/02/skos/core#Concept")),
    ],
)
def test_classes_are_aligned_to_standard_vocabularies(sub: URIRef, sup: URIRef, ontology: Graph) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (DIKG.date, URIRef("http://purl.org/dc/terms/date")),
        (DIKG.amount, SCHEMA.value),
        (DIKG.currency, SCHEMA.currency),
        (DIKG.memberOf, ORG.memberOf),
        (DIKG.organisedBy, SCHEMA.organizer),
    ],
)
def test_properties_are_aligned_to_standard_vocabularies(sub: URIRef, sup: URIRef, ontology: Graph) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in ontology


def test_the_three_status_classes_are_top_concepts_of_the_status_scheme(ontology: Graph) -> None:
    skos = "http://www.w3.org/2004/02/skos/core#"
    tops = set(ontology.objects(DIKG.StatusScheme, URIRef(skos + "hasTopConcept")))
    assert tops == {DIKG.Prospective, DIKG.Concluded, DIKG.Historical}
    for c in tops:
        assert (c, URIRef(skos + "topConceptOf"), DIKG.StatusScheme) in ontology


def test_year_quarter_is_a_datatype_restricted_to_the_quarter_pattern(ontology: Graph) -> None:
    assert (DIKG.yearQuarter, RDF.type, RDFS.Datatype) in ontology
    patterns = {str(o) for o in ontology.objects(None, XSD.pattern)}
    assert "[0-9]{4}-Q[1-4]" in patterns


def test_mixed_valued_properties_claim_no_range_narrower_than_resource(ontology: Graph) -> None:
    for prop in (DIKG.by, DIKG.partner, DIKG.after, DIKG.object, DIKG.heldIn, DIKG.relatedTo):
        assert (prop, RDF.type, RDF.Property) in ontology
        assert set(ontology.objects(prop, RDFS.range)) == {RDFS.Resource}
