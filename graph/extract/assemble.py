"""The pipeline: one article in, its facts (entities, relations, provenance) out."""

from __future__ import annotations

import hashlib
import re
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from ..articles import Article
from ..models import _UNCARRIED, ArticleFacts, Entity, Relation
from .agreement_links import extract_agreement_links
from .agreement_status import extract_agreement_statuses
from .agreements import buyer_from_announcer, extract_agreements, witnessed_the_signing
from .alliances import extract_alliances
from .amounts import find_money, find_quantities, localise_rupees
from .approvals import extract_approvals, extract_considered, extract_shortlists
from .committees import find_academies, find_committees
from .counts import extract_counts
from .dates import find_dates, reference
from .deliveries import extract_deliveries, first_deliveries, parties_from_supplies, scope_from_focus
from .document import Document, Fact
from .entities import build_entities
from .envoys import envoy_names, envoy_posts
from .event_relations import extract_event_relations
from .events import find_events
from .exercises import find_named_exercises
from .firms import (
    drop_platforms_in_firms,
    find_apposed_firms,
    find_apposed_units,
    find_industry_companies,
    find_post_companies,
    find_state_named_yards,
    find_units,
    ownership_relations,
    unit_relations,
)
from .gazetteer import Gazetteers, load_gazetteers
from .industry import extract_industry
from .mentions import Mention
from .ordinals import find_ordinals
from .orgs import find_organisations
from .persons import find_persons
from .platform_names import (
    bought_by_name,
    chosen_over,
    guard_listed_platforms,
    listed_platforms,
    maker_named_platforms,
)
from .platform_relations import extract_platform_relations
from .platform_trade import extract_platform_trade
from .platform_types import find_platform_types
from .platform_variants import settle_platforms
from .platforms import find_platforms
from .pronouns import firm_mentions, nominal_mentions, plural_mentions, pronoun_mentions
from .relations import extract_relations
from .spans import Spans
from .state_bodies import find_state_bodies
from .text import split_sentences
from .topics import extract_topics
from .transfers import extract_transfers

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "extract"]

EXTRACTOR_NAME = "dikg-rules"
EXTRACTOR_VERSION = "0.1.0"

_BYLINE_RE = re.compile(r"^By\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,3})\s*$", re.M)


def _gazetteer_mentions(text: str, gaz: Gazetteers) -> list[Mention]:
    out = []
    for g in gaz.match(text):
        e = g.entry
        if e.type == "Country" and _in_water_name(text, g.start, g.end):
            continue  # "the South China Sea", "the Gulf of Oman": a place, no state
        if e.type == "Country" and _PLACE_AFTER.match(text, g.end):
            continue  # "Burma Camp", "Lebanon Road": a place named after the state, no state
        attrs: dict[str, Any] = {}
        if e.type != "Country":
            attrs = {"country": e.country, "kind": e.kind}
        prio = 4 if e.type != "Country" or e.form == "name" else 3
        out.append(Mention(g.start, g.end, g.surface, e.name, e.type, prio, attrs, e.form))
    return out


_PLACE_AFTER = re.compile(r"\s+(?:Camp|Barracks|Road|Street|Avenue|Square|Bridge|Airport|Cantonment|Garrison)\b")
_WATER_AFTER = re.compile(r"\s+(?:Sea|Ocean|Peninsula|Strait|Straits)\b")
_WATER_BEFORE = re.compile(r"\b(?:Sea|Gulf|Bay|Strait|Straits)\s+of\s+(?:the\s+)?$")


def _in_water_name(text: str, start: int, end: int) -> bool:
    """Tell whether a state's name is part of a sea's, a strait's or a peninsula's ("Taiwan Strait", "Sea of
    Japan", "Indian Ocean")."""
    if text[end:end + 1].isspace() and _WATER_AFTER.match(text, end) is not None:
        return True
    lo = max(0, start - 16)
    # "of" is in every water name before a state's: the pattern runs only where it occurs
    return "of" in text[lo:start] and _WATER_BEFORE.search(text, lo, start) is not None


def _not_parties(doc: Document, s: Any, o: Any) -> None:
    """Drop "party_to" of states named only as those ranked before ("the second after Greece to order ..."): they
    are no party to the ranked one's agreement."""
    inside = {m.name for m in doc.mentions_starting(o.start, o.end) if m.type == "Country"}
    outside = {m.name for m in doc.mentions_in(s, "Country") if not o.start <= m.start < o.end}
    gone = inside - outside
    if gone:
        doc.facts[:] = [f for f in doc.facts if not (f.predicate == "party_to" and f.subject in gone
                                                     and f.sentence is s)]


