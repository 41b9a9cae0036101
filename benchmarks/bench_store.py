"""Store throughput, measured: named queries, the mapping-and-load stage, ingest into a SPARQL server.

Run from the project root::

    .venv/bin/python benchmarks/bench_store.py                    # 100k and 1M triples
    .venv/bin/python benchmarks/bench_store.py --sizes 100000 --repeat 5 --timeout 60
    source /tmp/dikg-virtuoso.env; .venv/bin/python benchmarks/bench_store.py --virtuoso

Everything runs on generated articles (invented countries' ties, agreements, events,
people), written as facts JSON files and mapped by dikg itself, so the store holds
exactly what ``dikg load`` would write. Figures printed:

1. each named query (with a frequent country, agreement or entity as parameter) on
   the embedded store at each size: p50 and p95 over ``--repeat`` runs after a warm-up;
   at the smallest size also rdflib's in-memory ``Dataset(default_union=True)`` running
   the same SPARQL text, and the ratio (goal: >= 10x on every query; p50 < 500 ms at 1M);
2. the mapping-and-load stage (``load_files``: read, validate, map, replace) against
   pyoxigraph's ``bulk_load`` of the same quads as N-Quads (goal: >= 50 % of its
   throughput), with a profile of where the time goes;
3. with ``--virtuoso`` (settings from ``DIKG_TEST_VIRTUOSO_*``, as .ci/virtuoso.sh writes
   them): ingest over HTTP in triples/s, Graph Store PUT and SPARQL Update, and the named
   queries' p50 on the server.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing as mp
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.export import to_oxigraph_term
from graph.load import load_files
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts, parse_facts
from graph.queries import named_queries, prepare
from graph.store import EmbeddedStore, Quad, _nt

COUNTRIES = ("Malaysia", "South Korea", "Turkiye", "Indonesia", "Japan", "India", "Australia", "France",
             "Germany", "Poland", "Brazil", "Chile", "Egypt", "Kenya", "Norway", "Spain", "Italy", "Vietnam",
             "Philippines", "Thailand", "Canada", "Mexico", "Peru", "Greece", "Romania", "Sweden", "Finland",
             "Pakistan", "Singapore", "Netherlands")
STATUSES = ("planned", "signed", "expected", "being accelerated", "concluded", "under negotiation", "completed")
AREAS = ("technology transfer", "co-development", "co-production", "training", "maintenance", "joint research")
DOMAINS = ("aerospace", "surveillance", "cyber defence", "naval shipbuilding", "land systems", "munitions")
ROLES = ("Defence Minister", "Chief Executive", "Procurement Director", "Chief of Navy", "Ambassador")
PLATFORMS = ("frigate", "patrol vessel", "trainer aircraft", "armoured vehicle", "radar", "helicopter", "drone")


# -- generated articles ------------------------------------------------------------------


def _weights(n: int) -> list[float]:
    return [1.0 / (i + 1) for i in range(n)]  # Zipf-like: a few countries in many articles


def generate_article(i: int, rng: random.Random) -> dict[str, Any]:
    """Return one invented article's facts as interchange JSON."""
    a, b, c = rng.choices(COUNTRIES, weights=_weights(len(COUNTRIES)), k=3)
    while b == a:
        b = rng.choice(COUNTRIES)
    company = f"Yard {i % 400} Systems"
    partner_company = f"Works {rng.randrange(300)} Industries"
    agreement = f"Agreement {i} ({a}–{b})"
    event = f"Defence Forum {i}"
    person = f"Person {i} {rng.choice(('Tan', 'Lee', 'Silva', 'Novak', 'Khan'))}"
    platform = f"{rng.choice(('Harbour', 'Ridge', 'Falcon', 'Tide'))}-{i % 50} {rng.choice(PLATFORMS)}"
    year = 2015 + i % 11
    date = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
    pos = 0

    def ev(text: str) -> dict[str, Any]:
        nonlocal pos
        start = pos
        pos += len(text) + 1
        return {"text": text, "start": start, "end": start + len(text)}

    entities = [
        {"name": a, "type": "Country"}, {"name": b, "type": "Country"},
        {"name": company, "type": "Company", "aliases": [company.split()[0] + " " + company.split()[1]],
         "attributes": {"country": a}},
        {"name": partner_company, "type": "Company", "attributes": {"country": b}},
        {"name": agreement, "type": "Agreement", "attributes": {"agreement_type": "procurement agreement"}},
        {"name": event, "type": "Event", "attributes": {"event_type": "seminar", "edition": i % 7 + 1}},
        {"name": person, "type": "Person", "attributes": {"role": rng.choice(ROLES)}},
        {"name": platform, "type": "Platform", "attributes": {"category": platform.split(" ", 1)[1]}},
    ]
    if c not in (a, b):
        entities.append({"name": c, "type": "Country"})
    rel = [
        {"subject": a, "predicate": "partner_of", "object": b,
         "qualifiers": {"level": "strategic partnership", "status": rng.choice(STATUSES), "since": str(year - 1)},
         "evidence": ev(f"{a} and {b} agreed to deepen their partnership."), "confidence": 0.9},
        {"subject": a, "predicate": "party_to", "object": agreement,
         "qualifiers": {"role": "buyer", "status": rng.choice(STATUSES), "date": date},
         "evidence": ev(f"{a} signed the agreement."), "confidence": 0.8},
        {"subject": b, "predicate": "party_to", "object": agreement,
         "qualifiers": {"role": "supplier", "ordinal": rng.randrange(1, 4), "ordinal_scope": "procurement partner",
                        **({"after": [c]} if c not in (a, b) else {})},
         "evidence": ev(f"{b} becomes a supplier under the agreement."), "confidence": 0.7},
        {"subject": agreement, "predicate": "has_status", "object": rng.choice(STATUSES),
         "qualifiers": {"expected_date": f"{year + 1}-{rng.randrange(1, 13):02d}", "by": a},
         "evidence": ev("Approval is expected next year."), "confidence": 0.6},
        {"subject": agreement, "predicate": "has_value", "object": f"{rng.randrange(10, 900)} million USD",
         "qualifiers": {"approximate": True}, "evidence": ev("The deal is worth about that much.")},
        {"subject": partner_company, "predicate": "supplies", "object": platform,
         "qualifiers": {"buyer": a, "quantity": rng.randrange(1, 12), "date": date,
                        "value": f"{rng.randrange(5, 500)} million USD"},
         "evidence": ev(f"{partner_company} will deliver the {platform}."), "confidence": 0.85},
        {"subject": person, "predicate": "holds_role", "object": a,
         "qualifiers": {"role": rng.choice(ROLES)}, "evidence": ev(f"{person} spoke for {a}.")},
        {"subject": person, "predicate": "speaker_at", "object": event,
         "qualifiers": {"role": "keynote address"}, "evidence": ev(f"{person} gave the keynote.")},
        {"subject": a, "predicate": "participant_of", "object": event, "evidence": ev(f"{a} attended.")},
        {"subject": b, "predicate": "participant_of", "object": event, "evidence": ev(f"{b} attended.")},
        {"subject": event, "predicate": "has_participant_count", "object": rng.randrange(40, 400),
         "qualifiers": {"approximate": True, "unit": "participants"}, "evidence": ev("About that many came.")},
        {"subject": event, "predicate": "held_in", "object": a, "qualifiers": {"date": date},
         "evidence": ev(f"The forum was held in {a}.")},
        {"subject": a, "predicate": "has_cooperation_area", "object": rng.choice(AREAS),
         "qualifiers": {"partner": b}, "evidence": ev("They will cooperate.")},
        {"subject": b, "predicate": "has_capability_domain", "object": rng.choice(DOMAINS),
         "evidence": ev(f"{b} is strong in this domain.")},
        {"subject": company, "predicate": "located_in", "object": a, "evidence": ev(f"{company} is based in {a}.")},
    ]
    return {"url": f"https://news.example/{year}/{i}", "date": date, "source": f"Wire {i % 9}",
            "title": f"{a} and {b} sign agreement {i}", "entities": entities, "relations": rel}


