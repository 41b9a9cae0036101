"""The code's vocabulary (graph/vocab.py) and the ontology (ontology/dikg.ttl) say the same thing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

from graph.models import PREDICATES, SYMMETRIC_PREDICATES
from graph.vocab import CONCEPT_PREDICATES, DIKG, FACT_CLASS, PREDICATE_PROPERTY, VALUE_KEYS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "dikg.ttl"
NS = str(DIKG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def code_terms() -> set[URIRef]:
    return {URIRef(NS + name) for name in DIKG.__annotations__}


def test_the_ontology_declares_exactly_the_terms_of_the_vocabulary(ontology: Graph) -> None:
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert sorted(code_terms() - declared) == []
    assert sorted(declared - code_terms()) == []
    assert sorted(used - code_terms()) == []


def test_a_misspelt_term_raises_instead_of_minting_an_iri() -> None:
    with pytest.raises(AttributeError):
        DIKG.partyOf  # noqa: B018


def test_every_schema_predicate_has_a_relation_property_under_related_to(ontology: Graph) -> None:
    assert set(PREDICATE_PROPERTY) == set(PREDICATES)
    for predicate, prop in PREDICATE_PROPERTY.items():
        if prop == DIKG.relatedTo:
            continue
        assert (prop, RDFS.subPropertyOf, DIKG.relatedTo) in ontology, predicate


def test_the_symmetric_predicates_and_only_they_are_symmetric_properties(ontology: Graph) -> None:
    symmetric = {p for p in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {PREDICATE_PROPERTY[p] for p in SYMMETRIC_PREDICATES}


def test_fact_classes_are_subclasses_of_fact(ontology: Graph) -> None:
    for predicate, cls in FACT_CLASS.items():
        assert (cls, RDFS.subClassOf, DIKG.Fact) in ontology, predicate


def test_concept_predicates_point_to_their_concept_class_and_scheme(ontology: Graph) -> None:
    skos_scheme = URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme")
    for predicate, (scheme, cls) in CONCEPT_PREDICATES.items():
        assert (PREDICATE_PROPERTY[predicate], RDFS.range, cls) in ontology
        assert (scheme, RDF.type, skos_scheme) in ontology


RANGE_OF_KIND = {
    "int": (OWL.DatatypeProperty, XSD.integer),
    "bool": (OWL.DatatypeProperty, XSD.boolean),
    "text": (OWL.DatatypeProperty, XSD.string),
    "status": (OWL.DatatypeProperty, XSD.string),
    "entity": (RDF.Property, RDFS.Resource),
}


@pytest.mark.parametrize("key", sorted(VALUE_KEYS))
def test_each_qualifier_property_is_declared_with_the_kind_the_mapping_writes(key: str, ontology: Graph) -> None:
    prop, kind = VALUE_KEYS[key]
    if kind == "date":
        assert (prop, RDF.type, OWL.DatatypeProperty) in ontology
        union = ontology.value(ontology.value(prop, RDFS.range), OWL.unionOf)
        members = set(ontology.items(union))
        assert members == {XSD.date, XSD.gYearMonth, XSD.gYear, DIKG.yearQuarter}
    elif kind == "money":
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        union = ontology.value(ontology.value(prop, RDFS.range), OWL.unionOf)
        assert set(ontology.items(union)) == {DIKG.MonetaryAmount, RDF.List}
    elif prop == DIKG.kinds:  # a list of words in practice
        assert (prop, RDFS.range, RDFS.Resource) in ontology
    else:
        declared_type, rng = RANGE_OF_KIND[kind]
        assert (prop, RDF.type, declared_type) in ontology
        assert (prop, RDFS.range, rng) in ontology
