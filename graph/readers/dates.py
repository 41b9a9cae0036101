"""Dates as articles write them, normalised to ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

Only unambiguous forms are read: ``03/04/2025`` could be March or April, so it is not
guessed at; the caller reports it.

>>> normalise_date("Tuesday, 18 November 2025")
'2025-11-18'
>>> normalise_date("2025-09-22T08:30:00+08:00")
'2025-09-22'
>>> normalise_date("Sept 2025")
'2025-09'
>>> normalise_date("03/04/2025") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

__all__ = ["MONTHS", "normalise_date"]

#: month names and abbreviations -> month number
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"), start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)

#: the forms read, most common first; each names its groups year, month, day
_FORMS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}.*)?$",
    r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})$",
    r"^(?P<year>\d{4})-(?P<month>\d{2})$",
    r"^(?P<year>\d{4})$",
    rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$",
    rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$",
    rf"^{_MONTH},?\s+{_YEAR}$",
))


def _month_number(text: str) -> int | None:
    return int(text) if text.isdigit() else MONTHS.get(text.casefold())


def normalise_date(text: str) -> str | None:
    """Return ``text`` as an ISO date (as precise as the text), or None when it is not one."""
    s = " ".join(text.split())
    for form in _FORMS:
        m = form.match(_WEEKDAY.sub("", s))
        if m is None:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month = _month_number(parts["month"]) if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        try:
            if day is not None and month is not None:
                return dt.date(year, month, day).isoformat()
            if month is not None:
                return dt.date(year, month, 1).isoformat()[:7]
        except ValueError:
            return None
        return None if parts.get("month") else f"{year:04d}"
    try:  # RFC 2822, as in feeds and mail headers: "Mon, 22 Sep 2025 10:00:00 +0800"
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
