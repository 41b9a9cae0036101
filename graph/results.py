"""Query results in the standard formats: SPARQL 1.1 JSON, CSV, TSV, and plain cells for tables.

>>> from rdflib import Literal
>>> r = Results("select", variables=["x"], rows=[{"x": Literal(1)}])
>>> to_csv(r)
'x\\r\\n1\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from rdflib import BNode, Literal, URIRef

from .store import Results, Term

__all__ = ["RESULT_FORMATS", "cell", "term_json", "to_csv", "to_sparql_json", "to_tsv"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term_json(t: Term) -> dict[str, str]:
    """Return one RDF term in the SPARQL 1.1 JSON results shape."""
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    out = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal):
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and str(t.datatype) != XSD_STRING:
            out["datatype"] = str(t.datatype)
    return out


def to_sparql_json(r: Results) -> str:
    """Serialise results as SPARQL 1.1 Query Results JSON."""
    if r.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(r.boolean)})
    if r.kind == "graph":
        raise ValueError("CONSTRUCT/DESCRIBE results are graphs; export them as RDF")
    return json.dumps({
        "head": {"vars": r.variables},
        "results": {"bindings": [{k: term_json(v) for k, v in row.items()} for row in r.rows]},
    }, ensure_ascii=False, indent=1)


def cell(t: Term | None) -> str:
    """Return a term as plain text for a table cell or CSV field."""
    return "" if t is None else str(t)


def _delimited(r: Results, dialect: str) -> str:
    buf = io.StringIO()
    if r.kind == "ask":
        return "true\r\n" if r.boolean else "false\r\n"
    w = csv.writer(buf, dialect=dialect)
    w.writerow(r.variables)
    for row in r.rows:
        w.writerow([cell(row.get(v)) for v in r.variables])
    return buf.getvalue()


def to_csv(r: Results) -> str:
    """Serialise SELECT results as SPARQL 1.1 CSV (plain values)."""
    return _delimited(r, "excel")


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        return t.n3()
    return f"_:{t}"


def to_tsv(r: Results) -> str:
    """Serialise SELECT results as SPARQL 1.1 TSV (terms in Turtle syntax)."""
    if r.kind == "ask":
        return "true\n" if r.boolean else "false\n"
    lines = ["\t".join(f"?{v}" for v in r.variables)]
    for row in r.rows:
        lines.append("\t".join(_tsv_term(row.get(v)).replace("\t", "\\t").replace("\n", "\\n")
                               for v in r.variables))
    return "\n".join(lines) + "\n"


#: name -> (media type, serialiser)
RESULT_FORMATS: dict[str, tuple[str, Callable[[Results], str]]] = {
    "json": ("application/sparql-results+json", to_sparql_json),
    "csv": ("text/csv", to_csv),
    "tsv": ("text/tab-separated-values", to_tsv),
}
