"""Platforms known by a trade name: the listed ones kept from false readings, the unlisted ones after their maker.

* A listed platform name is not the platform when it begins a class ("Mistral-class
  amphibious ships") or ends a person's name ("Graham Hawk"), and yields to a longer
  designation it begins ("F-16 Block 70"), or to a longer counted name when the text
  names the bare model too (the variants are contrasted then);
* "the Hanwha Redback", "48 Saab Gripen", "Hanwha's Redback vehicles": a capitalised name
  after a known manufacturer, with a determiner or a number before the maker or a kind of
  platform after the name, is a platform of that maker;
* "Colombia selected the Gripen E over the F-16": the first is selected over the second;
* "Ukraine operates the A and the B": what is said of the first of a list, of each one;
* "Lithuania signed for 44 <P> tanks", "Romania will buy the <P>": buys, when no supplier.

>>> [(m.surface, m.attributes["maker"]) for m in maker_named_platforms(
...     "Chile chose the Hanwha Tigon over others.", [Mention(16, 22, "Hanwha", "Hanwha Group", "Company", 4)])]
[('Tigon', 'Hanwha Group')]
"""

from __future__ import annotations

import re

from .anchors import mentions_in, sentences_with
from .document import Document
from .mentions import Mention
from .numbers import WORD_NUMBER
from .platform_focus import number
from .platforms import PLATFORM_NOUNS
from .text import Sentence

__all__ = ["bought_by_name", "chosen_over", "guard_listed_platforms", "listed_platforms", "maker_named_platforms"]

_NOUN = "|".join(sorted((re.escape(n) for n in PLATFORM_NOUNS), key=len, reverse=True))
_CLASS_AFTER = re.compile(r"[- ]class\b", re.I)
_SUFFIX_AFTER = re.compile(r"\s+(?:Mk|Mark|Block|Batch|Flight|Increment|[A-Z]{1,2})\b")
_NAME_AFTER = re.compile(r"(?P<gap> |['’]s )(?P<name>[A-Z][a-z]+[A-Za-z]*(?:[- ](?:[A-Z][a-z]*|\d+)[A-Za-z\d]*)?)"
                         r"(?![\w'’-])")
_KIND_AFTER = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_NOUN})(?:s|es)?\b")
_END_AFTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|over|for|to|in|from|with|was|were|is|are|will|would|has|had|"
                        r"as|at|on|by|under|which|that|instead)\b")
_LEAD_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|of|more|new|additional)|\d)\s+$", re.I)
_NOT_NAMES = frozenset(
    "Group Defence Defense Systems System Industries Industry Corporation Company Chairman Chief CEO President "
    "Executive "
    "Director Directors Board Land Naval Air Aerospace Electronics Dynamics Technologies Technology Holdings Shipyard "
    "Shipyards Shipbuilding Marine Engineering International Limited Ltd Inc AG SA SpA GmbH Pty Plc Division Unit "
    "Subsidiary Head Spokesman Spokeswoman Vice Senior Managing General Deputy Team Services Solutions Munitions "
    "Vehicles Helicopters Aviation Aircraft Space Missiles Ordnance Works Plant Factory Yard Business Sector Unit "
    "Global North South East West Europe Asia Africa America Pacific Middle The This That These Those It Its Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December".split())
_PARTY_TYPES = ("Company", "Country", "GovernmentAgency", "ArmedForce", "Organisation", "Person", "Event")


