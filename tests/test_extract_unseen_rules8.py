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


# "the two countries", "both sides" and "they": the two states named just before


def test_the_two_countries_are_the_pair_named_just_before_not_the_articles_most_named_states() -> None:
    facts = _facts("Japan has sold radars to Indonesia and trains Indonesian officers. Japan and Indonesia held talks "
                   "in Tokyo. Brazil and Mexico signed a defence memorandum in 2023. The two countries upgraded their "
                   "relationship to a strategic partnership on Monday, and both sides agreed to expand cooperation "
                   "in cyber defence.")
    assert [(s, o) for s, o, _q in _rels(facts, "partner_of")] == [("Brazil", "Mexico")]
    assert _rels(facts, "has_cooperation_area") == [("Brazil", "cyber defence", {"partner": "Mexico"})]


def test_they_after_two_states_that_open_a_sentence_state_the_areas_of_both() -> None:
    facts = _facts("Egypt buys most of its arms from France. Ghana and Morocco opened a joint training school in "
                   "Accra on Monday. The two governments signed a memorandum of understanding on logistics. They also "
                   "agreed to expand cooperation in maritime security.")
    assert ("Ghana", "maritime security", {"partner": "Morocco"}) in _rels(facts, "has_cooperation_area")
    assert all(q.get("partner") != "France" and s != "Egypt" for s, _o, q in _rels(facts, "has_cooperation_area"))


def test_they_after_a_sentence_whose_subject_is_no_pair_of_states_states_nothing() -> None:
    facts = _facts("Ghana and Morocco signed a memorandum on Monday. Saab and Thales will bid for the radar. They "
                   "also agreed to expand cooperation in maritime security.")
    assert not [r for r in _rels(facts, "has_cooperation_area") if r[1] == "maritime security"]


def test_a_state_without_a_partner_in_its_sentence_takes_the_one_named_with_it_just_before() -> None:
    facts = _facts("Turkiye sold drones to Kenya, and Turkish firms trained Kenyan crews. Turkiye also opened a "
                   "plant near Nairobi. Kenya and Chile signed a defence memorandum last year. Kenya now plans to "
                   "expand cooperation in maritime security.")
    assert _rels(facts, "has_cooperation_area") == [("Kenya", "maritime security", {"partner": "Chile"})]
