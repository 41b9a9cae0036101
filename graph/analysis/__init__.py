"""Analysis of the graph: the store projected into networkx, centrality, communities, partners, paths.

Everything here is rebuilt from the store through SPARQL; nothing is cached.
"""

from __future__ import annotations

from .centrality import BETWEENNESS_SAMPLES, SEED, Centrality, centrality, sampled_betweenness
from .communities import louvain
from .paths import Chain, Step, find_paths, paths_between, resolve
from .projection import collapse_graph, project, simple_undirected
from .report import REPORT_FORMATS, Report, analyse, md_escape, report_from_graph

__all__ = [
    "BETWEENNESS_SAMPLES",
    "REPORT_FORMATS",
    "SEED",
    "Centrality",
    "Chain",
    "Report",
    "Step",
    "analyse",
    "centrality",
    "collapse_graph",
    "find_paths",
    "louvain",
    "md_escape",
    "paths_between",
    "project",
    "report_from_graph",
    "resolve",
    "sampled_betweenness",
    "simple_undirected",
]
