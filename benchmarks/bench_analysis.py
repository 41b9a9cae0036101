"""How long the analysis takes on synthetic stores of 10,000 and 100,000 entities.

    .venv/bin/python benchmarks/bench_analysis.py [--cache DIR] [--repeat N] [--profile] [ENTITIES ...]

Each store is made of invented articles shaped like real ones: two countries, a few
companies, a person, a platform, an agreement and sometimes an event per article, with
party_to, supplies (with a buyer), develops, partner_of, participant_of and speaker_at
facts; companies and platforms recur across articles. Prints the time of each stage of
``dikg analyse`` as a whole (its report rendered as Markdown), then each stage as the
report runs it: the SPARQL projection, collapsing, the simple undirected actor graph,
centrality (betweenness sampled, k = min(n, 200)), Louvain, and the report on the
projection (every stage but the projection, plus partners, ties and years).

Building the 100,000-entity store takes minutes; with ``--cache DIR`` each store is kept
on disk as ``DIR/<entities>`` and reused by later runs (delete it after changing the
generator or the store format). Without it the store is built in memory. ``--profile``
prints the costliest functions of ``dikg analyse`` (cProfile, cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import time
from pathlib import Path
from typing import Any

from graph.analysis.centrality import BETWEENNESS_SAMPLES, SEED, centrality
from graph.analysis.projection import _gc_paused, collapse_graph, project, simple_undirected
from graph.analysis.report import _communities, analyse, report_from_graph, report_to_markdown
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


def open_synthetic(size: int, cache: Path | None) -> EmbeddedStore:
    """Return a store of about ``size`` entities: built now, or reused from ``cache``."""
    where = cache / str(size) if cache else None
    if where is not None and (where / "ready").exists():
        print(f"  reusing the store in {where}", flush=True)
        return EmbeddedStore(where)
    articles = timed("generate articles", synthetic_articles, size)
    store = EmbeddedStore(where)
    timed(f"load {len(articles):,} articles", store_facts, store, articles, batch=500)
    if where is not None:
        store.flush()
        (where / "ready").touch()
    return store


def main(sizes: list[int], cache: Path | None = None, profile: bool = False, repeat: int = 1) -> None:
    for size in sizes:
        print(f"{size:,} entities", flush=True)
        store = open_synthetic(size, cache)
        print(f"  store: {'on disk, ' + store.location if cache else 'in memory'}")
        profiler = cProfile.Profile() if profile else None
        runs = []
        for _ in range(repeat):
            gc.collect()
            if profiler:
                profiler.enable()
            start = time.perf_counter()
            report_to_markdown(analyse(store))
            runs.append(time.perf_counter() - start)
            if profiler:
                profiler.disable()
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
        best = f" (best of {', '.join(f'{r:.2f}' for r in runs)})" if repeat > 1 else ""
        print(f"  {'dikg analyse (project + report)':<34} {min(runs):7.2f} s{best}  <- budget 60 s at 100k", flush=True)
        print("  stages, as the report runs them (cyclic GC paused):")
        gc.collect()
        with _gc_paused():
            g = timed("project (SPARQL -> networkx)", project, store)
            print(f"  graph: {g.number_of_nodes():,} entities, {g.number_of_edges():,} relations")
            actors = timed("collapse", collapse_graph, g)
            simple = timed("undirected simple projection", simple_undirected, actors)
            print(f"  actor graph: {simple.number_of_nodes():,} actors, {simple.number_of_edges():,} ties")
            cent = timed(f"centrality (k=min(n,{BETWEENNESS_SAMPLES}))", centrality, simple)
            print(f"  betweenness k={cent.k}, seed {cent.seed}")
            timed(f"Louvain (seed {SEED})", _communities, actors, simple, cent, SEED)
            timed("report on the projection (all but project)", report_from_graph, g)
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000], metavar="ENTITIES")
    parser.add_argument("--cache", type=Path, help="keep each synthetic store in DIR/<entities> and reuse it")
    parser.add_argument("--profile", action="store_true", help="profile dikg analyse with cProfile")
    parser.add_argument("--repeat", type=int, default=1, help="run dikg analyse N times and keep the best")
    args = parser.parse_args()
    main(args.sizes, args.cache, args.profile, args.repeat)
