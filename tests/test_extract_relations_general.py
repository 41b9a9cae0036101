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
