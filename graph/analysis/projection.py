"""The store as a networkx graph: entities as nodes, relations as edges with their evidence.

:func:`project` runs SPARQL queries (entities, names, countries, articles, qualifiers,
and the facts one property at a time) and folds the rows into a
:class:`networkx.MultiDiGraph`. It never walks triples: the store stays the truth and
the graph is rebuilt from it on demand.

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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product
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

# Each query reads one pattern with DISTINCT: over a store read through the union of its
# article graphs, a triple stated by N articles comes back N times.
Q_ENTITIES = _prefixes() + f"SELECT DISTINCT ?e ?t WHERE {{ {_TYPES} ?e a ?t . }}"
Q_LABELS = _prefixes() + "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"
Q_PREFS = _prefixes() + "SELECT DISTINCT ?e ?pref WHERE { ?e skos:prefLabel ?pref }"
Q_ALIASES = _prefixes() + "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
Q_COUNTRY = _prefixes() + """
SELECT DISTINCT ?e ?p ?c WHERE {
  VALUES ?p { dikg:country dikg:partOf dikg:locatedIn dikg:ownedBy }
  ?e ?p ?c . FILTER(isIRI(?c))
}"""

# Articles and facts are read one property at a time and joined here by their IRI: on
# Oxigraph's disk store a scan of one property is sequential, while a join looks every
# row up again (one query joining the seven properties of 168,500 facts took 2.5x longer).
Q_COLUMN = _prefixes() + "SELECT ?x ?v WHERE {{ ?x {prop} ?v }}"
Q_ARTICLE = _prefixes() + "SELECT ?a WHERE { ?a a dikg:Article }"
#: article attribute -> the property holding it
_ARTICLE_PROPS: dict[str, str] = {"url": "schema:url", "date": "dcterms:date", "publisher": "dcterms:publisher",
                                  "title": "dcterms:title"}
Q_OBJECTS = _prefixes() + "SELECT ?f ?o ?iri WHERE { ?f dikg:object ?o BIND(isIRI(?o) AS ?iri) }"
Q_QUOTES = _prefixes() + "SELECT ?f ?quote WHERE { ?f dikg:evidence ?ev . ?ev dikg:quote ?quote }"

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
#: literal datatype -> conversion of its lexical form, for cells read straight from Oxigraph
_CONVERT: dict[str, Any] = {
    **{_XSD + t: int for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")},
    **{_XSD + t: float for t in ("decimal", "double", "float")},
    _XSD + "boolean": lambda v: v in ("true", "1"),
}

Select = Callable[[str], list[tuple[Any, ...]]]


def _selector(store: Store) -> Select:
    """Return a function running a SELECT on ``store`` and giving its rows as tuples of plain values.

    Cells come in the order of the query's variables, unbound ones as None; IRIs and
    texts are str, numbers int or float, booleans bool. An embedded store is read
    through pyoxigraph's own solutions: building rdflib terms for every cell costs
    more than the query itself on a large store.
    """
    solutions = getattr(store, "solutions", None)
    if solutions is None:
        def select_terms(sparql: str) -> list[tuple[Any, ...]]:
            res = store.query(sparql)
            names = res.variables
            return [tuple(_py(row.get(n)) for n in names) for row in res.rows]
        return select_terms

    import pyoxigraph as ox

    named, literal = ox.NamedNode, ox.Literal
    convert = _CONVERT

    def cell(term: Any) -> Any:
        cls = type(term)
        if cls is named:
            return term.value
        if cls is literal:
            how = convert.get(term.datatype.value)
            return term.value if how is None else how(term.value)
        return None if term is None else term.value  # a blank node

    def select_ox(sparql: str) -> list[tuple[Any, ...]]:
        return [tuple(map(cell, sol)) for sol in solutions(sparql)]

    return select_ox


def _column(select: Select, sparql: str) -> dict[Any, list[Any]]:
    """Return the values of each key (first cell) in the rows of ``sparql``; rows of more cells give tuples."""
    out: dict[Any, list[Any]] = {}
    rows = select(sparql)
    if rows and len(rows[0]) != 2:
        rows = [(row[0], row[1:]) for row in rows]
    for key, value in rows:
        if key in out:
            out[key].append(value)
        else:
            out[key] = [value]
    return out


_UNBOUND: list[Any] = [None]


def _articles(select: Select) -> dict[str, Article]:
    columns = [_column(select, Q_COLUMN.format(prop=prop)) for prop in _ARTICLE_PROPS.values()]
    out = {}
    for (a,) in select(Q_ARTICLE):
        out[a] = Article(a, *(col.get(a, _UNBOUND)[-1] for col in columns))  # a property stated twice: the last
    return out


def _facts(select: Select) -> Iterator[tuple[str, str, str, Any, bool, str, float | None, str | None]]:
    """Yield (fact, subject, predicate, object, object is an IRI, article, confidence, quote) for every fact.

    A fact lacking subject, predicate, object or article is left out; one with several
    values of a property gives a row per combination.
    """
    subjects = _column(select, Q_COLUMN.format(prop="dikg:subject"))
    predicates = _column(select, Q_COLUMN.format(prop="dikg:predicate"))
    objects = _column(select, Q_OBJECTS)
    articles = _column(select, Q_COLUMN.format(prop="prov:wasDerivedFrom"))
    confidences = _column(select, Q_COLUMN.format(prop="dikg:confidence"))
    quotes = _column(select, Q_QUOTES)
    for f, ss in subjects.items():
        ps, os, arts = predicates.get(f), objects.get(f), articles.get(f)
        if ps is None or os is None or arts is None:
            continue
        confs, qs = confidences.get(f, _UNBOUND), quotes.get(f, _UNBOUND)
        if len(ss) == len(ps) == len(os) == len(arts) == len(confs) == len(qs) == 1:
            o, iri = os[0]
            yield f, ss[0], ps[0], o, iri, arts[0], confs[0], qs[0]
        else:
            for s, p, (o, iri), art, conf, quote in product(ss, ps, os, arts, confs, qs):
                yield f, s, p, o, iri, art, conf, quote


def _add_entities(g: nx.MultiDiGraph, select: Select) -> dict[str, list[dict[str, Any]]]:
    """Add every entity as a node; return each node's list of literal facts (empty, to fill)."""
    types = {e: t.rsplit("#", 1)[-1] for e, t in select(Q_ENTITIES)}
    labels: dict[str, set[str]] = {}
    prefs: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    for names, sparql in ((labels, Q_LABELS), (prefs, Q_PREFS), (aliases, Q_ALIASES)):
        for e, name in select(sparql):
            if e in types:
                if e in names:
                    names[e].add(name)
                else:
                    names[e] = {name}
    rank = {str(PREDICATE_PROPERTY.get(p, "")): i for i, p in enumerate(_COUNTRY_PROPS)}
    rank[str(VALUE_KEYS["country"][0])] = 0
    countries: dict[str, tuple[int, str]] = {}
    for e, p, c in select(Q_COUNTRY):
        cand = (rank.get(p, 9), c)
        if e in types and types.get(c) == "Country" and e != c and (e not in countries or cand < countries[e]):
            countries[e] = cand
    none: set[str] = set()
    facts: dict[str, list[dict[str, Any]]] = {}
    nodes = []
    for e in sorted(types):
        t = types[e]
        own, pref = labels.get(e, none), prefs.get(e, none)
        # A country's preferred label is its canonical short name; others keep the article's name.
        choice = pref if t == "Country" and pref else (own or pref)
        label = min(choice) if choice else e.rsplit("/", 1)[-1]
        country = e if t == "Country" else countries.get(e, (0, None))[1]
        others = aliases.get(e, none) | own
        facts[e] = []
        nodes.append((e, {"type": t, "label": label, "aliases": sorted(others - {label}) if others else [],
                          "country": country, "facts": facts[e]}))
    g.add_nodes_from(nodes)
    return facts


