"""Pattern families of the extractor, each on sentences written for the test."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.extract.amounts import find_money, find_quantities
from graph.extract.dates import find_dates, reference
from graph.extract.ordinals import find_ordinals
from graph.extract.text import split_sentences
from graph.models import ArticleFacts


def _facts(text: str, date: str = "2025-09-22") -> ArticleFacts:
    return extract(Article(text, "t.txt", date=date))


def _rels(facts: ArticleFacts, predicate: str) -> list[tuple[str, object, dict]]:
    return [(r.subject, r.object, r.qualifiers) for r in facts.relations if r.predicate == predicate]


# -- dates
@pytest.mark.parametrize(("text", "expected"), [
    ("approval is expected by October", "2025-10"),
    ("the deal was signed on Monday", "2025-09-22"),
    ("signed last Tuesday", "2025-09-16"),
    ("the talks held last year", "2024"),
    ("tests due next month", "2025-10"),
    ("delivery in Q4 2028", "2028-Q4"),
    ("handed over in the second half of 2027", "2027"),
    ("signed in Cairo on 12 May", "2025-05-12"),
    ("from 3 March 2024", "2024-03-03"),
    ("in the first quarter of 2026", "2026-Q1"),
])
def test_date_expressions_resolve_against_the_article_date(text: str, expected: str) -> None:
    assert next(d.value for d in find_dates(text, reference("2025-09-22"))) == expected


def test_a_bare_month_after_by_lies_ahead_and_after_in_lies_behind() -> None:
    ref = reference("2025-09-22")
    assert find_dates("to be approved by March", ref)[0].value == "2026-03"
    assert find_dates("the sale was approved in March", ref)[0].value == "2025-03"


# -- money and quantities
@pytest.mark.parametrize(("text", "values"), [
    ("worth RM3.2 billion", ["3200000000 MYR"]),
    ("a US$920 million deal", ["920000000 USD"]),
    ("CZK 3.5 billion (€140 million)", ["3500000000 CZK", "140000000 EUR"]),
    ("£1.2bn", ["1200000000 GBP"]),
    ("1.5 trillion won", ["1500000000000 KRW"]),
    ("USD 45 million", ["45000000 USD"]),
])
def test_money_is_written_as_a_full_integer_and_iso_code_in_text_order(text: str, values: list[str]) -> None:
    assert [m.value for m in find_money(text)] == values


def test_hedged_amounts_and_counts_carry_approximate_and_lower_bound() -> None:
    assert find_money("about US$212 million")[0].approximate
    qs = find_quantities("approximately 150 guests and more than 20 firms and at least twelve drones")
    assert [(q.value, q.approximate, q.lower_bound) for q in qs] == [(150, True, False), (20, False, True),
                                                                     (12, False, True)]


# -- sentences
def test_abbreviated_titles_do_not_end_a_sentence_and_offsets_point_into_the_text() -> None:
    text = "Lt. Gen. Ahmad met Dr. Lim in Kuala Lumpur. The U.S. team left.\nA new line."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Lt. Gen. Ahmad met Dr. Lim in Kuala Lumpur.", "The U.S. team left.",
                                       "A new line."]
    assert all(text[s.start:s.end] == s.text for s in sents)


# -- countries, demonyms and capitals
def test_demonyms_and_metonymic_capitals_resolve_to_their_country() -> None:
    facts = _facts("Seoul said a Malaysian delegation would visit. Talks in Ankara went well.")
    malaysia, korea = facts.entity("Malaysia"), facts.entity("South Korea")
    assert malaysia is not None and "Malaysian" in malaysia.aliases
    assert korea is not None and "Seoul" in korea.aliases
    assert facts.entity("Turkiye") is None  # "in Ankara" is a place, not the state acting


# -- organisations
def test_a_defined_acronym_names_an_organisation_and_its_later_uses_are_aliases() -> None:
    facts = _facts("Kestrel Marine Engineering (KME) won the bid. KME will start work soon.")
    kme = facts.entity("Kestrel Marine Engineering")
    assert kme is not None and kme.type == "Company" and "KME" in kme.aliases


def test_a_ministry_is_named_with_the_country_that_qualifies_it() -> None:
    facts = _facts("Vietnam's Ministry of National Defence hosted the talks with the Czech Ministry of Defence.")
    assert facts.entity("Ministry of National Defence (Vietnam)") is not None
    assert facts.entity("Ministry of Defence (Czech Republic)") is not None
    assert ("Ministry of National Defence (Vietnam)", "Vietnam", {}) in _rels(facts, "part_of")


def test_armed_forces_by_country_word_are_part_of_their_country() -> None:
    facts = _facts("The Egyptian Navy and the Royal Malaysian Air Force took part.")
    parts = {(s, o) for s, o, _ in _rels(facts, "part_of")}
    assert {("Egyptian Navy", "Egypt"), ("Royal Malaysian Air Force", "Malaysia")} <= parts


def test_known_companies_are_found_by_alias_and_placed_by_a_possessive_country() -> None:
    facts = _facts("Germany's Rheinmetall and KAI signed an agreement.")
    assert facts.entity("Korea Aerospace Industries") is not None
    assert ("Rheinmetall", "Germany", {}) in _rels(facts, "located_in")


# -- platforms
def test_platform_designations_and_named_classes_are_platforms() -> None:
    facts = _facts("The navy flies FA-50 jets, fields K9 howitzers and buys two Maharaja Lela-class frigates.")
    for name in ("FA-50", "K9", "Maharaja Lela-class frigate"):
        e = facts.entity(name)
        assert e is not None and e.type == "Platform", name
    assert facts.entity("G2G") is None


def test_a_variant_whose_name_extends_its_base_is_derived_from_it() -> None:
    facts = _facts("The Zeta A-100 design led to the Zeta A-100EN frigates.")
    assert ("Zeta A-100EN", "Zeta A-100", {}) in _rels(facts, "derived_from")


# -- events
def test_named_events_keep_their_edition_and_keynote_speakers() -> None:
    facts = _facts("Defence Minister Datuk Seri Ahmad Tan Kok gave the keynote address at the "
                   "Fifth Borneo Defence Industry Seminar.")
    ev = facts.entity("Fifth Borneo Defence Industry Seminar")
    assert ev is not None and ev.type == "Event" and ev.attributes["edition"] == 5
    assert ("Ahmad Tan Kok", "Fifth Borneo Defence Industry Seminar", {"role": "keynote address"}) in _rels(
        facts, "speaker_at")


def test_shows_are_named_with_their_year_and_count_their_visitors() -> None:
    facts = _facts("DSA 2026 closed with more than 1,200 exhibitors.", date="2026-04-24")
    assert ("DSA 2026", 1200, {"unit": "exhibitors", "lower_bound": True}) in _rels(facts, "has_participant_count")


# -- persons
def test_persons_lose_honorifics_and_ranks_but_keep_them_as_aliases_and_attributes() -> None:
    facts = _facts("KUALA LUMPUR: Defence Minister Datuk Seri Ahmad Tan Kok spoke. Ahmad Tan said he was pleased. "
                   "Major General Lim Boon Keat, Commander of the Royal Malaysian Air Force, agreed.")
    ahmad = facts.entity("Ahmad Tan Kok")
    assert ahmad is not None and "Datuk Seri Ahmad Tan Kok" in ahmad.aliases and "Ahmad Tan" in ahmad.aliases
    assert ahmad.attributes["honorific"] == "Datuk Seri"
    roles = _rels(facts, "holds_role")
    assert ("Ahmad Tan Kok", "Defence Minister", {"organisation": "Malaysia"}) in roles
    assert ("Lim Boon Keat", "Commander", {"organisation": "Royal Malaysian Air Force"}) in roles


# -- agreements
def test_a_signed_contract_gets_parties_roles_value_scope_and_supplier() -> None:
    facts = _facts("Malaysia signed a US$920 million contract with Korea Aerospace Industries for 18 FA-50 jets "
                   "on Monday.")
    agreements = [e for e in facts.entities if e.type == "Agreement"]
    assert len(agreements) == 1
    agr = agreements[0].name
    parties = {(s, q.get("role")) for s, o, q in _rels(facts, "party_to") if o == agr}
    assert parties == {("Malaysia", "buyer"), ("Korea Aerospace Industries", "supplier")}
    assert (agr, "920000000 USD", {}) in _rels(facts, "has_value")
    assert (agr, "FA-50", {"quantity": 18, "value": ["920000000 USD"]}) in _rels(facts, "covers")
    supplies = _rels(facts, "supplies")
    assert supplies and supplies[0][2]["buyer"] == "Malaysia" and supplies[0][2]["date"] == "2025-09-22"


def test_a_later_definite_mention_adds_status_to_the_same_agreement() -> None:
    facts = _facts("Egypt placed an order with Zorvex Works for two MEKO A-200 frigates. "
                   "The contract was signed in Cairo on 12 May.")
    agreements = [e for e in facts.entities if e.type == "Agreement"]
    assert len(agreements) == 1
    statuses = {o: q for s, o, q in _rels(facts, "has_status")}
    assert statuses["signed"]["date"] == "2025-05-12"


def test_an_expected_agreement_has_an_expected_date_and_the_approving_body() -> None:
    facts = _facts("Malaysia is accelerating a procurement agreement with South Korea, expected for Cabinet "
                   "approval by October.")
    statuses = _rels(facts, "has_status")
    assert any(q.get("expected_date") == "2025-10" for _, _, q in statuses)
    assert facts.entity("Cabinet (Malaysia)") is not None


def test_signatories_and_witnesses_are_told_apart() -> None:
    facts = _facts("The contract was signed by Mr. Adam Lee and Ms. Nora Aziz in the presence of "
                   "Defence Minister Datuk Seri Ahmad Tan Kok.")
    assert {s for s, _, _ in _rels(facts, "signed")} == {"Adam Lee", "Nora Aziz"}
    assert {s for s, _, _ in _rels(facts, "witnessed")} == {"Ahmad Tan Kok"}


# -- ordinals
def test_ordinal_claims_give_rank_scope_and_predecessors() -> None:
    o = find_ordinals("Chile became the third country after Peru and Brazil to order the jet.")[0]
    assert (o.ordinal, o.after_text, o.verb) == (3, "Peru and Brazil", "order")


def test_an_ordinal_lands_on_the_party_to_of_the_ranked_country() -> None:
    facts = _facts("Malaysia signed a procurement agreement with South Korea. "
                   "South Korea is the second country after Turkiye to formalise such an arrangement with Malaysia.")
    ranked = [q for s, _, q in _rels(facts, "party_to") if s == "South Korea" and "ordinal" in q]
    assert ranked and ranked[0]["ordinal"] == 2 and ranked[0]["after"] == ["Turkiye"]


# -- cooperation areas, partnerships
def test_cooperation_areas_attach_to_the_agreement_that_covers_them() -> None:
    facts = _facts("India signed a contract with Zorvex Works for four K9 howitzers. "
                   "The package also covers crew training and technology transfer.")
    areas = {o for s, o, _ in _rels(facts, "has_cooperation_area")}
    assert {"crew training", "technology transfer"} <= areas


def test_a_partnership_between_two_states_keeps_its_level_and_status() -> None:
    facts = _facts("Malaysia will elevate its defence relationship with South Korea to a strategic partnership.")
    (s, o, q), = _rels(facts, "partner_of")
    assert {s, o} == {"Malaysia", "South Korea"} and q["status"] == "planned" and "strategic" in q["level"]


def test_a_day_the_calendar_does_not_have_is_no_date_and_the_article_still_extracts() -> None:
    assert [d.value for d in find_dates("talks on 30 February 2025 and 29 February 2024", reference("2025-03-01"))] \
        == ["2024-02-29"]
    facts = extract(Article("Norway signed a contract with Chile on 31 April 2025 for two radars.", "x",
                            date="2025-05-02"))
    assert facts.entity("Norway") is not None
