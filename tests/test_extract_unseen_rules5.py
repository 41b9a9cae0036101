"""Rules for articles unlike the development texts: platforms known by a trade name, local assembly and
industrial participation, statuses and values in other words. Every sentence is written for the test, with
names the development texts do not use."""

from __future__ import annotations

from tests.test_extract_unseen_rules import _entities, _facts, _rels

# platforms by trade name, and after their maker


def test_well_known_platforms_by_trade_name_are_platforms_with_their_kind() -> None:
    facts = _facts("Greece will buy 20 Eurofighter Typhoon jets, a Patriot battery and 12 Black Hawk helicopters, "
                   "and later the Spike missile.")
    platforms = {e.name: e.attributes for e in facts.entities if e.type == "Platform"}
    assert {"Eurofighter Typhoon", "Patriot", "Black Hawk", "Spike"} <= set(platforms)
    assert platforms["Patriot"].get("kind") == "air defence system"
    assert platforms["Black Hawk"].get("country") == "United States"


def test_a_listed_variant_is_named_by_its_base_model_and_a_block_keeps_its_designation() -> None:
    facts = _facts("Croatia ordered 24 AH-64E Apache helicopters and six K9A1 howitzers.")
    assert {"AH-64 Apache", "K9"} <= set(_entities(facts, "Platform"))
    facts = _facts("Bulgaria will take the F-16 Block 70 to replace its ageing F-16 fleet.")
    assert {"F-16 Block 70", "F-16"} <= set(_entities(facts, "Platform"))
    facts = _facts("Ecuador signed for 12 Spike Mk II missiles. The Spike has served since 2010.")
    assert "Spike Mk II" in _entities(facts, "Platform")
    facts = _facts("Ecuador signed for 12 Spike Mk II missiles.")
    assert _entities(facts, "Platform") == ["Spike"]


def test_a_listed_name_that_begins_a_class_or_ends_a_persons_name_is_no_platform() -> None:
    facts = _facts("Spain commissioned two Mistral-class landing ships. Peter Stryker, the programme head, "
                   "said so.")
    assert "Mistral" not in _entities(facts, "Platform")
    assert "Stryker" not in _entities(facts, "Platform")


def test_a_name_after_a_known_maker_is_that_makers_platform() -> None:
    facts = _facts("Estonia chose the Hanwha Tigon over rival designs, and Kenya ordered 40 Otokar Arma vehicles.")
    assert {"Tigon", "Arma"} <= set(_entities(facts, "Platform"))
    makers = {(s, o) for s, o, _q in _rels(facts, "manufactures")}
    assert ("Otokar", "Arma") in makers


def test_a_place_or_a_post_after_a_maker_is_no_platform() -> None:
    facts = _facts("Saab Chairman Marcus Wallenberg toured the Saab Linkoping site and the Otokar Sakarya plant.")
    assert _entities(facts, "Platform") == []


# local assembly and industrial participation


def test_the_first_hulls_built_abroad_and_the_rest_assembled_by_a_local_yard() -> None:
    facts = _facts("LIMA – Peru has signed a contract with Navantia for five Avante-class corvettes. The first two "
                   "hulls will be built in Ferrol and the rest assembled locally by SIMA Peru in Callao.")
    made = {s: q for s, o, q in _rels(facts, "manufactures") if o == "Avante-class corvette"}
    assert made["Navantia"] == {"quantity": 2, "site": "Ferrol", "status": "planned"}
    assert made["SIMA Peru"] == {"quantity": 3, "site": "Callao", "status": "planned"}


def test_a_build_at_another_firms_yard_is_not_given_to_the_supplier() -> None:
    facts = _facts("Ghana signed a contract with Damen Shipyards for four Stan-class patrol boats. The boats will be "
                   "assembled at the Sekondi yard of a local partner.")
    assert _rels(facts, "manufactures") == []


