"""Store throughput, measured: named queries, the mapping-and-load stage, ingest, ingest into a SPARQL server.

Run from the project root::

    .venv/bin/python benchmarks/bench_store.py                    # everything, 100k and 1M triples
    .venv/bin/python benchmarks/bench_store.py --sizes 100000 --repeat 5 --timeout 60 --skip ingest
    .venv/bin/python benchmarks/bench_store.py --skip queries load --ingest-articles 2000
    source /tmp/dikg-virtuoso.env; .venv/bin/python benchmarks/bench_store.py --virtuoso

Queries and loads run on generated articles (invented countries' ties, agreements,
events, people), written as facts JSON files and mapped by dikg itself, so the store
holds exactly what ``dikg load`` would write: each article's named graph and the
default-graph copy of their triples. Figures printed:

1. each named query (with a frequent country, agreement or entity as parameter) on
   the embedded store at each size: p50 and p95 over ``--repeat`` runs after a warm-up;
   at the smallest size also rdflib's in-memory ``Dataset(default_union=True)`` running
   the same SPARQL text, and the ratio (goal: >= 10x on every query; p50 < 500 ms at 1M);
   with ``--compare-union`` also the layout of earlier dikg versions at the smallest size
   (named graphs only, queried over their union), each query run once;
2. the mapping-and-load stage (``load_files``: read, validate, map, write in batches)
   against pyoxigraph's ``bulk_load`` of (a) exactly the quads dikg writes — the named
   graphs plus the default-graph copy — and (b) the named graphs' quads alone (goal:
   >= 50 % of bulk_load's throughput), each the median of ``--load-repeat`` interleaved
   runs, with the time of each stage alone;
3. ``dikg ingest`` of ``--ingest-articles`` articles of ``benchmarks/corpus.py`` with
   ``--jobs 1`` and ``2``: the command as a user runs it (articles/s, the peak memory of
   its largest process), then the same ingest in a child process that times its store
   writes, for the split of the time between extraction and the store (goal: >= 100
   articles/s on 2 cores);
4. with ``--virtuoso`` (settings from ``DIKG_TEST_VIRTUOSO_*``, as .ci/virtuoso.sh writes
   them): ingest over HTTP in triples/s, Graph Store PUT and SPARQL Update, and the named
   queries' p50 on the server.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import URIRef

from graph.load import STORE_BATCH, load_files, map_article
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts, parse_facts, read_facts
from graph.queries import named_queries, prepare
from graph.store import EmbeddedStore, Quad, dataset_nquads, ntriples, statement

ROOT = Path(__file__).resolve().parent.parent

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
        {"subject": person, "predicate": "holds_role", "object": rng.choice(ROLES),
         "qualifiers": {"organisation": a}, "evidence": ev(f"{person} spoke for {a}.")},
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
    for r in rel:  # as the extractor writes them: every fact with its confidence, extractor and version
        r.setdefault("confidence", 0.75)
        r["extractor"], r["extractor_version"] = "dikg-rules", "0.1.0"
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
    """Return the quads as N-Quads: the article graphs alone."""
    return "".join(f"{statement(s, p, o)} <{g}> .\n" for s, p, o, g in quads).encode("utf-8")


def written_nquads(quads: list[Quad]) -> bytes:
    """Return what dikg writes for these quads: the article graphs and the default-graph copy of their triples."""
    graphs: dict[URIRef, list[str]] = {}
    for s, p, o, g in quads:
        graphs.setdefault(g, []).append(statement(s, p, o))
    return dataset_nquads({str(g): ntriples(ts) for g, ts in graphs.items()})


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


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


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
    """Open a store and run the queries sent: ``oxigraph`` (the embedded store, read-only; a store
    of the earlier layout is queried over the union of its named graphs) or ``rdflib`` (N-Quads in memory)."""
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


def engine_times(engine: str, path: Path, texts: dict[str, str], repeat: int, timeout: float,
                 label: str | None = None) -> dict[str, Any]:
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
        print(f"  {label or engine} {name}: {shown}", flush=True)
    conn.send(None)
    proc.join(10)
    return out


def _ratio(theirs: dict[str, Any], ours: dict[str, Any], timeout: float) -> float | str | None:
    if theirs["error"]:
        return "error"
    if ours["p50_ms"] is None:
        return None
    if not theirs["times"]:
        return f"> {timeout * 1000 / ours['p50_ms']:.0f}"
    return float(statistics.median(theirs["times"]) * 1000 / ours["p50_ms"])


def _bulk_load(path: Path, blob: bytes) -> tuple[float, int]:
    """Bulk-load N-Quads into a new store at ``path`` and close it; return the seconds and the quads stored."""
    import pyoxigraph as ox

    raw = ox.Store(str(path))
    seconds, _ = timed(lambda: raw.bulk_load(blob, format=ox.RdfFormat.N_QUADS))
    return seconds, len(raw)


def _dikg_write(path: Path, quads: list[Quad]) -> tuple[float, int]:
    """Write the quads into a new store at ``path`` as ``dikg load`` does and close it; return seconds, quads stored.

    The store is the one a user queries: batches of :data:`STORE_BATCH` articles, then the
    compaction that closing a store after new articles does. A store bulk-loaded by
    pyoxigraph and never compacted answers the same queries up to a third slower.
    """
    graphs: dict[URIRef, list[Quad]] = {}
    for q in quads:
        graphs.setdefault(q[3], []).append(q)
    names = list(graphs)

    def write() -> int:
        st = EmbeddedStore(path)
        for i in range(0, len(names), STORE_BATCH):
            st.replace_articles({g: graphs[g] for g in names[i:i + STORE_BATCH]})
        stored = len(st.oxigraph)
        st.close()
        return stored

    seconds, stored = timed(write)
    return seconds, stored


def bench_queries(sizes: list[int], repeat: int, timeout: float, work: Path, with_rdflib: bool,
                  compare_union: bool) -> dict:

    results: dict[str, Any] = {}
    for n in sizes:
        print(f"\n== named queries on {n:,} triples ({load_average()})", flush=True)
        quads: list[Quad] = []
        articles = 0
        for _, _, q in generate(n):
            quads.extend(q)
            articles += 1
        nq = work / f"store-{n}.nq"
        nq.write_bytes(nquads(quads))
        path = work / f"store-{n}"
        t_write, written = _dikg_write(path, quads)
        st = EmbeddedStore(path)
        texts = query_texts(st)
        st.close()
        print(f"  {articles} articles, {len(quads):,} quads in article graphs, {written:,} with the default-graph "
              f"copy; written by dikg's store writer in {t_write:.1f} s", flush=True)
        size_res: dict[str, Any] = {"triples": len(quads), "stored_quads": written, "articles": articles,
                                    "queries": {}}
        for name, r in engine_times("oxigraph", path, texts, repeat, timeout).items():
            q = size_res["queries"][name] = {"rows": r["rows"]}
            q["p50_ms"], q["p95_ms"] = percentiles(r["times"]) if r["times"] else (None, None)
        if n == min(sizes):
            if with_rdflib:
                for name, r in engine_times("rdflib", nq, texts, max(1, repeat // 3), timeout).items():
                    q = size_res["queries"][name]
                    q["rdflib_rows"] = r["rows"]
                    q["rdflib_p50_ms"] = statistics.median(r["times"]) * 1000 if r["times"] else None
                    q["ratio"] = _ratio(r, q, timeout)
            if compare_union:
                old = work / f"store-{n}-union"
                _bulk_load(old, nquads(quads))
                for name, r in engine_times("oxigraph", old, texts, 0, timeout, label="union (earlier layout)").items():
                    q = size_res["queries"][name]
                    q["union_ms"] = r["times"][0] * 1000 if r["times"] else None
                    q["union_ratio"] = _ratio(r, q, timeout)
        results[str(n)] = size_res
    return results


def bench_load(n_triples: int, work: Path, repeat: int) -> dict[str, Any]:
    """Time load_files on generated facts files against bulk_load of the same quads, ``repeat`` times interleaved."""
    import pyoxigraph as ox

    print(f"\n== mapping-and-load of {n_triples:,} triples ({load_average()})", flush=True)
    folder = work / "facts"
    folder.mkdir(exist_ok=True)
    quads: list[Quad] = []
    files = []
    for i, (data, _, q) in enumerate(generate(n_triples, seed=11)):
        f = folder / f"a{i:05d}.json"
        f.write_text(json.dumps(data), encoding="utf-8")
        files.append(f)
        quads.extend(q)
    named_blob, written_blob = nquads(quads), written_nquads(quads)
    runs: dict[str, list[float]] = {"bulk_load_written": [], "bulk_load_named": [], "load_files": []}
    written = 0
    for r in range(repeat):
        raw = ox.Store(str(work / f"raw-written-{r}"))
        runs["bulk_load_written"].append(timed(lambda: raw.bulk_load(written_blob, format=ox.RdfFormat.N_QUADS))[0])  # noqa: B023
        named = ox.Store(str(work / f"raw-named-{r}"))
        runs["bulk_load_named"].append(timed(lambda: named.bulk_load(named_blob, format=ox.RdfFormat.N_QUADS))[0])  # noqa: B023
        dikg = EmbeddedStore(work / f"dikg-{r}")
        seconds, report = timed(lambda: load_files(dikg, files))  # noqa: B023
        runs["load_files"].append(seconds)
        assert report.ok and report.triples == len(quads), report.failures[:3]
        written = len(raw)
        assert len(dikg.oxigraph) == written, (len(dikg.oxigraph), written)
        print(f"  run {r + 1}: bulk_load written {runs['bulk_load_written'][-1]:.2f} s, named "
              f"{runs['bulk_load_named'][-1]:.2f} s; load_files {seconds:.2f} s", flush=True)
    t = {k: statistics.median(v) for k, v in runs.items()}
    # where the time goes: the stages of load_files, each alone
    t_read, facts = timed(lambda: [read_facts(f) for f in files])
    t_map, mapped = timed(lambda: [map_article(x, str(f)) for x, f in zip(facts, files, strict=True)])
    batches = [mapped[i:i + STORE_BATCH] for i in range(0, len(mapped), STORE_BATCH)]
    scratch = EmbeddedStore(work / "scratch")
    t_new, _ = timed(lambda: [scratch.replace_ntriples({m.graph: m.triples for m in b}) for b in batches])  # type: ignore[misc]
    t_again, _ = timed(lambda: [scratch.replace_ntriples({m.graph: m.triples for m in b}) for b in batches])  # type: ignore[misc]
    t_facts_to_quads, _ = timed(lambda: [facts_to_quads(x, f.stem) for x, f in zip(facts, files, strict=True)])
    out = {
        "triples": len(quads), "written_quads": written, "files": len(files), "repeat": repeat, "runs_s": runs,
        "bulk_load_written_s": t["bulk_load_written"], "bulk_load_named_s": t["bulk_load_named"],
        "load_files_s": t["load_files"], "load_files_triples_per_s": len(quads) / t["load_files"],
        "fraction_of_bulk_load_written": statistics.median(
            w / d for w, d in zip(runs["bulk_load_written"], runs["load_files"], strict=True)),
        "fraction_of_bulk_load_named": statistics.median(
            w / d for w, d in zip(runs["bulk_load_named"], runs["load_files"], strict=True)),
        "stages_s": {"read_and_validate": t_read, "map (facts_to_quads + N-Triples text)": t_map,
                     "of which facts_to_quads": t_facts_to_quads, "write new articles": t_new,
                     "write again (replacing every article)": t_again},
    }
    print(f"  {len(files)} articles, {len(quads):,} quads in article graphs; dikg writes {written:,} quads "
          f"(with the default-graph copy)")
    print(f"  bulk_load of what dikg writes: {t['bulk_load_written']:.2f} s "
          f"({written / t['bulk_load_written']:,.0f} quads/s)")
    print(f"  bulk_load of the named graphs alone: {t['bulk_load_named']:.2f} s "
          f"({len(quads) / t['bulk_load_named']:,.0f} quads/s)")
    print(f"  load_files: {t['load_files']:.2f} s ({len(quads) / t['load_files']:,.0f} article triples/s) = "
          f"{100 * out['fraction_of_bulk_load_written']:.0f} % of bulk_load of the same quads, "
          f"{100 * out['fraction_of_bulk_load_named']:.0f} % of bulk_load of the named graphs alone "
          f"(medians of {repeat} runs)")
    print("  stages alone: " + ", ".join(f"{k} {v:.2f} s" for k, v in out["stages_s"].items()))
    return out


def _ingest_child(conn: Connection, corpus: str, store: str, jobs: int) -> None:
    """Ingest ``corpus`` in this process, timing the store's writes; send the figures back.

    The writes run in a thread of their own beside reading, extraction and mapping, so
    their time is how long that thread was busy, not a share of the total.
    """
    from graph.pipeline import ingest

    st = EmbeddedStore(store)
    real = st.replace_ntriples
    spent = [0.0]

    def counted(graphs: Any) -> None:
        start = time.perf_counter()
        real(graphs)
        spent[0] += time.perf_counter() - start

    st.replace_ntriples = counted  # type: ignore[method-assign]
    seconds, report = timed(lambda: ingest([corpus], st, jobs=jobs))
    st.close()
    from graph.pipeline import extract_articles
    from graph.readers import DEFAULT_MAX_BYTES, read_articles

    # the same work without the store: read, extract and map (in the workers with jobs > 1)
    alone, _ = timed(lambda: sum(1 for _ in extract_articles(read_articles([corpus], DEFAULT_MAX_BYTES), jobs=jobs,
                                                             map_for_store=True)))
    conn.send({"seconds": seconds, "write_s": spent[0], "extract_alone_s": alone,
               "articles": report.articles, "triples": report.triples,
               "failures": len(report.failures),
               "writer_max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "worker_max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024})


#: runs a command and prints the peak RSS of its largest process (pool workers included)
_MEASURE = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(p.stdout + p.stderr[-300:]); "
            "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def bench_ingest(n_articles: int, jobs_list: list[int], work: Path) -> dict[str, Any]:
    """Run ``dikg ingest`` on a generated corpus with each ``--jobs``, then the same ingest with its writes timed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import generate as generate_corpus
    from corpus import write_corpus

    print(f"\n== dikg ingest of {n_articles:,} generated articles ({load_average()})", flush=True)
    corpus = work / "corpus"
    write_corpus(generate_corpus(n_articles), corpus)
    out: dict[str, Any] = {"articles": n_articles}
    for jobs in jobs_list:
        store = work / f"ingest-{jobs}"
        cmd = [sys.executable, "-m", "graph", "ingest", str(corpus), "--store", str(store), "--jobs", str(jobs)]
        seconds, proc = timed(lambda: subprocess.run([sys.executable, "-c", _MEASURE, *cmd],  # noqa: B023
                                                     cwd=ROOT, capture_output=True, text=True))
        said, _, peak = proc.stdout.rpartition("peak-rss-kb ")
        line = said.strip().splitlines()[-1] if said.strip() else proc.stderr[-300:]
        res: dict[str, Any] = {"cli_s": seconds, "cli_articles_per_s": n_articles / seconds,
                               "cli_peak_rss_mb": int(peak) / 1024, "cli_said": line}
        print(f"  --jobs {jobs}: {seconds:.1f} s, {n_articles / seconds:.0f} articles/s, largest process "
              f"{res['cli_peak_rss_mb']:.0f} MB; {line} ({load_average()})", flush=True)
        ctx = mp.get_context("spawn")
        conn, child = ctx.Pipe()
        p = ctx.Process(target=_ingest_child, args=(child, str(corpus), str(work / f"timed-{jobs}"), jobs))
        p.start()
        timed_run = conn.recv()
        p.join()
        res.update(timed_run)
        total, write, alone = timed_run["seconds"], timed_run["write_s"], timed_run["extract_alone_s"]
        print(f"  --jobs {jobs}, in-process: {total:.1f} s ({timed_run['articles'] / total:.0f} articles/s, "
              f"{timed_run['triples']:,} triples); the store's writer thread was busy {write:.1f} s "
              f"({100 * write / total:.0f} % of the run); reading, extracting and mapping alone take {alone:.1f} s "
              f"({n_articles / alone:.0f} articles/s): bound by {'the store' if write > alone else 'extraction'}; "
              f"writer {timed_run['writer_max_rss_mb']:.0f} MB, workers {timed_run['worker_max_rss_mb']:.0f} MB "
              f"({load_average()})", flush=True)
        out[f"jobs_{jobs}"] = res
    return out


