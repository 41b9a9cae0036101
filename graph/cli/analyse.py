"""Commands over the graph: analyse (a report), path (chains of facts), view (an HTML page)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..analysis import REPORT_FORMATS, paths_between
from ..analysis import analyse as analyse_store
from ..atomic import atomic_write_text, prepare_target
from ..errors import InputError
from ..store import open_store
from ..view import ViewOptions, render_html, screenshot
from ._app import StoreOption, app, console

__all__: list[str] = []


@app.command()
def analyse(
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or md."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    top: int = typer.Option(10, "--top", help="Rows per ranking.", min=1),
    store: str | None = StoreOption,
) -> None:
    """Report on the graph: central actors, communities, each country's partners, ties, change over time."""
    if fmt not in REPORT_FORMATS:
        raise InputError(f"unknown --format {fmt!r}; available: {', '.join(REPORT_FORMATS)}")
    st = open_store(store, read_only=False, create=False)
    try:
        report = analyse_store(st, top=top)
    finally:
        st.close()
    text = REPORT_FORMATS[fmt](report)
    if output is None:
        typer.echo(text, nl=False)
        return
    atomic_write_text(output, text)
    console.print(f"wrote {output}", markup=False)


@app.command()
def path(
    a: str = typer.Argument(..., help="An entity's name or alias."),
    b: str = typer.Argument(..., help="Another entity's name or alias."),
    limit: int = typer.Option(5, "--limit", help="At most this many chains.", min=1),
    store: str | None = StoreOption,
) -> None:
    """Show the shortest chains of facts connecting two entities, each step with its evidence.

    Exit 1 when nothing connects them.
    """
    st = open_store(store, read_only=False, create=False)
    try:
        chains = paths_between(st, a, b, limit=limit)
    finally:
        st.close()
    if not chains:
        console.print(f"no chain of facts connects {a!r} and {b!r}", markup=False)
        raise typer.Exit(1)
    for i, chain in enumerate(chains, 1):
        console.print(f"{i}. " + " → ".join(chain.entities), markup=False)
        for steps in chain.steps:
            for step in steps:
                via = f" ({'; '.join(step.via)})" if step.via else ""
                console.print(f"   {step.subject} —{step.kind}{via}→ {step.object}", markup=False)
                for ev in step.evidence:
                    source = ", ".join(x for x in (ev.get("publisher"), ev.get("date"), ev.get("url")) if x)
                    console.print(f"     “{ev.get('sentence') or '(no sentence)'}” ({source or 'source unknown'})",
                                  markup=False)


@app.command()
def view(
    output: Path = typer.Option(Path("exports/graph.html"), "--output", "-o", help="The HTML file to write."),
    focus: str | None = typer.Option(None, "--focus", help="Show only this entity's neighbourhood."),
    depth: int = typer.Option(1, "--depth", help="Steps from --focus.", min=0),
    types: list[str] = typer.Option(None, "--type", "-t", help="Only entities of this type (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="Only facts dated on or after YYYY[-MM[-DD]]."),
    min_confidence: float | None = typer.Option(None, "--min-confidence", help="Only facts at least this sure."),
    max_nodes: int = typer.Option(500, "--max-nodes", help="Keep the most central entities beyond this.", min=1),
    shot: Path | None = typer.Option(None, "--screenshot", help="Also save a PNG taken by headless Chromium."),
    store: str | None = StoreOption,
) -> None:
    """Write the graph as one self-contained interactive HTML page (works offline, from file://)."""
    opts = ViewOptions(focus=focus, depth=depth, types=tuple(types or ()), since=since,
                       min_confidence=min_confidence, max_nodes=max_nodes)
    if shot is not None:
        prepare_target(shot)  # a PNG path that cannot be written fails before the page is drawn
    st = open_store(store, read_only=False, create=False)
    try:
        html = render_html(st, opts)
    finally:
        st.close()
    atomic_write_text(output, html)
    console.print(f"wrote {output} ({len(html.encode('utf-8')):,} bytes)", markup=False)
    if shot is not None:
        screenshot(output, shot)
        console.print(f"wrote {shot}", markup=False)
