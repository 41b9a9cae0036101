"""Read-only SPARQL: writes, federation and remote datasets are refused before anything runs."""

from __future__ import annotations

import pytest

from graph.errors import QueryError
from graph.queries import named_queries
from graph.sparql_safety import QueryRefused, check_read_only, query_form

UPDATES = {
    "LOAD <http://example.org/data.ttl>": "LOAD",
    "LOAD SILENT <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>": "LOAD",
    "CLEAR ALL": "CLEAR",
    "DROP GRAPH <https://w3id.org/dikg/article/x>": "DROP",
    "CREATE GRAPH <http://example.org/g>": "CREATE",
    "COPY DEFAULT TO <http://example.org/g>": "COPY",
    "MOVE <http://example.org/a> TO <http://example.org/b>": "MOVE",
    "ADD <http://example.org/a> TO <http://example.org/b>": "ADD",
    "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }": "INSERT DATA",
    "DELETE DATA { <http://example.org/s> <http://example.org/p> 1 }": "DELETE DATA",
    "DELETE WHERE { ?s ?p ?o }": "DELETE WHERE",
    "PREFIX ex: <http://example.org/> DELETE { ?s ?p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ?p ?o }": "INSERT/DELETE",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }": "INSERT/DELETE",
}


@pytest.mark.parametrize(("update", "keyword"), sorted(UPDATES.items()))
def test_every_update_form_is_refused_and_named(update: str, keyword: str) -> None:
    with pytest.raises(QueryRefused, match=f"refused: {keyword} is not allowed"):
        check_read_only(update)


def test_a_query_followed_by_an_update_is_not_run() -> None:
    with pytest.raises(QueryError):
        check_read_only("SELECT * WHERE { ?s ?p ?o } ; DROP ALL")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?x ?y ?z MINUS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
])
def test_service_is_refused_however_deep_it_is_nested(query: str) -> None:
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * FROM ex:data WHERE { ?s ?p ?o }",
    "DESCRIBE <https://w3id.org/dikg/id/country/MYS> FROM <https://evil.example/dikg/>",
])
def test_from_a_graph_outside_the_store_is_refused(query: str) -> None:
    with pytest.raises(QueryRefused, match="FROM"):
        check_read_only(query)


def test_from_a_graph_of_the_store_is_allowed_and_reported() -> None:
    check = check_read_only("PREFIX a: <https://w3id.org/dikg/article/> "
                            "SELECT * FROM a:844f015ea323e769 FROM NAMED <https://w3id.org/dikg/article/2> "
                            "WHERE { ?s ?p ?o }")
    assert check.default_graphs == ("https://w3id.org/dikg/article/844f015ea323e769",)
    assert check.named_graphs == ("https://w3id.org/dikg/article/2",)


def test_a_query_that_does_not_parse_is_refused_with_its_position() -> None:
    with pytest.raises(QueryError, match=r"invalid SPARQL \(line 1, column \d+\)") as info:
        check_read_only("SELECT ?s WHERE { ?s ?p }")
    assert not isinstance(info.value, QueryRefused)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_passes_the_check(name: str) -> None:
    assert check_read_only(named_queries()[name].sparql).form == "select"


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("# ASK in a comment\nCONSTRUCT WHERE { ?s ?p ?o }", "construct"),
    ("PREFIX ask: <http://example.org/describe#> ASK { ?s ask:p 'SELECT' }", "ask"),
    ("BASE <http://example.org/construct/> DESCRIBE <x>", "describe"),
    ("prefix ex: <http://example.org/> select ?s where { ?s ex:p ?o }", "select"),
])
def test_the_query_form_is_read_past_comments_prefixes_and_strings(query: str, form: str) -> None:
    assert query_form(query) == form
    assert check_read_only(query).form == form
