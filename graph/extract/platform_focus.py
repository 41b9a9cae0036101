"""The platform a sentence speaks of, and small readers shared by the platform rules.

Articles of the genre name a platform once and then say "the first two vessels", "the
remaining eight", "It" or "the SHORAD variant". :func:`focus` returns the platform such a
sentence is about: the one a rule pinned to it, else the latest principal platform of
the sentences before (parts such as "its radar" and bases such as "variant of the X" are
not principal).
"""

from __future__ import annotations

import re
from typing import Any

from .anchors import mentions_in
from .document import Document
from .mentions import Mention
from .numbers import WORD_NUMBER, parse_number
from .text import Sentence

__all__ = ["NUM", "SHIP_NOUNS", "coordinated", "focus", "mention_at", "number", "pin", "principal_platforms",
           "quantity_q"]

NUM = rf"(?:\d+|{WORD_NUMBER})"
SHIP_NOUNS = r"(?:ships?|vessels?|hulls?|frigates?|corvettes?|boats?|submarines?|units?|aircraft|jets?|vehicles?)"

# a platform that is only a part or the base of another is not what a sentence is about
_SUBSYSTEM_BEFORE_RE = re.compile(r"(?:\b(?:its|their)\s+(?:[\w-]+\s+){0,2}|['’]s\s+(?:[a-z][\w-]*\s+){0,2}|"
                                  r"\b(?:variant|version|derivative) of\s+(?:the\s+)?|"
                                  r"\b(?:armed|equipped|fitted|outfitted) with\s+(?:the\s+|an?\s+)?|"
                                  r"\b(?:replace|replaces|replacing|over)\s+(?:the\s+)?[^.]{0,40})$")


def number(word: str | None) -> int | None:
    if not word:
        return None
    return parse_number(word)


def quantity_q(n: int | None) -> dict[str, Any]:
    return {"quantity": n} if n else {}


def principal_platforms(doc: Document, s: Sentence) -> list[Mention]:
    """Return the platforms sentence ``s`` is about, leaving out parts ("its radar") and bases ("variant of")."""
    out = []
    for m in mentions_in(doc, s, "Platform"):
        before = doc.text[max(s.start, m.start - 50):m.start]
        if _SUBSYSTEM_BEFORE_RE.search(before):
            continue
        if any(o.end <= m.start and m.start - o.end <= 1 and o.type in ("Company", "Country")
               for o in mentions_in(doc, s)):
            continue
        out.append(m)
    return out


def focus(doc: Document, s: Sentence, back: int = 5) -> str | None:
    """Return the platform a sentence without one speaks of: the latest principal platform before it."""
    pinned: dict[int, str] = getattr(doc, "_platform_focus", {})
    for i in range(s.index, max(-1, s.index - back - 1), -1):
        if i in pinned:
            return pinned[i]
        if i == s.index:
            continue
        found = principal_platforms(doc, doc.sentences[i])
        if found:
            return found[-1].name
    return None


def pin(doc: Document, s: Sentence, platform: str) -> None:
    """Remember the platform sentence ``s`` turned out to be about, for the sentences after it."""
    pinned: dict[int, str] = doc.__dict__.setdefault("_platform_focus", {})
    pinned[s.index] = platform


def mention_at(doc: Document, s: Sentence, pos: int, *types: str, slack: int = 0) -> Mention | None:
    for m in mentions_in(doc, s, *types):
        if pos <= m.start <= pos + slack:
            return m
    return None


def coordinated(doc: Document, s: Sentence, pos: int, *types: str) -> list[Mention]:
    """Return the mentions of ``types`` listed from ``pos`` on: "A, B and C"."""
    out: list[Mention] = []
    for m in mentions_in(doc, s, *types):
        if m.start < pos:
            continue
        gap = doc.text[pos:m.start]
        if out and not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+|its\s+)?", gap):
            break
        if not out and gap.strip():
            break
        out.append(m)
        pos = m.end
    return out