def _qualifiers(select: Select) -> dict[str, dict[str, Any]]:
    lists: dict[tuple[str, str], tuple[str, dict[str, tuple[Any, str]]]] = {}
    for f, q, head, cell, item, nxt in select(Q_LISTS):
        _, cells = lists.setdefault((f, _LIST_PROPS[q]), (head, {}))
        cells[cell] = (item, nxt)
    heads = {head for head, _ in lists.values()}
    out: dict[str, dict[str, Any]] = {}
    names = _QUALIFIER_PROPS
    for f, q, v in select(Q_QUALIFIERS):
        if v not in heads:
            if f in out:
                out[f][names[q]] = v
            else:
                out[f] = {names[q]: v}
    for (fact, name), (head, cells) in lists.items():
        items: list[Any] = []
        at = head
        while at in cells and len(items) < len(cells):
            item, at = cells[at]
            items.append(item)
        out.setdefault(fact, {})[name] = items
    return out


def _fact_date(q: dict[str, Any]) -> str | None:
    if q:
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
    url = publisher = None
    seen = date
    if art is not None:
        url, publisher = art.url, art.publisher
        seen = date or art.date
        edge["sources"].append(art.iri)
        if publisher:
            edge["publishers"].append(publisher)
    if seen and (edge["first_date"] is None or seen < edge["first_date"]):
        edge["first_date"] = seen
    edge["evidence"].append({"sentence": quote, "url": url, "publisher": publisher, "date": seen,
                             "confidence": conf, "fact": fact})
    if q:
        for key in _EDGE_QUALIFIERS:
            if key in q:
                values = q[key] if isinstance(q[key], list) else [q[key]]
                edge["qualifiers"].setdefault(key, []).extend(values)
        if "ordinal" in q:
            edge["ordinals"].append({"ordinal": q["ordinal"], "scope": q.get("ordinal_scope"),
                                     "after": list(q.get("after") or []), "fact": fact, "date": seen,
                                     "publisher": publisher})


