"""The working state of one extraction: text, sentences, mentions, entities and relations.

Recognisers add mentions; :func:`build_entities` merges them into the entity table;
relation rules read sentences and mentions and call :meth:`Document.relate`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .amounts import Money, Quantity
from .dates import DateMention
from .mentions import EntityTable, Mention
from .text import Sentence

__all__ = ["Document", "Fact"]


@dataclass
class Fact:
    subject: str
    predicate: str
    object: str | int | float
    qualifiers: dict[str, Any]
    sentence: Sentence
    confidence: float


@dataclass
class Document:
    """An article being extracted."""

    text: str
    ref: dt.date | None
    sentences: list[Sentence]
    entities: EntityTable = field(default_factory=EntityTable)
    mentions: list[Mention] = field(default_factory=list)
    places: list[tuple[int, int, str]] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    dateline: str | None = None
    _starts: list[int] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)
    _mention_key: tuple[int, int] | None = None
    _by_triple: dict[tuple[str, str, str | int | float], list[Fact]] = field(default_factory=dict)
    _mention_starts: list[int] = field(default_factory=list)
    _mention_list: list[Mention] | None = None
    _by_sentence: dict[int, tuple[list[Any], int, dict[int, list[Any]]]] = field(default_factory=dict)
    _longest: tuple[tuple[int, int], list[Mention], int] | None = None
    _of_type: dict[str, tuple[list[Mention], int, list[Mention], list[int]]] = field(default_factory=dict)
    _main_country: tuple[list[Mention], int, str | None] | None = None

    def index(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [s.start for s in self.sentences]
        self._mention_key = None

    def mention_starts(self) -> list[int]:
        """Return where each mention begins; ``mentions`` is kept sorted by start, so this is sorted too."""
        ms = self.mentions  # asked for again and again: no tuple built to tell whether the list changed
        key = self._mention_key
        if key is None or key[1] != len(ms) or self._mention_list is not ms:
            self._mention_starts = [m.start for m in ms]
            self._mention_key = (id(ms), len(ms))
            self._mention_list = ms
        return self._mention_starts

    def sentence_at(self, offset: int) -> Sentence:
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.sentences[i]

    def in_sentence(self, s: Sentence, items: list[Any]) -> list[Any]:
        """Return the items (with ``start`` and ``end``) inside ``s``, in their order in ``items``.

        A scan of all items per sentence makes long articles quadratic: the items are
        grouped by sentence once per list (while it keeps its length; lists here only grow
        or are replaced).
        """
        if not (0 <= s.index < len(self.sentences) and self.sentences[s.index] is s):
            return [x for x in items if s.start <= x.start and x.end <= s.end]
        cached = self._by_sentence.get(id(items))
        if cached is None or cached[0] is not items or cached[1] != len(items):
            if len(self._starts) != len(self.sentences):
                self._starts = [x.start for x in self.sentences]
            groups: dict[int, list[Any]] = {}
            for x in items:
                i = bisect_right(self._starts, x.start) - 1
                # sentences do not overlap: only the one where an item starts can hold it
                if i >= 0 and x.end <= self.sentences[i].end:
                    groups.setdefault(i, []).append(x)
            cached = self._by_sentence[id(items)] = (items, len(items), groups)
        return list(cached[2].get(s.index, ()))

    def mentions_starting(self, lo: int, hi: int) -> list[Mention]:
        """Return the mentions that begin at ``lo`` or after and before ``hi``, by binary search."""
        starts = self.mention_starts()
        return self.mentions[bisect_left(starts, lo):bisect_left(starts, hi)]

    def mentions_ending(self, lo: int, hi: int) -> list[Mention]:
        """Return the mentions that end at ``lo`` or after and at ``hi`` or before, in order.

        Only mentions that begin within the longest mention's length before ``lo`` are looked
        at; that length is measured once per list of mentions (a new list or length is noticed,
        a span changed in place is not: spans are settled before relation rules ask).
        """
        key = (id(self.mentions), len(self.mentions))
        if self._longest is None or self._longest[0] != key or self._longest[1] is not self.mentions:
            self._longest = (key, self.mentions, max((m.end - m.start for m in self.mentions), default=0))
        return [m for m in self.mentions_starting(lo - self._longest[2], hi + 1) if lo <= m.end <= hi]

    def triple_facts(self, subject: str, predicate: str, obj: str | int | float) -> list[Fact]:
        """Return the facts added with this triple, in order (a fact since dropped from ``facts`` too)."""
        return self._by_triple.get((subject, predicate, obj), [])

    def mentions_in(self, s: Sentence, *types: str) -> list[Mention]:
        out = []
        mentions = self.mentions
        for i in range(bisect_left(self.mention_starts(), s.start), len(mentions)):
            m = mentions[i]
            if m.start > s.end:
                break
            if m.end <= s.end and (not types or m.type in types):
                out.append(m)
        return out

    @property
    def article_date(self) -> str | None:
        return self.ref.isoformat() if self.ref else None

    def main_country(self) -> str | None:
        """The country the article is about: the dateline's, else the most mentioned."""
        if self.dateline:
            return self.dateline
        # rules ask for every national body and agreement: counted once per list of mentions
        cached = self._main_country
        if cached is None or cached[0] is not self.mentions or cached[1] != len(self.mentions):
            counts = Counter(m.name for m in self.mentions if m.type == "Country")
            cached = self._main_country = (self.mentions, len(self.mentions),
                                           counts.most_common(1)[0][0] if counts else None)
        return cached[2]

    def last_before(self, offset: int, type_: str) -> Mention | None:
        """Return the last mention of ``type_`` that begins before ``offset``, by binary search."""
        cached = self._of_type.get(type_)
        if cached is None or cached[0] is not self.mentions or cached[1] != len(self.mentions):
            of_type = [m for m in self.mentions if m.type == type_]
            cached = self._of_type[type_] = (self.mentions, len(self.mentions), of_type, [m.start for m in of_type])
        i = bisect_left(cached[3], offset)
        return cached[2][i - 1] if i else None

    def relate(self, subject: str, predicate: str, obj: str | int | float, qualifiers: dict[str, Any],
               sentence: Sentence, confidence: float = 0.6) -> None:
        """Record a relation once; later duplicates (same subject, predicate, object) only add qualifiers."""
        if subject not in self.entities or subject == obj:
            return
        q = {k: v for k, v in qualifiers.items() if v is not None and v != [] and v != ""}
        key = f"{subject}\x00{predicate}\x00{obj}"
        if key in self._seen:
            # every fact with an equal triple, as ``==`` pairs them (a dict keys by the same
            # equality); facts since dropped from ``facts`` may get the qualifiers too, unseen
            for f in self._by_triple.get((subject, predicate, obj), ()):
                for k, v in q.items():
                    f.qualifiers.setdefault(k, v)
            return
        self._seen.add(key)
        self.add_fact(Fact(subject, predicate, obj, q, sentence, confidence))

    def add_fact(self, fact: Fact) -> None:
        """Append ``fact`` as it stands, even beside another with the same triple."""
        self.facts.append(fact)
        self._by_triple.setdefault((fact.subject, fact.predicate, fact.object), []).append(fact)
