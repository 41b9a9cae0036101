"""The pipeline: one article in, its facts (entities, relations, provenance) out."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..articles import Article
from ..models import ArticleFacts, Entity, Evidence, Relation
from .agreement_links import extract_agreement_links
from .agreements import extract_agreements
from .alliances import extract_alliances
from .amounts import find_money, find_quantities
from .counts import extract_counts
from .dates import find_dates, reference
from .document import Document
from .entities import build_entities
from .event_relations import extract_event_relations
from .events import find_events
from .gazetteer import Gazetteers, load_gazetteers
from .mentions import Mention
from .ordinals import find_ordinals
from .orgs import find_organisations
from .persons import find_persons
from .platform_relations import extract_platform_relations
from .platform_trade import extract_platform_trade
from .platform_variants import settle_platforms
from .platforms import find_platforms
from .relations import extract_relations
from .text import split_sentences, tokens
from .topics import extract_topics

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract"]

EXTRACTOR_NAME = "dikg-rules"
EXTRACTOR_VERSION = "0.1.0"

_BYLINE_RE = re.compile(r"^By\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,3})\s*$", re.M)
_MONTH_PREFIX = re.compile(r"^\d{4}")
#: characters the facts format refuses (U+0000, U+FFFE, U+FFFF) become spaces in evidence, keeping its offsets
_CARRIED = re.compile("[\x00\ufffe\uffff]")


def _gazetteer_mentions(text: str, gaz: Gazetteers, toks: list[tuple[int, int, str]]) -> list[Mention]:
    out = []
    for g in gaz.match(text, toks):
        e = g.entry
        attrs: dict[str, Any] = {}
        if e.type != "Country":
            attrs = {"country": e.country, "kind": e.kind}
        prio = 4 if e.type != "Country" or e.form == "name" else 3
        out.append(Mention(g.start, g.end, g.surface, e.name, e.type, prio, attrs, e.form))
    return out


def _ordinal_facts(doc: Document, agreements: list[Any]) -> None:
    for o in find_ordinals(doc.text):
        s = doc.sentence_at(o.start)
        subject = [m for m in doc.mentions_in(s, "Country", "Company", "ArmedForce", "GovernmentAgency")
                   if m.end <= o.start]
        after = []
        if o.after_text:
            after = [m.name for m in doc.mentions if m.type == "Country" and o.start <= m.start < o.end]
        q = {"ordinal": o.ordinal, "ordinal_scope": o.scope, "after": after or None}
        target = [f for f in doc.facts if f.predicate == "supplies" and f.sentence is s]
        if target and o.verb in ("order", "buy", "acquire", "purchase", "receive", "operate"):
            target[0].qualifiers.update({k: v for k, v in q.items() if v is not None})
            continue
        if not subject:
            continue
        who = subject[0].name
        parties = [f for f in doc.facts if f.predicate == "party_to" and f.subject == who]
        if parties:
            parties[-1].qualifiers.update({k: v for k, v in q.items() if v is not None})
        elif agreements and who in doc.entities:
            doc.relate(who, "party_to", agreements[-1].name, {k: v for k, v in q.items() if v is not None}, s)


def extract(article: Article, gazetteers: Gazetteers | None = None) -> ArticleFacts:
    """Return the facts of one article, each relation with the sentence it comes from.

    >>> from graph.articles import Article
    >>> facts = extract(Article("Malaysia signed a contract with Hanwha Aerospace for 18 K9 howitzers.", "a.txt",
    ...                         date="2025-09-22"))
    >>> sorted(e.name for e in facts.entities)[:3]
    ['Hanwha Aerospace', 'K9', 'Malaysia']
    """
    gaz = gazetteers or load_gazetteers()
    text = article.text
    doc = Document(text, reference(article.date), split_sentences(text))
    doc.gazetteers = gaz  # type: ignore[attr-defined]
    doc.money = find_money(text)
    doc.quantities = [q for q in find_quantities(text)
                      if not any(m.start <= q.number_start < m.end for m in doc.money)]
    doc.dates = find_dates(text, doc.ref)
    date_spans = [(d.start, d.end) for d in doc.dates]
    doc.quantities = [q for q in doc.quantities if not any(s <= q.number_start < e for s, e in date_spans)]
    doc.index()

    toks = tokens(text)
    raw: list[Mention] = _gazetteer_mentions(text, gaz, toks)
    raw += find_organisations(text, {})
    raw += find_platforms(text)
    raw += find_events(text)
    raw += find_persons(text)
    for m in _BYLINE_RE.finditer(text):
        raw.append(Mention(m.start("name"), m.end("name"), m.group("name"), m.group("name"), "Person", 7,
                           {"kind": "news agency"}))
    build_entities(doc, gaz, raw)
    settle_platforms(doc)
    agreements = extract_agreements(doc)
    extract_relations(doc, agreements)
    _ordinal_facts(doc, agreements)
    extract_topics(doc, agreements)
    extract_event_relations(doc, agreements)
    extract_agreement_links(doc, agreements)
    extract_counts(doc, agreements)
    extract_alliances(doc)
    extract_platform_relations(doc)
    extract_platform_trade(doc, agreements)
    return _to_facts(article, doc)


def _to_facts(article: Article, doc: Document) -> ArticleFacts:
    names = set(doc.entities.records)
    mention_only = {n for n, r in doc.entities.records.items() if r.attributes.get("mention_only")}
    relations = []
    entity_keys = ("buyer", "end_user", "organisation", "by", "partner")
    for f in doc.facts:
        if f.subject in mention_only or f.subject not in names:
            continue
        q = {k: v for k, v in f.qualifiers.items()
             if not (isinstance(v, str) and k in entity_keys and v not in names)}
        s = f.sentence
        relations.append(Relation(subject=f.subject, predicate=f.predicate, object=f.object, qualifiers=q,
                                  evidence=Evidence(text=_CARRIED.sub(" ", s.text), start=s.start, end=s.end),
                                  confidence=f.confidence, extractor=EXTRACTOR_NAME,
                                  extractor_version=EXTRACTOR_VERSION))
    entities = []
    for rec in doc.entities.records.values():
        attrs = dict(rec.attributes)
        if attrs.get("mention_only"):
            attrs = {"mention_only": True, "kind": attrs.get("kind", "news agency")}
        entities.append(Entity(name=rec.name, type=rec.type, aliases=list(rec.aliases),  # type: ignore[arg-type]
                               attributes={k: v for k, v in attrs.items() if v is not None}))
    date = article.date if article.date and re.fullmatch(r"\d{4}(-\d{2}){0,2}", article.date) else None
    return ArticleFacts(url=article.url, date=date, source=article.source, title=article.title,
                        content_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
                        extractor=EXTRACTOR_NAME, extractor_version=EXTRACTOR_VERSION,
                        entities=entities, relations=relations)
