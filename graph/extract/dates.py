"""Date expressions resolved against the article's date.

>>> ref = reference("2025-09-22")
>>> [(d.value, d.prospective) for d in find_dates("expected by October", ref)]
[('2025-10', True)]
>>> [d.value for d in find_dates("signed on Monday", ref)]
['2025-09-22']
>>> [d.value for d in find_dates("in the second half of 2027 and Q4 2028", ref)]
['2027', '2028-Q4']
>>> [d.value for d in find_dates("signed last June, due by the end of the year", ref)]
['2025-06', '2025']
>>> [d.value for d in find_dates("in FY2026, in the fourth quarter, in the first quarter of next year", ref)]
['2026', '2025-Q4', '2026-Q1']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import branches_regex

__all__ = ["DateMention", "find_dates", "reference"]

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
for _m, _i in list(_MONTHS.items()):
    _MONTHS[_m[:3]] = _i
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?!\w))")  # "12 maritime": no "12 Mar"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_CUE = re.compile(r"\b(?:in|by|since|from|until|before|after|early|late|mid|of|end of)\s+$", re.I)
_AHEAD_CUE = re.compile(r"\b(?:by|until|before|expected|scheduled|due|planned|will|next)\b[^.;]*$", re.I)
# "would be concluded in June", "could follow in May", "is to be signed in March": a month to come
_WOULD_CUE = re.compile(r"\b(?:would|could|shall|should|(?:is|are)\s+(?:set\s+)?to)\s[^.;,]*$", re.I)
# "is expected to receive ... from KAI in October": the cue reaches a month in the same clause
_AHEAD_CLAUSE = re.compile(r"\b(?:expected|scheduled|due|planned|will)\b[^.;,]*$", re.I)
# "will hold its expo, Vietnam Defence Expo 2026, in December": an event to come, across the name's commas
_TO_HOST = re.compile(r"\b(?:will|is\s+to|are\s+to|is\s+set\s+to|is\s+due\s+to)\s+(?:host|hold|stage|open)\b[^.;]*$",
                      re.I)
_PROSPECTIVE_CUE = re.compile(
    r"\b(?:by|before|until|in|from|for|scheduled|expected|due|planned|next|early|late|end of)\s*$", re.I)

#: (pattern, resolver name, what it can begin with: "digit", "word" or both); tried in this order
_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (rf"\b(?P<d>{_DAY})\s+(?P<m>{_MON}),?\s+(?P<y>(?:19|20)\d\d)\b", "dmy", "digit"),
    (rf"\b(?P<m>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>(?:19|20)\d\d)\b", "dmy", "word"),
    (r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])\b", "iso", "digit"),
    (rf"\b(?P<d>{_DAY})\s+of\s+(?P<m>{_MON}),?\s+(?P<y>(?:19|20)\d\d)\b", "dmy", "digit"),
    (rf"\b(?P<d>{_DAY})\s+of\s+(?P<m>{_MON})(?!\s*\d)", "dm", "digit"),
    (rf"\b(?P<d>{_DAY})\s+(?P<m>{_MON})(?!\s*\d)", "dm", "digit"),
    (rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)", "dm", "word"),
    (rf"\b(?P<m>{_MON})\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", "my", "word"),
    (r"\b(?:Q(?P<q>[1-4])|(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s+(?:of\s+)?"
     r"(?P<y>(?:19|20)\d\d)\b", "q", "digit word"),
    (r"\b(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b(?!\s+(?:of\s+)?(?:19|20)\d\d)"
     r"(?:\s+of\s+(?P<rel>this|next|last)\s+year)?", "q_rel", "digit word"),
    (r"\bFY\s?(?P<fy>(?:19|20)\d\d|\d\d)(?:[-/–](?:\d\d){1,2})?\b", "fy", "word"),
    (r"\b(?:the\s+)?(?:first|second|1st|2nd|latter|early|mid|late|end\s+of)[\s-]+(?:half\s+of\s+)?"
     r"(?P<y>(?:19|20)\d\d)\b", "y", "digit word"),
    (r"\b(?:the\s+)?mid-(?P<y>(?:19|20)\d\d)s?\b", "y", "word"),
    (r"\b(?:last|this|next|earlier\s+this|later\s+this)\s+(?P<rel>year|month|week)\b", "rel", "word"),
    (r"\b(?:early|late)\s+next\s+(?P<rel>year)\b", "rel_next", "word"),
    (r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<rel>year)\b", "rel_end", "word"),
    (rf"\b(?P<lm>last|next|this)\s+(?P<m>{_MON})\b(?!\s*\d)", "m_rel", "word"),
    (r"\b(?P<ago>yesterday|today|tomorrow)\b", "dayoff", "word"),
    (r"\b(?:(?P<last>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", "wd",
     "word"),
    (rf"\b(?P<m>{_MON})\b(?!\s*\d)", "m", "word"),
    (r"(?<![\d.,$€£])\b(?P<y>(?:19|20)\d\d)\b(?!\d|,\d|\s*(?:km|m|mm|units|vehicles|rounds|tonnes|"
     r"personnel))", "yonly", "digit"),
)


def _alternation(start: str) -> re.Pattern[str]:
    """The patterns that can begin with a ``start``, in order: pattern i is group ``p<i>``, its groups ``g<i>_*``."""
    return re.compile("|".join(f"(?P<p{i}>{p.replace('(?P<', f'(?P<g{i}_')})"
                               for i, (p, _, starts) in enumerate(_PATTERNS) if start in starts.split()), re.I)


# A date begins a word, with a digit (a day, a year, "1st quarter") or a letter (a month,
# a weekday, "the", "last", "Q3"...): only the patterns that can begin so are tried there,
# in the order of _PATTERNS, so the same pattern wins.
_AT_DIGIT = _alternation("digit")
_AT_WORD = _alternation("word")
_GROUPS = {i: [(f"g{i}_{name}", name) for name in re.compile(p).groupindex] for i, (p, _, _) in enumerate(_PATTERNS)}

# Every date expression begins a word with one of these (the patterns are tried only
# there), in the letters' case as written although the patterns ignore case: "JAN" is no month.
_ANCHORS = (*"0123456789", "Jan", "jan", "Feb", "feb", "Mar", "mar", "May", "may", "Apr", "apr", "Jun", "jun", "Jul",
            "jul", "Aug", "aug", "Sep", "sep", "Oct", "oct", "Nov", "nov", "Dec", "dec", "Mon", "mon", "Tue", "tue",
            "Wed", "wed", "Thu", "thu", "Fri", "fri", "Sat", "sat", "Sun", "sun", "Q1", "Q2", "Q3", "Q4", "First",
            "first", "Second", "second", "Third", "third", "Fourth", "fourth", "The", "the", "Las", "las", "Lat",
            "lat", "Earl", "earl", "Mid", "mid", "End", "end", "This", "this", "Next", "next", "Yest", "yest", "Tod",
            "tod", "Tom", "tom", "FY")
# "the" only before the words that can follow it in a date
_AFTER_THE = r"(?=\s+(?i:first|second|1st|2nd|latter|early|mid|late|end))"
_ANCHOR_TRIE = branches_regex((a, _AFTER_THE if a in ("The", "the") else "") for a in _ANCHORS)
# The scan takes the anchor with the character before it, which is no letter or digit:
# starting with a character class and going on with a trie of literals, it skips fast
# through words. Other scripts' digits need the slower \d.
_LED_ANCHOR_RE = re.compile(rf"\W{_ANCHOR_TRIE}")
_FIRST_ANCHOR_RE = re.compile(_ANCHOR_TRIE)
_ANY_ANCHOR_RE = re.compile(rf"\b(?:\d|{_ANCHOR_TRIE})")
_OTHER_DIGIT_RE = re.compile(r"[^\D0-9]")


def _anchors(text: str) -> Iterator[int]:
    """Yield where a date may begin, left to right."""
    if not text.isascii() and _OTHER_DIGIT_RE.search(text):
        yield from (a.start() for a in _ANY_ANCHOR_RE.finditer(text))
        return
    first = _FIRST_ANCHOR_RE.match(text)
    if first:
        yield 0
    yield from (a.start() + 1 for a in _LED_ANCHOR_RE.finditer(text, first.end() if first else 0))


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence: its span, ISO value and whether it lies ahead of the article."""

    start: int
    end: int
    value: str
    prospective: bool
    surface: str


