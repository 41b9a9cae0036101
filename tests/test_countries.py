"""The country and organisation tables: complete, consistent, and found by every name they list."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from rdflib import Graph
from rdflib.namespace import OWL

from graph.countries import by_capital, by_demonym, countries, fold, lookup
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts
from graph.reference import lookup_organisation, organisations
from graph.vocab import WD


def test_the_table_has_all_249_iso_3166_entries_with_unique_codes_and_names() -> None:
    rows = countries()
    assert len(rows) == 249
    for field in ("alpha2", "alpha3", "name"):
        values = [getattr(c, field) for c in rows]
        assert len(set(values)) == 249, [v for v, n in Counter(values).items() if n > 1]
    assert all(re.fullmatch(r"[A-Z]{2}", c.alpha2) and re.fullmatch(r"[A-Z]{3}", c.alpha3) for c in rows)


def test_no_name_alias_demonym_or_capital_points_to_two_countries() -> None:
    owner: dict[str, str] = {}
    for c in countries():
        for surface in (c.name, c.alpha3, *c.aliases, *c.demonyms, *c.capitals):
            key = fold(surface)
            assert owner.setdefault(key, c.alpha3) == c.alpha3, f"{surface!r}: {owner[key]} and {c.alpha3}"


@pytest.mark.parametrize(
    ("surface", "alpha3", "name"),
    [
        ("Türkiye", "TUR", "Turkiye"),
        ("Turkey", "TUR", "Turkiye"),
        ("Republic of Korea", "KOR", "South Korea"),
        ("ROK", "KOR", "South Korea"),
        ("Korea, Republic of", "KOR", "South Korea"),
        ("DPRK", "PRK", "North Korea"),
        ("USA", "USA", "United States"),
        ("U.S.", "USA", "United States"),
        ("United States of America", "USA", "United States"),
        ("Great Britain", "GBR", "United Kingdom"),
        ("UK", "GBR", "United Kingdom"),
        ("People's Republic of China", "CHN", "China"),
        ("Czechia", "CZE", "Czech Republic"),
        ("Viet Nam", "VNM", "Vietnam"),
        ("Russian Federation", "RUS", "Russia"),
        ("UAE", "ARE", "United Arab Emirates"),
        ("Lao People's Democratic Republic", "LAO", "Laos"),
        ("Syrian Arab Republic", "SYR", "Syria"),
        ("Iran, Islamic Republic of", "IRN", "Iran"),
        ("Brunei Darussalam", "BRN", "Brunei"),
        ("Moldova, Republic of", "MDA", "Moldova"),
        ("Tanzania, United Republic of", "TZA", "Tanzania"),
        ("Bolivia, Plurinational State of", "BOL", "Bolivia"),
        ("Venezuela, Bolivarian Republic of", "VEN", "Venezuela"),
        ("Georgia", "GEO", "Georgia"),
        ("Jordan", "JOR", "Jordan"),
        ("Chad", "TCD", "Chad"),
        ("malaysia", "MYS", "Malaysia"),
        ("KOR", "KOR", "South Korea"),
    ],
)
def test_lookup_finds_a_country_by_name_alias_or_code(surface: str, alpha3: str, name: str) -> None:
    found = lookup(surface)
    assert found is not None and (found.alpha3, found.name) == (alpha3, name)


@pytest.mark.parametrize("ambiguous", ["Korea", "Korean", "Congo", "Guinean", "Dominican", "car"])
def test_ambiguous_names_find_no_country(ambiguous: str) -> None:
    assert lookup(ambiguous) is None
    assert by_demonym(ambiguous) is None


@pytest.mark.parametrize(
    ("demonym", "alpha3"),
    [("Malaysian", "MYS"), ("South Korean", "KOR"), ("Turkish", "TUR"), ("American", "USA"), ("British", "GBR"),
     ("Filipino", "PHL"), ("Emirati", "ARE"), ("Nigerien", "NER"), ("Nigerian", "NGA")],
)
def test_by_demonym_finds_the_country_of_an_adjective(demonym: str, alpha3: str) -> None:
    found = by_demonym(demonym)
    assert found is not None and found.alpha3 == alpha3


@pytest.mark.parametrize(
    ("capital", "alpha3"),
    [("Seoul", "KOR"), ("Putrajaya", "MYS"), ("Kuala Lumpur", "MYS"), ("Ankara", "TUR"), ("Washington", "USA"),
     ("Hanoi", "VNM"), ("chisinau", "MDA"), ("Kyiv", "UKR")],
)
def test_by_capital_finds_the_country_a_capital_stands_for(capital: str, alpha3: str) -> None:
    found = by_capital(capital)
    assert found is not None and found.alpha3 == alpha3


def test_capitals_that_are_common_words_or_shared_city_names_are_left_out() -> None:
    for city in ("Victoria", "Georgetown", "George Town", "Male", "Hamilton", "Brussels"):
        assert by_capital(city) is None, city


@pytest.mark.parametrize(
    ("alpha3", "qid"),
    [("MYS", "Q833"), ("KOR", "Q884"), ("TUR", "Q43"), ("USA", "Q30"), ("IND", "Q668"), ("VNM", "Q881"),
     ("FRA", "Q142"), ("DEU", "Q183"), ("GBR", "Q145"), ("CHN", "Q148"), ("RUS", "Q159"), ("JPN", "Q17")],
)
def test_well_known_countries_link_to_their_wikidata_item(alpha3: str, qid: str) -> None:
    found = lookup(alpha3)
    assert found is not None and found.wikidata == qid


def test_wikidata_items_are_well_formed_and_unique() -> None:
    qids = [c.wikidata for c in countries() if c.wikidata]
    assert len(qids) > 200
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    assert len(set(qids)) == len(qids)


def test_the_organisation_table_finds_organisations_by_name_or_alias() -> None:
    assert len({o.name for o in organisations()}) == len(organisations())
    for surface, name, qid in [("NATO", "NATO", "Q7184"), ("Association of Southeast Asian Nations", "ASEAN", "Q7768"),
                               ("EU", "European Union", "Q458"), ("U.N.", "United Nations", "Q1065"),
                               ("FPDA", "Five Power Defence Arrangements", None)]:
        found = lookup_organisation(surface)
        assert found is not None and (found.name, found.wikidata) == (name, qid)
    assert lookup_organisation("Korea Aerospace Industries") is None
    assert all(re.fullmatch(r"Q[1-9][0-9]*", o.wikidata) for o in organisations() if o.wikidata)


def _graph(entities: list[dict]) -> Graph:  # type: ignore[type-arg]
    g = Graph()
    for s, p, o, _ in facts_to_quads(ArticleFacts.model_validate({"entities": entities}), "t.json"):
        g.add((s, p, o))
    return g


def test_the_mapping_links_known_organisations_and_countries_to_wikidata() -> None:
    g = _graph([{"name": "ASEAN", "type": "Organisation"}, {"name": "Türkiye", "type": "Country"},
                {"name": "Nordvik Marine", "type": "Company"}])
    assert set(g.objects(None, OWL.sameAs)) == {WD.Q7768, WD.Q43}


def test_only_organisation_entities_get_an_organisation_link() -> None:
    g = _graph([{"name": "NATO", "type": "Event"}])
    assert list(g.objects(None, OWL.sameAs)) == []
