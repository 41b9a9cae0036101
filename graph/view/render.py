"""The interactive view: one self-contained HTML page drawing the entity graph with vis-network.

The page needs nothing but itself: vis-network (read from the installed pyvis package,
licence header kept) is inlined, the data sits in a ``<script type="application/json">``
block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and a Content-Security-Policy
forbids loading anything. Every text from an article is put on the page with
``textContent``, never as HTML. pyvis's ``Network`` class is not used at all (its
templates load Bootstrap from a CDN and it writes a ``lib/`` folder; ``from_nx`` is
quadratic): the node and edge lists are filled here.

>>> from graph.store import EmbeddedStore
>>> html = render_html(EmbeddedStore(None))
>>> html.startswith("<!DOCTYPE html>") and "cdn" not in html.lower()
True
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from ..analysis.paths import resolve
from ..analysis.projection import project, simple_undirected
from ..errors import InputError
from ..models import ENTITY_TYPES, valid_date
from ..store import Store

__all__ = ["TYPE_COLOURS", "ViewOptions", "json_for_html", "render_graph_html", "render_html", "view_data"]

#: entity type -> node colour (colour-blind-safe where it matters: countries, companies, people)
TYPE_COLOURS: dict[str, str] = {
    "Country": "#e15759",
    "GovernmentAgency": "#f28e2b",
    "ArmedForce": "#8c6d31",
    "Company": "#4e79a7",
    "Organisation": "#76b7b2",
    "Person": "#59a14f",
    "Event": "#edc948",
    "Agreement": "#b07aa1",
    "Platform": "#a0a4ab",
}
_VIS_ASSET = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")
_MIN_SIZE, _MAX_SIZE = 8.0, 44.0


@dataclass
class ViewOptions:
    """What to show: a neighbourhood, some types, recent or confident facts, at most so many nodes."""

    focus: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    since: str | None = None
    min_confidence: float | None = None
    max_nodes: int = 500
    title: str = "Defence-industry relationships"
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.since is not None and not _is_date(self.since):
            raise InputError(f"--since {self.since!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f"--min-confidence {self.min_confidence:g}: expected a number from 0 to 1")


def _is_date(text: str) -> bool:
    """Tell whether ``text`` is a calendar date at year, month or day precision (no quarters).

    >>> [_is_date(t) for t in ("2025", "2025-06", "2024-02-29", "2025-13", "2025-02-30", "2025-Q4", "yesterday")]
    [True, True, True, False, False, False, False]
    """
    return "Q" not in text and text.strip() == text and valid_date(text)


def json_for_html(data: Any) -> str:
    """Return JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators.

    >>> json_for_html({"a": "</script>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                      ("\u2029", "\\u2029")):
        text = text.replace(char, esc)
    return text


@cache
def _vis_js() -> str:
    package, path = _VIS_ASSET
    js = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js:
        raise InputError(f"{package}/{path} cannot be inlined: it contains a script terminator")
    return js


@cache
def _template() -> str:
    return resources.files("graph.view").joinpath("template.html").read_text(encoding="utf-8")


def _dated_since(date: str | None, since: str) -> bool:
    # Compare at the date's own precision: "2025" is kept for --since 2025-06.
    return date is not None and date >= since[: len(date)]


def _keep_fact(f: dict[str, Any], opts: ViewOptions) -> bool:
    if opts.since and not _dated_since(f.get("date"), opts.since):
        return False
    conf = f.get("confidence")
    return opts.min_confidence is None or (conf is not None and conf >= opts.min_confidence)


def _filtered(g: nx.MultiDiGraph, opts: ViewOptions) -> nx.MultiDiGraph:
    unknown = sorted(set(opts.types) - set(ENTITY_TYPES))
    if unknown:
        raise InputError(f"unknown type {unknown[0]!r}; available: {', '.join(ENTITY_TYPES)}")
    out = nx.MultiDiGraph()
    for v, d in g.nodes(data=True):
        if opts.types and d["type"] not in opts.types:
            continue
        out.add_node(v, **{**d, "facts": [f for f in d["facts"] if _keep_fact(f, opts)]})
    for u, v, k, d in g.edges(keys=True, data=True):
        if u not in out or v not in out:
            continue
        evidence = [e for e in d["evidence"] if _keep_fact(e, opts)]
        if evidence:
            out.add_edge(u, v, key=k, **{**d, "evidence": evidence})
    if opts.since or opts.min_confidence is not None:
        out.remove_nodes_from([v for v in list(out) if out.degree(v) == 0])
    if opts.focus:
        centres = [c for c in resolve(g, opts.focus) if c in out]
        if not centres:
            raise InputError(f"no entity called {opts.focus!r} is left to focus on; check the name and filters")
        und = out.to_undirected(as_view=True)
        near: set[str] = set()
        for c in centres:
            near |= set(nx.single_source_shortest_path_length(und, c, cutoff=max(0, opts.depth)))
        out = out.subgraph(sorted(near)).copy()
    return out


def _fact_json(what: str, f: dict[str, Any]) -> dict[str, Any]:
    return {"what": what, "sentence": f.get("sentence"), "url": f.get("url"), "publisher": f.get("publisher"),
            "date": f.get("date"), "confidence": f.get("confidence")}


def view_data(g: nx.MultiDiGraph, opts: ViewOptions | None = None) -> dict[str, Any]:
    """Return the page's data: nodes, edges, legend and what was left out."""
    opts = opts or ViewOptions()
    sub = _filtered(g, opts)
    total_nodes, total_edges = sub.number_of_nodes(), sub.number_of_edges()
    simple = simple_undirected(sub)
    rank = nx.pagerank(simple, weight="weight") if simple.number_of_edges() else dict.fromkeys(simple, 1.0)
    omitted = ""
    if total_nodes > opts.max_nodes:
        keep = sorted(sub, key=lambda v: (-rank[v], sub.nodes[v]["label"], v))[: max(0, opts.max_nodes)]
        sub = sub.subgraph(sorted(keep)).copy()
        omitted = (f"Showing the {sub.number_of_nodes():,} most central of {total_nodes:,} entities. "
                   f"Left out: {total_nodes - sub.number_of_nodes():,} entities and "
                   f"{total_edges - sub.number_of_edges():,} relations (raise --max-nodes or use --focus).")
    top = max((rank[v] for v in sub), default=1.0) or 1.0
    nodes = []
    for v in sorted(sub):
        d = sub.nodes[v]
        country = d["country"]
        size = _MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt(rank[v] / top)
        nodes.append({
            "id": v, "label": d["label"], "type": d["type"], "aliases": d["aliases"], "size": round(size, 2),
            "country": g.nodes[country]["label"] if country in g and country != v else None,
            "facts": [_fact_json(f"{f['kind'].replace('_', ' ')}: {f['value']}", f) for f in d["facts"]],
        })
    edges = []
    for i, (u, v, k, d) in enumerate(sorted(sub.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        a, b = sub.nodes[u]["label"], sub.nodes[v]["label"]
        label = k.replace("_", " ")
        edges.append({
            "id": f"e{i}", "from": u, "to": v, "label": label, "fromLabel": a, "toLabel": b,
            "directed": not d["symmetric"], "weight": d["weight"], "sources": len(d["sources"]),
            "facts": [_fact_json(f"{a} {label} {b}", e) for e in d["evidence"]],
        })
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["type"]] = counts.get(n["type"], 0) + 1
    legend = [{"type": t, "colour": TYPE_COLOURS[t], "count": counts[t]} for t in ENTITY_TYPES if t in counts]
    filters = [f"{name} {value}" for name, value in (("focus", opts.focus), ("since", opts.since),
                                                       ("min confidence", opts.min_confidence)) if value is not None]
    if opts.types:
        filters.append("types " + ", ".join(opts.types))
    summary = f"{len(nodes):,} entities · {len(edges):,} relations" + (f" · {'; '.join(filters)}" if filters else "")
    return {"title": opts.title, "summary": summary, "omitted": omitted, "legend": legend, "nodes": nodes,
            "edges": edges, "left_out": {"nodes": total_nodes - len(nodes), "edges": total_edges - len(edges)}}


_SLOT = re.compile(r"@@(TITLE|DATA|VIS)@@")


def render_graph_html(g: nx.MultiDiGraph, opts: ViewOptions | None = None) -> str:
    """Return the self-contained HTML page for an entity graph."""
    data = view_data(g, opts)
    slots = {
        "TITLE": "".join({"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(c, c) for c in data["title"]),
        "DATA": json_for_html(data),
        "VIS": _vis_js(),
    }
    # One pass: text put into a slot is never searched for further slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], _template())


def render_html(store: Store, opts: ViewOptions | None = None) -> str:
    """Rebuild the entity graph from ``store`` and return the HTML page."""
    return render_graph_html(project(store), opts)
