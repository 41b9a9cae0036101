"""The store as a networkx graph: entities as nodes, relations as edges with their evidence.

:func:`project` runs a handful of SPARQL queries (entities, names, countries, facts,
qualifiers, articles) and folds the rows into a :class:`networkx.MultiDiGraph`. It never
walks triples: the store stays the truth and the graph is rebuilt from it on demand.

- A node is an entity IRI with ``type``, ``label``, ``aliases``, ``country`` (the IRI
  of the country it belongs to, a country's own IRI for a country) and ``facts``: the
  facts whose object is a literal (a status, a place, a cooperation area).
- An edge is one relation ``(subject, object, key=kind)``: every fact that states it,
  from any article, is folded into it. Symmetric relations (``partner_of`` ...) are
  stored once, between the two ends in IRI order. Attributes: ``kind``, ``facts``,
  ``confidence`` (highest), ``sources`` (article IRIs), ``publishers``, ``dates``,
  ``first_date``, ``evidence`` (sentence, url, publisher, date, confidence per fact),
  ``qualifiers`` (status, role, buyer ... as seen), ``ordinals`` and ``weight`` (facts).

With ``collapse=True`` agreements and events disappear as nodes and become ties
between their parties (kind ``agreement`` or ``event``, ``via`` naming them), and a
supply with a named buyer becomes a ``supplies`` tie from supplier to buyer.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import Literal
from rdflib.term import Identifier

from ..models import ENTITY_TYPES, SYMMETRIC_PREDICATES
from ..store import Store, Term
from ..vocab import PREDICATE_PROPERTY, PREFIXES, PROPERTY_PREDICATE, VALUE_KEYS

__all__ = [
    "COLLAPSE_KIND",
    "DATE_KEYS",
    "PARTY_KINDS",
    "Article",
    "collapse_graph",
    "project",
    "simple_undirected",
]

#: qualifiers that date a fact, most telling first
DATE_KEYS: tuple[str, ...] = ("date", "start_date", "since", "first_delivery", "delivery_start", "expected_date",
                              "end_date")
#: qualifiers carried onto edges (besides dates and ordinals)
_EDGE_QUALIFIERS: tuple[str, ...] = ("status", "role", "level", "agreement_type", "domain", "quantity", "buyer",
                                     "supplier", "end_user", "partner", "on_behalf_of", "by")
_ORDINAL_KEYS: tuple[str, ...] = ("ordinal", "ordinal_scope")
_LIST_KEYS: tuple[str, ...] = ("after", "buyer", "supplier", "end_user", "partner")

#: entity type -> kind of the tie its parties get when it is collapsed
COLLAPSE_KIND: dict[str, str] = {"Agreement": "agreement", "Event": "event"}
#: relations that make an entity a party of an agreement or an event (collapsed into ties)
PARTY_KINDS: frozenset[str] = frozenset({
    "party_to", "signed", "witnessed", "handed_over", "participant_of", "speaker_at", "chairs", "organised_by",
})

#: relations that tie an entity to a country, most specific first
_COUNTRY_PROPS: tuple[str, ...] = ("country", "part_of", "located_in", "owned_by")


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _values(var: str, terms: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(terms)} }}"


_TYPES = _values("t", (f"dikg:{t}" for t in ENTITY_TYPES))
_OBJECT_TYPES = _values("ot", (f"dikg:{t}" for t in ENTITY_TYPES))

# The default graph is the union of the article graphs, and a triple stated by N articles
# comes back N times: each query reads one pattern with DISTINCT so nothing multiplies.
Q_ENTITIES = _prefixes() + f"SELECT DISTINCT ?e ?t WHERE {{ {_TYPES} ?e a ?t . }}"
Q_LABELS = _prefixes() + "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"
Q_PREFS = _prefixes() + "SELECT DISTINCT ?e ?pref WHERE { ?e skos:prefLabel ?pref }"
Q_ALIASES = _prefixes() + "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
Q_COUNTRY = _prefixes() + """
SELECT DISTINCT ?e ?p ?c WHERE {
  VALUES ?p { dikg:country dikg:partOf dikg:locatedIn dikg:ownedBy }
  ?e ?p ?c . FILTER(isIRI(?c))
}"""

Q_ARTICLES = _prefixes() + """
SELECT ?a ?url ?date ?publisher ?title WHERE {
  ?a a dikg:Article .
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:publisher ?publisher }
  OPTIONAL { ?a dcterms:title ?title }
}"""

Q_FACTS = _prefixes() + """
SELECT ?f ?s ?p ?o ?iri ?article ?conf ?quote WHERE {
  ?f dikg:subject ?s ; dikg:predicate ?p ; dikg:object ?o ; prov:wasDerivedFrom ?article .
  BIND(isIRI(?o) AS ?iri)
  OPTIONAL { ?f dikg:confidence ?conf }
  OPTIONAL { ?f dikg:evidence ?ev . ?ev dikg:quote ?quote }
}"""

_QUALIFIER_PROPS = {str(VALUE_KEYS[k][0]): k for k in (*DATE_KEYS, *_EDGE_QUALIFIERS, *_ORDINAL_KEYS)}
Q_QUALIFIERS = _prefixes() + f"""
SELECT ?f ?q ?v WHERE {{
  {_values("q", (f"<{p}>" for p in _QUALIFIER_PROPS))}
  ?f ?q ?v .
}}"""

_LIST_PROPS = {str(VALUE_KEYS[k][0]): k for k in _LIST_KEYS}
# Every cell of every list-valued qualifier; the order is rebuilt by following rdf:rest.
Q_LISTS = _prefixes() + f"""
SELECT ?f ?q ?head ?cell ?item ?next WHERE {{
  {_values("q", (f"<{p}>" for p in _LIST_PROPS))}
  ?f ?q ?head . ?head rdf:first ?start .
  ?head rdf:rest* ?cell . ?cell rdf:first ?item ; rdf:rest ?next .
}}"""


@dataclass(frozen=True)
class Article:
    """What an edge's evidence says about its source."""

    iri: str
    url: str | None
    date: str | None
    publisher: str | None
    title: str | None


