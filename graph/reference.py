"""Reference tables beyond countries: well-known international organisations.

Read once from ``graph/data/organisations.tsv`` (columns ``name``, ``aliases``,
``wikidata``; aliases separated by ``|``). The mapping links an ``Organisation``
entity found here to its Wikidata item with ``owl:sameAs``; the extractor may use the
names and aliases as a gazetteer. The Wikidata cell is empty where the item is not
certain: a wrong link is worse than none. Lookups fold case and diacritics like the
country table.

>>> lookup_organisation("North Atlantic Treaty Organization").wikidata
'Q7184'
>>> lookup_organisation("asean").name
'ASEAN'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .countries import fold

__all__ = ["Organisation", "lookup_organisation", "organisations"]


@dataclass(frozen=True)
class Organisation:
    """One row of the organisation table."""

    name: str
    aliases: tuple[str, ...]
    wikidata: str | None


@cache
def organisations() -> tuple[Organisation, ...]:
    """Return every row of the shipped organisation table."""
    text = resources.files("graph.data").joinpath("organisations.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return tuple(
        Organisation(r["name"], tuple(a for a in (r["aliases"] or "").split("|") if a), r["wikidata"] or None)
        for r in rows
    )


@cache
def _index() -> dict[str, Organisation]:
    idx: dict[str, Organisation] = {}
    for o in organisations():
        for key in (o.name, *o.aliases):
            idx.setdefault(fold(key), o)
    return idx


def lookup_organisation(name: str) -> Organisation | None:
    """Return the organisation called ``name`` (its name or an alias), if the table has it."""
    return _index().get(fold(name))
