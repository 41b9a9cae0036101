"""``dikg serve``: the store as a read-only SPARQL endpoint, with the view and a query page."""

from __future__ import annotations

import typer

from ..server import ServerConfig, serve
from ..store import default_location
from ._app import MAX_TIMEOUT, StoreOption, app, console

__all__: list[str] = []


@app.command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback unless told otherwise)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."),
    store: str | None = StoreOption,
    workers: int = typer.Option(2, "--workers", min=1, help="Query worker processes (queries run in parallel)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, max=MAX_TIMEOUT,
                                  help="Seconds a query may run before it is stopped."),
    max_rows: int = typer.Option(10_000, "--max-rows", min=1,
                                 help="Most rows (or triples) a result may have; more is an error "
                                      "unless the request says partial=true."),
    cors_origin: str | None = typer.Option(None, "--cors-origin",
                                           help="Send Access-Control-Allow-Origin for this origin (default: none)."),
) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /sparql, the view at /, a query page at /query.

    Updates, LOAD, SERVICE and FROM outside the store are refused; each query runs in a
    worker process that is stopped after --timeout seconds. Stop with Ctrl-C or SIGTERM
    (kill PID); the workers stop with the server, even one killed with SIGKILL.
    """
    config = ServerConfig(store=store or default_location(), host=host, port=port, workers=workers,
                          timeout=timeout, max_rows=max_rows, cors_origin=cors_origin)

    def ready(server: object) -> None:
        url = getattr(server, "url", "")
        console.print(f"serving {config.store} at {url}/sparql (view: {url}/, query page: {url}/query); "
                      "Ctrl-C or SIGTERM stops", markup=False)

    serve(config, ready=ready)
