"""``dikg serve``: the store as a read-only SPARQL 1.1 endpoint, with the view and a query page.

>>> from graph.server import ServerConfig
>>> ServerConfig(store=".dikg").host
'127.0.0.1'
"""

from __future__ import annotations

from .app import MAX_BODY, ROUTES, DikgServer, ServerConfig, make_server, serve, serve_in_thread
from .protocol import GRAPH_FORMATS, SELECT_FORMATS, SparqlRequest, negotiate, parse_request, to_sparql_xml
from .workers import Answer, Job, WorkerPool

__all__ = [
    "GRAPH_FORMATS",
    "MAX_BODY",
    "ROUTES",
    "SELECT_FORMATS",
    "Answer",
    "DikgServer",
    "Job",
    "ServerConfig",
    "SparqlRequest",
    "WorkerPool",
    "make_server",
    "negotiate",
    "parse_request",
    "serve",
    "serve_in_thread",
    "to_sparql_xml",
]
