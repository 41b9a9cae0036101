"""Which offsets fall inside a set of spans, answered by binary search.

Recognisers ask, for every candidate, whether it starts inside something already found
(an amount, a date, a name): a scan of all spans per question makes long articles
quadratic.

>>> taken = Spans([(10, 20), (15, 30), (40, 41)])
>>> [taken.covers(x) for x in (9, 10, 29, 30, 40, 41)]
[False, True, True, False, True, False]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["Spans"]


class Spans:
    """The union of half-open spans ``[start, end)``, overlapping or not, in any order."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue  # holds no offset
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts = starts
        self._ends = ends

    def covers(self, offset: int) -> bool:
        """Tell whether some span holds ``offset`` (``start <= offset < end``)."""
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
