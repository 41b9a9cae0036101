"""The typer application and the consoles every command module shares."""

from __future__ import annotations

import typer
from rich.console import Console

from ..store import default_location

__all__ = ["MAX_TIMEOUT", "StoreOption", "app", "console", "err_console", "store_option"]

app = typer.Typer(
    name="dikg",
    help="A knowledge graph of defence-industry relationships, with provenance for every fact.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=True)
#: the longest --timeout (seconds, a week): the operating system waits at most about 24 days at once
MAX_TIMEOUT = 604_800.0
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def store_option() -> str:
    """Return the default store location (``DIKG_STORE`` or ``.dikg``)."""
    return default_location()


StoreOption = typer.Option(
    None,
    "--store",
    "-s",
    help="Store: a directory (default .dikg, env DIKG_STORE) or a SPARQL server URL.",
    show_default=False,
)
