"""Rules for articles unlike the development texts, third round: head counts at a show, the status of a joint
venture that has been formed. Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _facts, _rels


def test_pavilions_and_chiefs_of_staff_at_a_show_are_participant_counts() -> None:
    facts = _facts("SANTIAGO – FIDAE 2026 closed on Sunday. The show hosted 28 national pavilions and drew "
                   "90 official delegations, including 17 chiefs of staff.", date="2026-04-12")
    counts = {(o, q["unit"]) for s, o, q in _rels(facts, "has_participant_count") if s == "FIDAE 2026"}
    assert {(28, "national pavilions"), (90, "delegations"), (17, "chiefs of staff")} <= counts


def test_a_joint_venture_set_up_is_a_concluded_act_and_one_run_already_exists() -> None:
    facts = _facts("Spain's Indra and Poland's WB Group have set up a joint venture to build radars. "
                   "Indra already runs a joint venture with Turkey's Aselsan.")
    statuses = {s: q["status"] for s, o, q in _rels(facts, "party_to") if "WB" in o}
    assert statuses and all(v == "set up (formalised)" for v in statuses.values())
    assert {q["status"] for s, o, q in _rels(facts, "party_to") if "Aselsan" in o} == {"existing"}


def test_a_contract_for_a_platform_ordered_from_a_company_is_the_buyers_and_the_suppliers() -> None:
    facts = _facts("ACCRA – The Ghana Air Force has taken delivery of the last three of five AW109 helicopters "
                   "ordered from Leonardo, Air Force chief Air Vice Marshal Kwame Mensah said on Saturday. The "
                   "helicopters were ordered in 2023 under a contract worth GHS 900 million, he said, adding that "
                   "Ghana was the first West African country to fly the AW109.")
    [agr] = [e.name for e in facts.entities if e.type == "Agreement"]
    roles = {s: q.get("role") for s, o, q in _rels(facts, "party_to") if o == agr}
    assert roles == {"Ghana Air Force": "buyer", "Leonardo": "supplier"}


def test_a_state_named_in_apposition_to_an_agency_is_not_a_party_and_the_agency_places_the_next_deal() -> None:
    facts = _facts("STOCKHOLM – FMV, Sweden's defence procurement agency, announced 18 contracts worth SEK 9 billion "
                   "during the fair. The largest was a SEK 2 billion deal with Saab for anti-tank weapons.")
    parties = {(s, o, q.get("role")) for s, o, q in _rels(facts, "party_to")}
    assert not any(s == "Sweden" for s, _o, _r in parties)
    deal = next(o for s, o, _r in parties if s == "Saab")
    assert {(s, r) for s, o, r in parties if o == deal} == {("Defence Materiel Administration", "buyer"),
                                                             ("Saab", "supplier")}


def test_a_deal_with_a_company_after_a_deal_between_two_firms_gets_no_buyer() -> None:
    facts = _facts("Saab signed a teaming agreement with Rheinmetall on Monday. Separately, Kongsberg announced a "
                   "NOK 1 billion deal with Nammo.")
    assert not any(q.get("role") == "buyer" for _s, _o, q in _rels(facts, "party_to"))


def test_platforms_cleared_for_purchase_are_required_with_the_approval_and_its_body() -> None:
    facts = _facts("NEW DELHI: The Defence Acquisition Council on Tuesday approved the Acceptance of Necessity for "
                   "12 Dornier 228 aircraft for the Indian Navy, the ministry said. The approvals include AoN for "
                   "15 Heron drones for the Indian Army.")
    got = {(s, o): q for s, o, q in _rels(facts, "requires")}
    assert set(got) == {("Indian Navy", "Dornier 228"), ("Indian Army", "Heron")}
    assert got[("Indian Navy", "Dornier 228")] == {"quantity": 12, "status": "approved",
                                                   "by": "Defence Acquisition Council", "date": "2026-05-12"}
    assert got[("Indian Army", "Heron")]["quantity"] == 15
    assert got[("Indian Army", "Heron")]["date"] == "2026-05-12"


def test_a_cabinet_approving_a_contract_adds_no_requirement() -> None:
    facts = _facts("The Defence Acquisition Council approved the contract for 12 Dornier 228 aircraft for the "
                   "Indian Navy with Hindustan Aeronautics.")
    assert _rels(facts, "requires") == []


def test_the_first_of_an_order_to_be_delivered_is_a_delivery_of_that_many_beside_the_order() -> None:
    facts = _facts("WARSAW – The Polish Army has ordered 96 K9 howitzers from Hanwha Aerospace. The first 24 are "
                   "expected to be delivered to the Polish Army in 2027.")
    sales = sorted((q["quantity"], q["status"], q.get("expected_date")) for s, o, q in _rels(facts, "supplies")
                   if (s, o) == ("Hanwha Aerospace", "K9"))
    assert sales == [(24, "expected", "2027"), (96, "contracted", None)]


def test_the_first_of_a_planned_purchase_is_a_purchase_of_that_many() -> None:
    facts = _facts("The Estonian Army plans to buy 40 CV90 vehicles, and the first 12 are expected to be delivered "
                   "to the Estonian Army in 2028.")
    assert sorted(q["quantity"] for _s, _o, q in _rels(facts, "buys")) == [12, 40]


def test_the_first_things_of_another_kind_are_not_the_order() -> None:
    facts = _facts("The Polish Army has ordered 96 K9 howitzers from Hanwha Aerospace. The first 3 ships were "
                   "delivered in March.")
    assert [q["quantity"] for _s, _o, q in _rels(facts, "supplies")] == [96]


def test_who_meets_a_minister_and_tours_a_plant_is_the_visitor_not_the_minister() -> None:
    facts = _facts("Kenya's defence secretary, Amina Odhiambo, visited Turkey last week. In Ankara, Odhiambo met "
                   "Turkish Defence Minister Yasar Guler and toured the Baykar plant.")
    visits = {(s, o) for s, o, _q in _rels(facts, "visited")}
    assert ("Amina Odhiambo", "Baykar") in visits and ("Yasar Guler", "Baykar") not in visits


def test_a_minister_met_by_someone_unnamed_visits_nothing() -> None:
    facts = _facts("In Rome she met Italian Defence Minister Guido Crosetto and visited Leonardo.")
    assert _rels(facts, "visited") == []


def test_a_counterpart_met_who_is_visiting_is_the_visitor() -> None:
    facts = _facts("Aziz also held talks with his Egyptian counterpart Abdel Mageed Saqr, who is visiting Jordan "
                   "for the annual dialogue.")
    assert [(s, o) for s, o, _q in _rels(facts, "visited")] == [("Abdel Mageed Saqr", "Jordan")]


def test_a_tour_of_three_countries_is_a_visit_to_each() -> None:
    facts = _facts("Kenya's defence secretary, Amina Odhiambo, visited Turkey, Italy and the United Arab Emirates "
                   "last week. Odhiambo said Kenya and France were partners.")
    assert {o for s, o, _q in _rels(facts, "visited") if s == "Amina Odhiambo"} == {
        "Turkiye", "Italy", "United Arab Emirates"}


def test_a_force_ending_the_clause_before_a_post_is_not_the_posts_organisation() -> None:
    facts = _facts("MANILA – The ministry signed a contract on Monday for two corvettes for the Philippine Navy, "
                   "Defense Secretary Gilberto Teodoro said.")
    assert _rels(facts, "holds_role") == [("Gilberto Teodoro", "Defense Secretary", {"organisation": "Philippines"})]


def test_a_person_who_witnessed_the_signing_witnessed_the_latest_agreement() -> None:
    facts = _facts("HANOI – The Ministry of National Defence signed a contract with Saab on Monday for two Gripen "
                   "fighters. The aircraft will be delivered in 2028. Sweden's Ambassador Ann Mawe witnessed the "
                   "signing.")
    [agr] = [e.name for e in facts.entities if e.type == "Agreement"]
    assert [(s, o) for s, o, _q in _rels(facts, "witnessed")] == [("Ann Mawe", agr)]


def test_a_state_considering_the_purchase_of_a_platform_is_interested_in_it() -> None:
    facts = _facts("In Ankara, the minister toured the Baykar plant, where Uganda is considering the purchase of "
                   "TB2 drones.")
    assert [(s, o) for s, o, _q in _rels(facts, "interested_in")] == [("Uganda", "Bayraktar TB2")]


def test_a_force_that_would_also_acquire_a_platform_plans_to_buy_it() -> None:
    facts = _facts("The Vietnam People's Navy would also acquire four Pohang-class patrol vessels.")
    assert [(o, q) for _s, o, q in _rels(facts, "buys")] == [("Pohang-class patrol vessel",
                                                             {"quantity": 4, "status": "planned"})]


def test_each_platform_a_force_has_shortlisted_is_of_interest_to_it() -> None:
    facts = _facts("BOGOTA – The Colombian Air Force has shortlisted the Saab Gripen E and the Lockheed Martin "
                   "F-16 Block 70 to replace its Kfir fleet, the ministry said.")
    assert sorted((s, o) for s, o, _q in _rels(facts, "interested_in")) == [
        ("Colombian Air Force", "F-16 Block 70"), ("Colombian Air Force", "Gripen")]
