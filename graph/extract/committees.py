"""Parliamentary and government committees named in full: "the House Armed Services Committee", "India's
Parliamentary Standing Committee on Defence", "the Senate Foreign Affairs, Defence and Trade Legislation Committee".

A committee is a government agency; a state written in the possessive right before it is its country.
Academies, colleges and institutes named the same way ("Kenya Military Academy") are organisations.

>>> from .gazetteer import load_gazetteers
>>> [(m.name, m.attributes) for m in find_committees("India's Standing Committee on Defence met.", load_gazetteers())]
[('Standing Committee on Defence', {'country': 'India'})]
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteers
from .mentions import Mention

__all__ = ["find_academies", "find_committees"]

_SCHOOL_HEADS = ("Academy", "College", "Institute")

_WORD = r"[A-Z][\w-]*"
_DAYS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
         r"August|September|October|November|December)")
# the words before "Committee": capitalised words, joined by "and", "&", "of", "on", "for" or a comma in a list
_BEFORE_RE = re.compile(rf"(?<![\w'’.-])(?P<name>{_WORD}(?:,?[ \t]+(?:(?:and|&|of|on|for)[ \t]+)?{_WORD}){{0,7}}"
                        r")[ \t]+$")
_AFTER_RE = re.compile(rf"[ \t]+(?:on|of|for)[ \t]+(?:the[ \t]+)?(?!{_DAYS}\b){_WORD}"
                       rf"(?:,?[ \t]+(?:(?:and|&)[ \t]+)?{_WORD}){{0,4}}")
_POSSESSIVE_RE = re.compile(r"(?P<c>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)['’]s[ \t]+$")
# words that begin a sentence or a clause before the name, not the name
_LEAD_RE = re.compile(r"(?:The|A|An|This|That|In|At|On|By|For|From|After|Before|During|With|Under|Yesterday|Today|"
                      r"Also|Meanwhile|However|Earlier|Later|And|But|Its|Their|Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday),?[ \t]+")


def find_committees(text: str, gaz: Gazetteers) -> list[Mention]:
    """Return committees named with at least one capitalised word before "Committee"."""
    return _named_by_head(text, gaz, "Committee", "GovernmentAgency")


def find_academies(text: str, gaz: Gazetteers) -> list[Mention]:
    """Return academies, colleges and institutes named with capitalised words before the head word ("Kenya
    Military Academy", "National Defence College"): organisations."""
    out: list[Mention] = []
    for head in _SCHOOL_HEADS:
        if head in text:
            out += _named_by_head(text, gaz, head, "Organisation")
    return out


def _named_by_head(text: str, gaz: Gazetteers, head: str, type_: str) -> list[Mention]:
    out: list[Mention] = []
    at = text.find(head)
    while at >= 0:
        end = at + len(head)
        if text[end:end + 1].isalpha():
            at = text.find(head, end)
            continue
        bm = _BEFORE_RE.search(text, max(0, at - 120), at)
        if bm is not None:
            start = bm.start("name")
            while start < at:
                wm = _LEAD_RE.match(text, start, at)
                if wm is None:
                    break
                start = wm.end()
            if start < at:
                am = _AFTER_RE.match(text, end)
                if am is not None:
                    end = am.end()
                attrs: dict[str, object] = {}
                pm = _POSSESSIVE_RE.search(text, max(0, start - 40), start)
                owner = pm.group("c") if pm else ""
                hit = gaz.match(owner) if owner else []
                if hit and hit[-1].entry.type == "Country" and owner.endswith(hit[-1].surface):
                    attrs["country"] = hit[-1].entry.name
                out.append(Mention(start, end, text[start:end], " ".join(text[start:end].split()), type_, 4, attrs))
        at = text.find(head, end)
    return out
