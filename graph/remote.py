"""A SPARQL 1.1 server as the store: queries over HTTP, articles written with the Graph Store Protocol.

``--store http://host:8890/sparql`` (or ``https://``) opens a :class:`RemoteStore`. The
URL is the query endpoint; everything else comes from the environment (one row of
:data:`REMOTE_SETTINGS` each), with defaults for Virtuoso's layout:

==================  =========================================  ==========================
env                 default                                    meaning
==================  =========================================  ==========================
DIKG_UPDATE_URL     ``<base>/sparql-auth``                     SPARQL Update endpoint
DIKG_GSP_URL        ``<base>/sparql-graph-crud-auth``          Graph Store Protocol
DIKG_USER           (none)                                     user for updates (Digest/Basic)
DIKG_PASSWORD       (none)                                     its password
DIKG_TIMEOUT        60                                         seconds per HTTP request
DIKG_WRITE_MODE     gsp                                        ``gsp`` or ``update``
DIKG_GRAPH_PREFIX   https://w3id.org/dikg/                     which graphs are dikg's
DIKG_PAGE_SIZE      5000                                       rows per page when listing
==================  =========================================  ==========================

Writing an article is one Graph Store Protocol ``PUT`` of its named graph as
N-Triples: the server swaps the graph in one request, so a reader sees the old graph or
the new one. ``DIKG_WRITE_MODE=update`` sends one SPARQL Update instead (``DROP`` then
``INSERT DATA`` in blocks of at most 1,000 triples, which Virtuoso requires).

Queries ask for SPARQL JSON results (N-Triples for CONSTRUCT/DESCRIBE), by form POST,
with a timeout on every request. A server that cuts a result short — Virtuoso answers
200 with an ``X-SPARQL-MaxRows`` header when it drops rows, or ``X-SQL-State: S1TAT``
when its time ran out — raises :class:`TruncatedResultsError` or
:class:`QueryTimeoutError`: partial rows never pass for a complete answer.

A server holds graphs of its own (Virtuoso's system graphs); :meth:`RemoteStore.quads`
and :meth:`RemoteStore.named_graphs` list only the graphs under ``DIKG_GRAPH_PREFIX``,
so exports of a remote store hold exactly what dikg wrote.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from email.message import Message
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from .errors import QueryError, StoreError
from .sparql_safety import query_form
from .store import STORE_KINDS, Quad, Results, Term, _nt
from .vocab import BASE

__all__ = [
    "INSERT_BATCH",
    "REMOTE_SETTINGS",
    "QueryTimeoutError",
    "RemoteSettings",
    "RemoteStore",
    "Setting",
    "TruncatedResultsError",
    "open_remote",
]

#: most triples Virtuoso takes in one INSERT DATA
INSERT_BATCH = 1000
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_JSON_RESULTS = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


class TruncatedResultsError(StoreError):
    """The server returned fewer rows than the query has (a result-size limit)."""

    def __init__(self, message: str, max_rows: int | None = None) -> None:
        super().__init__(message)
        self.max_rows = max_rows


class QueryTimeoutError(StoreError):
    """The query ran out of time; whatever it returned is incomplete."""


@dataclass(frozen=True)
class Setting:
    """One setting of a remote store: its field, environment variable and meaning."""

    field: str
    env: str
    help: str


#: every setting read from the environment, in documentation order
REMOTE_SETTINGS: tuple[Setting, ...] = (
    Setting("update_url", "DIKG_UPDATE_URL", "SPARQL Update endpoint (default: <base>/sparql-auth)"),
    Setting("gsp_url", "DIKG_GSP_URL", "Graph Store Protocol endpoint (default: <base>/sparql-graph-crud-auth)"),
    Setting("user", "DIKG_USER", "user name for writes"),
    Setting("password", "DIKG_PASSWORD", "password for writes"),
    Setting("timeout", "DIKG_TIMEOUT", "seconds per HTTP request (default 60)"),
    Setting("write_mode", "DIKG_WRITE_MODE", "gsp (default: one PUT per article) or update"),
    Setting("graph_prefix", "DIKG_GRAPH_PREFIX", f"graphs that belong to dikg (default {BASE})"),
    Setting("page_size", "DIKG_PAGE_SIZE", "rows per page when listing quads (default 5000)"),
)

_CONVERT: dict[str, Callable[[str], Any]] = {"timeout": float, "page_size": int}


@dataclass(frozen=True)
class RemoteSettings:
    """Where a SPARQL server's endpoints are and how to talk to them."""

    query_url: str
    update_url: str
    gsp_url: str
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0
    write_mode: str = "gsp"
    graph_prefix: str = BASE
    page_size: int = 5000

    @classmethod
    def for_url(cls, query_url: str, **overrides: Any) -> RemoteSettings:
        """Return settings for ``query_url`` with Virtuoso's endpoint layout as default."""
        base = query_url.rstrip("/")
        base = base[: -len("/sparql")] if base.endswith("/sparql") else base
        settings = cls(query_url, update_url=base + "/sparql-auth", gsp_url=base + "/sparql-graph-crud-auth")
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})

    @classmethod
    def from_env(cls, query_url: str, env: Mapping[str, str] | None = None) -> RemoteSettings:
        """Return settings for ``query_url`` with every ``DIKG_*`` variable of :data:`REMOTE_SETTINGS` applied."""
        env = os.environ if env is None else env
        overrides: dict[str, Any] = {}
        for s in REMOTE_SETTINGS:
            raw = env.get(s.env)
            if not raw:
                continue
            try:
                overrides[s.field] = _CONVERT.get(s.field, str)(raw)
            except ValueError:
                raise StoreError(f"{s.env}={raw!r} is not valid: {s.help}") from None
        settings = cls.for_url(query_url, **overrides)
        if settings.write_mode not in _WRITERS:
            raise StoreError(f"DIKG_WRITE_MODE={settings.write_mode!r}; use one of: {', '.join(_WRITERS)}")
        return settings