def _py(term: Term | None) -> Any:
    """Return a plain Python value for a term: IRIs and texts as str, numbers as numbers."""
    if term is None or not isinstance(term, Identifier):
        return term
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float | str):
            return value
        if isinstance(value, Decimal):
            return float(value)
        return str(term)
    return str(term)


_KIND: dict[str, str] = {str(prop): kind for prop, kind in PROPERTY_PREDICATE.items()}
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: literal datatype -> Python type, for rows read straight from Oxigraph
_NUMBERS: dict[str, Any] = {
    **{_XSD + t: int for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")},
    **{_XSD + t: float for t in ("decimal", "double", "float")},
}


def _ox_value(term: Any) -> Any:
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    if datatype is None:  # an IRI (or blank node)
        return term.value
    convert = _NUMBERS.get(datatype.value)
    if convert is not None:
        return convert(term.value)
    if datatype.value == _XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


def _rows(store: Store, sparql: str) -> list[dict[str, Any]]:
    """Return the solutions of a SELECT as dicts of plain values (IRIs as str, numbers as numbers).

    An embedded store is read straight from Oxigraph: building rdflib terms for every
    cell is most of the cost on a large store.
    """
    raw = getattr(store, "oxigraph", None)
    if raw is None:
        return [{k: _py(v) for k, v in row.items()} for row in store.query(sparql).rows]
    solutions = raw.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: _ox_value(sol[n]) for n in names if sol[n] is not None} for sol in solutions]


def _articles(store: Store) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for row in _rows(store, Q_ARTICLES):
        iri = str(row["a"])
        out[iri] = Article(iri, _py(row.get("url")), _py(row.get("date")), _py(row.get("publisher")),
                           _py(row.get("title")))
    return out


def _add_entities(g: nx.MultiDiGraph, store: Store) -> None:
    types = {str(r["e"]): str(r["t"]).rsplit("#", 1)[-1] for r in _rows(store, Q_ENTITIES)}
    names: dict[str, dict[str, set[str]]] = {key: defaultdict(set) for key in ("label", "pref", "alias")}
    for key, sparql in (("label", Q_LABELS), ("pref", Q_PREFS), ("alias", Q_ALIASES)):
        for row in _rows(store, sparql):
            e = str(row["e"])
            if e in types:
                names[key][e].add(str(row[key]))
    labels, prefs, aliases = names["label"], names["pref"], names["alias"]
    rank = {str(PREDICATE_PROPERTY.get(p, "")): i for i, p in enumerate(_COUNTRY_PROPS)}
    rank[str(VALUE_KEYS["country"][0])] = 0
    countries: dict[str, tuple[int, str]] = {}
    for row in _rows(store, Q_COUNTRY):
        e, c = str(row["e"]), str(row["c"])
        cand = (rank.get(str(row["p"]), 9), c)
        if e in types and types.get(c) == "Country" and e != c and (e not in countries or cand < countries[e]):
            countries[e] = cand
    for e in sorted(types):
        t = types[e]
        # A country's preferred label is its canonical short name; others keep the article's name.
        choice = prefs[e] if t == "Country" and prefs[e] else (labels[e] or prefs[e])
        label = min(choice) if choice else e.rsplit("/", 1)[-1]
        country = e if t == "Country" else countries.get(e, (0, None))[1]
        g.add_node(e, type=t, label=label, aliases=sorted((aliases[e] | labels[e]) - {label}), country=country,
                   facts=[])


