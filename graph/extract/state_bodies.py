"""A state's own councils and offices named by their common title: "Turkiye's Council of Ministers", "the
Bulgarian National Security Council", "the Supreme Defence Council of Romania", "the Presidency of Ghana".

Such a title names a body of one state only when the text ties it to that state, by the state's name or adjective
right before it or by "of <state>" right after it; the body is then a GovernmentAgency with the state in
parentheses ("Council of Ministers (Turkiye)").

>>> from .mentions import Mention
>>> text = "Bulgaria's National Security Council met."
>>> [(m.surface, m.name) for m in find_state_bodies(text, [Mention(0, 8, "Bulgaria", "Bulgaria", "Country")])]
[('National Security Council', 'National Security Council (Bulgaria)')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .mentions import Mention

__all__ = ["find_state_bodies"]

_TITLE_RE = re.compile(
    r"\b(?:(?:Supreme\s+)?(?:National\s+)?(?:Security\s+and\s+Defen[cs]e|Defen[cs]e\s+and\s+Security|Security|"
    r"Defen[cs]e)\s+Council|Council\s+of\s+Ministers|Cabinet|Presidency)\b")
_TIE_BEFORE = re.compile(r"(?:['’]s?)?\s+(?:(?:own|new|top|highest)\s+)?$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_WORDS = ("Council", "Cabinet", "Presidency")


def find_state_bodies(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Return the councils, cabinets and presidencies ``text`` ties to a state; ``known`` holds the gazetteer's
    mentions, the states among them."""
    if not any(w in text for w in _WORDS):
        return []
    states = [m for m in known if m.type == "Country" and m.form != "capital"]
    if not states:
        return []
    by_end = {m.end: m for m in states}
    by_start = {m.start: m for m in states}
    out = []
    for t in _TITLE_RE.finditer(text):
        title = " ".join(t.group().split())
        after = _OF_AFTER.match(text, t.end())
        state = by_start.get(after.end()) if after else None
        if after is not None and state is None:
            continue  # "the Presidency of Defence Industries", "the Council of the EU": a body of its own name
        if state is None:
            lead = _TIE_BEFORE.search(text, max(0, t.start() - 12), t.start())
            if lead is not None:
                state = by_end.get(lead.start())
        if state is None:
            continue
        if title == "Cabinet" and text.startswith(" Secretary", t.end()):
            continue  # "Kenya's Cabinet Secretary for Defence": a minister's post
        out.append(Mention(t.start(), t.end(), t.group(), f"{title} ({state.name})", "GovernmentAgency", 2,
                           {"country": state.name}))
    return out
