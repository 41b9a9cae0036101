"""Text to facts to store: the steps behind ``dikg extract`` and ``dikg ingest``.

Files are read (:mod:`graph.readers`), each article is extracted (:mod:`graph.extract`)
— in this process or in ``jobs`` worker processes, always yielding results in input
order — and the facts are written as JSON files or stored. For ``ingest`` into the
embedded store the workers also map the facts to their graph's triples, so the writer
only writes. Only the calling process writes, so the store never sees two writers. An
article that fails anywhere is one :class:`~graph.load.Failure` and nothing of it is
written; the others proceed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .articles import Article
from .errors import DikgError, InputError
from .load import STORE_BATCH, Failure, LoadReport, MappedArticle, article_name, map_article, store_facts
from .models import ArticleFacts, write_facts
from .readers import DEFAULT_MAX_BYTES, read_articles
from .store import EmbeddedStore, Store

__all__ = [
    "CHUNK",
    "STORE_BATCH",
    "ExtractReport",
    "Extracted",
    "Outcome",
    "Progress",
    "extract_articles",
    "extract_to_dir",
    "ingest",
    "output_name",
    "with_provenance",
]

#: articles sent to a worker process at a time
CHUNK = 16


@dataclass(frozen=True)
class Extracted:
    """The facts of one article, with the article's key."""

    key: str
    facts: ArticleFacts


Outcome = Extracted | MappedArticle | Failure
Progress = Callable[[Outcome], None]