@dataclass
class _Response:
    status: int
    headers: Message
    body: bytes


class _Dropped(Exception):
    """The server closed the connection without an answer."""


class _Credentials:
    """Credentials sent with the first request: Digest (as Virtuoso wants) or Basic.

    urllib's auth handlers send a request without credentials first and repeat it after
    the 401. Virtuoso closes the connection after that 401 without reading the body,
    so a large PUT fails with a broken pipe. Here a small GET fetches the challenge
    once, and every later request carries its answer.
    """

    def __init__(self, settings: RemoteSettings) -> None:
        self._user = settings.user or ""
        self._password = settings.password or ""
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in (settings.query_url, settings.update_url, settings.gsp_url):
            parts = urllib.parse.urlsplit(url)
            passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", self._user,  # type: ignore[arg-type]
                                   self._password)
        self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
        self._challenge: dict[str, str] | None = None
        self._basic = False
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._basic or self._challenge is not None

    def learn(self, resp: _Response) -> None:
        """Remember the challenge of a 401 answer (Digest; anything else gets Basic)."""
        header = (resp.headers.get("WWW-Authenticate") or "") if resp.headers is not None else ""
        scheme, _, rest = header.partition(" ")
        if scheme.lower() == "digest":
            items = urllib.request.parse_http_list(rest)
            self._challenge = urllib.request.parse_keqv_list([i for i in items if "=" in i])
            self._basic = False
        else:
            self._basic = True

    def forget(self) -> None:
        self._challenge = None
        self._basic = False

    def sign(self, req: urllib.request.Request) -> None:
        """Add an Authorization header answering the known challenge."""
        if self._basic:
            token = base64.b64encode(f"{self._user}:{self._password}".encode()).decode("ascii")
            req.add_unredirected_header("Authorization", f"Basic {token}")
        elif self._challenge is not None:
            with self._lock:
                answer = self._digest.get_authorization(req, self._challenge)
            if answer:
                req.add_unredirected_header("Authorization", f"Digest {answer}")


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit] + "…"


