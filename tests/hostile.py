"""Hostile and malformed inputs, generated at test time from a seed (never stored as data).

Two families, each a table of kinds: facts files for ``dikg load`` (:data:`FACTS_KINDS`)
and article files for ``dikg extract`` / ``dikg ingest`` (:data:`ARTICLE_KINDS`). Every
generator takes a :class:`random.Random` and an index and returns the file's suffix, its
bytes and what must happen to it: ``None`` for an input that must be stored, or a
regular expression the one-line failure reason must match.

The same seed always gives the same inputs, so a failure found once can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

__all__ = [
    "ARTICLE_KINDS",
    "FACTS_KINDS",
    "FULL_SIZE_VARIABLE",
    "HOSTILE_CHARS",
    "Item",
    "full_size",
    "hostile_name",
    "items",
    "write_items",
]

#: characters that break naive IRI, Turtle, HTML, JSON or terminal handling
HOSTILE_CHARS: str = (
    '<>"{}|^`\\' "'&;#%?/:@=+ \t\n\r"
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters and the BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks and overrides
    "\u2028\u2029\u0085\x0b\x0c\x1b\x01\x7f"  # line and paragraph separators, control characters
    "\u00e9\u0130\u00df\u4e2d\u0627\u05d0\U0001f680\u0301"  # letters of other scripts, an emoji, a combining mark
)


@dataclass(frozen=True)
class Item:
    """One generated input file: its name, bytes, and the expected outcome."""

    kind: str
    name: str
    data: bytes
    #: None: must be stored; otherwise a pattern the failure reason must match
    reason: str | None


Generator = Callable[[random.Random, int], tuple[str, bytes, str | None]]
_Test = TypeVar("_Test", bound=Callable[..., None])

#: set to 1 to run the full-size robustness tests in pytest too (they take many minutes)
FULL_SIZE_VARIABLE = "DIKG_FULL_FUZZ"


def full_size(benchmark: str) -> Callable[[_Test], _Test]:
    """Mark a full-size test ``slow`` and skip it in the normal suite, whose smaller samples run the same checks.

    ``make fuzz`` runs the full sizes through ``benchmark``, which prints what it measured;
    ``DIKG_FULL_FUZZ=1 pytest -m slow tests`` runs the marked tests themselves.
    """
    skip = pytest.mark.skipif(os.environ.get(FULL_SIZE_VARIABLE) != "1",
                              reason=f"full size: make fuzz runs {benchmark} (or set {FULL_SIZE_VARIABLE}=1)")

    def mark(test: _Test) -> _Test:
        return pytest.mark.slow(skip(test))  # type: ignore[no-any-return]

    return mark


def hostile_name(rng: random.Random, length: int = 12) -> str:
    """Return a name mixing letters with hostile characters; never blank."""
    chars = [rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    chars += [rng.choice(HOSTILE_CHARS) if rng.random() < 0.5 else rng.choice("abcxyz ") for _ in range(length)]
    return "".join(chars)


def _json(doc: object) -> bytes:
    # Alternate between escaped and raw non-ASCII so both spellings reach the reader.
    return json.dumps(doc, ensure_ascii=len(repr(doc)) % 2 == 0).encode("utf-8")


def _good_doc(rng: random.Random, i: int) -> dict[str, object]:
    a, b = f"Firm {i} {hostile_name(rng, 6)}", "Malaysia"
    return {
        "url": f"https://news.example/{i}/{rng.randrange(10**6)}",
        "date": "2025-09-22",
        "entities": [{"name": a, "type": "Company"}, {"name": b, "type": "Country"}],
        "relations": [{"subject": a, "predicate": "supplies", "object": b,
                       "qualifiers": {"quantity": rng.randrange(1, 50), "value": "RM 1.2 billion"},
                       "evidence": {"text": f"{a} supplies {b}.", "start": 0, "end": len(a) + 15},
                       "confidence": 0.75}],
    }


def _broken(doc: dict[str, object], path: tuple[object, ...], value: object) -> dict[str, object]:
    """Return a copy of ``doc`` with the value at ``path`` replaced (a key added if missing)."""
    out = json.loads(json.dumps(doc))
    node = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out  # type: ignore[no-any-return]


# -- facts files: (suffix, bytes, expected reason or None)

def _facts_bad(mutate: Callable[[dict[str, object], random.Random], object], reason: str) -> Generator:
    def gen(rng: random.Random, i: int) -> tuple[str, bytes, str | None]:
        doc = mutate(_good_doc(rng, i), rng)
        return ".json", doc if isinstance(doc, bytes) else _json(doc), reason

    return gen


def _facts_good(mutate: Callable[[dict[str, object], random.Random], dict[str, object]]) -> Generator:
    def gen(rng: random.Random, i: int) -> tuple[str, bytes, str | None]:
        return ".json", _json(mutate(_good_doc(rng, i), rng)), None

    return gen


def _hostile_entities(doc: dict[str, object], rng: random.Random) -> dict[str, object]:
    names = list(dict.fromkeys(hostile_name(rng, rng.randrange(1, 40)) for _ in range(4)))
    doc["entities"] = [{"name": n, "type": rng.choice(("Company", "Person", "Platform", "Event")),
                        "aliases": [hostile_name(rng, 5)], "attributes": {hostile_name(rng, 3): hostile_name(rng, 8)}}
                       for n in names]
    doc["relations"] = [{"subject": names[0], "predicate": "related_to", "object": n,
                         "qualifiers": {"note": hostile_name(rng, 20)}} for n in names[1:]]
    doc["title"] = hostile_name(rng, 30)
    return doc


def _entity_slug_twins(doc: dict[str, object], rng: random.Random) -> dict[str, object]:
    doc["entities"] = [{"name": "Acme Defence", "type": "Company"}, {"name": "ACME  defence!", "type": "Company"}]
    doc["relations"] = []
    return doc


FACTS_KINDS: dict[str, Generator] = {
    # must fail, with a reason naming what is wrong
    "empty": lambda rng, i: (".json", b"", "invalid JSON"),
    "whitespace": lambda rng, i: (".json", rng.choice((b" ", b"\n\n\t ", b"\r\n")), "invalid JSON"),
    "binary": lambda rng, i: (".json", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))),
                              "not UTF-8|invalid JSON"),
    "nul_bytes": _facts_bad(lambda d, rng: _json(d).replace(b"Malaysia", b"Malay\x00sia", 1), "invalid JSON"),
    "nul_escape": _facts_bad(lambda d, rng: _json(d).replace(b"Malaysia", rng.choice(
        (b"Malay\\u0000sia", b"Malay\\uffffsia", b"Malay\\ufffesia")), 1), r"U\+(0000|FFFF|FFFE)"),
    "invalid_utf8": _facts_bad(lambda d, rng: _json(d).replace(b"Malaysia", b"Malay\xff\xfesia", 1), "not UTF-8"),
    "mixed_encodings": _facts_bad(lambda d, rng: _json(d) + "caf\u00e9".encode("latin-1"), "not UTF-8"),
    "utf16": _facts_bad(lambda d, rng: json.dumps(d).encode("utf-16"), "not UTF-8"),
    "truncated": _facts_bad(lambda d, rng: _json(d)[: rng.randrange(1, len(_json(d)) - 1)], "invalid JSON|not UTF-8"),
    "not_an_object": _facts_bad(lambda d, rng: rng.choice(([], "text", 42, None, [d])),
                                "expected a JSON object with article, entities and relations, not "),
    "deep_nesting": lambda rng, i: (".json", b"[" * 200_000 + b"]" * 200_000, "invalid JSON"),
    "huge_integer": _facts_bad(lambda d, rng: _json(_broken(d, ("relations", 0, "qualifiers", "quantity"), 12345678912))
                               .replace(b"12345678912", b"9" * 5000, 1), "invalid JSON"),
    "nan": _facts_bad(lambda d, rng: _json(d).replace(b"0.75", rng.choice((b"NaN", b"Infinity", b"-Infinity")), 1),
                      "invalid JSON"),
    "overflowing_float": _facts_bad(lambda d, rng: _json(_broken(d, ("relations", 0, "qualifiers", "x"), 1.0))
                                    .replace(b"1.0", b"1e400", 1), "finite"),
    "lone_surrogate": _facts_bad(lambda d, rng: _json(d).replace(b"Malaysia", b"Malay\\ud800sia"),
                                 "unicode|string"),
    "wrong_type_entities": _facts_bad(lambda d, rng: _broken(d, ("entities",), rng.choice(("x", 1, {"a": 1}))),
                                      "entities"),
    "wrong_type_name": _facts_bad(lambda d, rng: _broken(d, ("entities", 0, "name"), rng.choice((5, None, [], {}))),
                                  r"entities\[0\]\.name"),
    "wrong_type_offset": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "evidence", "start"),
                                                           rng.choice(("zero", -1, 1.5, None))), "start"),
    "wrong_type_object": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "object"),
                                                           rng.choice((True, None, [1], {"x": 1}))), "object"),
    "unknown_key": _facts_bad(lambda d, rng: _broken(d, (rng.choice(("entities", "relations")), 0,
                                                         "colour"), "red"), "Extra inputs|not permitted"),
    "unknown_top_key": _facts_bad(lambda d, rng: _broken(d, ("comment",), "x"), "Extra inputs|not permitted"),
    "unknown_type": _facts_bad(lambda d, rng: _broken(d, ("entities", 0, "type"), "Spaceship"), "type"),
    "unknown_predicate": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "predicate"),
                                                           rng.choice(("sells", "", "supplies ", "SUPPLIES"))),
                                    "predicate"),
    "missing_subject": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "subject"), "Nobody Ltd"),
                                  "not an entity"),
    "duplicate_entity": _facts_bad(lambda d, rng: _broken(d, ("entities", 1), d["entities"][0]),  # type: ignore[index]
                                   "duplicate"),
    "same_entity_twice": _facts_bad(_entity_slug_twins, "same Company"),
    "impossible_date": _facts_bad(lambda d, rng: _broken(d, ("date",), rng.choice(
        ("2025-13-45", "2025-02-30", "2025-00-10", "22/09/2025", "yesterday", "2025-9-1"))), "not a date"),
    "impossible_qualifier_date": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "qualifiers", "start_date"),
                                                                   "2025-13-45"), "not a date"),
    "negative_quantity": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "qualifiers", "quantity"),
                                                           -rng.randrange(1, 10**6)), "negative"),
    "confidence_out_of_range": _facts_bad(lambda d, rng: _broken(d, ("relations", 0, "confidence"),
                                                                 rng.choice((1.5, -0.1, 100))), "confidence"),
    "evidence_backwards": _facts_bad(lambda d, rng: _broken(_broken(d, ("relations", 0, "evidence", "start"), 9),
                                                            ("relations", 0, "evidence", "end"), 3), "before start"),
    "blank_name": _facts_bad(lambda d, rng: _broken(d, ("entities", 1, "name"), rng.choice(("", " ", "\u3000\n"))),
                             "name"),
    "long_line": lambda rng, i: (".json", b'{"title": "' + b"x" * 10_000_000, "invalid JSON"),
    # must be stored, hostile text and all
    "hostile_names": _facts_good(_hostile_entities),
    "iri_with_spaces": _facts_good(lambda d, rng: {**d, "url": f"https://news.example/a b/<{rng.random()}>|{{x}}"}),
    "javascript_url": _facts_good(lambda d, rng: {**d, "url": f"javascript:alert({rng.randrange(10**9)})"}),
    "money_without_currency": _facts_good(lambda d, rng: _broken(d, ("relations", 0, "qualifiers", "value"),
                                                                 rng.choice(("5 million", "1.2bn", "lots", "")))),
    "object_not_an_entity": _facts_good(lambda d, rng: _broken(d, ("relations", 0, "object"), hostile_name(rng))),
    "unknown_qualifier": _facts_good(lambda d, rng: _broken(d, ("relations", 0, "qualifiers", hostile_name(rng, 4)),
                                                            {"nested": [1, "two", None, {"3": True}]})),
    "big_numbers": _facts_good(lambda d, rng: _broken(_broken(d, ("relations", 0, "qualifiers", "quantity"), 10**40),
                                                      ("relations", 0, "evidence", "end"), 2**63 + 1)),
    "plain": _facts_good(lambda d, rng: d),
}


# -- article files

def _sentence(rng: random.Random, i: int) -> str:
    buyer, seller = rng.sample(("Malaysia", "Indonesia", "Thailand", "South Korea", "Türkiye", "Japan"), 2)
    return (f"KUALA LUMPUR, 22 September 2025: {buyer} signed a contract with {seller} for {rng.randrange(2, 40)} "
            f"patrol vessels worth RM {rng.randrange(1, 9)}.{rng.randrange(10)} billion (item {i}).")


def _text(body: str) -> bytes:
    return body.encode("utf-8")


ARTICLE_KINDS: dict[str, Generator] = {
    # must fail, with a reason
    "empty": lambda rng, i: (".txt", b"", "empty"),
    "whitespace": lambda rng, i: (rng.choice((".txt", ".md", ".html")),
                                  rng.choice((b" ", b"\n\t\r\n", "\u3000\u2028 ".encode())), "whitespace|no text"),
    "binary": lambda rng, i: (".txt", b"\x89PNG\r\n\x1a\n\x00" + bytes(rng.randrange(256) for _ in range(200)),
                              "binary"),
    "nul_bytes": lambda rng, i: (".txt", _text(_sentence(rng, i)).replace(b" ", b"\x00", 1), "binary|NUL"),
    "invalid_utf8": lambda rng, i: (".txt", _text(_sentence(rng, i)) + b" \xc3\x28 \xff", "not UTF-8"),
    "mixed_encodings": lambda rng, i: (".html", _text(_sentence(rng, i)) + "Gen\u00e8ve".encode("cp1252"),
                                       "not UTF-8"),
    "utf16": lambda rng, i: (".txt", _sentence(rng, i).encode("utf-16"), "UTF-16"),
    "long_line": lambda rng, i: (rng.choice((".txt", ".html")), b"A" * 10_000_000, "too large"),
    "unsupported_suffix": lambda rng, i: (rng.choice((".pdf", ".docx", ".exe", "")), b"%PDF-1.7", "unsupported"),
    "jsonl_all_broken": lambda rng, i: (".jsonl", b"{broken\n[1, 2]\n\"text\"\n{\"text\": 5}\n", "JSON|text"),
    # must be stored
    "plain": lambda rng, i: (".txt", _text(_sentence(rng, i)), None),
    "hostile_text": lambda rng, i: (".txt", _text(f"{hostile_name(rng, 40)}\n\n{_sentence(rng, i)} "
                                                  f"{hostile_name(rng, 60)}"), None),
    "markdown": lambda rng, i: (".md", _text(f"# {hostile_name(rng, 10)}\n\n* {_sentence(rng, i)}\n"), None),
    "deep_html": lambda rng, i: (".html", _text("<div>" * 50_000 + _sentence(rng, i) + "</div>" * 50_000), None),
    "unclosed_html": lambda rng, i: (".html", _text("<p><b><i><table><tr><td>" * 2000 + _sentence(rng, i)), None),
    "scripted_html": lambda rng, i: (".html", _text(
        f"<html><head><title>{hostile_name(rng, 8)}</title><script>var zqscript{i} = 'Japan';</script>"
        f"<style>p {{ zqstyle{i}: 1 }}</style></head><body onload=\"zqonload{i}()\">"
        f"<p>{_sentence(rng, i)} <a href=\"javascript:zqjs{i}()\">more</a></p>"
        f"<iframe src=\"https://tracker.example/zqframe{i}\"></iframe><img src=x onerror=zqerr{i}()>"
        f"<script>document.write('zqwrite{i}')</script></body></html>"), None),
    "entities_html": lambda rng, i: (".html", _text(f"<p>{_sentence(rng, i)} &lt;script&gt;&amp;&#0;&#xD800;"
                                                    f"&#x110000;&bogus; &#9999999999;</p>"), None),
}


#: article kinds whose text must not reach the store (script, style, attribute content)
SCRIPT_MARKERS: tuple[str, ...] = ("zqscript", "zqstyle", "zqonload", "zqjs", "zqframe", "zqerr", "zqwrite")


def _jsonl_mixed(rng: random.Random, i: int) -> tuple[str, bytes, list[str | None]]:
    """A JSON Lines file mixing good and broken records: bytes, and each line's expected outcome."""
    lines: list[bytes] = []
    outcomes: list[str | None] = []
    for n in range(rng.randrange(2, 7)):
        kind = rng.choice(("good", "good", "good", "broken", "no_text", "bad_date", "not_object", "long", "bad_utf8",
                           "deep", "huge_int", "surrogate"))
        rec = {"text": _sentence(rng, i * 10 + n), "url": f"https://wire.example/{i}/{n}"}
        if kind == "good":
            lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode())
            outcomes.append(None)
        elif kind == "broken":
            lines.append(json.dumps(rec).encode()[: rng.randrange(1, 20)])
            outcomes.append("JSON")
        elif kind == "no_text":
            lines.append(json.dumps({"url": rec["url"], "text": rng.choice((None, 5, "", " "))}).encode())
            outcomes.append("text")
        elif kind == "bad_date":
            lines.append(json.dumps({**rec, "date": "2025-13-45"}).encode())
            outcomes.append("date")
        elif kind == "not_object":
            lines.append(rng.choice((b"[1, 2]", b"42", b'"text"', b"null")))
            outcomes.append("JSON object|text")
        elif kind == "long":
            lines.append(b'{"text": "' + b"x" * 6_000_000 + b'"}')
            outcomes.append("too large")
        elif kind == "deep":
            lines.append(b"[" * 100_000 + b"]" * 100_000)
            outcomes.append("JSON")
        elif kind == "huge_int":
            lines.append(json.dumps({**rec, "n": 7}).encode().replace(b'"n": 7', b'"n": ' + b"7" * 5000))
            outcomes.append("JSON")
        elif kind == "surrogate":
            lines.append(json.dumps(rec).encode().replace(b"signed", b"sig\\udc80ned"))
            outcomes.append("surrogate")
        else:
            lines.append(json.dumps(rec).encode().replace(b"signed", b"sign\xffed"))
            outcomes.append("UTF-8")
    return ".jsonl", b"\n".join(lines) + b"\n", outcomes


