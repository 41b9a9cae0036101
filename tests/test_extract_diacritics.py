"""Names match whether or not the text writes their diacritics: "Perú" is Peru, "Hagglunds" is Hägglunds."""

from __future__ import annotations

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.extract.gazetteer import fold_marks, load_gazetteers


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Perú will buy two frigates.", "Perú", "Peru"),
    ("The navy of México said so.", "México", "Mexico"),
    ("Officials in Cote d'Ivoire agreed.", "Cote d'Ivoire", "Côte d'Ivoire"),
    ("A Curacao yard bid for the work.", "Curacao", "Curaçao"),
    ("BAE Systems Hagglunds will build them.", "BAE Systems Hagglunds", "BAE Systems Hägglunds"),
    ("Brasilia confirmed the order.", "Brasilia", "Brazil"),
])
def test_a_name_is_found_with_or_without_its_diacritics(text: str, surface: str, name: str) -> None:
    found = [(m.surface, m.entry.name) for m in load_gazetteers().match(text)]
    assert (surface, name) in found


def test_folding_keeps_every_offset() -> None:
    text = "Perú – “São Tomé” and Łódź, 서울"
    folded = fold_marks(text)
    assert len(folded) == len(text)
    assert folded == "Peru – “Sao Tome” and Lodz, 서울"


def test_an_article_that_writes_peru_with_an_accent_gets_the_country_and_its_evidence() -> None:
    text = "LIMA: Perú signed a contract with Hanwha Ocean for two frigates on Monday, the navy said."
    facts = extract(Article(text, "lima.txt", date="2026-03-02"))
    countries = {e.name for e in facts.entities if e.type == "Country"}
    assert "Peru" in countries
    peru = [r for r in facts.relations if "Peru" in (r.subject, r.object)]
    assert peru and all(r.evidence and "Perú" in r.evidence.text for r in peru)