def test_local_content_goes_to_the_firm_named_as_its_source_else_to_the_buying_state() -> None:
    facts = _facts("NAIROBI – Kenya signed a contract with Otokar for 40 Arma vehicles. The contract sets 25% local "
                   "content.")
    assert ("Kenya", "Arma", {"role": "local content", "work_share": "25%"}) in _rels(facts, "contributes_to")
    facts = _facts("RABAT – Morocco signed a contract with Elbit Systems for 36 ATMOS howitzers. The deal requires a "
                   "local content of 30 per cent from Nammo.")
    assert [(s, q.get("work_share")) for s, _o, q in _rels(facts, "contributes_to")] == [("Nammo", "30%")]


def test_a_firm_that_makes_a_part_contributes_to_the_platform_and_does_not_make_it() -> None:
    facts = _facts("Embraer signed a deal with the Netherlands for the C-390. Fokker Technologies will manufacture "
                   "the tail sections for the C-390, while Thales will supply the mission systems for the C-390.",)
    contrib = {(s, q.get("role")) for s, o, q in _rels(facts, "contributes_to") if o == "C-390"}
    assert ("Thales", "mission systems") in contrib
    assert not any(s == "Thales" for s, _o, _q in _rels(facts, "manufactures"))


def test_a_support_centre_run_by_a_local_firm_is_its_contribution() -> None:
    facts = _facts("Chile signed a contract with Airbus for eight H225M helicopters. The offset package includes a "
                   "maintenance centre run by ENAER near Santiago.")
    assert ("ENAER", "H225M", {"role": "maintenance centre"}) in _rels(facts, "contributes_to")


# statuses in other words


def _statuses(facts: object) -> dict[object, dict]:
    return {o: q for _s, o, q in _rels(facts, "has_status")}  # type: ignore[arg-type]


def test_a_body_that_approved_the_sale_gives_the_agreement_its_approval() -> None:
    facts = _facts("ROME – Qatar signed a €2 billion contract with Fincantieri for four corvettes on Monday. Italy's "
                   "Cabinet approved the sale in March, officials said.", date="2026-05-12")
    approved = _statuses(facts)["approved"]
    assert approved["date"] == "2026-03" and approved["by"] in _entities(facts, "GovernmentAgency")


def test_an_agreement_awaiting_approval_is_pending_by_the_approving_body() -> None:
    facts = _facts("A contract with Rheinmetall for 50 Lynx vehicles awaits cabinet approval.")
    assert "pending approval" in _statuses(facts)
    facts = _facts("Hungary is finalising an agreement with Hanwha Aerospace, expected for Cabinet approval by "
                   "September.")
    expected = [q for _s, o, q in _rels(facts, "has_status") if o == "expected" and q.get("by")]
    assert expected and expected[0]["expected_date"] == "2026-09"
    assert expected[0]["by"] in _entities(facts, "GovernmentAgency")


def test_a_deal_shelved_cancelled_or_stalled_has_that_status() -> None:
    facts = _facts("A 2021 contract with Leonardo for six M-346 jets was shelved in 2024.")
    assert _statuses(facts) == {"shelved": {"date": "2024"}}
    facts = _facts("Norway signed a contract with Nammo for shells. The deal was cancelled in April.")
    assert _statuses(facts)["cancelled"] == {"date": "2026-04"}
    facts = _facts("A planned deal with Embraer for 12 C-390 aircraft has stalled over financing.")
    assert "stalled" in _statuses(facts)
    assert any(e.endswith("contract (2026)") for e in _entities(facts, "Agreement"))


def test_a_cancelled_exercise_gives_no_agreement_a_status() -> None:
    facts = _facts("Norway signed a contract with Nammo for shells. A joint exercise was cancelled in April.")
    assert "cancelled" not in _statuses(facts)


def test_a_states_possessive_contract_has_the_state_as_buyer() -> None:
    facts = _facts("Uruguay's contract with Embraer for two C-390 aircraft was signed on Friday.")
    parties = {(s, q.get("role")) for s, _o, q in _rels(facts, "party_to")}
    assert parties == {("Uruguay", "buyer"), ("Embraer", "supplier")}


# values stated after the agreement


