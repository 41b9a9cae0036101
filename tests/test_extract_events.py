"""Event-, agreement- and topic-level relations, each family on sentences written for the test."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.extract.coordination import coordinated_topics, split_list
from graph.models import ArticleFacts


def _facts(text: str, date: str = "2025-04-10") -> ArticleFacts:
    return extract(Article(text, "t.txt", date=date))


def _rels(facts: ArticleFacts, predicate: str) -> list[tuple[str, object, dict]]:
    return [(r.subject, r.object, r.qualifiers) for r in facts.relations if r.predicate == predicate]


def _objects(facts: ArticleFacts, predicate: str, subject: str | None = None) -> set[object]:
    return {o for s, o, _q in _rels(facts, predicate) if subject is None or s == subject}


# -- coordinated lists
@pytest.mark.parametrize(("text", "expected"), [
    ("radar maintenance, pilot training and the transfer of welding know-how.",
     ["radar maintenance", "pilot training", "technology transfer"]),
    ("joint testing, research and development, and spare parts, which the ministry praised.",
     ["joint testing", "research and development", "spare parts"]),
    ("depot maintenance in the Northern Territory and coordinated marketing to export customers",
     ["depot maintenance", "marketing to export customers"]),
    ("a joint venture to manufacture 120 mm mortar bombs at a plant near Lyon",
     ["joint venture", "120 mm mortar bombs manufacturing"]),
    ("artificial intelligence policies and possible applications in logistics, alongside prospects for joint research",
     ["artificial intelligence policies", "artificial intelligence applications in logistics",
      "joint research prospects"]),
])
def test_a_coordinated_list_becomes_one_topic_per_item(text: str, expected: list[str]) -> None:
    assert coordinated_topics(text) == expected


def test_a_list_stops_where_the_clause_goes_on_with_a_verb() -> None:
    assert split_list("crew training and sustainment, and provides for a base in Darwin.") == [
        "crew training", "sustainment"]


def test_counted_hardware_in_a_list_is_not_a_topic() -> None:
    assert coordinated_topics("at least 40 trucks, six cranes and driver training") == ["driver training"]


# -- cooperation areas
def test_areas_a_contract_covers_attach_to_that_contract() -> None:
    facts = _facts("Norway signed a contract with Kongsberg Maritime for four tugboats on Monday. "
                   "The contract also covers engine overhaul, crew training and the transfer of hull welding know-how.")
    contract = next(e.name for e in facts.entities if e.type == "Agreement")
    assert _objects(facts, "has_cooperation_area", contract) == {
        "engine overhaul", "crew training", "technology transfer"}


def test_an_mou_on_an_activity_names_its_area_and_keeps_the_phrase_as_an_alias() -> None:
    facts = _facts("Poland and Romania signed a memorandum of understanding on joint procurement of air defence "
                   "missiles.")
    mou = next(e for e in facts.entities if e.type == "Agreement")
    assert "joint procurement of air defence missiles" in _objects(facts, "has_cooperation_area", mou.name)
    assert "memorandum of understanding on joint procurement of air defence missiles" in mou.aliases


def test_the_two_sides_agreeing_to_expand_collaboration_gives_the_first_country_with_its_partner() -> None:
    facts = _facts("Chile and Peru held defence talks in Lima. The two sides agreed to expand collaboration in "
                   "naval medicine, disaster relief training and hydrographic surveys.")
    areas = {(s, o, q.get("partner")) for s, o, q in _rels(facts, "has_cooperation_area")}
    assert ("Chile", "naval medicine", "Peru") in areas
    assert ("Chile", "disaster relief training", "Peru") in areas


def test_a_country_embracing_an_activity_states_an_area_with_the_other_country_as_partner() -> None:
    facts = _facts("Ghana is keen to learn from Brazil's experience and embrace technology transfer, officials said.")
    assert ("Ghana", "technology transfer", "Brazil") in {
        (s, o, q.get("partner")) for s, o, q in _rels(facts, "has_cooperation_area")}


def test_discussion_topics_attach_to_the_event() -> None:
    facts = _facts("The Nordic Space Security Forum opened in Oslo on Tuesday. "
                   "Discussions focused on satellite resilience and space debris monitoring.")
    assert _objects(facts, "has_cooperation_area", "Nordic Space Security Forum") == {
        "satellite resilience", "space debris monitoring"}


def test_a_weapon_jointly_developed_by_others_is_not_a_cooperation_area() -> None:
    facts = _facts("The Forum on Naval Affairs heard that the missile was jointly developed by Italy and France.")
    assert _objects(facts, "has_cooperation_area") == set()


def test_a_list_with_no_agreement_event_or_stating_country_attaches_nowhere() -> None:
    facts = _facts("Collaboration in cyber security, the analyst wrote, remains slow.")
    assert _rels(facts, "has_cooperation_area") == []


def test_partners_who_agree_to_jointly_develop_and_produce_get_both_areas() -> None:
    facts = _facts("Estonia and Lithuania have signed a memorandum of understanding (MoU) to jointly develop and "
                   "produce a loitering munition.")
    mou = next(e.name for e in facts.entities if e.type == "Agreement")
    assert {"co-development", "co-production"} <= _objects(facts, "has_cooperation_area", mou)


# -- capability domains
def test_capabilities_spanning_a_list_belong_to_the_entity_before_them() -> None:
    facts = _facts("Kenya sees Israel as a partner with proven capabilities spanning border surveillance, "
                   "missile defence and cyber defence.")
    assert _objects(facts, "has_capability_domain", "Israel") == {"border surveillance", "missile defence",
                                                                  "cyber defence"}


def test_strengths_listed_at_each_company_belong_to_that_company() -> None:
    facts = _facts("The consortium plays to each member's strengths: propulsion at Rolls-Royce, and radar and "
                   "electronic warfare at Leonardo.")
    assert _objects(facts, "has_capability_domain", "Rolls-Royce") == {"propulsion"}
    assert _objects(facts, "has_capability_domain", "Leonardo") == {"radar", "electronic warfare"}


def test_what_dominated_a_show_is_the_shows_capability_domain() -> None:
    facts = _facts("DSEI 2025 opened in London on Tuesday with 1,600 exhibitors. "
                   "Loitering munitions and electronic warfare dominated the exhibition floor.")
    assert _objects(facts, "has_capability_domain", "DSEI 2025") == {"loitering munitions", "electronic warfare"}


# -- events
_SHOW = ("LONDON – DSEI 2027, the defence exhibition held at ExCeL London from 14 to 17 September, closed on "
         "Friday with more than 1,500 exhibitors from 54 countries. The show is organised by Clarion Events. "
         "Poland and Japan were among the countries with the largest national pavilions. "
         "The Ministry of Defence signed a £120 million contract with Babcock for 12 workboats during the week. "
         "Admiral Ruth Gale, First Sea Lord, toured the show on its opening day. "
         "The next edition is scheduled for September 2029.")


def test_an_event_held_at_a_venue_from_one_day_to_another_gets_its_place_and_dates() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    held = {(s, o): q for s, o, q in _rels(facts, "held_in")}
    assert held[("DSEI 2027", "London")]["start_date"] == "2027-09-14"
    assert held[("DSEI 2027", "London")]["end_date"] == "2027-09-17"
    assert held[("DSEI 2027", "London")]["venue"] == "ExCeL London"


def test_the_organiser_named_after_organised_by_becomes_an_entity() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    assert ("DSEI 2027", "Clarion Events") in {(s, o) for s, o, _q in _rels(facts, "organised_by")}
    assert any(e.name == "Clarion Events" and e.type == "Company" for e in facts.entities)


def test_countries_with_pavilions_and_a_visitor_on_the_opening_day_take_part_in_the_show() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    parts = {(s, o): q for s, o, q in _rels(facts, "participant_of")}
    assert parts[("Poland", "DSEI 2027")]["role"] == "national pavilion"
    assert ("Japan", "DSEI 2027") in parts
    assert parts[("Ruth Gale", "DSEI 2027")]["date"] == "2027-09-14"


def test_exhibitors_from_so_many_countries_count_the_countries_too() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    counts = {(o, q.get("unit")) for _s, o, q in _rels(facts, "has_participant_count")}
    assert (54, "countries") in counts


def test_a_contract_signed_during_the_week_of_a_show_is_signed_at_it() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    contract = next(e.name for e in facts.entities if e.type == "Agreement")
    assert (contract, "DSEI 2027") in {(s, o) for s, o, _q in _rels(facts, "signed_at")}


def test_the_next_edition_is_a_new_event_that_the_current_one_precedes() -> None:
    facts = _facts(_SHOW, date="2027-09-17")
    assert ("DSEI 2027", "DSEI 2029") in {(s, o) for s, o, _q in _rels(facts, "precedes")}
    assert any(e.name == "DSEI 2029" and e.type == "Event" for e in facts.entities)


def test_a_contract_expected_to_be_signed_later_is_not_signed_at_the_show() -> None:
    facts = _facts("PARIS – Eurosatory 2026 opened on Monday. A contract for 40 trucks with Arquus is expected to be "
                   "signed in 2027.", date="2026-06-15")
    assert _rels(facts, "signed_at") == []


def test_an_agreement_signed_at_a_named_summit_is_signed_at_it() -> None:
    facts = _facts("Kenya and Rwanda signed a memorandum of understanding at the East Africa Security Summit in "
                   "Kigali.", date="2024-03-01")
    mou = next(e.name for e in facts.entities if e.type == "Agreement")
    assert (mou, "East Africa Security Summit") in {(s, o) for s, o, _q in _rels(facts, "signed_at")}


def test_people_who_co_chaired_a_dialogue_chair_it() -> None:
    facts = _facts("Lieutenant General Ana Lopes and Major General Kwame Mensah co-chaired the 4th Ghana-Portugal "
                   "Defence Dialogue in Accra.")
    chairs = {(s, o) for s, o, _q in _rels(facts, "chairs")}
    assert ("Kwame Mensah", "4th Ghana-Portugal Defence Dialogue") in chairs
    assert ("Ana Lopes", "4th Ghana-Portugal Defence Dialogue") in chairs


def test_a_delegation_that_will_visit_a_company_for_tests_has_a_planned_visit_with_its_purpose() -> None:
    facts = _facts("A team from Egypt's Ministry of Military Production will visit Hanwha Aerospace's plant next "
                   "month for acceptance tests.", date="2025-10-20")
    visits = {(s, o): q for s, o, q in _rels(facts, "visited")}
    q = visits[("Ministry of Military Production (Egypt)", "Hanwha Aerospace")]
    assert (q["date"], q["status"], q["purpose"]) == ("2025-11", "planned", "acceptance tests")


def test_a_person_who_met_another_person_met_with_them() -> None:
    facts = _facts("Dr. Tomas Varga met Mr. Kenji Sato in Tokyo on Tuesday to discuss radar exports.",
                   date="2025-06-05")
    assert ("Tomas Varga", "Kenji Sato") in {(s, o) for s, o, _q in _rels(facts, "met_with")}


# -- links between agreements
def test_an_agreement_that_builds_on_an_older_one_it_only_names_follows_a_new_entity_for_it() -> None:
    facts = _facts("Peru signed a contract with Navantia for two patrol ships on Monday. The contract builds on a "
                   "2019 contract under which Peru ordered Navantia's larger BAM-IS.", date="2025-03-12")
    older = next(e for e in facts.entities if e.type == "Agreement" and "2019 contract" in e.aliases)
    newer = next(e.name for e in facts.entities if e.type == "Agreement" and e.name != older.name)
    assert (older.name, newer) in {(s, o) for s, o, _q in _rels(facts, "precedes")}
    roles = {s: q.get("role") for s, o, q in _rels(facts, "party_to") if o == older.name}
    assert roles == {"Peru": "buyer", "Navantia": "supplier"}


def test_a_framework_agreement_precedes_the_contract_it_sets_out() -> None:
    facts = _facts("Norway signed a Heads of Agreement with the United Kingdom for Type 26 frigates. The Heads of "
                   "Agreement sets out the commercial framework for an initial contract with BAE Systems, "
                   "expected in 2026.", date="2025-08-31")
    links = {(s, o) for s, o, _q in _rels(facts, "precedes")}
    contract = next(e for e in facts.entities if e.type == "Agreement" and "initial contract" in e.aliases)
    assert any(o == contract.name for _s, o in links)


def test_a_counted_bundle_of_mous_becomes_one_agreement_with_its_count() -> None:
    facts = _facts("IDEX 2025 closed in Abu Dhabi on Friday. Exhibitors signed at least 14 memorandums of "
                   "understanding during the show.", date="2025-02-21")
    counts = {(s, o): q for s, o, q in _rels(facts, "has_count")}
    bundle = next(s for s, o in counts if o == 14)
    assert counts[(bundle, 14)]["lower_bound"] is True
    assert (bundle, "IDEX 2025") in {(s, o) for s, o, _q in _rels(facts, "signed_at")}


def test_the_countries_before_an_ordinal_claim_have_such_an_agreement_already() -> None:
    facts = _facts("Chile will be the third country after Peru and Colombia to sign a maritime security pact "
                   "with Spain.")
    pairs = {(s, o) for s, o, _q in _rels(facts, "has_agreement_with")}
    assert pairs == {("Peru", "Spain"), ("Colombia", "Spain")}


# -- counts
def test_people_to_be_trained_under_a_deal_are_counted_on_the_deal() -> None:
    facts = _facts("Ghana signed a contract with Damen for four patrol boats. About 60 Ghanaian sailors will be "
                   "trained in the Netherlands under the deal.")
    contract = next(e.name for e in facts.entities if e.type == "Agreement")
    counts = {(s, o): q for s, o, q in _rels(facts, "has_count")}
    assert counts[(contract, 60)]["approximate"] is True


def test_a_firms_customer_countries_are_counted_on_the_firm() -> None:
    facts = _facts("Mr. Lars Holm, Saab's sales director, said the company now had export contracts with more "
                   "than 40 countries.")
    counts = {(s, o): q for s, o, q in _rels(facts, "has_count")}
    assert counts[("Saab", 40)]["lower_bound"] is True


def test_a_nations_firms_are_counted_on_the_nation_but_not_when_they_exhibit() -> None:
    facts = _facts("More than 150 Polish companies have registered for the offset programme.")
    assert ("Poland", 150) in {(s, o) for s, o, _q in _rels(facts, "has_count")}
    facts = _facts("More than 150 Polish companies exhibited at MSPO 2025.")
    assert ("Poland", 150) not in {(s, o) for s, o, _q in _rels(facts, "has_count")}


# -- partnerships and membership
def test_the_two_countries_being_partners_since_a_year_is_a_partnership_of_the_article_pair() -> None:
    facts = _facts("Brazil and Sweden signed a contract for Gripen jets. Brazil praised Sweden. "
                   "The two countries have been strategic partners since 2009.")
    parts = {(s, o): q for s, o, q in _rels(facts, "partner_of")}
    assert parts[("Brazil", "Sweden")]["since"] == "2009"
    assert parts[("Brazil", "Sweden")]["status"] == "existing"


def test_our_partnership_with_a_country_is_the_main_countrys() -> None:
    facts = _facts("CANBERRA: Australia welcomed the deal. \"This shows the depth of our Comprehensive Strategic "
                   "Partnership with India,\" the minister said.")
    assert ("Australia", "India") in {(s, o) for s, o, _q in _rels(facts, "partner_of")}


def test_a_country_that_is_a_member_of_an_organisation_is_its_member() -> None:
    facts = _facts("Finland, a member of NATO since 2023, ordered more artillery. Fellow NATO members Estonia and "
                   "Latvia did the same.")
    assert {(s, o) for s, o, _q in _rels(facts, "member_of")} == {
        ("Finland", "NATO"), ("Estonia", "NATO"), ("Latvia", "NATO")}
