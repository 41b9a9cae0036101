"""Chains of facts between two entities: who connects South Korea's industry to Turkiye's?

:func:`find_paths` resolves two names (labels, aliases or any name of a country,
case-insensitively) and returns the shortest chains of relations between them in the
entity graph, each step with the facts and evidence sentences behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from ..countries import fold
from ..countries import lookup as lookup_country
from ..errors import InputError
from ..iri import entity_iri
from ..store import Store
from .projection import collapse_graph, project, simple_undirected

__all__ = ["Chain", "Step", "find_paths", "paths_between", "resolve"]


@dataclass
class Step:
    """One relation along a chain, as stated (``subject kind object``), with its evidence."""

    subject: str
    kind: str
    object: str
    evidence: list[dict[str, Any]]
    via: list[str]


@dataclass
class Chain:
    """One shortest chain: the entities in order and the relations between each neighbouring pair."""

    entities: list[str]
    steps: list[list[Step]]


def resolve(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Return the nodes called ``name`` (label or alias, case and accents folded), sorted.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", label="Korea Aerospace Industries", aliases=["KAI"], type="Company")
    >>> resolve(g, "kai")
    ['x']
    """
    want = fold(name)
    found = {v for v, d in g.nodes(data=True)
             if fold(d["label"]) == want or any(fold(a) == want for a in d.get("aliases", ()))}
    country = lookup_country(name)
    if country is not None and str(entity_iri("Country", country.name)) in g:
        found.add(str(entity_iri("Country", country.name)))
    return sorted(found)


def _resolve_one(g: nx.MultiDiGraph, name: str) -> list[str]:
    found = resolve(g, name)
    if not found:
        raise InputError(f"no entity is called {name!r}; give a name or alias as the facts spell it")
    return found


def _steps(g: nx.MultiDiGraph, a: str, b: str, evidence: int) -> list[Step]:
    out = []
    for u, v in ((a, b), (b, a)):
        for kind, d in sorted((g.get_edge_data(u, v) or {}).items()):
            out.append(Step(g.nodes[u]["label"], kind, g.nodes[v]["label"], d["evidence"][:evidence], d["via"]))
    return out


def find_paths(g: nx.MultiDiGraph, a: str, b: str, limit: int = 5, evidence: int = 2) -> list[Chain]:
    """Return up to ``limit`` shortest chains from the entity named ``a`` to the one named ``b``.

    Chains run over the actor graph (an agreement or event ties its parties, a supply
    ties supplier and buyer; ``via`` names them). Direction is ignored when searching
    and kept in each step. An empty list means nothing connects them.
    """
    g = collapse_graph(g)
    starts, ends = _resolve_one(g, a), _resolve_one(g, b)
    u = simple_undirected(g)
    best: list[tuple[int, str, str]] = []
    for s in starts:
        lengths = nx.single_source_shortest_path_length(u, s)
        best += [(lengths[t], s, t) for t in ends if t in lengths]
    if not best:
        return []
    shortest = min(x[0] for x in best)
    chains: list[Chain] = []
    for _, s, t in sorted(x for x in best if x[0] == shortest):
        for path in islice(nx.all_shortest_paths(u, s, t), limit - len(chains)):
            chains.append(Chain([g.nodes[v]["label"] for v in path],
                                [_steps(g, x, y, evidence) for x, y in pairwise(path)]))
        if len(chains) >= limit:
            break
    return chains


def paths_between(store: Store, a: str, b: str, limit: int = 5, evidence: int = 2) -> list[Chain]:
    """Rebuild the entity graph from ``store`` and return the shortest chains between ``a`` and ``b``."""
    return find_paths(project(store), a, b, limit=limit, evidence=evidence)
