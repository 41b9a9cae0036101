"""Facts to RDF and back: one named graph per article, every fact a node with provenance.

An article's facts become the quads of one named graph whose name is the article's IRI:

- the article node (URL, publisher, date, title, content hash);
- each entity, typed by the ontology, with its names (``rdfs:label`` as the article
  names it, ``skos:altLabel`` for every alias) and attributes; countries also carry
  their ISO 3166 codes and Wikidata item from the country table;
- each relation twice: as a plain triple ``subject property object`` for simple
  queries, and as a reified fact node (``dikg:Fact`` or a subclass such as
  ``dikg:AgreementParticipation``) that holds the qualifiers, the evidence sentence
  with its offsets, the confidence, the extractor and ``prov:wasDerivedFrom`` the article;
- one evidence node per span of the article that a fact or an entity mention cites
  (quote, offsets, ``prov:wasQuotedFrom`` the article), shared by all that cite it.

:func:`graph_to_facts` reads one such graph back into :class:`~graph.models.ArticleFacts`;
the two functions are inverse for every field of the interchange format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .countries import lookup as lookup_country
from .errors import FactsFileError
from .iri import article_iri, concept_iri, entity_iri, fact_iri, node_iri
from .models import ArticleFacts, Entity, Evidence, Relation
from .money import parse_money
from .reference import lookup_organisation
from .status import status_class
from .vocab import (
    CONCEPT_PREDICATES,
    DIKG,
    FACT_CLASS,
    PREDICATE_PROPERTY,
    PROPERTY_PREDICATE,
    SCHEMA,
    VALUE_KEYS,
    WD,
)

__all__ = ["STATUS_CLASS_CONCEPT", "Quad", "article_key", "facts_to_dataset", "facts_to_quads", "graph_to_facts"]

Quad = tuple[URIRef, URIRef, "URIRef | Literal", URIRef]

STATUS_CLASS_CONCEPT: dict[str, URIRef] = {
    "prospective": DIKG.Prospective,
    "concluded": DIKG.Concluded,
    "historical": DIKG.Historical,
}
_PROPERTY_KEY: dict[URIRef, str] = {prop: key for key, (prop, _) in VALUE_KEYS.items()}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def article_key(facts: ArticleFacts, fallback: str) -> str:
    """Return what identifies an article: its URL, else the caller's key (a file name)."""
    return facts.url or fallback


def date_literal(text: str) -> Literal | None:
    """Return a date literal typed by its precision (day, month, year, quarter), or None."""
    if _DAY.match(text):
        return Literal(text, datatype=XSD.date)
    if _MONTH.match(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    if _QUARTER.match(text):
        return Literal(text, datatype=DIKG.yearQuarter)
    return None


@lru_cache(maxsize=1 << 12, typed=True)
def decimal_literal(value: Decimal | int | float | str) -> Literal:
    """Return an xsd:decimal literal in the form Oxigraph stores ("1", "0.8", "780000000")."""
    return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)


# Literals are immutable and building one costs rdflib microseconds: the names, labels,
# extractor and offsets that recur in article after article are built once.
@lru_cache(maxsize=1 << 16)
def _string(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=1 << 12, typed=True)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


