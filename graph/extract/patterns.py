r"""Alternations of literal words written as tries, so that ``re`` scans them fast.

``re`` tries the branches of ``(?:Datuk|Dato|Tan Sri|...)`` one after another at every
position of the text. Grouped by first character (``(?:Dat(?:uk|o)|Tan Sri|...)``) it
tries one branch per distinct first character instead; and a pattern that *begins*
with such a group of literals gets a first-character set, with which ``re`` skips
every position where no branch can start.

The trie matches exactly what the flat alternation matches and prefers the same branch:
branches that begin with different characters can never both match at one position, so
only their relative order is given up, and an exhausted branch (a word that is a prefix
of a later one) keeps its place.

>>> print(words_regex(["Datuk Seri", "Datuk", "Dato", "Tan Sri"]))
(?:Dat(?:uk(?:\ Seri|)|o)|Tan\ Sri)
>>> import re
>>> re.compile(words_regex(["Datuk Seri", "Datuk"])).match("Datuk Seri Anwar").group()
'Datuk Seri'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["branches_regex", "words_regex"]


def _key(c: str, fold: bool) -> str | None:
    """The character a branch is grouped by, or None for one that must keep its place."""
    if not fold:
        return c
    # re.I folds a few other letters onto ASCII ones ("K" for the Kelvin sign): group only ASCII
    return c.casefold() if c.isascii() else None


def _common(words: list[str], fold: bool) -> int:
    n = min(len(w) for w in words)
    i = 1
    while i < n:
        k = _key(words[0][i], fold)
        if k is None or any(_key(w[i], fold) != k for w in words):
            break
        i += 1
    return i


def _trie(branches: list[tuple[str, str]], fold: bool) -> str:
    out: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for word, tail in run:
            groups.setdefault(_key(word[0], fold) or "", []).append((word, tail))
        for group in groups.values():
            if len(group) == 1:
                word, tail = group[0]
                out.append(re.escape(word) + tail)
            else:
                n = _common([w for w, _ in group], fold)
                out.append(re.escape(group[0][0][:n]) + _trie([(w[n:], t) for w, t in group], fold))
        run.clear()

    for word, tail in branches:
        if word and _key(word[0], fold) is not None:
            run.append((word, tail))
        else:  # a word used up may match wherever a later branch does: nothing moves past it
            flush()
            out.append(re.escape(word) + tail)
    flush()
    return "(?:" + "|".join(out) + ")"


def branches_regex(branches: Iterable[tuple[str, str]], *, ignorecase: bool = False) -> str:
    r"""Return ``(?:W1T1|W2T2|...)`` for (literal word, regex tail) pairs, as a trie of the words.

    Give ``ignorecase=True`` when the pattern is compiled with ``re.I``. A tail with a
    ``|`` of its own is put in a group.

    >>> print(branches_regex([("Lt", r"\.?\s+"), ("Lord", r"\s+")]))
    (?:L(?:t\.?\s+|ord\s+))
    """
    return _trie([(w, f"(?:{t})" if "|" in t else t) for w, t in branches], ignorecase)


def words_regex(words: Iterable[str], *, ignorecase: bool = False) -> str:
    """Return a regex matching what ``"|".join(map(re.escape, words))`` matches, as a trie."""
    return branches_regex(((w, "") for w in words), ignorecase=ignorecase)
