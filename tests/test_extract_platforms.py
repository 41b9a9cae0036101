"""Platform relations (building, design, equipment, operators, lineage, trade) on sentences written for the test."""

from __future__ import annotations

from graph.articles import Article
from graph.extract import extract
from graph.models import ArticleFacts


def _facts(text: str, date: str = "2025-04-10") -> ArticleFacts:
    return extract(Article(text, "t.txt", date=date))


def _rels(facts: ArticleFacts, predicate: str) -> dict[tuple[str, object], dict]:
    return {(r.subject, r.object): r.qualifiers for r in facts.relations if r.predicate == predicate}


def _platforms(facts: ArticleFacts) -> set[str]:
    return {e.name for e in facts.entities if e.type == "Platform"}


# -- naming
def test_a_variant_defined_with_an_acronym_is_its_own_platform_derived_from_the_base() -> None:
    facts = _facts("Norway and Poland agreed to develop a coastal defence (CD) variant of the KX-9 fighter. "
                   "The CD variant will fly in 2029.")
    assert {"KX-9", "KX-9 CD"} <= _platforms(facts)
    assert ("KX-9 CD", "KX-9") in _rels(facts, "derived_from")
    variant = next(e for e in facts.entities if e.name == "KX-9 CD")
    assert "CD variant" in variant.aliases


def test_a_designation_in_parentheses_is_an_alias_and_the_class_takes_its_noun() -> None:
    facts = _facts("The Chilean Navy, whose three Condor-class (ZX A-400C) corvettes were commissioned in 2011, "
                   "is the second user of the ZX A-400 design.")
    assert "Condor-class corvette" in _platforms(facts)
    assert "ZX A-400C" not in _platforms(facts)
    assert ("Condor-class corvette", "ZX A-400") in _rels(facts, "derived_from")


def test_a_maker_written_before_a_designation_leaves_the_platform_and_makes_it() -> None:
    facts = _facts("The corvette will carry the Thales NS-50 radar.")
    assert "NS-50" in _platforms(facts)
    assert ("Thales", "NS-50") in _rels(facts, "manufactures")


# -- building
def test_passive_building_names_maker_quantity_site_and_a_planned_status() -> None:
    facts = _facts("Colombia signed a contract for four KX-9 jets. Under the deal, the first two aircraft will be "
                   "built at Embraer's plant in Gaviao Peixoto, while the remaining two will be assembled by "
                   "Airbus in Bogota.")
    made = _rels(facts, "manufactures")
    assert made[("Embraer", "KX-9")] == {"quantity": 2, "site": "Gaviao Peixoto", "status": "planned"}
    assert made[("Airbus", "KX-9")]["quantity"] == 2


def test_a_shipbuilder_named_only_by_its_nationality_makes_the_country_the_builder() -> None:
    facts = _facts("Canberra ordered twelve LX-200 frigates. The remaining nine will be constructed at the "
                   "Osborne yard by an Australian shipbuilder yet to be chosen.")
    assert ("Australia", "LX-200") in _rels(facts, "manufactures")


def test_a_sentence_without_maker_or_platform_adds_no_building_fact() -> None:
    facts = _facts("The new hangar will be built next year.")
    assert _rels(facts, "manufactures") == {}


def test_a_firm_to_assemble_part_of_a_fleet_locally_manufactures_it() -> None:
    facts = _facts("Officials said Rheinmetall would assemble part of the KX-9 fleet in Hungary.")
    assert _rels(facts, "manufactures")[("Rheinmetall", "KX-9")]["status"] == "planned"


# -- design and work share
def test_jointly_developed_by_makes_each_named_party_a_joint_developer() -> None:
    facts = _facts("Manila asked about the HX-3 anti-ship missile, jointly developed by Italy and Brazil.")
    dev = _rels(facts, "develops")
    assert dev[("Italy", "HX-3")] == {"role": "joint developer"}
    assert ("Brazil", "HX-3") in dev


def test_work_shares_give_role_share_production_and_supplied_parts() -> None:
    facts = _facts("Three countries signed an MoU to develop a mobile air defence (MAD) variant of the KX-9 truck.\n"
                   "Under the plan, Rheinmetall will take 55% of development and production work as prime contractor. "
                   "Saab will take 25%, supplying its RBS 70 NG missile system and Giraffe 1X radar. "
                   "Nammo will receive 20% for launcher sub-assemblies.")
    dev = _rels(facts, "develops")
    assert dev[("Rheinmetall", "KX-9 MAD")] == {"role": "prime contractor", "work_share": "55%"}
    assert dev[("Saab", "KX-9 MAD")] == {"role": "missile system and radar", "work_share": "25%"}
    assert dev[("Nammo", "KX-9 MAD")]["work_share"] == "20%"
    assert ("Rheinmetall", "KX-9 MAD") in _rels(facts, "manufactures")
    assert {("Saab", "KX-9 MAD"), ("Nammo", "KX-9 MAD")} <= set(_rels(facts, "contributes_to"))
    assert {("KX-9 MAD", "RBS 70 NG"), ("KX-9 MAD", "Giraffe 1X")} <= set(_rels(facts, "equipped_with"))
    assert ("Saab", "Giraffe 1X") in _rels(facts, "manufactures")


