"""More rules for articles unlike the development texts: passive deliveries, a name set off after a post, the
dates an event runs, a post at the head of a force the article never names, replacement claims by reference.
Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _facts, _rels

# deliveries written in the passive


def test_platforms_delivered_to_a_force_by_a_company() -> None:
    facts = _facts("MAPUTO – The first three Shaldag Mk V patrol boats were delivered to the Mozambique Navy by "
                   "Israel Shipyards on Monday, the ministry said.")
    [(who, what, q)] = _rels(facts, "supplies")
    assert (who, what) == ("Israel Shipyards", "Shaldag Mk V")
    assert q["quantity"] == 3 and q["status"] == "delivered" and q["date"] == "2026-05-11"
    assert q["end_user"] == "Mozambique Navy" and q["buyer"] == "Mozambique"


def test_a_platform_handed_over_with_no_supplier_named_is_bought_and_one_to_come_is_expected() -> None:
    facts = _facts("Four C-27J aircraft were handed over to the Zambia Air Force last year.")
    assert _rels(facts, "buys") == [("Zambia Air Force", "C-27J", {"quantity": 4, "status": "handed over",
                                                                   "date": "2025"})]
    facts = _facts("Two more C-27J aircraft will be delivered to the Zambia Air Force by Leonardo in 2027.")
    [(who, _what, q)] = _rels(facts, "supplies")
    assert who == "Leonardo" and q["status"] == "expected" and q["expected_date"] == "2027"


def test_platforms_commissioned_into_a_navy_are_operated_by_it() -> None:
    facts = _facts("Two Gowind corvettes were commissioned into the Mozambique Navy in March.")
    [(who, what, q)] = _rels(facts, "operates")
    assert (who, what, q["quantity"]) == ("Mozambique Navy", "Gowind", 2)
    assert not _rels(facts, "supplies") and not _rels(facts, "buys")


def test_delivered_to_a_place_or_with_no_recipient_is_no_supply() -> None:
    facts = _facts("Two Gowind corvettes were delivered to Maputo harbour on time.")
    assert not _rels(facts, "supplies") and not _rels(facts, "buys")


# a person named after a post and a comma


def test_a_name_set_off_after_a_company_post_is_the_holder() -> None:
    facts = _facts("The deal was signed by the chief executive of Israel's Elbit Systems, Dorit Navon, and "
                   "officials of the ministry.")
    assert ("Dorit Navon", "chief executive", {"organisation": "Elbit Systems"}) in _rels(facts, "holds_role")


def test_a_name_set_off_after_a_national_post_is_the_minister() -> None:
    facts = _facts("Chile's defence minister, Marta Olivares, said the talks had gone well.")
    assert _rels(facts, "holds_role") == [("Marta Olivares", "defence minister", {"organisation": "Chile"})]


def test_a_company_set_off_after_a_post_is_no_person() -> None:
    facts = _facts("The head of the programme, Naval Group, said the ship was on time.")
    assert not [e for e in facts.entities if e.type == "Person"]


# when an event runs


def test_an_event_that_opens_on_a_day_starts_then_in_the_coming_year() -> None:
    facts = _facts("In Lima, the SITDEF show, which opens on 14 March, is expected to draw 300 exhibitors.",
                   date="2026-05-12")
    held = [(o, q) for s, o, q in _rels(facts, "held_in") if s == "SITDEF"]
    assert held == [("Lima", {"start_date": "2027-03-14"})]


def test_an_event_that_runs_from_one_day_to_another_or_is_held_on_a_day() -> None:
    facts = _facts("NAIROBI – The East Africa Security Forum runs from 3 to 6 June, the organisers said. "
                   "The Horn of Africa Defence Summit will be held on 12 September in Djibouti.")
    held = {s: (o, q) for s, o, q in _rels(facts, "held_in")}
    assert held["East Africa Security Forum"] == ("Nairobi", {"start_date": "2026-06-03", "end_date": "2026-06-06"})
    assert held["Horn of Africa Defence Summit"] == ("Djibouti", {"date": "2026-09-12"})


# a force the article never names


def test_the_head_of_a_force_the_article_never_names_holds_the_post_for_the_state() -> None:
    facts = _facts("LUSAKA – Army chief Lieutenant General Dennis Sitali said Zambia would buy more trucks.")
    assert _rels(facts, "holds_role") == [("Dennis Sitali", "Army chief", {"organisation": "Zambia"})]
    assert not [e for e in facts.entities if e.type == "ArmedForce"]


# replacement claims


def test_the_ships_named_by_a_noun_replace_an_older_class() -> None:
    facts = _facts("Chile ordered two Type 26 frigates from BAE Systems. The navy commander said the ships would "
                   "replace the ageing Almirante-class frigates.")
    assert [(s, o) for s, o, _q in _rels(facts, "replaces")] == [("Type 26 frigate", "Almirante-class frigate")]


def test_a_plural_model_replaced_is_the_model() -> None:
    facts = _facts("Botswana plans to buy eight M-346 jets to replace its ageing F-5s.")
    assert [(s, o) for s, o, _q in _rels(facts, "replaces")] == [("M-346", "F-5")]
    assert "F-5s" not in [e.name for e in facts.entities]


# trade shows: venues, months, counts, "the show" named again


def test_an_exhibition_centre_is_a_venue_and_a_month_no_place() -> None:
    facts = _facts("DOHA – DIMDEX 2026 opened on Monday at the Qatar National Exhibition Centre. The next edition, "
                   "DIMDEX 2028, will be held in March 2028.", date="2026-03-16")
    assert "Qatar National Exhibition" not in [e.name for e in facts.entities]
    assert not [o for _s, o, _q in _rels(facts, "held_in") if o == "March"]


def test_counted_things_from_counted_countries_are_no_count_of_countries() -> None:
    facts = _facts("DOHA – DIMDEX 2026 featured 11 warships from 7 countries.", date="2026-03-16")
    assert ("DIMDEX 2026", 11, {"unit": "countries"}) not in _rels(facts, "has_participant_count")


def test_the_show_named_again_runs_from_one_day_to_another() -> None:
    facts = _facts("DOHA – DIMDEX 2026 closed on Thursday with 200 exhibitors. The show, which ran from 16 to 19 "
                   "March, hosted 12 national pavilions.", date="2026-03-20")
    held = {o: q for s, o, q in _rels(facts, "held_in") if s == "DIMDEX 2026"}
    assert held["Doha"] == {"start_date": "2026-03-16", "end_date": "2026-03-19"}


# bodies, posts and purchases


def test_an_act_defined_with_an_acronym_is_no_company() -> None:
    facts = _facts("The council granted Acceptance of Necessity (AoN) for 40 ATAGS howitzers.")
    assert "Acceptance of Necessity" not in [e.name for e in facts.entities]


def test_a_platform_built_by_a_company_and_handed_over_is_supplied_by_it() -> None:
    facts = _facts("The first two Gowind corvettes built by Naval Group were handed over to the Egyptian Navy in "
                   "2019.")
    [(who, what, q)] = _rels(facts, "supplies")
    assert (who, what, q["quantity"], q["date"]) == ("Naval Group", "Gowind", 2, "2019")


def test_a_general_manager_written_before_the_name() -> None:
    facts = _facts("The contract was signed by Romarm general manager Sorin Vlad on Monday.")
    assert ("Sorin Vlad", "general manager", {"organisation": "Romarm"}) in _rels(facts, "holds_role")


def test_a_planned_purchase_with_no_seller_is_bought() -> None:
    facts = _facts("The Hungarian Army plans to buy 40 Lynx vehicles.")
    assert _rels(facts, "buys") == [("Hungarian Army", "Lynx", {"quantity": 40, "status": "planned"})]
    facts = _facts("The Hungarian Army plans to buy 40 Lynx vehicles from Rheinmetall.")
    assert not _rels(facts, "buys")


def test_a_holding_with_a_number_in_its_name_is_a_company() -> None:
    facts = _facts("Rheinmetall runs a joint venture with Hungary's N7 Holding.")
    assert "N7" not in [e.name for e in facts.entities if e.type == "Platform"]


def test_the_vehicles_at_the_head_of_a_sentence_replace_an_older_fleet() -> None:
    facts = _facts("The Hungarian Army ordered 40 Lynx vehicles. The vehicles would replace the BMP-1 fleet.")
    assert [(s, o) for s, o, _q in _rels(facts, "replaces")] == [("Lynx", "BMP-1")]


# tenders and joint ventures


def test_companies_competing_for_a_contract_are_bidders_and_the_tender_is_the_buyers() -> None:
    facts = _facts("SANTIAGO – The Chilean Navy's tender for three offshore patrol vessels (OPVs) has drawn three "
                   "bids. Fincantieri, Navantia and Hanwha Ocean are competing for the contract, which is expected "
                   "to be awarded next year.")
    parties = {s: q for s, _o, q in _rels(facts, "party_to")}
    assert {s for s, q in parties.items() if q.get("role") == "bidder"} == {"Fincantieri", "Navantia", "Hanwha Ocean"}
    assert parties["Chilean Navy"]["role"] == "buyer"
    assert not any(q.get("role") == "supplier" for q in parties.values())
    assert _rels(facts, "requires") == [("Chilean Navy", "Offshore patrol vessel (OPV)", {"quantity": 3})]


def test_two_companies_that_set_up_a_joint_venture_are_its_parties() -> None:
    facts = _facts("Poland's PGZ and South Korea's Hanwha Aerospace have set up a joint venture to build K9 "
                   "howitzers. The agreement was signed in Warsaw by Hanwha chief executive Son Jae-il.")
    [jv] = [e for e in facts.entities if e.type == "Agreement"]
    assert jv.attributes["agreement_type"] == "joint venture"
    parties = {s for s, o, _q in _rels(facts, "party_to") if o == jv.name}
    assert parties == {"Polska Grupa Zbrojeniowa", "Hanwha Aerospace"}
    assert [(s, o) for s, o, _q in _rels(facts, "signed")] == [("Son Jae-il", jv.name)]


def test_a_joint_venture_run_with_another_company_exists() -> None:
    facts = _facts("Hanwha Aerospace already runs a joint venture with Turkey's Aselsan.")
    assert {(s, q["status"]) for s, _o, q in _rels(facts, "party_to")} == {("Hanwha Aerospace", "existing"),
                                                                         ("Aselsan", "existing")}


def test_platforms_for_a_force_to_be_built_by_two_companies_are_made_by_each() -> None:
    facts = _facts("The council approved eight Pinaka launchers for the Indian Army, to be built by Bharat Forge "
                   "and Tata Advanced Systems.")
    assert sorted((s, o, q.get("status")) for s, o, q in _rels(facts, "manufactures")) == [
        ("Bharat Forge", "Pinaka", "planned"), ("Tata Advanced Systems", "Pinaka", "planned")]


def test_a_show_named_again_in_apposition_is_one_event() -> None:
    facts = _facts("DOHA – DIMDEX 2026, the Doha International Maritime Defence Exhibition and Conference, opened "
                   "on Monday.", date="2026-03-16")
    [ev] = [e for e in facts.entities if e.type == "Event"]
    assert ev.name == "DIMDEX 2026" and "Doha International Maritime Defence Exhibition" in ev.aliases