def reference(date: str | None) -> dt.date | None:
    """Return the article date as a :class:`datetime.date` (first day of a month or year)."""
    if not date:
        return None
    parts = [int(x) for x in re.findall(r"\d+", date)[:3]]
    try:
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _month(s: str) -> int:
    return _MONTHS.get(s.rstrip(".").casefold()[:4].rstrip(), _MONTHS.get(s.rstrip(".").casefold()[:3], 0))


def _on_calendar(iso: str) -> bool:
    """Tell whether a YYYY-MM-DD string is a day of the calendar.

    >>> _on_calendar("2024-02-29"), _on_calendar("2025-02-29")
    (True, False)
    """
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _resolve(kind: str, g: dict[str, str], ref: dt.date | None) -> str | None:
    y = g.get("y")
    if kind == "dmy":
        day = int(re.sub(r"\D", "", g["d"]))
        return f"{int(y or 0):04d}-{_month(g['m']):02d}-{day:02d}"
    if kind == "my":
        return f"{y}-{_month(g['m']):02d}"
    if kind == "q":
        q = g.get("q") or _ORD[g["qo"].casefold()]
        return f"{y}-Q{q}"
    if kind == "iso":
        return f"{y}-{g['mo']}-{g['dd']}"
    if kind in ("y", "yonly"):
        return y
    if kind == "fy":  # a fiscal year by the calendar year its label names: "FY2026", "FY26", "FY2026-27"
        fy = g["fy"]
        return fy if len(fy) == 4 else f"20{fy}"
    if ref is None:
        return None
    if kind == "dm":
        m, d = _month(g["m"]), int(re.sub(r"\D", "", g["d"]))
        year = ref.year if (m, d) <= (ref.month, ref.day) or m - ref.month < 6 else ref.year - 1
        return f"{year:04d}-{m:02d}-{d:02d}"
    if kind == "m":
        m = _month(g["m"])
        ahead = g.get("_ahead") == "1"
        year = ref.year
        if ahead and m < ref.month:
            year += 1
        elif not ahead and m > ref.month + 2:
            year -= 1
        return f"{year:04d}-{m:02d}"
    if kind == "rel_end":
        return str(ref.year)
    if kind == "q_rel":  # "in the fourth quarter (of next year)"; a quarter gone by, with no year told, is unsure
        q = _ORD[g["qo"].casefold()]
        step = {"last": -1, "next": 1}.get((g.get("rel") or "").casefold(), 0)
        if not g.get("rel") and q < (ref.month - 1) // 3 + 1:
            return None
        return f"{ref.year + step}-Q{q}"
    if kind == "m_rel":
        m, w = _month(g["m"]), g["lm"].casefold()
        year = ref.year
        if w == "last" and m >= ref.month:
            year -= 1
        elif w == "next" and m <= ref.month:
            year += 1
        return f"{year:04d}-{m:02d}"
    if kind in ("rel", "rel_next"):
        step = {"last": -1, "next": 1}.get(g["_w"], 0) if kind == "rel" else 1
        if g["rel"].casefold() == "year":
            return str(ref.year + step)
        if g["rel"].casefold() == "month":
            mm = ref.month - 1 + step
            return f"{ref.year + mm // 12:04d}-{mm % 12 + 1:02d}"
        return (ref + dt.timedelta(weeks=step)).isoformat()
    if kind == "dayoff":
        off = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["ago"].casefold()]
        return (ref + dt.timedelta(days=off)).isoformat()
    if kind == "wd":
        wd = _WEEKDAYS[g["wd"].casefold()]
        back = (ref.weekday() - wd) % 7
        if (g.get("last") or "").casefold() == "last":
            back = back or 7
            return (ref - dt.timedelta(days=back)).isoformat()
        if (g.get("last") or "").casefold() == "next":
            return (ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)).isoformat()
        return (ref - dt.timedelta(days=back)).isoformat()
    return None


