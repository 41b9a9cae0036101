"""Read-only SPARQL: what a query may do before it runs on a shared endpoint.

:func:`check_read_only` parses a request with rdflib's SPARQL grammar and refuses,
before anything executes, every form that writes or reaches beyond the store:

- any update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``, ``COPY``,
  ``MOVE``, ``ADD``);
- ``SERVICE`` (federation: the server would fetch from another host);
- ``FROM`` / ``FROM NAMED`` naming a graph that is not local (local graphs are the ones
  dikg mints, under :data:`graph.vocab.BASE`).

A request the grammar cannot parse is refused too: what cannot be checked does not run.

>>> check_read_only("SELECT * WHERE { ?s ?p ?o } LIMIT 1").form
'select'
>>> check_read_only("LOAD <http://example.org/data.ttl>")
Traceback (most recent call last):
graph.sparql_safety.QueryRefused: refused: LOAD is not allowed (this endpoint is read-only)
>>> query_form("PREFIX ex: <http://ex/select#> ASK { ?s ex:p ?o }")
'ask'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib.term import Identifier

from .errors import QueryError
from .vocab import BASE

__all__ = ["LOCAL_GRAPH_PREFIXES", "QUERY_FORMS", "QueryCheck", "QueryRefused", "check_read_only", "query_form"]

class QueryRefused(QueryError):
    """A query that parses but must not run here: an update, SERVICE, or a remote FROM."""


#: parse-tree node name -> query form
QUERY_FORMS: dict[str, str] = {
    "SelectQuery": "select",
    "ConstructQuery": "construct",
    "AskQuery": "ask",
    "DescribeQuery": "describe",
}

#: graph names a FROM clause may use: the graphs dikg mints
LOCAL_GRAPH_PREFIXES: tuple[str, ...] = (BASE,)

#: update operation (parse-tree node name) -> keyword shown in the refusal
_UPDATE_KEYWORDS: dict[str, str] = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "INSERT/DELETE",
}

_FORM_TOKEN = re.compile(
    r"#[^\n]*"  # a comment
    r"|<[^<>\"{}|^`\\\s]*>"  # an IRI
    r"|\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"  # a string
    r"|\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b",
    re.IGNORECASE | re.DOTALL,
)


def query_form(sparql: str) -> str:
    """Return ``select``, ``construct``, ``ask`` or ``describe`` from the query's first keyword.

    A cheap scan (comments, IRIs and strings skipped) for choosing result formats; it
    does not validate. Returns ``select`` when no keyword is found.
    """
    for m in _FORM_TOKEN.finditer(sparql):
        if m.group(1):
            return m.group(1).lower()
    return "select"


@dataclass(frozen=True)
class QueryCheck:
    """A query that passed the check: its form and the graphs its FROM clauses name."""

    form: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _walk(node: Any) -> Iterator[Any]:
    """Yield every node of an rdflib parse tree (CompValues, lists, terms)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, (list, tuple)) or type(n).__name__ == "ParseResults":
            stack.extend(list(n))


def _name(node: Any) -> str | None:
    return getattr(node, "name", None) if isinstance(node, dict) else None


def _get(node: Any, key: str) -> Any:
    # CompValue.get returns the key itself when it is missing; read the mapping instead.
    return dict.get(node, key) if isinstance(node, dict) else None


def _is_local(iri: str, local_prefixes: Iterable[str]) -> bool:
    return any(iri.startswith(p) for p in local_prefixes)


def check_read_only(sparql: str, local_prefixes: Iterable[str] = LOCAL_GRAPH_PREFIXES) -> QueryCheck:
    """Return what the query is, or raise :class:`QueryError` if it must not run here.

    Refuses updates, ``SERVICE``, and ``FROM``/``FROM NAMED`` outside ``local_prefixes``.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    local_prefixes = tuple(local_prefixes)
    try:
        parsed = parseQuery(sparql)
    except ParseException as query_err:
        try:
            update = parseUpdate(sparql)
        except ParseException:
            raise QueryError(f"invalid SPARQL (line {query_err.lineno}, column {query_err.col}): "
                             f"{_one_line(query_err.msg)}") from None
        ops = [_name(op) for op in _get(update, "request") or []]
        if not any(ops):  # blank, or comments and prefixes alone: the grammar reads an empty update
            raise QueryError("empty query: no SELECT, CONSTRUCT, ASK or DESCRIBE") from None
        keyword = next((_UPDATE_KEYWORDS[o] for o in ops if o in _UPDATE_KEYWORDS), "an update")
        raise QueryRefused(f"refused: {keyword} is not allowed (this endpoint is read-only)") from None
    except RecursionError:
        raise QueryRefused("refused: the query is nested too deeply to check") from None

    prologue_node, query = parsed[0], parsed[1]
    form = QUERY_FORMS.get(_name(query) or "", "")
    if not form:
        raise QueryRefused(f"refused: unsupported query form {_name(query)!r}")
    for node in _walk(query):
        if _name(node) == "ServiceGraphPattern":
            term = _get(node, "term")
            # a prefixed name is a parse-tree node whose missing attributes read as None
            shown = (term.n3() if isinstance(term, Identifier)
                     else f"{_get(term, 'prefix') or ''}:{_get(term, 'localname') or ''}")
            raise QueryRefused(f"refused: SERVICE {shown} is not allowed (no federated queries here)")

    prologue = translatePrologue(prologue_node, None)
    default: list[str] = []
    named: list[str] = []
    for clause in _get(query, "datasetClause") or []:
        kind = "default" if _get(clause, "default") is not None else "named"
        try:
            iri = str(prologue.absolutize(_get(clause, kind)))
        except Exception as err:  # rdflib raises a bare Exception for an undeclared prefix
            raise QueryError(f"invalid SPARQL: {_one_line(str(err))}") from None
        if not _is_local(iri, local_prefixes):
            word = "FROM" if kind == "default" else "FROM NAMED"
            raise QueryRefused(f"refused: {word} <{iri}> is not a graph of this store "
                             f"(graphs here start with {', '.join(local_prefixes)})")
        (default if kind == "default" else named).append(iri)
    return QueryCheck(form, tuple(default), tuple(named))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
