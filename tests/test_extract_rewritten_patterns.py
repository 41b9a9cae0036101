"""Every pattern rewritten for speed matches exactly what its plain spelling matches.

The plain spellings below are the patterns as first written (a word alternation after
``\\b``, a look-behind before the first character...); the extractor compiles them as
tries that begin with literals or a character class. Both are run over texts made of
their words, glued and spaced in every way, and must give the same matches and groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract import agreements, anaphora, events, ordinals, orgs, persons, platform_relations, platforms, topics

_ALT = "|".join
_ESC = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
_TITLE = (rf"(?:(?:{_ESC(persons._HONORIFICS)})\s+|(?:{_ESC(persons._RANKS)})"
          r"(?:\s+\((?:retd|Retd|ret\.|Ret\.|rtd)\))?\s+)")
_COMPANY_WORDS = _ALT(w for w in orgs._COMPANY_WORDS if w not in orgs._WEAK_SUFFIXES)

PLAIN: dict[str, tuple[re.Pattern[str], str, int]] = {
    "pair reference": (anaphora.PAIR_REF, r"\b(?:the two|both)\s+(?:sides|countries|nations|governments|states|"
                                          r"ministers|defence ministers)\b", re.I),
    "event reference": (anaphora._EVENT_REF, r"\b(?:the|this|that)\s+(?P<w>seminar|summit|show|exhibition|"
                                             r"dialogue|conference|forum|expo|airshow|symposium|meeting|talks|event|"
                                             r"fair)\b", re.I),
    "discussion": (topics._DISCUSSION,
                   r"\b(?:discussions?|discussed|talks|agenda|sessions?|panels?|topics?|themes?|debated)\b", re.I),
    "status": (agreements._STATUS_RE,
               r"\b(?P<w>(?:is|are|was|were)\s+expected\s+to\s+be\s+signed|to\s+be\s+signed|expected|"
               r"being\s+accelerated|accelerating|signed|inked|sealed|awarded|placed|agreed|approved|concluded|"
               r"finali[sz]ed|formali[sz]ed|ratified|notified|handed\s+over|planned|proposed|under\s+negotiation|"
               r"negotiating|finali[sz]ing)\b", re.I),
    "titled person": (persons._TITLED_RE, rf"(?P<title>{_TITLE}+)(?P<name>{persons._NAME})"
                                          rf"(?P<post>{persons._POSTNOMINALS})", 0),
    "show": (events._SHOW_RE,
             rf"\b(?P<name>(?:{_ESC(events.SHOWS)})(?:\s+(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d)\b)?)\b", 0),
    "company suffix": (orgs._SUFFIX_RE, rf"\b(?:Heavy\s+Industries|Sdn\.?\s+Bhd\.?|{_COMPANY_WORDS})\b\.?", 0),
    "ministry": (orgs._MINISTRY_RE, r"\b(?P<name>(?:Ministry|Department)\s+of\s+(?:the\s+)?(?:National\s+)?[A-Z][a-z]+"
                                    r"(?:\s+(?:and|of|the)\s+(?:the\s+)?[A-Z][a-z]+|\s+[A-Z][a-z]+)*)", 0),
    "short ministry": (orgs._SHORT_MINISTRY_RE, r"\b(?P<name>(?:Defen[cs]e|Foreign|Home|Finance)\s+Ministry|"
                                                r"Ministry\s+of\s+Defen[cs]e|MoD|MINDEF|Mindef|Cabinet)\b", 0),
    "agreement trigger": (agreements._TRIGGER_RE,
                          r"\b(?P<kind>[Mm]emorand(?:um|ums|a) of [Uu]nderstanding|MoUs?|[Ll]etters? of [Ii]ntent|LoI|"
                          r"[Hh]eads of [Aa]greement|[Ll]etter of (?:[Oo]ffer and )?[Aa]cceptance|[Ll]ine of credit|"
                          r"credit line|contracts?|deal|order|agreement|arrangement)\b"
                          r"(?:\s+\((?P<acr>MoUs?|LoI|HoA|LOA)\))?", 0),
    "ordinal": (ordinals._RE, ordinals._RE.pattern.replace(r"the(?<!\w...)", r"\bthe", 1), 0),
    "designation anchor": (platforms._DESIGNATION_ANCHOR_RE, r"(?<![\w/-])(?:[A-Z][A-Za-z]{0,3}-?\d|\d{1,2}x\d)", 0),
    "equipped": (platform_relations._EQUIPPED_RE,
                 r"\b(?:armed|equipped|fitted|outfitted)\s+with\s+(?:the\s+|its\s+|an?\s+)?", 0),
    "role slot": (platform_relations._ROLE_SLOT_RE,
                  r"\b(?:main\s+|primary\s+|principal\s+)?(?:sensor|radar|armament|gun|engine|powerplant|propulsion|"
                  r"(?:area\s+)?air\s+defen[cs]e|missile\s+system|weapon)s?\s+(?:will\s+be|is|are|would\s+be)\s+"
                  r"(?:provided\s+by\s+)?(?:the\s+)?", 0),
}

WORDS = st.sampled_from([
    " ", " ", "  ", "\n", ",", ".", "-", "/", "(", ")", "'", "’", "é", "3", "x", "6x6", "12", "_", "Mr", "Mr.", "Dr",
    "Datuk", "Seri", "Datuk Seri", "Dato'", "Tan Sri", "Lt Gen", "Lt. Gen.", "General", "Gen.", "Admiral", "Vice",
    "Rear Admiral", "(retd)", "Captain", "Lee", "Ahmad bin Hamid", "O'Neil", "Park-Lee", "Kim", "MP", "PhD", "said",
    "told", "added", "Sahid", "DSA", "DSA 2026", "DSEI Japan", "Paris Air Show", "LIMA25", "ILA Berlin", "2025",
    "Hanwha", "Aerospace", "Heavy Industries", "Sdn Bhd", "Sdn. Bhd.", "Industries", "Group", "Co", "Corp", "AG",
    "Defence", "Marine", "Ministry", "Department", "of", "the", "National", "Defense", "Foreign", "Home", "Finance",
    "MoD", "MINDEF", "Mindef", "Cabinet", "Memorandum", "memoranda", "Understanding", "MoU", "MoUs", "(MoU)",
    "Letters", "letter", "Intent", "LoI", "Heads", "Agreement", "Offer and", "Acceptance", "Line", "credit line",
    "contract", "contracts", "deal", "order", "agreement", "arrangement", "first", "second", "country", "customer",
    "to", "after", "Turkiye", "sign", "financed", "FA-50", "K9", "A400M", "KF-21", "TRS-4D", "armed", "equipped",
    "fitted", "outfitted", "with", "its", "an", "main", "primary", "principal", "sensor", "radar", "guns", "area",
    "air", "defence", "missile", "system", "weapons", "will be", "is", "are", "would be", "provided by", "Thales",
    "the two", "both", "sides", "countries", "this", "that", "seminar", "Summit", "talks", "discussion", "agenda",
    "sessions", "panel", "topic", "debated", "expected", "signed", "inked", "finalized", "handed over", "THE",
    "\u0130", "\u0131", "\u017f", "\u212a", "K",
])
PHRASES = st.sampled_from([
    "Defence Minister Datuk Seri Mohamed Khaled Nordin said", "Lt Gen (retd) Ahmad Hamid", "Dr. Lee MP, PhD",
    "Kim Min-jun, the chief executive", "said Park Ji-woo", "Memorandum of Understanding (MoU)",
    "memoranda of understanding", "Memorandums of understanding", "Letters of Intent (LoI)", "letter of intent",
    "Heads of Agreement (HoA)", "Letter of Offer and Acceptance (LOA)", "letter of acceptance", "line of credit",
    "the second country after Turkiye to sign", "the 2nd customer to be financed", "Ministry of National Defence",
    "Department of the Navy and Army", "Defence Ministry", "Ministry of Defense", "Hanwha Ocean Sdn. Bhd.",
    "Samsung Heavy Industries", "Paris Air Show 2025", "DSA 2026", "IDEF25", "armed with the", "fitted with an",
    "main radar will be provided by the", "area air defence systems are", "missile system would be", "6x6",
    "the two sides", "BOTH COUNTRIES", "Both defence ministers", "this Seminar", "The Summit", "THAT TALKS",
    "was expected to be signed", "Is Expected To Be Signed", "to be signed", "FINALISED", "\u017figned",
    "\u0130s expected to be signed", "being accelerated", "Under negotiation", "handed  over", "Discussions",
    "\u212aey talks", "the panels", "themes", "\u0130nked",
])
SEPARATORS = st.sampled_from(["", " ", "  ", "\n", ", ", ". ", "-", "/", "3", "é", "_", "(", ")"])
TEXTS = (st.lists(WORDS, max_size=25).map("".join) | st.lists(WORDS, max_size=25).map(" ".join)
         | st.lists(st.tuples(st.one_of(WORDS, PHRASES), SEPARATORS), max_size=12).map(
             lambda parts: "".join(p + sep for p, sep in parts)))


def _found(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("name", sorted(PLAIN))
@settings(max_examples=300)
@given(text=TEXTS)
def test_a_rewritten_pattern_matches_what_its_plain_spelling_matches(name: str, text: str) -> None:
    fast, plain, flags = PLAIN[name]
    assert _found(fast.finditer(text)) == _found(re.compile(plain, flags).finditer(text))


FORCE_WORDS = st.sampled_from([" ", " ", "\n", ",", "-", "3", "é", "_", "Royal", "The", "Malaysian", "Navy", "Army",
                               "Air Force", "Air", "Force", "Coast Guard", "Armed Forces", "Marine Corps", "Korea",
                               "Republic", "Space", "and", "Special Forces", "Land", "Naval"])


FORCE_PHRASES = st.sampled_from(["Royal Malaysian Navy", "Republic of Korea Navy", "The Navy", "Korea Coast Guard",
                                 "Indonesian Armed Forces", "US Marine Corps", "French Air and Space Force"])


@settings(max_examples=500)
@given(st.lists(st.tuples(st.one_of(FORCE_WORDS, FORCE_PHRASES), SEPARATORS), max_size=10).map(
    lambda parts: "".join(p + sep for p, sep in parts)))
def test_forces_are_matched_where_scanning_the_whole_text_matches_them(text: str) -> None:
    assert _found(orgs._forces(text)) == _found(orgs._FORCE_RE.finditer(text))


NUMBER_WORDS = st.sampled_from([" ", "  ", "\n", ",", "-", "é", "_", "two", "twelve", "ten", "tenth", "three", "12",
                                "3", "x", "eleven", "seven", "٣"])


@settings(max_examples=500)
@given(st.lists(NUMBER_WORDS, max_size=20).map("".join))
def test_counted_platforms_are_tried_where_the_plain_number_anchor_finds_them(text: str) -> None:
    plain = re.compile(rf"\b(?:{platforms._NUMBERS})\s")
    assert platforms._count_anchors(text) == [a.start() for a in plain.finditer(text)]
