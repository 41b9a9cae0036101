"""Hostile names reach the HTML view only as data: never as markup, script or a link that runs.

Every text of an article sits in one JSON block with ``<``, ``>`` and ``&`` escaped; the
page around it is the same whatever the names are. (The browser test in
``test_view_browser.py`` shows the same texts drawn as text.)
"""

from __future__ import annotations

import json
import random
import re

from graph.mapping import facts_to_quads
from graph.models import ArticleFacts
from graph.store import EmbeddedStore
from graph.view import render_html
from tests.hostile import hostile_name

ATTACKS = (
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    "{{constructor.constructor('alert(1)')()}}",
    "\u202eevil\u202c \u2028 \u2029 &amp; &lt;",
    "<!--",
    "]]>",
)
_DATA = re.compile(r'<script type="application/json" id="dikg-data">(.*?)</script>', re.S)


def _store(names: list[str], url: str) -> EmbeddedStore:
    facts = ArticleFacts.model_validate({
        "url": url, "title": names[0], "source": names[1],
        "entities": [{"name": n, "type": "Company", "aliases": [n[::-1]]} for n in names],
        "relations": [{"subject": names[0], "predicate": "partner_of", "object": n,
                       "evidence": {"text": f"{names[0]} and {n}", "start": 0, "end": 3}} for n in names[1:]],
    })
    store = EmbeddedStore(None)
    quads = facts_to_quads(facts, "k")
    store.replace_articles({quads[0][3]: quads})
    return store


def _split(html: str) -> tuple[str, object]:
    m = _DATA.search(html)
    assert m is not None, "the page has no data block"
    return html[:m.start(1)] + html[m.end(1):], json.loads(m.group(1))


def test_hostile_names_appear_in_the_view_only_inside_the_escaped_data_block() -> None:
    rng = random.Random(21)
    names = [f"Acme {i} {a}" for i, a in enumerate(ATTACKS)] + [f"{i} {hostile_name(rng, 30)}" for i in range(40)]
    html = render_html(_store(names, "javascript:alert(document.cookie)"))
    page, data = _split(html)
    blob = json.dumps(data, ensure_ascii=False)
    rendered = 0
    for n in names:
        assert json.dumps(n, ensure_ascii=False)[1:-1] in blob, f"{n!r} is missing from the view data"
        rendered += 1
    assert rendered == len(names)
    block = _DATA.search(html).group(1)  # type: ignore[union-attr]
    assert not re.search(r"[<>&\u2028\u2029]", block), "the data block holds a raw <, >, & or line separator"
    for attack in ATTACKS:
        assert attack not in page


def test_the_page_around_the_data_is_the_same_whatever_the_names() -> None:
    plain, _ = _split(render_html(_store(["Acme", "Beta", "Gamma"], "https://news.example/1")))
    hostile, _ = _split(render_html(_store([f"Acme {i} {a}" for i, a in enumerate(ATTACKS)], "javascript:alert(1)")))
    assert plain == hostile


def test_the_view_loads_nothing_from_the_network() -> None:
    html = render_html(_store(["Acme", "Beta"], "https://news.example/1"))
    page, _ = _split(html)
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
