"""The extractor's fast scans find exactly what the plain patterns find at every position.

Each recogniser tries its pattern only where a match can begin (after a digit, a
currency symbol, a month name...). These tests compare it with the straightforward scan
— the same pattern tried at every offset — on texts made of the words that matter to
it, spaced and glued in every way, with other scripts' digits and letters.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import amounts, dates, events, load_gazetteers
from graph.extract.gazetteer import Entry, Gazetteers
from graph.extract.mentions import Mention, resolve_overlaps
from graph.extract.spans import Spans

PIECES = st.sampled_from([
    " ", " ", "  ", "\n", "\t", "\u00a0", ",", ".", "-", "(", ")", "'", "$", "x", "é", "٣", "Rs", "Rs.", "RM", "RMB",
    "US$", "S$", "AU$", "€", "£", "USD", "EUR", "MYR", "SGD", "won", "euros", "million", "bn", "m", "k", "billion",
    "about", "approx.", "approx", "up to", "more than", "an estimated", "estimated at", "some", "over", "Over", "ABOUT",
    "0", "1", "2", "3", "12", "2025", "1,200", "3.5", "450", "0001", "one", "Four", "twelve", "TWENTY", "dozen",
    "hundred", "thousand", "January", "Jan", "JAN", "jan.", "March", "May", "sept", "Sept.", "Q3", "q3", "first",
    "Second", "quarter", "half", "of", "the", "The", "THE", "mid", "mid-", "late", "latter", "early", "end", "last",
    "next", "this", "year", "month", "week", "Monday", "friday", "today", "Yesterday", "tomorrow", "1st", "2nd", "4th",
    "km", "units", "platform", "Trojan", "whether", "Defence", "Seminar", "Summit", "Air Show", "Airshow", "Expo",
    "Talks", "15th", "India-Vietnam", "Policy", "Dialogue", "and", "&", "DSA", "Eurosatory", "Paris Air Show", "ILA",
    "Berlin", "’s", ";", ":", "“", "Week", "Drill", "Games", "on", "for",
])
PHRASES = st.sampled_from([
    "1st quarter of 2025", "Q3 2026", "the first half of 2027", "the latter half of 2026", "5 March 2025",
    "March 5, 2025", "March 2025", "in March", "by October", "mid-2020s", "the mid-2030s", "last year",
    "earlier this month", "later this week", "early next year", "today", "next Monday", "last Friday", "12 May",
    "May 12", "end of 2028", "second quarter 2024", "in 2031", "2025 units", "US$1.34 billion", "about RM3.2bn",
    "CZK 3.5 billion", "12 million euros", "Rs. 500 crore", "€140 million", "up to S$ 40m", "roughly 3 USD",
    "worth about US$212 million (RM1 billion)", "more than 2,100 exhibitors", "at least 12", "four ships",
    "about 150", "some 3 thousand", "up to two dozen", "an estimated 40", "٣ March 2025",
    "the Paris Air Show 2025", "Seoul ADEX 2025", "Shangri-La Dialogue", "15th India-Vietnam Defence Policy Dialogue",
    "Defence & Security Seminar", "Asia’s Defence Week", "Land Forces' Expo", "DSA 2026", "IDEF'25", "LIMA25",
])
SEPARATORS = st.sampled_from(["", " ", " ", "  ", "\n", ", ", ". ", "-", " (", ") "])
TEXTS = st.lists(st.tuples(st.one_of(PIECES, PHRASES), SEPARATORS), max_size=20).map(
    lambda parts: "".join(p + sep for p, sep in parts))
REF = dt.date(2025, 9, 22)


# the plain date scan: an anchor at every digit and at the listed word beginnings, all
# patterns tried there in order
_DATE_ANCHOR = re.compile(
    r"\d|\b(?:[JFMASONDjfmasond][a-z]{2}|[Tt]ue|[Ww]ed|[Tt]hu|[Ll]a[st]|[Nn]ext|[Tt]his|[Tt]he|[Ee]arl|[Mm]id|"
    r"[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[1-4](?:st|nd|rd|th)|[Yy]est|[Tt]od|[Tt]om|Q[1-4]|[Ee]nd|[Ll]ate)")
_ALL_DATES = re.compile("|".join(f"(?P<p{i}>{p.replace('(?P<', f'(?P<g{i}_')})"
                                 for i, (p, _, _) in enumerate(dates._PATTERNS)), re.I)


def _plain_date_spans(text: str) -> list[tuple[int, int, int]]:
    out, pos = [], 0
    for a in _DATE_ANCHOR.finditer(text):
        if a.start() < pos:
            continue
        m = _ALL_DATES.match(text, a.start())
        if m and m.group():
            pos = m.end()
            out.append((m.start(), m.end(), int(m.lastgroup[1:])))  # type: ignore[index]
    return out


def _date_spans(text: str) -> list[tuple[int, int, int]]:
    out, pos = [], 0
    for a in dates._anchors(text):
        if a < pos:
            continue
        m = (dates._AT_DIGIT if text[a].isdecimal() else dates._AT_WORD).match(text, a)
        if m and m.group():
            pos = m.end()
            out.append((m.start(), m.end(), int(m.lastgroup[1:])))  # type: ignore[index]
    return out


@settings(max_examples=400)
@given(TEXTS)
def test_dates_are_matched_where_trying_every_pattern_at_every_anchor_matches_them(text: str) -> None:
    assert _date_spans(text) == _plain_date_spans(text)
    assert _date_spans(text + "é") == _plain_date_spans(text + "é")  # the path for other scripts


@settings(max_examples=400)
@given(TEXTS)
def test_money_is_matched_where_scanning_every_offset_matches_it(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in amounts._money_matches(text)]
    assert found == [(m.span(), m.groupdict()) for m in amounts._MONEY_RE.finditer(text)]


_NUMBER = re.compile(r"(?i:\b(?:\d|" + "|".join(sorted((w for w in amounts.NUMBER_WORDS if " " not in w), key=len,
                                                       reverse=True)) + r")\b)|\d")


def _plain_quantities(text: str) -> list[tuple[int, int, int]]:
    out, pos = [], 0
    for anchor in _NUMBER.finditer(text):
        if anchor.start() < pos:
            continue
        hedge = amounts._HEDGE_BEFORE_RE.search(text, max(0, anchor.start() - 24), anchor.start())
        m = amounts._QTY_RE.match(text, hedge.start() if hedge else anchor.start())
        if m is not None:
            pos = m.end()
            out.append((m.start(), m.end(), m.start("n")))
    return out


@settings(max_examples=400)
@given(TEXTS)
def test_quantities_are_matched_where_every_number_and_a_hedge_before_it_match(text: str) -> None:
    found = [(m.start(), m.end(), m.start("n")) for m in amounts._quantity_matches(text)]
    assert found == _plain_quantities(text)


@settings(max_examples=400)
@given(TEXTS)
def test_event_names_are_matched_where_scanning_the_whole_text_matches_them(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in events._named(text)]
    assert found == [(m.span(), m.groupdict()) for m in events._NAMED_RE.finditer(text)]


GAZ = load_gazetteers()
GAZ_WORDS = st.sampled_from([
    " ", "  ", "\n", ",", ".", "-", "(", ")", "_", "é", "3", "'s", "South", "Korea", "South Korea", "Korean",
    "Hanwha", "Aerospace", "Hanwha Aerospace", "KAI", "KAIST", "Korea Aerospace Industries", "AFP", "thyssenkrupp",
    "TKMS", "Royal Malaysian Navy", "Malaysia", "Kuala Lumpur", "Seoul", "Poland", "Polish", "FA-50", "K9", "Thunder",
    "Turkiye", "Türkiye", "Naval Group", "Navy", "air defence", "Air defence", "cyber", "training", "co-production",
])


@settings(max_examples=400)
@given(st.lists(st.tuples(GAZ_WORDS, st.sampled_from(["", " ", "-", "_", "."])), max_size=15).map(
    lambda parts: "".join(w + sep for w, sep in parts)))
def test_known_names_are_found_where_scanning_every_token_finds_them(text: str) -> None:
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    for table in (GAZ._first, GAZ._topic_first):
        assert GAZ._scan(text, None, table) == GAZ._scan(text, tokens, table)


def test_a_name_added_after_a_search_is_found_by_the_next_search() -> None:
    g = Gazetteers()
    g.add("Acme", Entry("Acme", "Company"))
    g.finish()
    assert [m.surface for m in g.match("(Acme Rockets) and Acme")] == ["Acme", "Acme"]
    g.add("(Acme Rockets)", Entry("Acme Rockets", "Company"))
    assert [m.entry.name for m in g.match("(Acme Rockets) and Acme")] == ["Acme Rockets", "Acme"]


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=12)


@settings(max_examples=300)
@given(SPANS, st.integers(-1, 32))
def test_an_offset_is_covered_when_some_span_holds_it(spans: list[tuple[int, int]], offset: int) -> None:
    assert Spans(spans).covers(offset) == any(s <= offset < e for s, e in spans)


def _plain_resolve(mentions: list[Mention]) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    kept = []
    for m in sorted(mentions, key=lambda m: (-m.priority, -(m.end - m.start), m.start)):
        if not any(m.start < e and s < m.end for s, e in taken):
            taken.append((m.start, m.end))
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8), st.integers(0, 3)), max_size=15))
def test_overlapping_mentions_are_resolved_as_by_checking_every_kept_one(rows: list[tuple[int, int, int]]) -> None:
    mentions = [Mention(start, start + length, "x", f"m{i}", "Company", priority)
                for i, (start, length, priority) in enumerate(rows)]
    assert [m.name for m in resolve_overlaps(mentions)] == [m.name for m in _plain_resolve(mentions)]
