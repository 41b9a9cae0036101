"""Loading facts into the store: files in, named graphs replaced, a report out.

A bad file is reported and skipped; the others still land. Each article's graph is
replaced in one transaction, so a failed or interrupted load never leaves half an
article in the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from .errors import DikgError, FactsFileError
from .mapping import Quad, facts_to_quads
from .models import ArticleFacts, read_facts
from .store import Store

__all__ = ["Failure", "LoadReport", "expand_paths", "load_files", "store_facts"]


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


def store_facts(store: Store, items: Iterable[tuple[ArticleFacts, str]], report: LoadReport | None = None,
                batch: int = 1) -> LoadReport:
    """Map each (facts, key) to its named graph and replace it in ``store``.

    ``key`` identifies an article without a URL (its file name). With ``batch`` > 1,
    several articles go in one transaction (faster; each article still all or nothing).
    """
    report = report or LoadReport()
    pending: dict[URIRef, list[Quad]] = {}
    counts: dict[URIRef, tuple[int, int, str]] = {}

    def flush() -> None:
        if not pending:
            return
        try:
            store.replace_articles(pending)
        except DikgError as err:
            for g in pending:
                report.failures.append(Failure(counts[g][2], str(err)))
        else:
            for g, quads in pending.items():
                n_ent, n_facts, _ = counts[g]
                report.articles += 1
                report.entities += n_ent
                report.facts += n_facts
                report.triples += len(quads)
                report.graphs.append(g)
        pending.clear()
        counts.clear()

    for facts, key in items:
        try:
            quads = facts_to_quads(facts, key)
        except DikgError as err:
            report.failures.append(Failure(key, str(err)))
            continue
        g = quads[0][3]
        pending[g] = quads
        counts[g] = (len(facts.entities), len(facts.relations), key)
        if len(pending) >= batch:
            flush()
    flush()
    return report


def load_files(store: Store, paths: Iterable[str | Path]) -> LoadReport:
    """Load facts JSON files (or directories of them) into ``store``; bad files are skipped."""
    report = LoadReport()

    def good() -> Iterator[tuple[ArticleFacts, str]]:
        for path in expand_paths(paths, (".json",)):
            try:
                facts = read_facts(path)
            except FactsFileError as err:
                report.failures.append(Failure(str(path), str(err).removeprefix(f"{path}: ")))
                continue
            yield facts, path.stem

    return store_facts(store, good(), report)
