"""The dikg vocabulary as a closed namespace, and the tables that map the schema onto it.

``DIKG`` is a :class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``: a
misspelt term raises instead of minting a wrong IRI. ``tests/test_vocab.py`` asserts
that its terms are exactly the terms ``ontology/dikg.ttl`` declares.

>>> str(DIKG.partyTo)
'https://w3id.org/dikg/ontology#partyTo'
"""

from __future__ import annotations

from typing import Literal

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "BASE",
    "CONCEPT_PREDICATES",
    "DIKG",
    "FACT_CLASS",
    "ONTOLOGY_IRI",
    "ORG",
    "PREDICATE_PROPERTY",
    "PREFIXES",
    "PROPERTY_PREDICATE",
    "SCHEMA",
    "TIME",
    "VALUE_KEYS",
    "WD",
    "ValueKind",
]

BASE = "https://w3id.org/dikg/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")

WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")


class DIKG(DefinedNamespace):
    """Terms of the dikg ontology (``ontology/dikg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # -- classes: entities
    Entity: URIRef
    Country: URIRef
    GovernmentAgency: URIRef
    ArmedForce: URIRef
    Company: URIRef
    Organisation: URIRef
    Person: URIRef
    Event: URIRef
    Agreement: URIRef
    Platform: URIRef
    # -- classes: articles, facts and their parts
    Article: URIRef
    Fact: URIRef
    Partnership: URIRef
    AgreementParticipation: URIRef
    Post: URIRef
    Supply: URIRef
    Participation: URIRef
    StatusAssertion: URIRef
    Valuation: URIRef
    CountAssertion: URIRef
    Evidence: URIRef
    MonetaryAmount: URIRef
    Attribute: URIRef
    StatusConcept: URIRef
    CooperationArea: URIRef
    CapabilityDomain: URIRef
    # -- datatypes
    yearQuarter: URIRef
    # -- concept schemes and the three status classes
    StatusScheme: URIRef
    CooperationAreaScheme: URIRef
    CapabilityDomainScheme: URIRef
    Prospective: URIRef
    Concluded: URIRef
    Historical: URIRef

    # -- relation properties (one per schema predicate)
    partnerOf: URIRef
    hasAgreementWith: URIRef
    partyTo: URIRef
    signed: URIRef
    witnessed: URIRef
    handedOver: URIRef
    signedAt: URIRef
    hasStatus: URIRef
    hasValue: URIRef
    covers: URIRef
    fundedBy: URIRef
    precedes: URIRef
    supplies: URIRef
    buys: URIRef
    requires: URIRef
    interestedIn: URIRef
    operates: URIRef
    manufactures: URIRef
    develops: URIRef
    contributesTo: URIRef
    derivedFrom: URIRef
    replaces: URIRef
    selectedOver: URIRef
    equippedWith: URIRef
    inspected: URIRef
    speakerAt: URIRef
    chairs: URIRef
    participantOf: URIRef
    organisedBy: URIRef
    heldIn: URIRef
    hasParticipantCount: URIRef
    hasCount: URIRef
    metWith: URIRef
    visited: URIRef
    holdsRole: URIRef
    partOf: URIRef
    locatedIn: URIRef
    ownedBy: URIRef
    memberOf: URIRef
    coChairs: URIRef
    hasCooperationArea: URIRef
    hasCapabilityDomain: URIRef
    relatedTo: URIRef

    # -- the reified fact
    subject: URIRef
    predicate: URIRef
    object: URIRef
    concept: URIRef
    evidence: URIRef
    confidence: URIRef
    extractor: URIRef
    extractorVersion: URIRef
    # -- evidence
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    mention: URIRef
    # -- articles
    contentHash: URIRef
    articleKey: URIRef
    # -- qualifiers and attributes with a meaning of their own
    date: URIRef
    expectedDate: URIRef
    startDate: URIRef
    endDate: URIRef
    since: URIRef
    firstDelivery: URIRef
    deliveryStart: URIRef
    status: URIRef
    statusClass: URIRef
    level: URIRef
    domain: URIRef
    role: URIRef
    location: URIRef
    venue: URIRef
    site: URIRef
    note: URIRef
    what: URIRef
    unit: URIRef
    purpose: URIRef
    agreementType: URIRef
    ordinalScope: URIRef
    workShare: URIRef
    relationKind: URIRef
    eventType: URIRef
    edition: URIRef
    honorific: URIRef
    rank: URIRef
    category: URIRef
    kind: URIRef
    mentionOnly: URIRef
    quantity: URIRef
    ordinal: URIRef
    batch: URIRef
    countryCount: URIRef
    approximate: URIRef
    lowerBound: URIRef
    value: URIRef
    equivalent: URIRef
    buyer: URIRef
    supplier: URIRef
    endUser: URIRef
    partner: URIRef
    organisation: URIRef
    onBehalfOf: URIRef
    event: URIRef
    recipient: URIRef
    operator: URIRef
    by: URIRef
    counterpartOf: URIRef
    country: URIRef
    after: URIRef
    kinds: URIRef
    # -- money
    amount: URIRef
    currency: URIRef
    # -- generic attribute (a key the ontology has no property for)
    attribute: URIRef
    key: URIRef
    # -- countries
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef


PREFIXES: dict[str, str] = {
    "dikg": str(DIKG._NS),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": str(SCHEMA),
    "org": str(ORG),
    "time": str(TIME),
    "wd": str(WD),
}


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(w.capitalize() for w in rest)


#: schema predicate -> ontology property
PREDICATE_PROPERTY: dict[str, URIRef] = {
    p: DIKG[_camel(p)]
    for p in (
        "partner_of", "has_agreement_with", "party_to", "signed", "witnessed", "handed_over",
        "signed_at", "has_status", "has_value", "covers", "funded_by", "precedes", "supplies",
        "buys", "requires", "interested_in", "operates", "manufactures", "develops",
        "contributes_to", "derived_from", "replaces", "selected_over", "equipped_with",
        "inspected", "speaker_at", "chairs", "participant_of", "organised_by", "held_in",
        "has_participant_count", "has_count", "met_with", "visited", "holds_role", "part_of",
        "located_in", "owned_by", "member_of", "co_chairs", "has_cooperation_area",
        "has_capability_domain", "related_to",
    )
}
PROPERTY_PREDICATE: dict[URIRef, str] = {v: k for k, v in PREDICATE_PROPERTY.items()}

#: schema predicate -> class of its reified fact node (default: dikg:Fact)
FACT_CLASS: dict[str, URIRef] = {
    "partner_of": DIKG.Partnership,
    "party_to": DIKG.AgreementParticipation,
    "holds_role": DIKG.Post,
    "supplies": DIKG.Supply,
    "buys": DIKG.Supply,
    "participant_of": DIKG.Participation,
    "speaker_at": DIKG.Participation,
    "chairs": DIKG.Participation,
    "has_status": DIKG.StatusAssertion,
    "has_value": DIKG.Valuation,
    "has_count": DIKG.CountAssertion,
    "has_participant_count": DIKG.CountAssertion,
}

#: predicates whose literal object is also a SKOS concept: predicate -> (scheme, concept class)
CONCEPT_PREDICATES: dict[str, tuple[URIRef, URIRef]] = {
    "has_status": (DIKG.StatusScheme, DIKG.StatusConcept),
    "has_cooperation_area": (DIKG.CooperationAreaScheme, DIKG.CooperationArea),
    "has_capability_domain": (DIKG.CapabilityDomainScheme, DIKG.CapabilityDomain),
}

ValueKind = Literal["text", "int", "bool", "date", "money", "entity", "status"]

#: qualifier or attribute key -> (property, kind). A key not listed here, or a value whose
#: JSON type does not fit the kind, is kept as a generic dikg:Attribute node (key + value).
VALUE_KEYS: dict[str, tuple[URIRef, ValueKind]] = {
    "date": (DIKG.date, "date"),
    "expected_date": (DIKG.expectedDate, "date"),
    "start_date": (DIKG.startDate, "date"),
    "end_date": (DIKG.endDate, "date"),
    "since": (DIKG.since, "date"),
    "first_delivery": (DIKG.firstDelivery, "date"),
    "delivery_start": (DIKG.deliveryStart, "date"),
    "status": (DIKG.status, "status"),
    "level": (DIKG.level, "text"),
    "domain": (DIKG.domain, "text"),
    "role": (DIKG.role, "text"),
    "location": (DIKG.location, "text"),
    "venue": (DIKG.venue, "text"),
    "site": (DIKG.site, "text"),
    "note": (DIKG.note, "text"),
    "what": (DIKG.what, "text"),
    "unit": (DIKG.unit, "text"),
    "purpose": (DIKG.purpose, "text"),
    "agreement_type": (DIKG.agreementType, "text"),
    "ordinal_scope": (DIKG.ordinalScope, "text"),
    "work_share": (DIKG.workShare, "text"),
    "relation": (DIKG.relationKind, "text"),
    "event_type": (DIKG.eventType, "text"),
    "honorific": (DIKG.honorific, "text"),
    "rank": (DIKG.rank, "text"),
    "category": (DIKG.category, "text"),
    "kind": (DIKG.kind, "text"),
    "kinds": (DIKG.kinds, "text"),
    "edition": (DIKG.edition, "int"),
    "quantity": (DIKG.quantity, "int"),
    "ordinal": (DIKG.ordinal, "int"),
    "batch": (DIKG.batch, "int"),
    "countries": (DIKG.countryCount, "int"),
    "approximate": (DIKG.approximate, "bool"),
    "lower_bound": (DIKG.lowerBound, "bool"),
    "mention_only": (DIKG.mentionOnly, "bool"),
    "value": (DIKG.value, "money"),
    "equivalent": (DIKG.equivalent, "money"),
    "buyer": (DIKG.buyer, "entity"),
    "supplier": (DIKG.supplier, "entity"),
    "end_user": (DIKG.endUser, "entity"),
    "partner": (DIKG.partner, "entity"),
    "organisation": (DIKG.organisation, "entity"),
    "on_behalf_of": (DIKG.onBehalfOf, "entity"),
    "event": (DIKG.event, "entity"),
    "recipient": (DIKG.recipient, "entity"),
    "operator": (DIKG.operator, "entity"),
    "by": (DIKG.by, "entity"),
    "counterpart_of": (DIKG.counterpartOf, "entity"),
    "country": (DIKG.country, "entity"),
    "after": (DIKG.after, "entity"),
}
