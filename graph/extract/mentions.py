"""Mentions (a span of text naming a thing) and the entity table they merge into.

One entity per thing per article: mentions with the same canonical name merge, every
surface form becomes an alias, and the first-seen attributes are kept.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EntityRecord", "EntityTable", "Mention", "resolve_overlaps"]


@dataclass
class Mention:
    """A span naming an entity: where, what it is called in the text, and who it is."""

    start: int
    end: int
    surface: str
    name: str
    type: str
    priority: int = 0  # higher wins an overlap
    attributes: dict[str, Any] = field(default_factory=dict)
    form: str = "name"  # countries: name, demonym or capital; persons: full or short


@dataclass
class EntityRecord:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


class EntityTable:
    """The article's entities in order of first mention, keyed by canonical name."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}

    def add(self, name: str, type_: str, alias: str | None = None, **attributes: Any) -> str:
        """Add or extend an entity; return its name (a clash of types keeps the first)."""
        rec = self.records.get(name)
        if rec is None:
            rec = self.records[name] = EntityRecord(name, type_)
        if alias and alias not in rec.aliases:
            rec.aliases.append(alias)
        for k, v in attributes.items():
            if v is not None and v != "" and k not in rec.attributes:
                rec.attributes[k] = v
        return name

    def type_of(self, name: str) -> str | None:
        rec = self.records.get(name)
        return rec.type if rec else None

    def __contains__(self, name: object) -> bool:
        return name in self.records


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the best of overlapping mentions: higher priority, then longer, then earlier."""
    ranked = sorted(mentions, key=lambda m: (-m.priority, -(m.end - m.start), m.start))
    if any(m.start >= m.end for m in mentions):  # an empty span blocks what strictly holds it: scan them all
        taken: list[tuple[int, int]] = []
        kept = []
        for m in ranked:
            if any(m.start < e and s < m.end for s, e in taken):
                continue
            taken.append((m.start, m.end))
            kept.append(m)
        return sorted(kept, key=lambda m: m.start)
    # the kept spans do not overlap: sorted by start, their ends are sorted too, and only
    # the last one to start before a mention's end can reach past its start
    starts: list[int] = []
    ends: list[int] = []
    kept = []
    for m in ranked:
        i = bisect_left(starts, m.end)
        if i and ends[i - 1] > m.start:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
