"""Persons, organisations, countries and events on sentences written for the test."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.extract.persons import find_persons, short_forms
from graph.models import ArticleFacts


def _facts(text: str, date: str = "2025-09-22") -> ArticleFacts:
    return extract(Article(text, "t.txt", date=date))


def _entities(facts: ArticleFacts) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, list(e.aliases)) for e in facts.entities}


def _rels(facts: ArticleFacts, predicate: str) -> list[tuple[str, object, dict]]:
    return [(r.subject, r.object, r.qualifiers) for r in facts.relations if r.predicate == predicate]


# -- persons named straight after their post
@pytest.mark.parametrize(("text", "name", "role"), [
    ("Foreign Minister Penelope Arkwright told reporters the talks went well.", "Penelope Arkwright",
     "Foreign Minister"),
    ("Deputy Defence Minister Haruto Kimura confirmed the order on Monday.", "Haruto Kimura",
     "Deputy Defence Minister"),
    ("Army Chief Tomasz Wróblewski inspected the vehicles.", "Tomasz Wróblewski", "Army Chief"),
    ("Minister of National Defence Emre Yılmazoğlu stressed the point.", "Emre Yılmazoğlu",
     "Minister of National Defence"),
    ("Minister of Defence Production Arvind Kumar Mehta said on Friday.", "Arvind Kumar Mehta",
     "Minister of Defence Production"),
    ("Minister of State for Defence Khalid Omar Saeed said so.", "Khalid Omar Saeed", "Minister of State for Defence"),
    ("Korean Air chief executive officer... CEO Park Min-seo told reporters.", "Park Min-seo", "CEO"),
    ("President Nguyen Van Thanh's visit ended.", "Nguyen Van Thanh", "President"),
    ("The agency head Mehmet Ali Kaya attended.", "Mehmet Ali Kaya", "head"),
    ("Kongsberg chief executive Ingrid Solberg Dahl welcomed the order.", "Ingrid Solberg Dahl", "chief executive"),
    ("Navy spokesperson Rear Adm Joaquin Ramos Cruz said it.", "Joaquin Ramos Cruz", "Navy spokesperson"),
    ("Thai Deputy Defence Minister Sen Lt Gen Somchai Prasert spoke.", "Somchai Prasert", "Deputy Defence Minister"),
    ("Deputy Prime Minister and Foreign Minister Zbigniew Łukaszewicz-Nowak announced the plan.",
     "Zbigniew Łukaszewicz-Nowak", "Deputy Prime Minister and Foreign Minister"),
])
def test_a_name_right_after_a_post_is_a_person_holding_it(text: str, name: str, role: str) -> None:
    found = [(p.name, p.attributes.get("role")) for p in find_persons(text)]
    assert found == [(name, role)]


def test_a_posted_person_holds_the_role_for_the_country_before_it_and_short_forms_follow() -> None:
    facts = _facts("Chilean Defence Minister Marcela Ortúzar Vial welcomed the frigates on Tuesday. "
                   "Ortúzar Vial said the ships would arrive in 2027. Later Vial added that more could follow.")
    assert ("Marcela Ortúzar Vial", "Defence Minister", {"organisation": "Chile"}) in _rels(facts, "holds_role")
    ents = _entities(facts)
    assert ents["Marcela Ortúzar Vial"][0] == "Person"
    assert "Vial" in ents["Marcela Ortúzar Vial"][1]
    assert not any(n.startswith(("Defence", "Chilean")) for n in ents)


def test_a_post_followed_by_an_organisation_word_is_not_a_person() -> None:
    assert find_persons("The Defence Minister Meeting Group said it would meet.") == []
    assert find_persons("President Lines Navy Command said so.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Secretary of State Ken Ito welcomed the sale.", "Ken Ito"),
    ("Minister of Defence Col Bakari welcomed the sale.", "Col Bakari"),
])
def test_a_bare_rank_word_between_a_civilian_post_and_one_name_is_a_given_name(text: str, name: str) -> None:
    assert [p.name for p in find_persons(text)] == [name]


def test_a_rank_after_a_military_post_stays_a_rank() -> None:
    [p] = find_persons("Navy Chief Adm Farouk said the ships were ready.")
    assert (p.name, p.attributes["rank"]) == ("Farouk", "Adm")


def test_royal_titles_are_honorifics_and_arab_family_names_stay_whole() -> None:
    [p] = find_persons("He met Crown Prince Hamad bin Rashid Al Nuaimi in Doha.")
    assert (p.name, p.attributes["honorific"]) == ("Hamad bin Rashid Al Nuaimi", "Crown Prince")
    assert short_forms(p.name) == ["Hamad", "Al Nuaimi"]
    assert find_persons("the King Fahd University campus") == []
    assert [p.name for p in find_persons("before meeting Dr Lena Park, the chief executive")] == ["Lena Park"]
    facts = _facts("Qatar's Minister of State for Defence Sheikh Saud bin Abdullah Al Thani visited the yard. "
                   "Sheikh Saud said the navy needs two more ships.")
    assert ("Saud bin Abdullah Al Thani", "Person") in {(e.name, e.type) for e in facts.entities}
    assert not any(e.name == "Saud" for e in facts.entities)


# -- organisations
def test_an_acronym_definition_does_not_swallow_a_weekday_or_clause_before_the_name() -> None:
    facts = _facts("The frigate was launched on Thursday, the Ministry of National Defense (MND) said. "
                   "Colombia's navy will operate it and the MND will pay for it.")
    ents = _entities(facts)
    assert not any("Thursday" in n for n in ents)
    mnd = [n for n, (t, _a) in ents.items() if n.startswith("Ministry of National Defense")]
    assert mnd and ents[mnd[0]][0] == "GovernmentAgency"


def test_a_defined_department_takes_the_state_of_the_force_in_its_sentence() -> None:
    facts = _facts("The Chilean Navy will get two tankers from Spain's Navantia, the Department of Naval "
                   "Procurement (DNP) said on Friday.")
    assert "Department of Naval Procurement (Chile)" in _entities(facts)


def test_currency_words_are_not_country_mentions() -> None:
    facts = _facts("Norway will pay 2.1 billion Australian dollars for the boats, the ministry said.")
    assert "Australia" not in _entities(facts)
    facts = _facts("Chile will pay 900 million Swedish kronor, and South Korea won a second order.")
    assert "Sweden" not in _entities(facts) and "South Korea" in _entities(facts)


def test_initials_of_a_company_named_earlier_refer_to_it() -> None:
    facts = _facts("Brazil picked Orbital Rotor Dynamics Limited for the helicopters. "
                   "Officials will sign with ORDL next year.")
    ents = _entities(facts)
    assert "ORDL" in ents["Orbital Rotor Dynamics Limited"][1]
    assert "ORDL" not in ents


def test_a_company_is_not_located_in_the_country_that_acts_on_it() -> None:
    facts = _facts("Canada has selected Kawasaki Heavy Industries for the order.")
    assert ("Kawasaki Heavy Industries", "Canada", {}) not in _rels(facts, "located_in")


def test_a_joint_venture_of_two_states_is_not_located_in_the_second() -> None:
    facts = _facts("The missiles will come from Meridian Aerospace Systems, a Franco-German joint venture.")
    assert _rels(facts, "located_in") == []


def test_a_possessive_country_still_locates_an_unlisted_company() -> None:
    facts = _facts("Spain's state-owned Arroyo Shipbuilding will build the hulls.")
    assert ("Arroyo Shipbuilding", "Spain", {}) in _rels(facts, "located_in")


# -- events
def test_a_known_show_acronym_with_its_edition_year_is_one_event() -> None:
    facts = _facts("The deal was signed at the International Defence Industry Fair (IDEF) 2027 in Istanbul. "
                   "IDEF 2027 drew 1,300 exhibitors, and IDEF is held every two years.")
    events = [e for e in facts.entities if e.type == "Event"]
    assert [e.name for e in events] == ["IDEF 2027"]
    assert "International Defence Industry Fair (IDEF) 2027" in events[0].aliases


def test_a_named_event_defined_with_an_acronym_and_year_keeps_the_year() -> None:
    facts = _facts("The deal was signed at the Black Sea Naval Exhibition (BSNE) 2027 in Varna. "
                   "BSNE 2027 drew 300 exhibitors, and BSNE will return in two years.")
    events = [e for e in facts.entities if e.type == "Event"]
    assert [e.name for e in events] == ["Black Sea Naval Exhibition 2027"]
    assert "BSNE" in events[0].aliases


def test_dollars_named_by_their_country_are_money_in_that_currency() -> None:
    from graph.extract.amounts import find_money
    assert [(m.value, m.approximate) for m in find_money("worth about 1.8 billion Canadian dollars")] == [
        ("1800000000 CAD", True)]
    assert [m.value for m in find_money("a 40 million US dollars order")] == ["40000000 USD"]


def test_a_post_of_a_body_defined_with_its_acronym_names_the_body_and_keeps_the_acronym_alias() -> None:
    facts = _facts("The deal was signed by the Director of India's Defence Research and Development Organisation "
                   "(DRDO), Dr. Anil Mehra, on Monday. DRDO will lead the tests.")
    assert _rels(facts, "holds_role") == [
        ("Anil Mehra", "Director", {"organisation": "Defence Research and Development Organisation"})]
    drdo = _entities(facts)["Defence Research and Development Organisation"]
    assert "DRDO" in drdo[1]


def test_hyphenated_given_names_a_spokesman_and_a_lowercase_national_post_after_the_name() -> None:
    facts = _facts("Seoul will sell 30 more tanks to Peru, Lee Hye-jin, a spokeswoman for the Agency for Defense "
                   "Development, said. Tran Duc Minh, Vietnam's deputy defence minister, welcomed it. "
                   "Lee added that talks would resume.")
    roles = {(s, o) for s, o, _q in _rels(facts, "holds_role")}
    assert ("Lee Hye-jin", "spokeswoman") in roles
    assert ("Tran Duc Minh", "deputy defence minister") in roles
    assert "Lee" in _entities(facts)["Lee Hye-jin"][1]  # a Korean family name comes first


def test_a_royal_named_by_one_name_is_a_person_and_a_later_title_with_a_given_name_resolves() -> None:
    facts = _facts("Sultan Azlan welcomed the frigate deal. Crown Prince Faisal bin Omar Al Hamdan met him, "
                   "and Prince Faisal said more orders would follow.")
    names = {e.name for e in facts.entities if e.type == "Person"}
    assert names == {"Azlan", "Faisal bin Omar Al Hamdan"}


def test_king_and_queen_in_platform_names_are_not_persons() -> None:
    facts = _facts("The navy will retire its Sea King helicopters and buy CH-53K King Stallion aircraft, while "
                   "a Queen Elizabeth-class carrier visits. His Highness Sheikh Hamdan bin Saif Al Mazrouei attended.")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"Hamdan bin Saif Al Mazrouei"}


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Secretary-General of ASEAN Lim Jock Hoi said the bloc would meet.", "Lim Jock Hoi", "Secretary-General of ASEAN"),
    ("EU Secretary General Anna Berglund said so.", "Anna Berglund", "Secretary General"),
    ("OCCAR Director General Marco Bellini told reporters.", "Marco Bellini", "Director General"),
])
def test_secretary_general_and_director_general_are_posts_not_ranks(text: str, name: str, role: str) -> None:
    [p] = find_persons(text)
    assert (p.name, p.attributes.get("role"), p.attributes.get("rank")) == (name, role, None)


def test_a_plural_possessive_country_places_a_company_and_names_a_ministry() -> None:
    facts = _facts("The Netherlands' Damen Shipyards will build the ships, the Netherlands' Ministry of Defence said.")
    assert ("Damen Shipyards", "Netherlands", {}) in _rels(facts, "located_in")
    assert "Ministry of Defence (Netherlands)" in _entities(facts)


def test_a_plain_name_before_more_speech_verbs_is_a_person_but_an_organisation_is_not() -> None:
    assert [p.name for p in find_persons("Later, Ingrid Solberg announced the order.")] == ["Ingrid Solberg"]
    assert find_persons("Arroyo Robotics announced a drone. The White House welcomed it.") == []
    facts = _facts("Korea Aerospace Industries welcomed the deal, and Park Ji-hoon confirmed the price.")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"Park Ji-hoon"}
