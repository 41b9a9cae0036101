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


# "the company", "the shipbuilder", "the South Korean firm": the firm named before that fits


def _parties(facts: object) -> set[tuple[str, object]]:
    return {(s, q.get("role")) for s, _o, q in _rels(facts, "party_to")}  # type: ignore[arg-type]


def test_the_firm_two_sentences_on_is_the_firm_the_text_is_about_not_one_named_in_passing() -> None:
    facts = _facts("Corvina Marine Works builds patrol boats in Malta. Its order book grew after a deal with Saab last "
                   "year. The firm signed a contract with the Kenya Navy on Monday for two boats.")
    assert ("Corvina Marine Works", "supplier") in _parties(facts)
    assert all(s != "Saab" for s, _o, q in _rels(facts, "party_to") if q.get("status") == "signed")


def test_a_demonym_picks_the_firm_of_that_state_and_is_no_party_itself() -> None:
    facts = _facts("Navantia and Hanwha Ocean competed for the submarines. Navantia offered the S-80. The South Korean "
                   "shipbuilder signed a contract with Canada on Monday.")
    assert _parties(facts) == {("Hanwha Ocean", "supplier"), ("Canada", "buyer")}


def test_the_shipbuilder_is_the_firm_that_builds_ships_not_the_first_named() -> None:
    facts = _facts("Thales and Austal will work on the frigates, officials said. The shipbuilder signed a contract "
                   "with Chile on Monday.")
    assert ("Austal", "supplier") in _parties(facts)
    assert all(s != "Thales" for s, _o, _q in _rels(facts, "party_to"))


def test_the_company_with_no_firm_named_in_the_sentences_before_stands_for_none() -> None:
    facts = _facts("Saab opened an office in Lima last year. Peru has long bought from Israel. Its navy wants new "
                   "boats. Officials praised the local economy. The company signed a contract with Peru on Monday.")
    assert {s for s, _o, _q in _rels(facts, "party_to")} == {"Peru"}


def test_a_firm_acquired_by_another_is_part_of_it() -> None:
    facts = _facts("Redhill Ordnance makes shells in Wales. The company was acquired by Rheinmetall in 2021. "
                   "Vantage Optronics, bought by Hensoldt last year, makes sights. The K2 was acquired by Poland.")
    assert {(s, o) for s, o, _q in _rels(facts, "part_of")} == {("Redhill Ordnance", "Rheinmetall"),
                                                                ("Vantage Optronics", "Hensoldt")}


# "the two companies", "the two ministers", "they": two firms or two persons named just before


def test_the_two_companies_that_sign_are_the_two_firms_named_just_before() -> None:
    facts = _facts("Corvina Marine Works and Vantage Optronics will team up on sensors for patrol boats, officials "
                   "said on Friday. The two companies signed a memorandum of understanding on Monday.")
    assert {s for s, _o, _q in _rels(facts, "party_to")} == {"Corvina Marine Works", "Vantage Optronics"}


def test_they_and_the_two_ministers_after_a_meeting_are_both_persons() -> None:
    facts = _facts("Defence Minister Ana Lopes met her Chilean counterpart Tomas Aguirre in Santiago on Monday. They "
                   "later visited ENAER. The two ministers also toured Embraer's plant in Evora.")
    visits = {(s, o) for s, o, _q in _rels(facts, "visited")}
    assert {("Ana Lopes", "ENAER"), ("Tomas Aguirre", "ENAER"), ("Ana Lopes", "Embraer"),
            ("Tomas Aguirre", "Embraer")} <= visits


def test_they_after_a_sentence_whose_subject_is_no_pair_of_persons_is_left_alone() -> None:
    facts = _facts("Chile invited Ana Lopes and Tomas Aguirre to the air show on Monday. They later visited ENAER.")
    assert not _rels(facts, "visited")


# firms the text describes as firms, and the shorter names of listed firms