def _qualifiers(store: Store) -> dict[str, dict[str, Any]]:
    lists: dict[tuple[str, str], tuple[str, dict[str, tuple[Any, str]]]] = {}
    for row in _rows(store, Q_LISTS):
        where = (str(row["f"]), _LIST_PROPS[str(row["q"])])
        head, cells = lists.setdefault(where, (str(row["head"]), {}))
        cells[str(row["cell"])] = (_py(row["item"]), str(row["next"]))
    heads = {head for head, _ in lists.values()}
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in _rows(store, Q_QUALIFIERS):
        if str(row["v"]) not in heads:
            out[str(row["f"])][_QUALIFIER_PROPS[str(row["q"])]] = _py(row["v"])
    for (fact, name), (head, cells) in lists.items():
        items: list[Any] = []
        at = head
        while at in cells and len(items) < len(cells):
            item, at = cells[at]
            items.append(item)
        out[fact][name] = items
    return out


def _fact_date(q: dict[str, Any]) -> str | None:
    for key in DATE_KEYS:
        if isinstance(q.get(key), str):
            return str(q[key])
    return None


def _new_edge(kind: str) -> dict[str, Any]:
    return {"kind": kind, "facts": [], "confidence": None, "sources": [], "publishers": [], "dates": [],
            "first_date": None, "evidence": [], "qualifiers": {}, "ordinals": [], "weight": 0, "via": []}


def _fold(edge: dict[str, Any], fact: str, conf: float | None, quote: str | None, art: Article | None,
          q: dict[str, Any]) -> None:
    edge["facts"].append(fact)
    edge["weight"] += 1
    if conf is not None:
        edge["confidence"] = conf if edge["confidence"] is None else max(edge["confidence"], conf)
    date = _fact_date(q)
    if date:
        edge["dates"].append(date)
    seen = date or (art.date if art else None)
    if seen and (edge["first_date"] is None or seen < edge["first_date"]):
        edge["first_date"] = seen
    if art is not None:
        edge["sources"].append(art.iri)
        if art.publisher:
            edge["publishers"].append(art.publisher)
    edge["evidence"].append({
        "sentence": quote, "url": art.url if art else None, "publisher": art.publisher if art else None,
        "date": date or (art.date if art else None), "confidence": conf, "fact": fact,
    })
    for key in _EDGE_QUALIFIERS:
        if key in q:
            values = q[key] if isinstance(q[key], list) else [q[key]]
            edge["qualifiers"].setdefault(key, []).extend(values)
    if "ordinal" in q:
        edge["ordinals"].append({"ordinal": q["ordinal"], "scope": q.get("ordinal_scope"),
                                 "after": list(q.get("after") or []), "fact": fact, "date": seen,
                                 "publisher": art.publisher if art else None})


def _tidy(edge: dict[str, Any]) -> None:
    """Sort and deduplicate an edge's lists so the same store gives the same graph."""
    for key in ("facts", "sources", "publishers", "dates", "via"):
        edge[key] = sorted(set(edge[key]))
    edge["evidence"].sort(key=lambda e: (e["date"] or "", e["url"] or "", e["sentence"] or "", e["fact"]))
    edge["ordinals"].sort(key=lambda o: (o["ordinal"], o["fact"]))
    edge["qualifiers"] = {k: sorted(set(map(str, v))) for k, v in sorted(edge["qualifiers"].items())}


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building a graph allocates millions of small objects and no cycles worth collecting
    # meanwhile; the cyclic collector would otherwise run thousands of times.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def project(store: Store, collapse: bool = False) -> nx.MultiDiGraph:
    """Build the entity graph of ``store`` from SPARQL results.

    >>> from graph.store import EmbeddedStore
    >>> project(EmbeddedStore(None)).number_of_nodes()
    0
    """
    with _gc_paused():
        return _project(store, collapse)


