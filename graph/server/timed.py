"""A store whose queries run in a worker process under one time limit (``dikg query --timeout``).

An Oxigraph query cannot be cancelled from Python, so a limit that holds needs a process
to kill. :class:`TimeLimitedStore` runs every query in one worker process that opens the
store read-only and answers jobs just as a worker of ``dikg serve`` does
(:func:`graph.server.workers.run_job`), and turns its answers back into
:class:`~graph.store.Results`. The limit covers all the queries made through one store
together — a named query's entity look-ups and the query itself — counted from the
first one; starting the worker is not counted. A query still running at the limit is
stopped by killing the worker, and :class:`QueryStopped` is raised.
"""

from __future__ import annotations

import importlib
import io
import multiprocessing as mp
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.query import Result

from ..errors import QueryError, StoreError
from ..sparql_safety import QueryRefused, query_form
from ..store import Quad, Results, Store, open_store
from .workers import QUERY, Answer, Job, worker_process

__all__ = ["QueryStopped", "TimeLimitedStore", "open_time_limited"]

#: seconds a worker may take to start and open the store (not part of the query's limit)
START_LIMIT = 60.0
#: modules the worker and this process both use, imported once before the worker forks
_PRELOAD = ("pyoxigraph", "rdflib.plugins.sparql.parser", "rdflib.plugins.sparql.results.jsonresults",
            "graph.server.protocol")


class QueryStopped(StoreError):
    """A query ran past its time limit and its worker was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"query stopped after {seconds:g} s")
        self.seconds = seconds


class TimeLimitedStore:
    """A read-only view of the store in directory ``location``; its queries stop after ``timeout`` seconds."""

    def __init__(self, location: str, timeout: float) -> None:
        if not Path(location).is_dir():
            raise StoreError(f"no store at {location}; load some facts first (dikg load FILES --store ...)")
        self.location = location
        self.timeout = timeout
        self._deadline: float | None = None
        # Forked when this process runs no other thread (the command line): a fork
        # inherits the modules imported here, which this process needs too, so the worker
        # starts in milliseconds. A threaded caller gets a fork server, as dikg serve does.
        for module in _PRELOAD:
            importlib.import_module(module)
        method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "forkserver"
        self._worker: _Child | None = _Child(mp.get_context(method), location)
        try:
            # Open the store before the clock runs, and say why if it cannot be opened.
            answer = self._run(Job(QUERY, "ASK {}", fmt="json"), START_LIMIT)
            if answer is None:
                raise StoreError(f"the query process did not open {location} within {START_LIMIT:g} s")
            _results(answer, "ask")
        except BaseException:
            self.close()
            raise

    def _run(self, job: Job, limit: float) -> Answer | None:
        """Return the worker's answer to ``job``, or None after stopping it at ``limit`` seconds."""
        worker = self._worker
        if worker is None:
            raise QueryStopped(self.timeout)
        try:
            worker.conn.send(job)
            if worker.conn.poll(limit):
                answer: Answer = worker.conn.recv()
                return answer
        except (EOFError, OSError):
            self.close()
            raise StoreError("the query process died") from None
        worker.kill()
        self._worker = None
        return None

    def query(self, sparql: str, timeout: float | None = None) -> Results:
        """Run ``sparql`` in the worker; raise :class:`QueryStopped` once the store's limit has passed."""
        now = time.monotonic()
        if self._deadline is None:
            self._deadline = now + self.timeout
        remaining = self._deadline - now if timeout is None else min(timeout, self._deadline - now)
        form = query_form(sparql)
        job = Job(QUERY, sparql, fmt="ntriples" if form in ("construct", "describe") else "json",
                  max_rows=sys.maxsize)
        answer = self._run(job, remaining) if remaining > 0 else None
        if answer is None:
            raise QueryStopped(self.timeout)
        return _results(answer, form)

    def named_graphs(self) -> list[URIRef]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
        return sorted(r["g"] for r in rows if isinstance(r.get("g"), URIRef))  # type: ignore[misc]

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        pattern = f"VALUES ?g {{ <{graph}> }} " if graph is not None else ""
        for row in self.query(f"SELECT * WHERE {{ {pattern}GRAPH ?g {{ ?s ?p ?o }} }}").rows:
            yield row["s"], row["p"], row["o"], row["g"]  # type: ignore[misc]

    def replace_articles(self, graphs: Mapping[URIRef, Sequence[Quad]]) -> None:
        raise StoreError(f"{self.location} is open read-only here")

    def remove_article(self, graph: URIRef) -> None:
        raise StoreError(f"{self.location} is open read-only here")

    def close(self) -> None:
        """Stop the worker."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        try:
            worker.conn.send(None)
        except OSError:
            pass
        worker.process.join(1)
        worker.kill()


class _Child:
    """The worker process and this end of its pipe."""

    def __init__(self, ctx: Any, location: str) -> None:
        self.conn, child = ctx.Pipe()
        # the worker dies with this process, even one stopped by SIGTERM or SIGKILL
        self.process = ctx.Process(target=worker_process, args=(child, location, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def _results(answer: Answer, form: str) -> Results:
    """Return what a worker's answer holds, or raise the error it reports."""
    text = answer.body.decode("utf-8", "replace").strip()
    if answer.status == 403:
        raise QueryRefused(text)
    if answer.status == 400:
        raise QueryError(text)
    if answer.status != 200:
        # a worker reports a bug with its traceback; the first line says what happened
        raise StoreError(text.splitlines()[0] if text else f"the query worker answered {answer.status}")
    if form in ("construct", "describe"):
        g = Graph().parse(data=answer.body.decode("utf-8"), format="nt")
        return Results("graph", triples=list(g))  # type: ignore[arg-type]
    parsed = Result.parse(io.BytesIO(answer.body), format="json")
    if parsed.type == "ASK":
        return Results("ask", boolean=bool(parsed.askAnswer))
    variables = [str(v) for v in parsed.vars or []]
    rows = [{str(k): v for k, v in b.items()} for b in parsed.bindings]
    return Results("select", variables=variables, rows=rows)  # type: ignore[arg-type]


def open_time_limited(location: str, timeout: float) -> Store:
    """Open the store at ``location`` so that its queries stop after ``timeout`` seconds.

    A store directory gets a :class:`TimeLimitedStore`; a SPARQL server is opened as
    usual, and passes the limit on with each query (to the server and the HTTP request).
    """
    if "://" in location or location == ":memory:":
        return open_store(location)
    return TimeLimitedStore(location, timeout)
