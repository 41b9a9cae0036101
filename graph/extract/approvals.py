"""Approvals to buy: "the Defence Acquisition Council approved the Acceptance of Necessity for 12 <P> for the
<force>", "it also cleared the purchase of 40 <P>". The force (else the article's state) requires the platform, in
that number, with status "approved" by the approving body."""

from __future__ import annotations

import re

from .agreements import AgreementState
from .anchors import has_any
from .document import Document
from .mentions import Mention
from .text import Sentence

__all__ = ["extract_approvals", "extract_considered", "extract_shortlists"]

_APPROVING = re.compile(r"\b(?:approved|approves|cleared|clears|accorded|sanctioned)\b")
_REFERRING = re.compile(r"^\s*(?:The\s+(?:approvals?|clearances?|proposals?)\s+(?:also\s+)?(?:include|included|cover|"
                        r"covered)|It\s+also\s+(?:approved|cleared|accorded|sanctioned))\b")
_FOR = re.compile(r"\b(?:for|(?:purchase|procurement|acquisition|buying)\s+of)\s+(?:the\s+)?(?:\S+\s+)?"
                  r"(?:(?:additional|more|new|further)\s+)?$")
_UNITS = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:regiments|batteries|squadrons|brigades|units)\b")
_FOR_FORCE = re.compile(r"\s+for\s+the\s+$")


def _body(doc: Document, s: Sentence, cue: int) -> str | None:
    bodies = [m for m in doc.mentions_in(s, "GovernmentAgency") if m.end <= cue]
    return bodies[0].name if bodies else None


def extract_approvals(doc: Document, agreements: list[AgreementState]) -> None:
    """Add ``requires`` relations for platforms an approving body cleared for purchase."""
    body: str | None = None
    when: str | None = None
    taken = {a.sentence.index for a in agreements if a.sentence is not None}
    for s in doc.sentences:
        # the pattern tried only where one of its words stands: most sentences hold none
        cue = _APPROVING.search(s.text) if has_any(doc, s, ("approve", "clear", "accorded", "sanctioned")) else None
        refers = _REFERRING.match(s.text) is not None
        if cue is None and not refers:
            continue
        here = _body(doc, s, s.start + cue.start()) if cue is not None else None
        dates = doc.in_sentence(s, doc.dates)
        if here is not None:
            body, when = here, dates[0].value if dates else None
        elif not refers:
            continue
        if body is None or s.index in taken:
            continue
        platforms = doc.mentions_in(s, "Platform")
        forces = doc.mentions_in(s, "ArmedForce")
        for i, p in enumerate(platforms):
            lead = doc.text[max(s.start, p.start - 60):p.start]
            if not _FOR.search(lead) or (cue is not None and p.start < s.start + cue.start()):
                continue
            qtys = [q for q in doc.in_sentence(s, doc.quantities) if q.end <= p.start and p.start - q.end <= 25]
            counted = qtys and not _UNITS.match(doc.text, p.end, s.end)
            stop = platforms[i + 1].start if i + 1 < len(platforms) else s.end
            force = next((f for f in forces if p.end < f.start < stop and f.start - p.end <= 100
                          and _FOR_FORCE.search(doc.text, max(s.start, f.start - 10), f.start)), None)
            who = force.name if force is not None else doc.main_country()
            if who is None:
                continue
            doc.relate(who, "requires", p.name, {
                "quantity": qtys[-1].value if counted else None,
                "approximate": qtys[-1].approximate or None if counted else None,
                "status": "approved", "by": body, "date": dates[0].value if dates else when}, s, 0.5)


_CONSIDERING = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+)?(?:considering|weighing|evaluating|studying)\s+"
                          r"(?:the\s+|a\s+)?(?:purchase|acquisition|procurement|buying)\s+of\s+(?:(?P<n>\d{1,4})\s+)?"
                          r"(?:(?:more|additional|new)\s+)?")


def _buyer_before(doc: Document, s: Sentence, end: int) -> Mention | None:
    """Return the last state, force or body named in ``s`` before ``end``, a demonym aside: the one that buys."""
    who = [m for m in doc.mentions_in(s, "Country", "ArmedForce", "GovernmentAgency")
           if m.end <= end and not (m.type == "Country" and m.form == "demonym")]
    return who[-1] if who else None


def extract_considered(doc: Document) -> None:
    """"Kenya is considering the purchase of TB2 drones": the state (or force) is interested in the platform."""
    for s in doc.sentences:
        if "consider" not in s.text and "weighing" not in s.text and "evaluating" not in s.text \
                and "studying" not in s.text:
            continue
        for cm in _CONSIDERING.finditer(s.text):
            pos = s.start + cm.end()
            p = next((m for m in doc.mentions_in(s, "Platform") if pos <= m.start <= pos + 3), None)
            who = _buyer_before(doc, s, s.start + cm.start())
            if p is None or who is None:
                continue
            n = int(cm.group("n")) if cm.group("n") else None
            doc.relate(who.name, "interested_in", p.name, {"quantity": n}, s, 0.5)


_SHORTLISTED = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?short-?listed\s+")
_SHORTLIST_END = re.compile(r"\s(?:to|for|as|after|while|because)\s|[,;]")


def extract_shortlists(doc: Document) -> None:
    """"The Portuguese Air Force has shortlisted the Gripen E and the F-16 Block 70 to replace ...": the buyer is
    interested in each platform on the shortlist."""
    for s in doc.sentences:
        if "listed" not in s.text:
            continue
        for sm in _SHORTLISTED.finditer(s.text):
            pos = s.start + sm.end()
            em = _SHORTLIST_END.search(doc.text, pos, s.end)
            stop = em.start() if em is not None else s.end
            who = _buyer_before(doc, s, s.start + sm.start())
            listed = [p for p in doc.mentions_in(s, "Platform") if pos <= p.start < stop]
            if who is None or not listed:
                continue
            for p in listed:
                doc.relate(who.name, "interested_in", p.name, {"status": "shortlisted"}, s, 0.5)
