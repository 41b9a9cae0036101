"""The query page: a textarea, a Run button and a results table, with no outside resources.

The script is served from the same origin (``/query.js``) so the page's
Content-Security-Policy can forbid inline script; results are put on the page with
``textContent``, never parsed as HTML.
"""

from __future__ import annotations

from ..queries import named_queries, prefix_block

__all__ = ["QUERY_JS", "QUERY_PAGE_CSP", "no_view_page", "query_page"]

QUERY_PAGE_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
textarea { width: 100%; height: 16em; font: 13px/1.4 ui-monospace, monospace; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
#status { margin-left: 1em; color: #555; }
#status.error { color: #b00; white-space: pre-wrap; }
"""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def query_page() -> str:
    """Return the HTML of the query page, with an example query and the named queries' names."""
    example = prefix_block() + "\nSELECT ?entity ?name WHERE {\n  ?entity a dikg:Country ; skos:prefLabel ?name .\n}" \
        "\nORDER BY ?name\nLIMIT 50\n"
    names = ", ".join(named_queries())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dikg: SPARQL query</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>SPARQL query</h1>
<p>Queries run read-only over the union of every article graph. The endpoint is <code>/sparql</code>
(SPARQL 1.1 Protocol). Named queries of this project: {_escape(names)} (run them with <code>dikg query</code>).</p>
<textarea id="query" spellcheck="false">{_escape(example)}</textarea>
<p><button id="run" type="button">Run</button><span id="status"></span></p>
<div id="results"></div>
<script src="/query.js"></script>
</body>
</html>
"""


QUERY_JS = r"""
"use strict";
(function () {
  const query = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") return "<" + term.value + ">";
    if (term["xml:lang"]) return term.value + "@" + term["xml:lang"];
    return term.value;
  }

  function show(data) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      const p = document.createElement("p");
      p.textContent = data.boolean ? "true" : "false";
      results.appendChild(p);
      return 0;
    }
    const vars = data.head.vars || [];
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const b of data.results.bindings) {
      const row = body.insertRow();
      for (const v of vars) row.insertCell().textContent = cell(b[v]);
    }
    results.appendChild(table);
    return data.results.bindings.length;
  }

  async function run() {
    status.className = "";
    status.textContent = "running…";
    const form = new URLSearchParams({ query: query.value, partial: "true" });
    const started = performance.now();
    try {
      const resp = await fetch("/sparql", {
        method: "POST",
        headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: form,
      });
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      const type = resp.headers.get("Content-Type") || "";
      if (!resp.ok) {
        status.className = "error";
        status.textContent = "HTTP " + resp.status + ": " + await resp.text();
        results.replaceChildren();
        return;
      }
      if (type.startsWith("application/sparql-results+json")) {
        const n = show(await resp.json());
        const cut = resp.headers.get("X-Dikg-Truncated");
        status.textContent = n + " row(s) in " + secs + " s" + (cut ? " — truncated (" + cut + ")" : "");
      } else {
        const pre = document.createElement("pre");
        pre.textContent = await resp.text();
        results.replaceChildren(pre);
        status.textContent = "graph in " + secs + " s";
      }
    } catch (err) {
      status.className = "error";
      status.textContent = String(err);
    }
  }

  document.getElementById("run").addEventListener("click", run);
  query.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
})();
"""


def no_view_page(reason: str) -> str:
    """Return a short page saying the interactive view is not available, and why."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>dikg</title></head>
<body><h1>dikg</h1><p>The interactive view is not available: {_escape(reason)}</p>
<p><a href="/query">Query the graph</a> or use the SPARQL endpoint at <code>/sparql</code>.</p></body></html>
"""
