"""Events: named seminars, summits, dialogues, exhibitions and shows, with their editions.

>>> found = find_events("at the 15th India-Vietnam Defence Policy Dialogue and DSA 2026")
>>> [(m.name, m.attributes["edition"]) for m in found]
[('15th India-Vietnam Defence Policy Dialogue', 15), ('DSA 2026', None)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from importlib import resources
from itertools import pairwise

from .exercises import add_names_again
from .mentions import Mention
from .patterns import words_regex

__all__ = ["EDITION_NUMBER", "SHOWS", "find_events", "ordinal"]

#: recurring defence shows known by name alone (``graph/data/shows.txt``)
_SHOW_ROWS = [line.split("\t") for line in resources.files("graph.data").joinpath("shows.txt")
              .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
SHOWS = tuple(row[0].strip() for row in _SHOW_ROWS)
_KINDS = {"seminar": "seminar", "summit": "summit", "conference": "conference", "dialogue": "dialogue",
          "exhibition": "exhibition", "expo": "exhibition", "show": "exhibition", "airshow": "exhibition",
          "forum": "forum", "symposium": "symposium", "meeting": "meeting", "talks": "talks", "exercise": "exercise",
          "week": "exhibition", "workshop": "workshop", "roundtable": "roundtable", "convention": "conference",
          "congress": "conference", "festival": "exhibition", "games": "exercise", "drill": "exercise"}
_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_HEAD = "|".join(k.capitalize() for k in _KINDS) + "|Air Show|Airshow|Expo"
_WORD = r"(?:[A-Z][\w&'’]*(?:-[A-Z][\w]*)*|\d{1,3}(?:st|nd|rd|th)|of|on|and|for|&)"
_NAMED_RE = re.compile(
    rf"(?P<name>(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?[A-Z][\w&'’]*(?:-[A-Z][\w]*)*(?:\s+{_WORD}){{0,8}}?\s+(?P<head>{_HEAD}))"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
# the shows' names as a trie (the word boundary before them checked behind), so that
# the pattern begins with literals and the scan skips through the text
_SHOW_RE = re.compile(
    rf"(?P<name>{words_regex(sorted(SHOWS, key=len, reverse=True), word_start=True)}"
    r"(?:\s+(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d)\b)?)\b"
)
# An event's name is made of words, "&", apostrophes, hyphens and spaces only and ends in a
# head word: the pattern is tried only on such stretches of text that hold a head word.
_HEAD_WORD_RE = re.compile(words_regex(_HEAD.split("|")))
_NAME_BREAK_RE = re.compile(r"[^\w&'’\s-]")
_LEAD = re.compile(r"^(?:The|At|In|During|On|By|And|For|From|After|Before|This|That|Its|A|An)\s+")


#: shows whose names are also common words of other names (marked "generic" in ``shows.txt``): a show only when
#: no name runs into them
_GENERIC_SHOWS = tuple(row[0].strip() for row in _SHOW_ROWS if "generic" in (c.strip() for c in row[1:]))
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:The|At|In|During|On|By|And|For|From|After|Before|This|That|Its|A|An|"
                          r"Of|To|With)\s)[A-Z][\w&'’-]*\s+$")


#: an edition's number in an event's name ("the 12th Zhuhai Airshow")
EDITION_NUMBER = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")


def _edition(name: str) -> int | None:
    m = EDITION_NUMBER.search(name)
    if m:
        return int(m.group(1))
    for w in name.split():
        if w.casefold() in _ORDINALS:
            return _ORDINALS[w.casefold()]
    return None


def _named(text: str) -> Iterator[re.Match[str]]:
    """Yield what ``_NAMED_RE.finditer(text)`` yields."""
    breaks: list[int] | None = None  # found at the first head word: most articles name no event
    end = -1
    for head in _HEAD_WORD_RE.finditer(text):
        if head.start() < end:
            continue  # in the stretch just searched
        if breaks is None:
            breaks = [b.start() for b in _NAME_BREAK_RE.finditer(text)]
        i = bisect_left(breaks, head.start())
        start, end = (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(text))
        yield from _NAMED_RE.finditer(text, start, end)


_VENUE_AFTER = re.compile(r"\s+(?:Centre|Center|Hall|Halls|Grounds|Complex|Park|Arena|Building|Venue)\b")


def find_events(text: str) -> list[Mention]:
    """Return named events: "<...> Seminar/Summit/Dialogue/...", and known shows with their year."""
    out = []
    for m in _named(text):
        name, start = m.group(0), m.start()
        lead = _LEAD.match(name)
        if lead:
            name, start = name[lead.end():], start + lead.end()
        if len(name.split()) < 2 or name.split()[0] in ("Defence", "Defense"):
            continue
        if _VENUE_AFTER.match(text, m.end()):
            continue  # "the Abu Dhabi National Exhibition Centre": a venue, no event
        kind = _KINDS.get(m.group("head").casefold().replace(" ", ""), "exhibition")
        out.append(Mention(start, start + len(name), name, name, "Event", priority=5,
                           attributes={"event_type": kind, "edition": _edition(name)}))
    named_ends = {n.end: n for n in out}
    for n in list(out):  # "Doha ... Exhibition and Conference (DIMDEX 2027)": the long name runs on to its acronym
        jm = _JOINED_HEAD.match(text, n.end)
        if jm and text[jm.end():jm.end() + 2] == " (":
            named_ends[jm.end()] = n
    for m in _SHOW_RE.finditer(text):
        name = m.group("name")
        long = named_ends.get(m.start() - 2) if text[m.start() - 2:m.start()] == " (" else None
        if long is not None and text[m.end():m.end() + 1] == ")":
            # "Egypt Defence Expo (EDEX 2026)": one event, named as the show's edition
            long.name, long.end = name, m.end() + 1
            long.surface = text[long.start:long.end]
            continue
        if m.group("name").startswith(_GENERIC_SHOWS) and _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Embraer Defense & Security", "Army Land Forces": the end of another name
        out.append(Mention(m.start(), m.end(), name, name, "Event", priority=5,
                           attributes={"event_type": "exhibition", "edition": None, "year": m.group("year")}))
    _apposed_names(text, out)
    if "eeting of" in text or "ession of" in text:
        out += _meetings_of_bodies(text)
    if "Exercise " in text:
        out += _exercises(text)
    return out


_JOINED_HEAD = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+){0,2}?"
                          r"(?:Conference|Exhibition|Expo|Show|Forum|Symposium)\b")
_NUMBERED = "|".join(list(_ORDINALS)[1:])
_MEETING_OF = re.compile(
    rf"\b(?P<ord>{_NUMBERED}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:meeting|session|round)\s+of\s+the\s+"
    r"(?P<body>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|on|of|for|and|&)){0,8}?\s+(?:Committee|Commission|Council|"
    r"(?:Working|Steering|Consultative|Planning|Dialogue|Defen[cs]e)\s+Group|Board|(?P<talks>Dialogue|Forum|Talks)))\b",
    re.I)


def ordinal(n: int) -> str:
    """Return ``n`` written as an edition is: "1st", "12th", "23rd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _meetings_of_bodies(text: str) -> list[Mention]:
    """"the fifth meeting of the India-Japan Joint Working Group": the meeting is the event, of that edition."""
    out = []
    for m in _MEETING_OF.finditer(text):
        body = m.group("body")
        if not body[0].isupper() or not body.split()[-1][0].isupper():
            continue  # "the fourth meeting of the committee": a reference, not a name
        w = m.group("ord").casefold()
        n = _ORDINALS.get(w) or int(re.sub(r"\D", "", w))
        if m.group("talks"):  # "the second meeting of the X Strategic Dialogue": its second edition
            out.append(Mention(m.start(), m.end(), m.group(0), f"{ordinal(n)} {body}", "Event", priority=6,
                               attributes={"event_type": _KINDS.get(m.group("talks").casefold(), "dialogue"),
                                           "edition": n}))
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), f"{ordinal(n)} {body} meeting", "Event", priority=5,
                           attributes={"event_type": "meeting", "edition": n}))
    return out


