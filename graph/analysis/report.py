"""The analyst's report: central actors, communities, each country's partners, bilateral ties, change over time.

:func:`analyse` rebuilds the graph from the store and returns a :class:`Report` (plain
data); :data:`REPORT_FORMATS` renders it as JSON, Markdown or a text table. The report
works on the *actor graph*: agreements and events collapsed into ties between their
parties (see :func:`~graph.analysis.projection.collapse_graph`).

>>> from graph.store import EmbeddedStore
>>> analyse(EmbeddedStore(None)).summary["entities"]
0
"""

from __future__ import annotations

import heapq
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from ..store import Store
from .centrality import SEED, Centrality, centrality
from .communities import louvain
from .projection import _gc_paused, collapse_graph, project, simple_undirected

__all__ = [
    "MEASURES",
    "REPORT_FORMATS",
    "TIE_CATEGORY",
    "Actor",
    "Community",
    "CountryPartners",
    "OrdinalClaim",
    "Partner",
    "Report",
    "StatusStep",
    "Tie",
    "YearChange",
    "analyse",
    "md_escape",
    "report_from_graph",
    "report_to_json",
    "report_to_markdown",
    "report_to_text",
]

#: relation kind (on the actor graph) -> column of the bilateral-ties table; others count as "other"
TIE_CATEGORY: dict[str, str] = {
    "agreement": "agreements",
    "has_agreement_with": "agreements",
    "event": "events",
    "met_with": "events",
    "visited": "events",
    "supplies": "supplies",
    "buys": "supplies",
    "partner_of": "partnerships",
}
_CATEGORIES = ("agreements", "partnerships", "supplies", "events", "other")

#: measure -> one line saying what it means (the betweenness line gets k and the seed)
MEASURES: dict[str, str] = {
    "degree": "Degree: how many distinct actors an actor is tied to directly.",
    "betweenness": ("Betweenness: how often an actor lies on the shortest chains between two others (a broker); "
                    "{how}."),
    "pagerank": "PageRank: ties to well-tied actors count for more; each tie weighted by the facts behind it.",
}


@dataclass
class Actor:
    """One actor with its three centrality scores."""

    iri: str
    label: str
    type: str
    degree: int
    betweenness: float
    pagerank: float


@dataclass
class Community:
    """A group of actors more tied to each other than to the rest (Louvain)."""

    size: int
    members: list[str]
    more: int


@dataclass
class Partner:
    """One partner country of a country, with how much supports the tie."""

    country: str
    evidence: int
    sources: int
    kinds: list[str]


@dataclass
class OrdinalClaim:
    """A ranking stated in an article: "the second country after Turkiye to ..."."""

    anchor: str | None
    scope: str | None
    ranking: list[tuple[int, str]]
    publisher: str | None
    date: str | None


@dataclass
class CountryPartners:
    """A country's partner countries, strongest first, and the rankings articles state."""

    country: str
    partners: list[Partner]
    claims: list[OrdinalClaim]


@dataclass
class Tie:
    """What ties two countries: counts per category, facts and distinct sources."""

    a: str
    b: str
    agreements: int
    partnerships: int
    supplies: int
    events: int
    other: int
    facts: int
    sources: int
    first_date: str | None


@dataclass
class YearChange:
    """One year: how many facts are dated in it and which country pairs first appear."""

    year: str
    facts: int
    new_pairs: list[str]


@dataclass
class StatusStep:
    """The statuses an agreement went through, in date order."""

    entity: str
    steps: list[tuple[str, str | None]]


@dataclass
class Report:
    """Everything :func:`analyse` found."""

    summary: dict[str, int]
    measures: dict[str, str]
    central: dict[str, list[Actor]]
    communities: list[Community]
    singletons: int
    partners: list[CountryPartners]
    ties: list[Tie]
    years: list[YearChange]
    statuses: list[StatusStep]
    notes: list[str] = field(default_factory=list)


def analyse(store: Store, top: int = 10, seed: int = SEED, k: int | None = None) -> Report:
    """Rebuild the graph from ``store`` and report on it (``top`` rows per ranking)."""
    with _gc_paused():
        g = project(store)
        try:
            return _report(g, top, seed, k)
        finally:
            _release(g)


