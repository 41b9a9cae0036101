"""Exercises named before the common word: "the annual Cobra Gold exercise", "the biennial RIMPAC exercise",
"this year's Talisman Sabre drills". Each is an Event of type exercise, as "Exercise Cobra Gold" is.

A name is taken only where nothing else the article knows (a state, a force, a firm, a platform) is written there:
"the Indian Navy exercise" and "a NATO exercise" name no exercise.

>>> [(m.name, m.attributes["year"]) for m in find_named_exercises("the biennial Pacific Shield 2026 exercise", [])]
[('Pacific Shield 2026', '2026')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .mentions import Mention

__all__ = ["add_names_again", "find_named_exercises"]

_WORDS = (" exercise", " drills", " drill", " wargames", " war games", " war-games")
_LEAD = (r"(?:(?:[Tt]he|[Tt]his\s+year['’]s|[Ll]ast\s+year['’]s|[Nn]ext\s+year['’]s|a|an)\s+)"
         r"(?:(?:annual|biennial|yearly|regular|multinational|multilateral|joint|bilateral|trilateral|combined|"
         r"large-scale|major|naval|maritime|air|land|amphibious|military|month-long|two-week|week-long|"
         r"long-running|flagship|latest|first|upcoming|ongoing|US-led|NATO-led|live-fire|command-post),?\s+){0,3}")
_EXERCISE_RE = re.compile(
    rf"\b{_LEAD}(?P<n>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})(?:\s+(?P<year>(?:19|20)\d\d))?"
    r"\s+(?:exercises?|drills?|war\s*-?\s*games)\b")
# the pattern is tried only on the words before each common word, cut there (``$`` matches at the cut)
_EXERCISE_END_RE = re.compile(_EXERCISE_RE.pattern + "$")
_COMMON_RE = re.compile(r"\b(?:exercises?|drills?|war\s*-?\s*games)\b")
#: capitalised words that begin or make up no exercise's name
_NOT_NAMES = frozenset("The This That These A An Our Its Their Annual Joint Combined Naval Air Land Military Army "
                       "Navy Marine Marines Special Forces Defence Defense Field Staff Command Live Fire Tabletop "
                       "Table-top Sea Exercise Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                       "February March April May June July August September October November December".split())


def find_named_exercises(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Return the exercises named before "exercise" / "drills" and their names written again; ``known`` holds the
    mentions found so far, whose spans name no exercise."""
    if not any(w in text for w in _WORDS):
        return []
    spans = [(m.start, m.end) for m in known if m.type != "Event"]
    out: list[Mention] = []
    found = (_EXERCISE_END_RE.search(text, max(0, c.start() - 120), c.end()) for c in _COMMON_RE.finditer(text))
    for m in (f for f in found if f is not None):
        start, end = m.start("n"), m.end("n")
        words = m.group("n").split()
        if any(w in _NOT_NAMES for w in words) or any(w.endswith(("-led", "-based")) for w in words):
            continue
        if any(s < end and start < e for s, e in spans):
            continue  # a state, force or firm: "the Thai exercise", "the Saab drills"
        name = m.group("n") + (f" {m.group('year')}" if m.group("year") else "")
        out.append(Mention(start, m.end("year") if m.group("year") else end, text[start:(m.end("year") if
                           m.group("year") else end)], name, "Event", priority=5,
                           attributes={"event_type": "exercise", "edition": None, "year": m.group("year")}))
    add_names_again(text, out, spans)
    return out


def add_names_again(text: str, out: list[Mention], spans: Sequence[tuple[int, int]] = (), behind: str = "") -> None:
    """Add to ``out`` each exercise's name written again without its year ("Cobra Gold drew ..."), where no mention
    found yet and none of ``spans`` stands; ``behind`` is a look-behind the name must pass."""
    for first in list(out):
        stem = first.name.removesuffix(f" {first.attributes['year']}") if first.attributes["year"] else first.name
        for b in re.finditer(rf"(?<![\w-]){behind}{re.escape(stem)}(?![\w-])", text):
            if not any(o.start <= b.start() < o.end for o in out) and not any(
                    s < b.end() and b.start() < e for s, e in spans):
                out.append(Mention(b.start(), b.end(), b.group(0), first.name, "Event", priority=5,
                                   attributes=dict(first.attributes)))