def test_acting_as_design_authority_is_a_development_role() -> None:
    facts = _facts("Tokyo will supply six LX-200 frigates. The last four will be built by Hanwha Ocean in Geoje, "
                   "with Mitsubishi Heavy Industries acting as design authority.")
    assert _rels(facts, "develops")[("Mitsubishi Heavy Industries", "LX-200")] == {"role": "design authority"}


# -- equipment
def test_armed_with_and_role_slots_equip_the_platform_in_focus() -> None:
    facts = _facts("The KX-9 is armed with the HX-3 missile. Its main radar will be the Leonardo GR-7.")
    eq = _rels(facts, "equipped_with")
    assert ("KX-9", "HX-3") in eq
    assert ("KX-9", "GR-7") in eq
    assert ("Leonardo", "KX-9") in _rels(facts, "contributes_to")


def test_an_aircraft_flown_from_a_ship_equips_the_ship_and_both_serve_the_force() -> None:
    facts = _facts("The Bayraktar TB3 has flown with the Turkish Naval Forces from the assault ship TCG Anadolu "
                   "since 2024.")
    assert ("TCG Anadolu", "Bayraktar TB3") in _rels(facts, "equipped_with")
    ops = _rels(facts, "operates")
    assert ops[("Turkish Naval Forces", "Bayraktar TB3")] == {"since": "2024"}
    assert ("Turkish Naval Forces", "TCG Anadolu") in ops


# -- operators and lineage
def test_a_force_which_operates_or_whose_or_possessive_counts_are_operators() -> None:
    facts = _facts("The ZT-400 design also serves with the Chilean Navy, which operates three ZT-400P ships. "
                   "The Royal Navy's six LX-200 frigates are due for refit.")
    ops = _rels(facts, "operates")
    assert ops[("Chilean Navy", "ZT-400P")] == {"quantity": 3}
    assert ops[("Royal Navy", "LX-200")] == {"quantity": 6}
    # the family is not listed once the force's own variant is known
    assert ("Chilean Navy", "ZT-400") not in ops


def test_derivative_and_replacement_read_through_a_pronoun() -> None:
    facts = _facts("The upgraded Condor-class frigate is a larger derivative of the Chilean Navy's Condor-class. "
                   "It will replace the Chilean Navy's five LX-200 frigates.")
    assert ("Upgraded Condor-class frigate", "Condor-class") in _rels(facts, "derived_from")
    rep = _rels(facts, "replaces")[("Upgraded Condor-class frigate", "LX-200")]
    assert rep == {"operator": "Chilean Navy", "quantity": 5, "status": "planned"}


def test_selected_over_relates_the_winner_to_the_loser() -> None:
    facts = _facts("The KX-9 was selected over the Gripen in the final round.")
    assert ("KX-9", "Gripen") in _rels(facts, "selected_over")


def test_a_person_who_inspected_a_platform_is_related_to_it() -> None:
    facts = _facts("General Ana Souza inspected the KX-9 on 3 April.")
    assert _rels(facts, "inspected")[("Ana Souza", "KX-9")] == {"date": "2025-04-03"}


# -- trade
def test_a_track_record_gives_one_supply_per_buyer_with_a_literal_object() -> None:
    facts = _facts("Naval Group, which has built more than 40 submarines for the French Navy and has exported "
                   "corvettes to Egypt and Malaysia, opened a new yard.")
    sup = [(r.object, r.qualifiers) for r in facts.relations if r.predicate == "supplies"]
    assert ("submarines", {"quantity": 40, "lower_bound": True, "buyer": "French Navy"}) in sup
    assert ("corvettes", {"buyer": "Egypt", "status": "exported"}) in sup
    assert ("corvettes", {"buyer": "Malaysia", "status": "exported"}) in sup


def test_ordering_a_makers_platform_is_a_supply_and_placing_an_order_alone_is_a_purchase() -> None:
    facts = _facts("In 2021 Qatar ordered Baykar's armed Bayraktar Akinci. Oman placed its KX-9 order in March.")
    assert _rels(facts, "supplies")[("Baykar", "Bayraktar Akinci")] == {
        "buyer": "Qatar", "status": "contracted", "date": "2021"}
    assert _rels(facts, "buys")[("Oman", "KX-9")] == {"status": "contracted", "date": "2025-03"}


