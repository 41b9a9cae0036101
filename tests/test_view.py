"""The HTML view: what data goes in, what is filtered or left out, and that nothing from articles is markup."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.analysis import project
from graph.cli import main
from graph.errors import InputError
from graph.load import load_files
from graph.store import EmbeddedStore
from graph.view import ViewOptions, json_for_html, render_html, view_data

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
_DATA = re.compile(r'<script type="application/json" id="dikg-data">(.*?)</script>', re.S)


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    st = EmbeddedStore(None)
    load_files(st, [FIXTURES])
    yield st
    st.close()


def page_data(html: str) -> dict:
    (block,) = _DATA.findall(html)
    return json.loads(block)


def test_the_page_holds_every_entity_and_relation_of_the_store(store: EmbeddedStore) -> None:
    g = project(store)
    data = page_data(render_html(store))
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert data["omitted"] == "" and data["left_out"] == {"nodes": 0, "edges": 0}
    assert {t["type"] for t in data["legend"]} == {d["type"] for _, d in g.nodes(data=True)}


def test_an_edge_carries_its_facts_with_sentence_source_date_and_confidence(store: EmbeddedStore) -> None:
    data = page_data(render_html(store))
    edge = next(e for e in data["edges"] if e["label"] == "supplies" and e["fromLabel"] == "Hanbit Aerospace")
    (fact,) = edge["facts"]
    assert fact == {"what": "Hanbit Aerospace supplies KT-9 trainer", "confidence": 0.85, "date": "2025-09",
                    "publisher": "Straits Ledger", "url": "https://straits-ledger.example/2025/09/korea-second-g2g",
                    "sentence": "Hanbit Aerospace is contracted to supply twelve KT-9 trainers to the RMAF."}


def test_the_page_loads_nothing_from_elsewhere_and_forbids_it(store: EmbeddedStore) -> None:
    html = render_html(store)
    assert "default-src 'none'" in html and "img-src data:" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert "vis.Network" in html and "@license" in html  # vis-network inlined with its licence


def test_the_same_store_gives_the_same_page(store: EmbeddedStore) -> None:
    assert render_html(store) == render_html(store)


def test_json_in_the_page_escapes_everything_that_could_end_the_script() -> None:
    text = json_for_html({"x": "</script><!-- & \u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"x": "</script><!-- & \u2028\u2029"}


def test_beyond_max_nodes_the_most_central_stay_and_the_page_says_what_was_left_out(store: EmbeddedStore) -> None:
    data = view_data(project(store), ViewOptions(max_nodes=5))
    assert len(data["nodes"]) == 5
    assert data["left_out"]["nodes"] == 9
    assert "Showing the 5 most central of 14 entities. Left out: 9 entities and" in data["omitted"]
    assert "Malaysia" in {n["label"] for n in data["nodes"]}
    assert all({e["from"], e["to"]} <= {n["id"] for n in data["nodes"]} for e in data["edges"])


def test_focus_depth_type_since_and_confidence_filters_narrow_the_view(store: EmbeddedStore) -> None:
    g = project(store)
    labels = lambda opts: sorted(n["label"] for n in view_data(g, opts)["nodes"])  # noqa: E731
    assert labels(ViewOptions(focus="AMW", depth=1)) == ["Anatolia Marine Works", "Kestrel-class patrol craft",
                                                         "Sea Lance"]
    assert labels(ViewOptions(types=("Country",))) == ["Malaysia", "South Korea", "Turkiye"]
    assert "Malaysia–Turkiye G2G procurement arrangement (2024)" not in labels(ViewOptions(since="2025"))
    assert labels(ViewOptions(min_confidence=0.9)) == [
        "Malaysia", "Malaysia–South Korea G2G procurement agreement (2025)",
        "Malaysia–Turkiye G2G procurement arrangement (2024)", "South Korea", "Turkiye"]
    with pytest.raises(InputError, match="unknown type 'Ship'"):
        view_data(g, ViewOptions(types=("Ship",)))


def test_dikg_view_writes_the_page(store: EmbeddedStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    st = EmbeddedStore(tmp_path / "s")
    load_files(st, [FIXTURES])
    st.close()
    with pytest.raises(SystemExit) as exit_:
        main(["view", "-o", str(tmp_path / "g.html"), "--focus", "South Korea", "--store", str(tmp_path / "s")])
    assert exit_.value.code in (0, None)
    assert "wrote" in capsys.readouterr().out
    assert sorted(n["label"] for n in page_data((tmp_path / "g.html").read_text())["nodes"]) == [
        "Malaysia", "Malaysia–South Korea G2G procurement agreement (2025)", "South Korea"]