@dataclass
class ExtractReport:
    """What an extraction run did: files written, counts, inputs that failed."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def with_provenance(facts: ArticleFacts, article: Article, extractor: str, version: str) -> ArticleFacts:
    """Fill what the article knows and the facts lack: URL, date, source, title, text hash, extractor."""
    update: dict[str, Any] = {name: getattr(article, name) for name in ("url", "date", "source", "title")
                              if getattr(facts, name) is None and getattr(article, name) is not None}
    if facts.content_sha256 is None:
        update["content_sha256"] = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    if facts.extractor is None:
        update["extractor"] = extractor
        update["extractor_version"] = facts.extractor_version or version
    return facts.model_copy(update=update)


# -- extraction, in this process or in workers

_gazetteers: Any = None
#: whether workers map what they extract for the embedded store (see :func:`extract_articles`)
_map_for_store = False


def _load_gazetteers(files: Sequence[str]) -> Any:
    from .extract import load_gazetteers

    return load_gazetteers([Path(f) for f in files])


def _init_worker(gazetteer_files: Sequence[str], map_for_store: bool = False) -> None:
    global _gazetteers, _map_for_store
    _gazetteers = _load_gazetteers(gazetteer_files)
    _map_for_store = map_for_store


def _extract_one(item: Article | Failure) -> Outcome:
    if isinstance(item, Failure):
        return item
    from .extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract

    try:
        facts = extract(item, _gazetteers)
    except DikgError as err:
        return Failure(item.key, str(err))
    except Exception as err:  # one article's extractor bug must not stop the run
        return Failure(item.key, f"extractor failed: {type(err).__name__}: {' '.join(str(err).split())}")
    facts = with_provenance(facts, item, EXTRACTOR_NAME, EXTRACTOR_VERSION)
    if not _map_for_store:
        return Extracted(item.key, facts)
    try:
        return map_article(facts, item.key)
    except DikgError as err:
        return Failure(item.key, str(err))


def _extract_chunk(chunk: list[Article | Failure]) -> list[Outcome]:
    return [_extract_one(item) for item in chunk]


def _processors() -> int:
    """Return how many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_articles(items: Iterable[Article | Failure], gazetteer_files: Sequence[str | Path] = (),
                     jobs: int = 1, chunk: int = CHUNK, map_for_store: bool = False) -> Iterator[Outcome]:
    """Extract each article (failures pass through), in input order, in ``jobs`` processes.

    Workers get ``chunk`` articles at a time and at most ``2 * jobs`` chunks are in
    flight, so memory stays bounded however many articles come in. With
    ``map_for_store`` each article comes out mapped for the embedded store
    (:class:`~graph.load.MappedArticle`) instead of as facts.
    """
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    files = [str(f) for f in gazetteer_files]
    # No more processes than processors, nor than chunks of work: each one starts at a
    # cost of its own (a fresh interpreter loading the gazetteers), which a handful of
    # articles never pays back.
    jobs = min(jobs, _processors())
    rest = iter(items)
    chunks = _chunks(rest, chunk)
    first = list(islice(chunks, jobs)) if jobs > 1 else []
    if len(first) <= 1:
        _init_worker(files, map_for_store)
        yield from map(_extract_one, chain(chain.from_iterable(first), rest))
        return
    _load_gazetteers(files)  # fail here, once, rather than in every worker's initializer
    # spawn, not fork: the parent may hold an open store with threads of its own
    ctx = multiprocessing.get_context("spawn")
    jobs = len(first)
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(files, map_for_store)) as pool:
        pending: deque[Any] = deque()
        for part in chain(first, chunks):
            pending.append(pool.apply_async(_extract_chunk, (part,)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _extracted(paths: Iterable[str | Path], gazetteer_files: Sequence[str | Path], max_bytes: int, jobs: int,
               progress: Progress | None, failures: list[Failure],
               map_for_store: bool = False) -> Iterator[Extracted | MappedArticle]:
    """Read and extract ``paths``: yield what was extracted, collect what failed into ``failures``."""
    for outcome in extract_articles(read_articles(paths, max_bytes), gazetteer_files, jobs,
                                    map_for_store=map_for_store):
        if progress is not None:
            progress(outcome)
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            yield outcome


# -- extraction to files

def output_name(key: str) -> str:
    """Return the facts file name for an article key: its name (:func:`graph.load.article_name`) and ``.json``.

    >>> output_name("examples/articles/seed.txt"), output_name("feeds/wire.jsonl:12")
    ('seed.json', 'wire-12.json')
    """
    return f"{article_name(key)}.json"

def extract_to_dir(paths: Iterable[str | Path], out_dir: str | Path, gazetteer_files: Sequence[str | Path] = (),
                   max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1,
                   progress: Progress | None = None) -> ExtractReport:
    """Extract every article in ``paths`` into one facts JSON file each under ``out_dir``.

    Each file is written atomically. Two inputs that would share an output name
    (``a/x.txt`` and ``b/x.txt``) are not merged: the second is a failure.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a directory")
    out.mkdir(parents=True, exist_ok=True)
    report = ExtractReport()
    owner: dict[str, str] = {}
    for outcome in _extracted(paths, gazetteer_files, max_bytes, jobs, progress, report.failures):
        assert isinstance(outcome, Extracted)
        name = output_name(outcome.key)
        if name in owner:
            report.failures.append(Failure(outcome.key, f"{out / name} already holds the facts of {owner[name]}; "
                                                        "extract inputs of the same name into separate directories"))
            continue
        owner[name] = outcome.key
        write_facts(outcome.facts, out / name)
        report.written.append(out / name)
        report.articles += 1
        report.entities += len(outcome.facts.entities)
        report.relations += len(outcome.facts.relations)
    return report


# -- extraction into the store

def ingest(paths: Iterable[str | Path], store: Store, gazetteer_files: Sequence[str | Path] = (),
           max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, batch: int = STORE_BATCH,
           progress: Progress | None = None) -> LoadReport:
    """Extract every article in ``paths`` and store it, replacing an earlier graph of the same article.

    Articles are identified by URL, else by name (:func:`graph.load.article_name`: the
    file name without suffix, ``-LINE`` for JSON Lines) — the rule ``dikg load`` keeps for
    the facts files ``dikg extract`` writes — so ingesting the same files again, from
    anywhere, leaves the store unchanged. ``batch`` articles are written together, whole
    or absent.
    """
    report = LoadReport()
    extracted = _extracted(paths, gazetteer_files, max_bytes, jobs, progress, report.failures,
                           map_for_store=isinstance(store, EmbeddedStore))
    return store_facts(store, (o if isinstance(o, MappedArticle) else (o.facts, o.key) for o in extracted), report,
                       batch=batch)

