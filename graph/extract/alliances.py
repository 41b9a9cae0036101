"""Standing ties between states: partnerships named by their level, and membership of organisations.

Complements the two-states-in-one-sentence rule of :mod:`.relations` with the frames where
one side is a reference: "the two countries have been comprehensive strategic partners
since 2016", "the depth of our Special Strategic Partnership with Japan"; and reads
membership: "Estonia, a member of NATO", "fellow NATO members Poland and Romania".
"""

from __future__ import annotations

import re

from .anaphora import PAIR_REF, country_pair
from .anchors import mentions_in, sentences_with
from .document import Document
from .text import Sentence

__all__ = ["extract_alliances"]

_LEVEL = (r"(?P<level>(?:(?:comprehensive|strategic|special|global|enhanced|close|key|long-standing|privileged|"
          r"all-weather|extensive|defen[cs]e|and)\s+){1,6})")
_PARTNERS = re.compile(rf"\b{_LEVEL}partners(?:hip)?\b", re.I)
_WITH = re.compile(r"\s+with\s+(?:the\s+)?")
_OUR = re.compile(r"\b(?:our|its|their)\s+(?:(?:[\w-]+\s+){0,2})?$", re.I)
_SINCE = re.compile(r"\bsince\s+((?:19|20)\d\d)\b")
_AHEAD = re.compile(r"\b(?:will|would|to elevate|to upgrade|plans? to|agreed to)\b")
_MEMBER_OF = re.compile(r"^,?\s+(?:is\s+|as\s+|became\s+|becoming\s+)?(?:a|an|the)\s+(?:founding\s+|full\s+|newest\s+|"
                        r"fellow\s+)?member(?:\s+state)?\s+of\s+(?:the\s+)?")
_MEMBERS = re.compile(r"^\s+(?:members?|member states|allies)\s+")


def _level(text: str) -> str:
    return " ".join(text.split())


def _partnerships(doc: Document, s: Sentence) -> None:
    pm = _PARTNERS.search(s.text)
    if pm is None or not pm.group("level").strip(" and"):
        return
    states = [c for c in mentions_in(doc, s, "Country") if c.form != "capital"]
    status = "planned" if _AHEAD.search(s.text) else "existing"
    since = _SINCE.search(s.text)
    q = {"level": _level(pm.group(0)), "status": status, "since": since.group(1) if since else None}
    pair = country_pair(doc)
    if PAIR_REF.search(s.text[:pm.start()]) and pair and len({c.name for c in states}) < 2:
        doc.relate(pair[0], "partner_of", pair[1], q, s, 0.6)
        return
    wm = _WITH.match(s.text, pm.end())
    if wm and _OUR.search(s.text, 0, pm.start()):
        other = next((c for c in states if c.start == s.start + wm.end()), None)
        main = doc.main_country()
        if other is not None and main and main != other.name:
            doc.relate(main, "partner_of", other.name, q, s, 0.55)


def _membership(doc: Document, s: Sentence) -> None:
    orgs = mentions_in(doc, s, "Organisation")
    if not orgs:
        return
    for c in mentions_in(doc, s, "Country"):
        mm = _MEMBER_OF.match(doc.text[c.end:s.end])
        if mm:
            org = next((o for o in orgs if o.start == c.end + mm.end()), None)
            if org is not None:
                doc.relate(c.name, "member_of", org.name, {}, s, 0.65)
    for o in orgs:
        mm = _MEMBERS.match(doc.text[o.end:s.end])
        if mm is None:
            continue
        pos = o.end + mm.end()
        for c in mentions_in(doc, s, "Country"):
            if c.start < pos:
                continue
            gap = doc.text[pos:c.start]
            if not re.fullmatch(r"(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+)?", gap):
                break
            doc.relate(c.name, "member_of", o.name, {}, s, 0.6)
            pos = c.end


def extract_alliances(doc: Document) -> None:
    """Add ``partner_of`` and ``member_of`` relations to ``doc``."""
    for s in sentences_with(doc, ("partner",)):
        _partnerships(doc, s)
    for s in sentences_with(doc, ("member", "allies")):
        _membership(doc, s)
