"""Named queries beyond the competency questions: what their parameters select, on every store backend."""

from __future__ import annotations

import pytest
from rdflib import Dataset

from graph.load import load_files
from graph.queries import NamedQuery, Param, get_query, prepare, run_query
from graph.store import EmbeddedStore, Store

from .conftest import FACTS, SEED_FACTS


@pytest.fixture
def two_articles(any_store: Store) -> Store:
    """A store of each backend with the seed article and the frigates article: posts in two organisations."""
    report = load_files(any_store, [SEED_FACTS, FACTS / "frigates.json"])
    assert report.ok, report.failures
    return any_store


def _posts(store: Store, **params: str) -> list[tuple[str, str, str]]:
    rows = run_query(store, "people", params).rows
    return [(str(r["name"]), str(r["role"]), str(r.get("organisationName", ""))) for r in rows]


def test_people_lists_every_post_without_an_organisation(two_articles: Store) -> None:
    assert _posts(two_articles) == [("Ilse Varga", "Procurement Director", "Norland Navy"),
                                    ("Mohamed Khaled Nordin", "Defence Minister", "Malaysia")]


@pytest.mark.parametrize(("organisation", "expected"), [
    ("Malaysia", [("Mohamed Khaled Nordin", "Defence Minister", "Malaysia")]),
    ("Norland Navy", [("Ilse Varga", "Procurement Director", "Norland Navy")]),
    ("South Korea", []),
])
def test_people_with_an_organisation_lists_only_the_posts_held_in_it(
        two_articles: Store, organisation: str, expected: list[tuple[str, str, str]]) -> None:
    assert _posts(two_articles, organisation=organisation) == expected


def test_parameters_are_bound_on_each_params_line_of_a_query(two_articles: Store) -> None:
    query = NamedQuery("q", "", "SELECT ?x WHERE {\n  { # @params\n    ?x ?p ?country }\n"
                                "  UNION\n  { # @params\n    ?country ?p ?x } }",
                       (Param("country", "entity", True, ""),))
    sparql = prepare(two_articles, query, {"country": "Malaysia"})
    assert sparql.count("VALUES ?country { <https://w3id.org/dikg/id/country/MYS> }") == 2
    assert "@params" not in sparql
    plain = NamedQuery("q", "", "SELECT ?x WHERE { ?x ?p ?country }", (Param("country", "entity", True, ""),))
    assert prepare(two_articles, plain, {"country": "Malaysia"}).startswith(
        "SELECT ?x WHERE {\n  VALUES ?country { <https://w3id.org/dikg/id/country/MYS> }")


def test_rdflib_runs_the_agreements_query_with_the_stores_answers(store: EmbeddedStore) -> None:
    # the store benchmark compares each named query with rdflib's evaluator on the same text
    assert load_files(store, [SEED_FACTS, FACTS / "frigates.json"]).ok
    sparql = prepare(store, get_query("agreements"), {})
    data = Dataset(default_union=True)
    data.parse(data="".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n" for s, p, o, g in store.quads()),
               format="nquads")
    theirs = [{str(k): v for k, v in row.asdict().items()} for row in data.query(sparql)]  # type: ignore[union-attr]
    ours = store.query(sparql).rows
    assert len(ours) == 2
    key = ("agreement", "name", "type", "parties", "statuses", "value", "platforms")

    def cells(row: dict[str, object]) -> tuple[object, ...]:
        return tuple(frozenset(str(row.get(k, "")).split("; ")) if k in key[3:] else row.get(k) for k in key)

    assert [cells(r) for r in theirs] == [cells(r) for r in ours]  # type: ignore[arg-type]


def test_an_entity_parameter_may_be_the_entitys_iri(two_articles: Store) -> None:
    by_name = _posts(two_articles, organisation="Malaysia")
    iri = "https://w3id.org/dikg/id/country/MYS"
    assert by_name and _posts(two_articles, organisation=iri) == by_name
    assert _posts(two_articles, organisation=f"<{iri}>") == by_name


def test_an_iri_of_no_entity_in_the_store_is_refused_by_name(two_articles: Store) -> None:
    from graph.errors import QueryError

    with pytest.raises(QueryError, match=r"no entity named 'https://w3id\.org/dikg/id/country/ZZZ' in the store"):
        _posts(two_articles, organisation="https://w3id.org/dikg/id/country/ZZZ")


def test_evidence_filters_by_a_schema_predicate_and_refuses_an_unknown_one(two_articles: Store) -> None:
    from graph.errors import QueryError

    every = run_query(two_articles, "evidence", {"entity": "Malaysia"}).rows
    parties = run_query(two_articles, "evidence", {"entity": "Malaysia", "predicate": "party_to"}).rows
    assert parties and len(parties) < len(every)
    assert {str(r["predicateName"]) for r in parties} == {"party_to"}
    # a misspelt predicate would otherwise answer no rows, as if Malaysia were party to nothing
    with pytest.raises(QueryError, match=r"'partyto' is not a schema predicate; predicates: .*party_to"):
        run_query(two_articles, "evidence", {"entity": "Malaysia", "predicate": "partyto"})


@pytest.mark.parametrize("text", ["", "   ", "# only a comment", "PREFIX ex: <http://example.org/>"])
def test_an_empty_query_is_called_empty_not_an_update(store: EmbeddedStore, text: str) -> None:
    from graph.errors import QueryError

    with pytest.raises(QueryError, match=r"^empty query: no SELECT, CONSTRUCT, ASK or DESCRIBE$"):
        run_query(store, text)
