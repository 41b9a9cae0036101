"""The trie-shaped alternations match exactly what the flat alternations they replace match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.patterns import (
    at_boundary,
    branches_regex,
    caseless_branches_regex,
    find_word,
    find_words,
    is_word,
    words_regex,
)

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


@settings(max_examples=300)
@given(st.lists(WORD.filter(lambda w: w[:1].isalnum()), min_size=1, max_size=8), TEXT)
def test_words_after_a_boundary_match_where_the_flat_alternation_after_a_boundary_matches(
        words: list[str], text: str) -> None:
    flat = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")")
    _same_everywhere(flat, re.compile(words_regex(words, word_start=True)), text)


CASE_WORD = st.text(alphabet="aiksAIKS-", min_size=1, max_size=4).filter(lambda w: w[0] != "-")
CASE_TEXT = st.text(alphabet="aiksAIKS- \u0130\u0131\u017f\u212ax", max_size=12)


@settings(max_examples=300)
@given(st.lists(st.tuples(CASE_WORD, TAIL), min_size=1, max_size=8), CASE_TEXT, st.booleans())
def test_caseless_branches_match_where_the_flat_alternation_ignoring_case_matches(
        branches: list[tuple[str, str]], text: str, word_start: bool) -> None:
    flat = re.compile(("\\b" if word_start else "") + "(?:" + "|".join(re.escape(w) + f"(?:{t})" for w, t in branches)
                      + ")", re.I)
    _same_everywhere(flat, re.compile(caseless_branches_regex(branches, word_start=word_start)), text)


def test_a_longer_word_listed_first_is_preferred_as_in_the_flat_alternation() -> None:
    assert re.match(words_regex(["Datuk Seri", "Datuk"]), "Datuk Seri Anwar").group() == "Datuk Seri"
    assert re.match(words_regex(["Datuk", "Datuk Seri"]), "Datuk Seri Anwar").group() == "Datuk"


NAMEISH = st.text(alphabet="ab-'’ é_", min_size=1, max_size=4)
NAMEISH_TEXT = st.text(alphabet="ab-'’ é_.x", max_size=16)


@settings(max_examples=300)
@given(st.lists(NAMEISH, max_size=6), NAMEISH_TEXT)
def test_words_found_without_a_pattern_are_those_the_pattern_finds(words: list[str], text: str) -> None:
    alternation = "|".join(map(re.escape, words))
    for pattern, fits in (
            (rf"\b({alternation})\b", lambda s, e: at_boundary(text, s) and at_boundary(text, e)),
            (rf"(?<![\w'’-])({alternation})(?![\w-])",
             lambda s, e: not (is_word(text, s - 1) or (s and text[s - 1] in "'’-") or is_word(text, e)
                               or (e < len(text) and text[e] == "-")))):
        expected = [(m.start(), m.end(), m.group(1)) for m in re.finditer(pattern, text)] if words else []
        assert find_words(text, words, fits) == expected


@settings(max_examples=300)
@given(NAMEISH, NAMEISH_TEXT)
def test_a_word_is_found_where_the_pattern_finds_it_first(word: str, text: str) -> None:
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    assert find_word(text, word) == (m.start() if m else -1)