def test_a_name_described_as_a_firm_right_after_it_is_a_firm_and_its_short_name_follows_it() -> None:
    facts = _facts("Tundra Steelworks Oy, a small Finnish steel company based in Oulu, will make the casings. Tundra "
                   "Steelworks said it would hire 40 people. Omnilux, a Lisbon-based arms trader, also bid. "
                   "Officials met Mr Rui Costa, the former company chairman.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert set(firms) == {"Tundra Steelworks Oy", "Omnilux"}
    assert "Tundra Steelworks" in firms["Tundra Steelworks Oy"]
    assert "Tundra Steelworks" not in _entities(facts, "Person")


def test_an_indonesian_pt_firm_is_a_firm_named_later_by_its_first_words() -> None:
    facts = _facts("JAKARTA – The navy chose PT Karya Laut Perkasa to build two tugs. Karya Laut will deliver the "
                   "first in 2028.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert list(firms) == ["PT Karya Laut Perkasa"]
    assert "Karya Laut" in firms["PT Karya Laut Perkasa"]


def test_a_listed_firm_named_without_its_trade_word_is_that_firm_but_not_a_place_of_the_same_name() -> None:
    facts = _facts("Kawasaki Heavy Industries will build two submarines. Kawasaki chief executive Jun Tanaka said the "
                   "work would start soon. Karachi Shipyard & Engineering Works will refit a frigate at its yard in "
                   "Karachi.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert "Kawasaki" in firms["Kawasaki Heavy Industries"]
    assert ("Jun Tanaka", "chief executive", {"organisation": "Kawasaki Heavy Industries"}) in _rels(facts,
                                                                                                     "holds_role")
    assert "Karachi" not in firms["Karachi Shipyard & Engineering Works"]


def test_the_two_countries_and_they_that_sign_are_the_pair_named_just_before() -> None:
    facts = _facts("Egypt sold patrol boats to Ghana in 2024, and Egyptian crews trained Ghanaian sailors. Egypt also "
                   "opened a depot near Accra. Ghana and Senegal held talks in Dakar on Friday. The two countries "
                   "signed a memorandum of understanding on maritime security. They also signed a letter of intent "
                   "on training.")
    parties = {(s, o) for s, o, _q in _rels(facts, "party_to")}
    agreements = {o for _s, o in parties}
    assert len(agreements) == 2
    assert parties == {(c, a) for c in ("Ghana", "Senegal") for a in agreements}


def test_a_listed_firms_short_name_drops_generic_words_and_two_firms_it_begins_keep_it_apart() -> None:
    facts = _facts("Mitsubishi Heavy Industries and Mitsubishi Electric will bid. Mitsubishi said it was confident. "
                   "Rafael Advanced Defense Systems will supply the radar. Rafael chief executive Yoav Tourgeman said "
                   "the first would ship in May.")
    firms = {e.name: e.aliases for e in facts.entities if e.type == "Company"}
    assert firms["Mitsubishi Heavy Industries"] == ["Mitsubishi Heavy Industries"]
    assert firms["Mitsubishi Electric"] == ["Mitsubishi Electric"]
    assert "Rafael" in firms["Rafael Advanced Defense Systems"]
    assert ("Yoav Tourgeman", "chief executive", {"organisation": "Rafael Advanced Defense Systems"}) in _rels(
        facts, "holds_role")


def test_a_person_described_by_a_post_at_the_company_stays_a_person() -> None:
    facts = _facts("Minister Dr Sara Quist visited Saab's plant before meeting Henrik Lund, the company's chief "
                   "executive. Henrik Lund told reporters the first radar would ship in May. Lund, a company veteran, "
                   "joined in 1999.")
    assert "Henrik Lund" in _entities(facts, "Person")
    assert _entities(facts, "Company") == ["Saab"]


def test_the_company_s_chief_named_after_a_comma_holds_the_post_at_the_firm_named_before() -> None:
    facts = _facts("Tundra Steelworks Oy, a steel company based in Oulu, will make the casings. The firm's chief "
                   "executive, Marja Vaara, said the order would secure the company's future.")
    assert ("Marja Vaara", "chief executive", {"organisation": "Tundra Steelworks Oy"}) in _rels(facts, "holds_role")
