"""The named query library: ``ontology/queries/*.rq``, each answering an analyst's question.

Each file starts with comment lines that describe it::

    # description: Partner countries of a country, with the kind of tie, ...
    # param: country entity required  The country whose partners to list.

Entity parameters are names ("Malaysia", "ROK", "Mohamed Khaled") or an entity's IRI:
a name is resolved to the IRIs of every entity so labelled, and bound with a ``VALUES``
clause; predicate parameters are schema predicate names (``party_to``), checked against the
schema; text, date and number parameters are bound as literals. The ``VALUES`` clauses go at the start of the
query's ``WHERE`` block, or in place of each comment ``# @params`` that ends a line: a query binds
its parameters there when it must start from them inside a subquery or a branch of a
``UNION``, which engines evaluate before the block around them. A query may also be
literal SPARQL or ``@file.rq``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import Literal, URIRef

from .countries import lookup as lookup_country
from .errors import QueryError, UnknownNameError
from .iri import entity_iri
from .ontology import ontology_dir
from .sparql_safety import check_read_only
from .store import Results, Store
from .vocab import PREDICATE_PROPERTY, PREFIXES

__all__ = [
    "NamedQuery",
    "Param",
    "get_query",
    "named_queries",
    "prefix_block",
    "prepare",
    "resolve_entity",
    "run_query",
]

ParamKind = TypingLiteral["entity", "predicate", "text", "date", "number"]
_KINDS = ("entity", "predicate", "text", "date", "number")
_HEADER = re.compile(r"^#\s*(description|param)\s*:\s*(.*)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
#: a line of a named query where its parameters are bound (instead of the start of its WHERE block)
_PARAMS_HERE = re.compile(r"#[ \t]*@params[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    kind: ParamKind
    required: bool
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name, description, parameters and SPARQL text."""

    name: str
    description: str
    sparql: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None


def prefix_block() -> str:
    """Return PREFIX declarations for the project's namespaces."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        if m.group(1) == "description":
            description.append(m.group(2).strip())
        else:
            parts = m.group(2).split(None, 3)
            if len(parts) < 3 or parts[1] not in _KINDS or parts[2] not in (
                    "required", "optional"):
                raise ValueError(f"{path}: bad param line {line!r}")
            params.append(Param(parts[0], parts[1], parts[2] == "required", parts[3] if len(parts) > 3 else ""))  # type: ignore[arg-type]
    return NamedQuery(path.stem, " ".join(description), text, tuple(params), path)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Return the library, by name."""
    folder = ontology_dir() / "queries"
    return {q.name: q for q in map(_parse, sorted(folder.glob("*.rq")))}


def get_query(name: str) -> NamedQuery:
    """Return the named query ``name`` or raise with the list of available ones."""
    try:
        return named_queries()[name]
    except KeyError:
        raise UnknownNameError(f"unknown query {name!r}; available: {', '.join(named_queries())}") from None


def resolve_entity(store: Store, name: str) -> list[URIRef]:
    """Return the IRIs of entities named ``name`` (label, preferred or alternative label)."""
    found: set[URIRef] = set()
    country = lookup_country(name)
    if country is not None:
        found.add(entity_iri("Country", country.name))
    needle = Literal(name.strip().casefold())
    sparql = prefix_block() + f"""
SELECT DISTINCT ?e WHERE {{
  VALUES ?p {{ rdfs:label skos:prefLabel skos:altLabel }}
  ?e ?p ?l ; a ?t .
  ?t rdfs:subClassOf* dikg:Entity .
  FILTER(LCASE(STR(?l)) = {needle.n3()})
}}"""
    res = store.query(_with_entity_classes(sparql))
    found.update(r["e"] for r in res.rows if isinstance(r.get("e"), URIRef))  # type: ignore[misc]
    return sorted(found)


_IRI = re.compile(r"<?(?:https?|urn):[^\s<>\"{}|\\^`]+>?")


def _entity_iri(store: Store, raw: str) -> list[URIRef]:
    """Return ``[raw]`` as an IRI (bare or in angle brackets) when the store holds that entity, else ``[]``."""
    iri = URIRef(raw.strip().removeprefix("<").removesuffix(">"))
    sparql = prefix_block() + f"""
ASK {{ {iri.n3()} a ?t . ?t rdfs:subClassOf* dikg:Entity . }}"""
    return [iri] if store.query(_with_entity_classes(sparql)).boolean else []


_ENTITY_CLASSES = ("Country", "GovernmentAgency", "ArmedForce", "Company", "Organisation", "Person", "Event",
                   "Agreement", "Platform")


