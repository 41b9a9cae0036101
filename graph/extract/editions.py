"""Which edition of a recurring event a sentence tells of: counts of the last show are not this one's.

>>> import re
>>> bool(_OTHER.search("The 2025 edition of the show attracted 220 exhibitors."))
True
>>> bool(_OTHER.search("Last year's edition drew 2,400 personnel."))
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .mentions import Mention
from .text import Sentence

__all__ = ["another_edition", "earlier_count", "event_year"]

_OTHER = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)\s+(?:edition|show|exhibition|exercise|summit|meeting)|"
    r"(?:last|previous|past|prior|inaugural|earlier)\s+(?:edition|meeting|show|exercise)|"
    r"last\s+year['’]s\s+(?:edition|show|exhibition|exercise|event|meeting)|"
    r"(?:was|were)\s+first\s+(?:held|staged|run|conducted)|"
    r"(?:first|previous|last)\s+held\s+in|"
    r"edition\s+(?:in|of)\s+(?P<year2>(?:19|20)\d\d))\b", re.I)
#: a figure given to compare with: "up from 1,500", "1,500 in 2024", "against 90 last year"
_COMPARED_BEFORE = re.compile(r"\b(?:up|down|rising|falling|compared)\s+(?:from|with|to)\s+(?:about\s+|some\s+)?$|"
                              r"\bagainst\s+$")
_COMPARED_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:in\s+(?:19|20)\d\d|last\s+year|at\s+the\s+(?:previous|last)"
                             r"\s+edition|two\s+years\s+ago)\b")


def event_year(ev: Mention) -> str | None:
    """Return the year an event's name carries ("Indo Defence 2025"), if any."""
    m = re.search(r"\b((?:19|20)\d\d)\b", ev.name)
    return m.group(1) if m else None


#: words one of the patterns above holds, looked for first: most sentences hold none
_CUES = ("dition", "eld", "ast", "revious", "rior", "arlier", "naugural", "how", "xhibition", "xercise", "ummit",
         "eeting")


_SHOWS = ("edition", "show", "exhibition", "exercise", "summit", "meeting", "event")
_BEFORE_SHOW = ("last", "previous", "past", "prior", "inaugural", "earlier", "19", "20")


def _may_match(low: str) -> bool:
    """Tell whether lower-case ASCII ``low`` holds the words some branch of ``_OTHER`` needs (a pattern searched
    case-insensitively costs far more than these tests)."""
    if any(w in low for w in _SHOWS) and any(w in low for w in _BEFORE_SHOW):
        return True  # a year, "last", "previous" ... and a show's word
    if "first" in low and ("held" in low or "staged" in low or "run" in low or "conducted" in low):
        return True  # "was first held"
    return "held" in low and ("previous" in low or "last" in low)  # "last held in"


@lru_cache(maxsize=256)
def _other_edition(text: str) -> tuple[bool, str | None]:
    if not any(c in text for c in _CUES):
        return False, None
    if text.isascii() and not _may_match(text.lower()):  # ASCII: no letter folds otherwise than by lower()
        return False, None
    m = _OTHER.search(text)
    if m is None:
        return False, None
    return True, m.group("year") or m.group("year2")


def another_edition(doc: Document, s: Sentence, ev: Mention) -> bool:
    """Tell whether ``s`` tells of an edition of ``ev`` other than the one the article reports ("The 2025
    edition of DIMDEX attracted ...", "Last year's edition drew ...", "It was first held in 2022 with ...")."""
    found, year = _other_edition(s.text)
    if not found:
        return False
    if year is None:
        return True
    return year != (event_year(ev) or (doc.article_date or "")[:4])


def earlier_count(doc: Document, start: int, end: int, s: Sentence) -> bool:
    """Tell whether the number at ``start:end`` is a figure to compare with ("up from 1,500", "90 in 2024")."""
    lo = max(s.start, start - 24)
    before = doc.text[lo:start]
    # each pattern tried only where a word it needs stands
    if ("to" in before or "from" in before or "with" in before or "against" in before) \
            and _COMPARED_BEFORE.search(doc.text, lo, start) is not None:
        return True
    after = doc.text[end:min(s.end, end + 50)]
    return ("19" in after or "20" in after or "last" in after or "previous" in after or "ago" in after) \
        and _COMPARED_AFTER.match(after) is not None
