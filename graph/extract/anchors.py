"""Cheap anchors: the sentences a rule could fire on, found by substring tests before any pattern runs.

Most sentences fire no rule. A plain ``in`` test on the lower-cased sentence costs a small
fraction of a regular-expression search, so each rule names the words it cannot do
without and runs its pattern only where one of them occurs. Mentions are grouped by
sentence once per article for the same reason.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from .document import Document
from .mentions import Mention
from .text import Sentence

__all__ = ["has_any", "mentions_in", "sentences_with"]


def _lowered(doc: Document) -> list[str]:
    cache: list[str] | None = getattr(doc, "_lowered", None)
    if cache is None or len(cache) != len(doc.sentences):
        cache = [s.text.casefold() for s in doc.sentences]
        doc._lowered = cache  # type: ignore[attr-defined]
        # the sentences one per line, and where each begins, for one search through all of them
        doc._joined = "\n".join(cache)  # type: ignore[attr-defined]
        doc._joined_starts = list(accumulate((len(t) + 1 for t in cache[:-1]), initial=0))  # type: ignore[attr-defined]
    return cache


def has_any(doc: Document, s: Sentence, anchors: tuple[str, ...]) -> bool:
    """Tell whether sentence ``s`` contains one of ``anchors`` (lower-case substrings)."""
    low = _lowered(doc)[s.index]
    for a in anchors:
        if a in low:
            return True
    return False


def sentences_with(doc: Document, anchors: tuple[str, ...]) -> list[Sentence]:
    """Return the sentences that contain one of ``anchors`` (lower-case substrings), in order."""
    low = _lowered(doc)
    if not low or "\n" in "".join(anchors):  # one join costs less than a generator over the anchors
        return [s for s, text in zip(doc.sentences, low, strict=True) if any(a in text for a in anchors)]
    # each anchor is looked for through all sentences at once: without a line break in it,
    # no occurrence in the joined text runs over two sentences
    joined: str = doc._joined  # type: ignore[attr-defined]
    starts: list[int] = doc._joined_starts  # type: ignore[attr-defined]
    last = len(starts) - 1
    hit: set[int] = set()
    for a in anchors:
        at = joined.find(a)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            hit.add(i)
            if i == last:
                break
            at = joined.find(a, starts[i + 1])
    return [doc.sentences[i] for i in sorted(hit)] if hit else []


def mentions_in(doc: Document, s: Sentence, *types: str) -> list[Mention]:
    """Return the mentions inside sentence ``s`` (of ``types``, if given), by binary search."""
    mentions = doc.mentions
    out = []
    for i in range(bisect_left(doc.mention_starts(), s.start), len(mentions)):  # no copy of the list's tail
        m = mentions[i]
        if m.start >= s.end:
            break
        if m.end <= s.end and (not types or m.type in types):
            out.append(m)
    return out
