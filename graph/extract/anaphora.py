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


#: "they" as the subject of a clause: at the sentence's start or after "and", "but" or a comma
THEY_REF = re.compile(r"(?:^|(?<=[,;])\s+|\b(?:and|but|where|as|after|before)\s+)(?:[Tt]hey)\s+(?=[a-z])")
_PAIR_LOOK_BACK = 2  # sentences
_ACTORS = ("Country", "Company", "Person", "Organisation", "GovernmentAgency", "ArmedForce")


def _states_in(doc: Document, s: Sentence, end: int) -> list[Mention]:
    return [c for c in mentions_in(doc, s, "Country") if c.end <= end]


def _two_states(doc: Document, states: list[Mention], coordinated: bool) -> tuple[str, str] | None:
    """Return the two states ``states`` names, in the order the article first names them; with ``coordinated``,
    only two written "A and B" at the opening of their sentence (what "they" stands for is a subject)."""
    names = list(dict.fromkeys(c.name for c in states))
    if len(names) != 2:
        return None  # "the third after Thailand and Peru": which two is not told
    if coordinated:
        a, b = states[0], states[1]
        if (a.name == b.name or doc.text[a.end:b.start].strip(" ,") not in ("and", "and its", "and the")
                or doc.mentions_starting(doc.sentence_at(a.start).start, a.start)):
            return None
    first = {m.name: m.start for m in reversed(doc.mentions) if m.name in names}
    x, y = sorted(names, key=lambda n: first[n])
    return x, y


def pair_at(doc: Document, s: Sentence, pos: int, coordinated: bool = False) -> tuple[str, str] | None:
    """Return the two states "the two countries", "both sides" or "they" at ``pos`` of ``s`` stand for.

    They are the two states the sentence names before ``pos``, else the two the nearest sentence before it that
    names states names (at most two sentences back), "A and B" first: "Kenya and Chile signed a memorandum in
    2024. The two countries ...". With ``coordinated`` ("they", which may stand for anything plural) only states
    written "A and B" are taken. None when no such pair is near.
    """
    pair = _two_states(doc, _states_in(doc, s, pos), coordinated)
    if pair is not None:
        return pair
    k, stop = s.index - 1, s.index - _PAIR_LOOK_BACK
    while k >= max(0, stop):
        before = doc.sentences[k]
        states = _states_in(doc, before, before.end)
        if len({c.name for c in states}) >= 2:
            return _two_states(doc, states, coordinated)
        if coordinated and mentions_in(doc, before, *_ACTORS):
            return None  # "they" stands for what the sentence just before names
        if not states and (PAIR_REF.search(before.text) or THEY_REF.search(before.text)):
            stop = max(stop - 1, s.index - 2 * _PAIR_LOOK_BACK)  # "Both sides ...": the same two, named further back
        k -= 1
    return None
