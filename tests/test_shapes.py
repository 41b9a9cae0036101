"""The SHACL shapes accept what the mapping produces and reject broken graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH

from graph.mapping import facts_to_quads
from graph.models import read_facts
from graph.vocab import DIKG

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "shapes"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


def article_graph(name: str) -> Graph:
    g = Graph()
    for s, p, o, _ in facts_to_quads(read_facts(FIXTURES / name), name):
        g.add((s, p, o))
    return g


def results(data: Graph, shapes: Graph) -> tuple[bool, list[tuple[str, str, str]]]:
    """Validate; return (no violations, [(severity, focus, message)])."""
    from pyshacl import validate

    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        out.append((severity, str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage))))
    return not any(sev == "Violation" for sev, _, _ in out), sorted(out)


@pytest.mark.parametrize("name", ["naval.json", "mou.json"])
def test_mapped_fixture_articles_have_no_violations(name: str, shapes: Graph) -> None:
    ok, found = results(article_graph(name), shapes)
    assert ok, [r for r in found if r[0] == "Violation"]


def test_cross_article_rules_and_unresolved_names_are_only_warnings(shapes: Graph) -> None:
    ok, found = results(article_graph("naval.json"), shapes)
    assert ok
    messages = {(sev, msg) for sev, _, msg in found}
    assert ("Warning", "country not found in the ISO 3166 table: no codes, no Wikidata link") in messages
    assert any(sev == "Warning" and "literal, not an entity" in msg for sev, msg in messages)
    # an agreement that names one party in this article is a warning, not a violation
    g = article_graph("naval.json")
    norway = URIRef("https://w3id.org/dikg/id/country/NOR")
    g.remove((norway, DIKG.partyTo, None))
    ok, found = results(g, shapes)
    assert ok
    assert any(sev == "Warning" and "at least two parties" in msg for sev, _, msg in found)


def test_an_article_with_two_parties_per_agreement_draws_no_party_warning(shapes: Graph) -> None:
    _, found = results(article_graph("mou.json"), shapes)
    assert not [r for r in found if "parties" in r[2]]


def _one(g: Graph, cls: URIRef) -> URIRef:
    node = next(iter(sorted(g.subjects(RDF.type, cls))))
    assert isinstance(node, URIRef)
    return node


def _violations(g: Graph, shapes: Graph) -> list[tuple[str, str, str]]:
    ok, found = results(g, shapes)
    assert not ok
    return [r for r in found if r[0] == "Violation"]


def test_a_fact_without_provenance_is_a_violation(shapes: Graph) -> None:
    g = article_graph("mou.json")
    fact = _one(g, DIKG.StatusAssertion)
    g.remove((fact, PROV.wasDerivedFrom, None))
    found = _violations(g, shapes)
    assert (fact.toPython(), "a fact must be prov:wasDerivedFrom a dikg:Article (its provenance)") in {
        (f, m) for _, f, m in found}


def test_evidence_that_ends_before_it_starts_is_a_violation(shapes: Graph) -> None:
    g = article_graph("mou.json")
    ev = _one(g, DIKG.Evidence)
    g.set((ev, DIKG.startOffset, Literal(40, datatype=XSD.integer)))
    found = _violations(g, shapes)
    assert {f for _, f, _ in found} == {str(ev)}


@pytest.mark.parametrize(
    ("prop", "bad"),
    [
        (DIKG.confidence, Literal("1.5", datatype=XSD.decimal)),
        (DIKG.confidence, Literal("0.5")),
        (DIKG.expectedDate, Literal("November 2030")),
        (DIKG.expectedDate, Literal("2030-Q5", datatype=DIKG.yearQuarter)),
    ],
)
def test_a_fact_with_an_ill_typed_value_is_a_violation(prop: URIRef, bad: Literal, shapes: Graph) -> None:
    g = article_graph("mou.json")
    fact = _one(g, DIKG.StatusAssertion)
    g.set((fact, prop, bad))
    found = _violations(g, shapes)
    assert str(fact) in {f for _, f, _ in found}


def test_a_fact_with_two_subjects_or_an_unknown_predicate_is_a_violation(shapes: Graph) -> None:
    g = article_graph("mou.json")
    fact = _one(g, DIKG.StatusAssertion)
    g.add((fact, DIKG.subject, URIRef("https://w3id.org/dikg/id/country/KEN")))
    g.set((fact, DIKG.predicate, DIKG.quote))
    messages = {m for _, f, m in _violations(g, shapes) if f == str(fact)}
    assert "a fact needs exactly one dikg:predicate, one of the relation properties" in messages
    assert "a fact needs exactly one dikg:subject, an entity typed with one of the nine entity classes" in messages


def test_malformed_codes_and_currencies_are_violations(shapes: Graph) -> None:
    g = article_graph("naval.json")
    chile = URIRef("https://w3id.org/dikg/id/country/CHL")
    g.set((chile, DIKG.iso3166Alpha3, Literal("chl")))
    money = _one(g, DIKG.MonetaryAmount)
    g.set((money, DIKG.currency, Literal("US$")))
    foci = {f for _, f, _ in _violations(g, shapes)}
    assert {str(chile), str(money)} <= foci


def test_a_list_valued_qualifier_with_a_member_of_the_wrong_kind_is_a_violation(shapes: Graph) -> None:
    g = article_graph("naval.json")
    heads = [(s, o) for s, o in g.subject_objects(DIKG.kinds)]
    assert heads, "the fixture has a list-valued kinds qualifier"
    owner, head = heads[0]
    g.set((head, RDF.first, Literal(7, datatype=XSD.integer)))
    assert str(owner) in {f for _, f, _ in _violations(g, shapes)}


def test_an_entity_without_a_label_is_a_violation(shapes: Graph) -> None:
    g = article_graph("mou.json")
    kenya = URIRef("https://w3id.org/dikg/id/country/KEN")
    g.remove((kenya, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None))
    assert (str(kenya), "an entity needs an rdfs:label (its name as the article gives it)") in {
        (f, m) for _, f, m in _violations(g, shapes)}


def test_the_shapes_parse_in_rdflib_and_pyoxigraph(shapes: Graph) -> None:
    import pyoxigraph

    named = {str(s) for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    assert "https://w3id.org/dikg/shapes#FactShape" in named
    triples = pyoxigraph.parse(path=str(ROOT / "ontology" / "shapes.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    ox_named = {t.subject.value for t in triples
                if isinstance(t.subject, pyoxigraph.NamedNode) and t.object == pyoxigraph.NamedNode(str(SH.NodeShape))}
    assert ox_named == named
