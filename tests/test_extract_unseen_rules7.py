"""Rules for articles unlike the development texts, seventh round: posts held only at states and bodies, a state's
councils and cabinets, exercises named before the common word, envoys with the state that sends them, dates of
deliveries from their own clause. Every sentence is written for the test, with names the development texts do not
use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels

# a post is held at a state or a body, never at a platform


def test_a_national_post_after_a_platforms_name_is_held_for_the_state() -> None:
    facts = _facts("SOFIA – Bulgaria will buy eight Stryker vehicles from General Dynamics. At the Stryker Minister of "
                   "Defence Atanas Zapryanov said the first would arrive next year. The Stryker's Deputy Minister "
                   "Ivan Petrov agreed.")
    posts = {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")}
    assert ("Atanas Zapryanov", "Minister of Defence", "Bulgaria") in posts
    assert all(org != "Stryker" for _s, _o, org in posts)


# a state's councils and cabinets


def test_a_council_or_presidency_tied_to_a_state_is_that_states_agency() -> None:
    facts = _facts("ATHENS – Greece's Council of Ministers approved the purchase of four Belharra frigates on Tuesday. "
                   "The Supreme Defence Council of Portugal met on Monday, and the Presidency of Nigeria said it "
                   "backed the plan. The Cabinet of Canada also met.")
    agencies = set(_entities(facts, "GovernmentAgency"))
    assert {"Council of Ministers (Greece)", "Supreme Defence Council (Portugal)", "Presidency (Nigeria)",
            "Cabinet (Canada)"} <= agencies
    assert ("Presidency (Nigeria)", "Nigeria", {}) in _rels(facts, "part_of")


def test_a_council_no_state_owns_and_a_named_presidency_are_no_state_council() -> None:
    facts = _facts("ANKARA – The National Security Council met on Monday. Turkiye's Presidency of Defence Industries "
                   "signed the contract, and the Council of the European Union welcomed it.")
    agencies = _entities(facts, "GovernmentAgency")
    assert not any(a.startswith(("National Security Council", "Presidency (", "Council of the")) for a in agencies)


# exercises named before the word "exercise"


def test_an_exercise_written_before_the_common_word_is_an_event_with_its_troops_place_and_day() -> None:
    facts = _facts("RIGA – More than 3,000 troops from 11 countries will take part in the annual Baltic Shield "
                   "exercise, which opens in western Latvia on 4 May, the command said. Participating nations "
                   "include Latvia, Estonia and Poland.", date="2027-03-01")
    events = [e for e in facts.entities if e.type == "Event"]
    assert [(e.name, e.attributes.get("event_type")) for e in events] == [("Baltic Shield", "exercise")]
    assert {(o, q["unit"]) for s, o, q in _rels(facts, "has_participant_count")} == {(3000, "troops"),
                                                                                    (11, "countries")}
    assert {s for s, o, q in _rels(facts, "participant_of")} == {"Latvia", "Estonia", "Poland"}
    assert [(o, q) for s, o, q in _rels(facts, "held_in")] == [("Latvia", {"start_date": "2027-05-04"})]


def test_drills_of_this_year_and_a_biennial_exercise_are_events_but_a_forces_exercise_is_not() -> None:
    facts = _facts("This year's Southern Anchor drills drew 16 nations, and the biennial KAKADU 2026 exercise drew "
                   "20. The Indian Navy exercise and a NATO exercise ended on Friday.")
    events = sorted(e.name for e in facts.entities if e.type == "Event")
    assert events == ["KAKADU 2026", "Southern Anchor"]


# envoys


def test_an_envoy_holds_the_post_for_the_state_that_sends_him() -> None:
    text = ("LIMA – {} attended the signing, the embassy said.")
    for lead, post in (("The Ambassador of Spain to Peru, Carlos Ortega,", "Ambassador to Peru"),
                       ("Spain's ambassador to Peru, Carlos Ortega,", "Ambassador to Peru"),
                       ("Spanish Ambassador to Peru Carlos Ortega", "Ambassador to Peru"),
                       ("Carlos Ortega, Spain's ambassador to Peru,", "Ambassador to Peru")):
        facts = _facts(text.format(lead))
        assert _rels(facts, "holds_role") == [("Carlos Ortega", post, {"organisation": "Spain"})], lead
    facts = _facts("MANILA – The Netherlands' ambassador to the Philippines, Anna de Vries, came.")
    assert _rels(facts, "holds_role") == [("Anna de Vries", "Ambassador to the Philippines",
                                           {"organisation": "Netherlands"})]


# a delivery's date from its own clause


def test_a_delivery_takes_no_date_from_a_clause_about_the_order() -> None:
    facts = _facts("BRATISLAVA – Patria will deliver 76 AMV vehicles to Slovakia, ordered in 2022, with the last due "
                   "in 2028.")
    assert [(s, o, q.get("expected_date")) for s, o, q in _rels(facts, "supplies")] == [("Patria", "AMV", "2028")]
    facts = _facts("TALLINN – Hanwha Aerospace delivered the first K9 howitzers to Estonia, which ordered them in "
                   "2018.")
    [(_s, _o, q)] = _rels(facts, "supplies")
    assert "date" not in q and q["status"] == "delivered"
    facts = _facts("OSLO – The Norwegian Army received 24 K9 howitzers from Hanwha Aerospace in March, after "
                   "signing for them in 2017.")
    assert [q.get("date") for s, o, q in _rels(facts, "supplies")] == ["2026-03"]


# places and bodies named with other words


def test_a_place_named_after_a_state_is_no_state() -> None:
    facts = _facts("NAIROBI – The ministers met at Uganda Barracks and later drove down Mexico Road to the port, "
                   "Kenya's defence ministry said.")
    assert _entities(facts, "Country") == ["Kenya"]


def test_a_monitor_or_a_community_is_an_organisation_and_no_person() -> None:
    facts = _facts("WARSAW – The Central European Defence Monitor, an independent group, published the study. "
                   "Jan Nowak, the head of the Central European Defence Monitor, said so. The Southern African "
                   "Development Community (SADC) welcomed it.")
    assert _entities(facts, "Person") == ["Jan Nowak"]
    assert "Southern African Development Community" in _entities(facts, "Organisation")


def test_an_event_held_elsewhere_before_is_placed_there_and_then() -> None:
    facts = _facts("LUSAKA – Zambia and India signed a defence pact on Monday. The talks follow the second "
                   "Zambia-India Defence Industry Seminar, held in New Delhi in March 2025.")
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("New Delhi", "2025-03")]


# more deliveries and orders


def test_an_adverb_between_the_buyer_and_its_verb_keeps_the_order_or_the_delivery() -> None:
    facts = _facts("BUCHAREST – Romania also ordered 54 Abrams tanks from General Dynamics in 2023. Poland also "
                   "received 24 K9 howitzers from Hanwha Aerospace in 2024.")
    sales = {(s, o, q.get("buyer"), q.get("status")) for s, o, q in _rels(facts, "supplies")}
    assert sales == {("General Dynamics", "M1 Abrams", "Romania", "contracted"),
                     ("Hanwha Aerospace", "K9", "Poland", "delivered")}


def test_each_clause_of_a_list_of_transfers_is_its_own_supply_and_a_gift_is_donated() -> None:
    facts = _facts("OSLO – The study notes that Denmark transferred 19 CAESAR howitzers to Ukraine in 2023, and that "
                   "Sweden donated 12 Archer howitzers to Ukraine in 2024.")
    sales = sorted((s, o, q.get("status"), q.get("date")) for s, o, q in _rels(facts, "supplies"))
    assert sales == [("Denmark", "CAESAR", "delivered", "2023"), ("Sweden", "Archer", "donated", "2024")]


def test_troops_from_regional_countries_who_joined_an_exercise_are_counted() -> None:
    facts = _facts("DAKAR – More than 1,500 troops from five West African countries joined the annual Flintlock "
                   "exercise on Monday, the Senegalese army said.")
    counts = {(o, q["unit"], q.get("lower_bound")) for s, o, q in _rels(facts, "has_participant_count")}
    assert counts == {(1500, "troops", True), (5, "countries", None)}


def test_african_forces_and_us_commands_are_known_by_their_full_names() -> None:
    facts = _facts("KAMPALA – The Uganda People's Defence Forces (UPDF) and the Rwanda Defence Force hosted officers "
                   "of United States Africa Command.")
    assert set(_entities(facts, "ArmedForce")) == {"Uganda People's Defence Forces", "Rwanda Defence Force",
                                                   "US Africa Command"}


def test_a_later_delivery_of_the_same_platform_to_the_same_buyer_is_a_supply_of_its_own() -> None:
    facts = _facts("HELSINKI – Finland took delivery of 10 CAESAR howitzers from KNDS France in 2025. KNDS France will "
                   "deliver a further eight CAESAR howitzers to Finland by 2027.")
    sales = sorted((q["quantity"], q["status"], q.get("date"), q.get("expected_date"))
                   for s, o, q in _rels(facts, "supplies"))
    assert sales == [(8, "expected", None, "2027"), (10, "delivered", "2025", None)]
