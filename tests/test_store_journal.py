"""New articles are bulk-loaded under a journal: a batch cut short is undone whole when the store is opened again.

Bulk loading is not a transaction, so these tests leave a store as a crash in the
middle of a batch would (its journal, and part of its quads written) and check that
opening it removes that batch whole — its article graphs and the default-graph copies
no other article states — and nothing else.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from graph.errors import StoreError
from graph.store import JOURNAL, EmbeddedStore, Quad, dataset_nquads, ntriples, statement

EX = "https://example.org/"
GRAPHS = [URIRef(f"https://w3id.org/dikg/article/{i}") for i in range(4)]
OBJECTS = (URIRef(EX + "c"), Literal("c"), Literal("c", lang="en"), Literal(1), Literal('say "c"\n'))
TRIPLES = [(URIRef(EX + s), URIRef(EX + p), o) for s in "ab" for p in "pq" for o in OBJECTS]


def _quads(graph: URIRef, triples: list[int]) -> list[Quad]:
    return [(*TRIPLES[i], graph) for i in triples]  # type: ignore[misc]


def _dataset(store: EmbeddedStore) -> tuple[dict[str, set[str]], set[str]]:
    """Return the store's named graphs (name -> statements) and its default graph."""
    named: dict[str, set[str]] = {}
    default: set[str] = set()
    for q in store.oxigraph:
        line = f"{q.subject} {q.predicate} {q.object}"
        if isinstance(q.graph_name, ox.DefaultGraph):
            default.add(line)
        else:
            named.setdefault(q.graph_name.value, set()).add(line)
    return named, default


def _union(named: dict[str, set[str]]) -> set[str]:
    return set().union(*named.values()) if named else set()


def _crash_mid_batch(path: Path, batch: dict[URIRef, list[Quad]], landed: int) -> None:
    """Leave ``path`` as a crash would while bulk-loading ``batch``: its journal and its first ``landed`` lines."""
    nquads = dataset_nquads({str(g): ntriples(statement(s, p, o) for s, p, o, _ in qs) for g, qs in batch.items()})
    (path / JOURNAL).write_bytes(nquads)
    raw = ox.Store(str(path))
    part = b"".join(nquads.splitlines(keepends=True)[:landed])
    if part:
        raw.bulk_load(part, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw


def test_opening_a_store_undoes_the_batch_a_crash_cut_short_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "store"
    st_ = EmbeddedStore(path)
    st_.replace_articles({GRAPHS[0]: _quads(GRAPHS[0], [0, 1, 2])})
    kept = _dataset(st_)
    st_.close()
    del st_
    # the cut-short batch restates a triple of the stored article and adds triples of its own
    _crash_mid_batch(path, {GRAPHS[1]: _quads(GRAPHS[1], [1, 5, 6]), GRAPHS[2]: _quads(GRAPHS[2], [7])}, landed=4)

    reopened = EmbeddedStore(path)
    try:
        assert _dataset(reopened) == kept
        assert not (path / JOURNAL).exists()
        reopened.replace_articles({GRAPHS[1]: _quads(GRAPHS[1], [1, 5, 6])})  # the batch again, whole this time
        named, default = _dataset(reopened)
    finally:
        reopened.close()
    assert set(named) == {str(GRAPHS[0]), str(GRAPHS[1])} and default == _union(named)


def test_a_store_opened_read_only_after_a_crash_is_repaired_first(tmp_path: Path) -> None:
    path = tmp_path / "store"
    st_ = EmbeddedStore(path)
    st_.replace_articles({GRAPHS[0]: _quads(GRAPHS[0], [0])})
    st_.close()
    del st_
    _crash_mid_batch(path, {GRAPHS[1]: _quads(GRAPHS[1], [3, 4])}, landed=3)

    reader = EmbeddedStore(path, read_only=True)
    try:
        named, default = _dataset(reader)
    finally:
        reader.close()
    assert set(named) == {str(GRAPHS[0])} and default == _union(named)


def test_a_batch_the_store_refuses_leaves_nothing_behind(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    try:
        store.replace_articles({GRAPHS[0]: _quads(GRAPHS[0], [0])})
        before = _dataset(store)
        bad = statement(URIRef(EX + "s"), URIRef(EX + "p"), Literal("x")).replace("<https", "<not an iri https", 1)
        with pytest.raises(StoreError, match="cannot write to store"):
            store.replace_statements({GRAPHS[1]: [statement(*TRIPLES[2]), bad]})
        assert _dataset(store) == before
        assert not (tmp_path / "store" / JOURNAL).exists()
    finally:
        store.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.dictionaries(st.integers(0, len(GRAPHS) - 1), st.lists(st.integers(0, len(TRIPLES) - 1),
                                                                          max_size=5),
                                min_size=1, max_size=3), min_size=1, max_size=4),
       st.integers(0, 40))
def test_after_any_crash_mid_batch_every_article_is_whole_or_absent(batches: list[dict[int, list[int]]],
                                                                    landed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        store = EmbeddedStore(path)
        for b in batches[:-1]:
            store.replace_articles({GRAPHS[g]: _quads(GRAPHS[g], ts) for g, ts in b.items()})
        before, _ = _dataset(store)
        store.close()
        del store
        last = {GRAPHS[g]: _quads(GRAPHS[g], ts) for g, ts in batches[-1].items() if str(GRAPHS[g]) not in before}
        _crash_mid_batch(path, last, landed)
        reopened = EmbeddedStore(path)
        try:
            named, default = _dataset(reopened)
        finally:
            reopened.close()
    assert named == before
    assert default == _union(named)