def generate(n_triples: int, seed: int = 7) -> Iterator[tuple[dict[str, Any], ArticleFacts, list[Quad]]]:
    """Yield (json, facts, quads) per generated article until ``n_triples`` quads are reached."""
    rng = random.Random(seed)
    total, i = 0, 0
    while total < n_triples:
        data = generate_article(i, rng)
        facts = parse_facts(data, f"article {i}")
        quads = facts_to_quads(facts, f"article-{i}")
        total += len(quads)
        i += 1
        yield data, facts, quads


def nquads(quads: list[Quad]) -> bytes:
    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} <{g}> .\n" for s, p, o, g in quads).encode("utf-8")


# -- measuring ---------------------------------------------------------------------------


def percentiles(times: list[float]) -> tuple[float, float]:
    """Return (p50, p95) of ``times`` in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def query_texts(store: Any) -> dict[str, str]:
    """Return each named query's SPARQL with a frequent entity bound to its parameters."""
    country = COUNTRIES[0]
    agreement = store.query(
        "PREFIX dikg: <https://w3id.org/dikg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?n WHERE { ?a a dikg:Agreement ; skos:prefLabel ?n } ORDER BY ?n LIMIT 1").rows[0]["n"]
    values = {"country": country, "entity": country, "organisation": country, "agreement": str(agreement)}
    out = {}
    for name, q in named_queries().items():
        params = {p.name: values[p.name] for p in q.params if p.name in values and p.kind == "entity"}
        out[name] = prepare(store, q, params)
    return out