def _evidence_key(e: dict[str, Any]) -> tuple[str, str, str, str]:
    return (e["date"] or "", e["url"] or "", e["sentence"] or "", e["fact"])


def _ordinal_key(o: dict[str, Any]) -> tuple[Any, str]:
    return (o["ordinal"], o["fact"])


def _tidy(edge: dict[str, Any]) -> None:
    """Sort and deduplicate an edge's lists so the same store gives the same graph."""
    for key in ("facts", "sources", "publishers", "dates", "via"):
        if len(edge[key]) > 1:
            edge[key] = sorted(set(edge[key]))
    if len(edge["evidence"]) > 1:
        edge["evidence"].sort(key=_evidence_key)
    if len(edge["ordinals"]) > 1:
        edge["ordinals"].sort(key=_ordinal_key)
    if edge["qualifiers"]:
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
    select = _selector(store)
    node_facts = _add_entities(g, select)
    articles = _articles(select)
    quals = _qualifiers(select)
    no_qualifiers: dict[str, Any] = {}
    kinds = _KIND
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for f, s, p, o, iri, article, conf, quote in _facts(select):
        kind = kinds.get(p)
        if kind is None or s not in node_facts:
            continue
        q = quals.get(f, no_qualifiers)
        art = articles.get(article)
        if iri and o in node_facts:
            a, b = s, o
            if b < a and kind in SYMMETRIC_PREDICATES:
                a, b = b, a
            edge = edges.get((a, b, kind))
            if edge is None:
                edge = edges[(a, b, kind)] = _new_edge(kind)
            _fold(edge, f, conf, quote, art, q)
        else:
            node_facts[s].append({
                "kind": kind, "value": o, "date": _fact_date(q) or (art.date if art else None),
                "sentence": quote, "url": art.url if art else None, "publisher": art.publisher if art else None,
                "confidence": conf, "fact": f,
            })
    for facts in node_facts.values():
        if len(facts) > 1:
            facts.sort(key=lambda x: (x["kind"], str(x["value"]), x["date"] or "", x["fact"]))
    for (_, _, kind), edge in edges.items():
        _tidy(edge)
        edge["symmetric"] = kind in SYMMETRIC_PREDICATES
    g.add_edges_from((a, b, kind, edges[a, b, kind]) for a, b, kind in sorted(edges))
    return _collapse(g) if collapse else g


