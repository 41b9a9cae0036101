"""What "the two countries", "both sides" and a subject "they" stand for: the two states named just before.

>>> from .document import Document
>>> from .text import split_sentences
>>> text = "Chile and Peru met. The two countries agreed."
>>> doc = Document(text, None, split_sentences(text))
>>> doc.mentions = [Mention(0, 5, "Chile", "Chile", "Country"), Mention(10, 14, "Peru", "Peru", "Country")]
>>> doc.index()
>>> pair_at(doc, doc.sentences[1], 40)
('Chile', 'Peru')
"""

from __future__ import annotations

import re

from .anchors import mentions_in
from .document import Document
from .mentions import Mention
from .text import Sentence

__all__ = ["THEY_REF", "pair_at"]

# "the two sides", "both countries" (as :data:`.anaphora.PAIR_REF` finds them): the same two as named before
_PAIR_WORDS = re.compile(r"(?i:\b(?:the\s+two|both)\s+(?:sides|countries|nations|governments|states|ministers|"
                         r"defence\s+ministers)\b)")

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
        if not states and (_PAIR_WORDS.search(before.text) or THEY_REF.search(before.text)):
            stop = max(stop - 1, s.index - 2 * _PAIR_LOOK_BACK)  # "Both sides ...": the same two, named further back
        k -= 1
    return None