def _release(g: nx.Graph) -> None:
    """Empty a graph no longer needed, so its contents go at once instead of at the cyclic collector's next pass.

    A networkx graph refers to itself through its cached views; emptied, only that
    small cycle is left for the collector to find, not the millions of objects it held.
    """
    g.clear()


def report_from_graph(g: nx.MultiDiGraph, top: int = 10, seed: int = SEED, k: int | None = None) -> Report:
    """Report on an (uncollapsed) projection; see :func:`analyse`."""
    with _gc_paused():
        return _report(g, top, seed, k)


def _report(g: nx.MultiDiGraph, top: int, seed: int, k: int | None) -> Report:
    actors = collapse_graph(g)
    try:
        return _report_on(g, actors, top, seed, k)
    finally:
        _release(actors)


def _report_on(g: nx.MultiDiGraph, actors: nx.MultiDiGraph, top: int, seed: int, k: int | None) -> Report:
    simple = simple_undirected(actors)
    cent = centrality(simple, k=k, seed=seed)
    how = (f"exact (all {cent.k} actors as sources)" if cent.exact
           else f"estimated from k={cent.k} sampled source actors of {simple.number_of_nodes()}, seed {cent.seed}")
    measures = {m: text.format(how=how) for m, text in MEASURES.items()}
    communities, singletons = _communities(actors, simple, cent, seed)
    _release(simple)
    pairs = _country_pairs(actors)
    return Report(
        summary=_summary(g, actors),
        measures=measures,
        central={m: _ranked(actors, cent, m, top) for m in MEASURES},
        communities=communities,
        singletons=singletons,
        partners=_partners(g, actors, pairs, top),
        ties=_ties(actors, pairs, top * 2),
        years=_years(g, actors, pairs),
        statuses=_statuses(g),
        notes=[f"Communities: Louvain on the undirected actor graph, weighted by facts, seed {seed} (the communities "
               "networkx's louvain_communities finds).",
               "Actor graph: agreements and events collapsed into ties between their parties; "
               "a supply with a named buyer is a tie from supplier to buyer."],
    )


def _summary(g: nx.MultiDiGraph, actors: nx.MultiDiGraph) -> dict[str, int]:
    facts: set[str] = set()
    sources: set[str] = set()
    for _, _, d in g.edges(data=True):
        facts.update(d["facts"])
        sources.update(d["sources"])
    facts.update(x["fact"] for _, d in g.nodes(data=True) for x in d["facts"])
    return {"entities": g.number_of_nodes(), "relations": g.number_of_edges(), "facts": len(facts),
            "articles": len(sources), "actors": actors.number_of_nodes(), "ties": actors.number_of_edges()}


def _ranked(g: nx.MultiDiGraph, cent: Centrality, measure: str, top: int) -> list[Actor]:
    scores: dict[Any, float] = getattr(cent, measure)
    nodes = g.nodes
    order = heapq.nsmallest(top, scores, key=lambda v: (-scores[v], nodes[v]["label"], v))
    return [Actor(v, nodes[v]["label"], nodes[v]["type"], cent.degree[v], round(cent.betweenness[v], 6),
                  round(cent.pagerank[v], 6)) for v in order if scores[v] > 0]


def _communities(g: nx.MultiDiGraph, simple: nx.Graph, cent: Centrality, seed: int) -> tuple[list[Community], int]:
    """Group the actors with Louvain; ``simple`` loses its isolated actors (they are counted, not grouped)."""
    isolated = [v for v, nbrs in simple.adj.items() if not nbrs]
    # Removed in place, every other actor keeps its place and its neighbours' order, on which
    # Louvain's seeded visits depend (a view of a few actors among many lists them in set order).
    simple.remove_nodes_from(isolated)
    groups = louvain(simple, weight="weight", seed=seed) if simple.number_of_edges() else []
    singletons = len(isolated) + sum(1 for c in groups if len(c) == 1)
    nodes = g.nodes
    out = []
    for c in groups:
        if len(c) < 2:
            continue
        members = heapq.nsmallest(12, c, key=lambda v: (-cent.pagerank[v], nodes[v]["label"], v))
        out.append(Community(len(c), [nodes[v]["label"] for v in members], max(0, len(c) - 12)))
    out.sort(key=lambda c: (-c.size, c.members))
    return out, singletons


