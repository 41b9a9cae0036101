"""Well-known platforms are known by their short names, with their country and kind."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import extract


@pytest.mark.parametrize(("sentence", "name", "country"), [
    ("The army will take 96 more Krab howitzers next year.", "AHS Krab", "Poland"),
    ("Two Akıncı drones were seen at the airfield.", "Bayraktar Akinci", "Turkiye"),
    ("The navy flies the MV-22B from its carriers.", "V-22 Osprey", "United States"),
    ("Footage showed a T-72B3 near the river.", "T-72", "Russia"),
])
def test_a_listed_platform_is_found_by_its_short_name(sentence: str, name: str, country: str) -> None:
    facts = extract(Article(sentence, "p.txt", date="2026-03-02"))
    platforms = {e.name: e.attributes.get("country") for e in facts.entities if e.type == "Platform"}
    assert platforms.get(name) == country


def test_a_firm_named_like_a_vehicle_keeps_its_name() -> None:
    # "Rosomak" is the Polish vehicle maker; the vehicle is listed as "KTO Rosomak"
    facts = extract(Article("WARSAW – Rosomak said on Monday it will hire 200 workers.", "r.txt", date="2026-03-02"))
    assert ("Rosomak", "Company") in {(e.name, e.type) for e in facts.entities}