_EXERCISE = re.compile(r"\bExercise\s+(?P<n>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?:\s+(?P<year>(?:19|20)\d\d))?"
                       r"(?=[\s,.;:)]|$)(?!\s+(?:Director|Commander|Control|Planning|Area|Staff)\b)")


def _exercises(text: str) -> list[Mention]:
    """"Exercise Cobra Gold 2027" and the name again without the word ("Cobra Gold drew ..."): one exercise."""
    out = []
    for m in _EXERCISE.finditer(text):
        name = m.group("n") + (f" {m.group('year')}" if m.group("year") else "")
        out.append(Mention(m.start(), m.end(), m.group(0), name, "Event", priority=5,
                           attributes={"event_type": "exercise", "edition": None, "year": m.group("year")}))
    add_names_again(text, out, behind="(?<!Exercise )")
    return out


_APPOSED_EVENT = re.compile(r",\s+the\s+")
_APPOSED_END = re.compile(r"(?:\s+and\s+[A-Z][\w-]*)?(?:[,.]|$)")


def _apposed_names(text: str, events: list[Mention]) -> None:
    """"IDEX 2027, the International Defence Exhibition and Conference, ...": the long name is the same event's."""
    ordered = sorted(events, key=lambda e: e.start)
    for a, b in pairwise(ordered):
        if _APPOSED_EVENT.fullmatch(text, a.end, b.start) and _APPOSED_END.match(text, b.end):
            b.name = a.name