def _with_entity_classes(sparql: str) -> str:
    # The store holds instance data only, so class membership is spelled out here
    # instead of following rdfs:subClassOf into the ontology.
    values = " ".join(f"dikg:{c}" for c in _ENTITY_CLASSES)
    return sparql.replace("?t rdfs:subClassOf* dikg:Entity .", f"VALUES ?t {{ {values} }}")


def _literal(kind: ParamKind, name: str, value: str) -> Literal:
    if kind == "number":
        try:
            return Literal(int(value)) if re.fullmatch(r"-?\d+", value) else Literal(float(value))
        except ValueError:
            raise QueryError(f"parameter {name!r}: {value!r} is not a number") from None
    if kind == "date" and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise QueryError(f"parameter {name!r}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return Literal(value)


def prepare(store: Store, query: NamedQuery, params: dict[str, str]) -> str:
    """Return the SPARQL of ``query`` with ``params`` bound."""
    known = {p.name: p for p in query.params}
    for key in params:
        if key not in known:
            raise QueryError(f"query {query.name!r} has no parameter {key!r}; "
                             f"parameters: {', '.join(known) or 'none'}")
    values: list[str] = []
    for p in query.params:
        if p.name not in params:
            if p.required:
                raise QueryError(f"query {query.name!r} needs --param {p.name}=... ({p.help or p.kind})")
            continue
        raw = params[p.name]
        if p.kind == "entity":
            iris = _entity_iri(store, raw) if _IRI.fullmatch(raw.strip()) else resolve_entity(store, raw)
            if not iris:
                raise QueryError(f"no entity named {raw!r} in the store")
            terms = " ".join(f"<{i}>" for i in iris)
        elif p.kind == "predicate":
            if raw.strip() not in PREDICATE_PROPERTY:
                raise QueryError(f"parameter {p.name!r}: {raw!r} is not a schema predicate; "
                                 f"predicates: {', '.join(sorted(PREDICATE_PROPERTY))}")
            terms = Literal(raw.strip()).n3()
        else:
            terms = _literal(p.kind, p.name, raw).n3()
        values.append(f"VALUES ?{p.name} {{ {terms} }}")
    sparql = query.sparql
    if values and _PARAMS_HERE.search(sparql):
        return _PARAMS_HERE.sub(lambda _: " ".join(values), sparql)
    if values:
        m = _WHERE.search(sparql)
        if m is None:
            raise QueryError(f"query {query.name!r} has no WHERE clause to bind parameters in")
        sparql = sparql[: m.end()] + "\n  " + "\n  ".join(values) + sparql[m.end():]
    return sparql


def load_query_text(text: str) -> str:
    """Return SPARQL from literal text or ``@file.rq``."""
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{path}: cannot read query: {err.strerror}") from None
        except UnicodeDecodeError:
            raise QueryError(f"{path}: not UTF-8 text") from None
    return text


def run_query(store: Store, name_or_sparql: str, params: dict[str, str] | None = None,
              timeout: float | None = None) -> Results:
    """Run a named query (with parameters) or literal SPARQL / ``@file.rq``."""
    params = params or {}
    if name_or_sparql in named_queries():
        sparql = prepare(store, named_queries()[name_or_sparql], params)
    else:
        if re.fullmatch(r"[A-Za-z][\w-]*", name_or_sparql):
            raise UnknownNameError(f"unknown query {name_or_sparql!r}; available: {', '.join(named_queries())}")
        if params:
            raise QueryError("--param applies to named queries only")
        text = load_query_text(name_or_sparql)
        sparql = text
        if not re.search(r"^\s*PREFIX\s+dikg:", sparql, re.IGNORECASE | re.MULTILINE):
            sparql = _add_missing_prefixes(sparql)
        added = sparql.count("\n") - text.count("\n")
        try:
            # What the user writes may not write, fetch (SERVICE, LOAD) or name remote graphs.
            check_read_only(sparql)
            return store.query(sparql, timeout=timeout)
        except QueryError as err:
            raise _user_position(err, added) from None
    return store.query(sparql, timeout=timeout)


_POSITION = re.compile(r"\(line (\d+), column (\d+)\)")


def _user_position(err: QueryError, added_lines: int) -> QueryError:
    """Return ``err`` with its line counted in the user's text, not in the text with prefixes added."""
    msg = str(err)
    m = _POSITION.search(msg)
    if m is None or not added_lines:
        return err
    line = max(1, int(m.group(1)) - added_lines)
    return type(err)(f"{msg[:m.start()]}(line {line}, column {m.group(2)}){msg[m.end():]}")


def _add_missing_prefixes(sparql: str) -> str:
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+([\w-]*):", sparql, re.IGNORECASE)}
    extra = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return extra + sparql
