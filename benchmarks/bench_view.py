"""Size and generation time of the HTML view for 100, 1,000 and 5,000 nodes; time for the 1,000-node page to settle.

    .venv/bin/python benchmarks/bench_view.py

The graphs are synthetic (networkx, a scale-free shape with facts on every edge) so the
view is measured alone; ``bench_analysis.py`` measures the projection from the store.
Settling is timed in Debian's headless Chromium from navigation to the page's
``window.__dikgSettled`` (set on vis-network's ``stabilizationIterationsDone``).
Budgets: the 1,000-node page at most 3 MB and settled within 10 s.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from graph.models import ENTITY_TYPES
from graph.view import ViewOptions, render_graph_html

BUDGET_BYTES = 3_000_000
BUDGET_SETTLE_S = 10.0


def synthetic_graph(nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """Return an entity graph shaped like :func:`graph.analysis.project`'s output."""
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    g = nx.MultiDiGraph()
    for v in shape:
        g.add_node(f"urn:e:{v}", type=rng.choice(ENTITY_TYPES), label=f"Entity {v}", aliases=[f"E{v}"],
                   country=None, facts=[])
    for u, v in shape.edges():
        evidence = [{"sentence": f"Entity {u} and Entity {v} signed a cooperation agreement in {2015 + u % 10}.",
                     "url": f"https://news.example/{u}-{v}", "publisher": "Wire", "date": f"{2015 + u % 10}-05-01",
                     "confidence": 0.9, "fact": f"urn:f:{u}-{v}"}]
        g.add_edge(f"urn:e:{u}", f"urn:e:{v}", key="partner_of", kind="partner_of", weight=1, symmetric=False,
                   sources=[f"urn:a:{u}"], evidence=evidence)
    return g


def settle_time(html: Path) -> float:
    """Return seconds from navigation until the page says its layout has settled."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_context(offline=True, viewport={"width": 1400, "height": 900}).new_page()
            start = time.perf_counter()
            page.goto(html.as_uri(), wait_until="load")
            page.wait_for_function("() => window.__dikgSettled === true", timeout=60_000, polling=50)
            return time.perf_counter() - start
        finally:
            browser.close()


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="dikg-bench-view-"))
    for n in (100, 1_000, 5_000):
        g = synthetic_graph(n)
        start = time.perf_counter()
        html = render_graph_html(g, ViewOptions(max_nodes=n))
        took = time.perf_counter() - start
        size = len(html.encode("utf-8"))
        path = out / f"view-{n}.html"
        path.write_text(html, encoding="utf-8")
        line = f"{n:>6,} nodes {g.number_of_edges():>6,} edges: HTML {size / 1e6:5.2f} MB, generated in {took:5.2f} s"
        if n == 1_000:
            settled = settle_time(path)
            ok = size <= BUDGET_BYTES and settled <= BUDGET_SETTLE_S
            line += f", settled in Chromium in {settled:5.2f} s ({'within' if ok else 'OVER'} budget)"
        print(line, flush=True)


if __name__ == "__main__":
    main()
