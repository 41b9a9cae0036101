"""Shared fixtures: facts files written for the tests, and stores to load them into."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.load import load_files
from graph.store import EmbeddedStore, Store

FIXTURES = Path(__file__).parent / "fixtures"
FACTS = FIXTURES / "facts"
SEED_FACTS = FACTS / "seed.json"

#: store backends every behavioural suite runs against
STORE_BACKENDS = ("embedded", "virtuoso")


def _virtuoso_store() -> Store:
    if not os.environ.get("DIKG_TEST_VIRTUOSO_URL"):
        if os.environ.get("CI"):
            pytest.fail("DIKG_TEST_VIRTUOSO_URL is not set: CI must start Virtuoso (.ci/virtuoso.sh)")
        pytest.skip("no Virtuoso configured (set DIKG_TEST_VIRTUOSO_URL; .ci/virtuoso.sh starts one)")
    from tests.virtuoso_backend import make_store

    return make_store()


@pytest.fixture(params=STORE_BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend: embedded Oxigraph in tmp_path, and Virtuoso."""
    if request.param == "embedded":
        store: Store = EmbeddedStore(tmp_path / "store")
    else:
        store = _virtuoso_store()
        clear = getattr(store, "clear", None)
        if clear is not None:
            clear()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """An empty embedded store in tmp_path."""
    st = EmbeddedStore(tmp_path / "store")
    try:
        yield st
    finally:
        st.close()


@pytest.fixture
def seed_store(any_store: Store) -> Store:
    """A store of each backend holding the seed article's hand-written facts."""
    report = load_files(any_store, [SEED_FACTS])
    assert report.ok, report.failures
    return any_store