def bench_virtuoso(n_triples: int, repeat: int) -> dict[str, Any]:
    """Ingest generated articles into the test Virtuoso (GSP and Update) and time the named queries."""
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


def _summary(figures: dict[str, Any]) -> None:
    print("\n== summary: p50 ms (p95 ms); ratio = other p50 / dikg's p50 on the smallest store")
    sizes = list(figures)
    first = figures[sizes[0]]["queries"]
    union = any("union_ms" in q for q in first.values())
    print("query".ljust(12) + "".join(f"{int(s):>22,}" for s in sizes) + "   rdflib p50    ratio"
          + ("   union p50    ratio" if union else ""))
    for name in named_queries():
        line = name.ljust(12)
        for s in sizes:
            q = figures[s]["queries"][name]
            line += (f"{q['p50_ms']:>12.1f} ({q['p95_ms']:>7.1f})" if q["p50_ms"] is not None
                     else f"{'stopped':>22}")
        q0 = first[name]
        for other, ratio in (("rdflib_p50_ms", "ratio"), ("union_ms", "union_ratio")):
            if other == "union_ms" and not union:
                continue
            value, r = q0.get(other), q0.get(ratio)
            line += f"{value:>12.0f}" if isinstance(value, float) else f"{'-':>12}"
            line += f"{r:>8.0f}x" if isinstance(r, float) else f"  {r}" if r else ""
        print(line)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=9, help="timed runs per query (after one warm-up)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before one query run is stopped")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--compare-union", action="store_true",
                    help="also query the earlier layout (named graphs only, over their union) at the smallest size")
    ap.add_argument("--load-triples", type=int, default=100_000)
    ap.add_argument("--load-repeat", type=int, default=3)
    ap.add_argument("--ingest-articles", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to ingest with")
    ap.add_argument("--virtuoso", action="store_true", help="also ingest into the DIKG_TEST_VIRTUOSO_* server")
    ap.add_argument("--skip", nargs="*", default=[], choices=["queries", "load", "ingest"])
    ap.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = ap.parse_args(argv)
    figures: dict[str, Any] = {"cpus": os.cpu_count()}
    print(f"{os.cpu_count()} CPUs, {load_average()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="dikg-bench-") as tmp:
        work = Path(tmp)
        if "load" not in args.skip:
            (work / "load").mkdir()
            figures["load"] = bench_load(args.load_triples, work / "load", args.load_repeat)
        if "ingest" not in args.skip:
            (work / "ingest").mkdir()
            figures["ingest"] = bench_ingest(args.ingest_articles, args.jobs, work / "ingest")
        if "queries" not in args.skip:
            figures["queries"] = bench_queries(sorted(args.sizes), args.repeat, args.timeout, work,
                                               not args.no_rdflib, args.compare_union)
        if args.virtuoso:
            if not os.environ.get("DIKG_TEST_VIRTUOSO_URL"):
                sys.exit("--virtuoso needs DIKG_TEST_VIRTUOSO_URL (source the env file .ci/virtuoso.sh writes)")
            figures["virtuoso"] = bench_virtuoso(args.load_triples, max(3, args.repeat // 2))
    if "queries" in figures:
        _summary(figures["queries"])
    print(f"\n{load_average()}")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
