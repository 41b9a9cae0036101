"""The HTTP server: routes, read-only rules, and the worker pool behind them.

========  ===========  =====================================================
method    path         answer
========  ===========  =====================================================
GET/POST  /sparql      SPARQL 1.1 Protocol queries (read-only)
GET       / or /view   the interactive view of the graph
GET       /query       a query page (textarea and results table)
HEAD      GET paths    the GET answer's status and headers, without the body
any       other        405 for PUT/POST/DELETE/PATCH (no Graph Store writes), else 404
========  ===========  =====================================================

Updates (``update=`` or ``application/sparql-update``), ``LOAD``, ``SERVICE`` and
``FROM`` outside the store are refused with 403 and a message saying why. No CORS
header is sent unless an origin is configured.
"""

from __future__ import annotations

import signal
import sys
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import InputError, QueryError, StoreError
from ..sparql_safety import LOCAL_GRAPH_PREFIXES, QueryRefused
from .pages import QUERY_JS, QUERY_PAGE_CSP, query_page
from .protocol import parse_request
from .workers import QUERY, VIEW, Answer, Job, WorkerPool

__all__ = ["MAX_BODY", "ROUTES", "DikgServer", "ServerConfig", "make_server", "serve", "serve_in_thread"]

#: largest request body read (bytes)
MAX_BODY = 1_000_000


@dataclass(frozen=True)
class ServerConfig:
    """How to serve: the store, where to listen, and the limits on each query."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    timeout: float = 30.0
    max_rows: int = 10_000
    cors_origin: str | None = None


class DikgServer(ThreadingHTTPServer):
    """A threading HTTP server that owns a worker pool over one store."""

    daemon_threads = True
    quiet = False  # no access log lines

    def __init__(self, config: ServerConfig, pool: WorkerPool) -> None:
        self.config = config
        self.pool = pool
        super().__init__((config.host, config.port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing when a client goes away mid-request; report anything else in one line."""
        err = sys.exc_info()[1]
        if isinstance(err, ConnectionError):
            return
        sys.stderr.write(f"error: request from {client_address}: {type(err).__name__}: {err}\n")

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


Route = Callable[["_Handler"], None]


class _Handler(BaseHTTPRequestHandler):
    server: DikgServer
    protocol_version = "HTTP/1.1"
    server_version = "dikg"

    # -- responses
    def _send(self, answer: Answer, extra: dict[str, str] | None = None) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.media_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        origin = self.server.config.cors_origin
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        for k, v in {**answer.headers, **(extra or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _text(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")), extra)

    def log_message(self, format: str, *args: object) -> None:
        if getattr(self.server, "quiet", False):
            return
        super().log_message(format, *args)

    # -- routes
    def _path(self) -> str:
        return urllib.parse.urlsplit(self.path).path

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._text(413, f"request body over {MAX_BODY} bytes")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _sparql(self) -> None:
        body = b""
        if self.command == "POST":
            got = self._body()
            if got is None:
                return
            body = got
        query_string = urllib.parse.urlsplit(self.path).query
        try:
            req = parse_request(self.command, query_string, self.headers.get("Content-Type"), body)
            for iri in req.default_graphs + req.named_graphs:
                if not iri.startswith(LOCAL_GRAPH_PREFIXES):
                    raise QueryRefused(f"refused: graph <{iri}> is not a graph of this store")
            if req.default_graphs or req.named_graphs:
                raise QueryError("default-graph-uri and named-graph-uri are not supported here; "
                                 "use FROM / FROM NAMED or GRAPH in the query")
        except QueryRefused as err:
            self._text(403, str(err))
            return
        except QueryError as err:
            self._text(400, str(err))
            return
        cfg = self.server.config
        job = Job(QUERY, req.query, fmt=req.fmt, accept=self.headers.get("Accept"), max_rows=cfg.max_rows,
                  partial=req.partial)
        self._send(self.server.pool.run(job))

    def _view(self) -> None:
        self._send(self.server.pool.run(Job(VIEW)))

    def _query_page(self) -> None:
        self._send(Answer(200, "text/html; charset=utf-8", query_page().encode("utf-8"),
                          {"Content-Security-Policy": QUERY_PAGE_CSP}))

    def _query_js(self) -> None:
        self._send(Answer(200, "text/javascript; charset=utf-8", QUERY_JS.encode("utf-8")))

    def _dispatch(self) -> None:
        route = ROUTES.get(("GET" if self.command == "HEAD" else self.command, self._path()))
        if route is not None:
            route(self)
            return
        if self.command in ("PUT", "POST", "DELETE", "PATCH"):
            self._body()  # read it, so the connection stays usable
            self._text(405, f"{self.command} is not allowed: this endpoint is read-only "
                            "(no SPARQL Update, no Graph Store Protocol writes)",
                       {"Allow": "GET, POST" if self._path() == "/sparql" else "GET"})
            return
        self._text(404, f"no page at {self._path()}; try /sparql, /query or /view")

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = _dispatch


#: (method, path) -> handler method
ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/sparql"): _Handler._sparql,
    ("POST", "/sparql"): _Handler._sparql,
    ("GET", "/"): _Handler._view,
    ("GET", "/view"): _Handler._view,
    ("GET", "/query"): _Handler._query_page,
    ("GET", "/query.js"): _Handler._query_js,
}


def make_server(config: ServerConfig, quiet: bool = False) -> DikgServer:
    """Start the worker pool and bind the server (not yet serving); port 0 picks a free port."""
    if "://" not in config.store and not Path(config.store).is_dir():
        raise StoreError(f"no store at {config.store}; load some facts first (dikg load FILES --store ...)")
    pool = WorkerPool(config.store, size=config.workers, timeout=config.timeout)
    try:
        if not pool.wait_ready():
            raise StoreError(f"the query workers could not open the store {config.store}")
        try:
            server = DikgServer(config, pool)
        except (OSError, OverflowError) as err:  # port in use, no such host, port out of range
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            raise InputError(f"cannot listen on {config.host}:{config.port}: {reason}") from None
    except BaseException:
        pool.close()
        raise
    server.quiet = quiet
    return server


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def serve(config: ServerConfig, ready: Callable[[DikgServer], None] | None = None) -> None:
    """Serve until interrupted or terminated; ``ready`` is called once the server listens.

    SIGTERM stops the server as Ctrl-C does, workers included: left to its default, it
    ended this process at once, and a worker in a long query ran on to its end.
    """
    server = make_server(config)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        if ready is not None:
            ready(server)
        server.serve_forever()
    finally:
        server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def serve_in_thread(config: ServerConfig) -> tuple[DikgServer, threading.Thread]:
    """Start a quiet server in a background thread (for tests and notebooks)."""
    server = make_server(config, quiet=True)
    thread = threading.Thread(target=server.serve_forever, name="dikg-serve", daemon=True)
    thread.start()
    return server, thread

