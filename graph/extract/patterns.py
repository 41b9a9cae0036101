r"""Alternations of literal words: written as tries, so that ``re`` scans them fast, or
searched for without a pattern at all.

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

Words known only while an article is read (its acronyms, its persons' surnames) are
looked for with :func:`find_words` instead: compiling a pattern costs more than the
search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

__all__ = ["at_boundary", "branches_regex", "caseless_branches_regex", "find_word", "find_words", "is_word",
           "words_regex"]


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


def _after_boundary(word: str) -> str:
    """What checks, right after ``word`` (which begins with a letter or digit), that ``\\b`` stood before it."""
    if not (word[:1].isalnum() or word[:1] == "_") or "\n" in word:
        raise ValueError(f"{word!r} must begin with a letter or digit and hold no line break")
    return rf"(?<!\w{'.' * len(word)})"


def branches_regex(branches: Iterable[tuple[str, str]], *, ignorecase: bool = False, word_start: bool = False) -> str:
    r"""Return ``(?:W1T1|W2T2|...)`` for (literal word, regex tail) pairs, as a trie of the words.

    Give ``ignorecase=True`` when the pattern is compiled with ``re.I``. A tail with a
    ``|`` of its own is put in a group. ``word_start=True`` stands for ``\b`` before the
    words, checked behind each so that the trie still begins the pattern.

    >>> print(branches_regex([("Lt", r"\.?\s+"), ("Lord", r"\s+")]))
    (?:L(?:t\.?\s+|ord\s+))
    """
    return _trie([(w, (_after_boundary(w) if word_start else "") + (f"(?:{t})" if "|" in t else t))
                  for w, t in branches], ignorecase)


def _case_variants(c: str) -> list[str]:
    """The characters ``re.I`` matches to the ASCII character ``c`` (four other letters fold onto i, k and s)."""
    if not c.isascii():
        raise ValueError(f"{c!r}: only ASCII first letters are spelled out")
    return [v for v in dict.fromkeys((c, c.lower(), c.upper(), "\u0130", "\u0131", "\u017f", "\u212a"))
            if re.fullmatch(re.escape(c), v, re.I)]


def caseless_branches_regex(branches: Iterable[tuple[str, str]], *, word_start: bool = False) -> str:
    r"""Return what ``(?i:W1T1|W2T2|...)`` matches, for a pattern compiled without ``re.I``.

    Under ``re.I`` a pattern gets no set of first characters to skip by; here each word's
    first letter is spelled out in every character ``re.I`` takes for it, and only the
    rest ignores case, so the pattern begins with literals again.

    >>> print(caseless_branches_regex([("at", r"\s+")]))
    (?:a(?i:(?:t\s+))|A(?i:(?:t\s+)))
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    for word, tail in branches:
        tail = (_after_boundary(word) if word_start else "") + (f"(?:{tail})" if "|" in tail else tail)
        for variant in _case_variants(word[0]):
            groups.setdefault(variant, []).append((word[1:], tail))
    return "(?:" + "|".join(f"{re.escape(v)}(?i:{_trie(rest, True)})" for v, rest in groups.items()) + ")"


def words_regex(words: Iterable[str], *, ignorecase: bool = False, word_start: bool = False) -> str:
    """Return a regex matching what ``"|".join(map(re.escape, words))`` matches, as a trie."""
    return branches_regex(((w, "") for w in words), ignorecase=ignorecase, word_start=word_start)


def is_word(text: str, i: int) -> bool:
    r"""Tell whether ``text[i]`` is a character ``\w`` matches (False outside the text)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def at_boundary(text: str, i: int) -> bool:
    r"""Tell whether ``\b`` matches at offset ``i`` of ``text``."""
    return is_word(text, i - 1) != is_word(text, i)


def find_word(text: str, word: str) -> int:
    r"""Return where ``(?<!\w)WORD(?!\w)`` first matches in ``text``, or -1.

    >>> find_word("the FA-50A and FA-50", "FA-50")
    15
    """
    at = text.find(word)
    while at >= 0 and (is_word(text, at - 1) or is_word(text, at + len(word))):
        at = text.find(word, at + 1)
    return at


def find_words(text: str, words: Sequence[str], fits: Callable[[int, int], bool]) -> list[tuple[int, int, str]]:
    r"""Return (start, end, word) for what ``re.finditer`` finds with the pattern ``(W1|W2|...)``.

    ``words`` are literal, not empty, and tried in the order given; ``fits(start, end)`` stands for
    the look-arounds and boundaries around the group: a word that does not fit where it
    occurs gives way to the next. Matches do not overlap, as with ``re``.

    >>> find_words("KAI and KAIST", ["KAIST", "KAI"], lambda s, e: at_boundary("KAI and KAIST", e))
    [(0, 3, 'KAI'), (8, 13, 'KAIST')]
    """
    at: dict[int, list[str]] = {}
    for word in words:
        i = text.find(word)
        while i >= 0:
            at.setdefault(i, []).append(word)
            i = text.find(word, i + 1)
    out = []
    end = 0
    for start in sorted(at):
        if start < end:
            continue
        for word in at[start]:
            if fits(start, start + len(word)):
                end = start + len(word)
                out.append((start, end, word))
                break
    return out
