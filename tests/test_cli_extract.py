"""`dikg extract` and `dikg ingest` as a user runs them: files written, store filled, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.models import read_facts
from graph.store import EmbeddedStore
from tests.test_pipeline import sorted_quads

GOOD = {
    "delivery.txt": (
        "url: https://example.org/test/delivery\ndate: 2025-08-28\n\n"
        "ISTANBUL: STM handed over the first Littoral Mission Ship to the Royal Malaysian Navy on Thursday. – Bernama\n"
    ),
    "seminar.txt": (
        " date 2025-09-22 KUALA LUMPUR: Malaysia and South Korea held a defence industry seminar on Monday, "
        "attended by more than 20 Malaysian defence companies. – Bernama"
    ),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return its exit code, stdout and stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


def inputs(tmp_path: Path, *, bad: bool = False) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in GOOD.items():
        (d / name).write_text(text, encoding="utf-8")
    if bad:
        (d / "empty.txt").write_text("", encoding="utf-8")
        (d / "feed.jsonl").write_text('{"text": "SEOUL: South Korea and Poland met."}\n{not json\n', encoding="utf-8")
    return d


def test_extract_writes_one_facts_file_per_article_and_exits_0(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(inputs(tmp_path)), "--out", str(tmp_path / "facts"))
    assert code == 0, err
    assert err == ""
    assert out.startswith("extracted 2 article(s) to ")
    assert sorted(p.name for p in (tmp_path / "facts").iterdir()) == ["delivery.json", "seminar.json"]
    seminar = read_facts(tmp_path / "facts" / "seminar.json")
    assert (seminar.date, seminar.source) == ("2025-09-22", "Bernama")
    assert {"Malaysia", "South Korea"} <= {e.name for e in seminar.entities}


def test_extract_reports_each_bad_input_on_one_line_writes_the_rest_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = inputs(tmp_path, bad=True)
    code, out, err = run(capsys, "extract", str(src), "--out", str(tmp_path / "facts"))
    assert code == 1
    assert err.splitlines() == [f"error: {src / 'empty.txt'}: empty file",
                                f"error: {src / 'feed.jsonl'}:2: invalid JSON at column 2: "
                                "Expecting property name enclosed in double quotes"]
    assert "extracted 3 article(s)" in out and "2 failed" in out
    assert sorted(p.name for p in (tmp_path / "facts").iterdir()) == ["delivery.json", "feed-1.json", "seminar.json"]


@pytest.mark.parametrize("argv", [
    ("extract", "in"),  # no --out
    ("extract", "in", "--out", "facts", "--jobs", "0"),
    ("extract", "in", "--out", "facts", "--gazetteer", "no-such-file.tsv"),
    ("ingest",),  # no path
])
def test_usage_errors_exit_2(argv: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inputs(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.strip()
    assert not (tmp_path / "facts").exists() or not any((tmp_path / "facts").iterdir())


def test_a_user_gazetteer_adds_names_the_extractor_finds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("SINGAPORE: Orvenna will build four patrol boats for the Republic of "
                               "Singapore Navy, the company said on Monday.", encoding="utf-8")
    gaz = tmp_path / "mine.tsv"
    gaz.write_text("# name\ttype\tcountry\taliases\tkind\n"
                   "Orvenna\tCompany\tSingapore\tOrvenna Systems\tshipbuilder\n", encoding="utf-8")
    without = tmp_path / "without"
    with_gaz = tmp_path / "with"
    assert run(capsys, "extract", str(src), "--out", str(without))[0] == 0
    assert run(capsys, "extract", str(src), "--out", str(with_gaz), "--gazetteer", str(gaz), "--jobs", "2")[0] == 0

    def companies(d: Path) -> set[str]:
        data = json.loads((d / "a.json").read_text(encoding="utf-8"))
        return {e["name"] for e in data["entities"] if e["type"] == "Company"}

    assert "Orvenna" not in companies(without)
    assert "Orvenna" in companies(with_gaz)


def test_a_user_gazetteer_may_start_with_a_plain_header_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Orvenna will build four patrol boats for the Republic of Singapore Navy.", encoding="utf-8")
    gaz = tmp_path / "mine.tsv"
    gaz.write_text("name\ttype\tcountry\taliases\tkind\nOrvenna\tCompany\tSingapore\t\tshipbuilder\n",
                   encoding="utf-8")
    assert run(capsys, "extract", str(src), "--out", str(tmp_path / "out"), "--gazetteer", str(gaz))[0] == 0
    data = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert "Orvenna" in {e["name"] for e in data["entities"] if e["type"] == "Company"}


@pytest.mark.parametrize(("name", "content", "where"), [
    ("mine.tsv", "# a comment\nOrvenna\tCompany\tSingapore\t\t\n\nKestrel\tShipyard\tNorway\t\t\n", "line 4"),
    ("mine.json", '[{"name": "Orvenna", "type": "Company"}, {"name": "Kestrel", "type": "Shipyard"}]', "entry 2"),
])
def test_a_bad_gazetteer_row_is_named_by_its_line_or_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           name: str, content: str, where: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Orvenna will build four patrol boats.", encoding="utf-8")
    gaz = tmp_path / name
    gaz.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(src), "--out", str(tmp_path / "out"), "--gazetteer", str(gaz))
    assert code == 2
    assert err.strip() == (f"error: {gaz}: {where}: 'Kestrel' has type 'Shipyard'; use one of Country, "
                           "GovernmentAgency, ArmedForce, Company, Organisation, Person, Event, Agreement, Platform")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_ingest_stores_good_articles_skips_bad_ones_and_summarises(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    code, out, err = run(capsys, "ingest", str(inputs(tmp_path, bad=True)), "--store", str(store))
    assert code == 1
    assert len(err.splitlines()) == 2
    assert out.startswith("ingested 3 article(s): ") and out.rstrip().endswith("; 2 failed")
    st = EmbeddedStore(store)
    try:
        assert len(st.named_graphs()) == 3
    finally:
        st.close()


def test_ingest_twice_and_with_two_jobs_gives_the_same_store(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    src = inputs(tmp_path)
    assert run(capsys, "ingest", str(src), "--store", str(tmp_path / "s1"))[0] == 0
    once = sorted_quads(tmp_path / "s1")
    assert run(capsys, "ingest", str(src), "--store", str(tmp_path / "s1"))[0] == 0
    assert sorted_quads(tmp_path / "s1") == once
    assert run(capsys, "ingest", str(src), "--store", str(tmp_path / "s2"), "--jobs", "2")[0] == 0
    assert sorted_quads(tmp_path / "s2") == once


def test_no_progress_bar_is_drawn_when_stderr_is_not_a_terminal(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ingest", str(inputs(tmp_path)), "--store", str(tmp_path / "s"))
    assert code == 0 and err == ""


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_directory_with_no_articles_is_a_failure_not_silence(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "facts-not-articles"
    empty.mkdir()
    (empty / "seed.json").write_text("{}", encoding="utf-8")
    (empty / ".hidden.txt").write_text("Norway signed.", encoding="utf-8")
    where = ["--out", str(tmp_path / "out")] if command == "extract" else ["--store", str(tmp_path / "s")]
    code, out, err = run(capsys, command, str(empty), str(inputs(tmp_path)), *where)
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith(f"error: {empty}: no articles in this directory (readable: ")
    assert f"{len(GOOD)} article(s)" in out and "1 failed" in out


def test_ctrl_c_during_ingest_says_interrupted_and_exits_130(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(3000):
        (articles / f"a{i:04d}.txt").write_text(
            f"date: 2025-03-14\n\nNorway signed a contract with Kongsberg for {i + 2} radars worth {i + 1} million "
            "US dollars on Friday. Norway and Sweden agreed to cooperate on air defence.\n", encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "graph", "ingest", str(articles), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (store / "CURRENT").exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        time.sleep(0.5)  # the command is running: the store is open
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.strip() == "interrupted"