class _Writer:
    """Collects the triples of one article's named graph."""

    def __init__(self, graph: URIRef) -> None:
        self.graph = graph
        self.triples: list[tuple[URIRef, URIRef, URIRef | Literal]] = []
        self.names: dict[str, URIRef] = {}
        #: evidence node of each span (start, end, text) of the article
        self.spans: dict[tuple[int, int, str], URIRef] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.append((s, p, o))

    def node(self, owner: URIRef, *parts: Any) -> URIRef:
        """Mint a node under ``owner`` for this article (entities are shared by articles)."""
        return node_iri(owner, str(self.graph), *parts)

    def entity_ref(self, name: object) -> URIRef | None:
        return self.names.get(name) if isinstance(name, str) else None

    # -- values: qualifiers and attributes
    def scalar(self, kind: str, value: Any) -> URIRef | Literal | None:
        """Map one JSON value of a given kind to an RDF term, or None if it does not fit."""
        if kind == "entity":
            if not isinstance(value, str):
                return None
            return self.entity_ref(value) or _string(value)
        if kind in ("text", "status"):
            return _string(value) if isinstance(value, str) else None
        if kind == "int":
            is_int = isinstance(value, int) and not isinstance(value, bool)
            return _integer(value) if is_int else None
        if kind == "bool":
            return Literal(value) if isinstance(value, bool) else None
        if kind == "date":
            return date_literal(value) if isinstance(value, str) else None
        return None

    def money(self, owner: URIRef, key: str, index: int, value: Any) -> URIRef | None:
        if not isinstance(value, str):
            return None
        node = self.node(owner, key, index, value)
        self.add(node, RDF.type, DIKG.MonetaryAmount)
        self.add(node, RDFS.label, _string(value))
        parsed = parse_money(value)
        if parsed is not None:
            self.add(node, DIKG.amount, decimal_literal(parsed[0]))
            self.add(node, DIKG.currency, _string(parsed[1]))
        return node

    def rdf_list(self, owner: URIRef, key: str, items: list[URIRef | Literal]) -> URIRef:
        cells = [self.node(owner, key, "list", i) for i in range(len(items))]
        for i, (cell, item) in enumerate(zip(cells, items, strict=True)):
            self.add(cell, RDF.first, item)
            self.add(cell, RDF.rest, cells[i + 1] if i + 1 < len(cells) else RDF.nil)
        return cells[0] if cells else RDF.nil

    def values(self, owner: URIRef, values: dict[str, Any]) -> None:
        """Write qualifiers or attributes: known keys as typed properties, the rest generic."""
        for key, value in values.items():
            prop, kind = VALUE_KEYS.get(key, (None, None))
            written = False
            if prop is not None and kind is not None and value is not None:
                written = self._typed_value(owner, key, prop, kind, value)
            if not written:
                node = self.node(owner, "attribute", key)
                self.add(owner, DIKG.attribute, node)
                self.add(node, RDF.type, DIKG.Attribute)
                self.add(node, DIKG.key, _string(key))
                blob = json.dumps(value, ensure_ascii=False, sort_keys=True)
                self.add(node, RDF.value, Literal(blob, datatype=RDF.JSON))

    def _typed_value(self, owner: URIRef, key: str, prop: URIRef, kind: str, value: Any) -> bool:
        if isinstance(value, list):
            terms: list[URIRef | Literal] = []
            for i, item in enumerate(value):
                term = self.money(owner, key, i, item) if kind == "money" else self.scalar(kind, item)
                if term is None:
                    return False
                terms.append(term)
            head = self.rdf_list(owner, key, terms)
            self.add(owner, prop, head)
            return True
        term = self.money(owner, key, 0, value) if kind == "money" else self.scalar(kind, value)
        if term is None:
            return False
        self.add(owner, prop, term)
        if kind == "status" and isinstance(value, str):
            cls = status_class(value)
            if cls is not None:
                self.add(owner, DIKG.statusClass, STATUS_CLASS_CONCEPT[cls])
        return True

    def evidence(self, owner: URIRef, ev: Evidence, prop: URIRef) -> None:
        """Link ``owner`` to the evidence node of a span of this article, writing the node once.

        Facts and mentions that cite the same words of the article (same offsets, same
        text) share one node, minted from the article and the span.
        """
        span = (ev.start, ev.end, ev.text)
        node = self.spans.get(span)
        if node is None:
            node = self.spans[span] = node_iri(self.graph, "evidence", *span)
            self.add(node, RDF.type, DIKG.Evidence)
            self.add(node, DIKG.quote, _string(ev.text))
            self.add(node, DIKG.startOffset, _integer(ev.start))
            self.add(node, DIKG.endOffset, _integer(ev.end))
            self.add(node, PROV.wasQuotedFrom, self.graph)
        self.add(owner, prop, node)


def _entity_triples(w: _Writer, e: Entity, iri: URIRef, article: URIRef) -> None:
    w.add(iri, RDF.type, DIKG[e.type])
    w.add(iri, RDFS.label, _string(e.name))
    for alias in e.aliases:
        w.add(iri, SKOS.altLabel, _string(alias))
    country = lookup_country(e.name) if e.type == "Country" else None
    if country is not None:
        w.add(iri, SKOS.prefLabel, _string(country.name))
        w.add(iri, DIKG.iso3166Alpha2, _string(country.alpha2))
        w.add(iri, DIKG.iso3166Alpha3, _string(country.alpha3))
        if country.wikidata:
            w.add(iri, OWL.sameAs, WD[country.wikidata])
    else:
        w.add(iri, SKOS.prefLabel, _string(e.name))
    org = lookup_organisation(e.name) if e.type == "Organisation" else None
    if org is not None and org.wikidata:
        w.add(iri, OWL.sameAs, WD[org.wikidata])
    w.values(iri, e.attributes)
    for ev in e.evidence or []:
        w.evidence(iri, ev, DIKG.mention)
    if e.confidence is not None:
        # Entity confidence is per article: keep it on a node of this article's graph.
        node = node_iri(article, "entity-confidence", str(iri))
        w.add(iri, DIKG.attribute, node)
        w.add(node, RDF.type, DIKG.Attribute)
        w.add(node, DIKG.key, _string("__confidence__"))
        w.add(node, RDF.value, Literal(json.dumps(e.confidence), datatype=RDF.JSON))


