"""The RDF store: a persistent embedded Oxigraph database in a directory (the default).

Everything above this module talks to a :class:`Store`: replace articles' named graphs,
run a SPARQL query, list quads. The embedded store keeps its data in a directory
(``--store DIR``, default ``.dikg/``, env ``DIKG_STORE``).

Each article is one named graph. The embedded store also keeps, in its **default
graph**, one copy of every triple that some article states: the deduplicated union of
the article graphs. Queries read that default graph (the named query library needs no
``GRAPH`` clauses; ``GRAPH ?article { ... }`` still tells where a triple came from);
joins over it are orders of magnitude faster than over Oxigraph's union of named graphs.
Quads, exports, statistics and validation read the named graphs only.

Writes go in batches, which a crash leaves whole or absent. A batch of articles not yet
in the store is bulk-loaded as N-Quads (their graphs and their default-graph copies):
Oxigraph's bulk load writes its files at about twice the speed of a transaction but is
not one, so the batch's N-Quads are first saved in a journal (:data:`JOURNAL`, in the
store's directory) that is removed once the load is done; a store opened with a journal
left by a crash removes what that batch wrote (its graphs, and the default-graph copies
no other graph states) before anything else. A batch that replaces articles is one
Oxigraph transaction, a SPARQL update of what changed: the triples an article no longer
states leave its graph, and leave the default graph when no other article states them;
its new triples go into both. An article stored again unchanged costs a read and no
write.

A store written before the default-graph copy existed (article graphs, an empty default
graph) is upgraded when it is opened for writing: one transaction copies the article
graphs into the default graph. Opened read-only, such a store is queried over the union
of its named graphs, as it was.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
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
    "dataset_nquads",
    "default_location",
    "invalid_sparql",
    "ntriples",
    "open_store",
    "statement",
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
        """Run a SPARQL query whose default graph is the union of the article graphs."""

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


def statement(s: Term, p: Term, o: Term) -> str:
    """Return a triple as subject, predicate and object in N-Triples syntax, without the final dot.

    The same text is an N-Quads line once the graph and `` .`` follow, and a triple of
    a SPARQL ``INSERT DATA`` block once `` .`` follows.

    >>> statement(URIRef("https://example.org/a"), URIRef("https://example.org/name"), Literal('say "hi"'))
    '<https://example.org/a> <https://example.org/name> "say \\\\"hi\\\\""'
    """
    return f"{_nt(s)} {_nt(p)} {_nt(o)}"


def _forget(g: str) -> str:
    """Return the SPARQL update that removes article graph ``g`` and the copies only it held."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{g}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{g}>")


_XSD_STRING = "^^<http://www.w3.org/2001/XMLSchema#string>"


def _canonical(statement_text: str) -> str:
    """Return a statement as the store gives it back: a string literal without its datatype."""
    return statement_text.removesuffix(_XSD_STRING)


def replace_update(graphs: Mapping[str, Sequence[str]], stored: Mapping[str, Iterable[str]]) -> str:
    """Return one SPARQL update that replaces ``graphs`` (IRI -> statements) and keeps the default-graph copy.

    ``stored`` holds the statements of those graphs already in the store: only what
    changed is written. A statement a graph no longer holds leaves it, and leaves the
    default graph when no graph states it any more; a new statement goes into the graph
    and the default graph. Returns "" when nothing changes.
    """
    parts: list[str] = []
    inserts: dict[str, list[str]] = {}
    for g, ts in graphs.items():
        old = stored.get(g)
        if old is None:
            inserts[g] = list(ts)
            continue
        if not ts:
            parts.append(_forget(g))
            continue
        new = {_canonical(t): t for t in ts}
        kept = set(old)
        gone = [t for t in kept if t not in new]
        if gone:
            parts.append(f"DELETE DATA {{ GRAPH <{g}> {{\n" + "".join(f"{t} .\n" for t in gone) + "} }")
            rows = "".join(f"({t})\n" for t in gone)
            parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}}} "
                         f"FILTER NOT EXISTS {{ GRAPH ?any {{ ?s ?p ?o }} }} }}")
        added = [t for c, t in new.items() if c not in kept]
        if added:
            inserts[g] = added
    blocks = [f"GRAPH <{g}> {{\n" + "".join(f"{t} .\n" for t in ts) + "}" for g, ts in inserts.items() if ts]
    if blocks:
        copies = dict.fromkeys(t for ts in inserts.values() for t in ts)
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n" + "".join(f"{t} .\n" for t in copies) + "}")
    return " ;\n".join(parts)


