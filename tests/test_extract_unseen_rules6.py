"""Rules for articles unlike the development texts, sixth round: ranked claims put on the fact they rank, events
named by a meeting's edition or as exercises, counts of troops, dates of other forms. Every sentence is written for
the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _facts, _rels

# ranked claims


def test_a_ranked_order_from_a_named_company_is_that_companys_sale_to_the_one_ranked() -> None:
    facts = _facts("LISBON – Portugal last week became the third NATO member after Spain and Greece to order the "
                   "CAESAR from KNDS France.")
    sales = [(s, o, q) for s, o, q in _rels(facts, "supplies") if q.get("ordinal")]
    assert sales == [("KNDS France", "CAESAR", {"buyer": "Portugal", "ordinal": 3, "ordinal_scope": "NATO member",
                                                "after": ["Spain", "Greece"]})]


def test_a_second_ranked_clause_ranks_its_own_subject_and_its_own_platform() -> None:
    facts = _facts("Chile became the first Latin American country to order the CAESAR from KNDS France, and Peru "
                   "became the second country in South America to order the CAESAR from KNDS France.")
    ranks = sorted((q["buyer"], q["ordinal"]) for _s, _o, q in _rels(facts, "supplies"))
    assert ranks == [("Chile", 1), ("Peru", 2)]
    facts = _facts("Chile became the first Latin American country to order the Boxer from Rheinmetall, and Peru "
                   "became the second country in South America to order the CAESAR from KNDS France.")
    assert not any(q.get("buyer") == "Chile" for _s, _o, q in _rels(facts, "supplies"))


def test_a_ranked_operator_or_a_deal_told_of_long_before_gets_no_rank_on_an_agreement() -> None:
    facts = _facts("NAIROBI – The Kenya Navy received its new patrol ship, built by Damen under a 2021 contract worth "
                   "about EUR 90 million. The service said it had trained its crews in the Netherlands. The Kenya "
                   "Navy thus became the first East African navy to operate a European-built warship.")
    assert not any("ordinal" in q for _s, _o, q in _rels(facts, "party_to"))
    facts = _facts("ANKARA – Turkiye signed a contract worth USD 300 million with Otokar in 2021. Turkish officials "
                   "said the vehicles would be delivered next year. Turkish firms also exhibited at the show in "
                   "Warsaw. Separately, Hungary became the second country in Europe to order the fighter.")
    assert not any("ordinal" in q for _s, _o, q in _rels(facts, "party_to"))
