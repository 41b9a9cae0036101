"""What "the deal", "the two sides" and "the show" refer to in a sentence.

Relation rules for agreements, events and topics often meet a reference instead of a
name; these functions resolve them against what the article has introduced so far.
"""

from __future__ import annotations

import re
from collections import Counter

from .agreements import AgreementState
from .anchors import mentions_in
from .document import Document
from .mentions import Mention
from .pairs import THEY_REF, pair_at
from .patterns import caseless_branches_regex
from .text import Sentence

__all__ = ["AGREEMENT_REF", "PAIR_REF", "THEY_REF", "agreement_at", "country_pair", "event_at", "pair_at",
           "principal_agreement"]

#: a definite reference to an agreement already introduced
AGREEMENT_REF = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?P<w>agreement|deal|contract|package|MoU|memorandum|arrangement|order|"
    r"Heads of Agreement|letter of intent|partners|parties)\b|^(?:It|The deal|The contract)\b|"
    r"\bunder\s+the\s+(?P<u>deal|contract|agreement|MoU|arrangement)\b", re.I)
#: the two states an article is about, referred to as a pair
# case ignored; the first word's first letter spelled out, so that the scan skips to it
PAIR_REF = re.compile(caseless_branches_regex((("the two", ""), ("both", "")), word_start=True)
                      + r"(?i:\s+(?:sides|countries|nations|governments|states|ministers|defence ministers)\b)")
_EVENT_REF = re.compile(caseless_branches_regex(((w, "") for w in ("the", "this", "that")), word_start=True)
                        + r"(?i:\s+(?P<w>seminar|summit|show|exhibition|dialogue|conference|forum|expo|airshow|"
                          r"symposium|meeting|talks|event|fair)\b)")
_KIND_OF_WORD = {"deal": "contract", "contract": "contract", "order": "contract", "mou": "MoU", "memorandum": "MoU",
                 "heads of agreement": "Heads of Agreement", "letter of intent": "letter of intent"}


def _current(doc: Document, a: AgreementState) -> bool:
    """Tell whether an agreement belongs to the article's present, not its history."""
    year = (doc.article_date or "")[:4]
    return not (a.year and year and a.year < year)


def principal_agreement(doc: Document, agreements: list[AgreementState]) -> AgreementState | None:
    """Return the agreement the article is about: the first one of the present."""
    return next((a for a in agreements if _current(doc, a)), agreements[0] if agreements else None)


def agreement_at(doc: Document, agreements: list[AgreementState], s: Sentence) -> AgreementState | None:
    """Return the agreement sentence ``s`` introduces or refers back to, or None."""
    here = [a for a in agreements if a.sentence is s]
    if any(_current(doc, a) for a in here):
        return [a for a in here if _current(doc, a)][-1]
    m = AGREEMENT_REF.search(s.text)
    if m is None:
        return here[-1] if here else None
    word = (m.group("w") or m.group("u") or "").casefold()
    if word in ("partners", "parties"):
        return principal_agreement(doc, agreements)
    before = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index and _current(doc, a)]
    kind = _KIND_OF_WORD.get(word)
    same = [a for a in before if a.kind == kind] if kind else []
    pool = same or before or [a for a in agreements if _current(doc, a)]
    return pool[-1] if pool else None


def country_pair(doc: Document) -> tuple[str, str] | None:
    """Return the two most mentioned states, in order of first mention."""
    # rules ask sentence after sentence; the mentions are settled by then (a new list or a new length is
    # told apart), and counting them all for each question makes long articles quadratic
    key = (id(doc.mentions), len(doc.mentions))
    cached = doc.__dict__.get("_country_pair")
    if cached is not None and cached[0] == key and cached[1] is doc.mentions:
        return cached[2]
    pair = _country_pair(doc)
    doc.__dict__["_country_pair"] = (key, doc.mentions, pair)
    return pair


def _country_pair(doc: Document) -> tuple[str, str] | None:
    ms = [m for m in doc.mentions if m.type == "Country" and m.form != "capital"]
    counts = Counter(m.name for m in ms)
    top = [n for n, _c in counts.most_common(2)]
    if len(top) < 2:
        return None
    first = {n: i for i, n in reversed(list(enumerate(m.name for m in ms)))}
    a, b = sorted(top, key=lambda n: first[n])
    return a, b


def event_at(doc: Document, s: Sentence) -> Mention | None:
    """Return the event sentence ``s`` names, or the one "the show" / "the seminar" refers back to."""
    here = mentions_in(doc, s, "Event")
    if here:
        return here[0]
    before = doc.last_before(s.start, "Event")  # with no event named before, nothing to refer to
    if before is not None and _EVENT_REF.search(s.text):
        return before
    return None

