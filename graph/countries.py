"""The country table: every ISO 3166-1 entry with its names, demonyms, capitals and Wikidata item.

Read once from ``graph/data/countries.tsv`` (249 rows: states and territories with an
ISO 3166-1 code). Lookups fold case and diacritics, so "Türkiye", "Turkiye" and
"TURKEY" find the same row. ``name`` is the short English name the interchange format
uses; ``aliases`` hold ISO and official long names and common alternates. Demonyms and
capitals are separate lookups because they are weaker evidence ("Seoul said" means
South Korea, "Korean" alone is ambiguous and is not listed). The Wikidata item is left
empty where the link is not certain: a wrong link is worse than none.

>>> lookup("Republic of Korea").alpha3
'KOR'
>>> by_demonym("South Korean").name
'South Korea'
>>> by_capital("Ankara").name
'Turkiye'
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Country", "by_capital", "by_demonym", "countries", "fold", "lookup"]


@dataclass(frozen=True)
class Country:
    """One row of the country table."""

    alpha2: str
    alpha3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    wikidata: str | None


def fold(text: str) -> str:
    """Fold case, diacritics and spacing so that surface forms compare."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(s.replace("\u2019", "'").split())


@cache
def countries() -> tuple[Country, ...]:
    """Return every row of the shipped country table."""
    text = resources.files("graph.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")

    def split(v: str | None) -> tuple[str, ...]:
        return tuple(x for x in (v or "").split("|") if x)

    return tuple(
        Country(r["alpha2"], r["alpha3"], r["name"], split(r["aliases"]), split(r["demonyms"]),
                split(r["capitals"]), r["wikidata"] or None)
        for r in rows
    )


@cache
def _index() -> dict[str, Country]:
    idx: dict[str, Country] = {}
    for c in countries():
        for key in (c.name, c.alpha3, *c.aliases):
            idx.setdefault(fold(key), c)
    return idx


def lookup(name: str) -> Country | None:
    """Return the country called ``name`` (short name, official name, alias or alpha-3)."""
    return _index().get(fold(name))


@cache
def _demonyms() -> dict[str, Country]:
    return {fold(d): c for c in countries() for d in c.demonyms}


@cache
def _capitals() -> dict[str, Country]:
    return {fold(k): c for c in countries() for k in c.capitals}


def by_demonym(word: str) -> Country | None:
    """Return the country whose demonym (adjective) is ``word``: "Malaysian" -> Malaysia."""
    return _demonyms().get(fold(word))


def by_capital(city: str) -> Country | None:
    """Return the country whose capital is ``city`` (for metonymy: "Seoul said")."""
    return _capitals().get(fold(city))