@dataclass
class _Pair:
    ties: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    first_date: str | None = None


def _country_pairs(g: nx.MultiDiGraph) -> dict[tuple[str, str], _Pair]:
    """Fold every tie between actors of two different countries into that country pair."""
    pairs: dict[tuple[str, str], _Pair] = defaultdict(_Pair)
    country = {v: c for v, c in g.nodes(data="country") if c and c in g}
    for u, v, kind, d in g.edges(keys=True, data=True):
        cu, cv = country.get(u), country.get(v)
        if cu is None or cv is None or cu == cv:
            continue
        pair = pairs[(min(cu, cv), max(cu, cv))]
        category = TIE_CATEGORY.get(kind, "other")
        ids = [f"{kind}:{via}" for via in d["via"]] or [f"{u}|{v}|{kind}"]
        pair.ties[category].update(ids)
        pair.facts.update(d["facts"])
        pair.sources.update(d["sources"])
        pair.kinds.add(kind)
        if d["first_date"] and (pair.first_date is None or d["first_date"] < pair.first_date):
            pair.first_date = d["first_date"]
    return dict(pairs)


def _label(g: nx.MultiDiGraph, v: str) -> str:
    return str(g.nodes[v]["label"]) if v in g else v


def _claims(g: nx.MultiDiGraph) -> dict[str | None, list[OrdinalClaim]]:
    """Collect the ordinal claims ("second after Turkiye") by the country they rank partners of."""
    out: dict[str | None, list[OrdinalClaim]] = defaultdict(list)
    for u, v, kind, d in g.edges(keys=True, data=True):
        for o in d["ordinals"]:
            anchors = _ANCHORS.get(kind, _no_anchor)(g, u, v, d)
            ranking = [(i + 1, _label(g, a)) for i, a in enumerate(o["after"])]
            ranking.append((int(o["ordinal"]), _label(g, u)))
            for anchor in anchors or [None]:  # type: ignore[list-item]
                out[anchor].append(OrdinalClaim(_label(g, anchor) if anchor else None, o["scope"], ranking,
                                                o["publisher"], o["date"]))
    return out


