"""The SPARQL 1.1 Protocol, read side: what a request asks for, and results in the format it accepts.

A query arrives as ``GET ?query=``, as a form ``POST`` (``query=``), or as a ``POST`` with
``Content-Type: application/sparql-query``. The result format comes from the
``format`` parameter (a name of :data:`SELECT_FORMATS` or :data:`GRAPH_FORMATS`) or else
from the ``Accept`` header; SELECT and ASK answer in SPARQL JSON, XML, CSV or TSV,
CONSTRUCT and DESCRIBE in Turtle, JSON-LD or N-Triples.

>>> negotiate("select", "text/csv;q=0.9, application/sparql-results+json").name
'json'
>>> negotiate("construct", None, "jsonld").media_type
'application/ld+json'
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError
from ..results import to_csv, to_sparql_json, to_tsv
from ..sparql_safety import QueryRefused
from ..store import Results, Term
from ..vocab import PREFIXES

__all__ = [
    "GRAPH_FORMATS",
    "SELECT_FORMATS",
    "ResultFormat",
    "SparqlRequest",
    "negotiate",
    "parse_request",
    "to_sparql_xml",
]

_SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class ResultFormat:
    """One result format: its ``format`` name, media type and serialiser."""

    name: str
    media_type: str
    render: Callable[[Results], bytes]


def _xml_term(t: Term) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{escape(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{escape(str(t))}</bnode>"
    attrs = ""
    if isinstance(t, Literal):
        if t.language:
            attrs = f" xml:lang={quoteattr(t.language)}"
        elif t.datatype is not None and str(t.datatype) != _XSD_STRING:
            attrs = f" datatype={quoteattr(str(t.datatype))}"
    return f"<literal{attrs}>{escape(str(t))}</literal>"


def to_sparql_xml(r: Results) -> str:
    """Serialise SELECT or ASK results as SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', f'<sparql xmlns="{_SPARQL_NS}">', "<head>"]
    if r.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if r.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(v)}/>" for v in r.variables]
    out += ["</head>", "<results>"]
    for row in r.rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(k)}>{_xml_term(v)}</binding>" for k, v in row.items()]
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _graph(r: Results) -> Graph:
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    for t in r.triples:
        g.add(t)
    return g


def _utf8(render: Callable[[Results], str]) -> Callable[[Results], bytes]:
    return lambda r: render(r).encode("utf-8")


#: SELECT and ASK result formats, by ``format`` name (the first is the default)
SELECT_FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", _utf8(to_sparql_json)),
        ResultFormat("xml", "application/sparql-results+xml", _utf8(to_sparql_xml)),
        ResultFormat("csv", "text/csv", _utf8(to_csv)),
        ResultFormat("tsv", "text/tab-separated-values", _utf8(to_tsv)),
    )
}

#: CONSTRUCT and DESCRIBE result formats, by ``format`` name (the first is the default)
GRAPH_FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("turtle", "text/turtle", lambda r: _graph(r).serialize(format="turtle", encoding="utf-8")),
        ResultFormat("jsonld", "application/ld+json",
                     lambda r: _graph(r).serialize(format="json-ld", encoding="utf-8")),
        ResultFormat("ntriples", "application/n-triples",
                     lambda r: _graph(r).serialize(format="nt", encoding="utf-8")),
    )
}

#: more media types clients send, and the format each means
_ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "turtle",
    "application/json+ld": "jsonld",
    "text/plain": "ntriples",
}


def _accepted(accept: str) -> list[str]:
    """Return the media types of an Accept header, most wanted first (stable for ties)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(form: str, accept: str | None, fmt: str | None = None) -> ResultFormat:
    """Return the result format for a query form, from ``format`` or else the Accept header."""
    table = GRAPH_FORMATS if form in ("construct", "describe") else SELECT_FORMATS
    if fmt:
        key = _ALIASES.get(fmt, fmt)
        by_type = {f.media_type: f for f in table.values()}
        if key in table:
            return table[key]
        if key in by_type:
            return by_type[key]
        raise QueryError(f"format {fmt!r} does not fit a {form.upper()} query; use one of: {', '.join(table)}")
    by_media = {f.media_type: f for f in table.values()}
    for media in _accepted(accept or ""):
        if media in by_media:
            return by_media[media]
        alias = _ALIASES.get(media)
        if alias in table:
            return table[alias]  # type: ignore[index]
        if media in ("*/*", "application/*", "text/*"):
            break
    return next(iter(table.values()))


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks: the query, a requested format, dataset parameters."""

    query: str
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    partial: bool = False


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes) -> SparqlRequest:
    """Read a SPARQL Protocol query request; raise :class:`~graph.sparql_safety.QueryRefused` for an update."""
    params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
    ctype = (content_type or "").split(";")[0].strip().lower()
    if method == "POST":
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise QueryError("the form is not UTF-8") from None
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            try:
                params.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                raise QueryError("the query is not UTF-8") from None
        elif ctype == "application/sparql-update":
            raise QueryRefused("refused: SPARQL Update is not allowed (this endpoint is read-only)")
        else:
            raise QueryError(f"cannot read a POST of {ctype or 'no content type'}; send "
                             "application/x-www-form-urlencoded or application/sparql-query")
    if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise QueryRefused("refused: SPARQL Update is not allowed (this endpoint is read-only)")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise QueryError("send exactly one query (parameter 'query', or a body of type application/sparql-query)")
    return SparqlRequest(
        query=queries[0],
        fmt=next(iter(params.get("format") or params.get("output") or []), None),
        default_graphs=tuple(params.get("default-graph-uri", [])),
        named_graphs=tuple(params.get("named-graph-uri", [])),
        partial=(params.get("partial") or ["false"])[0].lower() in ("1", "true", "yes"),
    )
