"""Platforms counted by their type alone: "six offshore patrol vessels", "a fleet of 20 fast attack craft",
"twenty-four armoured personnel carriers".

An article that buys or builds a number of things of a known type without naming a model speaks of a platform all
the same: the type, in the singular, is its name ("Offshore patrol vessel"), or the name the article defines for it
("Offshore patrol vessel (OPV)"). The types are listed in ``graph/data/platform_types.txt``. A counted type is no
platform of its own where the article names a model of that kind ("the Istif-class frigates", "KAI's FA-50 light
combat aircraft"): the count then speaks of that model.

>>> [(m.surface, m.name) for m in find_platform_types("Oman ordered two multi-mission frigates.", [], [16])]
[('multi-mission frigates', 'Multi-mission frigate')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources

from .mentions import Mention
from .patterns import words_regex

__all__ = ["PLATFORM_TYPES", "find_platform_types"]

#: platform types an article may count without a model's name, in the singular
PLATFORM_TYPES = tuple(line.strip() for line in resources.files("graph.data").joinpath("platform_types.txt")
                       .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
_CANONICAL = {t.casefold(): t for t in PLATFORM_TYPES}
_TYPE_RE = re.compile(rf"(?<![\w-])(?P<t>{words_regex(sorted(PLATFORM_TYPES, key=len, reverse=True), ignorecase=True)})"
                      r"(?P<pl>s?)(?![\w-])", re.I)
# what may stand between a count and the type: "a pair of", "twenty-four more"
_AFTER_COUNT_RE = re.compile(r"(?:\s+of)?\s+(?:(?:more|additional|new|further)\s+)?")


# a counted type is a platform where the sentence trades, builds, wants or runs it, not where it is only counted
# ("about 400 armoured vehicles will take part")
_TRADE_WORDS = ("order", "contract", "deal", "agreement", "buy", "bought", "acqui", "purchas", "procur", "deliver",
                "suppl", "build", "built", "sign", "tender", "requir", "receiv", "operat", "fleet", "evaluat", "select",
                "export", "sale", "sell", "sold", "fund", "manufactur", "produc", "replac", "commission", "induct",
                "lease", "interest", "seek", "need", "plan", "want", "talks", "bid", "offer")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    m = _SENTENCE_END_RE.search(text, end)
    return text[lo:m.start() if m else len(text)]


# "four multi-mission frigates of the Tamandare class": a class named after the type
_CLASS_AFTER_RE = re.compile(r"\s+of\s+the\s+(?P<cls>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s+class\b")


def _head(kind: str) -> str:
    return kind.split()[-1].casefold()


def _named_kind(text: str, platforms: Sequence[Mention], head: str) -> bool:
    """Tell whether the text names a model of the kind ``head`` ("frigate"): in a model's own name, in the few
    words after it ("FA-50 light combat aircraft") or by the kind the gazetteers give it."""
    for m in platforms:
        if head in m.surface.casefold():
            return True
        listed = m.attributes.get("kind")  # a listed model's kind: "light combat aircraft" for a listed jet
        if isinstance(listed, str) and listed and _head(listed) == head:
            return True
        after = text[m.end:m.end + 40].casefold()
        if re.match(rf"(?:\s+[\w-]+){{0,3}}?\s+{re.escape(head)}s?\b", after):
            return True
    return False


def find_platform_types(text: str, known: Sequence[Mention], counts: Sequence[int]) -> list[Mention]:
    """Return counted platform types; ``known`` holds the other mentions, the models the article names among them,
    and ``counts`` where the article's numbers end ("six", "a fleet of 20", "a pair")."""
    out: list[Mention] = []
    platforms = [m for m in known if m.type == "Platform"]
    for end in counts:
        gap = _AFTER_COUNT_RE.match(text, end)
        tm = _TYPE_RE.match(text, gap.end()) if gap is not None else None
        if tm is None:
            continue
        kind = _CANONICAL[tm.group("t").casefold()]
        if tm.group("pl") and kind.endswith("craft"):
            continue
        cm = _CLASS_AFTER_RE.match(text, tm.end())
        if cm is not None:
            base = f"{cm.group('cls')}-class"
            out.append(Mention(tm.start(), cm.end(), text[tm.start():cm.end()], f"{base} {_head(kind)}", "Platform",
                               priority=2, attributes={"class": base}))
            continue
        sentence = _sentence_around(text, tm.start(), tm.end()).casefold()
        if not any(w in sentence for w in _TRADE_WORDS):
            continue
        defined = [m for m in platforms if m.attributes.get("acronym") and m.name.casefold().startswith(kind.casefold())
                   and m.name[len(kind):len(kind) + 2] == " ("]
        if defined:
            name = defined[0].name
        elif _named_kind(text, [m for m in platforms if not m.attributes.get("acronym")], _head(kind)):
            continue
        else:
            name = kind[:1].upper() + kind[1:]
        out.append(Mention(tm.start(), tm.end(), tm.group(), name, "Platform", priority=0,
                           attributes={"category": kind}))
    return out
