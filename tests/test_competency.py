"""The analyst's competency questions about the seed article, each answered by a named query.

They run against every store backend (embedded Oxigraph and a SPARQL server).
"""

from __future__ import annotations

from graph.queries import run_query
from graph.store import Store

AGREEMENT = "Malaysia–South Korea G2G procurement agreement (2025)"
SEMINAR = "Malaysia-Korea Third Defence Industry Cooperation Seminar"


def _rows(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    res = run_query(store, name, params)
    return [{k: str(v) for k, v in row.items()} for row in res.rows]


def test_q1_malaysias_exclusive_g2g_procurement_partners_in_order(seed_store: Store) -> None:
    rows = _rows(seed_store, "partners", country="Malaysia")
    ranked = [(r["partnerName"], int(r["ordinal"])) for r in rows if "ordinal" in r]
    assert ranked == [("Turkiye", 1), ("South Korea", 2)]
    assert all("procurement arrangement" in r["scope"] for r in rows if "ordinal" in r)


def test_q2_status_of_the_g2g_agreement_is_being_accelerated_with_cabinet_approval_expected(seed_store: Store) -> None:
    rows = _rows(seed_store, "status", agreement=AGREEMENT)
    by_status = {r["status"]: r for r in rows}
    assert set(by_status) == {"being accelerated", "expected"}
    assert by_status["expected"]["byName"] == "Cabinet (Malaysia)"
    assert by_status["expected"]["expectedDate"] == "2025-10"
    assert by_status["expected"]["class"] == "prospective"


def test_q3_the_relationship_is_elevated_to_a_strategic_and_practical_industry_partnership(seed_store: Store) -> None:
    rows = _rows(seed_store, "partners", country="Malaysia")
    tie = next(r for r in rows if r["tie"] == "partner_of")
    assert tie["partnerName"] == "South Korea"
    assert tie["level"] == "strategic and practical industry partnership"
    assert tie["status"] == "planned"


def test_q4_the_keynote_speaker_and_his_post(seed_store: Store) -> None:
    [event] = _rows(seed_store, "events", entity=SEMINAR)
    assert event["speakers"] == "Mohamed Khaled Nordin (keynote address)"
    people = _rows(seed_store, "people", organisation="Malaysia")
    assert [(p["name"], p["role"], p["organisationName"]) for p in people] == [
        ("Mohamed Khaled Nordin", "Defence Minister", "Malaysia")]


def test_q5_attendance_about_150_and_more_than_20_malaysian_companies(seed_store: Store) -> None:
    [event] = _rows(seed_store, "events", entity="Mohamed Khaled Nordin")
    counts = set(event["counts"].split("; "))
    assert counts == {"about 150 participants", "more than 20 Malaysian defence companies"}
    assert set(event["participants"].split("; ")) == {"Malaysia", "South Korea"}


def test_q6_the_seminar_is_the_third_edition(seed_store: Store) -> None:
    [event] = _rows(seed_store, "events")
    assert int(event["edition"]) == 3
    assert event["place"] == "Kuala Lumpur"


def test_q7_cooperation_malaysia_seeks_with_south_korea(seed_store: Store) -> None:
    rows = _rows(seed_store, "cooperation", country="Malaysia")
    with_korea = {r["area"] for r in rows if r.get("partnerName") == "South Korea"}
    assert {"technology transfer", "co-development", "co-production"} <= with_korea


def test_q8_capability_domains_credited_to_south_korea(seed_store: Store) -> None:
    rows = _rows(seed_store, "cooperation", country="ROK")
    domains = {r["area"] for r in rows if r["kind"] == "capability domain"}
    assert domains == {"aerospace", "surveillance", "cyber defence"}


def test_q9_the_sentence_and_source_behind_the_ordinal_claim(seed_store: Store) -> None:
    rows = _rows(seed_store, "evidence", entity="South Korea", predicate="party_to")
    [row] = rows
    assert row["sentence"].startswith("South Korea will become the second country after Turkiye")
    assert row["publisher"] == "Bernama"
    assert "thesun.my" in row["url"]
    assert row["articleDate"] == "2025-09-22"
    assert int(row["end"]) - int(row["start"]) == len(row["sentence"])


def test_timeline_orders_dated_facts(seed_store: Store) -> None:
    rows = _rows(seed_store, "timeline", country="Malaysia")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert any(r["dateKind"] == "expected" and r["date"] == "2025-10" for r in rows)


def test_agreements_lists_parties_with_roles_and_statuses(seed_store: Store) -> None:
    [row] = _rows(seed_store, "agreements", country="Malaysia")
    assert set(row["parties"].split("; ")) == {"Malaysia (buyer)", "South Korea (supplier)"}
    assert "being accelerated" in row["statuses"] and "expected 2025-10" in row["statuses"]
