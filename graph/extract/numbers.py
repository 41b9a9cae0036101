"""Cardinal numbers as articles write them: "24", "1,200", "twenty-four", "thirty six", "two hundred and fifty",
"four thousand", "a dozen", "two dozen", "half a dozen", "a pair of".

One pattern finds them (:data:`NUMBER`, lower case: wrap it in ``(?i:...)`` to take "Twenty" too) and one
function reads what it found (:func:`parse_number`), so that every rule counts with the same words.

>>> [parse_number(s) for s in ("twenty-four", "Thirty six", "two hundred and fifty", "1,200", "a dozen")]
[24, 36, 250, 1200, 12]
>>> [parse_number(s) for s in ("half a dozen", "a pair", "four thousand five hundred", "several")]
[6, 2, 4500, None]
>>> import re
>>> re.match(NUMBER, "forty-eight launchers").group()
'forty-eight'
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "NUMBER_WORDS", "SIMPLE_NUMBER_WORDS", "WORD_NUMBER", "parse_number"]

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

#: every number written as one word, with its value
SIMPLE_NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS + _TEENS)}
SIMPLE_NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
SIMPLE_NUMBER_WORDS.update({"hundred": 100, "dozen": 12})
#: the words and the few fixed phrases earlier rules looked up directly ("two dozen")
NUMBER_WORDS: dict[str, int] = {**SIMPLE_NUMBER_WORDS, "a dozen": 12, "two dozen": 24}


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"


_U = _alt(_UNITS[1:])
# "twenty-four", "thirty six"; then a teen or a unit alone
_SMALL = rf"(?:{_alt(_TENS)}(?:[-\s]{_U})?|{_alt(_UNITS + _TEENS)})"
_HUNDREDS = rf"(?:(?:an?|{_SMALL})\s+hundred\b(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_THOUSANDS = rf"(?:(?:an?|{_HUNDREDS})\s+thousand\b(?:,?\s+(?:and\s+)?{_HUNDREDS})?|{_HUNDREDS})"
#: a number in words (lower case)
WORD_NUMBER = (rf"(?:half\s+an?\s+dozen\b|(?:an?|{_alt(_UNITS[2:] + _TEENS)})\s+dozen\b|dozen\b|an?\s+pair(?=\s+of\b)"
               rf"|{_THOUSANDS}|hundred\b)")
#: a number in digits (with or without thousands separators) or in words
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+|{WORD_NUMBER})"

_TOKEN_RE = re.compile(r"[a-z]+|\d[\d,]*")
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def parse_number(text: str) -> int | None:
    """Return the value of a number in digits or words ("1,200", "twenty-four", "half a dozen"), else None."""
    s = text.strip().casefold()
    if _DIGITS_RE.fullmatch(s):
        return int(s.replace(",", ""))
    total = current = 0
    half = seen = False
    for tok in _TOKEN_RE.findall(s):
        if tok in ("and", "of"):
            continue
        if tok == "half":
            half = True
        elif tok in ("a", "an"):
            current = current or 1
        elif tok == "pair":
            current = (current or 1) * 2
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif tok in SIMPLE_NUMBER_WORDS:
            current += SIMPLE_NUMBER_WORDS[tok]
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value // 2 if half else value
