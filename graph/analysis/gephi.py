"""The entity graph as GraphML and GEXF, for Gephi, yEd and Cytoscape.

Both formats hold scalar attributes only, so each node carries its label, type, country
and aliases (joined by "; "), and each relation its kind, weight (facts), highest
confidence, number of sources and publishers, first date and first evidence sentence.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import atomic_write_bytes
from ..store import Store
from .projection import project

__all__ = ["flat_graph", "gexf_bytes", "graphml_bytes", "write_gexf", "write_graphml"]


#: characters XML 1.0 cannot hold at all, not even as a character reference
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    """Return ``text`` with what XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of ``g`` whose attributes are all strings or numbers, every string one XML can hold."""
    out = nx.MultiDiGraph()
    for v, d in g.nodes(data=True):
        country = d["country"]
        out.add_node(v, label=_xml(d["label"]), type=d["type"], aliases=_xml("; ".join(d["aliases"])),
                     country=_xml(g.nodes[country]["label"]) if country in g else "", facts=len(d["facts"]))
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs: dict[str, Any] = {
            "kind": k, "label": k, "weight": d["weight"], "sources": len(d["sources"]),
            "publishers": len(d["publishers"]), "first_date": d["first_date"] or "",
            "evidence": _xml(next((e["sentence"] for e in d["evidence"] if e["sentence"]), "")),
        }
        if d["confidence"] is not None:
            attrs["confidence"] = float(d["confidence"])
        out.add_edge(u, v, key=k, **attrs)
    return out


def graphml_bytes(store: Store) -> bytes:
    """Return the entity graph of ``store`` as GraphML."""
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(project(store)), buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(store: Store) -> bytes:
    """Return the entity graph of ``store`` as GEXF 1.2."""
    buf = io.BytesIO()
    nx.write_gexf(flat_graph(project(store)), buf, encoding="utf-8")
    return buf.getvalue()


def write_graphml(store: Store, path: str | Path) -> None:
    """Write the entity graph of ``store`` to ``path`` as GraphML, atomically."""
    atomic_write_bytes(Path(path), graphml_bytes(store))


def write_gexf(store: Store, path: str | Path) -> None:
    """Write the entity graph of ``store`` to ``path`` as GEXF, atomically."""
    atomic_write_bytes(Path(path), gexf_bytes(store))