def _combine(kind: str, parts: list[dict[str, Any]], vias: list[str], symmetric: bool) -> dict[str, Any]:
    """Return one edge folding the edges ``parts`` (as :func:`_project` makes them), passing through ``vias``."""
    confidences = [p["confidence"] for p in parts if p["confidence"] is not None]
    first_dates = [p["first_date"] for p in parts if p["first_date"]]
    qualifiers: dict[str, set[str]] = {}
    for p in parts:
        for k, v in p["qualifiers"].items():
            qualifiers.setdefault(k, set()).update(map(str, v))
    return {
        "kind": kind,
        "facts": sorted({f for p in parts for f in p["facts"]}),
        "confidence": max(confidences) if confidences else None,
        "sources": sorted({x for p in parts for x in p["sources"]}),
        "publishers": sorted({x for p in parts for x in p["publishers"]}),
        "dates": sorted({x for p in parts for x in p["dates"]}),
        "first_date": min(first_dates) if first_dates else None,
        "evidence": sorted((e for p in parts for e in p["evidence"]), key=_evidence_key),
        "qualifiers": {k: sorted(v) for k, v in sorted(qualifiers.items())},
        "ordinals": sorted((o for p in parts for o in p["ordinals"]), key=_ordinal_key),
        "weight": sum(p["weight"] for p in parts),
        "via": sorted({*vias, *(x for p in parts for x in p["via"])}),
        "symmetric": symmetric,
    }


def collapse_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of ``g`` with agreements and events turned into ties between their parties."""
    with _gc_paused():
        return _collapse(g)


def _collapse(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    nodes = g.nodes
    hubs = {n for n, d in nodes.items() if d["type"] in COLLAPSE_KIND}
    out.add_nodes_from((n, d) for n, d in nodes.items() if n not in hubs)
    # tie -> what makes it, in order: the edges folded into it and the hub or platform it goes through
    ties: dict[tuple[str, str, str], list[tuple[list[dict[str, Any]], str]]] = {}

    def tie(a: str, b: str, kind: str, parts: list[dict[str, Any]], via: str) -> None:
        if a != b:
            key = (a, b, kind) if a < b else (b, a, kind)
            if key in ties:
                ties[key].append((parts, via))
            else:
                ties[key] = [(parts, via)]

    for hub in sorted(hubs):
        parties: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for other, edges in (*g.pred[hub].items(), *g.succ[hub].items()):
            if other in hubs:
                continue
            for kind, d in edges.items():
                if kind in PARTY_KINDS:
                    parties[other].append(d)
        if len(parties) < 2:
            continue
        kind, via = COLLAPSE_KIND[nodes[hub]["type"]], nodes[hub]["label"]
        for a, b in combinations(sorted(parties), 2):
            tie(a, b, kind, parties[a] + parties[b], via)
    kept = []
    for u, v, kind, d in g.edges(keys=True, data=True):
        if u in hubs or v in hubs:
            continue
        if kind == "supplies" and d["qualifiers"].get("buyer"):
            buyers = [b for b in d["qualifiers"]["buyer"] if b in out]
            if buyers:
                for b in buyers:
                    tie(u, b, "supplies", [d], nodes[v]["label"])
                continue
        kept.append((u, v, kind, d))
    out.add_edges_from(kept)
    added = []
    for (a, b, kind), made in sorted(ties.items()):
        edge = _combine(kind, [part for parts, _ in made for part in parts], [via for _, via in made], True)
        if out.has_edge(a, b, kind):
            # a new edge for both: the existing edge's lists are shared with ``g``
            data = out.edges[a, b, kind]
            both = _combine(kind, [data, edge], [], data["symmetric"])
            data.clear()
            data.update(both)
        else:
            added.append((a, b, kind, edge))
    out.add_edges_from(added)
    return out


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected simple graph of ``g``; ``weight`` = facts between the two ends."""
    weights: dict[tuple[str, str], int] = {}
    for a, b, w in g.edges(data="weight"):
        if a == b:
            continue
        key = (a, b) if (b, a) not in weights else (b, a)
        weights[key] = weights.get(key, 0) + w
    u = nx.Graph()
    u.add_nodes_from(g)
    u.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return u
