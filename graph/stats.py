"""Counts that describe a store: articles, entities by type, facts by kind, triples."""

from __future__ import annotations

from dataclasses import dataclass, field

from .queries import prefix_block
from .store import Store
from .vocab import PROPERTY_PREDICATE

__all__ = ["StoreStats", "store_stats"]


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
    s.triples = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
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