def test_values_stated_after_the_agreement_in_other_words() -> None:
    for sentence, value, approx in (
            ("The contract has a value of $460 million.", "460000000 USD", None),
            ("The deal, which also covers spare parts and training, is worth $95 million.", "95000000 USD", None),
            ("The agreement carries a price tag of $500 million.", "500000000 USD", None),
            ("The contract is estimated to be worth €1 billion.", "1000000000 EUR", True),
            ("The contract, signed in Quito on Friday, is valued at $310 million.", "310000000 USD", None),
            ("Its value was not disclosed, but analysts put the cost at $60 million.", "60000000 USD", True)):
        facts = _facts(f"Ecuador signed a contract with Otokar for 20 Arma vehicles. {sentence}")
        values = _rels(facts, "has_value")
        assert [(o, q.get("approximate")) for _s, o, q in values] == [(value, approx)], sentence


def test_an_amount_of_another_thing_after_the_agreement_is_not_its_value() -> None:
    facts = _facts("Ecuador signed a contract with Otokar for 20 Arma vehicles. The ministry, which has a budget of "
                   "$900 million, welcomed it.")
    assert _rels(facts, "has_value") == []


# classes found on further articles


def test_a_status_of_a_second_deal_in_the_sentence_is_not_the_first_deals() -> None:
    facts = _facts("Serbia's contract with Airbus for 12 H145M helicopters was signed in May, while a planned deal "
                   "with Leonardo for AW139 helicopters has stalled.")
    assert "stalled" not in _statuses(facts)


def test_a_counted_kind_built_in_a_city_is_built_by_the_contracted_maker() -> None:
    facts = _facts("Latvia signed a contract with KNDS Deutschland for 20 Leopard 2 tanks. The first eight tanks will "
                   "be built in Munich.")
    assert ("KNDS Deutschland", "Leopard 2", {"quantity": 8, "site": "Munich", "status": "planned"}) in _rels(
        facts, "manufactures")


def test_a_share_of_the_work_that_goes_to_a_states_industry_or_a_firm() -> None:
    facts = _facts("Poland signed a contract with Boeing for 96 AH-64 Apache helicopters. Boeing said 35% of the work "
                   "would go to Polish industry, and 10% of the work will go to WB Group.")
    shares = {(s, q.get("role"), q.get("work_share")) for s, o, q in _rels(facts, "contributes_to")}
    assert ("Poland", "local industry", "35%") in shares and ("WB Group", None, "10%") in shares


def test_a_firm_that_makes_the_barrels_or_chassis_contributes_them() -> None:
    facts = _facts("Norway signed a contract with Hanwha Aerospace for K239 launchers. Huta Stalowa Wola, which will "
                   "produce the chassis for the K239, is a partner.")
    assert ("Huta Stalowa Wola", "K239", {"role": "chassis"}) in _rels(facts, "contributes_to")


def test_a_state_which_operates_the_platform_and_a_platform_chosen_over_another() -> None:
    facts = _facts("Chile, which operates the F-16, is watching. Switzerland picked the F-35 over the Rafale in 2021.")
    assert ("Chile", "F-16", {}) in _rels(facts, "operates")
    assert [(s, o) for s, o, _q in _rels(facts, "selected_over")] == [("F-35", "Rafale")]


def test_the_body_whose_approval_is_awaited_after_the_word_approval() -> None:
    facts = _facts("Vietnam signed a contract with Hanwha Ocean for two corvettes. The contract awaits final approval "
                   "from the Cabinet.")
    pending = _statuses(facts)["pending approval"]
    assert pending["by"] in _entities(facts, "GovernmentAgency")


def test_an_earlier_contract_named_by_ordinal_and_designation_is_an_agreement_and_its_order_is_not() -> None:
    facts = _facts("Norway signed a contract with Hanwha Aerospace for 24 K239 launchers on Friday. It follows the "
                   "first K239 contract, signed in 2023.")
    assert any(a.endswith("(2023)") for a in _entities(facts, "Agreement"))
    facts = _facts("Norway signed a contract with Hanwha Aerospace for 24 K239 launchers on Friday. Estonia placed its "
                   "K239 order earlier.")
    assert len(_entities(facts, "Agreement")) == 1