def _query_worker(conn: Connection, engine: str, path: str) -> None:
    """Open a store (``oxigraph``: the embedded store read-only; ``rdflib``: N-Quads in memory), run queries."""
    if engine == "rdflib":
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        ds.parse(path, format="nquads")
        run: Callable[[str], int] = lambda q: len(list(ds.query(q)))  # noqa: E731
    else:
        st = EmbeddedStore(path, read_only=True)
        run = lambda q: len(st.query(q).rows)  # noqa: E731
    conn.send("ready")
    while True:
        sparql = conn.recv()
        if sparql is None:
            return
        start = time.perf_counter()
        try:
            rows: int | str = run(sparql)
        except Exception as err:  # rdflib's evaluator fails on some valid queries
            conn.send((None, f"{type(err).__name__}: {err}"))
            continue
        conn.send((time.perf_counter() - start, rows))


def engine_times(engine: str, path: Path, texts: dict[str, str], repeat: int, timeout: float) -> dict[str, Any]:
    """Time each query ``repeat`` times after a warm-up, in a child process killed after ``timeout`` s.

    A query slower than 10 s is run once. Returns per query: times (s), rows, error.
    """
    ctx = mp.get_context("spawn")
    out: dict[str, Any] = {}
    proc: Any = None
    conn: Any = None

    def start() -> None:
        nonlocal proc, conn
        conn, child = ctx.Pipe()
        proc = ctx.Process(target=_query_worker, args=(child, engine, str(path)), daemon=True)
        proc.start()
        if not conn.poll(900) or conn.recv() != "ready":
            raise RuntimeError(f"{engine} could not open the store")

    start()
    for name, sparql in texts.items():
        times: list[float] = []
        rows: int | str | None = None
        for i in range(repeat + 1):
            conn.send(sparql)
            if not conn.poll(timeout):
                proc.kill()
                proc.join()
                times = []
                start()
                break
            seconds, rows = conn.recv()
            if seconds is None:
                break
            if i or seconds > 10:  # the first run warms up, unless it was slow anyway
                times.append(seconds)
            if seconds > 10:
                break
        failed = isinstance(rows, str)
        out[name] = {"times": times, "rows": rows, "error": rows if failed else None}
        if times:
            p50, p95 = percentiles(times)
            shown = f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {rows} rows"
        else:
            shown = f"error: {rows}" if failed else f"> {timeout:g} s (stopped)"
        print(f"  {engine} {name}: {shown}", flush=True)
    conn.send(None)
    proc.join(10)
    return out


