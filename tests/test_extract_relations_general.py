"""Relation and qualifier rules on sentences written for the test, with names the development texts do not use."""

from __future__ import annotations

from graph.articles import Article
from graph.extract import extract
from graph.extract.amounts import find_money
from graph.extract.dates import find_dates, reference
from graph.models import ArticleFacts


def _facts(text: str, date: str = "2025-09-25") -> ArticleFacts:
    return extract(Article(text, "t.txt", date=date))


def _rels(facts: ArticleFacts, predicate: str) -> list[tuple[str, object, dict]]:
    return [(r.subject, r.object, r.qualifiers) for r in facts.relations if r.predicate == predicate]


def test_currency_named_in_words() -> None:
    assert [m.value for m in find_money("a deal worth 4.2 billion Australian dollars")] == ["4200000000 AUD"]
    assert [m.value for m in find_money("valued at 900 million Swiss francs")] == ["900000000 CHF"]


def test_a_year_before_a_comma_is_a_date() -> None:
    assert [d.value for d in find_dates("The earlier order, placed in 2019, covered six", reference("2025-09-25"))] \
        == ["2019"]


def test_second_executive_contract_and_the_first_one() -> None:
    facts = _facts("Norway's Norwegian Defence Materiel Agency signed a second implementing contract with Hanwha "
                   "Aerospace for 24 K9 howitzers on Thursday, worth about 3.1 billion Norwegian kroner. "
                   "The first contract, signed in 2017, covered 24 howitzers.")
    parties = {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")}
    assert ("Norwegian Defence Materiel Agency", "buyer") in parties
    assert ("Hanwha Aerospace", "supplier") in parties
    values = _rels(facts, "has_value")
    assert values and values[0][1] == "3100000000 NOK"
    assert any(o == "K9" and q.get("quantity") == 24 for _s, o, q in _rels(facts, "covers"))
    assert any(s == "Hanwha Aerospace" and o == "K9" and q.get("buyer") == "Norwegian Defence Materiel Agency"
               for s, o, q in _rels(facts, "supplies"))
    agreements = [e.name for e in facts.entities if e.type == "Agreement"]
    assert len(agreements) == 2
    first = next(a for a in agreements if "(2017)" in a)
    assert any(s == first for s, _o, _q in _rels(facts, "precedes"))


def test_since_year_is_not_when_an_agreement_was_signed() -> None:
    facts = _facts("Chile and Brazil have been strategic partners since 2015, and they signed a memorandum of "
                   "understanding on naval training in 2021.")
    assert next(e.name for e in facts.entities if e.type == "Agreement").endswith("(2021)")


def test_a_state_before_a_verb_does_not_locate_the_company() -> None:
    facts = _facts("Canada has chosen Saab's GlobalEye for the Royal Canadian Air Force, officials said.")
    assert ("Saab", "Canada", {}) not in _rels(facts, "located_in")


def test_a_hyphenated_demonym_does_not_locate_the_company() -> None:
    facts = _facts("The missile is built by Hanwha Aerospace, a Korean-Polish joint venture, officials said.")
    assert not any(o == "Poland" for s, o, _q in _rels(facts, "located_in"))


def test_partnership_between_two_capitals() -> None:
    facts = _facts("Seoul's defence minister said the sale would strengthen the security partnership between "
                   "Seoul and Warsaw.")
    pairs = [(s, o, q.get("status")) for s, o, q in _rels(facts, "partner_of")]
    assert pairs and {pairs[0][0], pairs[0][1]} == {"South Korea", "Poland"} and pairs[0][2] == "existing"


def test_delivery_is_a_supply_and_the_order_it_belongs_to_has_its_parties() -> None:
    facts = _facts("Hungary received its first four C-390 transport aircraft from Brazil's Embraer on Tuesday, "
                   "officials said.\n\nThe aircraft are part of an order for 12 C-390s worth about 1.1 billion euros "
                   "signed in 2023.")
    sup = [(s, o, q) for s, o, q in _rels(facts, "supplies") if o == "C-390"]
    assert sup and sup[0][0] == "Embraer" and sup[0][2]["buyer"] == "Hungary" and sup[0][2]["quantity"] == 4
    assert sup[0][2]["date"] == "2025-09-23"
    parties = {(s, q.get("role")) for s, _o, q in _rels(facts, "party_to")}
    assert {("Hungary", "buyer"), ("Embraer", "supplier")} <= parties
    assert any(o == "C-390" and q.get("quantity") == 12 for _s, o, q in _rels(facts, "covers"))


def test_expected_delivery_of_the_first_of_n_in_a_month_ahead() -> None:
    facts = _facts("The Brazilian Air Force is expected to receive the first of 36 Gripen fighters from Saab in "
                   "March, the ministry said.", date="2025-09-25")
    sup = [(s, o, q) for s, o, q in _rels(facts, "supplies") if o == "Gripen"]
    assert sup and sup[0][0] == "Saab"
    assert sup[0][2]["quantity"] == 36 and sup[0][2]["status"] == "expected"
    assert sup[0][2]["expected_date"] == "2026-03"


def test_relative_months_and_year_end() -> None:
    ref = reference("2025-09-25")
    assert [d.value for d in find_dates("a memorandum signed last October", ref)] == ["2024-10"]
    assert [d.value for d in find_dates("talks resume next February", ref)] == ["2026-02"]
    assert [(d.value, d.prospective) for d in find_dates("to conclude by the end of the year", ref)] == [
        ("2025", True)]


def test_the_year_in_an_event_name_does_not_date_the_agreement() -> None:
    facts = _facts("Both countries signed a memorandum of understanding at the Eurosatory 2024 exhibition in Paris "
                   "last June.", date="2025-03-10")
    status = [q for s, o, q in _rels(facts, "has_status") if o == "signed"]
    assert status and status[0]["date"] == "2024-06"


def test_make_x_the_nth_ranks_x_on_its_purchase() -> None:
    facts = _facts("Chile is close to finalising a US$400 million agreement with Sweden to acquire the RBS 70 NG "
                   "system. The contract, to be signed with Saab, would make Chile the third country after Brazil "
                   "and Peru to buy the system.")
    sup = [(s, q) for s, o, q in _rels(facts, "supplies") if o == "RBS 70 NG"]
    assert any(s == "Saab" and q.get("buyer") == "Chile" and q.get("ordinal") == 3
               and q.get("after") == ["Brazil", "Peru"] for s, q in sup)
    assert not any(q.get("ordinal") for s, _o, q in _rels(facts, "party_to") if s == "Saab")


def test_ranked_operator_with_a_scope_other_than_country() -> None:
    facts = _facts("Romania became the first NATO member to operate the CV90.")
    assert ("Romania", "CV90", {"ordinal": 1, "ordinal_scope": "NATO member"}) in _rels(facts, "operates")


def test_the_two_countries_are_the_parties_and_not_a_head_count() -> None:
    facts = _facts("CAIRO: Egypt received its first FREMM frigate from Italy's Fincantieri on Sunday. Egypt is also "
                   "in talks with Spain's Navantia over more ships. The two countries signed a memorandum of "
                   "understanding on shipbuilding at the EDEX 2025 exhibition in Cairo last December.",
                   date="2026-03-10")
    mou = next(e.name for e in facts.entities if e.type == "Agreement")
    assert {s for s, o, _q in _rels(facts, "party_to") if o == mou} == {"Egypt", "Spain"}
    assert not any(o == 2 for _s, o, _q in _rels(facts, "has_participant_count"))
    assert any(q.get("date") == "2025-12" for s, _o, q in _rels(facts, "has_status") if s == mou)


def test_the_government_is_the_buyer() -> None:
    facts = _facts("SANTIAGO: Chile has picked Navantia's frigate design for its navy. The government expects to "
                   "sign a contract with Navantia early next year.")
    roles = {(s, q.get("role")) for s, _o, q in _rels(facts, "party_to")}
    assert {("Chile", "buyer"), ("Navantia", "supplier")} <= roles


def test_areas_after_particularly_in_and_partners_that_agreed_to_cooperate() -> None:
    facts = _facts("Egypt and Greece have agreed to deepen military cooperation, especially in maritime security, "
                   "cyber defence and the defence industry, the ministers said. Both countries also agreed to explore "
                   "joint production of drones between Egyptian and Greek companies.")
    areas = {o for s, o, q in _rels(facts, "has_cooperation_area") if q.get("partner") == "Greece"}
    assert {"maritime security", "cyber defence", "defence industry", "joint production of drones"} <= areas
    assert "military cooperation" not in areas
    assert ("Egypt", "Greece", {"domain": "military", "status": "existing"}) in _rels(facts, "partner_of")


def test_the_visitor_is_the_named_person_and_joins_the_dialogue() -> None:
    facts = _facts("Datuk Seri Hishammuddin Hussein visited Tokyo last week for the 2nd Japan-Malaysia Defence "
                   "Dialogue.")
    assert [(s, o) for s, o, _q in _rels(facts, "visited")] == [("Hishammuddin Hussein", "Japan")]
    assert [(s, o) for s, o, _q in _rels(facts, "participant_of")] == [
        ("Hishammuddin Hussein", "2nd Japan-Malaysia Defence Dialogue")]


def test_a_demonym_or_a_speaker_is_not_the_visitor() -> None:
    assert not _rels(_facts("Thai Defence Minister Sutin Klungsang said the navy would visit Japan."), "visited")
    assert not _rels(_facts("An Indian Defence Secretary visited Hanoi last week."), "visited")


def test_an_earlier_edition_is_held_in_its_own_year() -> None:
    facts = _facts("SEOUL: The two firms signed the deal at the ADEX 2023 exhibition in Seoul last October.",
                   date="2024-03-10")
    assert ("ADEX 2023", "Seoul", {"date": "2023-10"}) in _rels(facts, "held_in")


def test_negotiations_expected_to_conclude_date_the_agreement() -> None:
    facts = _facts("LIMA: Peru is close to finalising a US$300 million agreement with South Korea to acquire the "
                   "FA-50 light combat aircraft. Talks are expected to conclude by the end of the year.")
    assert any(o == "expected" and q.get("expected_date") == "2025" for _s, o, q in _rels(facts, "has_status"))


def test_planned_contract_covers_the_platform_in_focus() -> None:
    facts = _facts("WELLINGTON: New Zealand has chosen the Type 31 frigate for its navy. The government expects to "
                   "sign a contract with Babcock International early next year, with the first of four frigates to "
                   "be delivered in 2030.")
    agr = next(e.name for e in facts.entities if e.type == "Agreement")
    assert ("New Zealand", agr, {"role": "buyer", "status": "expected"}) in _rels(facts, "party_to")
    assert (agr, "expected", {"expected_date": "2026"}) in _rels(facts, "has_status")
    assert (agr, "Type 31 frigate", {"quantity": 4}) in _rels(facts, "covers")
    assert any(s == "Babcock International" and o == "Type 31 frigate" and q.get("quantity") == 4
               for s, o, q in _rels(facts, "supplies"))


def test_ranked_buyer_through_its_navy_goes_on_the_supply() -> None:
    facts = _facts("The Chilean Navy signed a contract with Navantia on Monday for two frigates. Chile is the fourth "
                   "country after Spain, Norway and Australia to order the F-100 design.")
    sup = [(s, o, q) for s, o, q in _rels(facts, "supplies") if q.get("ordinal") == 4]
    assert sup and sup[0][0] == "Navantia" and sup[0][2]["buyer"] == "Chile"
    assert sup[0][2]["after"] == ["Spain", "Norway", "Australia"]


def test_the_alias_of_an_agreement_stops_before_the_event_it_was_signed_at() -> None:
    facts = _facts("Both countries signed a memorandum of understanding on naval shipbuilding at the DSEI 2025 "
                   "exhibition in London last week.")
    aliases = next(e.aliases for e in facts.entities if e.type == "Agreement")
    assert "memorandum of understanding on naval shipbuilding" in aliases
    assert not any("London" in a for a in aliases)


def test_the_platform_a_losing_bidder_offered() -> None:
    facts = _facts("Norway has selected the Type 26 frigate for its navy, the ministry said. The selection followed a "
                   "competition with France's Naval Group, which had offered the FREMM.")
    assert ("Type 26 frigate", "FREMM", {}) in _rels(facts, "selected_over")


def test_an_unknown_body_named_by_a_demonym_receives_for_its_state() -> None:
    facts = _facts("The Egyptian Coastal Defence Command received its first Naval Strike Missile battery from "
                   "Norway's Kongsberg on Monday.\n\nThe batteries are part of a contract for four batteries worth "
                   "about US$300 million signed in 2024.")
    assert any(s == "Kongsberg" and q.get("buyer") == "Egypt" for s, o, q in _rels(facts, "supplies")
               if o == "Naval Strike Missile")
    assert any(o == "Naval Strike Missile" and q.get("quantity") == 4 for _s, o, q in _rels(facts, "covers"))