def facts_to_quads(facts: ArticleFacts, key: str) -> list[Quad]:
    """Map one article's facts to the quads of its named graph.

    ``key`` identifies the article when it has no URL (a file name, say); articles with
    the same URL or key replace each other.
    """
    g = article_iri(article_key(facts, key))
    w = _Writer(g)
    _article_triples(w, facts, key)
    seen: dict[URIRef, str] = {}
    for e in facts.entities:
        iri = entity_iri(e.type, e.name)
        if iri in seen:
            raise FactsFileError(f"entities {seen[iri]!r} and {e.name!r} are the same {e.type}; merge them")
        seen[iri] = e.name
        w.names[e.name] = iri
    for e in facts.entities:
        _entity_triples(w, e, w.names[e.name], g)
    for r in facts.relations:
        _relation_triples(w, facts, r, g)
    return [(s, p, o, g) for s, p, o in dict.fromkeys(w.triples)]


def _article_triples(w: _Writer, facts: ArticleFacts, key: str) -> None:
    a = w.graph
    w.add(a, RDF.type, DIKG.Article)
    w.add(a, DIKG.articleKey, _string(article_key(facts, key)))
    if facts.url:
        w.add(a, SCHEMA.url, Literal(facts.url, datatype=XSD.anyURI))
    if facts.date:
        lit = date_literal(facts.date)
        if lit is not None:
            w.add(a, DCTERMS.date, lit)
    if facts.source:
        w.add(a, DCTERMS.publisher, _string(facts.source))
    if facts.title:
        w.add(a, DCTERMS.title, _string(facts.title))
    if facts.notes:
        w.add(a, DIKG.note, _string(facts.notes))
    if facts.content_sha256:
        w.add(a, DIKG.contentHash, _string(facts.content_sha256))
    if facts.extractor:
        w.add(a, DIKG.extractor, _string(facts.extractor))
    if facts.extractor_version:
        w.add(a, DIKG.extractorVersion, _string(facts.extractor_version))


def _object_term(w: _Writer, obj: str | int | float) -> URIRef | Literal:
    if isinstance(obj, str):
        return w.entity_ref(obj) or _string(obj)
    if isinstance(obj, int):
        return _integer(obj)
    return decimal_literal(obj)


def _relation_triples(w: _Writer, facts: ArticleFacts, r: Relation, article: URIRef) -> None:
    subj = w.names[r.subject]
    prop = PREDICATE_PROPERTY[r.predicate]
    obj = _object_term(w, r.object)
    content = r.model_dump(mode="json", exclude_none=True)
    f = fact_iri(article, content)
    w.add(f, RDF.type, FACT_CLASS.get(r.predicate, DIKG.Fact))
    w.add(f, DIKG.subject, subj)
    w.add(f, DIKG.predicate, prop)
    w.add(f, DIKG.object, obj)
    w.add(f, PROV.wasDerivedFrom, article)
    shortcut: URIRef | Literal = obj
    if r.predicate in CONCEPT_PREDICATES and isinstance(r.object, str) and isinstance(obj, Literal):
        scheme, cls = CONCEPT_PREDICATES[r.predicate]
        concept = concept_iri(scheme.split("#")[-1], r.object)
        w.add(concept, RDF.type, cls)
        w.add(concept, RDF.type, SKOS.Concept)
        w.add(concept, SKOS.prefLabel, _string(" ".join(r.object.split()).casefold()))
        w.add(concept, SKOS.inScheme, scheme)
        if r.predicate == "has_status":
            sc = status_class(r.object)
            if sc is not None:
                w.add(concept, SKOS.broader, STATUS_CLASS_CONCEPT[sc])
                w.add(f, DIKG.statusClass, STATUS_CLASS_CONCEPT[sc])
        w.add(f, DIKG.concept, concept)
        shortcut = concept
    w.add(subj, prop, shortcut)
    w.values(f, r.qualifiers)
    if r.evidence is not None:
        w.evidence(f, r.evidence, DIKG.evidence)
    if r.confidence is not None:
        w.add(f, DIKG.confidence, decimal_literal(r.confidence))
    extractor = r.extractor
    if extractor:
        w.add(f, DIKG.extractor, _string(extractor))
    if r.extractor_version:
        w.add(f, DIKG.extractorVersion, _string(r.extractor_version))


def facts_to_dataset(items: Iterable[tuple[ArticleFacts, str]]) -> list[Quad]:
    """Map several articles' facts to quads (one named graph each)."""
    out: list[Quad] = []
    for facts, key in items:
        out.extend(facts_to_quads(facts, key))
    return out


# -- back: RDF to facts -------------------------------------------------------------


def _py(term: Any) -> Any:
    if isinstance(term, Literal):
        if term.datatype == RDF.JSON:
            return json.loads(str(term))
        if term.datatype in (XSD.integer, XSD.int, XSD.long):
            return int(term)
        if term.datatype == XSD.boolean:
            return str(term).lower() in ("true", "1")
        if term.datatype == XSD.decimal:
            return float(str(term)) if "." in str(term) else int(str(term))
        return str(term)
    return term


