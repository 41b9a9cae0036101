"""Rules for articles unlike the development texts, ninth round: agreements between firms, a second agreement in
the sentence of a first, the body that announces an agreement, and deliveries written as nouns. Every sentence is
written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _facts, _rels

# a state that only describes a firm is no party


def test_a_state_describing_a_firm_is_no_party_to_the_firms_agreement() -> None:
    facts = _facts("OSLO – Kongsberg and the US contractor signed a teaming agreement on Monday. Later, Patria, "
                   "Nammo's Finnish partner, agreed to assemble launchers under an industrial agreement signed in "
                   "2019.",
                   date="2026-03-10")
    parties = {(s, o) for s, o, q in _rels(facts, "party_to")}
    assert not any(s in ("United States", "Finland") for s, _o in parties)
    assert {s for s, _o in parties} == {"Kongsberg", "Patria", "Nammo"}


def test_a_teaming_agreement_between_two_firms_makes_neither_buyer_nor_supplier() -> None:
    facts = _facts("ROME – Leonardo signed a teaming agreement with Hensoldt to support the Eurofighter fleet of "
                   "the Italian Air Force.", date="2026-03-10")
    roles = {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")}
    assert roles == {("Leonardo", None), ("Hensoldt", None)}
    assert _rels(facts, "supplies") == []
    facts = _facts("ROME – Leonardo signed a contract with Hensoldt to buy 40 radars.", date="2026-03-10")
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")} == {("Leonardo", "buyer"),
                                                                           ("Hensoldt", "supplier")}
