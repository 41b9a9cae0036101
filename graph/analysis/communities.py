"""Communities of actors: Louvain modularity optimisation, as networkx runs it, on plain dicts.

:func:`louvain` returns exactly the communities of
``networkx.community.louvain_communities(g, weight="weight", seed=seed)`` on a graph with
integer weights (the actor graph's weights count facts): the same seeded node orders,
the same gains compared in the same order, the same stop once a level adds less than
``threshold`` to modularity. It keeps the graph as dicts of integer node numbers instead
of building a networkx graph per level and recomputing modularity through networkx
views, which takes most of networkx's time on 100,000 actors.

>>> import networkx as nx
>>> g = nx.barbell_graph(4, 0)
>>> sorted(sorted(c) for c in louvain(g, seed=1))
[[0, 1, 2, 3], [4, 5, 6, 7]]
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import networkx as nx

__all__ = ["louvain"]

#: a graph as each node's neighbours and the weight of the edge to each (a self-loop once, under the node itself)
_Adjacency = list[dict[int, Any]]


def louvain(g: nx.Graph, weight: str = "weight", resolution: float = 1, threshold: float = 1e-07,
            seed: int | None = None) -> list[set[Any]]:
    """Return the Louvain communities of the undirected graph ``g`` (each a set of nodes).

    Equal to ``networkx.community.louvain_communities`` with the same arguments when the
    weights are integers (with other weights, sums may round in another order).
    """
    nodes = list(g)
    if not nodes or g.number_of_edges() == 0:
        return [{v} for v in nodes]
    rng = random.Random(seed)
    number = {v: i for i, v in enumerate(nodes)}
    # networkx first copies the graph edge by edge; each node's neighbours come in that copy's order
    adj: _Adjacency = [{} for _ in nodes]
    seen: set[int] = set()
    for i, v in enumerate(nodes):
        for other, data in g.adj[v].items():
            j = number[other]
            if j not in seen:
                w = data.get(weight, 1)
                adj[i][j] = w
                adj[j][i] = w
        seen.add(i)
    degrees = _degrees(adj)
    m = sum(degrees) / 2
    singletons: list[set[int]] = [{i} for i in range(len(nodes))]
    mod = _modularity(adj, degrees, singletons, resolution)
    partition, inner, _ = _one_level(adj, degrees, m, singletons, resolution, rng)
    while True:
        best = partition
        new_mod = _modularity(adj, degrees, inner, resolution)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        adj = _aggregate(adj, inner)
        degrees = _degrees(adj)
        partition, inner, improvement = _one_level(adj, degrees, m, partition, resolution, rng)
        if not improvement:
            break
    return [{nodes[i] for i in c} for c in best]


def _degrees(adj: _Adjacency) -> list[Any]:
    """Weighted degree of each node, a self-loop counted twice (as networkx counts it)."""
    return [sum(nbrs.values()) + (nbrs[u] if u in nbrs else 0) for u, nbrs in enumerate(adj)]


def _modularity(adj: _Adjacency, degrees: list[Any], communities: list[set[int]], resolution: float) -> float:
    """Modularity of ``communities``, its terms computed and summed as ``networkx.community.modularity`` does."""
    deg_sum = sum(degrees)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    com = [0] * len(adj)
    for c, members in enumerate(communities):
        for u in members:
            com[u] = c
    inside = [0] * len(communities)
    for u, nbrs in enumerate(adj):
        cu = com[u]
        for v, w in nbrs.items():
            if v >= u and com[v] == cu:  # each edge once, a self-loop once
                inside[cu] += w
    sums = [0] * len(communities)
    for u, d in enumerate(degrees):
        sums[com[u]] += d
    return sum(inside[c] / m - resolution * sums[c] * sums[c] * norm for c in range(len(communities)))


def _one_level(adj: _Adjacency, degrees: list[Any], m: float, members: list[set[int]], resolution: float,
               rng: random.Random) -> tuple[list[set[int]], list[set[int]], bool]:
    """Move each node, in a seeded random order, to the neighbouring community that gains most; repeat until none moves.

    ``members[u]`` holds the original nodes behind node ``u``. Returns the partition of
    the original nodes, the partition of this level's nodes, and whether any node moved.
    """
    n = len(adj)
    partition = [set(c) for c in members]
    node2com = list(range(n))
    inner: list[set[int]] = [{u} for u in range(n)]
    stot = list(degrees)
    nbrs = [{v: w for v, w in nb.items() if v != u} for u, nb in enumerate(adj)]
    order = list(range(n))
    rng.shuffle(order)
    twice_m2 = 2 * m**2
    improvement = False
    moves = 1
    while moves > 0:
        moves = 0
        for u in order:
            best_mod = 0
            best_com = node2com[u]
            weights2com: defaultdict[int, float] = defaultdict(float)
            for v, w in nbrs[u].items():
                weights2com[node2com[v]] += w
            degree = degrees[u]
            stot[best_com] -= degree
            remove_cost = -weights2com[best_com] / m + resolution * (stot[best_com] * degree) / twice_m2
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / twice_m2
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            stot[best_com] += degree
            if best_com != node2com[u]:
                com = members[u]
                partition[node2com[u]].difference_update(com)
                inner[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner[best_com].add(u)
                improvement = True
                moves += 1
                node2com[u] = best_com
    return [c for c in partition if c], [c for c in inner if c], improvement


def _aggregate(adj: _Adjacency, inner: list[set[int]]) -> _Adjacency:
    """Return the graph of the communities ``inner``: one node each, edges summed, inner edges as a self-loop."""
    node2com = [0] * len(adj)
    for c, members in enumerate(inner):
        for u in members:
            node2com[u] = c
    out: _Adjacency = [{} for _ in inner]
    seen = [False] * len(adj)
    for u, nbrs in enumerate(adj):
        cu = node2com[u]
        for v, w in nbrs.items():
            if seen[v]:
                continue
            cv = node2com[v]
            total = w + out[cu].get(cv, 0)
            out[cu][cv] = total
            out[cv][cu] = total
        seen[u] = True
    return out
