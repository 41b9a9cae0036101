"""The extractor's contract: valid, consistent, provenanced, deterministic facts for any text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.articles import Article
from graph.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract, load_gazetteers
from graph.models import facts_to_json, parse_facts

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))


def _article(path: Path) -> Article:
    return Article(path.read_text(encoding="utf-8"), path.name, url=f"https://example.org/{path.stem}",
                   date="2025-10-16", title=path.stem, source="Example Wire")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_gives_facts_that_validate_as_the_interchange_format(path: Path) -> None:
    facts = extract(_article(path))
    again = parse_facts(json.loads(facts_to_json(facts)), path.name)
    assert again.entities and again.relations


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_relation_quotes_the_sentence_it_comes_from_at_its_offsets(path: Path) -> None:
    article = _article(path)
    facts = extract(article)
    for r in facts.relations:
        assert r.evidence is not None
        assert article.text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.extractor == EXTRACTOR_NAME and r.extractor_version == EXTRACTOR_VERSION
        assert r.confidence is not None and 0 < r.confidence <= 1


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_entity_valued_qualifiers_name_entities_of_the_article(path: Path) -> None:
    facts = extract(_article(path))
    names = {e.name for e in facts.entities}
    for r in facts.relations:
        for key in ("buyer", "end_user", "partner", "organisation", "by", "on_behalf_of"):
            if key in r.qualifiers:
                assert r.qualifiers[key] in names, (key, r)
        for name in r.qualifiers.get("after", []) or []:
            assert name in names


def test_article_metadata_and_content_hash_are_carried_into_the_facts() -> None:
    article = _article(FIXTURES[0])
    facts = extract(article)
    expected = (article.url, "2025-10-16", "Example Wire", article.title)
    assert (facts.url, facts.date, facts.source, facts.title) == expected
    assert facts.content_sha256 == hashlib.sha256(article.text.encode()).hexdigest()
    assert (facts.extractor, facts.extractor_version) == (EXTRACTOR_NAME, EXTRACTOR_VERSION)


def test_the_same_article_gives_byte_identical_output() -> None:
    article = _article(FIXTURES[1])
    assert facts_to_json(extract(article)) == facts_to_json(extract(article))


def test_news_agency_bylines_are_mention_only_entities_without_relations() -> None:
    text = "Malaysia signed a contract with Boustead for two ships. – Bernama"
    facts = extract(Article(text, "x", date="2025-01-01"))
    bernama = facts.entity("Bernama")
    assert bernama is not None and bernama.attributes.get("mention_only") is True
    assert all("Bernama" not in (r.subject, r.object) for r in facts.relations)


def test_users_can_extend_the_gazetteers_with_their_own_tsv_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("Zorvex Dynamics Works\tCompany\tMalaysia\tZDW\tshipbuilder\n", encoding="utf-8")
    gaz = load_gazetteers([extra])
    facts = extract(Article("ZDW will build the ships.", "x", date="2025-01-01"), gaz)
    assert facts.entity("Zorvex Dynamics Works") is not None
    assert extract(Article("ZDW will build the ships.", "x")).entity("Zorvex Dynamics Works") is None


def test_users_can_extend_the_gazetteers_with_a_json_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([{"name": "Quillon Arms", "type": "Company", "aliases": ["QA Ltd"]}]), encoding="utf-8")
    facts = extract(Article("QA Ltd won the order.", "x"), load_gazetteers([extra]))
    assert facts.entity("Quillon Arms") is not None


def test_a_gazetteer_row_with_an_unknown_type_is_reported_by_file_and_name(tmp_path: Path) -> None:
    from graph.errors import InputError

    bad = tmp_path / "bad.tsv"
    bad.write_text("Foo\tWidget\t\t\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv.*'Foo'.*Widget"):
        load_gazetteers([bad])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, "2025-09-22", "2024-02", "2023"]))
def test_extraction_never_crashes_and_always_validates_on_arbitrary_text(text: str, date: str | None) -> None:
    facts = extract(Article(text, "fuzz", date=date))
    parse_facts(json.loads(facts_to_json(facts)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "Malaysia", "signed", "a", "contract", "with", "KAI", "for", "18", "FA-50", "jets", "worth", "US$920 million",
    "on Monday", ".", "the", "MoU", "Defence Minister", "Datuk Seri", "Ahmad Tan", ",", "second country after",
    "Turkiye", "to", "Seminar", "(", "GRSE", ")", "Royal Malaysian Navy", "he said", "\n", "expected by October",
]), max_size=60))
def test_extraction_survives_shuffled_genre_vocabulary(words: list[str]) -> None:
    facts = extract(Article(" ".join(words), "fuzz", date="2025-09-22"))
    parse_facts(json.loads(facts_to_json(facts)))


def test_an_alias_two_gazetteer_entries_claim_is_read_as_neither_and_does_not_break_extraction(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("Zorvex Dynamics Works\tCompany\tMalaysia\tZDW\tshipbuilder\n"
                     "Zenith Defence Wing\tArmedForce\tMalaysia\tZDW\tair force\n", encoding="utf-8")
    facts = extract(Article("ZDW said on Monday that Zorvex Dynamics Works will build the ships.", "x",
                            date="2025-01-01"), load_gazetteers([extra]))
    assert facts.entity("Zorvex Dynamics Works") is not None
    assert facts.entity("Zenith Defence Wing") is None
