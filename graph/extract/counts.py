"""Counts stated about an entity: ``has_count`` with what is counted and how exactly.

Three frames of the genre: people to be trained under a deal ("around 120 ... personnel are
to be trained", counted on the agreement); customers a firm has ("the company has export
contracts with more than 35 countries", "it is in talks with more than five navies", on
the company); and a nation's firms ("more than 200 Australian businesses have registered",
on the country).
"""

from __future__ import annotations

import re

from .agreements import AgreementState
from .anaphora import agreement_at
from .anchors import mentions_in
from .document import Document
from .text import Sentence

__all__ = ["extract_counts"]

_QUOTE = r"[”\"’]?\s+"
_TRAINEES = re.compile(rf"{_QUOTE}(?P<what>(?:[\w-]+\s+){{0,5}}?(?:personnel|engineers|technicians|pilots|crews?|"
                       r"officers|sailors|students|staff|workers|specialists|instructors|mechanics|soldiers|troops)"
                       r"(?:\s+and\s+[\w-]+)?)\s+(?:are|will be|would be|were|is)\s+(?:\w+\s+){0,2}?(?:to\s+be\s+)?"
                       r"(?P<trained>trained\b(?:\s+(?:at|in)\s+[\w\s-]{3,40}?(?=[,.;]|\s+under\b|$))?)")
_CUSTOMERS = re.compile(rf"{_QUOTE}(?P<what>countries|nations|navies|air forces|armies|customers|operators)\b")
_CUSTOMER_CUE = re.compile(r"\b(?:contracts?|customers|clients|talks|exports?|exported|sold|sells|delivered|"
                           r"operators|users)\s+(?:\w+\s+){0,2}?(?:with|to|in)\s+(?:the\s+)?[“\"]?$")
_FIRMS = re.compile(rf"{_QUOTE}(?P<what>(?P<dem>[A-Z][a-z]+)\s+(?:[\w-]+\s+){{0,2}}?(?:businesses|companies|firms|"
                    r"suppliers|subcontractors|SMEs|manufacturers))\b")
_PARTICIPATION = re.compile(r"\b(?:participat\w*|took part|attend\w*|exhibit\w*|pavilions?)\b")


def _latest_agreement(doc: Document, agreements: list[AgreementState], s: Sentence) -> AgreementState | None:
    found = agreement_at(doc, agreements, s)
    if found is not None:
        return found
    year = (doc.article_date or "")[:4]
    before = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index
              and not (a.year and year and a.year < year)]
    return before[-1] if before else None


def extract_counts(doc: Document, agreements: list[AgreementState]) -> None:
    """Add ``has_count`` relations to ``doc``."""
    for q in doc.quantities:
        s = doc.sentence_at(q.start)
        hedges = {"approximate": q.approximate or None, "lower_bound": q.lower_bound or None}
        tm = _TRAINEES.match(doc.text, q.end, s.end) if "trained" in s.text else None
        if tm:
            agr = _latest_agreement(doc, agreements, s)
            if agr is not None:
                what = f"{tm.group('what')} to be {tm.group('trained')}"
                doc.relate(agr.name, "has_count", q.value, {"what": what, **hedges}, s, 0.6)
            continue
        cm = _CUSTOMERS.match(doc.text, q.end, s.end)
        if cm and _CUSTOMER_CUE.search(doc.text, s.start, q.start):
            firms = [m for m in mentions_in(doc, s, "Company") if m.end <= q.start]
            if firms:
                doc.relate(firms[0].name, "has_count", q.value, {"what": cm.group("what"), **hedges}, s, 0.55)
            continue
        fm = _FIRMS.match(doc.text, q.end, s.end)
        if fm and not _PARTICIPATION.search(s.text):
            states = [c for c in mentions_in(doc, s, "Country") if c.surface == fm.group("dem") and c.form == "demonym"]
            if states:
                doc.relate(states[0].name, "has_count", q.value, {"what": fm.group("what"), **hedges}, s, 0.5)
