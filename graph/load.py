"""Loading facts into the store: files in, named graphs replaced, a report out.

A bad file is reported and skipped; the others still land. Articles are written in
batches of :data:`STORE_BATCH`, each whole or absent, so a failed or interrupted load
never leaves half an article in the store; a batch the store refuses is written again
article by article, so that only the article at fault fails.

An article is identified by its URL; one without a URL by its **name**
(:func:`article_name`): the file name of its input without the suffix, plus ``-LINE``
for a record of a JSON Lines file. ``dikg extract`` names each facts file after the
same rule, so ``dikg ingest texts/`` and ``dikg extract texts/ -o facts/`` followed by
``dikg load facts/`` store the same articles under the same IRIs, wherever they are run
from. Two inputs of one run that would share a name (``a/x.txt`` and ``b/x.txt``, with
no URL) are not merged: the second is a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef

from .errors import DikgError, FactsFileError
from .mapping import facts_to_quads
from .models import ArticleFacts, read_facts
from .store import EmbeddedStore, Store, ntriples, statement

__all__ = [
    "STORE_BATCH",
    "Failure",
    "LoadReport",
    "MappedArticle",
    "article_name",
    "expand_paths",
    "load_files",
    "map_article",
    "store_facts",
]

#: articles written to the store per batch (whole or absent after a failure or a crash)
STORE_BATCH = 64


@dataclass(frozen=True)
class Failure:
    """One input that did not land, and why."""

    source: str
    reason: str


@dataclass
class LoadReport:
    """What a load did: articles stored, facts and triples written, inputs that failed."""

    articles: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0
    failures: list[Failure] = field(default_factory=list)
    graphs: list[URIRef] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


_LINE_KEY = re.compile(r"^(?P<path>.*):(?P<line>\d+)$")


def article_name(key: str) -> str:
    """Return the name of an article without a URL: its input's file name without suffix (``-LINE`` for JSON Lines).

    ``key`` is where the article was read: a path, or ``path:LINE`` for a record of a
    JSON Lines file.

    >>> article_name("examples/articles/seed.txt"), article_name("feeds/wire.jsonl:12"), article_name("wire-12.json")
    ('seed', 'wire-12', 'wire-12')
    """
    m = _LINE_KEY.match(key)
    if m is not None:
        return f"{Path(m.group('path')).stem}-{m.group('line')}"
    return Path(key).stem


@dataclass(frozen=True)
class MappedArticle:
    """An article mapped to its named graph: what the writer needs, cheap to send between processes.

    ``triples`` is an N-Triples document (:func:`graph.store.ntriples`) when mapped for
    the embedded store, which pickles in one piece and goes into the store as it is;
    otherwise quads (or, from a caller, statements of :func:`graph.store.statement`).
    """

    source: str
    graph: URIRef
    triples: bytes | Sequence[Any]
    entities: int
    facts: int
    #: whether the article is identified by its URL (else by its name)
    by_url: bool

    @property
    def size(self) -> int:
        """The number of triples of the article's graph."""
        return self.triples.count(b"\n") if isinstance(self.triples, bytes) else len(self.triples)


def map_article(facts: ArticleFacts, key: str, as_statements: bool = True) -> MappedArticle:
    """Map the facts read from ``key`` (a path, or ``path:LINE``) to the article's named graph.

    Raises :class:`~graph.errors.DikgError` when the facts cannot be mapped.
    """
    quads = facts_to_quads(facts, article_name(key))
    triples = ntriples([statement(s, p, o) for s, p, o, _ in quads]) if as_statements else quads
    return MappedArticle(key, quads[0][3], triples, len(facts.entities), len(facts.relations), bool(facts.url))


def expand_paths(paths: Iterable[str | Path], suffixes: Sequence[str]) -> Iterator[Path]:
    """Yield files: each path itself, or the files under a directory (recursively, sorted).

    A path that does not exist is yielded as it is, so that reading it reports the error.
    """
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes
                              and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p


def _write(store: Store, batch: Sequence[MappedArticle]) -> None:
    if isinstance(store, EmbeddedStore):
        store.replace_ntriples({m.graph: m.triples if isinstance(m.triples, bytes) else ntriples(m.triples)  # type: ignore[arg-type]
                                for m in batch})
    else:
        store.replace_articles({m.graph: m.triples for m in batch})  # type: ignore[misc]


