"""Ordinal claims: "the second country after Turkiye to ...", "the first ... to", "third after A and B".

>>> o = find_ordinals("South Korea will become the second country after Turkiye to formalise a deal.")[0]
>>> (o.ordinal, o.scope, o.after_text)
(2, 'country', 'Turkiye')
>>> o = find_ordinals("Chile became the first NATO partner nation to field the system.")[0]
>>> (o.ordinal, o.scope, o.verb)
(1, 'NATO partner nation', 'field')
>>> o = find_ordinals("Egypt became the third export customer for the Rafale after India and Qatar in 2015.")[0]
>>> (o.ordinal, o.scope, o.after_text, o.verb)
(3, 'export customer', 'India and Qatar', 'buy')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Ordinal", "find_ordinals"]

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10}
# "the" with the word boundary checked behind it, so that the scan looks for the literal, and the rank
_THE_NTH = r"the(?<!\w...)\s+(?P<ord>" + "|".join(_ORD) + r"|\d{1,2}(?:st|nd|rd|th))"
_RE = re.compile(
    _THE_NTH + r"\s+"
    r"(?P<scope>(?:(?:[a-z][\w-]*|[A-Z]{2,6}|[A-Z][a-z]+)\s+){0,3}?(?:country|countries|nation|customer|operator|"
    r"user|export customer|buyer|navy|air force|army|state|foreign customer|defence deal|deal|contract|company|firm|"
    r"member|member state|ally)),?\s+"
    r"(?:(?:after|following)\s+(?P<after>[^.;]{1,80}?),?\s+|(?P<outside>outside\s+[A-Z][\w ]+?)\s+|"
    r"(?P<within>in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|in\s+the\s+world)\s+(?:(?:after|following)\s+"
    r"(?P<after2>[^.;]{1,80}?)\s+)?)?"
    r"(?:to\s+(?P<verb>\w+)|(?:to\s+be\s+)?(?P<verb2>financed|funded|signed|ordered))\b"
)


# "the third export customer for the Rafale after India and Qatar": a ranked buyer or operator with no verb
_CUSTOMER_RE = re.compile(
    _THE_NTH + r"\s+(?P<scope>(?:(?:foreign|export|international|overseas|[A-Z][a-z]+|[A-Z]{2,6})\s+){0,2}"
    r"(?P<who>customer|operator|user|buyer))\s+(?:for|of)\s+(?:the\s+)?[^,.;]{1,40}?"
    r"(?:\s+after\s+(?P<after>[^.;,]{1,80}?))?(?=\s*[,.;]|\s+(?:when|in|with|by|under|following)\b|$)")


@dataclass(frozen=True)
class Ordinal:
    start: int
    end: int
    ordinal: int
    scope: str
    after_text: str | None
    verb: str


def _rank(m: re.Match[str]) -> int:
    """Return the rank the match's ``ord`` group writes: "third" and "3rd" are 3."""
    w = m.group("ord").casefold()
    return _ORD.get(w) or int(re.sub(r"\D", "", w))


@lru_cache(maxsize=4)
def find_ordinals(text: str) -> list[Ordinal]:
    """Return the ranked claims in ``text``."""
    out = []
    for m in _RE.finditer(text):
        n = _rank(m)
        scope = m.group("scope")
        if m.group("outside"):
            scope = f"{scope} {m.group('outside')}"
        if m.group("within"):  # "the third country in Latin America after A and B to ..."
            scope = f"{scope} {m.group('within')}"
        out.append(Ordinal(m.start(), m.end(), n, scope, m.group("after") or m.group("after2"),
                           (m.group("verb") or m.group("verb2"))))
    if "customer" in text or "operator" in text or "user" in text or "buyer" in text:
        taken = [(o.start, o.end) for o in out]
        for m in _CUSTOMER_RE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            n = _rank(m)
            verb = "operate" if m.group("who") in ("operator", "user") else "buy"
            out.append(Ordinal(m.start(), m.end(), n, m.group("scope"), m.group("after"), verb))
        out.sort(key=lambda o: o.start)
    return out
