"""Statuses of agreements said in other words than signing: approval by a body, approval awaited, a deal that
stalled or was cancelled.

* "<Body> approved the sale in March": the agreement the sale is has status "approved",
  by that body, dated;
* "awaits cabinet approval", "is pending parliamentary approval", "expected for Cabinet
  approval by October": status "pending approval" (or "expected"), by the approving body
  where one is named;
* "was shelved", "has been cancelled", "was put on hold", "has stalled": that word (or
  "on hold") as the status, with the date of the act.
"""

from __future__ import annotations

import re

from .agreements import AgreementState
from .anchors import has_any, sentences_with
from .document import Document
from .text import Sentence

__all__ = ["extract_agreement_statuses"]

_APPROVED_DEAL = re.compile(r"\b(?P<v>approved|cleared|authori[sz]ed|ratified|endorsed)\s+(?:the\s+|a\s+|its\s+)?"
                            r"(?:(?:planned|proposed|\d[\w.,$€£]*|[$€£][\w.,]+|multi-billion|billion|million)\s+)*"
                            r"(?P<what>sale|deal|contract|purchase|acquisition|procurement|export|order|agreement|"
                            r"transfer|package)\b")
_AWAITED = re.compile(r"\b(?:awaits|awaiting|await|pending|requires|needs|subject\s+to|(?P<exp>expected|due|set)\s+"
                      r"(?:for|to\s+(?:receive|get|win|obtain|go\s+before|be\s+put\s+before)))\s+(?:the\s+)?"
                      r"(?:final\s+|formal\s+)?(?P<body>cabinet|Cabinet|parliamentary|Parliament's|parliament's|"
                      r"congressional|Congress's|government|government's|presidential|ministerial|legislative|"
                      r"(?:[A-Z][\w-]*\s+){1,4}?)?\s*(?:approval|clearance|endorsement|sign-off|ratification)\b")
_ENDED = {"shelved": "shelved", "cancelled": "cancelled", "canceled": "cancelled", "scrapped": "scrapped",
          "suspended": "suspended", "frozen": "frozen", "terminated": "terminated", "stalled": "stalled",
          "collapsed": "collapsed", "abandoned": "abandoned", "halted": "halted", "on hold": "on hold",
          "put on hold": "on hold", "placed on hold": "on hold", "postponed": "postponed", "delayed": "delayed"}
_ENDED_RE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|has|have|had|been|remains|remain|"
                       r"being|now)\s+(?:(?:formally|officially|effectively|indefinitely|quietly|since|also)\s+)?"
                       r"(?P<w>shelved|cancell?ed|scrapped|suspended|frozen|terminated|stalled|collapsed|abandoned|"
                       r"halted|put\s+on\s+hold|placed\s+on\s+hold|on\s+hold|postponed)\b")
_AGREEMENT_WORD = re.compile(r"\b(?:contract|deal|order|agreement|MoU|memorandum|purchase|sale|procurement|"
                             r"acquisition|tender|talks|negotiations|it)\b")
_FROM_BODY = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?")
_OTHER_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|but|although)|;)\s+[^,;]*?\b(?:contract|deal|order|agreement|"
                           r"purchase|sale)\b")
_BODY_WORDS = ("Cabinet", "Parliament", "Congress", "Council", "Committee", "Senate", "Assembly", "Ministry",
               "Government", "Sejm", "Bundestag", "Knesset", "Diet", "Majlis")


def _agreement_of(doc: Document, s: Sentence, agreements: list[AgreementState]) -> AgreementState | None:
    """Return the agreement sentence ``s`` speaks of: one it names first, else the latest named before it."""
    here = [a for a in agreements if a.sentence is s]
    if here:
        return here[0]
    before = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index]
    return before[-1] if before else None


