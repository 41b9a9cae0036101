"""Sentences and tokens with character offsets into the article text.

>>> [s.text for s in split_sentences("Gen. Lee met Mr. Tan. They signed.")]
['Gen. Lee met Mr. Tan.', 'They signed.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["TOKEN_RE", "Sentence", "split_sentences", "tokens"]

#: a word (letters, digits, underscore) or one other non-space character
TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# A full stop after one of these does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cdr adm brig sgt cpl pte st no nos inc ltd co corp jr sr "
    "hon eng ing rev vs etc approx dept govt mt fig est ret retd sen rep gov pres u.s u.k e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec mk".split()
)
_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the article."""

    text: str
    start: int
    end: int
    index: int


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    j = dot
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
        j -= 1
    word = line[j:dot].casefold()
    if word in _ABBREVIATIONS:
        return True
    # an initial ("John A. Smith") or a dotted acronym ("U.S.")
    return (len(word) == 1 and word.isalpha()) or ("." in word and len(word) <= 5)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; a line break always ends one."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        cuts = [0]
        for m in _END_RE.finditer(line):
            if not _is_abbreviation(line, m.start()):
                cuts.append(m.end())
        cuts.append(len(line))
        for a, b in pairwise(cuts):
            chunk = line[a:b]
            stripped = chunk.strip()
            if stripped:
                s = pos + a + (len(chunk) - len(chunk.lstrip()))
                out.append(Sentence(stripped, s, s + len(stripped), len(out)))
        pos += len(line) + 1
    return out


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, token) for every token of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
