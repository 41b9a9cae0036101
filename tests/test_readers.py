"""Reading articles: each format, its metadata, and one clear failure per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.articles import Article
from graph.load import Failure
from graph.readers import count_articles, read_articles
from graph.readers.dates import normalise_date

BODY = ("KUALA LUMPUR: Malaysia and Turkiye signed a contract for three patrol ships on Monday.\n\n"
        "The ships will be built in Lumut, the ministry said. – Bernama")


def read_one(path: Path, **kwargs: int) -> Article | Failure:
    items = list(read_articles([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


def article(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


def failure(path: Path, **kwargs: int) -> str:
    item = read_one(path, **kwargs)
    assert isinstance(item, Failure), item
    assert item.source == str(path)
    return item.reason


# -- plain text

def test_header_lines_become_metadata_and_the_body_is_the_rest(tmp_path: Path) -> None:
    f = tmp_path / "deal.txt"
    f.write_text(f"url: https://example.org/a\ndate: 22 September 2025\ntitle: Ships ordered\nsource: Wire\n\n{BODY}\n",
                 encoding="utf-8")
    a = article(f)
    assert (a.url, a.date, a.title, a.source) == ("https://example.org/a", "2025-09-22", "Ships ordered", "Wire")
    assert a.text == BODY
    assert a.key == str(f)


def test_a_raw_dateline_gives_the_date_and_the_body_keeps_place_and_agency_credit(tmp_path: Path) -> None:
    f = tmp_path / "seed.txt"
    f.write_text(f" date 2025-09-22 {BODY}", encoding="utf-8")
    a = article(f)
    assert a.date == "2025-09-22"
    assert a.text == BODY
    assert a.text.startswith("KUALA LUMPUR:") and a.text.endswith("– Bernama")
    assert a.source == "Bernama"


def test_a_source_header_wins_over_the_closing_credit(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"source: theSun\n\n{BODY}", encoding="utf-8")
    assert article(f).source == "theSun"


def test_text_without_header_or_credit_is_read_whole_without_metadata(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Date palms are not defence news.\n\nNeither is this line - really.", encoding="utf-8")
    a = article(f)
    assert a.text == "Date palms are not defence news.\n\nNeither is this line - really."
    assert (a.url, a.date, a.title, a.source) == (None, None, None, None)


def test_windows_line_endings_and_a_utf8_bom_are_read_as_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfdate: 2025-09-22\r\n\r\nFirst line.\r\nSecond \xe2\x80\x93 line.\r\n")
    a = article(f)
    assert a.date == "2025-09-22"
    assert a.text == "First line.\nSecond – line."


def test_markdown_front_matter_gives_metadata(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Frigate MoU\ndate: 2025-04\n---\n\nJAKARTA: Two shipyards signed an MoU.\n",
                 encoding="utf-8")
    a = article(f)
    assert (a.title, a.date, a.text) == ("Frigate MoU", "2025-04", "JAKARTA: Two shipyards signed an MoU.")


def test_header_keys_dikg_does_not_read_are_passed_over(tmp_path: Path) -> None:
    f = tmp_path / "deal.txt"
    f.write_text(f"title: Ships ordered\nauthor: A. Writer\nDate: 22 September 2025\nsection: defence\n\n{BODY}\n",
                 encoding="utf-8")
    a = article(f)
    assert (a.title, a.date, a.text) == ("Ships ordered", "2025-09-22", BODY)


def test_a_first_paragraph_that_only_looks_like_a_header_stays_in_the_body(tmp_path: Path) -> None:
    f = tmp_path / "deal.txt"
    f.write_text(f"Note: figures are provisional.\nUpdate: corrected.\n\n{BODY}\n", encoding="utf-8")
    a = article(f)
    assert (a.title, a.date) == (None, None)
    assert a.text == f"Note: figures are provisional.\nUpdate: corrected.\n\n{BODY}"


def test_markdown_front_matter_of_a_site_generator_gives_metadata(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text('---\nlayout: post\ntitle: "Frigates: an MoU"\ntags:\n  - navy\n  - industry\n'
                 "date: '2025-04-16'\nauthor: A. Writer\n---\n\nJAKARTA: Two shipyards signed an MoU.\n",
                 encoding="utf-8")
    a = article(f)
    assert (a.title, a.date, a.text) == ("Frigates: an MoU", "2025-04-16", "JAKARTA: Two shipyards signed an MoU.")


def test_a_header_date_that_cannot_be_read_is_a_failure_naming_it(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"date: 03/04/2025\n\n{BODY}", encoding="utf-8")
    assert "'03/04/2025' is not a date" in failure(f)


@pytest.mark.parametrize(("text", "iso"), [
    ("2025-09-22", "2025-09-22"),
    ("2025-09-22T10:15:00+08:00", "2025-09-22"),
    ("2025/9/2", "2025-09-02"),
    ("22 September 2025", "2025-09-22"),
    ("1st Oct. 2025", "2025-10-01"),
    ("September 22, 2025", "2025-09-22"),
    ("Tuesday, 18 November 2025", "2025-11-18"),
    ("Sept 2025", "2025-09"),
    ("2025", "2025"),
    ("Mon, 22 Sep 2025 10:00:00 +0800", "2025-09-22"),
])
def test_dates_in_common_spellings_become_iso(text: str, iso: str) -> None:
    assert normalise_date(text) == iso


@pytest.mark.parametrize("text", ["03/04/2025", "31 February 2025", "Smarch 2025", "next week", ""])
def test_ambiguous_or_impossible_dates_are_not_guessed(text: str) -> None:
    assert normalise_date(text) is None


# -- bad inputs

def test_an_empty_file_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert failure(f) == "empty file"


def test_a_whitespace_only_file_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_text("  \n\n\t\n", encoding="utf-8")
    assert failure(f) == "no text (only whitespace)"


def test_a_header_without_a_body_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("url: https://example.org/a\ndate: 2025-01-01\n\n", encoding="utf-8")
    assert failure(f) == "no article text"


def test_a_binary_file_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert failure(f) == "binary file (NUL byte at offset 8), not text"


def test_text_that_is_not_utf8_is_a_failure_not_a_guess(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Défense nationale".encode("latin-1"))
    assert failure(f) == "not UTF-8 (byte 0xe9 at offset 1); save the file as UTF-8"


def test_utf16_text_is_named_as_such(tmp_path: Path) -> None:
    f = tmp_path / "utf16.txt"
    f.write_text("Defence news", encoding="utf-16")
    assert "not UTF-8 but UTF-16" in failure(f)


def test_a_file_larger_than_max_bytes_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 300, encoding="utf-8")
    assert failure(f, max_bytes=1000) == "too large (1,500 bytes; the limit is 1,000, see --max-bytes)"
    assert isinstance(read_one(f, max_bytes=1500), Article)


def test_a_missing_file_and_an_unknown_format_are_failures(tmp_path: Path) -> None:
    assert failure(tmp_path / "nope.txt") == "no such file"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    assert failure(pdf).startswith("unsupported file type '.pdf'; readable: ")


# -- HTML

PAGE = """<!doctype html>
<html><head>
<title>Navy takes delivery | Example News</title>
<meta property="og:url" content="https://example.org/navy-delivery">
<meta property="article:published_time" content="2025-08-28T09:00:00+03:00">
<meta property="og:site_name" content="Example News">
<style>p { color: red }</style>
<script>var tracking = "KUALA LUMPUR: not news";</script>
</head><body>
<header><a href="/">Example News</a> <nav><a>Home</a> <a>Defence</a></nav></header>
<aside>Most read: <a>Unrelated story</a></aside>
<article>
  <header><h1>Navy takes delivery of first ship</h1><p class="byline">By A. Writer</p></header>
  <p>ISTANBUL: The navy received the first of three ships
     on Thursday &amp; will sail it home in October.</p>
  <figure><img src="ship.jpg"><figcaption>The ship at sea.</figcaption></figure>
  <p>The contract was signed in 2024.<br>It is worth RM1.1&nbsp;billion.</p>
  <script>alert("no")</script>
  <div hidden>Subscribe now</div>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""


