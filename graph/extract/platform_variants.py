"""Platform variants and second designations, settled before any relation is read.

"a short-range air defence (SHORAD) variant of the Patria 6x6" names a platform of its
own, ``Patria 6x6 SHORAD``, which later text calls "the SHORAD variant". "Valour-class
(MEKO A-200SAN) frigates" gives one platform two designations: the one in parentheses
becomes an alias, and a class name followed by its noun takes the noun into its name.

>>> from graph.articles import Article
>>> from graph.extract import extract
>>> facts = extract(Article("The firm will develop an electronic attack (EA) variant of the KX-9 fighter.", "a.txt"))
>>> sorted(e.name for e in facts.entities if e.type == "Platform")
['KX-9', 'KX-9 EA']
"""

from __future__ import annotations

import re
from itertools import pairwise

from .document import Document
from .mentions import Mention
from .platforms import PLATFORM_NOUNS

__all__ = ["settle_platforms"]

_VARIANT_RE = re.compile(
    r"\b(?:a|an|the|its)\s+(?P<desc>(?:[\w-]+\s+){0,5}?\((?P<acr>[A-Z][A-Za-z0-9]{1,7})\)\s+"
    r"(?:variant|version|derivative))\s+of\s+(?:the\s+|its\s+)?")
_NOUN_RE = re.compile(r"\s*(?P<noun>" + "|".join(sorted((re.escape(n) for n in PLATFORM_NOUNS), key=len, reverse=True))
                      + r")s?\b")
_PAREN_OPEN_RE = re.compile(r"\s*\(")
_PAREN_CLOSE_RE = re.compile(r"\)")


def _rename(doc: Document, old: str, new: str) -> None:
    """Give every mention of ``old`` the name ``new`` and fold the entity records together."""
    for m in doc.mentions:
        if m.name == old:
            m.name = new
    rec = doc.entities.records.pop(old, None)
    if rec is None:
        return
    doc.entities.add(new, rec.type, None, **rec.attributes)
    for alias in rec.aliases:
        doc.entities.add(new, rec.type, alias)


def _variants(doc: Document) -> None:
    text = doc.text
    if " variant of " not in text and " version of " not in text and " derivative of " not in text:
        return
    platforms = [m for m in doc.mentions if m.type == "Platform"]
    starts = {m.start: m for m in platforms}
    added: list[Mention] = []
    for vm in _VARIANT_RE.finditer(text):
        base = starts.get(vm.end())
        if base is None or any(m.start < vm.end("desc") and vm.start("desc") < m.end for m in doc.mentions):
            continue
        acr = vm.group("acr")
        # the variant is named from the base as the text writes it ("Patria 6x6", not its bare designation)
        stem = base.surface if base.surface.endswith(base.name) else base.name
        name = f"{stem} {acr}"
        surface = vm.group("desc")
        doc.entities.add(name, "Platform", surface)
        added.append(Mention(vm.start("desc"), vm.end("desc"), surface, name, "Platform", 5,
                             {"variant_of": base.name}))
        for later in re.finditer(rf"\b{re.escape(acr)}\s+(?:variant|version|derivative)\b", text):
            if later.start() >= vm.end() and not any(m.start < later.end() and later.start() < m.end
                                                     for m in doc.mentions):
                doc.entities.add(name, "Platform", later.group())
                added.append(Mention(later.start(), later.end(), later.group(), name, "Platform", 5,
                                     {"variant_of": base.name}))
    if added:
        doc.mentions.extend(added)
        doc.mentions.sort(key=lambda m: m.start)
        doc.index()


def _second_designations(doc: Document) -> None:
    text = doc.text
    platforms = [m for m in doc.mentions if m.type == "Platform"]
    for a, b in pairwise(platforms):
        po = _PAREN_OPEN_RE.match(text, a.end)
        if po is None or po.end() != b.start or a.name == b.name:
            continue
        pc = _PAREN_CLOSE_RE.match(text, b.end)
        if pc is None:
            continue
        name = a.name
        noun = _NOUN_RE.match(text, pc.end())
        if noun and name.endswith("-class"):
            name = f"{name} {noun.group('noun')}"
            _rename(doc, a.name, name)
        if any(m.name == b.name for m in platforms if m is not b):
            continue  # the designation is used on its own elsewhere: keep it as an entity
        doc.entities.records.pop(b.name, None)
        b.name = name
        doc.entities.add(name, "Platform", b.surface)


def settle_platforms(doc: Document) -> None:
    """Add variant platforms the text defines and fold parenthesised second designations into one platform."""
    _variants(doc)
    _second_designations(doc)
