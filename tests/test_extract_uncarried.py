"""Text holding characters facts cannot carry (U+0000, U+FFFE, U+FFFF) still gives valid facts."""

from __future__ import annotations

import json

import pytest

from graph.articles import Article
from graph.extract import extract
from graph.models import facts_to_json, parse_facts


@pytest.mark.parametrize("char", ["\x00", "\ufffe", "\uffff"])
def test_a_sentence_holding_an_uncarried_character_is_quoted_with_a_replacement_character(char: str) -> None:
    text = f"Malaysia signed an MoU with Hanwha Aerospace {char}on 22 September 2025."
    facts = extract(Article(text, "a.txt", date="2025-09-22"))
    again = parse_facts(json.loads(facts_to_json(facts)), "a.txt")
    assert again.relations
    for r in again.relations:
        assert r.evidence is not None and char not in r.evidence.text
        assert r.evidence.text == text[r.evidence.start:r.evidence.end].replace(char, "\ufffd")


def test_an_article_without_them_is_quoted_as_written() -> None:
    text = "Malaysia signed an MoU with Hanwha Aerospace \ufffd on 22 September 2025."
    facts = extract(Article(text, "a.txt", date="2025-09-22"))
    assert all(r.evidence and r.evidence.text == text[r.evidence.start:r.evidence.end] for r in facts.relations)
