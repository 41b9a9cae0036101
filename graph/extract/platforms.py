"""Platforms by form: designations (FA-50, K9, A400M, MEKO A-200EN), named classes, defined acronyms.

>>> sorted({m.name for m in find_platforms("four FA-50 jets, K9 guns and two Maharaja Lela-class frigates")})
['FA-50', 'K9', 'Maharaja Lela-class frigate']
"""

from __future__ import annotations

import re

from .mentions import Mention
from .numbers import SIMPLE_NUMBER_WORDS, parse_number
from .patterns import words_regex

__all__ = ["PLATFORM_NOUNS", "find_platforms"]

PLATFORM_NOUNS = (
    "frigate", "corvette", "destroyer", "submarine", "cruiser", "carrier", "vessel", "ship", "boat", "patrol vessel",
    "patrol boat", "landing ship", "aircraft", "jet", "fighter", "trainer", "helicopter", "drone", "vehicle",
    "tank", "howitzer", "missile", "radar", "launcher", "system", "gun", "rifle", "UAV", "UCAV", "tanker",
    "combat ship", "mission ship", "icebreaker", "minehunter", "offshore patrol vessel",
)
_NOUN = "|".join(sorted((re.escape(n) for n in PLATFORM_NOUNS), key=len, reverse=True))
_STOP = frozenset({"G2G", "B2B", "G2B", "COVID-19", "MH370", "P5", "G7", "G20", "H1", "H2", "F1", "A1", "B1", "C4",
                   "T20", "MK2", "R&D", "U-turn", "3D", "2D", "4G", "5G", "6G", "AI", "UN", "COP28", "COP29"})
_DESIGNATION_RE = re.compile(
    r"(?<![\w/-])(?P<d>(?:(?P<pre>[A-Z]{2,}[a-z]?|[A-Z][a-z]+)\s+(?=[A-Z]{1,3}-?\d))?"
    r"(?P<core>[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,4}(?:-\d{1,3}[A-Za-z]?)?|\d{1,2}x\d{1,2})"
    r"(?:\s(?:Mk|Mark|Block|Batch|Flight|Increment)\s?(?:[IVX]+|\d+)\b|\s(?:NG|ER|SLM|NLOS|LR|MR)\b)?)(?![\w-])"
)
_CLASS_RE = re.compile(
    rf"(?P<mod>\b(?:upgraded|improved|modernised|modernized|new-generation|next-generation)\s+)?"
    rf"(?P<cls>\b[A-Z]\w*(?:\s[A-Z]\w*)?)[- ]class(?:\s+(?P<noun>{_NOUN})s?)?\b"
)
_ACRONYM_RE = re.compile(
    rf"\b(?P<long>(?:[A-Za-z][\w-]*\s+){{0,3}}(?:{_NOUN})s?)\s+\((?P<acr>[A-Z]{{2,6}})s?\)"
)
_PHRASE_STOP = frozenset("the a an for of to on in with and four two three five six seven eight nine ten eleven twelve "
                         "new additional more its their our contract deal order orders buy acquire supply".split())
# the number words a counted platform may follow ("twenty-four" is tried at its "four", "two hundred" at "hundred")
_NUMBERS = "|".join([*(w for w, n in SIMPLE_NUMBER_WORDS.items() if n > 1), "\\d+"])
_COUNTED_RE = re.compile(
    rf"\b(?:{_NUMBERS})\s+(?:more\s+|additional\s+|new\s+|further\s+|upgraded\s+)?"
    rf"(?P<name>[A-Z][\w-]*(?:\s(?:[A-Z0-9][\w-]*|Mk|Mark))*?)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_NOUN})s?\b"
)
_BAD_PRE = frozenset({"The", "A", "An", "In", "On", "By", "And", "For", "Of", "Its", "With", "Under", "From", "Some",
                      "Q", "MP", "US", "UN", "EU", "At", "To", "As", "All", "Two", "Four", "Three", "Five", "Six"})


# "(?<![\w/-])" checked behind the first character, so that the scan begins with a
# character class: a capital then what follows a capital, or a digit then what follows one
_DESIGNATION_ANCHOR_RE = re.compile(r"[A-Z\d](?<![\w/-].)(?:(?<=[A-Z])[A-Za-z]{0,3}-?\d|(?<=\d)\d?x\d)")
_PREV_WORD_RE = re.compile(r"(?:[A-Z]{2,}[a-z]?|[A-Z][a-z]+)\s+$")
# the word after "class", or the two of a two-word noun ("Dzata-class patrol boats")
_CLASS_ANCHOR_RE = re.compile(r"[- ]class\b(?:\s+(?:(?:offshore\s+)?patrol\s+|landing\s+|combat\s+|mission\s+)?\w+)?")
_CLASS_END_RE = re.compile(_CLASS_RE.pattern + "$")
_PAREN_RE = re.compile(r"\s+\([A-Z]{2,6}s?\)")
_ACRONYM_END_RE = re.compile(_ACRONYM_RE.pattern + "$")
# where a counted platform may begin: a number word or a number, then a space; two scans
# that each begin with literals or a character class, so that they skip through words
_NUMBER_WORD_ANCHOR_RE = re.compile(rf"{words_regex(_NUMBERS.split('|')[:-1], word_start=True)}\s")
_DIGITS_ANCHOR_RE = re.compile(r"\d(?<!\w.)\d*\s")


