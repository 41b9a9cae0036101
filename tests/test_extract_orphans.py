"""An agreement that no fact speaks of is not written: it would be a node with nothing to say."""

from __future__ import annotations

from graph.articles import Article
from graph.extract import extract


def test_a_deal_named_with_nothing_told_of_it_is_no_entity() -> None:
    text = ("NAIROBI – Kenya's defence minister said on Monday that the country will buy six patrol boats. "
            "The foreign minister welcomed the deal.")
    facts = extract(Article(text, "orphan.txt", date="2026-03-02"))
    named = {r.subject for r in facts.relations} | {r.object for r in facts.relations}
    assert [e.name for e in facts.entities if e.type == "Agreement" and e.name not in named] == []


def test_an_agreement_with_its_parties_is_kept() -> None:
    text = "MANILA – The Philippines signed a contract with Hanwha Ocean for two frigates on Tuesday."
    facts = extract(Article(text, "kept.txt", date="2026-03-02"))
    agreements = [e.name for e in facts.entities if e.type == "Agreement"]
    assert agreements
    assert {r.object for r in facts.relations if r.predicate == "party_to"} == set(agreements)