class _Reader:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.label: dict[Any, str] = {}
        for s, o in g.subject_objects(RDFS.label):
            if (s, RDF.type, DIKG.MonetaryAmount) not in g:
                self.label[s] = str(o)

    def term_value(self, kind: str, term: Any) -> Any:
        if kind == "money":
            return str(self.g.value(term, RDFS.label))
        if isinstance(term, URIRef):
            return self.label.get(term, str(term))
        return _py(term)

    def read_list(self, head: Any) -> list[Any]:
        out = []
        while head is not None and head != RDF.nil:
            out.append(self.g.value(head, RDF.first))
            head = self.g.value(head, RDF.rest)
        return out

    def values(self, owner: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for p, o in self.g.predicate_objects(owner):
            if p == DIKG.attribute:
                out[str(self.g.value(o, DIKG.key))] = _py(self.g.value(o, RDF.value))
                continue
            found = _PROPERTY_KEY.get(p) if isinstance(p, URIRef) else None
            if found is None:
                continue
            key = found
            kind = VALUE_KEYS[key][1]
            if isinstance(o, URIRef) and (o == RDF.nil or (o, RDF.first, None) in self.g):
                out[key] = [self.term_value(kind, x) for x in self.read_list(o)]
            else:
                out[key] = self.term_value(kind, o)
        return out

    def evidence(self, node: Any) -> Evidence:
        g = self.g
        return Evidence(text=str(g.value(node, DIKG.quote)), start=int(g.value(node, DIKG.startOffset)),  # type: ignore[arg-type]
                        end=int(g.value(node, DIKG.endOffset)))  # type: ignore[arg-type]


def graph_to_facts(g: Graph, article: URIRef) -> ArticleFacts:
    """Read one article's named graph (as an rdflib graph) back into facts."""
    r = _Reader(g)
    meta: dict[str, Any] = {}
    for prop, field in ((SCHEMA.url, "url"), (DCTERMS.date, "date"), (DCTERMS.publisher, "source"),
                        (DCTERMS.title, "title"), (DIKG.note, "notes"), (DIKG.contentHash, "content_sha256"),
                        (DIKG.extractor, "extractor"), (DIKG.extractorVersion, "extractor_version")):
        v = g.value(article, prop)
        if v is not None:
            meta[field] = str(v)
    entity_types = {DIKG[t]: t for t in ("Country", "GovernmentAgency", "ArmedForce", "Company", "Organisation",
                                         "Person", "Event", "Agreement", "Platform")}
    entities = []
    for s, cls in g.subject_objects(RDF.type):
        if cls not in entity_types or isinstance(s, BNode):
            continue
        attrs = r.values(s)
        conf = attrs.pop("__confidence__", None)
        evs = [r.evidence(n) for n in g.objects(s, DIKG.mention)]
        entities.append(Entity(
            name=r.label[s], type=entity_types[cls],  # type: ignore[index, arg-type]
            aliases=sorted(str(a) for a in g.objects(s, SKOS.altLabel)),
            attributes=attrs, evidence=sorted(evs, key=lambda e: (e.start, e.end)) or None, confidence=conf,
        ))
    relations = []
    for f in g.subjects(PROV.wasDerivedFrom, article):
        if g.value(f, DIKG.predicate) is None:
            continue
        obj = g.value(f, DIKG.object)
        ev = g.value(f, DIKG.evidence)
        conf = g.value(f, DIKG.confidence)
        relations.append(Relation(
            subject=r.label[g.value(f, DIKG.subject)],
            predicate=PROPERTY_PREDICATE[g.value(f, DIKG.predicate)],  # type: ignore[index]
            object=r.label[obj] if isinstance(obj, URIRef) else _py(obj),
            qualifiers=r.values(f),
            evidence=r.evidence(ev) if ev is not None else None,
            confidence=float(str(conf)) if conf is not None else None,
            extractor=_opt(g.value(f, DIKG.extractor)),
            extractor_version=_opt(g.value(f, DIKG.extractorVersion)),
        ))
    entities.sort(key=lambda e: (e.type, e.name))
    relations.sort(key=lambda x: json.dumps(x.model_dump(mode="json"), sort_keys=True))
    return ArticleFacts(**meta, entities=entities, relations=relations)


def _opt(v: Any) -> str | None:
    return str(v) if v is not None else None


def iter_article_graphs(quads: Iterable[Quad]) -> Iterator[tuple[URIRef, Graph]]:
    """Group quads by named graph into rdflib graphs."""
    graphs: dict[URIRef, Graph] = {}
    for s, p, o, gname in quads:
        graphs.setdefault(gname, Graph()).add((s, p, o))
    yield from graphs.items()
