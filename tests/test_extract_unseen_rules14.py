"""Rules for articles unlike the development texts, fourteenth round: posts built of general parts, platforms
after adjectives and counts, forces named by their state's formal name, and yards named by their state. Every
sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

import pytest

from .test_extract_unseen_rules import _entities, _facts, _rels

# posts whose head word is general: the body's name, plain words and a head noun


@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("ACCRA – Air Commodore Kwesi Ofori, the Ghana Air Force training chief, said the jets were ready.",
     "Kwesi Ofori", "training chief", "Ghana Air Force"),
    ("Pieter Venter, the fleet engineer, said the ship was ready.", "Pieter Venter", "fleet engineer", None),
    ("Ingrid Solberg, the programme manager at Kongsberg, said the missiles were on time.",
     "Ingrid Solberg", "programme manager", "Kongsberg"),
    ("Colonel Rafael Mendes, the project officer at Embraer, said the first jet would fly in May.",
     "Rafael Mendes", "project officer", "Embraer"),
    ("Commander Luis Ortega, the Chilean Navy logistics chief, said the frigate had arrived.",
     "Luis Ortega", "logistics chief", "Chilean Navy"),
])
def test_a_post_built_of_general_parts_is_held(text: str, person: str, role: str, org: str | None) -> None:
    held = [(o, q.get("organisation")) for s, o, q in _rels(_facts(text), "holds_role") if s == person]
    assert held and held[0][0] == role
    if org is not None:
        assert held[0][1] == org


@pytest.mark.parametrize("text", [
    "Ingrid Solberg, the former programme manager, said the missiles were on time.",
    "Ingrid Solberg, who was a manager at the yard, said the missiles were on time.",
])
def test_a_former_or_clausal_post_is_not_built(text: str) -> None:
    assert _rels(_facts(text), "holds_role") == []


# platforms after determiners, counts and adjectives


@pytest.mark.parametrize(("text", "person", "platform"), [
    ("General Omar Haddad inspected the new Leopard 2A7 tanks at the base on Friday.", "Omar Haddad", "Leopard 2"),
    ("Admiral Chen Hao inspected the first two Type 055 destroyers in Qingdao.", "Chen Hao", "Type 055"),
    ("Colonel Anna Kowalska inspected its upgraded CV90 vehicles near the border.", "Anna Kowalska", "CV90"),
])
def test_a_platform_after_adjectives_and_counts_is_inspected(text: str, person: str, platform: str) -> None:
    facts = _facts(text)
    assert (person, platform) in [(s, o) for s, o, _q in _rels(facts, "inspected")]


def test_an_inspected_thing_that_is_no_platform_gives_no_fact() -> None:
    assert _rels(_facts("General Omar Haddad inspected the new barracks at the base on Friday."), "inspected") == []


# forces named by their state's formal name


@pytest.mark.parametrize(("text", "force", "state"), [
    ("The Republic of Singapore Navy will receive the submarines next year.", "Republic of Singapore Navy",
     "Singapore"),
    ("The Republic of Korea Navy has commissioned a new destroyer.", "Republic of Korea Navy", "South Korea"),
])
def test_a_force_named_by_its_states_formal_name_is_part_of_the_state(text: str, force: str, state: str) -> None:
    assert (force, state) in [(s, o) for s, o, _q in _rels(_facts(text), "part_of")]


# a yard whose name opens with its state's


def test_a_yard_named_by_its_state_is_a_firm_and_is_visited() -> None:
    facts = _facts("ACCRA – Ghana Shipyard will build two patrol boats. The minister, Kofi Boateng, "
                   "visited Ghana Shipyard on Tuesday.")
    assert "Ghana Shipyard" in _entities(facts, "Company")
    assert [o for s, o, _q in _rels(facts, "visited") if s == "Kofi Boateng"] == ["Ghana Shipyard"]


def test_a_listed_yard_named_by_its_state_wins_over_the_state() -> None:
    facts = _facts("MOMBASA – The navy's new patrol ship was launched at Kenya Shipyards on Monday.")
    assert "Kenya Shipyards" in _entities(facts, "Company")


def test_a_demonym_before_a_yard_word_names_no_firm() -> None:
    assert _entities(_facts("Polish Shipyards are busy, the ministry said."), "Company") == []


# a service's post written in lower case before the name, held at the force named just before it


@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("The Royal Malaysian Navy took the ship on Monday, in a ceremony attended by the commander of the navy, "
     "Admiral Zulhelmy Ithnain.", "Zulhelmy Ithnain", "commander of the navy", "Royal Malaysian Navy"),
    ("The Egyptian Army received the howitzers. Deputy commander of the army Major General Tarek Fawzy "
     "inspected them at a base near Cairo.", "Tarek Fawzy", "Deputy commander of the army", "Egyptian Army"),
    ("The chief of staff of the air force of Oman, Air Vice Marshal Salim Al Rawahi, said the jets had arrived.",
     "Salim Al Rawahi", "chief of staff of the air force", "Oman"),
])
def test_a_lower_case_service_post_before_the_name_is_held(text: str, person: str, role: str, org: str) -> None:
    held = [(o, q.get("organisation")) for s, o, q in _rels(_facts(text), "holds_role") if s == person]
    assert held == [(role, org)]


def test_a_force_named_military_forces_after_a_formal_state_is_the_states() -> None:
    facts = _facts("NUKU'ALOFA – The Kingdom of Tonga Military Forces will get a new patrol boat next year.")
    assert ("Kingdom of Tonga Military Forces", "Tonga") in [(s, o) for s, o, _q in _rels(facts, "part_of")]