def ntriples(statements: Iterable[str]) -> bytes:
    """Return :func:`statement` texts as an N-Triples document, one a line (for :meth:`EmbeddedStore.replace_ntriples`).

    >>> ntriples(['<https://example.org/a> <https://example.org/p> "x"'])
    b'<https://example.org/a> <https://example.org/p> "x" .\\n'
    """
    return "".join([f"{t} .\n" for t in statements]).encode("utf-8")


def _statements_of(document: bytes) -> list[str]:
    """Return the statements of an N-Triples document that :func:`ntriples` wrote."""
    # split at line feeds only: str.splitlines() would also split a literal at U+2028
    return [line.decode("utf-8").removesuffix(" .") for line in document.split(b"\n") if line]


def dataset_nquads(graphs: Mapping[str, bytes]) -> bytes:
    """Return N-Quads of ``graphs`` (IRI -> N-Triples of :func:`ntriples`) and the default-graph copy of their triples.

    A triple several graphs state is copied once per graph; the store keeps one. Every
    line of the documents ends in `` .`` and a line break, which a literal escapes, so
    naming the graph is one replacement.
    """
    named = [doc.replace(b" .\n", b" <" + g.encode("utf-8") + b"> .\n") for g, doc in graphs.items()]
    return b"".join([*named, *graphs.values()])


#: quads written by transactions between two flushes of the embedded store to disk
FLUSH_EVERY = 500_000

#: file in the store's directory holding the N-Quads of the batch being bulk-loaded
JOURNAL = "dikg-batch.nq"