def test_ships_built_in_a_country_before_the_contract_names_the_platform_are_the_suppliers() -> None:
    facts = _facts("Canada has selected the F110 frigate of Navantia. The government expects to sign a contract with "
                   "Navantia next year. Four ships will be built in Spain and the rest at Halifax.")
    assert ("Navantia", "F110", {"quantity": 4, "site": "Spain", "status": "planned"}) in _rels(facts, "manufactures")


def test_the_deal_first_named_after_a_purchase_is_that_purchase() -> None:
    facts = _facts("ACCRA – Ghana has shelved a planned purchase of eight AW139 helicopters from Leonardo, the air "
                   "force said. The deal, first agreed in 2023 and estimated at $240 million, was put on hold in June.",
                   date="2026-09-01")
    [agreement] = _entities(facts, "Agreement")
    assert agreement == "Ghana–Leonardo AW139 contract (2023)"
    assert {(s, q.get("role")) for s, _o, q in _rels(facts, "party_to")} == {("Ghana", "buyer"),
                                                                             ("Leonardo", "supplier")}
    assert ("on hold", {"date": "2026-06"}) in [(o, q) for _s, o, q in _rels(facts, "has_status")]
    assert _rels(facts, "covers") == [(agreement, "AW139", {"quantity": 8})]


def test_the_contract_named_by_its_platform_is_the_one_named_before() -> None:
    facts = _facts("Chad signed a contract with Leonardo for six M-346 jets. Critics said the M-346 contract was too "
                   "costly.")
    assert len(_entities(facts, "Agreement")) == 1


def test_a_deal_inked_after_it_was_said_signed_is_the_same_signing_with_its_place() -> None:
    facts = _facts("MANILA – The Philippine Navy signed a contract with Hanwha Ocean for two corvettes on Monday, "
                   "officials said. The deal was inked in Manila by Admiral Juan Cruz.")
    assert _statuses(facts) == {"signed": {"date": "2026-05-11", "location": "Manila"}}


def test_a_possible_sale_approved_by_the_selling_state_is_an_approved_agreement() -> None:
    facts = _facts("The US State Department approved a possible Foreign Military Sale of 12 AH-64 Apache helicopters "
                   "to Morocco on Monday, with an estimated cost of $1.2 billion.")
    [sale] = _entities(facts, "Agreement")
    assert {(s, q["role"]) for s, _o, q in _rels(facts, "party_to")} == {("United States", "supplier"),
                                                                         ("Morocco", "buyer")}
    assert _rels(facts, "has_value") == [(sale, "1200000000 USD", {"approximate": True})]
    assert _statuses(facts)["approved"]["by"] in _entities(facts, "GovernmentAgency")
    assert _rels(facts, "covers") == [(sale, "AH-64 Apache", {"quantity": 12})]


# lists of platforms, and buying without a supplier


def test_what_is_said_of_the_first_platform_of_a_list_is_said_of_each() -> None:
    facts = _facts("Kenya operates the Z-9 helicopter, the Super Tucano and the Bayraktar TB2. The Greek Army operates "
                   "180 Leopard 2 tanks and 60 M1 Abrams tanks, and will buy the Lynx.")
    ops = {(s, o, q.get("quantity")) for s, o, q in _rels(facts, "operates")}
    assert {("Kenya", "Z-9", None), ("Kenya", "Super Tucano", None), ("Kenya", "Bayraktar TB2", None)} <= ops
    assert {("Greek Army", "Leopard 2", 180), ("Greek Army", "M1 Abrams", 60)} <= ops
    assert not any(o == "Lynx" for _s, o, _q in _rels(facts, "operates"))