def _ordinal_facts(doc: Document, agreements: list[Any]) -> None:
    for o in find_ordinals(doc.text):
        s = doc.sentence_at(o.start)
        if o.after_text:
            _not_parties(doc, s, o)
        subject = [m for m in doc.mentions_in(s, "Country", "Company", "ArmedForce", "GovernmentAgency")
                   if m.end <= o.start]
        after = []
        if o.after_text:
            after = [m.name for m in doc.mentions_starting(o.start, o.end) if m.type == "Country"]
        q = {"ordinal": o.ordinal, "ordinal_scope": o.scope, "after": after or None}
        target = [f for f in doc.facts if f.predicate == "supplies" and f.sentence is s]
        if target and subject:  # the sale of the one ranked, when the sentence has several
            ranked = _ranked_subject(doc, o.start, subject)
            target = [f for f in target if f.qualifiers.get("buyer") in (ranked, None)]
        if target and o.verb in ("order", "buy", "acquire", "purchase", "receive", "operate"):
            target[0].qualifiers.update({k: v for k, v in q.items() if v is not None})
            continue
        if not subject:
            continue
        who = _ranked_subject(doc, o.start, subject)
        if _ordinal_other_fact(doc, s, o, who, q):
            continue
        if _ranked_agreement_with(doc, s, o, who, q):
            continue
        if (o.verb or "").casefold().startswith(_OPERATE_VERBS):
            continue  # a ranked operator with no platform named: no agreement is ranked
        parties = [f for f in doc.facts if f.predicate == "party_to" and f.subject == who]
        parties = [f for f in parties if f.sentence.index <= s.index] or parties  # not a later agreement
        # an agreement of this sentence or the one before: one told of earlier is some other deal
        known = [a for a in agreements if a.sentence is not None and s.index - 1 <= a.sentence.index <= s.index]
        if parties:
            parties[-1].qualifiers.update({k: v for k, v in q.items() if v is not None})
        elif known and who in doc.entities and _ranks_a_deal(o):
            doc.relate(who, "party_to", known[-1].name, {k: v for k, v in q.items() if v is not None}, s)


_MAKE_BEFORE = re.compile(r"\b(?:make|makes|made|making|render|renders|rendered)\s+(?:the\s+)?$")
_BUY_VERBS = ("order", "buy", "acquire", "purchase", "receive", "procure", "sign", "import")
_OPERATE_VERBS = ("operate", "field", "deploy", "fly", "use", "induct", "commission")


#: where a second clause with its own subject begins ("A became the first ..., and B the second ...")
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|while|whereas|but)|;)\s+")
#: an ordinal fallback ranks an agreement only for a verb of concluding or buying one
_DEAL_VERBS = ("sign", "order", "buy", "acquire", "purchase", "procure", "formali", "conclude", "ink", "seal",
               "finance", "fund", "agree", "join", "award", "place", "contract", "import", "select", "choose")


def _ranks_a_deal(o: Any) -> bool:
    """Tell whether the ranked act is concluding or buying under an agreement: "to sign", "to order", "financed"."""
    return (o.verb or "").casefold().startswith(_DEAL_VERBS)


def _ranked_subject(doc: Document, start: int, subject: list[Mention]) -> str:
    """Return who is ranked: X in "would make X the second country", else the first actor before the ordinal in
    its clause ("..., and Colombia became the second country ..." ranks Colombia)."""
    for m in reversed(subject):
        if not doc.text[m.end:start].strip() and _MAKE_BEFORE.search(doc.text, max(0, m.start - 20), m.start):
            return m.name
    lo = subject[0].start
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(doc.text, lo, start)]
    if breaks:
        mine = [m for m in subject if m.start >= breaks[-1]]
        if mine:
            return mine[0].name
    return subject[0].name


def _supplier_to(doc: Document, who: str) -> str | None:
    """Return the company that is the supplier in an agreement whose buyer is ``who`` or one of its bodies."""
    bodies = {who} | {f.subject for f in doc.facts if f.predicate == "part_of" and f.object == who}
    for f in doc.facts:
        if f.predicate == "party_to" and f.subject in bodies and f.qualifiers.get("role") == "buyer":
            for g in doc.facts:
                if (g.predicate == "party_to" and g.object == f.object and g.qualifiers.get("role") == "supplier"
                        and doc.entities.type_of(g.subject) == "Company"):
                    return g.subject
    return None


