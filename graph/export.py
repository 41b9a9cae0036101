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

from rdflib import Dataset, Graph, Literal, URIRef

from .atomic import atomic_write_bytes
from .errors import UnknownNameError
from .ontology import ONTOLOGY_FILE, ontology_dir
from .store import Quad, Store, _nt
from .vocab import PREFIXES

__all__ = ["ExportFormat", "EXPORT_FORMATS", "export", "export_ontology", "sorted_quads", "to_bytes"]


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


def _bind(g: Graph) -> None:
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True, replace=True)


def _nquads(store: Store) -> bytes:
    lines = sorted({f"{_nt(s)} {_nt(p)} {_nt(o)} <{g}> .\n" for s, p, o, g in store.quads()})
    return "".join(lines).encode("utf-8")


def _dataset(store: Store) -> Dataset:
    ds = Dataset()
    _bind(ds)
    for s, p, o, g in sorted_quads(store):
        ds.add((s, p, o, URIRef(g)))
    return ds


def _union(store: Store) -> Graph:
    g = Graph()
    _bind(g)
    for s, p, o, _ in sorted_quads(store):
        g.add((s, p, o))
    return g


def _turtle(store: Store) -> bytes:
    return _union(store).serialize(format="turtle", encoding="utf-8")


def _trig(store: Store) -> bytes:
    return _dataset(store).serialize(format="trig", encoding="utf-8")


def _jsonld(store: Store) -> bytes:
    context = {p: iri for p, iri in PREFIXES.items()}
    return _dataset(store).serialize(format="json-ld", context=context, sort_keys=True, indent=1, encoding="utf-8")


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", ".ttl", "Turtle: the union of all article graphs", _turtle),
        ExportFormat("trig", ".trig", "TriG: one named graph per article", _trig),
        ExportFormat("nq", ".nq", "N-Quads: one named graph per article, sorted lines", _nquads),
        ExportFormat("jsonld", ".jsonld", "JSON-LD: one named graph per article", _jsonld),
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


_ = Literal
