"""Queries in worker processes: a time limit that really stops the work, and a row limit that is said.

An Oxigraph query cannot be cancelled from Python, so each query runs in one of a few
worker processes. Each worker opens the store read-only (and opens it again when the
store's files change, to see new loads); the server waits for the answer up to the time
limit, and otherwise kills that worker and starts a new one in the background. Other
clients keep being served by the other workers meanwhile.

A worker checks the query (:func:`graph.sparql_safety.check_read_only`) before it runs,
and renders the answer in the negotiated format itself, so the server process only
moves bytes.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import queue
import select
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["QUERY", "VIEW", "Answer", "Job", "WorkerPool", "run_job"]

QUERY = "query"
VIEW = "view"
#: Linux prctl option: the signal a process gets when its parent exits
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Job:
    """One piece of work: a query with its format and limits, or the view page."""

    kind: str
    query: str = ""
    fmt: str | None = None
    accept: str | None = None
    max_rows: int = 10_000
    partial: bool = False


@dataclass
class Answer:
    """What a worker sends back: an HTTP status, a media type, the body, extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class _StoreHandle:
    """The store a worker reads, opened read-only and reopened when its files change."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._store: Any = None
        self._stamp: int | None = None

    def _files_stamp(self) -> int | None:
        path = Path(self.location)
        if not path.is_dir():
            return None
        try:
            return max((e.stat().st_mtime_ns for e in os.scandir(path)), default=0)
        except OSError:
            return None

    def get(self) -> Any:
        from ..store import open_store

        stamp = self._files_stamp()
        if self._store is None or stamp != self._stamp:
            if self._store is not None:
                self._store.close()
            self._store = open_store(self.location, read_only=True)
            self._stamp = stamp
        return self._store


def _limited_rows(store: Any, sparql: str, max_rows: int) -> Any:
    """Run ``sparql``; for the embedded store, stop reading rows one past ``max_rows``."""
    from ..store import EmbeddedStore

    if not isinstance(store, EmbeddedStore):
        return store.query(sparql)
    # the same dataset as ``dikg query``: the default graph holds every article's triples
    return store.to_results(store.solutions(sparql), max_rows + 1)


def run_job(handle: _StoreHandle, job: Job) -> Answer:
    """Do one job against the store; every outcome becomes an :class:`Answer`."""
    from ..errors import DikgError, QueryError, StoreError
    from ..sparql_safety import QueryRefused, check_read_only
    from .protocol import negotiate

    try:
        if job.kind == VIEW:
            try:
                from ..view import render_html
            except ImportError as err:
                from .pages import no_view_page

                return Answer(404, "text/html; charset=utf-8", no_view_page(str(err)).encode("utf-8"))
            return Answer(200, "text/html; charset=utf-8", render_html(handle.get()).encode("utf-8"))
        check = check_read_only(job.query)
        fmt = negotiate(check.form, job.accept, job.fmt)
        res = _limited_rows(handle.get(), job.query, job.max_rows)
        headers: dict[str, str] = {}
        items = res.rows if res.kind == "select" else res.triples
        if len(items) > job.max_rows:
            if not job.partial:
                return _error(400, f"the result has more than {job.max_rows} rows, this server's limit; "
                                   "add LIMIT (and OFFSET to page), or ask for partial=true to get the first rows")
            del items[job.max_rows:]
            headers["X-Dikg-Truncated"] = f"max-rows={job.max_rows}"
            headers["Warning"] = f'199 dikg "results truncated to the first {job.max_rows} rows"'
        return Answer(200, f"{fmt.media_type}; charset=utf-8", fmt.render(res), headers)
    except QueryRefused as err:
        return _error(403, str(err))
    except QueryError as err:
        return _error(400, str(err))
    except StoreError as err:
        return _error(503, str(err))
    except DikgError as err:
        return _error(400, str(err))
    except Exception:  # a bug: report it, keep the worker alive
        return _error(500, "internal error:\n" + traceback.format_exc(limit=5))


def die_with(server: int) -> None:
    """End this process as soon as ``server``, the process that started it, exits (Linux; elsewhere, a poll).

    A query cannot be interrupted, so a worker whose server was stopped by SIGKILL would
    run its query to the end, burning a core. A forked worker asks Linux for SIGKILL when
    its parent exits (``PR_SET_PDEATHSIG``). The parent of a worker that a fork server
    started is the fork server, which lives as long as any of its children does: such a
    worker watches the server from a thread instead (queries release the GIL).
    """
    if os.getppid() == server:
        try:
            prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):
            pass
        else:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != server:  # the server exited before that took effect
                os._exit(1)
            return
    threading.Thread(target=_exit_with, args=(server,), name="dikg-server-watch", daemon=True).start()


def _exit_with(server: int) -> None:
    """Wait for process ``server`` to exit, then end this process at once."""
    try:
        fd = os.pidfd_open(server)  # Linux: readable once the process has exited
    except (AttributeError, OSError):
        while _alive(server):
            time.sleep(1.0)
    else:
        select.select([fd], [], [])
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_process(conn: Connection, location: str, server: int) -> None:
    """The body of a worker process: die with ``server`` (the process that started it), answer jobs."""
    die_with(server)
    _worker_main(conn, location)


def _worker_main(conn: Connection, location: str) -> None:
    handle = _StoreHandle(location)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(run_job(handle, job))


class _Worker:
    def __init__(self, ctx: Any, location: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_process, args=(child, location, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self._killed = False
        self._kill_lock = threading.Lock()

    def kill(self) -> None:
        """Stop the process and close its pipe, once: the pool's close and a request thread may both ask."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of worker processes over one store, each query under a time limit."""

    def __init__(self, location: str, size: int = 2, timeout: float = 30.0) -> None:
        self.location = location
        self.timeout = timeout
        self.size = size
        # A fork server, not fork: the HTTP server is threaded. It imports the heavy
        # modules once, so a worker killed at its time limit is replaced in milliseconds.
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["graph.server.workers", "graph.store", "graph.sparql_safety",
                                          "rdflib.plugins.sparql.parser", "pyoxigraph"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.killed = 0
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.location)
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            threading.Thread(target=self._add, name="dikg-worker-start", daemon=True).start()

    def run(self, job: Job, timeout: float | None = None) -> Answer:
        """Run ``job`` on an idle worker; stop it after ``timeout`` seconds (default: the pool's)."""
        limit = self.timeout if timeout is None else timeout
        start = time.monotonic()
        try:
            w = self._idle.get(timeout=limit)
        except queue.Empty:
            return _error(503, f"every worker stayed busy for {limit:g} s; try again later")
        try:
            w.conn.send(job)
            remaining = max(0.0, limit - (time.monotonic() - start))
            if w.conn.poll(remaining):
                answer: Answer = w.conn.recv()
                self._idle.put(w)
                return answer
        except (EOFError, OSError, BrokenPipeError):
            self._replace(w)
            return _error(500, "the query worker died; it has been replaced")
        self.killed += 1
        self._replace(w)
        return _error(503, f"the query ran longer than {limit:g} s, this server's limit, and was stopped")

    def wait_ready(self, timeout: float = 60.0) -> bool:
        """Return once every worker answers (or False after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._idle.qsize() >= self.size:
                break
            time.sleep(0.05)
        ok = True
        for _ in range(self.size):
            answer = self.run(Job(QUERY, "ASK {}", fmt="json"), timeout=max(1.0, deadline - time.monotonic()))
            ok = ok and answer.status == 200
        return ok

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
            w.process.join(1)
            if w.process.is_alive():
                w.kill()
