"""Exports of the store: Turtle, TriG, N-Quads, JSON-LD — deterministic, written atomically.

The same store gives the same bytes: quads are sorted before serialising and dikg mints
no blank nodes. Each format is one row of :data:`EXPORT_FORMATS`; every export goes to a
temporary file renamed into place, so an interrupted export never leaves half a file
under the final name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from .atomic import atomic_write_bytes
from .errors import UnknownNameError
from .ontology import ONTOLOGY_FILE, ontology_dir
from .store import Quad, Store, Term, _nt
from .vocab import PREFIXES

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "export",
    "export_ontology",
    "sorted_quads",
    "to_bytes",
    "to_oxigraph_term",
]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how to turn the store into bytes, and what it is."""

    name: str
    suffix: str
    description: str
    write: Callable[[Store], bytes]


def sorted_quads(store: Store) -> list[Quad]:
    """Return every quad of the store, sorted by graph, subject, predicate, object."""
    return sorted(store.quads(), key=lambda q: (str(q[3]), _nt(q[0]), _nt(q[1]), _nt(q[2])))


def to_oxigraph_term(term: Term) -> Any:
    """Return the pyoxigraph term for an rdflib IRI or literal."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"cannot export blank node {term!r}")


def _serialise(store: Store, fmt: str, quads: bool) -> bytes:
    # Oxigraph writes terms exactly as stored (rdflib's Turtle writer rewrites decimal
    # lexical forms) and serialises in the order given: sorted input, stable bytes.
    import pyoxigraph as ox

    rows = sorted_quads(store)
    items: list[Any]
    if quads:
        items = [ox.Quad(*map(to_oxigraph_term, q)) for q in rows]
    else:
        seen: dict[tuple[Term, Term, Term], None] = {}
        for s, p, o, _ in rows:
            seen[(s, p, o)] = None
        items = [ox.Triple(*map(to_oxigraph_term, t)) for t in sorted(seen, key=lambda t: tuple(map(_nt, t)))]
    data = ox.serialize(items, format=getattr(ox.RdfFormat, fmt), prefixes=PREFIXES)
    return data if data is not None else b""


def _turtle(store: Store) -> bytes:
    return _serialise(store, "TURTLE", quads=False)


def _trig(store: Store) -> bytes:
    return _serialise(store, "TRIG", quads=True)


def _nquads(store: Store) -> bytes:
    return _serialise(store, "N_QUADS", quads=True)


def _jsonld(store: Store) -> bytes:
    return _serialise(store, "JSON_LD", quads=True)


def _analysis_gephi() -> Any:
    # networkx is only needed for these two formats: import it when they are asked for.
    from .analysis import gephi

    return gephi


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", ".ttl", "Turtle: the union of all article graphs", _turtle),
        ExportFormat("trig", ".trig", "TriG: one named graph per article", _trig),
        ExportFormat("nq", ".nq", "N-Quads: one named graph per article, sorted lines", _nquads),
        ExportFormat("jsonld", ".jsonld", "JSON-LD: one named graph per article", _jsonld),
        ExportFormat("graphml", ".graphml", "GraphML: the entity graph (relations as edges) for Gephi or yEd",
                     lambda store: _analysis_gephi().graphml_bytes(store)),
        ExportFormat("gexf", ".gexf", "GEXF: the entity graph (relations as edges) for Gephi",
                     lambda store: _analysis_gephi().gexf_bytes(store)),
    )
}


def to_bytes(store: Store, fmt: str) -> bytes:
    """Return the store serialised in format ``fmt``."""
    try:
        f = EXPORT_FORMATS[fmt]
    except KeyError:
        raise UnknownNameError(f"unknown export format {fmt!r}; available: {', '.join(EXPORT_FORMATS)}") from None
    return f.write(store)


def export(store: Store, fmt: str, path: str | Path) -> int:
    """Write the store to ``path`` in format ``fmt`` atomically; return the bytes written."""
    data = to_bytes(store, fmt)
    atomic_write_bytes(Path(path), data)
    return len(data)


def export_ontology(path: str | Path) -> int:
    """Copy the ontology (Turtle) to ``path`` atomically; return the bytes written."""
    data = (ontology_dir() / ONTOLOGY_FILE).read_bytes()
    atomic_write_bytes(Path(path), data)
    return len(data)