def _project(store: Store, collapse: bool) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    _add_entities(g, store)
    articles = _articles(store)
    quals = _qualifiers(store)
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in _rows(store, Q_FACTS):
        kind = _KIND.get(row["p"])
        s, o, f = str(row["s"]), row["o"], str(row["f"])
        if kind is None or s not in g:
            continue
        q = quals.get(f, {})
        art = articles.get(str(row["article"]))
        conf = row.get("conf")
        quote = row.get("quote")
        if row.get("iri") and o in g:
            a, b = (s, str(o))
            if kind in SYMMETRIC_PREDICATES and b < a:
                a, b = b, a
            edge = edges.get((a, b, kind))
            if edge is None:
                edge = edges[(a, b, kind)] = _new_edge(kind)
            _fold(edge, f, conf, quote, art, q)
        else:
            g.nodes[s]["facts"].append({
                "kind": kind, "value": o, "date": _fact_date(q) or (art.date if art else None),
                "sentence": quote, "url": art.url if art else None, "publisher": art.publisher if art else None,
                "confidence": conf, "fact": f,
            })
    for node in g.nodes.values():
        node["facts"].sort(key=lambda x: (x["kind"], str(x["value"]), x["date"] or "", x["fact"]))
    for (a, b, kind), edge in sorted(edges.items()):
        _tidy(edge)
        edge["symmetric"] = kind in SYMMETRIC_PREDICATES
        g.add_edge(a, b, key=kind, **edge)
    return _collapse(g) if collapse else g


def _merge(into: dict[str, Any], edge: dict[str, Any]) -> None:
    for key in ("facts", "sources", "publishers", "dates", "evidence", "ordinals", "via"):
        into[key].extend(edge[key])
    into["weight"] += edge["weight"]
    if edge["confidence"] is not None:
        into["confidence"] = edge["confidence"] if into["confidence"] is None else max(into["confidence"],
                                                                                          edge["confidence"])
    if edge["first_date"] and (into["first_date"] is None or edge["first_date"] < into["first_date"]):
        into["first_date"] = edge["first_date"]
    for k, v in edge["qualifiers"].items():
        into["qualifiers"].setdefault(k, []).extend(v)


def collapse_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of ``g`` with agreements and events turned into ties between their parties."""
    with _gc_paused():
        return _collapse(g)


def _collapse(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    hubs = {n for n, d in g.nodes(data=True) if d["type"] in COLLAPSE_KIND}
    out.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n not in hubs)
    ties: dict[tuple[str, str, str], dict[str, Any]] = {}

    def tie(a: str, b: str, kind: str, parts: list[dict[str, Any]], via: str) -> None:
        if a == b:
            return
        a, b = min(a, b), max(a, b)
        edge = ties.get((a, b, kind))
        if edge is None:
            edge = ties[(a, b, kind)] = _new_edge(kind)
            edge["symmetric"] = True
        for part in parts:
            _merge(edge, part)
        edge["via"].append(via)

    for hub in sorted(hubs):
        parties: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for u, v, kind, d in [*g.in_edges(hub, keys=True, data=True), *g.out_edges(hub, keys=True, data=True)]:
            other = u if v == hub else v
            if kind in PARTY_KINDS and other not in hubs:
                parties[other].append(d)
        for a, b in combinations(sorted(parties), 2):
            tie(a, b, COLLAPSE_KIND[g.nodes[hub]["type"]], parties[a] + parties[b], g.nodes[hub]["label"])
    for u, v, kind, d in g.edges(keys=True, data=True):
        if u in hubs or v in hubs:
            continue
        buyers = [b for b in d["qualifiers"].get("buyer", []) if b in out] if kind == "supplies" else []
        if buyers:
            for b in buyers:
                tie(u, b, "supplies", [d], g.nodes[v]["label"])
            continue
        out.add_edge(u, v, key=kind, **d)
    for (a, b, kind), edge in sorted(ties.items()):
        _tidy(edge)
        if out.has_edge(a, b, kind):
            _merge(out.edges[a, b, kind], edge)
            _tidy(out.edges[a, b, kind])
        else:
            out.add_edge(a, b, key=kind, **edge)
    return out


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected simple graph of ``g``; ``weight`` = facts between the two ends."""
    u = nx.Graph()
    u.add_nodes_from(g.nodes)
    for a, b, d in g.edges(data=True):
        if a == b:
            continue
        if u.has_edge(a, b):
            u.edges[a, b]["weight"] += d["weight"]
        else:
            u.add_edge(a, b, weight=d["weight"])
    return u
