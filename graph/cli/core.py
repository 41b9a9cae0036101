"""Commands over the store: load, query, queries, export, validate, stats."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import InputError
from ..export import EXPORT_FORMATS, export, export_ontology
from ..load import load_files
from ..queries import named_queries, run_query
from ..results import RESULT_FORMATS, cell
from ..server.timed import QueryStopped, open_time_limited
from ..stats import store_stats
from ..store import default_location, open_store
from ..validate import validate_store
from ._app import MAX_TIMEOUT, StoreOption, app, console, err_console

__all__: list[str] = []


def _params(pairs: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InputError(f"--param {pair!r}: expected key=value")
        out[key.strip()] = value
    return out


def _check_format(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise InputError(f"unknown --format {fmt!r}; available: text, json")


@app.command()
def load(
    paths: list[Path] = typer.Argument(..., help="Facts JSON files or directories of them.", show_default=False),
    store: str | None = StoreOption,
) -> None:
    """Load facts files into the store; a bad file is reported and skipped.

    Exit 0 when everything loaded, 1 when some file failed (the others still load).
    """
    st = open_store(store)
    try:
        report = load_files(st, paths)
    finally:
        st.close()
    for f in report.failures:
        err_console.print(f"error: {f.source}: {f.reason}", markup=False)
    console.print(f"loaded {report.articles} article(s): {report.entities} entities, {report.facts} facts, "
                  f"{report.triples} triples; {len(report.failures)} failed", markup=False)
    raise typer.Exit(1 if report.failures else 0)


@app.command()
def query(
    name_or_sparql: str = typer.Argument(..., help="A named query (see `dikg queries`), SPARQL text, or @file.rq."),
    param: list[str] = typer.Option(None, "--param", "-p", help="key=value for a named query's parameter."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results JSON)."),
    store: str | None = StoreOption,
    timeout: float | None = typer.Option(
        None, "--timeout", min=0.1, max=MAX_TIMEOUT, show_default=False,
        help="Stop the query after this many seconds (default: no limit). With a limit the query runs in "
             "a child process that opens the store read-only and is killed at the limit; the command then "
             "prints 'query stopped after N s' and exits 1. A SPARQL server is sent the limit instead."),
) -> None:
    """Run a named query or literal SPARQL over the store.

    Exit 0 with the results, 1 when --timeout stopped the query, 2 on an error.
    """
    if fmt not in ("table", *RESULT_FORMATS):
        raise InputError(f"unknown --format {fmt!r}; available: table, {', '.join(RESULT_FORMATS)}")
    if timeout is None:
        st = open_store(store, read_only=False, create=False)
    else:
        st = open_time_limited(store or default_location(), timeout)
    try:
        res = run_query(st, name_or_sparql, _params(param), timeout=timeout)
    except QueryStopped as err:
        err_console.print(f"{err} (--timeout); narrow the query or allow more time", markup=False)
        raise typer.Exit(1) from None
    finally:
        st.close()
    if res.kind == "graph":
        if fmt != "table":
            raise InputError(f"--format {fmt} is for SELECT and ASK results; a CONSTRUCT or DESCRIBE prints "
                             "N-Triples (leave out --format)")
        # a graph is a set: the same triples print the same lines, however the store ordered them
        for line in sorted({f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in res.triples}):
            console.print(line, markup=False)
        return
    if fmt != "table":
        typer.echo(RESULT_FORMATS[fmt][1](res), nl=False)
        if fmt == "json":
            typer.echo("")
        return
    if res.kind == "ask":
        console.print("true" if res.boolean else "false")
        return
    table = Table(*res.variables, show_lines=False)
    for row in res.rows:
        table.add_row(*(Text(cell(row.get(v))) for v in res.variables))
    if console.is_terminal:
        console.print(table)
    else:
        # into a file or a pipe: the whole of every value, not cut to a terminal's width
        natural = console.measure(table, options=console.options.update_width(1_000_000)).maximum
        Console(highlight=False, soft_wrap=True, width=max(natural, 40)).print(table)
    console.print(f"{len(res.rows)} row(s)", markup=False)


@app.command()
def queries() -> None:
    """List the named queries with their descriptions and parameters."""
    for q in named_queries().values():
        console.print(Text(q.name, style="bold"))
        console.print(Text("  " + q.description))
        for p in q.params:
            need = "required" if p.required else "optional"
            console.print(Text(f"  --param {p.name}=<{p.kind}>  ({need}) {p.help}"))


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("ttl", "--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (atomically)."),
    ontology: bool = typer.Option(False, "--ontology", help="Write the ontology (Turtle) instead of the data."),
    store: str | None = StoreOption,
) -> None:
    """Export the store (or the ontology) to a file; the same store always gives the same bytes."""
    if ontology:
        if fmt != "ttl":
            raise InputError(f"--ontology is written as Turtle only, not {fmt!r}; leave out --format")
        n = export_ontology(output)
    else:
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"unknown export format {fmt!r}; available: {', '.join(EXPORT_FORMATS)}")
        st = open_store(store, create=False)
        try:
            n = export(st, fmt, output)
        finally:
            st.close()
    console.print(f"wrote {output} ({n} bytes)", markup=False)


@app.command()
def validate(
    store: str | None = StoreOption,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Validate the store against the SHACL shapes and invariants: exit 0 conforms, 1 violations, 2 error."""
    _check_format(fmt)
    st = open_store(store, create=False)
    try:
        report = validate_store(st)
    finally:
        st.close()
    if fmt == "json":
        typer.echo(json.dumps({"conforms": report.conforms,
                               "results": [v.__dict__ for v in report.violations]}, indent=1))
    else:
        for v in report.violations:
            console.print(f"{v.severity}: {v.focus} {v.path} {v.message}".replace("  ", " "), markup=False)
        console.print("conforms" if report.conforms else
                      f"does not conform: {sum(v.severity == 'Violation' for v in report.violations)} violation(s)",
                      markup=False)
    raise typer.Exit(0 if report.conforms else 1)


@app.command()
def stats(
    store: str | None = StoreOption,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Count articles, entities by type, facts by kind and triples."""
    _check_format(fmt)
    st = open_store(store, create=False)
    try:
        s = store_stats(st)
    finally:
        st.close()
    if fmt == "json":
        typer.echo(json.dumps(s.as_dict(), indent=1))
        return
    console.print(f"articles: {s.articles}\ntriples: {s.triples}", markup=False)
    console.print("entities: " + (", ".join(f"{k} {v}" for k, v in s.entities.items()) or "none"), markup=False)
    console.print("facts: " + (", ".join(f"{k} {v}" for k, v in s.facts.items()) or "none"), markup=False)
