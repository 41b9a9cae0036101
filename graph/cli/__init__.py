"""The command line: thin typer wrappers over library functions.

Only this package prints, reads argv or exits. Each command module registers its
commands on :data:`app`; library errors (:class:`~graph.errors.DikgError`) become one
line on stderr and exit code 2 here (1 means "ran, but something failed or did not
conform", as each command documents).
"""

from __future__ import annotations

import sys
from importlib import import_module

from ..errors import DikgError
from ._app import app, console, err_console

__all__ = ["COMMAND_MODULES", "app", "main"]

#: modules that register commands on ``app``, in help order
COMMAND_MODULES: tuple[str, ...] = (
    "core",
    "extract",
    "analyse",
    "serve",
)

for _name in COMMAND_MODULES:
    try:
        import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _err:
        if _err.name != f"{__name__}.{_name}":
            raise


def main(argv: list[str] | None = None) -> None:
    """Run the command line; library errors become one-line messages."""
    try:
        app(args=argv, prog_name="dikg", standalone_mode=True)
    except DikgError as err:
        err_console.print(f"error: {err}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:  # before the command started
        err_console.print("interrupted", markup=False)
        sys.exit(130)
    except SystemExit as exit_:
        # typer turns Ctrl-C in a command into a silent exit 130
        if exit_.code == 130 and isinstance(getattr(exit_.__context__, "__cause__", None), KeyboardInterrupt):
            err_console.print("interrupted", markup=False)
        raise


_ = (console,)