class RemoteStore:
    """A store on a SPARQL 1.1 server (tested against Virtuoso 7)."""

    def __init__(self, settings: RemoteSettings, read_only: bool = False) -> None:
        self.settings = settings
        self.location = settings.query_url
        self.read_only = read_only
        self._auth = _Credentials(settings) if settings.user is not None else None
        self._open: set[str] = set()  # endpoints that asked for no credentials
        # No auth handlers: credentials go with the first request (see _Credentials).
        self._opener = urllib.request.build_opener()

    # -- HTTP
    def _request(self, method: str, url: str, data: bytes | None = None, headers: Mapping[str, str] | None = None,
                 timeout: float | None = None) -> _Response:
        """Send one request, with credentials when a user is set; retry once on a fresh challenge."""
        for attempt in (1, 2):
            if self._auth is not None and not self._auth.ready and data and self._where(url) not in self._open:
                # Fetch the challenge with a small request before sending a body.
                probe = self._send("GET", url, None, {}, timeout)
                if probe.status == 401:
                    self._auth.learn(probe)
                else:
                    self._open.add(self._where(url))
            req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
            if self._auth is not None:
                self._auth.sign(req)
            try:
                resp = self._send_request(req, timeout)
            except _Dropped:
                # A server may close the connection on a request it will not authorise
                # before reading its body (a stale nonce): ask for a new challenge once.
                if self._auth is None or attempt == 2:
                    raise StoreError(f"{self._where(url)} closed the connection") from None
                self._auth.forget()
                continue
            if resp.status == 401 and self._auth is not None and attempt == 1:
                self._auth.learn(resp)
                continue
            return resp
        raise AssertionError("unreachable")

    def _send(self, method: str, url: str, data: bytes | None, headers: Mapping[str, str],
              timeout: float | None) -> _Response:
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
        try:
            return self._send_request(req, timeout)
        except _Dropped:
            raise StoreError(f"{self._where(url)} closed the connection") from None

    def _send_request(self, req: urllib.request.Request, timeout: float | None) -> _Response:
        limit = timeout or self.settings.timeout
        url = req.full_url
        try:
            with self._opener.open(req, timeout=limit) as resp:
                return _Response(resp.status, resp.headers, resp.read())
        except urllib.error.HTTPError as err:
            body = err.read() if err.fp is not None else b""
            return _Response(err.code, err.headers, body)
        except TimeoutError:
            raise QueryTimeoutError(f"{self._where(url)}: no answer within {limit:g} s") from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, TimeoutError):
                raise QueryTimeoutError(f"{self._where(url)}: no answer within {limit:g} s") from None
            if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
                raise _Dropped() from None
            raise StoreError(f"cannot reach {self._where(url)}: {reason}") from None
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            raise _Dropped() from None
        except OSError as err:
            raise StoreError(f"cannot reach {self._where(url)}: {err}") from None

    @staticmethod
    def _where(url: str) -> str:
        return url.split("?", 1)[0]

    def _fail(self, what: str, url: str, resp: _Response) -> StoreError:
        text = _one_line(resp.body.decode("utf-8", "replace"))
        hint = ""
        if resp.status in (401, 403):
            hint = " (set DIKG_USER and DIKG_PASSWORD to a user allowed to write)"
        return StoreError(f"{what} failed: {self._where(url)} answered HTTP {resp.status}{hint}: {text}")

    # -- queries
    def query(self, sparql: str, timeout: float | None = None) -> Results:
        """Run a query on the server's default graph (the union of all graphs on Virtuoso)."""
        form = query_form(sparql)
        accept = _NTRIPLES if form in ("construct", "describe") else _JSON_RESULTS
        fields = {"query": sparql}
        if timeout is not None:
            fields["timeout"] = str(int(timeout * 1000))  # Virtuoso's per-query limit, in ms
        http_timeout = self.settings.timeout if timeout is None else timeout + 5.0
        resp = self._request("POST", self.settings.query_url, urllib.parse.urlencode(fields).encode("utf-8"),
                             {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}, http_timeout)
        if resp.status == 400:
            raise QueryError(f"the server refused the query: {_one_line(resp.body.decode('utf-8', 'replace'))}")
        if resp.status != 200:
            text = resp.body.decode("utf-8", "replace")
            if "estimated execution time" in text:  # Virtuoso refuses, up front, what would take too long
                raise QueryTimeoutError(f"{self.location} refused a query it expects to run too long: "
                                        f"{_one_line(text, 200)}")
            raise self._fail("query", self.settings.query_url, resp)
        self._check_complete(resp)
        ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if form in ("construct", "describe"):
            return Results("graph", triples=_parse_triples(resp.body, ctype))
        if ctype not in (_JSON_RESULTS, "application/json"):
            raise StoreError(f"query: {self.location} answered {ctype or 'no content type'}, "
                             f"not SPARQL JSON results")
        return _parse_json_results(resp.body)

    def _check_complete(self, resp: _Response) -> None:
        state = resp.headers.get("X-SQL-State") or ""
        if state.strip().upper() == "S1TAT":
            raise QueryTimeoutError(f"query ran out of time on {self.location} "
                                    f"({_one_line(resp.headers.get('X-SQL-Message') or 'timeout')}); "
                                    "its results would be incomplete")
        max_rows = resp.headers.get("X-SPARQL-MaxRows")
        if max_rows:
            limit = int(max_rows) if max_rows.strip().isdigit() else None
            raise TruncatedResultsError(
                f"{self.location} cut the result at {max_rows} rows (its ResultSetMaxRows); "
                "add LIMIT/OFFSET or raise the server's limit", limit)

    # -- listing
    def named_graphs(self) -> list[URIRef]:
        """Return the names of dikg's graphs (those under the graph prefix), sorted."""
        prefix = Literal(self.settings.graph_prefix).n3()
        rows = self._paged(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                           f"FILTER(STRSTARTS(STR(?g), {prefix})) }} ORDER BY ?g")
        return sorted(r["g"] for r in rows if isinstance(r.get("g"), URIRef))  # type: ignore[misc]

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Iterate the quads of one graph, or of every dikg graph, page by page."""
        graphs = [graph] if graph is not None else self.named_graphs()
        for g in graphs:
            for row in self._paged(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o"):
                yield row["s"], row["p"], row["o"], g  # type: ignore[misc]

    def _paged(self, sparql: str) -> Iterator[dict[str, Term]]:
        # The ordered query sits in a subquery: Virtuoso refuses ORDER BY with OFFSET + LIMIT
        # beyond its sort limit (SR353) unless the outer query pages a sorted inner one.
        size, offset = self.settings.page_size, 0
        while True:
            try:
                rows = self.query(f"SELECT * WHERE {{ {sparql} }} LIMIT {size} OFFSET {offset}").rows
            except TruncatedResultsError as err:
                if err.max_rows is None or err.max_rows >= size or err.max_rows < 1:
                    raise
                size = err.max_rows  # the server's limit is below our page: page at its size
                continue
            yield from rows
            if len(rows) < size:
                return
            offset += size

    # -- writes
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")

    def replace_articles(self, graphs: Mapping[URIRef, Sequence[Quad]]) -> None:
        """Replace each named graph with the given quads, one request per graph."""
        self._check_writable()
        writer = _WRITERS[self.settings.write_mode]
        for g, quads in graphs.items():
            writer(self, g, quads)

    def _put_graph(self, graph: URIRef, quads: Sequence[Quad]) -> None:
        if not quads:
            self.remove_article(graph)
            return
        body = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o, _ in quads).encode("utf-8")
        url = self._graph_url(graph)
        resp = self._request("PUT", url, body, {"Content-Type": "application/n-triples"})
        if resp.status not in (200, 201, 204):
            raise self._fail(f"writing graph <{graph}>", url, resp)

    def _update_graph(self, graph: URIRef, quads: Sequence[Quad]) -> None:
        self._update(_replace_update(graph, quads))

    def _update(self, update: str) -> None:
        url = self.settings.update_url
        data = urllib.parse.urlencode({"update": update}).encode("utf-8")
        resp = self._request("POST", url, data, {"Content-Type": "application/x-www-form-urlencoded",
                                                 "Accept": _JSON_RESULTS})
        if resp.status not in (200, 204):
            raise self._fail("update", url, resp)

    def _graph_url(self, graph: URIRef) -> str:
        sep = "&" if "?" in self.settings.gsp_url else "?"
        return f"{self.settings.gsp_url}{sep}{urllib.parse.urlencode({'graph-uri': str(graph)})}"

    def remove_article(self, graph: URIRef) -> None:
        """Drop one article's named graph (no error if it is not there)."""
        self._check_writable()
        if self.settings.write_mode == "update":
            self._update(f"DROP SILENT GRAPH <{graph}>")
            return
        url = self._graph_url(graph)
        resp = self._request("DELETE", url)
        if resp.status not in (200, 202, 204, 404):
            raise self._fail(f"dropping graph <{graph}>", url, resp)

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""