def _current(doc: Document, agreements: list[AgreementState], s: Sentence) -> AgreementState | None:
    """The agreement an approval speaks of: the latest named before of the article's own year (an earlier one
    of another year is history), else the latest."""
    before = [a for a in agreements if a.sentence is not None and a.sentence.index <= s.index]
    year = (doc.article_date or "")[:4]
    now = [a for a in before if a.year == year]
    if now:
        # of this year's, the one the article says most of
        counts = {a.name: sum(1 for f in doc.facts if f.subject == a.name or f.object == a.name) for a in now}
        return max(now, key=lambda a: (counts[a.name], a.sentence.index if a.sentence else 0))
    return before[-1] if before else None


def _past_date(doc: Document, s: Sentence) -> str | None:
    ds = [d for d in doc.in_sentence(s, doc.dates) if not d.prospective]
    return ds[0].value if ds else None


def _body_in(doc: Document, s: Sentence, end: int) -> str | None:
    bodies = [m for m in doc.mentions_in(s, "GovernmentAgency") if m.end <= end
              and any(w in m.name for w in _BODY_WORDS)]
    return bodies[-1].name if bodies else None


def _approvals(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("approved", "cleared", "authorised", "authorized", "ratified", "endorsed")):
        am = _APPROVED_DEAL.search(s.text)
        if am is None:
            continue
        body = _body_in(doc, s, s.start + am.start())
        agr = _current(doc, agreements, s)
        if body is None or agr is None:
            continue
        doc.relate(agr.name, "has_status", am.group("v") if am.group("v") != "cleared" else "approved",
                   {"by": body, "date": _past_date(doc, s)}, s, 0.55)


def _awaited(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("approval", "clearance", "endorsement", "sign-off", "ratification")):
        if not has_any(doc, s, ("await", "pending", "subject to", "requires", "needs", "expected", "due", "set ")):
            continue
        aw = _AWAITED.search(s.text)
        if aw is None:
            continue
        agr = _agreement_of(doc, s, agreements)
        if agr is None or (agr.sentence is not s and not _AGREEMENT_WORD.search(s.text, 0, aw.start())):
            continue
        body = None
        named = aw.group("body")
        if named:
            word = named.strip().split("'")[0].casefold()
            body = next((m.name for m in doc.mentions_in(s, "GovernmentAgency")
                         if m.start >= s.start + aw.start() and m.name.casefold().startswith(word[:6])), None)
        if body is None:
            body = _body_in(doc, s, s.start + aw.end())
        if body is None:
            fm = _FROM_BODY.match(s.text, aw.end())
            body = next((m.name for m in doc.mentions_in(s, "GovernmentAgency") if fm is not None
                         and m.start == s.start + fm.end()), None)
        future = [d.value for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + aw.start()
                  and (d.prospective or d.value >= (doc.article_date or "")[:len(d.value)])]
        status = "expected" if aw.group("exp") else "pending approval"
        doc.relate(agr.name, "has_status", status, {"by": body, "expected_date": future[0] if future else None},
                   s, 0.55)


def _ended(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("shelved", "cancel", "scrapped", "suspended", "frozen", "terminated", "stalled",
                                  "collapsed", "abandoned", "halted", "on hold", "postponed")):
        em = _ENDED_RE.search(s.text)
        if em is None or not _AGREEMENT_WORD.search(s.text, 0, em.start()):
            continue
        agr = _agreement_of(doc, s, agreements)
        if agr is None or (_OTHER_CLAUSE.search(s.text, 0, em.start()) and agr.sentence is s):
            continue  # "X was finalised, while a planned deal with Y has stalled": another deal than the first
        word = _ENDED.get(" ".join(em.group("w").split()), em.group("w"))
        dates = [d for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + em.start()]
        doc.relate(agr.name, "has_status", word, {"date": dates[0].value if dates else None}, s, 0.55)


def extract_agreement_statuses(doc: Document, agreements: list[AgreementState]) -> None:
    """Add the approvals, awaited approvals and ends of agreements that no signing verb states."""
    if not agreements:
        return
    _approvals(doc, agreements)
    _awaited(doc, agreements)
    _ended(doc, agreements)
