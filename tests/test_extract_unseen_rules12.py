"""Rules for articles unlike the development texts, twelfth round: persons named with no title or post, forces
named "<Force> of <State>", firms whose names hold a platform's, visits to a force's or firm's site, and
agreements of different years. Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

import pytest

from .test_extract_unseen_rules import _entities, _facts, _rels

# persons with no title or post, found by form


@pytest.mark.parametrize(("text", "name"), [
    ("HANOI – Minh Tran Quoc visited the Z176 plant on Wednesday, the ministry said.", "Minh Tran Quoc"),
    ("The frigates will be built locally. Elena Varga toured the yard in March.", "Elena Varga"),
    ("“We are ready,” said Henrik van Dijk, who leads the sensor team at the firm.", "Henrik van Dijk"),
    ("The delegation met Olusegun Adeyemi, who heads the procurement office, in Abuja.", "Olusegun Adeyemi"),
    ("Tomasz Zielinski, the group's export sales director, said the order was firm.", "Tomasz Zielinski"),
])
def test_a_name_with_no_title_is_a_person_by_what_it_does(text: str, name: str) -> None:
    assert name in _entities(_facts(text), "Person")


def test_a_hyphenated_family_name_after_a_rank_is_kept_whole() -> None:
    facts = _facts("DOHA – Brigadier Khalid al-Mansoori opened the new hangar on Sunday.")
    assert "Khalid al-Mansoori" in _entities(facts, "Person")


@pytest.mark.parametrize("text", [
    "ANKARA – Roketsan visited the range on Monday.",
    "North Korea launched two missiles on Friday.",
    "The Chilean Navy toured the new port. Eastern Command hosted the drill.",
    "Saab Kockums, the Swedish shipbuilder, said the submarine was on time.",
    "Baltic Workboats visited the yard. Officials said Port Moresby was ready.",
])
def test_places_forces_and_firms_that_act_are_not_persons(text: str) -> None:
    assert _entities(_facts(text), "Person") == []


def test_a_person_found_by_form_who_visits_a_firm_visits_it() -> None:
    facts = _facts("LIMA – Sofia Quispe visited SIMA Peru on Thursday to review the patrol boat programme.")
    assert [s for s, o, _q in _rels(facts, "visited") if o == "SIMA Peru"] == ["Sofia Quispe"]


# a firm whose name holds a platform's


@pytest.mark.parametrize(("text", "firm", "platform"), [
    ("CAIRO – Javelin & Co Systems, a Cairo electronics firm, will supply cables for the vehicles.",
     "Javelin & Co Systems", "Javelin"),
    ("WARSAW – Brimstone Engineering Ltd will service the launchers, the ministry said.", "Brimstone Engineering Ltd",
     "Brimstone"),
])
def test_a_platform_name_that_opens_a_firm_name_is_the_firm(text: str, firm: str, platform: str) -> None:
    facts = _facts(text)
    assert firm in _entities(facts, "Company") and platform not in _entities(facts, "Platform")


def test_the_platform_itself_is_still_named_beside_such_a_firm() -> None:
    facts = _facts("CAIRO – Javelin & Co Systems will supply cables. Egypt bought Javelin missiles in 2020.")
    assert "Javelin & Co Systems" in _entities(facts, "Company") and "Javelin" in _entities(facts, "Platform")


# a force named "<service> of <state>"


@pytest.mark.parametrize(("text", "force", "state"), [
    ("MANAMA – The Royal Navy of Bahrain took a patrol boat from Lurssen. The Royal Navy sent a frigate to the Gulf.",
     "Royal Navy of Bahrain", "Bahrain"),
    ("AMMAN – The Royal Air Force of Jordan will buy trainers, while the Royal Air Force retires its Hawks.",
     "Royal Air Force of Jordan", "Jordan"),
    ("LIMA – The Navy of Peru and the Army of the Philippines held talks on Monday.", "Army of the Philippines",
     "Philippines"),
])
def test_a_force_of_a_state_is_that_states_force(text: str, force: str, state: str) -> None:
    facts = _facts(text)
    assert force in _entities(facts, "ArmedForce")
    assert [o for s, o, _q in _rels(facts, "part_of") if s == force] == [state]


def test_a_service_of_a_word_that_is_no_state_is_no_new_force() -> None:
    facts = _facts("LONDON – The Royal Navy of Tomorrow report was published on Monday by the Royal Navy.")
    assert not [n for n in _entities(facts, "ArmedForce") if " of " in n]


# visits to a site of a force or a firm


@pytest.mark.parametrize(("text", "who", "owner"), [
    ("ACCRA – Defence Minister Kwame Boateng toured a Ghana Army barracks near Tamale on Friday.", "Kwame Boateng",
     "Ghana Army"),
    ("CANBERRA – Austal won the order. Defence Minister Claire Hughes visited the Austal shipyard in Henderson.",
     "Claire Hughes", "Austal"),
    ("PUNE – Kalyani Strategic Systems will build the guns. Defence Minister Anil Rao toured the Kalyani plant in "
     "Pune.", "Anil Rao", "Kalyani Strategic Systems"),
])
def test_a_visit_to_a_site_of_a_force_or_firm_is_a_visit_to_it(text: str, who: str, owner: str) -> None:
    assert (who, owner) in [(s, o) for s, o, _q in _rels(_facts(text), "visited")]


def test_a_site_named_by_a_word_two_firms_share_is_no_visit_to_either() -> None:
    facts = _facts("TOKYO – Mitsubishi Heavy Industries and Mitsubishi Electric bid. Defence Minister Kenji Sato "
                   "visited a Mitsubishi plant in Nagoya.")
    assert _rels(facts, "visited") == []


# agreements of different years


def test_a_contract_said_to_be_signed_in_another_year_is_another_contract() -> None:
    facts = _facts("BOGOTA – Colombia signed a contract with Saab for 12 Gripen fighters on Monday. The contract, "
                   "signed in 2018, was amended.", date="2026-03-10")
    contracts = _entities(facts, "Agreement")
    assert len(contracts) == 2 and any("(2018)" in n for n in contracts)
    assert not [q for s, o, q in _rels(facts, "has_status") if "(2026)" in s and str(q.get("date")).startswith("2018")]


def test_a_reference_with_a_year_goes_to_the_agreement_of_that_year() -> None:
    facts = _facts("RIYADH – Saudi Arabia and Spain signed a memorandum of understanding on naval cooperation in "
                   "2018. On Monday Saudi Arabia signed an agreement with Navantia for five corvettes. The agreement "
                   "signed in 2018 set up a joint shipyard.", date="2026-03-10")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 2
    older = next(n for n in agreements if "(2018)" in n)
    assert any(s == older for s, _o, _q in _rels(facts, "has_status"))
    assert not [q for s, o, q in _rels(facts, "has_status") if "(2026)" in s and str(q.get("date")).startswith("2018")]


def test_a_post_in_apposition_that_begins_with_its_body_is_held_for_that_body() -> None:
    facts = _facts("OSLO – Kongsberg won the order. Erik Dahl, the Kongsberg export director, said the launchers "
                   "were ready.")
    assert ("Erik Dahl", "export director", {"organisation": "Kongsberg"}) in _rels(facts, "holds_role")


@pytest.mark.parametrize(("text", "force", "state"), [
    ("SUVA – The Republic of Fiji Navy will receive a patrol boat from Austal in December.", "Republic of Fiji Navy",
     "Fiji"),
    ("RIYADH – The Kingdom of Saudi Arabia Armed Forces bought radars from Saab.",
     "Kingdom of Saudi Arabia Armed Forces", "Saudi Arabia"),
])
def test_a_force_named_after_its_states_formal_name_is_that_states(text: str, force: str, state: str) -> None:
    facts = _facts(text)
    assert force in _entities(facts, "ArmedForce") and (force, state, {}) in _rels(facts, "part_of")


def test_a_formal_name_that_is_no_state_makes_no_force() -> None:
    facts = _facts("The Republic of Letters Army of volunteers met on Monday.")
    assert not [n for n in _entities(facts, "ArmedForce") if n.startswith("Republic")]


def test_a_firm_described_in_apposition_may_open_with_a_platforms_name() -> None:
    facts = _facts("SUVA – Exocet Marine Services, a Lautoka repair firm, will support the boats. France sold Exocet "
                   "missiles to the region.")
    assert "Exocet Marine Services" in _entities(facts, "Company") and "Exocet" in _entities(facts, "Platform")
    assert not [a for e in facts.entities if e.type == "Platform" for a in e.aliases if "Marine" in a]


def test_a_platform_described_in_apposition_stays_a_platform() -> None:
    facts = _facts("WASHINGTON – The Harpoon, a missile made by Boeing, was fired from the frigate.")
    assert "Harpoon" in _entities(facts, "Platform") and _entities(facts, "Company") == ["Boeing"]


@pytest.mark.parametrize("text", [
    "Tel Aviv received the delegation on Monday.",
    "Rio de Janeiro hosted the naval show in April.",
    "Los Angeles signed a deal with the port.",
])
def test_a_city_that_hosts_receives_or_signs_is_no_person(text: str) -> None:
    assert _entities(_facts(text), "Person") == []


def test_two_bare_names_joined_by_and_before_a_visit_both_visit() -> None:
    facts = _facts("MOMBASA – Grace Wanjiru and Peter Otieno toured the Kenya Navy base at Mtongwe on Friday.")
    assert sorted(s for s, o, _q in _rels(facts, "visited") if o == "Kenya Navy") == ["Grace Wanjiru", "Peter Otieno"]


def test_a_bare_name_after_according_to_or_by_with_a_who_clause_or_a_post_is_a_person() -> None:
    facts = _facts("OSLO – The boats are late, according to Maria Solberg, who heads the yard. The deal was signed by "
                   "Tomas Lind, the agency's procurement director, on Monday.")
    assert {"Maria Solberg", "Tomas Lind"} <= set(_entities(facts, "Person"))