def _ranked_sale(doc: Document, supplier: str, platform: str, buyer: str, ranked: dict[str, Any], s: Any) -> None:
    """Record the ranked sale of ``platform`` to ``buyer``, beside sales of it to others."""
    sales = [f for f in doc.facts if (f.subject, f.predicate, f.object) == (supplier, "supplies", platform)]
    if sales and not any(f.qualifiers.get("buyer") in (buyer, None) for f in sales):
        doc.add_fact(Fact(supplier, "supplies", platform, {"buyer": buyer, **ranked}, s, 0.5))
        return
    doc.relate(supplier, "supplies", platform, {"buyer": buyer, **ranked}, s, 0.5)


_FROM = re.compile(r"\s+from\s+(?:the\s+)?$")


def _seller_named(doc: Document, s: Any, after: int, platform: Mention) -> str | None:
    """Return the company a ranked purchase names as seller: "to order the K9 from Hanwha Aerospace", "to sign for
    the Saab Gripen" (the maker's name just before the platform's)."""
    for c in doc.mentions_in(s, "Company"):
        if c.start < after:
            continue
        if c.end <= platform.start and not doc.text[c.end:platform.start].strip():
            return c.name
        if c.start >= platform.end and _FROM.search(doc.text, platform.end, c.start) \
                and c.start - platform.end < 40:
            return c.name
        if c.start < platform.start and _WITH_SELLER.fullmatch(doc.text, after, c.start):
            return c.name  # "to sign a contract with Dassault Aviation for the Rafale"
    return None


_WITH_SELLER = re.compile(r"\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:contract|deal|agreement|order)\s+with\s+"
                          r"(?:the\s+)?")


def _ordinal_other_fact(doc: Document, s: Any, o: Any, who: str, q: dict[str, Any]) -> bool:
    """Put a ranked purchase on the buyer's supply, a ranked operator on ``operates``; tell whether done."""
    verb = (o.verb or "").casefold()
    ranked = {k: v for k, v in q.items() if v is not None}
    if verb.startswith(_BUY_VERBS):
        sales = [f for f in doc.facts if f.predicate == "supplies" and f.qualifiers.get("buyer") == who]
        if sales:
            sales[-1].qualifiers.update(ranked)
            return True
        platform = next((m for m in doc.mentions_in(s, "Platform") if m.start >= o.start), None)
        cut = _CLAUSE_BREAK.search(doc.text, o.end, s.end)
        if platform is not None and cut is not None and platform.start >= cut.start():
            return False  # the platform of the next clause ("..., and B the second to order the K9")
        supplier = _supplier_to(doc, who) if platform is not None else None
        if platform is not None and supplier is None:
            supplier = _seller_named(doc, s, o.end, platform)
        if platform is not None and supplier is not None:
            _ranked_sale(doc, supplier, platform.name, who, ranked, s)
            return True
        if platform is not None and not doc.mentions_in(s, "Company") and not any(
                f.predicate == "party_to" and f.subject == who for f in doc.facts):
            # "Poland became the first European country to order the K239": a ranked purchase, no seller named
            doc.relate(who, "buys", platform.name, {"status": "contracted", **ranked}, s, 0.5)
            return True
    if verb.startswith(_OPERATE_VERBS):
        platform = next((m for m in doc.mentions_in(s, "Platform") if m.start >= o.start), None)
        if platform is not None and who in doc.entities:
            mine = {f.object for f in doc.facts if f.predicate == "party_to" and f.subject == who}
            covered = [str(f.object) for f in doc.facts if f.predicate == "covers" and f.subject in mine
                       and platform.name.casefold() in str(f.object).casefold()]
            if re.search(r"\b(?:will|would|is set to|is to)\s+(?:\w+\s+)?$", doc.text[s.start:o.start]):
                ranked["status"] = "planned"
            doc.relate(who, "operates", covered[0] if covered else platform.name, ranked, s)
            return True
    return False


_RANKED_DEAL = re.compile(r"\s+(?P<such>such\s+)?(?:an?\s+|the\s+)?(?P<kind>(?:[\w-]+\s+){0,4}?(?P<head>agreement|"
                         r"arrangement|pact|treaty|MoU|memorandum of understanding|contract|deal))\s+with\s+"
                         r"(?:the\s+)?")
_DEAL_KINDS = {"agreement": "agreement", "arrangement": "agreement", "pact": "agreement", "treaty": "agreement",
               "MoU": "MoU", "memorandum of understanding": "MoU", "contract": "contract", "deal": "contract"}


