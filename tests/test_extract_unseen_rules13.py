"""Rules for articles unlike the development texts, thirteenth round: orders told by their verb alone, and the
later references ("the contract", "the <value> contract", "the <nation> contract") that land on them. Every
sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels


def _party_roles(facts, agreement: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {s: q.get("role") for s, o, q in _rels(facts, "party_to") if o == agreement}


def test_an_order_told_by_its_verb_is_a_contract_between_buyer_and_supplier() -> None:
    facts = _facts("Romania ordered 54 Abrams tanks from General Dynamics on Monday, the ministry said.")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 1
    assert _party_roles(facts, agreements[0]) == {"Romania": "buyer", "General Dynamics": "supplier"}
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "covers")] == [("M1 Abrams", 54)]


def test_a_later_definite_reference_lands_on_the_order_not_an_older_agreement() -> None:
    facts = _facts("Croatia signed a training agreement with France in 2024. "
                   "Croatia has also ordered 12 Rafale jets from Dassault Aviation. "
                   "The contract was signed in Zagreb on May 4.")
    signed = [s for s, o, q in _rels(facts, "has_status") if o == "signed" and q.get("location") == "Zagreb"]
    assert len(signed) == 1
    assert _party_roles(facts, signed[0]) == {"Croatia": "buyer", "Dassault Aviation": "supplier"}


def test_a_value_written_in_a_definite_reference_is_the_earlier_orders_value() -> None:
    facts = _facts("Indonesia ordered six Scorpene submarines from Naval Group, officials said. "
                   "The IDR 20 trillion contract was signed on April 2 in Jakarta.")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 1
    assert _rels(facts, "has_value") == [(agreements[0], "20000000000000 IDR", {})]
    assert _party_roles(facts, agreements[0]) == {"Indonesia": "buyer", "Naval Group": "supplier"}


def test_a_contract_named_by_the_buyers_nation_takes_the_value() -> None:
    facts = _facts("Norway ordered 4 CV90 vehicles from BAE Systems Hagglunds last week. "
                   "BAE Systems Hagglunds said the Norwegian contract was worth SEK 900 million.")
    agreements = _entities(facts, "Agreement")
    assert [(s, o) for s, o, q in _rels(facts, "has_value")] == [(agreements[0], "900000000 SEK")]


def test_ordered_in_a_relative_clause_or_without_a_supplier_makes_no_contract() -> None:
    for text in ("The howitzers, which Chile ordered in 2021, arrived from Nexter on Friday.",
                 "Kenya ordered the audit after the fire, officials said.",
                 "The court in Oslo ordered Kongsberg to pay the fine."):
        assert _entities(_facts(text), "Agreement") == [], text


def test_an_order_after_a_dateline_or_a_said_clause_is_a_contract() -> None:
    for text in ("LIMA – Peru has ordered 8 Black Hawk helicopters from Sikorsky, the air force said.",
                 "Separately, the ministry said Kenya had ordered 4 Bayraktar TB2 drones from Baykar in 2024."):
        facts = _facts(text)
        agreements = _entities(facts, "Agreement")
        assert len(agreements) == 1, text
        assert sorted(_party_roles(facts, agreements[0]).values()) == ["buyer", "supplier"], text


def test_an_order_from_a_firm_not_known_by_name_is_still_the_buyers_contract() -> None:
    facts = _facts("Bolivia ordered 6 K-8 trainers from China National Aero-Technology Import Company. "
                   "The contract was signed in La Paz on May 2.")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 1
    assert _party_roles(facts, agreements[0])["Bolivia"] == "buyer"
    assert [o for _s, o, _q in _rels(facts, "covers")] == ["K-8"]


def test_a_country_word_opening_a_firms_name_is_no_supplier() -> None:
    facts = _facts("Bolivia ordered 6 K-8 trainers from China National Aero-Technology Import Company.")
    assert "China" not in {s for s, _o, _q in _rels(facts, "party_to")}


def test_its_nth_contract_ranks_the_buyer_of_the_contract_just_told() -> None:
    facts = _facts("Morocco ordered 24 Caracal helicopters from Airbus Helicopters in March. "
                   "The contract was signed in Rabat. For Morocco it is its third Airbus Helicopters contract.")
    ranked = [(s, q["ordinal"]) for s, _o, q in _rels(facts, "party_to") if "ordinal" in q]
    assert ranked == [("Morocco", 3)]
    assert len(_entities(facts, "Agreement")) == 1


def test_an_nth_contract_with_another_firm_ranks_nothing_told_before() -> None:
    facts = _facts("Morocco ordered 24 Caracal helicopters from Airbus Helicopters in March. "
                   "It is Morocco's second Leonardo contract.")
    assert [q for _s, _o, q in _rels(facts, "party_to") if "ordinal" in q] == []


def test_the_parties_of_an_order_take_the_status_the_contract_is_later_told() -> None:
    facts = _facts("Chile ordered 10 Black Hawk helicopters from Sikorsky, the army said. "
                   "The contract was signed in Santiago on April 30.")
    assert sorted((s, q.get("role"), q.get("status")) for s, _o, q in _rels(facts, "party_to")) == [
        ("Chile", "buyer", "signed"), ("Sikorsky", "supplier", "signed")]


def test_an_agreement_said_to_be_absent_takes_no_status() -> None:
    facts = _facts("Peru ordered 4 Black Hawk helicopters from Sikorsky in 2024. Local firms are expected to "
                   "help with maintenance, although no offset agreement has been announced.")
    assert [o for _s, o, _q in _rels(facts, "has_status")] == []
    assert len(_entities(facts, "Agreement")) == 1
