"""Rules for articles unlike the development texts, eighth round: what a later short name, "the two countries",
"they" and "the company" stand for. Every sentence is written for the test, with names the development texts do
not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels

# a firm found by its form, named later by its first words


def test_a_firms_full_name_its_name_without_ltd_and_its_bare_short_name_are_one_firm() -> None:
    facts = _facts("Osprey Boatbuilders\n\nLISBON – Osprey Boatbuilders Ltd has won an order for four landing craft "
                   "from the Portuguese Navy. Osprey will build them at Peniche. Osprey chief executive Rui Lameiras "
                   "said the yard would hire 60 workers.")
    firms = [e for e in facts.entities if e.type == "Company"]
    assert [e.name for e in firms] == ["Osprey Boatbuilders Ltd"]
    assert {"Osprey Boatbuilders", "Osprey"} <= set(firms[0].aliases)
    assert ("Rui Lameiras", "chief executive", {"organisation": "Osprey Boatbuilders Ltd"}) in _rels(facts,
                                                                                                     "holds_role")


def test_a_two_word_short_name_stands_for_the_firm_and_its_post_holder_works_there() -> None:
    facts = _facts("Greyfield Ridge Avionics of Texas and a Danish partner will build the sensor. Greyfield Ridge "
                   "vice president Carla Munoz said the work would start in May.")
    assert _entities(facts, "Company") == ["Greyfield Ridge Avionics"]
    firm = next(e for e in facts.entities if e.name == "Greyfield Ridge Avionics")
    assert "Greyfield Ridge" in firm.aliases
    post = ("Carla Munoz", "vice president", {"organisation": "Greyfield Ridge Avionics"})
    assert _rels(facts, "holds_role") == [post]


def test_two_firms_sharing_a_first_word_keep_apart_and_the_bare_word_names_neither() -> None:
    facts = _facts("Marlow Optronics and Marlow Armour Systems both bid for the contract. Marlow said it was "
                   "confident.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert set(firms) == {"Marlow Optronics", "Marlow Armour Systems"}
    assert all("Marlow" not in aliases for aliases in firms.values())


def test_a_short_form_that_is_a_common_word_a_state_or_part_of_a_place_is_no_firm() -> None:
    facts = _facts("Summit Munitions signed a deal with the army. The summit in Oslo ended on Friday. Norway "
                   "Composites said it would bid. Norway will decide in June. Pelican Ammunition opened a plant on "
                   "Pelican Road.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert firms.get("Summit Munitions") == ["Summit Munitions"]
    assert "Norway" in _entities(facts, "Country")
    assert all("Norway" not in a for a in firms.values())
    assert firms.get("Pelican Ammunition") == ["Pelican Ammunition"]