def _ranked_agreement_with(doc: Document, s: Any, o: Any, who: str, q: dict[str, Any]) -> bool:
    """"the second country after A to sign a defence cooperation agreement with B": rank ``who``'s agreement of that
    kind with B, or, when the article names none, the tie itself (``has_agreement_with``); tell whether done."""
    dm = _RANKED_DEAL.match(doc.text, o.end, s.end)
    if dm is None or dm.group("such") or doc.entities.type_of(who) != "Country":
        return False
    target = next((m for m in doc.mentions_in(s, "Country") if m.start == dm.end()), None)
    if target is None or target.name == who:
        return False
    kind = _DEAL_KINDS[dm.group("head")]
    ranked = {k: v for k, v in q.items() if v is not None}
    mine = [f for f in doc.facts if f.predicate == "party_to" and f.subject == who]
    for f in reversed(mine):
        rec = doc.entities.records.get(str(f.object))
        if rec is None or rec.attributes.get("agreement_type", kind) != kind:
            continue
        if any(g.predicate == "party_to" and g.object == f.object and g.subject == target.name for g in doc.facts):
            f.qualifiers.update(ranked)
            return True
    if re.search(r"\b(?:will|would|could|is set to|are set to|is to|is expected to|plans? to|aims? to)\b",
                 doc.text[s.start:o.start]):
        return False  # a tie still to come is no tie yet
    doc.relate(who, "has_agreement_with", target.name,
               {"agreement_type": " ".join(dm.group("kind").split()), "status": "signed", **ranked}, s, 0.55)
    return True


def _resolve_pronouns(doc: Document) -> None:
    """Add "he" / "she" and "the minister" as mentions of the person they stand for (no alias: they are no names)."""
    persons = [m for m in doc.mentions if m.type == "Person" and not m.attributes.get("kind")]
    resolved = pronoun_mentions(doc.text, doc.sentences, persons) + nominal_mentions(doc.text, persons)
    firms = firm_mentions(doc.text, doc.sentences, doc.mentions)  # "the company", "the Dutch firm"
    opening = [f for f in firms if doc.sentence_at(f.start).start == f.start]
    if opening:  # "The South Korean shipbuilder signed ...": the state describes the subject, no actor of its own
        held = Spans((f.start, f.end) for f in opening)
        doc.mentions = [m for m in doc.mentions if not (m.type == "Country" and held.covers(m.start))]
    resolved += firms + plural_mentions(doc.text, doc.sentences, sorted(doc.mentions + firms, key=lambda m: m.start))
    if resolved:
        doc.mentions = doc.mentions + resolved
        doc.index()


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
    money = Spans((m.start, m.end) for m in doc.money)
    doc.quantities = [q for q in find_quantities(text) if not money.covers(q.number_start)]
    doc.dates = find_dates(text, doc.ref)
    dates = Spans((d.start, d.end) for d in doc.dates)
    doc.quantities = [q for q in doc.quantities if not dates.covers(q.number_start)]
    doc.index()

    known = _gazetteer_mentions(text, gaz)
    raw: list[Mention] = known + find_units(text, known)
    raw += find_industry_companies(text, [m.start for m in known if m.type == "Country"])
    raw += find_state_named_yards(text, known)
    raw += find_post_companies(text, [(m.start, m.end) for m in known])
    raw += find_apposed_units(text, known)
    # a listed platform's name may open a described firm's ("Harpoon Marine Services, a repair firm")
    raw += find_apposed_firms(text, [(m.start, m.end) for m in known if m.type != "Platform"])
    if "Committee" in text:
        raw += find_committees(text, gaz)
    raw += find_academies(text, gaz)
    raw += find_organisations(text, {})
    raw += find_state_bodies(text, known)
    fiscal = {(d.start, d.end) for d in doc.dates if d.surface[:2] == "FY"}
    raw += [m for m in find_platforms(text) if (m.start, m.end) not in fiscal]  # "FY2026" is a year, no model
    raw += find_events(text)
    raw += find_named_exercises(text, raw)
    raw += find_persons(text)
    raw += envoy_names(text, known)
    raw = guard_listed_platforms(text, raw)
    raw = drop_platforms_in_firms(text, raw)
    raw += maker_named_platforms(text, raw)
    raw += find_platform_types(text, raw, [q.end for q in doc.quantities])
    for m in _BYLINE_RE.finditer(text) if "By" in text else ():  # a byline's line is rare: "in" first
        raw.append(Mention(m.start("name"), m.end("name"), m.group("name"), m.group("name"), "Person", 7,
                           {"kind": "news agency"}))
    build_entities(doc, gaz, raw)
    _resolve_pronouns(doc)
    doc.money = localise_rupees(text, doc.money, doc.main_country())
    settle_platforms(doc)
    agreements = extract_agreements(doc)
    buyer_from_announcer(doc, agreements)
    unit_relations(doc)
    extract_agreement_statuses(doc, agreements)
    extract_relations(doc, agreements)
    envoy_posts(doc)
    ownership_relations(doc)
    _ordinal_facts(doc, agreements)
    extract_topics(doc, agreements)
    extract_event_relations(doc, agreements)
    extract_agreement_links(doc, agreements)
    extract_counts(doc, agreements)
    extract_alliances(doc)
    extract_platform_relations(doc)
    extract_platform_trade(doc, agreements)
    extract_deliveries(doc, agreements)
    extract_industry(doc)
    chosen_over(doc)
    scope_from_focus(doc, agreements)
    parties_from_supplies(doc, agreements)
    extract_approvals(doc, agreements)
    extract_transfers(doc)
    first_deliveries(doc)
    witnessed_the_signing(doc, agreements)
    extract_considered(doc)
    extract_shortlists(doc)
    bought_by_name(doc)
    listed_platforms(doc)
    return _to_facts(article, doc)


