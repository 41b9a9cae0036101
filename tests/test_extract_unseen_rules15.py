"""Rules for articles unlike the development texts, fifteenth round: budgets and procurement plans that tell a
purchase by a noun ("the purchase of 12 <P> from <Co>"), and export licences granted or refused for a firm's
sale. Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

import pytest

from .test_extract_unseen_rules import _entities, _facts, _rels

# purchases told by a noun, with the seller after "from"


def _supplies(text: str) -> dict[tuple[str, object], dict]:
    return {(s, o): q for s, o, q in _rels(_facts(text), "supplies")}


def test_a_funded_purchase_from_a_firm_is_a_supply_to_the_force_it_is_for() -> None:
    got = _supplies("WELLINGTON – The budget funds the purchase of 12 NH90 helicopters from Airbus Helicopters "
                    "for the Royal New Zealand Air Force, the minister said.")
    q = got[("Airbus Helicopters", "NH90")]
    assert q["buyer"] == "Royal New Zealand Air Force" and q["quantity"] == 12


def test_the_buyer_of_a_purchase_by_noun_is_the_state_named_before_it() -> None:
    got = _supplies("LIMA – Peru approved funds on Monday for the acquisition of two Type 209 submarines "
                    "from ThyssenKrupp Marine Systems.")
    q = got[("thyssenkrupp Marine Systems", "Type 209")]
    assert q["buyer"] == "Peru" and q["quantity"] == 2


def test_a_shelved_purchase_by_noun_carries_the_word_that_halted_it() -> None:
    got = _supplies("BOGOTA – Colombia has shelved a planned purchase of 16 Gripen fighters from Saab.")
    assert got[("Saab", "Gripen")]["status"] == "shelved"


def test_a_purchase_from_a_state_named_by_an_adjective_names_no_supplier() -> None:
    got = _supplies("PRAGUE – The plan funds the purchase of 20 Leopard 2 tanks from German stocks.")
    assert not [k for k in got if k[1] == "Leopard 2"]


# export licences


def test_an_export_licence_allowing_a_firm_to_deliver_is_an_approved_supply() -> None:
    got = _supplies("STOCKHOLM – The Inspectorate of Strategic Products granted an export licence allowing Saab "
                    "to deliver 10 Gripen fighters to Thailand, the agency said on Tuesday.")
    q = got[("Saab", "Gripen")]
    assert q["buyer"] == "Thailand" and q["quantity"] == 10 and q["status"] == "approved"


@pytest.mark.parametrize(("verb", "status"), [("refused", "refused"), ("approved", "approved")])
def test_a_licence_decision_gives_the_supply_its_status(verb: str, status: str) -> None:
    got = _supplies(f"SEOUL – The government {verb} a licence for Hanwha Aerospace to export 18 K9 howitzers "
                    "to Egypt.")
    q = got[("Hanwha Aerospace", "K9")]
    assert q["status"] == status and q["buyer"] == "Egypt"


def test_a_licence_for_a_firm_with_no_platform_named_makes_no_supply() -> None:
    got = _supplies("ROME – The ministry granted a licence allowing Leonardo to export spare parts to Brazil.")
    assert not [k for k in got if k[0] == "Leonardo"]


# a joint venture company named by apposition


@pytest.mark.parametrize(("text", "name"), [
    ("PARIS – The design work went to Aerolis, the joint venture formed by Safran and MBDA, on Monday.", "Aerolis"),
    ("Marveda, a joint venture between Fincantieri and Naval Group, will lead the frigate design.", "Marveda"),
])
def test_a_name_the_text_calls_a_joint_venture_is_a_company(text: str, name: str) -> None:
    assert name in _entities(_facts(text), "Company")


def test_a_joint_venture_named_after_a_full_stop_does_not_take_the_word_before() -> None:
    facts = _facts("The minister met Jonas Berg, who leads the yard. Nordvik, a joint venture between Saab and "
                   "Kongsberg, will build the hulls.")
    companies = _entities(facts, "Company")
    assert "Nordvik" in companies and not [c for c in companies if "Berg" in c]


def test_a_joint_venture_called_by_its_short_form_is_one_company() -> None:
    facts = _facts("Officials visited Baltic Naval Works (BNW). BNW, a joint venture between Saab and Kongsberg, "
                   "builds the hulls.")
    companies = _entities(facts, "Company")
    assert "BNW" not in companies and any("Baltic Naval Works" in c for c in companies)


# programmes named with an acronym are no bodies


@pytest.mark.parametrize("text", [
    "STOCKHOLM – Sweden and Finland joined the Nordic Fighter Development Programme (NFDP) on Monday.",
    "The Army awarded the first phase of the Next Generation Howitzer Project (NGHP) to Nexter.",
    "Officials said the Joint Sensor Initiative (JSI) would run until 2030.",
])
def test_a_programme_defined_with_an_acronym_is_no_entity(text: str) -> None:
    names = {e.name for e in _facts(text).entities} | {a for e in _facts(text).entities for a in e.aliases}
    assert not [n for n in names if n.endswith(("Programme", "Project", "Initiative")) or n in ("NFDP", "NGHP", "JSI")]


# ministries named "Ministry for ..."


@pytest.mark.parametrize(("text", "body"), [
    ("VIENNA – The Federal Ministry for Economic Affairs said exports of arms rose in 2025.",
     "Ministry for Economic Affairs"),
    ("The Ministry for Foreign Affairs and Trade said the talks would resume.",
     "Ministry for Foreign Affairs and Trade"),
])
def test_a_ministry_for_a_domain_is_an_agency_and_no_person(text: str, body: str) -> None:
    facts = _facts(text)
    assert any(a.startswith(body) for a in _entities(facts, "GovernmentAgency")) and _entities(facts, "Person") == []


# sales told by a verb, to one buyer or to several


def test_a_firm_expected_to_supply_a_platform_to_a_force_supplies_it() -> None:
    got = _supplies("ANKARA – Otokar is expected to supply 24 Cobra II armoured vehicles to the Kenya Army, officials "
                    "said.")
    q = got[("Otokar", "Cobra II")]
    assert q["buyer"] == "Kenya Army" and q["quantity"] == 24 and q["status"] == "expected"


def test_a_firm_that_delivered_to_several_states_supplies_each() -> None:
    facts = _facts("GENEVA – Leonardo delivered M-346 trainers to Singapore, Italy and Poland, the report said.")
    buyers = {q.get("buyer") for s, o, q in _rels(facts, "supplies") if (s, o) == ("Leonardo", "M-346")}
    assert buyers == {"Singapore", "Italy", "Poland"}


def test_a_sale_to_a_people_named_by_an_adjective_is_not_read_as_a_buyer() -> None:
    got = _supplies("Rafael will supply two Iron Dome batteries to Romanian units next year.")
    assert not [k for k, q in got.items() if q.get("buyer") == "Romania"]


# orders listed with their sellers, as arms-transfer reports tell them


def test_each_seller_supplies_the_platforms_listed_before_it() -> None:
    facts = _facts("Romania, which has ordered Leopard 2 tanks and CV90 vehicles from Sweden as well as Black Hawk "
                   "helicopters from the United States, ranked fourth.")
    got = {(s, o): q.get("buyer") for s, o, q in _rels(facts, "supplies")}
    assert got == {("Sweden", "Leopard 2"): "Romania", ("Sweden", "CV90"): "Romania",
                   ("United States", "Black Hawk"): "Romania"}


def test_platforms_ordered_from_two_sellers_at_once_are_given_to_neither() -> None:
    facts = _facts("Peru has bought 10 Leopard 2 tanks and six Black Hawk helicopters from Germany and the United "
                   "States.")
    assert not [o for s, o, _q in _rels(facts, "supplies") if (s, o) == ("Germany", "Black Hawk")]


def test_a_state_whose_name_opens_an_unknown_firm_name_is_not_the_seller() -> None:
    facts = _facts("Bolivia, which has ordered FK-3 air defence systems from China Aerospace Precision Trading "
                   "Corporation, ranked tenth.")
    assert not [o for s, o, _q in _rels(facts, "supplies") if s == "China"]
