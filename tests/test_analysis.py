"""The analysis: projection from the store, centrality, the report, chains of facts, Gephi exports, the CLI."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph.analysis import analyse, collapse_graph, find_paths, louvain, project, report_from_graph, sampled_betweenness
from graph.analysis.gephi import gexf_bytes, graphml_bytes
from graph.analysis.report import report_to_json, report_to_markdown, report_to_text
from graph.cli import main
from graph.errors import InputError
from graph.load import load_files
from graph.mapping import facts_to_quads
from graph.models import ArticleFacts
from graph.store import EmbeddedStore

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
MYS = "https://w3id.org/dikg/id/country/MYS"
KOR = "https://w3id.org/dikg/id/country/KOR"
TUR = "https://w3id.org/dikg/id/country/TUR"


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    st = EmbeddedStore(None)
    report = load_files(st, [FIXTURES])
    assert report.ok and report.articles == 3
    yield st
    st.close()


def _label(g: nx.MultiDiGraph, name: str) -> str:
    return next(v for v, d in g.nodes(data=True) if d["label"] == name)


def test_entities_become_nodes_with_type_label_aliases_and_country(store: EmbeddedStore) -> None:
    g = project(store)
    amw = g.nodes[_label(g, "Anatolia Marine Works")]
    assert (amw["type"], amw["country"], amw["aliases"]) == ("Company", TUR, ["AMW"])
    assert g.nodes[KOR]["label"] == "South Korea" and "ROK" in g.nodes[KOR]["aliases"]
    assert g.number_of_nodes() == 14


def test_a_symmetric_relation_stated_by_two_articles_is_one_edge_with_both_sources(store: EmbeddedStore) -> None:
    g = project(store)
    ties = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == "partner_of" and {u, v} == {MYS, KOR}]
    assert len(ties) == 1
    (_, _, d), = ties
    assert d["evidence"][0]["sentence"] == "Both governments described the relationship as strategic."
    assert d["evidence"][0]["publisher"] == "Straits Ledger" and d["evidence"][0]["url"].startswith("https://")


def test_facts_from_several_articles_fold_into_one_edge_counting_sources_and_publishers() -> None:
    st = EmbeddedStore(None)
    for i, pub in enumerate(("Paper A", "Paper B")):
        facts = ArticleFacts.model_validate({
            "url": f"https://news.example/{i}", "date": f"202{i}-01-01", "source": pub,
            "entities": [{"name": "Malaysia", "type": "Country"}, {"name": "Turkiye", "type": "Country"}],
            "relations": [{"subject": "Malaysia" if i else "Turkiye", "predicate": "partner_of",
                           "object": "Turkiye" if i else "Malaysia", "confidence": 0.5 + i / 4,
                           "evidence": {"text": f"sentence {i}", "start": 0, "end": 10}}]})
        quads = facts_to_quads(facts, str(i))
        st.replace_articles({quads[0][3]: quads})
    (_, _, d), = project(st).edges(data=True)
    assert (len(d["sources"]), d["publishers"], d["confidence"], d["first_date"]) == (2, ["Paper A", "Paper B"],
                                                                                      0.75, "2020-01-01")
    assert [e["sentence"] for e in d["evidence"]] == ["sentence 0", "sentence 1"]


def test_collapsing_turns_agreements_and_supplies_into_ties_between_parties(store: EmbeddedStore) -> None:
    g = project(store, collapse=True)
    assert not [v for v, d in g.nodes(data=True) if d["type"] in ("Agreement", "Event")]
    agreement = g.get_edge_data(KOR, MYS, "agreement") or g.get_edge_data(MYS, KOR, "agreement")
    assert agreement["via"] == ["Malaysia–South Korea G2G procurement agreement (2025)"]
    hanbit, rmaf = _label(g, "Hanbit Aerospace"), _label(g, "Royal Malaysian Air Force")
    supply = g.get_edge_data(hanbit, rmaf, "supplies") or g.get_edge_data(rmaf, hanbit, "supplies")
    assert supply["via"] == ["KT-9 trainer"]


def test_a_supply_to_a_buyer_stated_both_ways_is_one_tie_and_the_projection_stays_as_it_was() -> None:
    st = EmbeddedStore(None)
    facts = ArticleFacts.model_validate({
        "url": "https://news.example/s", "date": "2024-05-01", "source": "Paper",
        "entities": [{"name": "Malaysia", "type": "Country"}, {"name": "Anatolia Works", "type": "Company"},
                     {"name": "Sea Lance", "type": "Platform"}],
        "relations": [
            {"subject": "Anatolia Works", "predicate": "supplies", "object": "Sea Lance",
             "qualifiers": {"buyer": "Malaysia"}, "evidence": {"text": "It sells Sea Lance to Malaysia.", "start": 0,
                                                               "end": 5}},
            {"subject": "Anatolia Works", "predicate": "supplies", "object": "Malaysia",
             "evidence": {"text": "It supplies Malaysia.", "start": 0, "end": 5}}]})
    quads = facts_to_quads(facts, "s")
    st.replace_articles({quads[0][3]: quads})
    g = project(st)
    before = copy.deepcopy(list(g.edges(keys=True, data=True)))
    tie = collapse_graph(g).get_edge_data(_label(g, "Anatolia Works"), MYS, "supplies")
    assert tie["weight"] == 2 and tie["via"] == ["Sea Lance"]
    assert [e["sentence"] for e in tie["evidence"]] == ["It sells Sea Lance to Malaysia.", "It supplies Malaysia."]
    report_from_graph(g)
    assert list(g.edges(keys=True, data=True)) == before


def test_communities_leave_out_actors_without_ties_and_count_them() -> None:
    st = EmbeddedStore(None)
    facts = ArticleFacts.model_validate({
        "url": "https://news.example/c", "source": "Paper",
        "entities": [{"name": n, "type": "Country"} for n in ("Malaysia", "Turkiye", "Chile", "Peru", "Norway")],
        "relations": [{"subject": a, "predicate": "partner_of", "object": b}
                      for a, b in (("Malaysia", "Turkiye"), ("Chile", "Peru"))]})
    quads = facts_to_quads(facts, "c")
    st.replace_articles({quads[0][3]: quads})
    report = analyse(st)
    assert sorted(sorted(c.members) for c in report.communities) == [["Chile", "Peru"], ["Malaysia", "Turkiye"]]
    assert report.singletons == 1 and report.summary["actors"] == 5


@pytest.mark.parametrize("graph", [nx.karate_club_graph(), nx.gnm_random_graph(120, 300, seed=5),
                                   nx.barbell_graph(6, 4)])
@pytest.mark.parametrize("k", [None, 1, 7, 500])
def test_sampled_betweenness_equals_networkx_for_the_same_seed(graph: nx.Graph, k: int | None) -> None:
    ours = sampled_betweenness(graph, k=k, seed=3)
    theirs = nx.betweenness_centrality(graph, k=min(k, len(graph)) if k else None, seed=3)
    if k == 1:  # networkx gives NaN to the single source; the others must agree
        theirs = {v: x for v, x in theirs.items() if x == x}
    assert all(abs(ours[v] - theirs[v]) < 1e-9 for v in theirs)


def _weighted(g: nx.Graph) -> nx.Graph:
    for i, (u, v) in enumerate(g.edges()):
        g[u][v]["weight"] = 1 + i * 7 % 5
    return g


@pytest.mark.parametrize("graph", [nx.karate_club_graph(), nx.les_miserables_graph(),
                                   _weighted(nx.gnm_random_graph(300, 900, seed=5)),
                                   _weighted(nx.connected_caveman_graph(10, 6)),
                                   _weighted(nx.powerlaw_cluster_graph(1500, 3, 0.3, seed=2))])
@pytest.mark.parametrize("seed", [1, 42])
def test_louvain_finds_the_communities_networkx_finds_for_the_same_seed(graph: nx.Graph, seed: int) -> None:
    ours = louvain(graph, seed=seed)
    theirs = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    assert sorted(map(sorted, ours)) == sorted(map(sorted, theirs))


def test_malaysias_partners_are_ranked_by_evidence_with_the_stated_order(store: EmbeddedStore) -> None:
    report = analyse(store)
    malaysia = next(p for p in report.partners if p.country == "Malaysia")
    assert [p.country for p in malaysia.partners] == ["South Korea", "Turkiye"]
    assert malaysia.partners[0].evidence > malaysia.partners[1].evidence
    latest = malaysia.claims[-1]
    assert latest.ranking == [(1, "Turkiye"), (2, "South Korea")]
    assert latest.scope == "countries holding an exclusive G2G procurement arrangement with Malaysia"
    md = report_to_markdown(report)
    assert "1 Turkiye, 2 South Korea (Straits Ledger, 2025-09-22)" in md


def test_the_report_names_explains_and_ranks_central_actors(store: EmbeddedStore) -> None:
    report = analyse(store)
    assert set(report.central) == {"degree", "betweenness", "pagerank"}
    ranks = [a.pagerank for a in report.central["pagerank"]]
    assert ranks == sorted(ranks, reverse=True) and len(ranks) == 10
    assert "Malaysia" in [a.label for a in report.central["degree"][:3]]
    degrees = [a.degree for a in report.central["degree"]]
    assert degrees == sorted(degrees, reverse=True)
    assert all(line.split(":")[0] in ("Degree", "Betweenness", "PageRank") for line in report.measures.values())


def test_sampled_betweenness_is_stated_with_k_and_seed(store: EmbeddedStore) -> None:
    report = report_from_graph(project(store), k=4, seed=9)
    assert "k=4 sampled source actors" in report.measures["betweenness"]
    assert "seed 9" in report.measures["betweenness"]


def test_bilateral_ties_change_over_time_and_status_steps_are_reported(store: EmbeddedStore) -> None:
    report = analyse(store)
    kor = next(t for t in report.ties if {t.a, t.b} == {"Malaysia", "South Korea"})
    assert (kor.agreements, kor.partnerships, kor.supplies, kor.events) == (1, 1, 1, 1)
    assert [(y.year, y.new_pairs) for y in report.years] == [("2024", ["Malaysia – Turkiye"]),
                                                             ("2025", ["Malaysia – South Korea"])]
    (status,) = report.statuses
    assert status.steps == [("expected", "2025-10"), ("signed", "2025-11-01")]


def test_the_report_is_the_same_every_time(store: EmbeddedStore) -> None:
    assert report_to_json(analyse(store)) == report_to_json(analyse(store))
    assert json.loads(report_to_json(analyse(store)))["communities"]


def test_article_text_is_escaped_in_the_markdown_report() -> None:
    st = EmbeddedStore(None)
    facts = ArticleFacts.model_validate({
        "url": "https://news.example/x", "source": "<b>Paper</b>",
        "entities": [{"name": "Malaysia", "type": "Country"},
                     {"name": "<img src=x onerror=alert(1)> *Works* [x](javascript:1)", "type": "Company",
                      "attributes": {"country": "Malaysia"}},
                     {"name": "Turkiye", "type": "Country"}],
        "relations": [{"subject": "<img src=x onerror=alert(1)> *Works* [x](javascript:1)",
                       "predicate": "partner_of", "object": "Turkiye"}]})
    quads = facts_to_quads(facts, "x")
    st.replace_articles({quads[0][3]: quads})
    md = report_to_markdown(analyse(st))
    assert "<img" not in md and "](" not in md
    assert "&lt;img src=x onerror=alert\\(1\\)&gt; \\*Works\\*" in md
    assert "<img" in report_to_text(analyse(st))  # the terminal shows it as it is


def test_paths_join_two_companies_through_what_they_both_develop(store: EmbeddedStore) -> None:
    g = project(store)
    (chain,) = find_paths(g, "hanbit aerospace", "AMW")
    assert chain.entities == ["Hanbit Aerospace", "Sea Lance", "Anatolia Marine Works"]
    first = chain.steps[0][0]
    assert (first.subject, first.kind, first.object) == ("Hanbit Aerospace", "develops", "Sea Lance")
    assert first.evidence[0]["sentence"] == "Hanbit Aerospace will build the seeker of the Sea Lance missile."


def test_paths_resolve_country_names_the_table_knows(store: EmbeddedStore) -> None:
    chains = find_paths(project(store), "Republic of Korea", "türkiye")
    assert chains and all(c.entities[0] == "South Korea" and c.entities[-1] == "Turkiye" for c in chains)
    assert min(len(c.entities) for c in chains) == 3


def test_paths_between_unconnected_entities_are_empty_and_unknown_names_are_errors(store: EmbeddedStore) -> None:
    g = project(store)
    g.add_node("urn:x", label="Loner", type="Company", aliases=[], country=None, facts=[])
    assert find_paths(g, "Loner", "Malaysia") == []
    with pytest.raises(InputError, match="no entity is called 'Atlantis'"):
        find_paths(g, "Atlantis", "Malaysia")


def test_graphml_and_gexf_exports_read_back_with_every_node_and_relation(store: EmbeddedStore,
                                                                          tmp_path: Path) -> None:
    g = project(store)
    for name, data, reader in (("g.graphml", graphml_bytes(store), nx.read_graphml),
                               ("g.gexf", gexf_bytes(store), nx.read_gexf)):
        (tmp_path / name).write_bytes(data)
        back = reader(tmp_path / name)
        assert (back.number_of_nodes(), back.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    st = EmbeddedStore(tmp_path / "store")
    load_files(st, [FIXTURES])
    st.close()
    return str(tmp_path / "store")


def test_dikg_analyse_writes_a_json_report(store_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["analyse", "--format", "json", "-o", str(tmp_path / "r.json"), "--store", store_dir], capsys)
    assert code == 0 and "wrote" in out
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["articles"] == 3


def test_dikg_analyse_refuses_an_unknown_format_in_one_line(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["analyse", "--format", "xml", "--store", store_dir], capsys)
    assert code == 2 and err.strip() == "error: unknown --format 'xml'; available: table, json, md"


def test_dikg_path_prints_each_step_with_evidence_and_exits_1_when_nothing_connects(
        store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["path", "RMAF", "Hanbit Aerospace", "--store", store_dir], capsys)
    assert code == 0
    assert "Royal Malaysian Air Force → Hanbit Aerospace" in out and "twelve KT-9 trainers" in out
    code, out, _ = _run(["path", "Farah Idris", "Sea Lance", "--store", store_dir, "--limit", "1"], capsys)
    assert code == 0 and out.startswith("1. Farah Idris →")
    code, _, err = _run(["path", "Nobody", "Sea Lance", "--store", store_dir], capsys)
    assert code == 2 and "no entity is called 'Nobody'" in err


class _PlainStore:
    """The store seen only through the Store protocol (as a remote SPARQL server is)."""

    def __init__(self, inner: EmbeddedStore) -> None:
        self.query = inner.query


def test_the_projection_is_the_same_through_any_store_interface(store: EmbeddedStore) -> None:
    fast, plain = project(store), project(_PlainStore(store))  # type: ignore[arg-type]
    assert sorted(fast.nodes(data=True)) == sorted(plain.nodes(data=True))
    assert sorted(fast.edges(keys=True, data=True)) == sorted(plain.edges(keys=True, data=True))