def _carried(value: Any) -> Any:
    """Return ``value`` with every U+0000, U+FFFE and U+FFFF in its texts replaced by U+FFFD.

    An article may hold them; facts may not (RDF and XML tools cannot carry them), so the
    sentences and names taken from such an article are quoted with U+FFFD in their place.
    """
    if isinstance(value, str):
        return _UNCARRIED.sub("\ufffd", value)
    if isinstance(value, list):
        return [_carried(v) for v in value]
    if isinstance(value, dict):
        return {_carried(k): _carried(v) for k, v in value.items()}
    return value


_RELATIONS = TypeAdapter(list[Relation])
_ENTITIES = TypeAdapter(list[Entity])
_M = TypeVar("_M", Relation, Entity)


def _validated(adapter: TypeAdapter[list[_M]], model: type[_M], rows: list[dict[str, Any]]) -> list[_M]:
    """Validate ``rows`` as models in one call; should one fail, fail as building them one by one does."""
    try:
        return adapter.validate_python(rows)
    except ValidationError:
        return [model(**row) for row in rows]


def _to_facts(article: Article, doc: Document) -> ArticleFacts:
    names = set(doc.entities.records)
    mention_only = {n for n, r in doc.entities.records.items() if r.attributes.get("mention_only")}
    relation_rows = []
    entity_keys = ("buyer", "end_user", "organisation", "by", "partner")
    told: set[str] = set()  # names a written fact speaks of
    for f in doc.facts:
        if f.subject in mention_only or f.subject not in names:
            continue
        q = {k: v for k, v in f.qualifiers.items()
             if not (isinstance(v, str) and k in entity_keys and v not in names)}
        told.add(f.subject)
        if isinstance(f.object, str):
            told.add(f.object)
        told.update(x for v in q.values() for x in (v if isinstance(v, list) else [v]) if isinstance(x, str))
        s = f.sentence
        relation_rows.append({"subject": f.subject, "predicate": f.predicate, "object": f.object, "qualifiers": q,
                              "evidence": {"text": s.text, "start": s.start, "end": s.end},
                              "confidence": f.confidence, "extractor": EXTRACTOR_NAME,
                              "extractor_version": EXTRACTOR_VERSION})
    entity_rows = []
    for rec in doc.entities.records.values():
        if rec.type == "Agreement" and rec.name not in told:
            # an agreement no fact speaks of ("welcomed the deal", none told before) says nothing to use
            continue
        attrs = dict(rec.attributes)
        if attrs.get("mention_only"):
            attrs = {"mention_only": True, "kind": attrs.get("kind", "news agency")}
        entity_rows.append({"name": rec.name, "type": rec.type, "aliases": list(rec.aliases),
                            "attributes": {k: v for k, v in attrs.items() if v is not None}})
    text = article.text  # three tests by ``in`` cost less than one scan of the pattern
    if "\x00" in text or "\ufffe" in text or "\uffff" in text:
        relation_rows, entity_rows = _carried(relation_rows), _carried(entity_rows)
    relations = _validated(_RELATIONS, Relation, relation_rows)
    entities = _validated(_ENTITIES, Entity, entity_rows)
    date = article.date if article.date and re.fullmatch(r"\d{4}(-\d{2}){0,2}", article.date) else None
    return ArticleFacts(url=article.url, date=date, source=article.source, title=article.title,
                        content_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
                        extractor=EXTRACTOR_NAME, extractor_version=EXTRACTOR_VERSION,
                        entities=entities, relations=relations)
