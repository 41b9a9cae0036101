"""Transfers told by nouns and by licences, as budgets, procurement plans and export decisions tell them:

* "the plan funds the purchase of 40 <P> from <Co>", "the acquisition of <P> frigates from <Co> for the
  <Force>": the seller supplies the platform (to the force or state named before the noun or after "for");
* "<Co> will supply two <P> vessels to the <Force>", "<Co> delivered <P> howitzers to <A>, <B> and <C>": the
  firm supplies the platform to each buyer, planned (or "expected") or done;
* "<State>, which has ordered <P> tanks and <Q> howitzers from <A> as well as <R> aircraft from <B>": each
  seller supplies the platforms listed before it to the state;
* "the council approved an export licence allowing <Co> to deliver 44 <P> tanks to <State>": the firm
  supplies the platform to that state, with status "approved" (or "refused") by the deciding body.
"""

from __future__ import annotations

import re
from typing import Any

from .anchors import mentions_in, sentences_with
from .document import Document, Fact
from .mentions import Mention
from .text import Sentence

__all__ = ["extract_transfers"]

_NOUN_RE = re.compile(r"\b(?:purchase|acquisition|procurement|buying)\s+of\s+(?:the\s+|an?\s+)?(?:up\s+to\s+)?")
_COUNT_RE = re.compile(r"(?:(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"[a-z]+teen|twenty|thirty|forty|fifty|sixty)\s+)?(?:(?:more|additional|new|further)\s+)?")
_FROM_RE = re.compile(r"(?:[\s-]+[a-z][\w-]*){0,5}?\s+from\s+(?:the\s+)?")
_FOR_RE = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+for\s+the\s+")
_LICENCE_RE = re.compile(r"\b(?P<v>approved|approves|granted|grants|issued|cleared|refused|refuses|rejected|denied|"
                         r"blocked)\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:licen[cs]es?|permits?|permission|"
                         r"authori[sz]ation)\s+(?:allowing|permitting|authori[sz]ing|enabling|for)\s+")
_TO_VERB_RE = re.compile(r"(?:\s+\([^()]{1,60}\))?\s+to\s+(?:deliver|export|sell|supply|ship|transfer)\s+")
_TO_BUYER_RE = re.compile(r"(?:[\s-]+[a-z][\w-]*){0,5}?\s+to\s+(?:the\s+)?")
_HALTED_RE = re.compile(r"\b(?:shelved|cancell?ed|abandoned|scrapped|dropped|suspended|halted|frozen)\b")
_PLANNED_RE = re.compile(r"\b(?P<w>planned|proposed|intended|prospective|envisaged)\s+$")
_REFUSED = ("refused", "refuses", "rejected", "denied", "blocked")


def _quantity(doc: Document, start: int, end: int) -> dict[str, Any]:
    q = next((q for q in doc.quantities if start <= q.start and q.end <= end), None)
    if q is None:
        return {}
    return {"quantity": q.value, "lower_bound": q.lower_bound or None, "approximate": q.approximate or None}


def _mention_at(ms: list[Mention], at: int) -> Mention | None:
    return next((m for m in ms if m.start == at), None)


def _platform_after(doc: Document, s: Sentence, pos: int) -> Mention | None:
    """Return the platform named at ``pos`` past a count (and a maker's demonym)."""
    count = _COUNT_RE.match(doc.text, pos)
    at = count.end() if count is not None else pos
    demonym = next((m for m in mentions_in(doc, s, "Country") if m.start == at and m.form == "demonym"), None)
    if demonym is not None:
        at = demonym.end + 1
    return _mention_at(mentions_in(doc, s, "Platform"), at)