#: copies every article graph into the default graph (upgrades a store written without the copy)
_COPY_ALL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class EmbeddedStore:
    """A persistent Oxigraph store in a directory (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.location = str(path) if path is not None else ":memory:"
        #: the store's directory (None in memory), where a bulk-loaded batch keeps its journal
        self._dir = Path(path) if path is not None else None
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if (Path(path) / JOURNAL).exists():
                    _repair(Path(path))
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as err:
            if "lock file" in str(err).lower():
                raise StoreError(f"cannot open store {self.location}: another process is writing to it (dikg ingest "
                                 "or load); try again when it has finished, or read it meanwhile with "
                                 "dikg query --timeout N or dikg serve") from None
            raise StoreError(f"cannot open store {self.location}: {err}") from None
        if not read_only:
            self._recover()
        #: query the union of the named graphs: a store without the default-graph copy, opened read-only
        self._union = False
        self._unflushed = 0
        #: whether a batch was bulk-loaded since the store was opened (then closing compacts it)
        self._bulk_loaded = False
        if self._lacks_default_copy():
            if read_only:
                self._union = True
            else:
                self._update(_COPY_ALL)

    def _lacks_default_copy(self) -> bool:
        """Tell whether the store holds article graphs but no default graph (written by an earlier dikg)."""
        ox = self._ox
        has_graph = next(iter(self._store.named_graphs()), None) is not None
        return has_graph and next(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None

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

    def _update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except (OSError, SyntaxError, UnicodeError) as err:
            raise StoreError(f"cannot write to store {self.location}: {_one_line(err)}") from None

    def replace_articles(self, graphs: Mapping[URIRef, Sequence[Quad]]) -> None:
        self.replace_statements({g: [statement(s, p, o) for s, p, o, _ in quads] for g, quads in graphs.items()})

    def replace_statements(self, graphs: Mapping[URIRef, Sequence[str]]) -> None:
        """Replace each named graph with the given triples (from :func:`statement`), all or none of them."""
        self.replace_ntriples({g: ntriples(ts) for g, ts in graphs.items()})

    def replace_ntriples(self, graphs: Mapping[URIRef, bytes]) -> None:
        """Replace each named graph with the triples of an N-Triples document from :func:`ntriples`, all or none.

        Articles not yet in the store are bulk-loaded as N-Quads under a journal; a batch
        that replaces one already stored is one SPARQL update of what changed (nothing,
        when an article is stored again as it was). Either way the default graph keeps
        one copy of every triple some graph states, and nothing else.
        """
        if not graphs:
            return
        ox = self._ox
        documents = {str(g): doc for g, doc in graphs.items()}
        stored = {g: self._statements(g) for g in documents if self._store.contains_named_graph(ox.NamedNode(g))}
        if not stored:
            self._insert(dataset_nquads(documents))
            return
        texts = {g: _statements_of(doc) for g, doc in documents.items()}
        update = replace_update(texts, stored)
        if update:
            self._update(update)
        # Oxigraph keeps what a transaction writes in memory until a flush: writing 4,000
        # generated articles took 1.6 GB without these flushes and 0.7 GB with them.
        self._unflushed += 2 * sum(map(len, texts.values()))
        if self._unflushed >= FLUSH_EVERY:
            self._unflushed = 0
            self.flush()

    def _insert(self, nquads: bytes) -> None:
        """Add N-Quads of articles not yet in the store: bulk-loaded under a journal, so a crash undoes them whole."""
        ox = self._ox
        try:
            if self._dir is None:  # in memory, a crash loses everything anyway
                self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
                return
            journal = self._dir / JOURNAL
            _write_durably(journal, nquads)
            self._bulk_loaded = True
            try:
                self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            except BaseException:
                self._recover()  # a refused or interrupted load may have written part of the batch
                raise
            journal.unlink()
        except (OSError, SyntaxError, UnicodeError) as err:
            raise StoreError(f"cannot write to store {self.location}: {_one_line(err)}") from None

    def _recover(self) -> None:
        """Remove what a bulk-loaded batch cut short wrote, as its journal tells, then the journal."""
        if self._dir is None:
            return
        journal = self._dir / JOURNAL
        for partial in self._dir.glob(JOURNAL + ".*"):
            partial.unlink()  # a journal cut short while written: its batch had not begun
        if not journal.exists():
            return
        ox = self._ox
        graphs: dict[str, None] = {}
        copies: dict[str, None] = {}
        for q in self._journal_quads(journal):
            triple = f"{self._text(q.subject)} {self._text(q.predicate)} {self._text(q.object)}"
            if isinstance(q.graph_name, ox.DefaultGraph):
                copies[triple] = None
            else:
                graphs[q.graph_name.value] = None
        parts = [f"DROP SILENT GRAPH <{g}>" for g in graphs]
        if copies:
            rows = "".join(f"({t})\n" for t in copies)
            parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}}} "
                         f"FILTER NOT EXISTS {{ GRAPH ?any {{ ?s ?p ?o }} }} }}")
        if parts:
            self._update(" ;\n".join(parts))
        self.flush()
        journal.unlink()

    def _statements(self, graph: str) -> list[str]:
        """Return the triples of one named graph as :func:`statement` writes them."""
        ox = self._ox
        text = self._text
        return [f"{text(q.subject)} {text(q.predicate)} {text(q.object)}"
                for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]

    def _text(self, t: Any) -> str:
        if isinstance(t, self._ox.Literal):
            lex = '"' + t.value.translate(_ESCAPES) + '"'
            if t.language:
                return f"{lex}@{t.language}"
            dt = t.datatype.value
            return lex if dt == "http://www.w3.org/2001/XMLSchema#string" else f"{lex}^^<{dt}>"
        return f"<{t.value}>"

    def _journal_quads(self, journal: Path) -> list[Any]:
        """Return the quads of a journal; line by line if some line cannot be read (the load refused it)."""
        ox = self._ox
        try:
            return list(ox.parse(path=journal, format=ox.RdfFormat.N_QUADS))
        except SyntaxError:
            pass
        quads = []
        for line in journal.read_bytes().splitlines():
            try:
                quads.extend(ox.parse(line, format=ox.RdfFormat.N_QUADS))
            except SyntaxError:
                continue
        return quads

    def remove_article(self, graph: URIRef) -> None:
        self._update(_forget(str(graph)))

    def update_articles(self, sparql: str) -> None:
        """Run a SPARQL update on the article graphs, then rebuild the default-graph copy, in one transaction.

        For changes by hand (a repair, or a test that breaks the data on purpose): the
        copy is rebuilt from every article graph, so this costs a pass over the store.
        """
        self._update(sparql.rstrip().rstrip(";") + " ;\nCLEAR DEFAULT ;\n" + _COPY_ALL)

    def solutions(self, sparql: str) -> Any:
        """Run ``sparql`` on Oxigraph over dikg's dataset; return pyoxigraph's own result (rows read lazily).

        The default graph is the union of the article graphs, each triple once.
        """
        try:
            return self._store.query(sparql, use_default_graph_as_union=self._union)
        except SyntaxError as err:
            raise invalid_sparql(_one_line(err)) from None
        except OSError as err:
            raise StoreError(f"query failed on {self.location}: {_one_line(err)}") from None

    def query(self, sparql: str, timeout: float | None = None) -> Results:
        return self.to_results(self.solutions(sparql))

    def to_results(self, res: Any, limit: int | None = None) -> Results:
        """Return a pyoxigraph result as :class:`Results`, reading at most ``limit`` rows or triples.

        Any ``limit`` past ``sys.maxsize`` (``dikg query --timeout`` asks for every row as
        ``sys.maxsize``, and a worker reads one row more than it may send) means no limit.
        """
        ox = self._ox
        stop = limit if limit is None or limit < sys.maxsize else None
        seen: dict[Any, Term] = {}  # a term recurs across rows (a name, a date): build each once

        def term(val: Any) -> Term:
            out = seen.get(val)
            if out is None:
                out = seen[val] = self._from_ox(val)
            return out

        if isinstance(res, ox.QueryBoolean):
            return Results("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = [{v: term(val) for v, val in zip(variables, sol, strict=True) if val is not None}
                    for sol in islice(res, stop)]
            return Results("select", variables=variables, rows=rows)
        return Results("graph", triples=[(term(t.subject), term(t.predicate), term(t.object))
                                         for t in islice(res, stop)])

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        ox = self._ox
        # graph by graph, so the default-graph copy is never read
        names = [ox.NamedNode(str(graph))] if graph is not None else list(self._store.named_graphs())
        for g in names:
            name = self._from_ox(g)
            for q in self._store.quads_for_pattern(None, None, None, g):
                yield (self._from_ox(q.subject), self._from_ox(q.predicate), self._from_ox(q.object),  # type: ignore[misc]
                       name)

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def flush(self) -> None:
        try:
            self._store.flush()
        except OSError as err:
            raise StoreError(f"cannot write to store {self.location}: {_one_line(err)}") from None

    def close(self) -> None:
        try:
            self._store.flush()
            if self._bulk_loaded:
                # Each bulk-loaded batch adds files of its own to every index; merged, the
                # named queries on 2,000 just-ingested articles ran 1.5-3x faster, for
                # 1.6 s of compaction.
                self._store.optimize()
        except (OSError, RuntimeError):  # a read-only store refuses to flush
            pass
        del self._store

    @property
    def oxigraph(self) -> Any:
        """The underlying :class:`pyoxigraph.Store` (for bulk work and benchmarks).

        Its default graph holds the copy of the article graphs: query it without
        ``use_default_graph_as_union`` (or through :meth:`solutions`), which would
        count every triple once more.
        """
        return self._store


def _write_durably(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all, on disk before this returns."""
    part = path.with_name(path.name + ".part")
    with open(part, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, path)


def _repair(path: Path) -> None:
    """Undo the batch a crash cut short in the store at ``path``, unless a writer holds it (its batch is running)."""
    try:
        EmbeddedStore(path).close()
    except StoreError:
        pass


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


def open_store(location: str | None = None, read_only: bool = False, create: bool = True) -> Store:
    """Open the store at ``location`` (a directory, or a URL of a registered remote kind).

    With ``create=False`` a directory that does not exist is an error rather than a new,
    empty store: commands that only read say so instead of answering from nothing.
    """
    loc = location or default_location()
    from . import remote  # noqa: F401  (registers the http:// and https:// store kinds)
    for prefix, factory in STORE_KINDS.items():
        if loc.startswith(prefix):
            return factory(loc, read_only=read_only)  # type: ignore[no-any-return]
    if loc == ":memory:":
        return EmbeddedStore(None)
    if Path(loc).exists() and not Path(loc).is_dir():
        raise StoreError(f"cannot open store {loc}: it is a file; a store is a directory")
    if not create and not Path(loc).is_dir():
        raise StoreError(f"no store at {loc}; load some facts first (dikg load FILES --store ...)")
    return EmbeddedStore(loc, read_only=read_only)
