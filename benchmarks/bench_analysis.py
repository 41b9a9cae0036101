"""How long the analysis takes on synthetic stores of 10,000 and 100,000 entities.

    .venv/bin/python benchmarks/bench_analysis.py [ENTITIES ...]

Each store is made of invented articles shaped like real ones: two countries, a few
companies, a person, a platform, an agreement and sometimes an event per article, with
party_to, supplies (with a buyer), develops, partner_of, participant_of and speaker_at
facts; companies and platforms recur across articles. Prints the time of each stage of
``dikg analyse``: the SPARQL projection, collapsing, centrality (betweenness sampled,
k = min(n, 200)), Louvain, and the whole report.
"""

from __future__ import annotations

import random
import sys
import time
from typing import Any

import networkx as nx

from graph.analysis.centrality import centrality
from graph.analysis.projection import collapse_graph, project, simple_undirected
from graph.analysis.report import report_from_graph, report_to_markdown
from graph.countries import countries
from graph.load import store_facts
from graph.models import ArticleFacts
from graph.store import EmbeddedStore


def synthetic_articles(entities: int, seed: int = 1) -> list[tuple[ArticleFacts, str]]:
    """Return invented articles that together name about ``entities`` entities."""
    rng = random.Random(seed)
    names = [c.name for c in countries()[:80]]
    weights = [1 / (i + 1) for i in range(len(names))]
    companies: list[tuple[str, str]] = []
    platforms: list[str] = []
    seen = len(names)
    out = []
    i = 0
    while seen < entities:
        i += 1
        a, b = rng.choices(names, weights, k=2)
        if a == b:
            continue
        ents: dict[str, dict[str, Any]] = {a: {"type": "Country"}, b: {"type": "Country"}}
        rels: list[dict[str, Any]] = []
        firms = []
        for country in (a, b, a):
            if companies and rng.random() < 0.45:
                name, home = rng.choice(companies)
            else:
                name, home = f"Firm {len(companies)} {country}", country
                companies.append((name, home))
                seen += 1
            ents[name] = {"type": "Company", "attributes": {"country": home}}
            ents.setdefault(home, {"type": "Country"})
            firms.append(name)
        if platforms and rng.random() < 0.5:
            platform = rng.choice(platforms)
        else:
            platform = f"Platform {len(platforms)}"
            platforms.append(platform)
            seen += 1
        agreement, person = f"Agreement {i}", f"Person {i}"
        ents[platform] = {"type": "Platform"}
        ents[agreement] = {"type": "Agreement"}
        ents[person] = {"type": "Person", "attributes": {"country": a}}
        seen += 2
        date = f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rels += [
            {"subject": a, "predicate": "party_to", "object": agreement, "qualifiers": {"role": "buyer"}},
            {"subject": b, "predicate": "party_to", "object": agreement, "qualifiers": {"role": "supplier"}},
            {"subject": firms[1], "predicate": "party_to", "object": agreement},
            {"subject": firms[1], "predicate": "supplies", "object": platform,
             "qualifiers": {"buyer": a, "date": date}},
            {"subject": firms[0], "predicate": "develops", "object": platform},
            {"subject": person, "predicate": "signed", "object": agreement, "qualifiers": {"date": date}},
        ]
        if rng.random() < 0.3:
            a, b = sorted((a, b))
            rels.append({"subject": a, "predicate": "partner_of", "object": b})
        if rng.random() < 0.3:
            event = f"Event {i}"
            ents[event] = {"type": "Event"}
            seen += 1
            rels += [{"subject": firm, "predicate": "participant_of", "object": event} for firm in set(firms)]
            rels.append({"subject": person, "predicate": "speaker_at", "object": event})
        for r in rels:
            r.update(confidence=0.9, evidence={"text": f"Sentence about {r['subject']} and {r['object']}.",
                                               "start": 0, "end": 40})
        facts = ArticleFacts.model_validate({
            "url": f"https://synthetic.example/{i}", "date": date, "source": f"Wire {i % 7}",
            "entities": [{"name": n, **e} for n, e in ents.items()], "relations": rels})
        out.append((facts, str(i)))
    return out


def timed(label: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"  {label:<34} {time.perf_counter() - t:7.2f} s", flush=True)
    return result


def main(sizes: list[int]) -> None:
    for size in sizes:
        print(f"{size:,} entities", flush=True)
        articles = timed("generate articles", synthetic_articles, size)
        store = EmbeddedStore(None)
        timed(f"load {len(articles):,} articles", store_facts, store, articles, batch=500)
        start = time.perf_counter()
        g = project(store)
        took_project = time.perf_counter() - start
        report_to_markdown(report_from_graph(g))
        total = time.perf_counter() - start
        print(f"  {'dikg analyse (project + report)':<34} {total:7.2f} s  <- budget 60 s at 100k", flush=True)
        print(f"  graph: {g.number_of_nodes():,} entities, {g.number_of_edges():,} relations; stages:")
        print(f"  {'project (SPARQL -> networkx)':<34} {took_project:7.2f} s")
        actors = timed("collapse", collapse_graph, g)
        simple = timed("undirected simple projection", simple_undirected, actors)
        print(f"  actor graph: {simple.number_of_nodes():,} nodes, {simple.number_of_edges():,} edges")
        cent = timed("centrality (k=min(n,200))", centrality, simple)
        print(f"  betweenness k={cent.k}, seed {cent.seed}")
        timed("Louvain (networkx, seed 42)", nx.community.louvain_communities, simple, weight="weight", seed=42)

if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [10_000, 100_000])
