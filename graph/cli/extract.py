"""Commands from text: extract (articles to facts files) and ingest (articles to the store)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from ..load import Failure
from ..pipeline import Outcome, Progress, extract_to_dir, ingest
from ..readers import DEFAULT_MAX_BYTES, count_articles
from ..store import open_store
from ._app import StoreOption, app, console, err_console

__all__: list[str] = []

Paths = typer.Argument(..., help="Article files (.txt, .md, .html, .jsonl) or directories of them.", show_default=False)
GazetteerOption = typer.Option(None, "--gazetteer", "-g", help="A gazetteer file of your own (repeatable).",
                               exists=True, dir_okay=False)
MaxBytesOption = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                              help="Largest input read (a file, or one JSON Lines record); larger ones fail.")
JobsOption = typer.Option(1, "--jobs", "-j", min=1, help="Extract in this many processes.")


@contextmanager
def _progress(paths: list[Path], verb: str) -> Iterator[Progress | None]:
    """Show a progress bar on stderr when it is a terminal; yield the callback that advances it."""
    if not err_console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task(verb, total=count_articles(paths))

        def advance(_: Outcome) -> None:
            bar.advance(task)

        yield advance


def _report_failures(failures: list[Failure]) -> None:
    for f in failures:
        err_console.print(f"error: {f.source}: {f.reason}", markup=False, highlight=False)


@app.command()
def extract(
    paths: list[Path] = Paths,
    out: Path = typer.Option(..., "--out", "-o", help="Directory for the facts files (one JSON per article).",
                             file_okay=False),
    gazetteer: list[Path] = GazetteerOption,
    max_bytes: int = MaxBytesOption,
    jobs: int = JobsOption,
) -> None:
    """Extract facts from articles into one JSON file each (OUT/<name>.json; JSON Lines: OUT/<name>-<line>.json).

    A bad input is reported on stderr and skipped. Exit 0 when every article was
    extracted, 1 when some failed (the others are written), 2 on a usage error.
    """
    with _progress(paths, "extracting") as progress:
        report = extract_to_dir(paths, out, gazetteer or (), max_bytes=max_bytes, jobs=jobs, progress=progress)
    _report_failures(report.failures)
    console.print(f"extracted {report.articles} article(s) to {out}: {report.entities} entities, "
                  f"{report.relations} relations; {len(report.failures)} failed", markup=False)
    raise typer.Exit(1 if report.failures else 0)


@app.command("ingest")
def ingest_cmd(
    paths: list[Path] = Paths,
    store: str | None = StoreOption,
    gazetteer: list[Path] = GazetteerOption,
    max_bytes: int = MaxBytesOption,
    jobs: int = JobsOption,
) -> None:
    """Extract facts from articles and store them; re-ingesting an article replaces it.

    Nothing of an article that fails is stored. Exit 0 when every article was stored,
    1 when some failed (the others are stored), 2 on a usage error.
    """
    st = open_store(store)
    try:
        with _progress(paths, "ingesting") as progress:
            report = ingest(paths, st, gazetteer or (), max_bytes=max_bytes, jobs=jobs, progress=progress)
    finally:
        st.close()
    _report_failures(report.failures)
    console.print(f"ingested {report.articles} article(s): {report.entities} entities, {report.facts} facts, "
                  f"{report.triples} triples; {len(report.failures)} failed", markup=False)
    raise typer.Exit(1 if report.failures else 0)
