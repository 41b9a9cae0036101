"""The RDF store: a persistent embedded Oxigraph database in a directory (the default).

Everything above this module talks to a :class:`Store`: replace an article's named
graph, run a SPARQL query, list quads. The embedded store keeps its data in a directory
(``--store DIR``, default ``.dikg/``, env ``DIKG_STORE``). Replacing an article is one
SPARQL update (``DROP GRAPH`` + ``INSERT DATA``), which Oxigraph applies in a single
transaction: a reader or a crash sees the old graph or the new one, never a mix.

Queries see the union of all named graphs as their default graph, so the named query
library needs no ``GRAPH`` clauses; ``GRAPH ?article { ... }`` still tells where a
triple came from.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Literal, URIRef

from .errors import QueryError, StoreError

__all__ = [
    "DEFAULT_STORE",
    "EmbeddedStore",
    "Results",
    "Store",
    "Term",
    "default_location",
    "invalid_sparql",
    "open_store",
]

DEFAULT_STORE = ".dikg"
Term = URIRef | Literal | BNode
Quad = tuple[URIRef, URIRef, Term, URIRef]


@dataclass
class Results:
    """The outcome of a query: SELECT rows, an ASK boolean, or CONSTRUCT triples."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)

    def values(self, var: str) -> list[Term]:
        """Return the bound values of one variable, in row order."""
        return [row[var] for row in self.rows if var in row]


class Store(Protocol):
    """What dikg needs of a triple store."""

    location: str

    def replace_articles(self, graphs: Mapping[URIRef, Sequence[Quad]]) -> None:
        """Replace each named graph with the given quads, each graph atomically."""

    def remove_article(self, graph: URIRef) -> None:
        """Drop one article's named graph."""

    def query(self, sparql: str, timeout: float | None = None) -> Results:
        """Run a SPARQL query over the union of all graphs."""

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Iterate the quads of one named graph, or of all of them."""

    def named_graphs(self) -> list[URIRef]:
        """Return the names of all named graphs."""

    def close(self) -> None:
        """Release the store."""


def default_location() -> str:
    """Return the store location from ``DIKG_STORE`` or the default ``.dikg``."""
    return os.environ.get("DIKG_STORE") or DEFAULT_STORE


#: what a one-line SPARQL or N-Triples string must escape
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term: Term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        # Escaped here, not by rdflib's n3(): for text with a line break it writes a
        # triple-quoted string that a final '"' breaks ("""a"""" is not SPARQL).
        lex = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{lex}@{term.language}"
        if term.datatype is not None:
            return f"{lex}^^<{term.datatype}>"
        return lex
    raise StoreError(f"blank nodes are not stored; mint an IRI for {term!r}")


def update_for(graphs: Mapping[URIRef, Sequence[Quad]]) -> str:
    """Return one SPARQL update that replaces each of ``graphs``."""
    parts: list[str] = []
    for g, quads in graphs.items():
        parts.append(f"DROP SILENT GRAPH <{g}>")
        if quads:
            body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, _ in quads)
            parts.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{body}\n}} }}")
    return " ;\n".join(parts)


class EmbeddedStore:
    """A persistent Oxigraph store in a directory (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.location = str(path) if path is not None else ":memory:"
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as err:
            raise StoreError(f"cannot open store {self.location}: {err}") from None

    # -- conversion between rdflib and Oxigraph terms
    def _from_ox(self, t: Any) -> Term:
        ox = self._ox
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value
            if dt == "http://www.w3.org/2001/XMLSchema#string":
                return Literal(t.value)
            return Literal(t.value, datatype=URIRef(dt))
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if isinstance(t, ox.DefaultGraph):
            return URIRef("urn:x-dikg:default-graph")
        raise StoreError(f"unsupported term {t!r}")

    def replace_articles(self, graphs: Mapping[URIRef, Sequence[Quad]]) -> None:
        if not graphs:
            return
        try:
            self._store.update(update_for(graphs))
        except (OSError, SyntaxError) as err:
            raise StoreError(f"cannot write to store {self.location}: {err}") from None

    def remove_article(self, graph: URIRef) -> None:
        self._store.update(f"DROP SILENT GRAPH <{graph}>")

    def query(self, sparql: str, timeout: float | None = None) -> Results:
        ox = self._ox
        try:
            res = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise invalid_sparql(_one_line(err)) from None
        except OSError as err:
            raise StoreError(f"query failed on {self.location}: {_one_line(err)}") from None
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = []
            for sol in res:
                row = {}
                for v in variables:
                    val = sol[v]
                    if val is not None:
                        row[v] = self._from_ox(val)
                rows.append(row)
            return Results("select", variables=variables, rows=rows)
        if isinstance(res, ox.QueryBoolean):
            return Results("ask", boolean=bool(res))
        return Results("graph", triples=[(self._from_ox(t.subject), self._from_ox(t.predicate),
                                          self._from_ox(t.object)) for t in res])  # type: ignore[union-attr]

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        ox = self._ox
        g = ox.NamedNode(str(graph)) if graph is not None else None
        for q in self._store.quads_for_pattern(None, None, None, g):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            yield (self._from_ox(q.subject), self._from_ox(q.predicate), self._from_ox(q.object),  # type: ignore[misc]
                   self._from_ox(q.graph_name))

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        try:
            self._store.flush()
        except (OSError, RuntimeError):  # a read-only store refuses to flush
            pass
        del self._store

    @property
    def oxigraph(self) -> Any:
        """The underlying :class:`pyoxigraph.Store` (for bulk work and benchmarks)."""
        return self._store


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


_OX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")


def invalid_sparql(message: str) -> QueryError:
    """Return the error for a query Oxigraph cannot parse, its position spelt out.

    >>> str(invalid_sparql("error at 2:7: expected one of LATERAL, SERVICE"))
    'invalid SPARQL (line 2, column 7): expected one of LATERAL, SERVICE'
    """
    m = _OX_POSITION.match(message)
    if m is None:
        return QueryError(f"invalid SPARQL: {message}")
    return QueryError(f"invalid SPARQL (line {m.group(1)}, column {m.group(2)}): {message[m.end():]}")


#: scheme prefix -> factory; remote stores register here.
STORE_KINDS: dict[str, Any] = {}


def open_store(location: str | None = None, read_only: bool = False) -> Store:
    """Open the store at ``location`` (a directory, or a URL of a registered remote kind)."""
    loc = location or default_location()
    from . import remote  # noqa: F401  (registers the http:// and https:// store kinds)
    for prefix, factory in STORE_KINDS.items():
        if loc.startswith(prefix):
            return factory(loc, read_only=read_only)  # type: ignore[no-any-return]
    if loc == ":memory:":
        return EmbeddedStore(None)
    return EmbeddedStore(loc, read_only=read_only)


def load_quads(store: Store, items: Iterable[tuple[URIRef, Sequence[Quad]]]) -> None:
    """Replace each article's graph in ``store`` (helper for callers with an iterator)."""
    store.replace_articles(dict(items))
