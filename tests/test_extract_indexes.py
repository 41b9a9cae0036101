"""The extractor's per-article indexes answer exactly as the plain scans they replace.

Rules ask, sentence after sentence, for the dates, amounts and mentions inside it, and
agreements are numbered against the names taken so far. Scanning every item for each
question made long articles quadratic; the indexes must not change a single answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.articles import Article
from graph.extract import extract
from graph.extract.agreements import AgreementState, _unique_name
from graph.extract.document import Document
from graph.extract.gazetteer import Entry, Gazetteers
from graph.extract.mentions import Mention
from graph.extract.text import Sentence, split_sentences

PIECES = st.sampled_from(["Malaysia signed.", "It did.", "Gen. Lee met Mr. Tan.", "  ", "\n", "Then 12 ships.", "x"])
TEXTS = st.lists(PIECES, min_size=1, max_size=8).map(" ".join)
SPANS = st.lists(st.tuples(st.integers(0, 90), st.integers(0, 20)), max_size=12)


@dataclass
class _Item:
    start: int
    end: int


def _plain_in_sentence(s: Sentence, items: list[_Item]) -> list[_Item]:
    return [x for x in items if s.start <= x.start and x.end <= s.end]


@settings(max_examples=300)
@given(TEXTS, SPANS, SPANS)
def test_items_in_a_sentence_are_those_a_scan_of_all_items_finds_even_as_the_list_grows(
        text: str, first: list[tuple[int, int]], later: list[tuple[int, int]]) -> None:
    doc = Document(text, None, split_sentences(text))
    doc.index()
    items = [_Item(start, start + length) for start, length in first]
    for s in doc.sentences:
        assert doc.in_sentence(s, items) == _plain_in_sentence(s, items)
    items += [_Item(start, start + length) for start, length in later]
    for s in doc.sentences:
        assert doc.in_sentence(s, items) == _plain_in_sentence(s, items)
        stranger = Sentence(s.text, s.start, s.end, s.index + 1)  # not one of the document's sentences
        assert doc.in_sentence(stranger, items) == _plain_in_sentence(stranger, items)


@settings(max_examples=300)
@given(SPANS, st.integers(-5, 100), st.integers(-5, 100))
def test_mentions_by_offset_are_those_a_scan_of_all_mentions_finds(
        spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    doc = Document("x" * 120, None, [])
    doc.mentions = [Mention(start, start + length, "x", f"m{i}", "Company") for i, (start, length) in enumerate(spans)]
    doc.index()
    assert doc.mentions_starting(lo, hi) == [m for m in doc.mentions if lo <= m.start < hi]
    assert doc.mentions_ending(lo, hi) == [m for m in doc.mentions if lo <= m.end <= hi]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 90), st.integers(0, 20), st.sampled_from(["Event", "Country"])), max_size=12),
       st.integers(-5, 100))
def test_the_last_mention_of_a_type_before_an_offset_is_the_one_a_backward_scan_finds(
        rows: list[tuple[int, int, str]], offset: int) -> None:
    doc = Document("x" * 120, None, [])
    doc.mentions = [Mention(start, start + length, "x", f"m{i}", type_)
                    for i, (start, length, type_) in enumerate(rows)]
    doc.index()
    plain = next((m for m in reversed(doc.mentions) if m.type == "Event" and m.start < offset), None)
    assert doc.last_before(offset, "Event") is plain


def _plain_names(bases: list[str]) -> list[str]:
    taken: list[str] = []
    for base in bases:
        name, n = base, 2
        while name in taken:
            name, n = f"{base} #{n}", n + 1
        taken.append(name)
    return taken


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["A", "B", "A #2", "A #3", "B #2 #2", "A #2 #2"]), max_size=12))
def test_agreements_are_numbered_as_a_search_from_scratch_numbers_them(bases: list[str]) -> None:
    doc = Document("", None, [])
    agreements: list[AgreementState] = []
    for base in bases:
        agreements.append(AgreementState(_unique_name(doc, agreements, base), "contract", ""))
    assert [a.name for a in agreements] == _plain_names(bases)


def test_the_same_contract_told_again_and_again_is_numbered_in_order() -> None:
    text = "Malaysia signed a contract with Hanwha Aerospace for 18 K9 howitzers. " * 4
    facts = extract(Article(text, "a.txt", date="2025-09-22"))
    base = "Malaysia–Hanwha Aerospace K9 contract (2025)"
    assert [e.name for e in facts.entities if e.type == "Agreement"] == [base, f"{base} #2", f"{base} #3",
                                                                          f"{base} #4"]


def test_a_name_two_things_claim_after_a_search_is_no_longer_found() -> None:
    g = Gazetteers()
    g.add("Acme", Entry("Acme", "Company"))
    g.finish()
    assert [m.entry.name for m in g.match("Acme Rockets")] == ["Acme"]
    g.add("Acme", Entry("Acme Corporation", "Company"))
    assert g.match("Acme Rockets") == []