def _co_parties(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> list[str]:
    own = g.nodes[u]["country"]
    found = {g.nodes[p]["country"] for p, _, k in g.in_edges(v, keys=True) if k == "party_to" and p != u}
    return sorted(c for c in found if c and c != own)


def _buyer_countries(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> list[str]:
    found = {g.nodes[b]["country"] for b in d["qualifiers"].get("buyer", []) if b in g}
    return sorted(c for c in found if c)


def _object_country(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> list[str]:
    c = g.nodes[v]["country"]
    return [c] if c else []


def _no_anchor(g: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any]) -> list[str]:
    return []


#: relation kind carrying an ordinal -> the countries whose partners it ranks
_ANCHORS: dict[str, Callable[[nx.MultiDiGraph, str, str, dict[str, Any]], list[str]]] = {
    "party_to": _co_parties,
    "supplies": _buyer_countries,
    "visited": _object_country,
}


def _partners(g: nx.MultiDiGraph, actors: nx.MultiDiGraph, pairs: dict[tuple[str, str], _Pair],
              top: int) -> list[CountryPartners]:
    claims = _claims(g)
    by_country: dict[str, list[Partner]] = defaultdict(list)
    for (a, b), p in pairs.items():
        for me, other in ((a, b), (b, a)):
            by_country[me].append(Partner(_label(actors, other), len(p.facts), len(p.sources), sorted(p.kinds)))
    out = []
    for c in sorted(set(by_country) | {c for c in claims if c}, key=lambda c: (_label(g, c), c)):
        partners = sorted(by_country.get(c, []), key=lambda p: (-p.evidence, -p.sources, p.country))[:top]
        mine = sorted(claims.get(c, []), key=lambda x: (x.scope or "", x.date or "", x.ranking))
        out.append(CountryPartners(_label(g, c), partners, mine))
    if claims.get(None):
        out.append(CountryPartners("(no anchor country)", [], claims[None]))
    return out


def _ties(g: nx.MultiDiGraph, pairs: dict[tuple[str, str], _Pair], top: int) -> list[Tie]:
    ties = []
    for (a, b), p in pairs.items():
        first, second = sorted((_label(g, a), _label(g, b)))
        counts = {c: len(p.ties.get(c, ())) for c in _CATEGORIES}
        ties.append(Tie(first, second, **counts, facts=len(p.facts), sources=len(p.sources),
                        first_date=p.first_date))
    ties.sort(key=lambda t: (-t.sources, -(t.agreements + t.partnerships + t.supplies + t.events + t.other),
                             -t.facts, t.a, t.b))
    return ties[:top]


def _years(g: nx.MultiDiGraph, actors: nx.MultiDiGraph, pairs: dict[tuple[str, str], _Pair]) -> list[YearChange]:
    facts: dict[str, set[str]] = defaultdict(set)
    for _, _, d in g.edges(data=True):
        for ev in d["evidence"]:
            if ev["date"]:
                facts[ev["date"][:4]].add(ev["fact"])
    for _, d in g.nodes(data=True):
        for x in d["facts"]:
            if x["date"]:
                facts[x["date"][:4]].add(x["fact"])
    new: dict[str, list[str]] = defaultdict(list)
    for (a, b), p in pairs.items():
        if p.first_date:
            new[p.first_date[:4]].append(" – ".join(sorted((_label(actors, a), _label(actors, b)))))
    return [YearChange(y, len(facts[y]), sorted(new[y])) for y in sorted(set(facts) | set(new))]


def _statuses(g: nx.MultiDiGraph) -> list[StatusStep]:
    out = []
    for _v, d in g.nodes(data=True):
        steps = sorted({(str(x["value"]), x["date"]) for x in d["facts"] if x["kind"] == "has_status"},
                       key=lambda s: (s[1] or "9999", s[0]))
        if steps:
            out.append(StatusStep(d["label"], steps))
    return sorted(out, key=lambda s: (s.steps[0][1] or "9999", s.entity))


# -- rendering ----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def md_escape(text: object) -> str:
    """Return ``text`` safe inside Markdown: HTML metacharacters as entities, Markdown marks escaped.

    >>> md_escape("<b>*x*</b> [a](b)")
    '&lt;b&gt;\\\\*x\\\\*&lt;/b&gt; \\\\[a\\\\]\\\\(b\\\\)'
    """
    s = " ".join(str(text).split())
    s = "".join(_HTML_SPECIAL.get(c, c) for c in s)
    return _MD_SPECIAL.sub(r"\\\1", s)


def report_to_json(report: Report) -> str:
    """Render the report as JSON (keys sorted, stable)."""
    return json.dumps(asdict(report), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _ranking(claim: OrdinalClaim) -> str:
    return ", ".join(f"{pos} {name}" for pos, name in sorted(claim.ranking))


def _source(publisher: str | None, date: str | None) -> str:
    return ", ".join(x for x in (publisher, date) if x) or "source unknown"


def report_to_markdown(report: Report) -> str:
    """Render the report as Markdown; every text taken from articles is escaped."""
    e = md_escape
    s = report.summary
    lines = ["# Defence-industry graph: analysis", "",
             f"{s['entities']} entities, {s['relations']} relations and {s['facts']} facts from {s['articles']} "
             f"articles; {s['actors']} actors with {s['ties']} ties between them.", ""]
    lines += [f"_{e(n)}_" for n in report.notes] + [""]
    lines += ["## Most central actors", ""]
    for measure, actors in report.central.items():
        lines += [f"**{e(report.measures[measure])}**", "", "| # | actor | type | degree | betweenness | PageRank |",
                  "|---:|---|---|---:|---:|---:|"]
        lines += [f"| {i} | {e(a.label)} | {a.type} | {a.degree} | {a.betweenness:.4f} | {a.pagerank:.4f} |"
                  for i, a in enumerate(actors, 1)]
        lines.append("")
    lines += ["## Communities", ""]
    for i, c in enumerate(report.communities, 1):
        more = f" and {c.more} more" if c.more else ""
        lines.append(f"{i}. ({c.size} actors) {', '.join(e(m) for m in c.members)}{more}")
    lines += ["", f"{report.singletons} actor(s) without ties are left out.", "", "## Partners of each country", ""]
    for cp in report.partners:
        lines.append(f"### {e(cp.country)}")
        lines.append("")
        for i, p in enumerate(cp.partners, 1):
            lines.append(f"{i}. {e(p.country)}: {p.evidence} fact(s) from {p.sources} source(s) "
                         f"({', '.join(e(k) for k in p.kinds)})")
        for claim in cp.claims:
            scope = e(claim.scope or "ranked")
            lines.append(f"- Stated ranking, {scope}: {e(_ranking(claim))} ({e(_source(claim.publisher, claim.date))})")
        lines.append("")
    lines += ["## Strongest bilateral ties", "",
              "| countries | agreements | partnerships | supplies | events | other | facts | sources | first seen |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    lines += [f"| {e(t.a)} – {e(t.b)} | {t.agreements} | {t.partnerships} | {t.supplies} | {t.events} | {t.other} "
              f"| {t.facts} | {t.sources} | {e(t.first_date or '')} |" for t in report.ties]
    lines += ["", "Ranked by distinct sources, then ties, then facts.", "", "## Over time", ""]
    for y in report.years:
        new = f"; new country ties: {', '.join(e(p) for p in y.new_pairs)}" if y.new_pairs else ""
        lines.append(f"- {e(y.year)}: {y.facts} dated fact(s){new}")
    if report.statuses:
        lines += ["", "Status of agreements:", ""]
        for st in report.statuses:
            steps = " → ".join(f"{e(v)} ({e(d or 'undated')})" for v, d in st.steps)
            lines.append(f"- {e(st.entity)}: {steps}")
    return "\n".join(lines) + "\n"


def report_to_text(report: Report, width: int = 120) -> str:
    """Render the report as text tables (for a terminal)."""
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    con = Console(file=buf, width=width, highlight=False, color_system=None, soft_wrap=False)
    s = report.summary
    con.print(f"{s['entities']} entities, {s['relations']} relations, {s['facts']} facts, {s['articles']} articles; "
              f"{s['actors']} actors, {s['ties']} ties", markup=False)
    for measure, actors in report.central.items():
        t = Table(title=report.measures[measure], title_justify="left")
        for col in ("#", "actor", "type", "degree", "betweenness", "PageRank"):
            t.add_column(col)
        for i, a in enumerate(actors, 1):
            t.add_row(str(i), a.label, a.type, str(a.degree), f"{a.betweenness:.4f}", f"{a.pagerank:.4f}")
        con.print(t)
    t = Table(title="Communities (Louvain)", title_justify="left")
    t.add_column("#")
    t.add_column("size")
    t.add_column("members")
    for i, c in enumerate(report.communities, 1):
        t.add_row(str(i), str(c.size), ", ".join(c.members) + (f" and {c.more} more" if c.more else ""))
    con.print(t)
    t = Table(title="Partners of each country", title_justify="left")
    for col in ("country", "partners (facts/sources)", "stated rankings"):
        t.add_column(col)
    for cp in report.partners:
        partners = "\n".join(f"{i} {p.country} ({p.evidence}/{p.sources})" for i, p in enumerate(cp.partners, 1))
        claims = "\n".join(f"{c.scope or 'ranked'}: {_ranking(c)}" for c in cp.claims)
        t.add_row(cp.country, partners, claims)
    con.print(t)
    t = Table(title="Strongest bilateral ties", title_justify="left")
    for col in ("countries", "agreements", "partnerships", "supplies", "events", "other", "facts", "sources", "first"):
        t.add_column(col)
    for x in report.ties:
        t.add_row(f"{x.a} – {x.b}", *map(str, (x.agreements, x.partnerships, x.supplies, x.events, x.other, x.facts,
                                               x.sources)), x.first_date or "")
    con.print(t)
    for y in report.years:
        con.print(f"{y.year}: {y.facts} dated facts; new country ties: {', '.join(y.new_pairs) or '-'}", markup=False)
    for st in report.statuses:
        con.print(f"{st.entity}: " + " → ".join(f"{v} ({d or 'undated'})" for v, d in st.steps), markup=False)
    for line in (*report.measures.values(), *report.notes):
        con.print(line, markup=False)
    return buf.getvalue()


#: report format -> renderer
REPORT_FORMATS: dict[str, Callable[[Report], str]] = {
    "table": report_to_text,
    "json": report_to_json,
    "md": report_to_markdown,
}
