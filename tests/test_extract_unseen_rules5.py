"""Rules for articles unlike the development texts: platforms known by a trade name, local assembly and
industrial participation, statuses and values in other words. Every sentence is written for the test, with
names the development texts do not use."""

from __future__ import annotations

from tests.test_extract_unseen_rules import _entities, _facts, _rels

# platforms by trade name, and after their maker


def test_well_known_platforms_by_trade_name_are_platforms_with_their_kind() -> None:
    facts = _facts("Greece will buy 20 Eurofighter Typhoon jets, a Patriot battery and 12 Black Hawk helicopters, "
                   "and later the Spike missile.")
    platforms = {e.name: e.attributes for e in facts.entities if e.type == "Platform"}
    assert {"Eurofighter Typhoon", "Patriot", "Black Hawk", "Spike"} <= set(platforms)
    assert platforms["Patriot"].get("kind") == "air defence system"
    assert platforms["Black Hawk"].get("country") == "United States"


def test_a_listed_variant_is_named_by_its_base_model_and_a_block_keeps_its_designation() -> None:
    facts = _facts("Croatia ordered 24 AH-64E Apache helicopters and six K9A1 howitzers.")
    assert {"AH-64 Apache", "K9"} <= set(_entities(facts, "Platform"))
    facts = _facts("Bulgaria will take the F-16 Block 70 to replace its ageing F-16 fleet.")
    assert {"F-16 Block 70", "F-16"} <= set(_entities(facts, "Platform"))
    facts = _facts("Ecuador signed for 12 Spike Mk II missiles. The Spike has served since 2010.")
    assert "Spike Mk II" in _entities(facts, "Platform")
    facts = _facts("Ecuador signed for 12 Spike Mk II missiles.")
    assert _entities(facts, "Platform") == ["Spike"]


def test_a_listed_name_that_begins_a_class_or_ends_a_persons_name_is_no_platform() -> None:
    facts = _facts("Spain commissioned two Mistral-class landing ships. Peter Stryker, the programme head, "
                   "said so.")
    assert "Mistral" not in _entities(facts, "Platform")
    assert "Stryker" not in _entities(facts, "Platform")


def test_a_name_after_a_known_maker_is_that_makers_platform() -> None:
    facts = _facts("Estonia chose the Hanwha Tigon over rival designs, and Kenya ordered 40 Otokar Arma vehicles.")
    assert {"Tigon", "Arma"} <= set(_entities(facts, "Platform"))
    makers = {(s, o) for s, o, _q in _rels(facts, "manufactures")}
    assert ("Otokar", "Arma") in makers


def test_a_place_or_a_post_after_a_maker_is_no_platform() -> None:
    facts = _facts("Saab Chairman Marcus Wallenberg toured the Saab Linkoping site and the Otokar Sakarya plant.")
    assert _entities(facts, "Platform") == []
