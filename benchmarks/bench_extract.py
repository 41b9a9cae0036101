"""Benchmark extraction and ingestion on a generated corpus (see corpus.py).

Prints, for the same articles in the same run:

- bare regex tokenisation (the floor any extractor pays to look at every word);
- extraction on 1 and 2 processes: articles/s, words/s, and time relative to tokenisation;
- end-to-end ingest (read .txt files, extract, store) into a fresh embedded store, jobs 1 and 2.

The machine may be shared: for what runs in this process (tokenisation, extraction on one
process) the CPU time of this process is printed too, with its own ratio, which other
processes' load changes far less than the wall-clock time.

    python benchmarks/bench_extract.py            # 10,000 articles
    python benchmarks/bench_extract.py --n 500    # a quick run
    python benchmarks/bench_extract.py --n 500 --profile   # where extraction time goes
    python benchmarks/bench_extract.py --no-ingest         # tokenisation and extraction only
    python benchmarks/bench_extract.py --n 300 --long      # time per word as one article grows

Targets: >= 100 articles/s end to end; extraction <= 5x bare tokenisation; extraction time
linear in an article's length (``--long`` prints the time per 1,000 words at each length).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate, write_corpus

from graph.articles import Article
from graph.load import Failure
from graph.pipeline import extract_articles, ingest
from graph.store import EmbeddedStore

TOKEN = re.compile(r"\w+|[^\w\s]")


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, float, Any]:
    """Return the median wall-clock and CPU time (this process) of ``repeat`` runs of ``fn``, and its last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2], result


def row(label: str, seconds: float, n: int, words: int, extra: str) -> str:
    """Format one line of the results table."""
    return f"{label:32} {seconds:8.2f} s  {n / seconds:10,.0f} articles/s  {words / seconds:12,.0f} words/s  {extra}"


def tokenise(articles: list[Article]) -> int:
    return sum(len(TOKEN.findall(a.text)) for a in articles)


def extract_all(articles: list[Article], jobs: int) -> int:
    return sum(isinstance(o, Failure) for o in extract_articles(articles, jobs=jobs))


def profile(articles: list[Article], top: int = 30) -> None:
    extract_all(articles[:10], 1)  # load gazetteers and compile patterns outside the profile
    prof = cProfile.Profile()
    prof.runcall(extract_all, articles, 1)
    stats = pstats.Stats(prof)
    print(f"\nprofile of extracting {len(articles)} articles in one process, by own time:")
    stats.sort_stats("tottime").print_stats(top)
    print("by cumulative time:")
    stats.sort_stats("cumulative").print_stats(top)


def long_articles(articles: list[Article], sizes: tuple[int, ...] = (250, 500, 1000, 2000, 4000)) -> None:
    """Print the CPU time per 1,000 words of one article made of ``size`` generated sentences, for each size."""
    from graph.extract import extract
    from graph.extract.text import split_sentences

    sentences = [s.text for a in articles for s in split_sentences(a.text.split("\n\n", 1)[-1])]
    extract(articles[0])  # load the gazetteers outside the timing
    print("one long article (generated sentences, in order):")
    for size in sizes:
        text = " ".join(sentences[i % len(sentences)] for i in range(size))
        words = len(text.split())
        _wall, cpu, _facts = timed(lambda text=text: extract(Article(text, "long.txt", date="2025-09-22")))
        print(f"  {size:6,} sentences {words:8,} words  CPU {cpu:7.2f} s  "
              f"{cpu / words * 1000 * 1000:6.1f} ms per 1,000 words")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark extraction and ingestion.")
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    parser.add_argument("--seed", type=int, default=20250922)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to measure")
    parser.add_argument("--profile", action="store_true", help="profile extraction (one process) and stop")
    parser.add_argument("--no-ingest", action="store_true", help="measure tokenisation and extraction only")
    parser.add_argument("--long", action="store_true", help="time one article as it grows to 4,000 sentences, and stop")
    args = parser.parse_args()

    articles = generate(args.n, args.seed)
    if args.long:
        long_articles(articles)
        return
    if args.profile:
        profile(articles)
        return
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {n:,} articles, {words:,} words ({words / n:.0f} per article), seed {args.seed}")

    t_tok, c_tok, tokens = timed(lambda: tokenise(articles), repeat=3)
    print(row("bare regex tokenisation", t_tok, n, words, f"({tokens:,} tokens; CPU {c_tok:.3f} s)"))

    extract_all(articles[:10], 1)  # warm up: import the extractor, load the gazetteers
    for jobs in args.jobs:
        t, c, failed = timed(lambda jobs=jobs: extract_all(articles, jobs))
        cpu = f"; CPU {c:.3f} s, {c / c_tok:.1f}x tokenisation's" if jobs == 1 else ""
        print(row(f"extract, {jobs} process(es)", t, n, words,
                  f"{t / t_tok:6.1f}x tokenisation  ({failed} failed{cpu})"))

    if args.no_ingest:
        return
    with tempfile.TemporaryDirectory(prefix="dikg-bench-") as tmp:
        corpus_dir = Path(tmp) / "corpus"
        write_corpus(articles, corpus_dir)
        for jobs in args.jobs:
            store = EmbeddedStore(Path(tmp) / f"store-{jobs}")
            try:
                t, _cpu, report = timed(lambda store=store, jobs=jobs: ingest([corpus_dir], store, jobs=jobs))
            finally:
                store.close()
            print(row(f"ingest end to end, jobs {jobs}", t, n, words,
                      f"({report.articles:,} stored, {report.facts:,} facts, {report.triples:,} triples, "
                      f"{len(report.failures)} failed)"))


if __name__ == "__main__":
    main()