def guard_listed_platforms(text: str, raw: list[Mention]) -> list[Mention]:
    """Drop the listed platform names that begin a class, end a person's name or begin a longer designation;
    and a person read in a listed state's name ("Sri Lanka" is no "Lanka" with the honorific "Sri")."""
    listed: list[Mention] = []
    states: set[tuple[int, int]] = set()
    persons: list[Mention] = []
    others: list[Mention] = []  # the platforms found by form
    for m in raw:  # every mention of the article: its type read once
        t = m.type
        if t == "Platform":
            if m.priority == 4:
                listed.append(m)
            elif m.priority < 4:
                others.append(m)
        elif t == "Person":
            persons.append(m)
        elif t == "Country" and m.form == "name" and " " in m.surface:
            states.add((m.start, m.end))
    dropped = {id(p) for p in persons if (p.start, p.end) in states}
    if listed:
        starts = {m.start for m in listed}
        longer: dict[int, int] = {}
        designated: dict[int, int] = {}
        for m in others:
            if m.start in starts:
                longer[m.start] = max(longer.get(m.start, 0), m.end)
                if m.priority == 1:
                    designated[m.start] = max(designated.get(m.start, 0), m.end)
        person_ends: dict[int, int] = {}  # where a person's name ends: the start of its first word
        for p in persons:
            person_ends[p.end] = min(person_ends.get(p.end, p.start), p.start)
        bare = {m.name for m in listed if longer.get(m.start, 0) <= m.end and not _SUFFIX_AFTER.match(text, m.end)}
        for m in listed:
            if (_CLASS_AFTER.match(text, m.end) or person_ends.get(m.end, m.start) < m.start
                    or designated.get(m.start, 0) > m.end or (longer.get(m.start, 0) > m.end and m.name in bare)):
                dropped.add(id(m))
    return [m for m in raw if id(m) not in dropped] if dropped else raw


def maker_named_platforms(text: str, raw: list[Mention]) -> list[Mention]:
    """Return the platforms named after a known maker ("the Hanwha Redback"), each with the maker as attribute."""
    out = []
    others: list[tuple[int, int]] | None = None
    for c in raw:
        if c.type != "Company" or c.priority < 3:
            continue
        nm = _NAME_AFTER.match(text, c.end)
        if nm is None or any(w in _NOT_NAMES for w in re.split(r"[- ]", nm.group("name"))):
            continue
        start, end = nm.start("name"), nm.end("name")
        if others is None:
            others = [(m.start, m.end) for m in raw if m.type in _PARTY_TYPES]
        if _CLASS_AFTER.match(text, end) or any(s < end and start < e for s, e in others):
            continue
        kind = _KIND_AFTER.match(text, end)
        led = nm.group("gap") == " " and _LEAD_BEFORE.search(text, max(0, c.start - 12), c.start)
        if kind is None and not (led and _END_AFTER.match(text, end)):
            continue
        out.append(Mention(start, end, nm.group("name"), nm.group("name"), "Platform", 1, {"maker": c.name}))
    return out


_CHOSE_RE = re.compile(r"\b(?:selected|chose|chosen|picked|preferred|opted\s+for)\s+(?:the\s+)?")
_OVER_RE = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:over|ahead\s+of|in\s+preference\s+to)\s+"
                      r"(?:the\s+|rival\s+|a\s+)?")


def chosen_over(doc: Document) -> None:
    """"Colombia selected the Gripen E over the F-16": the chosen platform over the other."""
    for s in sentences_with(doc, (" over ", "ahead of", "in preference to")):
        for cm in _CHOSE_RE.finditer(doc.text, s.start, s.end):
            won = next((p for p in mentions_in(doc, s, "Platform") if p.start == cm.end()), None)
            om = _OVER_RE.match(doc.text, won.end, s.end) if won is not None else None
            lost = next((p for p in mentions_in(doc, s, "Platform") if om is not None and p.start == om.end()), None)
            if won is not None and lost is not None and won.name != lost.name:
                doc.relate(won.name, "selected_over", lost.name, {}, s, 0.6)


_NUM_WORD = rf"(?:\d[\d,]*|(?!one\b){WORD_NUMBER})"
_LIST_GAP = re.compile(rf"(?:\s+(?![Aa]nd\b|[Oo]r\b)[a-z][\w-]*){{0,3}}?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)"
                       rf"(?:the\s+|its\s+|some\s+)?(?:(?P<n>{_NUM_WORD})\s+)?(?:more\s+|additional\s+|new\s+)?")
_LISTED_PREDICATES = ("operates", "buys", "requires", "interested_in")


def _listed_after(doc: Document, s: Sentence, first: Mention) -> list[tuple[Mention, int | None]]:
    """Return the platforms listed after ``first`` ("the A and the B", "250 A tanks and 116 B tanks"), with counts."""
    platforms = mentions_in(doc, s, "Platform")
    out: list[tuple[Mention, int | None]] = []
    at = first
    while True:
        gm = _LIST_GAP.match(doc.text, at.end, s.end)
        nxt = next((p for p in platforms if gm is not None and p.start == gm.end()), None)
        if gm is None or nxt is None or nxt.name == first.name:
            return out
        out.append((nxt, number(gm.group("n"))))
        at = nxt