def test_html_keeps_the_article_text_and_drops_scripts_styles_and_boilerplate(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    a = article(f)
    assert a.text == ("Navy takes delivery of first ship\n\nBy A. Writer\n\n"
                      "ISTANBUL: The navy received the first of three ships on Thursday & will sail it home in October."
                      "\n\nThe contract was signed in 2024.\n\nIt is worth RM1.1 billion.")
    for dropped in ("tracking", "color", "Home", "Most read", "Copyright", "Subscribe", "alert", "The ship at sea"):
        assert dropped not in a.text


def test_html_inline_markup_joins_words_as_a_browser_shows_them(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><body><article><p>The deal with <a href='/c/dassault'>Dassault Aviation</a>'s unit covers "
                 "<em>Rafale</em>, H<sub>2</sub>O plants and a Kongs&shy;berg&#8203; radar; the <b>first</b> jet "
                 "lands in\n<i>2026</i>.</p><table><tr><th>Buyer</th><td>Indonesia</td><td>18</td></tr></table>"
                 "</article></body></html>", encoding="utf-8")
    assert article(f).text == ("The deal with Dassault Aviation's unit covers Rafale, H2O plants and a Kongsberg "
                               "radar; the first jet lands in 2026.\n\nBuyer Indonesia 18")


@pytest.mark.parametrize("declaration", ['<meta charset="windows-1252">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'])
def test_an_html_page_in_the_charset_it_declares_is_read(tmp_path: Path, declaration: str) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(f"<html><head>{declaration}<title>Per\u00fa</title></head><body><article>"
                  "<p>LIMA: Per\u00fa ordered four patrol vessels from Navantia of Espa\u00f1a.</p>"
                  "</article></body></html>".encode("latin-1"))
    a = article(f)
    assert a.title == "Per\u00fa"
    assert a.text == "LIMA: Per\u00fa ordered four patrol vessels from Navantia of Espa\u00f1a."


def test_an_html_page_that_is_not_utf8_and_declares_no_charset_is_still_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes("<html><body><p>LIMA: Per\u00fa ordered ships.</p></body></html>".encode("latin-1"))
    assert failure(f).startswith("not UTF-8 (byte 0xfa")


def test_html_metadata_gives_url_date_and_publisher(tmp_path: Path) -> None:
    f = tmp_path / "page.htm"
    f.write_text(PAGE, encoding="utf-8")
    a = article(f)
    assert (a.url, a.date, a.source, a.title) == (
        "https://example.org/navy-delivery", "2025-08-28", "Example News", "Navy takes delivery | Example News")


def test_html_without_article_element_uses_main_then_body(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<body><nav>Menu</nav><div>Side text</div><main><p>Main story.</p></main></body>", encoding="utf-8")
    assert article(f).text == "Main story."
    f.write_text("<body><nav>Menu</nav><p>Only <b>body</b> text.</p></body>", encoding="utf-8")
    assert article(f).text == "Only body text."


def test_html_with_no_text_is_a_failure(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><body><script>x()</script><nav>Menu</nav></body></html>", encoding="utf-8")
    assert failure(f) == "no article text found in the HTML"


# -- JSON Lines

def test_json_lines_give_one_article_per_line_keyed_by_line_number(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "HANOI: Four patrol vessels ordered.", "url": "https://example.org/1",
                         "date": "11 March 2025", "title": "OPVs", "source": "PTI", "lang": "en"}),
             "",
             json.dumps({"text": "MANILA: Six ships. – Reuters"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([f]))
    assert all(isinstance(i, Article) for i in items)
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.key, first.url, first.date, first.title, first.source) == (
        f"{f}:1", "https://example.org/1", "2025-03-11", "OPVs", "PTI")
    assert (second.key, second.text, second.source) == (f"{f}:3", "MANILA: Six ships. – Reuters", "Reuters")


def test_a_broken_json_line_is_one_failure_and_the_other_lines_are_read(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b'{"text": "One."}\n{"text": "Two.\n[1, 2]\n{"text": "caf\xe9"}\n{"text": "  "}\n'
                  b'{"text": "Five.", "date": 2025}\n{"text": "Six."}\n')
    items = list(read_articles([f]))
    assert [(type(i).__name__, i.key if isinstance(i, Article) else i.source) for i in items] == [
        ("Article", f"{f}:1"), ("Failure", f"{f}:2"), ("Failure", f"{f}:3"), ("Failure", f"{f}:4"),
        ("Failure", f"{f}:5"), ("Failure", f"{f}:6"), ("Article", f"{f}:7")]
    reasons = [i.reason for i in items if isinstance(i, Failure)]
    assert reasons[0].startswith("invalid JSON at column")
    assert reasons[1] == 'expected a JSON object with a "text" string'
    assert reasons[2].startswith("not UTF-8")
    assert reasons[3] == "no article text"
    assert reasons[4] == '"date" must be a string or null, not int'


def test_a_json_line_whose_string_is_left_open_says_so(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b'{"text": "One."}\n{"url": "https://example.org/x", "text": "left open\n{"text": "Two."}\r\n'
                  b'{"text": "Three."\r\n')
    reasons = [i.reason for i in read_articles([f]) if isinstance(i, Failure)]
    assert reasons == ["invalid JSON at column 42: Unterminated string starting",
                       "invalid JSON at column 18: Expecting ',' delimiter"]


def test_an_oversized_json_line_fails_alone(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "Short."}) + "\n", encoding="utf-8")
    items = list(read_articles([f], max_bytes=100))
    assert isinstance(items[0], Failure) and items[0].reason.startswith("too large")
    assert isinstance(items[1], Article) and items[1].text == "Short."


def test_an_empty_or_binary_json_lines_file_is_one_failure(tmp_path: Path) -> None:
    f = tmp_path / "empty.jsonl"
    f.write_text("\n\n", encoding="utf-8")
    assert failure(f) == "empty file (no JSON lines)"
    f = tmp_path / "blob.jsonl"
    f.write_bytes(b"\x00\x01\x02\n" * 50)
    assert failure(f).startswith("binary file")


# -- directories

def test_directories_are_read_recursively_in_order_skipping_hidden_files_readmes_and_other_formats(
        tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".cache" / "three.txt").write_text("Three.", encoding="utf-8")
    (tmp_path / "three.html").write_text("<p>Three.</p>", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this corpus", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [Path(i.key).relative_to(tmp_path).as_posix() for i in items if isinstance(i, Article)] == [
        "b/two.md", "one.txt", "three.html"]
    assert count_articles([tmp_path]) == 3


def test_the_article_count_is_unknown_when_json_lines_are_among_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert count_articles([tmp_path]) is None
