"""The fact models read and write the interchange format exactly, and reject bad files clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import FactsFileError
from graph.models import ArticleFacts, facts_to_json, parse_facts, read_facts

from .conftest import FACTS, SEED_FACTS


@pytest.mark.parametrize("path", sorted(FACTS.glob("*.json")), ids=lambda p: p.stem)
def test_every_fixture_round_trips_through_the_models_without_loss(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    again = json.loads(facts_to_json(read_facts(path)))
    assert again == original


def test_provenance_fields_are_kept_on_relations() -> None:
    facts = read_facts(SEED_FACTS)
    rel = next(r for r in facts.relations if r.qualifiers.get("ordinal") == 2)
    assert rel.evidence is not None
    assert "second country after Turkiye" in rel.evidence.text
    assert rel.evidence.end > rel.evidence.start
    assert rel.confidence == 1.0 and rel.extractor == "manual"


def _doc(**changes: object) -> dict:
    doc = {"url": "https://example.org/a", "date": "2025-01-02",
           "entities": [{"name": "Malaysia", "type": "Country", "aliases": [], "attributes": {}}],
           "relations": [{"subject": "Malaysia", "predicate": "has_capability_domain", "object": "aerospace",
                          "qualifiers": {}}]}
    doc.update(changes)
    return doc


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        ({"extra": 1}, "extra", "Extra inputs are not permitted"),
        ({"date": "2025-13-45"}, "date", "is not a date"),
        ({"entities": [{"name": "X", "type": "Country", "colour": "red"}]}, "entities[0].colour", "Extra inputs"),
        ({"entities": [{"name": "X", "type": "Planet"}]}, "entities[0].type", "Input should be"),
        ({"relations": [{"subject": "Malaysia", "predicate": "likes", "object": "X"}]},
         "relations[0].predicate", "unknown predicate 'likes'"),
        ({"relations": [{"subject": "Nobody", "predicate": "part_of", "object": "Malaysia"}]},
         "(document)", "subject 'Nobody' is not an entity"),
        ({"relations": [{"subject": "Malaysia", "predicate": "buys", "object": "X",
                         "qualifiers": {"quantity": -3}}]}, "relations[0].qualifiers", "negative"),
    ],
)
def test_invalid_facts_name_the_file_the_json_path_and_the_problem(change: dict, where: str, problem: str) -> None:
    with pytest.raises(FactsFileError) as err:
        parse_facts(_doc(**change), "bad.json")
    message = str(err.value)
    assert message.startswith("bad.json: ")
    assert where in message and problem in message
    assert "\n" not in message


def test_unreadable_json_is_reported_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"entities": [\n  {"name": }\n]}', encoding="utf-8")
    with pytest.raises(FactsFileError, match=r"broken.json: invalid JSON at line 2 column"):
        read_facts(bad)


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"url": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(FactsFileError, match="not UTF-8"):
        read_facts(bad)


def test_duplicate_entity_names_are_refused() -> None:
    ent = {"name": "Malaysia", "type": "Country"}
    with pytest.raises(FactsFileError, match="duplicate entity name 'Malaysia'"):
        parse_facts(_doc(entities=[ent, ent], relations=[]), "dup.json")


def test_models_accept_the_minimal_document() -> None:
    assert ArticleFacts.model_validate({}).entities == []


def test_a_facts_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_FACTS.read_bytes())
    assert read_facts(path) == read_facts(SEED_FACTS)


@pytest.mark.parametrize(("text", "kind"), [("[1, 2]", "an array"), ('"facts"', "a string"), ("3", "a number"),
                                            ("null", "null"), ("true", "true")])
def test_a_document_that_is_not_an_object_is_named_for_what_it_is(tmp_path: Path, text: str, kind: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactsFileError) as err:
        read_facts(path)
    assert str(err.value) == f"{path}: expected a JSON object with article, entities and relations, not {kind}"