def find_dates(text: str, ref: dt.date | None) -> list[DateMention]:
    """Return every date expression in ``text`` with its ISO value, left to right."""
    out = []
    pos = 0
    for a in _anchors(text):
        if a < pos:
            continue
        m = (_AT_DIGIT if text[a].isdecimal() else _AT_WORD).match(text, a)
        if m is None or not m.group():
            continue
        pos = m.end()
        i = int(m.lastgroup[1:])  # type: ignore[index]  # the outer group p<i> closes last
        kind = _PATTERNS[i][1]
        g = {short: v for name, short in _GROUPS[i] if (v := m.group(name)) is not None}
        g["_w"] = m.group().split()[0].casefold()
        g["_ahead"] = "1" if _AHEAD_CUE.search(text[max(0, m.start() - 40):m.start()]) or (
            kind == "m" and (_AHEAD_CLAUSE.search(text[max(0, m.start() - 200):m.start()])
                             or _WOULD_CUE.search(text[max(0, m.start() - 120):m.start()])
                             or _TO_HOST.search(text[max(0, m.start() - 200):m.start()]))) else ""

        if kind == "m" and not _MONTH_CUE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        try:
            value = _resolve(kind, g, ref)
        except (KeyError, ValueError):
            value = None
        if not value or not re.match(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$", value):
            continue
        if len(value) == 10 and not _on_calendar(value):
            continue  # "30 February 2025" names no day
        before = text[max(0, m.start() - 24):m.start()]
        prospective = bool(_PROSPECTIVE_CUE.search(before)) or (
            g["_w"] in ("next", "early", "late") and "next" in m.group().casefold()) or kind == "rel_end"
        if ref is not None and value[:4].isdigit() and "-Q" in value:
            # a quarter lies ahead when it comes after the article's; the article's own when a cue says so
            mine, now = (int(value[:4]), int(value[-1])), (ref.year, (ref.month - 1) // 3 + 1)
            cue = prospective or bool(_PROSPECTIVE_CUE.search(re.sub(r"\s+the\s*$", " ", before)))
            prospective = mine > now or (mine == now and cue)
        elif ref is not None and value[:4].isdigit():
            prospective = (prospective and value >= ref.isoformat()[:len(value)]) or value[:4] > str(ref.year)
        out.append(DateMention(m.start(), m.end(), value, prospective, m.group()))
    if "year" in text and _YEAR_OFF_CUE.search(text):
        out = _years_off(text, ref, out)
    return out


_YEAR_OFF_CUE = re.compile(r"(?:previous|preceding|following|the|a)\s+year(?:\s+(?:earlier|later|before|after))?\b")
_YEAR_OFF = re.compile(r"\b(?:the\s+(?P<a>previous|preceding|following)\s+year|(?:a|the)\s+year\s+"
                       r"(?P<b>earlier|later|before|after))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]")


def _years_off(text: str, ref: dt.date | None, found: list[DateMention]) -> list[DateMention]:
    """Add "the previous year", "a year later" as the year before or after the year the sentence told last:
    "ordered in 2024, in a deal approved the previous year" is 2023."""
    added = []
    for m in _YEAR_OFF.finditer(text):
        if any(d.start <= m.start() < d.end for d in found):
            continue
        told = [d for d in found if d.end <= m.start() and m.start() - d.end <= 150 and d.value[:4].isdigit()
                and not _SENTENCE_END.search(text, d.end, m.start())]
        if not told:
            continue  # with no year told before it in the sentence, the year it is off from is unknown
        step = -1 if (m.group("a") or m.group("b")).casefold() in ("previous", "preceding", "earlier", "before") else 1
        year = int(told[-1].value[:4]) + step
        added.append(DateMention(m.start(), m.end(), str(year), ref is not None and year > ref.year, m.group()))
    return sorted(found + added, key=lambda d: d.start) if added else found
