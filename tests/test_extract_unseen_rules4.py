"""Rules for articles unlike the development texts, fourth round: people, organisations and their links. Every
sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels

# "he" and "she" as the subject of a meeting, a visit or a signature


def test_a_pronoun_subject_meets_and_visits_as_the_person_named_before() -> None:
    facts = _facts("OSLO – Norway's Defence Minister, Ingrid Solberg, arrived in Warsaw on Monday. She met her "
                   "Polish counterpart Tomasz Nowicki on Tuesday. Later she visited PGZ.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Ingrid Solberg", "Tomasz Nowicki")}
    assert ("Ingrid Solberg", "Polska Grupa Zbrojeniowa") in {(s, o) for s, o, _q in _rels(facts, "visited")}
    assert "She" not in next(e.aliases for e in facts.entities if e.name == "Ingrid Solberg")


def test_a_pronoun_skips_a_person_of_the_other_gender_and_a_name_spelt_like_a_pronoun() -> None:
    facts = _facts("Ms Amelia Hart, the procurement chief, was joined by Mr David Okoro in Canberra. She held talks "
                   "with Navy chief Vice Admiral Peter Lang. He Wen-li, a spokesman, said more talks were planned.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Amelia Hart", "Peter Lang")}


def test_a_pronoun_with_no_person_before_it_is_nobody() -> None:
    facts = _facts("The navy has ordered four patrol boats. He met the shipyard's managers on Friday.")
    assert _rels(facts, "met_with") == []


def test_the_person_or_pronoun_before_signed_is_a_signatory() -> None:
    facts = _facts("Estonian Defence Minister Kaarel Tamm toured the plant of Nammo on Wednesday. He later signed a "
                   "contract with Nammo for 155mm shells.")
    [agr] = _entities(facts, "Agreement")
    assert ("Kaarel Tamm", agr) in {(s, o) for s, o, _q in _rels(facts, "signed")}
    facts = _facts("Peru's army chief, General Luis Ramos, signed an agreement with Elbit Systems on Monday.")
    [agr] = _entities(facts, "Agreement")
    assert {(s, o) for s, o, _q in _rels(facts, "signed")} == {("Luis Ramos", agr)}