def _replace_update(graph: URIRef, quads: Sequence[Quad]) -> str:
    """Return one update that drops ``graph`` and inserts ``quads`` in blocks of :data:`INSERT_BATCH`."""
    parts = [f"DROP SILENT GRAPH <{graph}>"]
    for i in range(0, len(quads), INSERT_BATCH):
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, _ in quads[i:i + INSERT_BATCH])
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
    return " ;\n".join(parts)


#: write mode -> how one article's graph is replaced
_WRITERS: dict[str, Callable[[RemoteStore, URIRef, Sequence[Quad]], None]] = {
    "gsp": RemoteStore._put_graph,
    "update": RemoteStore._update_graph,
}


def _term(b: Mapping[str, str]) -> Term:
    kind = b.get("type")
    value = b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = b.get("xml:lang")
    if lang:
        return Literal(value, lang=lang)
    dt = b.get("datatype")
    if dt and dt != _XSD_STRING:
        return Literal(value, datatype=URIRef(dt))
    return Literal(value)


def _parse_json_results(body: bytes) -> Results:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise StoreError(f"the server's JSON results do not parse: {err}") from None
    if "boolean" in data:
        return Results("ask", boolean=bool(data["boolean"]))
    variables = list(data.get("head", {}).get("vars", []))
    rows = [{k: _term(v) for k, v in binding.items()} for binding in data.get("results", {}).get("bindings", [])]
    return Results("select", variables=variables, rows=rows)


def _parse_triples(body: bytes, ctype: str) -> list[tuple[Term, Term, Term]]:
    # No JSON-LD: rdflib fetches a remote @context, so a server's answer could make dikg
    # reach any host. dikg asks for N-Triples; JSON-LD fails to parse as N-Triples.
    fmt = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
           "application/rdf+xml": "xml"}.get(ctype, "nt")
    g = Graph()
    try:
        g.parse(data=body.decode("utf-8"), format=fmt)
    except Exception as err:  # rdflib's parsers raise many types
        raise StoreError(f"the server's {ctype or 'RDF'} answer does not parse: {_one_line(str(err))}") from None
    triples: list[tuple[Term, Term, Term]] = [(s, p, o) for s, p, o in g]  # type: ignore[misc]
    return sorted(triples, key=lambda t: tuple(x.n3() for x in t))


def open_remote(location: str, read_only: bool = False) -> RemoteStore:
    """Open the SPARQL server at ``location``; other settings come from ``DIKG_*`` variables."""
    return RemoteStore(RemoteSettings.from_env(location), read_only=read_only)


for _scheme in ("http://", "https://"):
    STORE_KINDS[_scheme] = open_remote