def listed_platforms(doc: Document) -> None:
    """"Ukraine operates the A and the B", "Poland will buy 96 A and 180 B": what is said of the first platform of
    a list is said of each one listed after it (with its own count)."""
    for f in [f for f in doc.facts if f.predicate in _LISTED_PREDICATES and f.sentence is not None]:
        s = f.sentence
        platforms = mentions_in(doc, s, "Platform")
        first = next((p for p in platforms if p.name == f.object), None)
        if first is None or all(p.name == first.name for p in platforms):
            continue  # no other platform in the sentence to list after it
        for p, n in _listed_after(doc, s, first):
            q = {k: v for k, v in f.qualifiers.items() if k not in ("quantity", "lower_bound", "approximate")}
            doc.relate(str(f.subject), f.predicate, p.name, {**q, "quantity": n}, s, 0.5)


_SIGNED_FOR = re.compile(rf"\s+(?:has\s+|have\s+|had\s+|on\s+\w+\s+)?(?P<v>signed\s+(?:up\s+)?for)\s+(?:the\s+)?"
                         rf"(?:(?P<n>{_NUM_WORD})\s+)?(?:more\s+|additional\s+|new\s+)?")
_WILL_BUY = re.compile(r"\s+(?:will|would|is\s+to|are\s+to|plans?\s+to|intends?\s+to|is\s+set\s+to|wants\s+to|"
                       r"aims\s+to|is\s+expected\s+to)\s+(?:also\s+)?(?:buy|acquire|purchase|procure)\s+(?:the\s+)")


# what a match of either pattern holds, looked for where its verb occurs before any mention is tried
_SIGNED_FOR_CORE = re.compile(r"signed\s+(?:up\s+)?for")
_BUY_THE_CORE = re.compile(r"(?:buy|acquire|purchase|procure)\s+the\s")


def _may_buy_by_name(text: str) -> bool:
    """Tell whether ``text`` holds "signed (up) for" or "buy the" (or acquire, purchase, procure): without one,
    neither pattern of :func:`bought_by_name` matches after any mention."""
    for verb, core in (("signed", _SIGNED_FOR_CORE), ("buy", _BUY_THE_CORE), ("acquire", _BUY_THE_CORE),
                       ("purchase", _BUY_THE_CORE), ("procure", _BUY_THE_CORE)):
        at = text.find(verb)
        while at >= 0:
            if core.match(text, at):
                return True
            at = text.find(verb, at + 1)
    return False


def bought_by_name(doc: Document) -> None:
    """"Lithuania signed for 44 <P> tanks", "Romania will buy the <P>": the buyer buys the platform, contracted or
    planned, when no supplier is said to supply it."""
    text = doc.text
    if "signed" not in text and " buy" not in text and " acquire" not in text and " purchase" not in text \
            and " procure" not in text:
        return
    if not _may_buy_by_name(text):
        return
    for b in doc.mentions:
        if b.type not in ("Country", "ArmedForce", "GovernmentAgency") or (b.type == "Country" and b.form == "demonym"):
            continue
        sm = _SIGNED_FOR.match(doc.text, b.end)
        wm = _WILL_BUY.match(doc.text, b.end) if sm is None else None
        if sm is None and wm is None:
            continue
        s = doc.sentence_at(b.start)
        at = sm.end() if sm is not None else wm.end() if wm is not None else None
        p = next((m for m in mentions_in(doc, s, "Platform") if m.start == at), None)
        if p is None or any(f.predicate == "supplies" and f.object == p.name and f.sentence is s for f in doc.facts):
            continue
        n = number(sm.group("n")) if sm is not None else None
        dates = doc.in_sentence(s, doc.dates)
        q = {"quantity": n, "status": "contracted", "date": dates[0].value if dates else doc.article_date} \
            if sm is not None else {"status": "planned"}
        doc.relate(b.name, "buys", p.name, q, s, 0.5)
