"""Standing ties between states: partnerships named by their level, and membership of organisations.

Complements the two-states-in-one-sentence rule of :mod:`.relations` with the frames where
one side is a reference: "the two countries have been comprehensive strategic partners
since 2016", "the depth of our Special Strategic Partnership with Japan"; and reads
membership: "Estonia, a member of NATO", "fellow NATO members Poland and Romania".
"""

from __future__ import annotations

import re

from .anaphora import PAIR_REF, country_pair, pair_at
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
_MEMBER_OF = re.compile(r"^,?\s+(?:is\s+|as\s+|became\s+|becoming\s+|has\s+been\s+|remains\s+|was\s+)?(?:also\s+)?"
                        r"(?:a|an|the)\s+(?:founding\s+|full\s+|newest\s+|fellow\s+|\d{1,3}(?:st|nd|rd|th)\s+|"
                        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+)?member(?:\s+state)?"
                        r"\s+of\s+(?:the\s+)?")
_JOINED = re.compile(r",?\s+(?:formally\s+|officially\s+)?(?:joined|acceded\s+to)\s+(?:the\s+)?")
_JOINED_TAIL = re.compile(r"(?:\s+(?:in|on)\s+(?:\w+\s+){0,2}?(?P<y>(?:19|20)\d\d))?(?=\s*(?:[,.;]|and\b|as\b|$))")
_MEMBERS = re.compile(r"^\s+(?:members?|member states|allies)\s+")


def _level(text: str) -> str:
    return " ".join(text.split())


#: a level reached: "upgraded their relationship to a comprehensive strategic partnership"
_UPGRADE = re.compile(r"\b(?:upgraded|elevated|raised|lifted)\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:an?\s+|the\s+)?$")
#: "Vietnam is also a comprehensive strategic partner of Indonesia"
_PARTNER_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_IS_A = re.compile(r"\s+(?:is|was|has\s+been|have\s+been|became|becomes|remains)\s+(?:also\s+|now\s+)?(?:an?\s+)?$")


def _upgrade(doc: Document, s: Sentence, a: str, b: str, q: dict[str, str | None]) -> None:
    """Record the level a partnership was raised to, from when, with the level it had (told anywhere in the
    article) as ``previous_level``."""
    day = next((d.value for d in doc.in_sentence(s, doc.dates) if not d.prospective), None)
    q = {**q, "since": day or q.get("since")}
    known = [f for f in doc.facts if f.predicate == "partner_of" and {f.subject, str(f.object)} == {a, b}]
    if not known:
        doc.relate(a, "partner_of", b, q, s, 0.6)
        return
    f = known[0]
    old = f.qualifiers.get("level")
    if old and _level(old).casefold() != _level(q["level"] or "").casefold():
        f.qualifiers["previous_level"] = old
    f.qualifiers.update({k: v for k, v in q.items() if v is not None})
    if day is None:
        f.qualifiers.pop("since", None)  # the old level's start is not the new one's


def _partner_of(doc: Document, s: Sentence, pm: re.Match[str], q: dict[str, str | None]) -> bool:
    """"X is also a comprehensive strategic partner of Y": X and Y are partners; tell whether read."""
    om = _PARTNER_OF.match(s.text, pm.end())
    if om is None or not pm.group(0).endswith("partner"):
        return False
    states = mentions_in(doc, s, "Country")
    other = next((c for c in states if c.start == s.start + om.end()), None)
    im = _IS_A.search(s.text, 0, pm.start())
    one = next((c for c in states if im is not None and c.end == s.start + im.start()), None)
    if other is None or one is None or other.name == one.name:
        return False
    cut = _CLAUSE_END.search(s.text, om.end())
    since = _SINCE.search(s.text, 0, cut.start() if cut else len(s.text))  # "..., and B has ... since 2019": B's
    q = {**q, "level": f"{q['level']}ship", "since": since.group(1) if since else None}
    doc.relate(one.name, "partner_of", other.name, q, s, 0.6)
    return True


_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas)\s|;")


_PARTNER_ONE = re.compile(rf"\b{_LEVEL}partner\b(?=\s+of\s)", re.I)


def _partnerships(doc: Document, s: Sentence) -> None:
    pm = _PARTNERS.search(s.text) or (_PARTNER_ONE.search(s.text) if "partner of" in s.text else None)
    if pm is None or not pm.group("level").strip(" and"):
        return
    states = [c for c in mentions_in(doc, s, "Country") if c.form != "capital"]
    status = "planned" if _AHEAD.search(s.text, 0, pm.start()) else "existing"
    since = _SINCE.search(s.text)
    q = {"level": _level(pm.group(0)), "status": status, "since": since.group(1) if since else None}
    pair = country_pair(doc)
    two_named = PAIR_REF.search(s.text, 0, pm.start()) is not None  # "the two countries" before the level
    if two_named:
        pair = pair_at(doc, s, s.start + pm.start()) or pair  # "the two countries": the two named just before
    if _partner_of(doc, s, pm, q):
        return
    raised = any(w in s.text for w in ("upgraded", "elevated", "raised", "lifted"))
    if status == "existing" and raised and _UPGRADE.search(s.text, 0, pm.start()):
        named = list(dict.fromkeys(c.name for c in mentions_in(doc, s, "Country") if c.form in ("name", "capital")))
        two = named[:2] if len(named) >= 2 else list(pair) if pair and two_named else []
        if len(two) == 2:
            _upgrade(doc, s, two[0], two[1], q)
            return
    if two_named and pair and len({c.name for c in states}) < 2:
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
                tail = _JOINED_TAIL.match(doc.text, org.end, s.end) if "became" in mm.group() else None
                sm = _SINCE.match(doc.text[org.end:s.end].lstrip()) if "been" in mm.group() else None
                since = sm.group(1) if sm else tail.group("y") if tail else None
                doc.relate(c.name, "member_of", org.name, {"since": since}, s, 0.65)
        jm = _JOINED.match(doc.text, c.end, s.end)
        org = next((o for o in orgs if jm is not None and o.start == jm.end()), None)
        if org is None or c.form == "demonym":
            continue
        tail = _JOINED_TAIL.match(doc.text, org.end, s.end)
        if tail is not None:  # "Finland joined NATO in 2023", not "joined NATO exercises"
            day = next((d.value for d in doc.in_sentence(s, doc.dates) if org.end <= d.start < tail.end()), None)
            doc.relate(c.name, "member_of", org.name, {"since": day or tail.group("y")}, s, 0.6)
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
    for s in sentences_with(doc, ("member", "allies", "joined", "acceded")):
        _membership(doc, s)
