"""The view in a real headless Chromium: it draws, stays offline, raises no errors, and runs no article text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.analysis import project
from graph.load import load_files
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts
from graph.store import EmbeddedStore
from graph.view import ViewOptions, render_html
from tests.browser import launch_browser, open_page

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"

# Each payload would set window.__pwned or make a request if the page ever treated text as HTML.
LABEL_PAYLOAD = '<img src=x onerror="window.__pwned=1;fetch(\'http://evil.example/1\')">'
SENTENCE_PAYLOAD = ('</script><script>window.__pwned=2</script> <a href="javascript:window.__pwned=3">href</a> '
                    '<img src="http://evil.example/2">')


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as b:
        yield b


def _page(tmp_path: Path, store: EmbeddedStore, opts: ViewOptions | None = None) -> Path:
    path = tmp_path / "graph.html"
    path.write_text(render_html(store, opts), encoding="utf-8")
    return path


def _hostile_store() -> EmbeddedStore:
    st = EmbeddedStore(None)
    load_files(st, [FIXTURES])
    facts = ArticleFacts.model_validate({
        "url": "javascript:window.__pwned=4", "date": "2025-12-01", "source": "<b onmouseover=window.__pwned=5>x</b>",
        "title": "</title><script>window.__pwned=6</script>",
        "entities": [{"name": LABEL_PAYLOAD, "type": "Company", "aliases": ['"><svg onload=window.__pwned=7>']},
                     {"name": "Malaysia", "type": "Country"}],
        "relations": [{"subject": LABEL_PAYLOAD, "predicate": "located_in", "object": "Malaysia",
                       "evidence": {"text": SENTENCE_PAYLOAD, "start": 0, "end": 10}, "confidence": 0.5},
                      {"subject": LABEL_PAYLOAD, "predicate": "has_capability_domain", "object": SENTENCE_PAYLOAD,
                       "evidence": {"text": SENTENCE_PAYLOAD, "start": 0, "end": 10}}]})
    quads = facts_to_quads(facts, "hostile")
    st.replace_articles({quads[0][3]: quads})
    return st


def test_the_graph_is_drawn_with_every_node_and_edge_offline_and_without_errors(tmp_path: Path, browser: Any) -> None:
    st = EmbeddedStore(None)
    load_files(st, [FIXTURES])
    with open_page(browser, _page(tmp_path, st)) as watch:
        watch.settle()
        page = watch.page
        assert page.locator("#network canvas").count() == 1
        counts = page.evaluate("""() => ({
            nodes: window.__dikgNetwork.body.data.nodes.length, edges: window.__dikgNetwork.body.data.edges.length,
            dataNodes: window.__dikgData.nodes.length, dataEdges: window.__dikgData.edges.length,
            physics: window.__dikgNetwork.physics.options.enabled})""")
        g = project(st)
        expected = (g.number_of_nodes(), g.number_of_edges())
        assert (counts["nodes"], counts["edges"]) == expected
        assert (counts["dataNodes"], counts["dataEdges"]) == expected
        assert counts["physics"] is False  # settled, then physics off
        page.fill("#search", "rmaf")
        page.press("#search", "Enter")
        assert page.locator("#panel h3").inner_text() == "Royal Malaysian Air Force"
        watch.page.evaluate("() => window.__dikgShow('edge', window.__dikgData.edges.find("
                            "e => e.label === 'supplies' && e.fromLabel === 'Hanbit Aerospace').id)")
        assert "Straits Ledger · 2025-09 · confidence 0.85" in page.locator("#panel").inner_text()
        page.uncheck("#legend input[value=Country]")
        hidden = page.evaluate("() => window.__dikgNetwork.body.data.nodes.get({filter: n => n.hidden}).length")
        assert hidden == 3
    assert watch.requests == []
    assert watch.errors == []


def test_markup_in_labels_and_evidence_is_shown_as_text_and_runs_nothing(tmp_path: Path, browser: Any) -> None:
    st = _hostile_store()
    html = _page(tmp_path, st)
    with open_page(browser, html) as watch:
        watch.settle()
        page = watch.page
        node = page.evaluate(f"() => window.__dikgData.nodes.find(n => n.label === {LABEL_PAYLOAD!r}).id")
        page.evaluate(f"() => window.__dikgShow('node', {node!r})")
        panel = page.locator("#panel").inner_text()
        assert LABEL_PAYLOAD in panel and SENTENCE_PAYLOAD.split(" <img")[0] in panel
        edge = page.evaluate("() => window.__dikgData.edges.find(e => e.label === 'located in').id")
        page.evaluate(f"() => window.__dikgShow('edge', {edge!r})")
        assert "javascript:window.__pwned=4" in page.locator("#panel").inner_text()
        assert page.locator("#panel a").count() == 0  # a javascript: URL is never a link
        assert page.locator("#panel img, #panel script, #panel svg").count() == 0
        page.hover("#network canvas")
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__dikgNetwork.body.data.nodes.length") == project(st).number_of_nodes()
        assert page.title() == "Defence-industry relationships"
        assert page.evaluate("() => window.__pwned") is None
    assert watch.requests == []
    assert watch.errors == []


def test_a_reduced_page_says_what_it_left_out(tmp_path: Path, browser: Any) -> None:
    st = EmbeddedStore(None)
    load_files(st, [FIXTURES])
    with open_page(browser, _page(tmp_path, st, ViewOptions(max_nodes=4))) as watch:
        watch.settle()
        assert watch.page.locator("#omitted").inner_text().startswith("Showing the 4 most central of 14 entities.")
        assert watch.page.evaluate("() => window.__dikgNetwork.body.data.nodes.length") == 4
    assert watch.requests == [] and watch.errors == []