def _nominal_purchases(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("purchase of", "acquisition of", "procurement of", "buying of")):
        if " from " not in s.text:
            continue
        for nm in _NOUN_RE.finditer(text, s.start, s.end):
            pos = nm.end()
            p = _platform_after(doc, s, pos)
            if p is None:
                continue
            fm = _FROM_RE.match(text, p.end, s.end)
            if fm is None:
                continue
            seller = _mention_at(mentions_in(doc, s, "Company", "Country"), fm.end())
            if seller is None or (seller.type == "Country" and (seller.form == "demonym"
                                                                 or _NAME_GOES_ON_RE.match(text, seller.end))):
                continue
            buyer: Mention | None = None
            after = _FOR_RE.match(text, seller.end, s.end)
            if after is not None:
                buyer = _mention_at(mentions_in(doc, s, "ArmedForce", "Country", "GovernmentAgency"), after.end())
            if buyer is None:
                before = [m for m in mentions_in(doc, s, "ArmedForce", "Country")
                          if m.end <= nm.start() and m.form != "demonym" and m.name != seller.name]
                buyer = before[-1] if before else None
            halted = _HALTED_RE.search(text, max(s.start, nm.start() - 40), s.end)
            planned = _PLANNED_RE.search(text, max(s.start, nm.start() - 12), nm.start())
            status = halted.group() if halted is not None else planned.group("w") if planned is not None else None
            q = {"buyer": buyer.name if buyer is not None else None, **_quantity(doc, pos, p.start), "status": status}
            doc.relate(seller.name, "supplies", p.name, q, s, 0.5)


def _licences(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("licen", "permi", "authori")):
        for lm in _LICENCE_RE.finditer(text, s.start, s.end):
            firm = _mention_at(mentions_in(doc, s, "Company"), lm.end())
            if firm is None:
                continue
            tv = _TO_VERB_RE.match(text, firm.end, s.end)
            if tv is None:
                continue
            pos = tv.end()
            p = _platform_after(doc, s, pos)
            if p is None:
                continue
            to = _TO_BUYER_RE.match(text, p.end, s.end)
            buyer = (_mention_at(mentions_in(doc, s, "Country", "ArmedForce"), to.end()) if to is not None else None)
            bodies = [m for m in mentions_in(doc, s, "GovernmentAgency") if m.end <= lm.start()]
            refused = lm.group("v") in _REFUSED
            q = {"buyer": buyer.name if buyer is not None else None, **_quantity(doc, pos, p.start),
                 "status": "refused" if refused else "approved", "by": bodies[-1].name if bodies else None}
            doc.relate(firm.name, "supplies", p.name, q, s, 0.55)


_SUPPLY_VERB_RE = re.compile(r"\s+(?:(?P<aux>will|would|is\s+to|are\s+to|is\s+(?:expected|set|due|scheduled)\s+to|"
                             r"are\s+(?:expected|set|due|scheduled)\s+to|has|have|had)\s+)?(?:also\s+|already\s+)?"
                             r"(?P<v>supply|supplies|supplied|deliver|delivers|delivered|sell|sells|sold|export|"
                             r"exports|exported)\s+(?:the\s+|its\s+)?")
_LIST_SEP_RE = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?")


def _buyers_from(doc: Document, s: Sentence, at: int) -> list[Mention]:
    """Return the states or forces listed from ``at`` on: "to Poland, Romania and Estonia"."""
    ms = mentions_in(doc, s, "Country", "ArmedForce")
    out: list[Mention] = []
    b = _mention_at(ms, at)
    while b is not None and b.form != "demonym":
        out.append(b)
        sep = _LIST_SEP_RE.match(doc.text, b.end, s.end)
        b = _mention_at(ms, sep.end()) if sep is not None else None
    return out


def _relate_each(doc: Document, supplier: str, platform: str, buyers: list[Mention], q: dict[str, Any],
                 s: Sentence) -> None:
    for b in buyers:
        bq = {k: v for k, v in {**q, "buyer": b.name}.items() if v is not None}
        same = doc.triple_facts(supplier, "supplies", platform)
        if not same or any(f.qualifiers.get("buyer") == b.name for f in same):
            doc.relate(supplier, "supplies", platform, bq, s, 0.5)  # the first, or the same supply completed
        elif supplier in doc.entities:  # another buyer of a platform already sold: a supply of its own
            doc.add_fact(Fact(supplier, "supplies", platform, bq, s, 0.5))


