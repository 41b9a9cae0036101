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

    def index(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [s.start for s in self.sentences]
        self._mention_key = None

    def mention_starts(self) -> list[int]:
        """Return where each mention begins; ``mentions`` is kept sorted by start, so this is sorted too."""
        key = (id(self.mentions), len(self.mentions))
        if self._mention_key != key:
            self._mention_starts = [m.start for m in self.mentions]
            self._mention_key = key
        return self._mention_starts

    def sentence_at(self, offset: int) -> Sentence:
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.sentences[i]

    def in_sentence(self, s: Sentence, items: list[Any]) -> list[Any]:
        return [x for x in items if s.start <= x.start and x.end <= s.end]

    def mentions_in(self, s: Sentence, *types: str) -> list[Mention]:
        out = []
        for m in self.mentions[bisect_left(self.mention_starts(), s.start):]:
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
        counts = Counter(m.name for m in self.mentions if m.type == "Country")
        return counts.most_common(1)[0][0] if counts else None

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
