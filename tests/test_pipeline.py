"""The pipeline: articles in input order through the extractor, to files or into the store."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

import graph.extract
from graph.articles import Article
from graph.errors import InputError
from graph.load import Failure
from graph.models import ArticleFacts, read_facts
from graph.pipeline import Extracted, extract_articles, extract_to_dir, ingest, output_name, with_provenance
from graph.store import EmbeddedStore

ARTICLES = {
    "lms.txt": (
        "url: https://example.org/test/lms\ndate: 28 August 2025\n\n"
        "ISTANBUL: Turkish defence firm STM handed over the first of three Littoral Mission Ships to the "
        "Royal Malaysian Navy on Thursday. The ships were ordered under a contract worth RM1.1 billion.\n\n"
        "Malaysia is the second export customer after Pakistan for the ships. – Bernama\n"
    ),
    "gripen.txt": (
        "date: 2025-12-09\n\n"
        "STOCKHOLM – Saab received an order from the Brazilian Air Force for ten more Gripen fighters, "
        "valued at SEK 8.9 billion (about US$850 million).\n"
    ),
    "visit.md": (
        "---\ntitle: Minister visits India\n---\n\n"
        "NEW DELHI: Vietnam's defence minister visited BrahMos Aerospace in Hyderabad on Tuesday and met the "
        "Indian defence minister. Vietnam is interested in buying the BrahMos.\n"
    ),
}


def write_articles(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def sorted_quads(store_dir: Path) -> list[tuple[str, ...]]:
    store = EmbeddedStore(store_dir)
    try:
        return sorted(tuple(t.n3() for t in q) for q in store.quads())
    finally:
        store.close()


def test_output_names_follow_the_input_stem_and_json_lines_line() -> None:
    assert output_name("corpus/seed.txt") == "seed.json"
    assert output_name("corpus/page.html") == "page.json"
    assert output_name("feeds/wire.jsonl:7") == "wire-7.json"


def test_provenance_fills_what_the_extractor_left_out_and_keeps_what_it_set() -> None:
    article = Article("Text.", "a.txt", url="https://example.org/a", date="2025-01-02", title="T", source="Wire")
    facts = with_provenance(ArticleFacts(source="Own"), article, "rules", "1.0")
    assert (facts.url, facts.date, facts.title, facts.source) == ("https://example.org/a", "2025-01-02", "T", "Own")
    assert (facts.extractor, facts.extractor_version) == ("rules", "1.0")
    assert facts.content_sha256 == hashlib.sha256(b"Text.").hexdigest()


def test_extraction_keeps_input_order_and_passes_read_failures_through() -> None:
    items: list[Article | Failure] = [Article("KUALA LUMPUR: Malaysia and South Korea met.", "a"),
                                      Failure("b", "empty file"),
                                      Article("SEOUL: South Korea signed a deal with Poland.", "c")]
    out = list(extract_articles(items))
    assert [o.key if isinstance(o, Extracted) else o.source for o in out] == ["a", "b", "c"]
    assert isinstance(out[1], Failure) and out[1].reason == "empty file"


def test_two_processes_give_the_same_facts_as_one() -> None:
    items = [Article(text.split("\n\n", 1)[1], name) for name, text in ARTICLES.items()] * 3
    one = list(extract_articles(items, jobs=1))
    two = list(extract_articles(items, jobs=2, chunk=2))
    assert one == two
    assert all(isinstance(o, Extracted) for o in one)


def test_zero_jobs_is_refused() -> None:
    with pytest.raises(InputError, match="--jobs must be at least 1"):
        list(extract_articles([], jobs=0))


def test_an_extractor_crash_on_one_article_fails_that_article_only(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    real = graph.extract.extract

    def flaky(article: Article, gazetteers: object = None) -> ArticleFacts:
        if "Saab" in article.text:
            raise ZeroDivisionError("boom")
        return real(article, gazetteers)

    monkeypatch.setattr(graph.extract, "extract", flaky)
    store = EmbeddedStore(tmp_path / "store")
    report = ingest([write_articles(tmp_path / "in")], store)
    assert len(store.named_graphs()) == 2
    store.close()
    assert report.articles == 2
    assert [(Path(f.source).name, f.reason) for f in report.failures] == [
        ("gripen.txt", "extractor failed: ZeroDivisionError: boom")]


def test_extract_to_dir_writes_one_valid_facts_file_per_article_with_provenance(tmp_path: Path) -> None:
    report = extract_to_dir([write_articles(tmp_path / "in")], tmp_path / "out")
    assert report.ok and report.articles == 3
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["gripen.json", "lms.json", "visit.json"]
    lms = read_facts(tmp_path / "out" / "lms.json")
    assert (lms.url, lms.date, lms.source) == ("https://example.org/test/lms", "2025-08-28", "Bernama")
    assert lms.extractor == graph.extract.EXTRACTOR_NAME and lms.content_sha256
    body = ARTICLES["lms.txt"].split("\n\n", 1)[1].strip()
    for rel in lms.relations:
        if rel.evidence is not None:
            assert body[rel.evidence.start:rel.evidence.end] == rel.evidence.text


def test_inputs_of_the_same_name_in_two_directories_do_not_overwrite_each_other(tmp_path: Path) -> None:
    write_articles(tmp_path / "a")
    write_articles(tmp_path / "b")
    report = extract_to_dir([tmp_path / "a", tmp_path / "b"], tmp_path / "out")
    assert report.articles == 3 and len(report.failures) == 3
    assert all("already holds the facts of" in f.reason and f.source.startswith(str(tmp_path / "b"))
               for f in report.failures)


def test_extract_to_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="is a file"):
        extract_to_dir([tmp_path], tmp_path / "out")


def test_ingesting_twice_leaves_the_store_identical(tmp_path: Path) -> None:
    src = write_articles(tmp_path / "in")
    snapshots = []
    for _ in range(2):
        store = EmbeddedStore(tmp_path / "store")
        report = ingest([src], store)
        store.close()
        assert report.ok and report.articles == 3
        snapshots.append(sorted_quads(tmp_path / "store"))
    assert snapshots[0] and snapshots[0] == snapshots[1]


def test_ingest_with_two_jobs_gives_the_same_store_as_one(tmp_path: Path) -> None:
    src = write_articles(tmp_path / "in")
    for jobs in (1, 2):
        store = EmbeddedStore(tmp_path / f"store-{jobs}")
        assert ingest([src], store, jobs=jobs, batch=2).articles == 3
        store.close()
    assert sorted_quads(tmp_path / "store-1") == sorted_quads(tmp_path / "store-2")


def test_nothing_of_a_failed_article_is_stored(tmp_path: Path) -> None:
    src = write_articles(tmp_path / "in")
    (src / "broken.txt").write_bytes(b"caf\xe9 KUALA LUMPUR: Malaysia signed a deal with South Korea.")
    store = EmbeddedStore(tmp_path / "store")
    report = ingest([src], store)
    graphs = store.named_graphs()
    texts = [str(q[2]) for q in store.quads()]
    store.close()
    assert report.articles == 3 and [Path(f.source).name for f in report.failures] == ["broken.txt"]
    assert len(graphs) == 3
    assert not any("broken" in t for t in texts)


def test_no_more_worker_processes_start_than_processors_or_chunks_of_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os

    import graph.pipeline as pipeline

    started: list[int] = []
    spawn = multiprocessing.get_context("spawn")

    class Recording:
        def Pool(self, processes: int, **kwargs: Any) -> Any:
            started.append(processes)
            return spawn.Pool(processes, **kwargs)

    monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda method: Recording())
    text = "Norway signed a contract with Kongsberg for 12 radars."
    few = [Article(text=text, key=f"a{i}.txt") for i in range(3)]
    assert len(list(extract_articles(few, jobs=64, chunk=16))) == 3
    assert started == []  # one chunk of work: extracted here, no process started
    many = [Article(text=text, key=f"b{i}.txt") for i in range(12)]
    assert len(list(extract_articles(many, jobs=64, chunk=2))) == 12
    processors = len(os.sched_getaffinity(0))
    assert started == ([min(processors, 6)] if processors > 1 else [])