def items(kinds: dict[str, Generator], n: int, seed: int = 0, heavy_every: int = 200) -> Iterator[Item]:
    """Yield ``n`` inputs cycling through ``kinds``; the costly (10 MB) kinds only every ``heavy_every``."""
    rng = random.Random(seed)
    names = list(kinds)
    heavy = sorted({"long_line", "deep_nesting"} & set(names))
    light = [k for k in names if k not in heavy]
    for i in range(n):
        if i < len(names):
            kind = names[i]
        else:
            kind = rng.choice(heavy) if heavy and i % heavy_every == 0 else rng.choice(light)
        suffix, data, reason = kinds[kind](rng, i)
        yield Item(kind, f"{i:05d}-{kind}{suffix}", data, reason)


def jsonl_items(n: int, seed: int = 0) -> Iterator[tuple[str, bytes, list[str | None]]]:
    """Yield ``n`` JSON Lines files mixing good and bad records: name, bytes, per-line outcomes."""
    rng = random.Random(seed)
    for i in range(n):
        suffix, data, outcomes = _jsonl_mixed(rng, i)
        yield f"{i:05d}-jsonl-mixed{suffix}", data, outcomes


def write_items(folder: Path, generated: Iterator[Item]) -> list[Item]:
    """Write each item under ``folder`` and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for item in generated:
        (folder / item.name).write_bytes(item.data)
        out.append(item)
    return out


def reason_matches(item: Item, reason: str) -> bool:
    """Tell whether a failure reason is the one ``item`` expects."""
    return item.reason is not None and re.search(item.reason, reason, re.IGNORECASE) is not None


# -- large well-formed corpora, for interrupted runs

_COUNTRIES = ("Malaysia", "Indonesia", "Thailand", "South Korea", "Türkiye", "Japan", "Singapore", "Vietnam")


def facts_corpus(folder: Path, n: int, seed: int = 0, size: int = 12) -> list[Path]:
    """Write ``n`` valid facts files of ``size`` entities and relations each; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        firms = [f"Firm {rng.randrange(200)} {hostile_name(rng, 4)}" for _ in range(size)]
        firms = list(dict.fromkeys(firms))
        doc = {
            "url": f"https://news.example/{seed}/{i}",
            "date": f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            "title": hostile_name(rng, 20),
            "entities": [{"name": f, "type": "Company", "aliases": [hostile_name(rng, 5)]} for f in firms]
            + [{"name": c, "type": "Country"} for c in _COUNTRIES],
            "relations": [{"subject": f, "predicate": rng.choice(("supplies", "partner_of", "located_in")),
                           "object": rng.choice(_COUNTRIES),
                           "qualifiers": {"quantity": rng.randrange(1, 99), "note": hostile_name(rng, 10)},
                           "evidence": {"text": f"{f} and {hostile_name(rng, 30)}.", "start": j * 10,
                                        "end": j * 10 + 9}, "confidence": rng.randrange(1, 100) / 100}
                          for j, f in enumerate(firms)],
        }
        path = folder / f"{i:05d}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def article_corpus(folder: Path, n: int, seed: int = 0, sentences: int = 4) -> list[Path]:
    """Write ``n`` plain-text articles of a few invented sentences each; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = " ".join(_sentence(rng, i * 100 + k) for k in range(sentences))
        path = folder / f"{i:05d}.txt"
        path.write_text(f"Deal number {i}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def ring_facts(path: Path, n: int) -> Path:
    """Write one valid facts file whose ``n`` companies are partners in a single ring; return its path.

    Every company reaches every other along the ring, so a query with an unbounded
    property path and both ends open (``?a (!<x:none>)* ?b``) has over n² answers: with
    n = 2,000, about a minute of work for Oxigraph.
    """
    firms = [f"Ring Firm {i}" for i in range(n)]
    doc = {
        "url": f"https://news.example/ring/{n}",
        "entities": [{"name": f, "type": "Company"} for f in firms],
        "relations": [{"subject": f, "predicate": "partner_of", "object": firms[(i + 1) % n]}
                      for i, f in enumerate(firms)],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the dikg command line in this process: exit code, standard output, standard error."""
    from graph.cli import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