def bench_queries(sizes: list[int], repeat: int, timeout: float, work: Path, with_rdflib: bool) -> dict:
    import pyoxigraph as ox

    results: dict[str, Any] = {}
    for n in sizes:
        print(f"\n== named queries on {n:,} triples", flush=True)
        quads: list[Quad] = []
        articles = 0
        for _, _, q in generate(n):
            quads.extend(q)
            articles += 1
        nq = work / f"store-{n}.nq"
        nq.write_bytes(nquads(quads))
        path = work / f"store-{n}"
        st = EmbeddedStore(path)
        t_load, _ = timed(lambda: st.oxigraph.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS))  # noqa: B023
        texts = query_texts(st)
        st.close()
        print(f"  {articles} articles, {len(quads):,} quads; bulk_load {t_load:.1f} s", flush=True)
        size_res: dict[str, Any] = {"triples": len(quads), "articles": articles, "queries": {}}
        for name, r in engine_times("oxigraph", path, texts, repeat, timeout).items():
            q = size_res["queries"][name] = {"rows": r["rows"]}
            q["p50_ms"], q["p95_ms"] = percentiles(r["times"]) if r["times"] else (None, None)
        if with_rdflib and n == min(sizes):
            for name, r in engine_times("rdflib", nq, texts, max(1, repeat // 3), timeout).items():
                q = size_res["queries"][name]
                q["rdflib_rows"] = r["rows"]
                q["rdflib_p50_ms"] = statistics.median(r["times"]) * 1000 if r["times"] else None
                if r["error"]:
                    q["ratio"] = "rdflib error"
                elif q["p50_ms"] is None:
                    q["ratio"] = None
                elif q["rdflib_p50_ms"] is None:
                    q["ratio"] = f"> {timeout * 1000 / q['p50_ms']:.0f}"
                else:
                    q["ratio"] = q["rdflib_p50_ms"] / q["p50_ms"]
        results[str(n)] = size_res
    return results


def bench_load(n_triples: int, work: Path) -> dict[str, Any]:
    """Time load_files on generated facts files against bulk_load of the same quads."""
    import pyoxigraph as ox

    print(f"\n== mapping-and-load of {n_triples:,} triples", flush=True)
    folder = work / "facts"
    folder.mkdir(exist_ok=True)
    quads: list[Quad] = []
    files = []
    for i, (data, _, q) in enumerate(generate(n_triples, seed=11)):
        f = folder / f"a{i:05d}.json"
        f.write_text(json.dumps(data), encoding="utf-8")
        files.append(f)
        quads.extend(q)
    blob = nquads(quads)
    raw_store = ox.Store(str(work / "raw"))
    t_raw, _ = timed(lambda: raw_store.bulk_load(blob, format=ox.RdfFormat.N_QUADS))
    dikg_store = EmbeddedStore(work / "dikg")
    t_dikg, report = timed(lambda: load_files(dikg_store, files))
    assert report.ok and report.triples == len(quads), report.failures[:3]
    assert len(raw_store) == len(dikg_store.oxigraph)
    # where the time goes: the stages of load_files, each alone
    from graph.models import read_facts
    from graph.store import update_for

    t_read, facts = timed(lambda: [read_facts(f) for f in files])
    t_map, mapped = timed(lambda: [facts_to_quads(x, f.name) for x, f in zip(facts, files, strict=True)])
    graphs = {m[0][3]: m for m in mapped}
    t_update_text, _ = timed(lambda: [update_for({g: q}) for g, q in graphs.items()])
    scratch = EmbeddedStore(work / "scratch")
    t_replace, _ = timed(lambda: [scratch.replace_articles({g: q}) for g, q in graphs.items()])
    ext_store = ox.Store(str(work / "extend"))

    def extend() -> None:
        for g, q in graphs.items():
            node = ox.NamedNode(str(g))
            if ext_store.contains_named_graph(node):
                ext_store.remove_graph(node)
            ext_store.extend([ox.Quad(*map(to_oxigraph_term, (s, p, o)), node) for s, p, o, _ in q])

    t_extend, _ = timed(extend)
    prof = cProfile.Profile()
    prof.enable()
    for x, f in zip(facts[:200], files[:200], strict=True):
        facts_to_quads(x, f.name)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(8)
    out = {
        "triples": len(quads), "files": len(files),
        "raw_bulk_load_s": t_raw, "raw_triples_per_s": len(quads) / t_raw,
        "load_files_s": t_dikg, "load_files_triples_per_s": len(quads) / t_dikg,
        "fraction_of_raw": t_raw / t_dikg,
        "stages_s": {"read_and_validate": t_read, "facts_to_quads": t_map, "update_text": t_update_text,
                     "replace_articles": t_replace, "alternative_extend_per_graph": t_extend},
    }
    print(f"  raw bulk_load: {t_raw:.2f} s ({len(quads) / t_raw:,.0f} triples/s)")
    print(f"  load_files:    {t_dikg:.2f} s ({len(quads) / t_dikg:,.0f} triples/s) = "
          f"{100 * t_raw / t_dikg:.1f} % of raw")
    print("  stages alone: " + ", ".join(f"{k} {v:.2f} s" for k, v in out["stages_s"].items()))
    print("  facts_to_quads profile (200 articles, by own time):")
    print("\n".join("    " + line for line in buf.getvalue().splitlines()[6:20] if line.strip()))
    return out


def bench_virtuoso(n_triples: int, repeat: int) -> dict[str, Any]:
    """Ingest generated articles into the test Virtuoso (GSP and Update) and time the named queries."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.virtuoso_backend import make_store

    print(f"\n== Virtuoso: ingest {n_triples:,} triples over HTTP", flush=True)
    graphs = {q[0][3]: q for _, _, q in generate(n_triples, seed=5)}
    total = sum(len(q) for q in graphs.values())
    out: dict[str, Any] = {"triples": total, "articles": len(graphs)}
    for mode in ("update", "gsp"):
        st = make_store(write_mode=mode)
        st.clear()
        dt, _ = timed(lambda: st.replace_articles(graphs))  # noqa: B023
        out[f"{mode}_triples_per_s"] = total / dt
        print(f"  {mode}: {dt:.1f} s, {total / dt:,.0f} triples/s ({len(graphs)} requests)", flush=True)
    dt, _ = timed(lambda: st.replace_articles(graphs))
    print(f"  gsp again (replacing every graph): {total / dt:,.0f} triples/s", flush=True)
    texts = query_texts(st)
    out["queries"] = {}
    from graph.errors import StoreError

    for name, sparql in texts.items():
        try:
            st.query(sparql, timeout=60)
            times = [timed(lambda: st.query(sparql, timeout=60))[0] for _ in range(repeat)]  # noqa: B023
        except StoreError as err:  # a timeout, or the server's row limit
            out["queries"][name] = {"error": str(err)}
            print(f"  virtuoso {name}: {type(err).__name__}: {str(err)[:120]}", flush=True)
            continue
        p50, p95 = percentiles(times)
        out["queries"][name] = {"p50_ms": p50, "p95_ms": p95}
        print(f"  virtuoso {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)
    st.clear()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=9, help="timed runs per query (after one warm-up)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before one query run is stopped")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--load-triples", type=int, default=100_000)
    ap.add_argument("--virtuoso", action="store_true", help="also ingest into the DIKG_TEST_VIRTUOSO_* server")
    ap.add_argument("--skip", nargs="*", default=[], choices=["queries", "load"])
    ap.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = ap.parse_args(argv)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="dikg-bench-") as tmp:
        work = Path(tmp)
        if "load" not in args.skip:
            (work / "load").mkdir()
            figures["load"] = bench_load(args.load_triples, work / "load")
        if "queries" not in args.skip:
            figures["queries"] = bench_queries(sorted(args.sizes), args.repeat, args.timeout, work,
                                               not args.no_rdflib)
        if args.virtuoso:
            if not os.environ.get("DIKG_TEST_VIRTUOSO_URL"):
                sys.exit("--virtuoso needs DIKG_TEST_VIRTUOSO_URL (source the env file .ci/virtuoso.sh writes)")
            figures["virtuoso"] = bench_virtuoso(args.load_triples, max(3, args.repeat // 2))
    if "queries" in figures:
        print("\n== summary: p50 ms (p95 ms); ratio = rdflib p50 / oxigraph p50 on the smallest store")
        sizes = list(figures["queries"])
        print("query".ljust(12) + "".join(f"{int(s):>22,}" for s in sizes) + "   rdflib p50    ratio")
        for name in named_queries():
            line = name.ljust(12)
            for s in sizes:
                q = figures["queries"][s]["queries"][name]
                line += (f"{q['p50_ms']:>12.1f} ({q['p95_ms']:>7.1f})" if q["p50_ms"] is not None
                         else f"{'stopped':>22}")
            q0 = figures["queries"][sizes[0]]["queries"][name]
            rd = q0.get("rdflib_p50_ms")
            ratio = q0.get("ratio")
            line += (f"{rd:>12.0f}" if isinstance(rd, float) else " " * 12) + \
                (f"{ratio:>8.0f}x" if isinstance(ratio, float) else f"  {ratio}" if ratio else "")
            print(line)
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
