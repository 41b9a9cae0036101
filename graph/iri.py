"""Minting IRIs: the one place where identifiers of instance data are made.

IRIs are deterministic: the same facts always give the same IRIs, so loading twice
gives an identical graph. Countries are named by ISO 3166 alpha-3, other entities by
type and normalised name, articles by their URL (or a caller's key), facts by a hash
of their content.

>>> str(entity_iri("Country", "Türkiye"))
'https://w3id.org/dikg/id/country/TUR'
>>> str(entity_iri("Company", "Korea Aerospace Industries"))
'https://w3id.org/dikg/id/company/korea-aerospace-industries'
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from rdflib import URIRef

from .countries import lookup as lookup_country
from .vocab import BASE

__all__ = ["article_iri", "concept_iri", "digest", "entity_iri", "fact_iri", "node_iri", "slug"]

_MAX_SLUG = 80


def digest(*parts: Any, length: int = 16) -> str:
    """Return a short stable hex digest of ``parts`` (JSON-encoded, keys sorted)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """Return a lowercase ASCII slug of ``text``; a hash when nothing readable is left.

    >>> slug("Malaysia–Korea Third Defence Industry Cooperation Seminar")
    'malaysia-korea-third-defence-industry-cooperation-seminar'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:
        return "x-" + digest(text, length=12)
    if len(s) > _MAX_SLUG:
        return s[:_MAX_SLUG].rstrip("-") + "-" + digest(text, length=8)
    return s


def entity_iri(entity_type: str, name: str) -> URIRef:
    """Return the IRI of an entity: countries by ISO alpha-3, others by type and name."""
    if entity_type == "Country":
        country = lookup_country(name)
        if country is not None:
            return URIRef(f"{BASE}id/country/{country.alpha3}")
    return URIRef(f"{BASE}id/{slug(entity_type)}/{slug(name)}")


def article_iri(key: str) -> URIRef:
    """Return the IRI (and named graph) of an article identified by its URL or key."""
    return URIRef(f"{BASE}article/{digest(key)}")


def fact_iri(article: URIRef, content: Any) -> URIRef:
    """Return the IRI of a fact: a hash of its article and its content."""
    return URIRef(f"{BASE}fact/{digest(str(article), content)}")


def concept_iri(scheme: str, label: str) -> URIRef:
    """Return the IRI of a SKOS concept (a status, cooperation area, capability domain)."""
    return URIRef(f"{BASE}concept/{slug(scheme)}/{slug(label)}")


def node_iri(parent: URIRef, *parts: Any) -> URIRef:
    """Return the IRI of a node that belongs to ``parent`` (evidence, money, list cell)."""
    return URIRef(f"{parent}/{digest(*parts, length=12)}")