def test_a_state_that_signed_for_or_will_buy_a_platform_buys_it() -> None:
    facts = _facts("Latvia signed for 36 CV90 vehicles on Tuesday. Slovenia will buy the Patriot and the Piranha.")
    buys = {(s, o): q for s, o, q in _rels(facts, "buys")}
    assert buys[("Latvia", "CV90")] == {"quantity": 36, "status": "contracted", "date": "2026-05-12"}
    assert buys[("Slovenia", "Patriot")] == {"status": "planned"} == buys[("Slovenia", "Piranha")]


def test_a_state_that_signed_for_a_platform_from_a_supplier_is_its_buyer_not_a_bare_buy() -> None:
    facts = _facts("Latvia signed a contract with BAE Systems Hagglunds for 36 CV90 vehicles.")
    assert _rels(facts, "buys") == []


def test_a_status_said_of_another_platforms_purchase_is_not_the_deals() -> None:
    facts = _facts("Peru signed a contract with Airbus for six C295 aircraft in 2019. A planned purchase of Su-35 "
                   "fighters from Russia was shelved in 2021.")
    assert "shelved" not in _statuses(facts)


def test_the_deal_named_by_its_platform_after_talks_is_those_talks() -> None:
    facts = _facts("Qatar signed an MoU with Rheinmetall on ammunition. Separately, Kuwait is negotiating with "
                   "Raytheon for a Patriot battery. The Patriot deal, estimated at $3 billion, has been delayed.")
    deal = next(a for a in _entities(facts, "Agreement") if "Patriot" in a)
    assert deal == "Kuwait–Raytheon Patriot contract (2026)"
    assert (deal, "delayed") in [(s, o) for s, o, _q in _rels(facts, "has_status")]
    assert [(s, o) for s, o, _q in _rels(facts, "has_value")] == [(deal, "3000000000 USD")]


def test_a_firm_that_will_assemble_the_kind_and_a_states_industry_that_provides_a_share() -> None:
    facts = _facts("Algeria signed a contract with Rheinmetall for 54 Boxer vehicles. Algerian industry will provide "
                   "35% of the content.")
    assert ("Algeria", "Boxer", {"role": "local content", "work_share": "35%"}) in _rels(facts, "contributes_to")
    facts = _facts("Algeria signed a contract with Rheinmetall for 54 Boxer vehicles. Under the deal, Tatra Trucks "
                   "will assemble the vehicles at its plant in Koprivnice.")
    assert ("Tatra Trucks", "Boxer", {"site": "Koprivnice", "status": "planned"}) in _rels(facts, "manufactures")


def test_the_amount_and_year_of_a_credit_line_named_in_a_contracts_sentence() -> None:
    facts = _facts("COLOMBO: India and Sri Lanka have agreed a new credit line for defence purchases. On Monday Sri "
                   "Lanka signed a contract with Goa Shipyard for two patrol vessels, the first deal financed from a "
                   "US$450 million line of credit that New Delhi extended to Colombo last year.")
    credit = next(a for a in _entities(facts, "Agreement") if "line of credit" in a)
    assert credit.endswith("(2025)")
    assert _rels(facts, "has_value")[-1:] == [(credit, "450000000 USD", {})] or (
        (credit, "450000000 USD", {}) in _rels(facts, "has_value"))
    roles = {s: q.get("role") for s, o, q in _rels(facts, "party_to") if o == credit}
    assert roles == {"India": "lender", "Sri Lanka": "recipient"}


def test_a_states_name_that_begins_like_an_honorific_is_the_state() -> None:
    facts = _facts("Sri Lanka bought two patrol vessels from India.")
    assert "Sri Lanka" in _entities(facts, "Country") and _entities(facts, "Person") == []


def test_a_status_is_dated_by_the_date_nearest_it() -> None:
    facts = _facts("Ghana signed a contract with Damen Shipyards for two corvettes. It builds on the 2019 contract for "
                   "four patrol boats, the last of which was handed over in Accra in March 2025.")
    handed = [(s, q) for s, o, q in _rels(facts, "has_status") if o == "handed over"]
    assert handed and "2019" in handed[0][0] and handed[0][1]["date"] == "2025-03"
