"""Rules for articles unlike the development texts, eleventh round: months of acts still to come, states that
agree to cooperate, orders placed by a state with a firm, and orders told in a relative clause.
Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from graph.extract.dates import find_dates, reference

from .test_extract_unseen_rules import _facts, _rels

# a month in a future or conditional clause lies ahead of the article


def test_a_month_after_would_or_could_is_the_next_such_month() -> None:
    ref = reference("2025-10-02")
    found = [(d.value, d.prospective) for d in find_dates("The deal would be concluded in March.", ref)]
    assert found == [("2026-03", True)]
    assert [d.value for d in find_dates("A second batch could follow in May.", ref)] == ["2026-05"]
    # told of the past, the month stays behind the article
    assert [d.value for d in find_dates("The deal was concluded in March.", ref)] == ["2025-03"]


def test_an_agreement_that_would_be_concluded_is_expected_not_concluded() -> None:
    facts = _facts("ATHENS – Greece signed a contract with Naval Group for three FDI frigates on Monday. A follow-on "
                   "agreement on local support would be concluded in January, an official said.", date="2025-10-15")
    follow = [(o, q) for s, o, q in _rels(facts, "has_status") if s.startswith("Follow-on")]
    assert follow == [("expected", {"expected_date": "2026-01"})]


def test_a_memorandum_that_will_be_signed_is_not_yet_signed() -> None:
    facts = _facts("LISBON – Portugal and Brazil agreed to deepen naval ties. A memorandum of understanding on "
                   "shipbuilding will be signed in February, the ministers said.", date="2025-06-20")
    statuses = [(o, q) for s, o, q in _rels(facts, "has_status")]
    assert ("signed", {"date": "2025-02"}) not in statuses
    assert ("expected", {"expected_date": "2026-02"}) in statuses


# two states that agree to cooperate on something are partners in it


def test_two_states_agreeing_to_cooperate_are_partners_with_that_domain() -> None:
    facts = _facts("VILNIUS – Lithuania and Latvia agreed on Tuesday to cooperate on coastal surveillance, the "
                   "ministries said.")
    assert _rels(facts, "partner_of") == [("Lithuania", "Latvia", {"domain": "coastal surveillance",
                                                                  "status": "agreed"})]


def test_states_that_also_agreed_to_cooperate_are_partners_and_each_area_is_named_bare() -> None:
    facts = _facts("ACCRA – Ghana and Nigeria also agreed to cooperate on maritime patrols and on the training of "
                   "naval cadets.")
    assert [(s, o, q.get("domain")) for s, o, q in _rels(facts, "partner_of")] == [
        ("Ghana", "Nigeria", "maritime patrols")]
    areas = [o for s, o, q in _rels(facts, "has_cooperation_area")]
    assert "training of naval cadets" in areas and not any(str(a).startswith("on ") for a in areas)


def test_states_that_merely_meet_are_not_made_partners() -> None:
    facts = _facts("ACCRA – Ghana and Nigeria agreed to meet again in June to discuss maritime patrols.")
    assert _rels(facts, "partner_of") == []


# orders placed by a state with a firm, and the count of the order a sentence completes


def test_an_order_of_a_counted_platform_named_with_its_makers_demonym_is_a_supply() -> None:
    facts = _facts("CAIRO – Egypt ordered 16 Italian M-346 trainers from Leonardo in 2023.")
    assert _rels(facts, "supplies") == [("Leonardo", "M-346", {"buyer": "Egypt", "quantity": 16,
                                                                 "status": "contracted", "date": "2023"})]


def test_completing_an_order_for_a_count_gives_the_order_that_count() -> None:
    facts = _facts("BRASILIA – Brazil ordered four more Gripen E fighters from Saab on Friday, completing an order "
                   "for 40 Gripen E aircraft.")
    assert [q.get("quantity") for s, o, q in _rels(facts, "covers")] == [40]


def test_an_order_for_a_count_of_launchers_covers_the_platform_the_sentence_named() -> None:
    facts = _facts("VILNIUS – Lithuania ordered six NASAMS launchers from Kongsberg this year, completing an order "
                   "for 18 launchers begun in 2022.")
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "covers")] == [("NASAMS", 18)]


# an order told in a relative clause: "the 24 <P> <Buyer> ordered in 2022 in a $X deal"


def test_a_deal_closing_a_buyers_relative_clause_covers_the_counted_platform() -> None:
    facts = _facts("SEOUL – Hanwha Aerospace said the last of the 48 K9 Thunder howitzers the Egyptian Army ordered in "
                   "2022 in a USD 1.6 billion deal will be handed over next year.")
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "covers")] == [("K9", 48)]
    assert [(s, q.get("role")) for s, o, q in _rels(facts, "party_to")] == [("Egyptian Army", "buyer")]
    assert [o for s, o, q in _rels(facts, "has_value")] == ["1600000000 USD"]


def test_a_platform_the_buyer_merely_flies_is_not_what_a_later_deal_covers() -> None:
    facts = _facts("SEOUL – The K9 Thunder howitzers the Egyptian Army operates since 2019 are ageing, and Cairo "
                   "is discussing a USD 1.6 billion deal for air defence radars.")
    assert _rels(facts, "covers") == []


# an agreement named by its platform after "a" or an ordinal: "signed a second <P> contract, for 30 aircraft"


def test_a_second_platform_contract_is_a_new_agreement_with_its_count() -> None:
    facts = _facts("NEW DELHI – India signed its second Scorpene contract, for three boats, in 2023. Separately, "
                   "Indonesia is expected to sign a contract for a further batch of frigates in May.",
                   date="2025-02-18")
    scorpene = [s for s, o, q in _rels(facts, "covers") if o == "Scorpene" and q.get("quantity") == 3]
    assert len(scorpene) == 1 and "(2023)" in scorpene[0]
    assert ("India", {"status": "signed", "date": "2023"}) in [(s, q) for s, o, q in _rels(facts, "party_to")
                                                               if o == scorpene[0]]


def test_a_bare_possessive_platform_order_names_no_new_agreement() -> None:
    facts = _facts("ANKARA – Qatar signed a contract with Baykar for Akinci drones on Monday. Qatar placed its "
                   "Akinci order after long talks.")
    assert len([e for e in facts.entities if e.type == "Agreement"]) == 1


# "the previous year", "a year later": a year off the one the sentence told


def test_the_previous_year_and_a_year_later_are_off_the_year_told_before() -> None:
    ref = reference("2026-04-01")
    text = "Chile bought the radars in 2019, a deal approved the previous year, and the last arrived a year later."
    assert [d.value for d in find_dates(text, ref)] == ["2019", "2018", "2020"]
    # with no year told before it, "the previous year" is left unresolved
    assert [d.value for d in find_dates("The deal was approved the previous year.", ref)] == []


def test_an_approval_the_previous_year_is_dated_the_year_before_the_order() -> None:
    facts = _facts("OTTAWA – Canada ordered 88 F-35A fighters from Lockheed Martin in 2023, in a deal the United "
                   "States approved the previous year.", date="2026-01-20")
    assert [q.get("date") for s, o, q in _rels(facts, "has_status") if o == "approved"] == ["2022"]


# talks that "would conclude", and "the follow-on order" after another one


def test_a_follow_on_order_whose_talks_would_conclude_is_its_own_expected_agreement() -> None:
    facts = _facts("JAKARTA – Indonesia signed a contract with Airbus for two A400M aircraft in 2021. Talks on the "
                   "follow-on order would conclude in August, a ministry official said.", date="2025-10-06")
    statuses = {s: (o, q) for s, o, q in _rels(facts, "has_status")}
    follow = [s for s in statuses if s.startswith("Follow-on")]
    assert len(follow) == 1 and statuses[follow[0]] == ("expected", {"expected_date": "2026-08"})
    assert all(o != "expected" for s, o, q in _rels(facts, "has_status") if "A400M" in s)


def test_a_deal_the_ministers_would_sign_is_expected() -> None:
    facts = _facts("ROME – Italy and Japan would sign a memorandum of understanding on fighter engines in July, "
                   "officials said.", date="2025-04-02")
    assert [(o, q) for s, o, q in _rels(facts, "has_status")] == [("expected", {"expected_date": "2025-07"})]
