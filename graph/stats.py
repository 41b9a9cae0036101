"""Counts that describe a store: articles, entities by type, facts by kind, triples.

Triples are counted in dikg's article graphs only (their IRIs start with
:data:`ARTICLE_GRAPHS`): a SPARQL server's graphs of its own (Virtuoso's system graphs)
and the embedded store's default-graph copy are not dikg's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .iri import article_iri
from .queries import prefix_block
from .store import Store
from .vocab import PROPERTY_PREDICATE

__all__ = ["ARTICLE_GRAPHS", "StoreStats", "store_stats"]

#: what the IRI of every article graph dikg writes starts with
ARTICLE_GRAPHS = article_iri("").rsplit("/", 1)[0] + "/"


@dataclass
class StoreStats:
    """What a store holds."""

    articles: int = 0
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "triples": self.triples, "entities": self.entities, "facts": self.facts}


def _count(store: Store, sparql: str) -> int:
    rows = store.query(prefix_block() + sparql).rows
    return int(rows[0]["n"]) if rows and "n" in rows[0] else 0  # type: ignore[call-overload]


def store_stats(store: Store) -> StoreStats:
    """Count articles, entities by type, facts by predicate and quads."""
    s = StoreStats()
    s.articles = _count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dikg:Article }")
    # per graph, then summed here: one row per graph is cheaper than a string test per quad
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows:
        if str(row["g"]).startswith(ARTICLE_GRAPHS):
            s.triples += int(row["n"])  # type: ignore[call-overload]
    types = "dikg:Country dikg:GovernmentAgency dikg:ArmedForce dikg:Company dikg:Organisation dikg:Person " \
            "dikg:Event dikg:Agreement dikg:Platform"
    for row in store.query(prefix_block() + f"""
        SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }} GROUP BY ?t ORDER BY ?t
    """).rows:
        s.entities[str(row["t"]).rsplit("#", 1)[-1]] = int(row["n"])  # type: ignore[call-overload]
    for row in store.query(prefix_block() + """
        SELECT ?p (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f dikg:predicate ?p } GROUP BY ?p
    """).rows:
        s.facts[PROPERTY_PREDICATE.get(row["p"], str(row["p"]))] = int(row["n"])  # type: ignore[arg-type, call-overload]
    s.facts = dict(sorted(s.facts.items(), key=lambda kv: (-kv[1], kv[0])))
    return s