def _write_batch(store: Store, articles: Sequence[MappedArticle]) -> list[tuple[MappedArticle, str | None]]:
    """Write ``articles`` as one batch, or one by one if the store refuses it; return each with its error."""
    try:
        _write(store, articles)
    except DikgError as err:
        if len(articles) == 1:
            return [(articles[0], str(err))]
        out: list[tuple[MappedArticle, str | None]] = []
        for m in articles:  # find the article at fault; the others still land
            try:
                _write(store, [m])
            except DikgError as one:
                out.append((m, str(one)))
            else:
                out.append((m, None))
        return out
    return [(m, None) for m in articles]


def store_facts(store: Store, items: Iterable[tuple[ArticleFacts, str] | MappedArticle],
                report: LoadReport | None = None, batch: int = STORE_BATCH) -> LoadReport:
    """Store each article: (facts, key) pairs are mapped here, :class:`MappedArticle` items as they are.

    ``key`` is where the facts were read (see :func:`article_name`). ``batch`` articles
    are written together, whole or absent; the last of several articles of one run with
    the same URL wins, and a second input with the name of another is a failure.

    Batches are written by one thread, in order, while this one reads and maps the next
    batch: Oxigraph writes without holding the interpreter lock.
    """
    with ThreadPoolExecutor(1, thread_name_prefix="dikg-store-writer") as writer:
        return _store_facts(store, items, report or LoadReport(), batch, writer)


def _store_facts(store: Store, items: Iterable[tuple[ArticleFacts, str] | MappedArticle], report: LoadReport,
                 batch: int, writer: ThreadPoolExecutor) -> LoadReport:
    as_statements = isinstance(store, EmbeddedStore)
    pending: dict[URIRef, MappedArticle] = {}
    named: dict[URIRef, str] = {}  # graph of an article without URL -> the input that gave it
    writing: Future[list[tuple[MappedArticle, str | None]]] | None = None

    def settle() -> None:
        nonlocal writing
        if writing is None:
            return
        outcomes, writing = writing.result(), None
        for m, error in outcomes:
            if error is not None:
                report.failures.append(Failure(m.source, error))
                continue
            report.articles += 1
            report.entities += m.entities
            report.facts += m.facts
            report.triples += m.size
            report.graphs.append(m.graph)

    def flush() -> None:
        nonlocal writing
        if not pending:
            return
        settle()  # one batch in the store's hands at a time, so they land in order
        writing = writer.submit(_write_batch, store, list(pending.values()))
        pending.clear()

    for item in items:
        if isinstance(item, MappedArticle):
            m = item
        else:
            facts, key = item
            try:
                m = map_article(facts, key, as_statements)
            except DikgError as err:
                report.failures.append(Failure(key, str(err)))
                continue
        if not m.by_url:
            first = named.setdefault(m.graph, m.source)
            if first != m.source:
                report.failures.append(Failure(m.source, f"{first} is already stored as article "
                                                         f"{article_name(m.source)!r}; give articles without a URL "
                                                         "distinct file names"))
                continue
        pending[m.graph] = m  # a later article of the same URL replaces a pending one
        if len(pending) >= batch:
            flush()
    flush()
    settle()
    return report


def load_files(store: Store, paths: Iterable[str | Path], batch: int = STORE_BATCH) -> LoadReport:
    """Load facts JSON files (or directories of them) into ``store``; bad files are skipped."""
    report = LoadReport()

    def good() -> Iterator[tuple[ArticleFacts, str]]:
        for given in map(Path, paths):
            empty = True
            for path in expand_paths([given], (".json",)):
                empty = False
                try:
                    facts = read_facts(path)
                except FactsFileError as err:
                    report.failures.append(Failure(str(path), str(err).removeprefix(f"{path}: ")))
                    continue
                yield facts, str(path)
            if empty and given.is_dir():  # most often the wrong directory: say so
                report.failures.append(Failure(str(given), "no facts files (.json) in this directory"))

    return store_facts(store, good(), report, batch=batch)
