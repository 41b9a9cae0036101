"""Extraction never crashes on arbitrary text, and whatever it returns maps, stores and renders.

Hypothesis writes the text: any Unicode but lone surrogates, and mixes of news words,
hostile characters and markup. A bounded number of examples runs here;
``benchmarks/fuzz_extract.py`` runs many more.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.articles import Article
from graph.extract import extract
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts
from graph.store import EmbeddedStore
from tests.hostile import HOSTILE_CHARS

EXAMPLES = 60

WORDS = ("Malaysia", "South Korea", "signed", "a contract", "with", "Korea Aerospace Industries", "for", "18",
         "FA-50", "jets", "worth", "US$920 million", "RM 4.1 billion", "on 22 September 2025", "Minister", "Datuk",
         "MoU", "memorandum of understanding", "the two countries", "agreed", "Royal Malaysian Navy", "LMS Batch 2",
         "delivered", "third", "Defence Industry Cooperation Seminar", "in Kuala Lumpur", "said", "'", '"', "(", ")",
         ",", ".", "\n\n", ";", "and", "Türkiye", "Indonesia", "partnership", "between", "Ministry of Defence")

news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(list(HOSTILE_CHARS)),
                               st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
                     min_size=1, max_size=120).map(" ".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=2000)


def _check(text: str) -> ArticleFacts:
    facts = extract(Article(text=text, key="k"))
    assert isinstance(facts, ArticleFacts)
    # the facts are valid interchange JSON, with evidence offsets that point into the text
    ArticleFacts.model_validate(json.loads(facts.model_dump_json()))
    for r in facts.relations:
        if r.evidence is not None:
            assert 0 <= r.evidence.start <= r.evidence.end <= len(text)
    return facts


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extraction_never_crashes_on_any_unicode_text(text: str) -> None:
    _check(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_extraction_of_news_words_mixed_with_hostile_characters_maps_and_stores(text: str) -> None:
    facts = _check(text)
    store = EmbeddedStore(None)
    quads = facts_to_quads(facts, "k")
    store.replace_articles({quads[0][3]: quads})
    assert len(list(store.quads())) == len(set(quads))


@pytest.mark.parametrize("text", [
    "\x00", "\ufeff", "\u202e", "   \n\n\t", "." * 5000, "Malaysia " * 500, "(" * 3000 + ")" * 3000,
    "<script>alert(1)</script> Malaysia signed a contract with Japan.", "1" * 5000, "RM" * 1000,
    "\u200b".join("Malaysia signed a contract with Korea Aerospace Industries."),
])
def test_extraction_survives_degenerate_texts(text: str) -> None:
    _check(text)


def test_evidence_quotes_the_text_at_its_offsets() -> None:
    text = "KUALA LUMPUR: Malaysia signed a contract with Korea Aerospace Industries for 18 FA-50 jets."
    facts = _check(text)
    assert facts.relations
    for r in facts.relations:
        assert r.evidence is not None
        assert re.sub(r"\s+", " ", text[r.evidence.start:r.evidence.end]) == re.sub(r"\s+", " ", r.evidence.text)