def _supply_verbs(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("suppl", "deliver", "sell", "sold", "export")):
        if " to " not in s.text:
            continue
        for co in mentions_in(doc, s, "Company"):
            vm = _SUPPLY_VERB_RE.match(text, co.end, s.end)
            if vm is None:
                continue
            pos = vm.end()
            p = _platform_after(doc, s, pos)
            if p is None:
                continue
            to = _TO_BUYER_RE.match(text, p.end, s.end)
            buyers = _buyers_from(doc, s, to.end()) if to is not None else []
            if not buyers:
                continue
            aux = vm.group("aux") or ""
            status = ("expected" if "expected" in aux else "planned" if aux and not aux.startswith("ha")
                      else vm.group("v") if vm.group("v").endswith(("ed", "sold")) else None)
            _relate_each(doc, co.name, p.name, buyers, {**_quantity(doc, pos, p.start), "status": status}, s)


_ORDERED_RE = re.compile(r"(?:,\s+(?:which|who)\s+|\s+)(?:(?:has|have|had)\s+)?(?:also\s+|already\s+)?"
                         r"(?P<v>ordered|bought|purchased|acquired|imported)\s+(?:the\s+)?")
_NAME_GOES_ON_RE = re.compile(r"[ \t]+[A-Z]")
_NEXT_ITEM_RE = re.compile(r"(?:[\s-]+[a-z][\w-]*){0,3}?(?:,\s+and\s+|,\s+|\s+and\s+)(?:the\s+)?")
_NEXT_GROUP_RE = re.compile(r"(?:,\s+|\s+)(?:as\s+well\s+as|and|plus)\s+(?:the\s+)?")


def _ordered_lists(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("ordered", "bought", "purchased", "acquired", "imported")):
        if " from " not in s.text:
            continue
        sellers = mentions_in(doc, s, "Company", "Country")
        for b in mentions_in(doc, s, "Country", "ArmedForce"):
            vm = _ORDERED_RE.match(text, b.end, s.end) if b.form != "demonym" else None
            if vm is None:
                continue
            pos, pending = vm.end(), []
            status = vm.group("v")
            while True:
                p = _platform_after(doc, s, pos)
                if p is None:
                    break
                pending.append((p, pos))
                fm = _FROM_RE.match(text, p.end, s.end)
                seller = _mention_at(sellers, fm.end()) if fm is not None else None
                more = _LIST_SEP_RE.match(text, seller.end, s.end) if seller is not None else None
                if more is not None and _mention_at(sellers, more.end()) is not None:
                    break  # "from Germany and the United States": which sold what, the text does not say
                if seller is not None and seller.type == "Country" and _NAME_GOES_ON_RE.match(text, seller.end):
                    break  # "from China Precision Machinery ...": a firm the lists do not know, not the state
                if seller is not None and seller.form != "demonym" and seller.name != b.name:
                    for q, at in pending:
                        qs = {**_quantity(doc, at, q.start), "status": status}
                        _relate_each(doc, seller.name, q.name, [b], qs, s)
                    pending = []
                    nx = _NEXT_GROUP_RE.match(text, seller.end, s.end)
                else:
                    nx = _NEXT_ITEM_RE.match(text, p.end, s.end)
                if nx is None:
                    break
                pos = nx.end()


def extract_transfers(doc: Document) -> None:
    """Add ``supplies`` for purchases told by a noun with a seller, for sales told by a verb, for orders listed
    with their sellers, and for licensed exports."""
    _nominal_purchases(doc)
    _supply_verbs(doc)
    _ordered_lists(doc)
    _licences(doc)
