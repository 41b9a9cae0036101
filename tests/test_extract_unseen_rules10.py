"""Rules for articles unlike the development texts, tenth round: numbers written in words however long, legislatures
known from a list users can extend, shows whose names are common words, and platforms named only by their type.
Every sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.extract.amounts import find_quantities
from graph.extract.gazetteer import load_gazetteers
from graph.extract.numbers import parse_number

from .test_extract_unseen_rules import _facts, _rels

# numbers in words: one reading for every rule


@pytest.mark.parametrize(("text", "value"), [
    ("twenty-four", 24), ("Thirty six", 36), ("two hundred and fifty", 250), ("a hundred", 100),
    ("four thousand five hundred", 4500), ("1,200", 1200), ("a dozen", 12), ("two dozen", 24),
    ("half a dozen", 6), ("a pair", 2), ("ninety-nine", 99), ("several", None), ("", None),
])
def test_a_number_in_words_or_digits_reads_as_its_value(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_compound_numbers_and_counted_phrases_are_one_quantity_each() -> None:
    text = ("The brigade fields forty-eight guns, about a dozen trucks, half a dozen radars, a pair of cranes and "
            "three hundred and twenty rifles.")
    assert [(q.value, q.approximate) for q in find_quantities(text)] == [(48, False), (12, True), (6, False),
                                                                         (2, False), (320, False)]


def test_a_requirement_counted_in_a_compound_word_carries_its_quantity() -> None:
    facts = _facts("SANTIAGO – The Chilean Army requires twenty-four Leopard 2A7 tanks, officials said.")
    assert [(s, q) for s, o, q in _rels(facts, "requires")] == [("Chilean Army", {"quantity": 24})]


def test_half_a_dozen_and_about_a_dozen_are_read_whole() -> None:
    facts = _facts("NAIROBI – The Kenya Defence Forces received about a dozen Bayraktar TB2 drones from Baykar last "
                   "year, and Kenya will buy half a dozen AW149 helicopters from Leonardo.")
    sales = {o: q for s, o, q in _rels(facts, "supplies")}
    assert sales["Bayraktar TB2"]["quantity"] == 12 and sales["Bayraktar TB2"].get("approximate") is True
    assert sales["AW149"]["quantity"] == 6


# legislatures come from a gazetteer, users' own files included


def test_a_listed_legislature_that_approved_a_deal_is_named_as_the_approving_body() -> None:
    facts = _facts("BERLIN – Germany signed a contract with Rheinmetall for 50 Boxer vehicles on Monday. The Bundestag "
                   "approved the deal last week.")
    assert [q.get("by") for s, o, q in _rels(facts, "has_status") if o == "approved"] == ["Bundestag"]
    assert ("Bundestag", "Germany", {}) in _rels(facts, "part_of")


def test_an_approval_awaited_from_a_legislatures_possessive_is_pending_by_it() -> None:
    facts = _facts("WARSAW – Poland and South Korea signed a deal for 96 K9 howitzers. The contract now awaits the "
                   "Sejm's approval.")
    assert [(o, q) for s, o, q in _rels(facts, "has_status") if o == "pending approval"] == [
        ("pending approval", {"by": "Sejm"})]


def test_a_users_gazetteer_row_of_kind_legislature_is_read_by_the_status_rules(tmp_path: Path) -> None:
    own = tmp_path / "own.tsv"
    own.write_text("Althing\tGovernmentAgency\tIceland\tAlthingi\tlegislature\n", encoding="utf-8")
    text = ("REYKJAVIK – Iceland signed a contract with Saab for two Giraffe 1X radars. The Althing approved the "
            "contract on Friday.")
    plain = extract(Article(text, "t.txt", date="2026-05-12"))
    extended = extract(Article(text, "t.txt", date="2026-05-12"), load_gazetteers([own]))
    assert all("by" not in r.qualifiers for r in plain.relations if r.predicate == "has_status")
    assert [r.qualifiers.get("by") for r in extended.relations
            if r.predicate == "has_status" and r.object == "approved"] == ["Althing"]


def test_chambers_several_states_share_a_name_with_are_no_listed_legislature() -> None:
    facts = _facts("BOGOTA – The defence minister told Congress that the plan was ready. The DPR Korea delegation and "
                   "the National Assembly met.")
    assert not {"United States Congress", "Dewan Perwakilan Rakyat"} & {e.name for e in facts.entities}


# shows whose names end other names are marked in the shows list


def test_a_show_marked_generic_is_an_event_alone_but_not_at_the_end_of_another_name() -> None:
    facts = _facts("SYDNEY – Hanwha Defense and Security unveiled a vehicle at Indo Pacific 2027, and the Royal "
                   "Australian Navy's Land Forces unit visited.")
    assert [e.name for e in facts.entities if e.type == "Event"] == ["Indo Pacific 2027"]


def test_the_shows_list_marks_generic_names_in_a_column_of_its_own() -> None:
    from graph.extract.events import _GENERIC_SHOWS, SHOWS

    assert {"Land Forces", "Defense & Security"} <= set(_GENERIC_SHOWS) <= set(SHOWS)
    assert not any("\t" in s or s != s.strip() for s in SHOWS)


# platforms counted by their type alone


def test_a_contract_for_a_counted_type_covers_that_type_with_its_quantity() -> None:
    facts = _facts("ACCRA – Ghana's Ministry of Defence signed a contract with Damen for four fast patrol boats worth "
                   "80 million euros on Monday.")
    assert [e.name for e in facts.entities if e.type == "Platform"] == ["Fast patrol boat"]
    assert [(o, q["quantity"]) for s, o, q in _rels(facts, "covers")] == [("Fast patrol boat", 4)]
    assert [(s, o, q["quantity"], q["buyer"]) for s, o, q in _rels(facts, "supplies")] == [
        ("Damen Shipyards", "Fast patrol boat", 4, "Ministry of Defence (Ghana)")]


def test_a_counted_type_the_article_defines_an_acronym_for_is_one_platform_by_that_name() -> None:
    facts = _facts("SANTIAGO – Chile ordered twelve infantry fighting vehicles (IFVs) from Hanwha Aerospace. The "
                   "first six infantry fighting vehicles will be delivered in 2028.")
    platforms = [e for e in facts.entities if e.type == "Platform"]
    assert [p.name for p in platforms] == ["Infantry fighting vehicle (IFV)"]
    assert "infantry fighting vehicles" in platforms[0].aliases
    assert [(o, q["quantity"]) for s, o, q in _rels(facts, "supplies")] == [("Infantry fighting vehicle (IFV)", 12)]


def test_a_counted_type_after_a_named_model_of_that_kind_is_that_model() -> None:
    facts = _facts("LIMA – Peru ordered eight CV90 infantry fighting vehicles from BAE Systems; the eight infantry "
                   "fighting vehicles arrive in 2028.")
    assert [e.name for e in facts.entities if e.type == "Platform"] == ["CV90"]


def test_a_type_neither_counted_nor_traded_is_no_platform() -> None:
    facts = _facts("About 300 armoured personnel carriers took part in the parade. The navy wants offshore patrol "
                   "vessels, and seventeen tactical reporters attended.")
    assert not [e for e in facts.entities if e.type == "Platform"]


def test_a_credit_line_in_the_sentence_of_a_deal_covers_no_platform() -> None:
    facts = _facts("Kenya, India seal deal for six fast attack craft under new credit line\n\nMOMBASA: Kenya and "
                   "India on Monday signed a contract for six fast attack craft for the Kenya Navy, financed from a "
                   "US$100 million line of credit that New Delhi extended last year.")
    credit = [e.name for e in facts.entities if e.type == "Agreement" and "line of credit" in e.name]
    assert credit and not any(s in credit for s, o, q in _rels(facts, "covers"))
    assert [o for s, o, q in _rels(facts, "covers")] == ["Fast attack craft"]


def test_interest_in_a_counted_platform_carries_the_count() -> None:
    facts = _facts("DAKAR – Senegal has expressed interest in eight fast attack craft from Piriou, officials said.")
    assert [(s, o, q) for s, o, q in _rels(facts, "interested_in")] == [
        ("Senegal", "Fast attack craft", {"quantity": 8})]


def test_a_type_of_a_class_named_after_it_is_that_class() -> None:
    facts = _facts("LISBON – Portugal will buy two multi-mission frigates of the Arrowhead class from Babcock, the "
                   "navy said.")
    assert [e.name for e in facts.entities if e.type == "Platform"] == ["Arrowhead-class frigate"]
    assert [(o, q["quantity"]) for s, o, q in _rels(facts, "supplies")] == [("Arrowhead-class frigate", 2)]


def test_a_count_before_a_word_that_begins_like_a_month_is_a_count_not_a_date() -> None:
    facts = _facts("HANOI – Vietnam signed a contract for 12 maritime patrol aircraft and 3 decommissioned frigates on "
                   "Monday.")
    assert [(o, q["quantity"]) for s, o, q in _rels(facts, "covers")] == [("Maritime patrol aircraft", 12)]
    assert all(str(q.get("date", "")) != "2026-03-12" for r in facts.relations for q in [r.qualifiers])


def test_a_counted_type_of_the_kind_a_listed_model_has_is_that_model() -> None:
    facts = _facts("HANOI – Vietnam signed a contract for 12 light combat aircraft on Monday. The FA-50 jets will "
                   "arrive from 2028.")
    assert [e.name for e in facts.entities if e.type == "Platform"] == ["FA-50"]


def test_a_fleet_or_batch_of_a_number_is_the_quantity_bought() -> None:
    facts = _facts("NAIROBI – Kenya will buy a fleet of 20 armoured personnel carriers from Paramount Group. Uganda "
                   "will buy a batch of 12 Casspir vehicles.")
    assert ("Paramount Group", "Armoured personnel carrier", 20) in {
        (s, o, q.get("quantity")) for s, o, q in _rels(facts, "supplies")}
    assert ("Uganda", 12) in {(s, q.get("quantity")) for s, o, q in _rels(facts, "buys")}