def test_the_countries_ranked_before_a_buyer_bought_the_platform_too() -> None:
    facts = _facts("Chile signed a contract with Airbus for the KX-9, becoming the third nation after Peru and "
                   "Colombia to order the type.")
    buys = _rels(facts, "buys")
    assert ("Peru", "KX-9") in buys
    assert ("Colombia", "KX-9") in buys


def test_an_allocation_list_gives_each_country_its_share_and_the_batch_to_the_agreement() -> None:
    facts = _facts("Four nations signed an MoU on the KX-9 truck. A first batch of 40 vehicles is planned: "
                   "16 for Estonia, 12 for Lithuania, 8 for Norway and 4 for Denmark.")
    buys = _rels(facts, "buys")
    assert buys[("Estonia", "KX-9")] == {"quantity": 16, "status": "planned"}
    assert buys[("Denmark", "KX-9")]["quantity"] == 4
    covers = [r.qualifiers for r in facts.relations if r.predicate == "covers" and r.object == "KX-9"]
    assert covers == [{"quantity": 40}]


def test_an_anaphoric_deal_scope_sets_the_count_on_cover_and_supply() -> None:
    facts = _facts("Qatar signed a contract with Baykar for the Bayraktar TB3. The deal covers at least 10 "
                   "aircraft and training.")
    covers = next(r for r in facts.relations if r.predicate == "covers")
    assert (covers.qualifiers["quantity"], covers.qualifiers["lower_bound"]) == (10, True)
    assert _rels(facts, "supplies")[("Baykar", "Bayraktar TB3")]["quantity"] == 10


def test_interest_and_requirement_relate_the_state_to_the_platform() -> None:
    facts = _facts("Officials said the Peruvian side held preliminary talks on the KX-9 and the Chilean Navy "
                   "needs 6 LX-200 frigates.")
    assert ("Peru", "KX-9") in _rels(facts, "interested_in")
    assert _rels(facts, "requires")[("Chilean Navy", "LX-200")] == {"quantity": 6}


def test_two_makers_and_two_platforms_in_one_track_record_give_no_supply() -> None:
    facts = _facts("Hanwha Aerospace and Hyundai Rotem, which have delivered K9 howitzers and K2 tanks to the "
                   "Polish Army, opened an office.")
    assert _rels(facts, "supplies") == {}


def test_the_digits_of_a_designation_are_not_a_count() -> None:
    facts = _facts("Hyundai Rotem, which has delivered K2 tanks to the Polish Army, opened an office.")
    assert _rels(facts, "supplies")[("Hyundai Rotem", "K2")] == {"buyer": "Polish Army", "status": "delivered"}


def test_an_equity_stake_is_not_a_work_share() -> None:
    facts = _facts("Norway will buy the KX-9 fighter for its development programme. "
                   "Rheinmetall will hold 51% of the joint venture.")
    assert _rels(facts, "develops") == {}


def test_replacing_one_platform_with_another_reads_the_new_one_after_with() -> None:
    facts = _facts("Poland will replace its ageing LX-200 fleet with the KX-9.")
    assert ("KX-9", "LX-200") in _rels(facts, "replaces")


def test_a_counted_order_without_a_supplier_is_a_purchase_with_its_quantity() -> None:
    facts = _facts("Last year Peru ordered 24 KX-9 jets.")
    assert _rels(facts, "buys")[("Peru", "KX-9")]["quantity"] == 24


def test_a_part_integrated_with_a_platform_does_not_equip_the_part() -> None:
    facts = _facts("The GR-7 radar will be integrated with the KX-9.")
    assert ("GR-7", "KX-9") not in _rels(facts, "equipped_with")


def test_a_contract_with_a_second_currency_in_parentheses_covers_and_supplies_its_platform() -> None:
    facts = _facts("The Polish Ministry of Defence signed a PLN 2.1 billion (€490 million) contract with "
                   "Rheinmetall for 30 KX-9 howitzers.")
    assert _rels(facts, "supplies")[("Rheinmetall", "KX-9")]["quantity"] == 30
    assert [r.qualifiers["quantity"] for r in facts.relations if r.predicate == "covers"] == [30]


def test_an_earlier_contract_a_follow_on_builds_on_is_supplied_by_the_same_firm() -> None:
    facts = _facts("Chile has placed a follow-on order with Airbus for two more aircraft. It builds on the 2019 "
                   "contract for four KX-9 jets, the last of which was handed over in 2023.")
    sup = _rels(facts, "supplies")
    assert sup[("Airbus", "KX-9")]["buyer"] == "Chile"
    assert sup[("Airbus", "KX-9")]["quantity"] == 4
