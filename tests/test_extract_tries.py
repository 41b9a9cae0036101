"""The trie-shaped alternations match exactly what the flat alternations they replace match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.patterns import branches_regex, words_regex

# few letters, so that words share prefixes, are prefixes of each other and repeat
WORD = st.text(alphabet="abAB. é", min_size=0, max_size=4)
TEXT = st.text(alphabet="abAB. éx", max_size=12)
TAIL = st.sampled_from(["", "x", r"\s*", "(?:b|a)", "b|x", "(?!a)"])


def _same_everywhere(flat: re.Pattern[str], trie: re.Pattern[str], text: str) -> None:
    for pos in range(len(text) + 1):
        a, b = flat.match(text, pos), trie.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


@settings(max_examples=300)
@given(st.lists(WORD, max_size=8), TEXT, st.booleans())
def test_a_word_trie_matches_the_same_span_as_the_flat_alternation_at_every_position(
        words: list[str], text: str, ignorecase: bool) -> None:
    flags = re.I if ignorecase else 0
    flat = re.compile("(?:" + "|".join(map(re.escape, words)) + ")", flags)
    _same_everywhere(flat, re.compile(words_regex(words, ignorecase=ignorecase), flags), text)


@settings(max_examples=300)
@given(st.lists(st.tuples(WORD, TAIL), max_size=8), TEXT, st.booleans())
def test_branches_with_tails_match_the_same_span_as_the_flat_alternation(
        branches: list[tuple[str, str]], text: str, ignorecase: bool) -> None:
    flags = re.I if ignorecase else 0
    flat = re.compile("(?:" + "|".join(re.escape(w) + f"(?:{t})" for w, t in branches) + ")", flags)
    _same_everywhere(flat, re.compile(branches_regex(branches, ignorecase=ignorecase), flags), text)


def test_a_longer_word_listed_first_is_preferred_as_in_the_flat_alternation() -> None:
    assert re.match(words_regex(["Datuk Seri", "Datuk"]), "Datuk Seri Anwar").group() == "Datuk Seri"
    assert re.match(words_regex(["Datuk", "Datuk Seri"]), "Datuk Seri Anwar").group() == "Datuk"