def _gated(text: str, anchor: re.Pattern[str], pattern: re.Pattern[str], back: int) -> list[re.Match[str]]:
    """Try ``pattern`` (anchored at its end) only where ``anchor`` occurs: cheap on long texts."""
    out = []
    for a in anchor.finditer(text):
        m = pattern.search(text, max(0, a.start() - back), a.end())  # endpos: as if cut there, without a copy
        if m:
            out.append(m)
    return out


def _designations(text: str) -> list[re.Match[str]]:
    out = []
    pos = 0
    for a in _DESIGNATION_ANCHOR_RE.finditer(text):
        if a.start() < pos:
            continue
        prev = _PREV_WORD_RE.search(text, max(0, a.start() - 12), a.start())
        m = (_DESIGNATION_RE.match(text, prev.start()) if prev else None) or _DESIGNATION_RE.match(text, a.start())
        if m:
            out.append(m)
            pos = m.end()
    return out


def _count_anchors(text: str) -> list[int]:
    """Return where ``\\b(?:two|...|twelve|\\d+)\\s`` matches, in order."""
    return sorted([a.start() for a in _NUMBER_WORD_ANCHOR_RE.finditer(text)]
                  + [a.start() for a in _DIGITS_ANCHOR_RE.finditer(text)])


def _counted(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for a in _count_anchors(text):
        m = _COUNTED_RE.match(text, a)
        if m:
            out.append(m)
    return out


_PLURAL_AFTER_NUMBER = re.compile(r"(?<=\d)s$")


def find_platforms(text: str) -> list[Mention]:
    """Return platform mentions recognised by designation, class name or defined acronym."""
    out: list[Mention] = []
    for m in _designations(text):
        d, start = m.group("d"), m.start("d")
        pre = m.group("pre")
        if pre and (pre in _BAD_PRE or (pre.isupper() is False and pre.istitle() is False)):
            d, start = d[len(pre) + 1:], start + len(pre) + 1
        core = m.group("core")
        if core in _STOP or re.fullmatch(r"Q[1-4]|H[12]", core) or (re.fullmatch(r"\d+x\d+", core) and not pre):
            continue
        if not re.search(r"\d", core) or not re.search(r"[A-Za-z]", core):
            continue
        # "its ageing F-5s": a plural after the number names the model
        out.append(Mention(start, start + len(d), d, _PLURAL_AFTER_NUMBER.sub("", d), "Platform", priority=1))
        if start < m.start("core"):
            # "Hensoldt TRS-4D": should a known maker claim the first word, the bare designation remains
            core_d = d[m.start("core") - start:]
            out.append(Mention(m.start("core"), start + len(d), core_d, core_d, "Platform", priority=1))
    for m in _gated(text, _CLASS_ANCHOR_RE, _CLASS_END_RE, 80):
        mod = (m.group("mod") or "").strip()
        noun = m.group("noun")
        base = f"{m.group('cls')}-class"
        name = f"{base} {noun}" if noun else base
        if mod:
            name = f"{mod[:1].upper()}{mod[1:]} {name}"
        start = m.start("mod") if mod else m.start("cls")
        # a modified class ("upgraded Mogami-class frigates") outranks the listed class it contains
        out.append(Mention(start, m.end(), text[start:m.end()], name, "Platform", priority=5 if mod else 2,
                           attributes={"class": base, "variant_of": f"{base} {noun}" if mod and noun else None}))
    for m in _counted(text):
        name = m.group("name")
        if name.split()[0] in _BAD_PRE or "-class" in name:
            continue
        out.append(Mention(m.start("name"), m.end("name"), name, name, "Platform", priority=0))
    # the anchor's scan stops at every space: run only when there is a bracket at all
    for m in _gated(text, _PAREN_RE, _ACRONYM_END_RE, 100) if "(" in text else ():
        long = m.group("long")
        words = long.split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _PHRASE_STOP or words[i][:1].isdigit() or parse_number(words[i]) is not None:
                words = words[i + 1:]
                break
        while words and words[0].lower() in ("the", "a", "an", "for", "of", "four", "two", "three", "new", "and",
                                             "with", "additional", "more", "its", "their", "six", "eight", "ten"):
            words.pop(0)
        if not words:
            continue
        long = " ".join(words)
        start = m.end("long") - len(long)
        singular = re.sub(r"s$", "", long) if not long.endswith(("ss", "us")) else long
        name = f"{singular[:1].upper()}{singular[1:]} ({m.group('acr')})"
        out.append(Mention(start, m.end(), text[start:m.end()], name, "Platform", priority=3,
                           attributes={"acronym": m.group("acr")}))
    return out
