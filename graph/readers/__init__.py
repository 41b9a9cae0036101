"""Readers: files in, :class:`~graph.articles.Article` objects (or failures) out.

Formats are chosen by file suffix from :data:`READERS`: plain text and Markdown
(:mod:`.text`), HTML (:mod:`.html`), JSON Lines (:mod:`.jsonl`). Directories are read
recursively (hidden files skipped, sorted). Every input that cannot become an article
is one :class:`~graph.load.Failure` with one clear reason — missing, unreadable, empty,
binary, not UTF-8, too large, or malformed — and the other inputs are still read.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("date: 22 September 2025\\n\\nKUALA LUMPUR: Talks.")
>>> _ = (d / "b.txt").write_bytes(b"\\x00\\x01")
>>> for item in read_articles([d]):
...     print(type(item).__name__, pathlib.Path(item.key).name if isinstance(item, Article) else item.reason)
Article a.txt
Failure binary file (NUL byte at offset 0), not text
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..articles import Article
from ..errors import ArticleError
from ..load import Failure, expand_paths
from .html import article_from_html
from .jsonl import articles_from_jsonl
from .text import article_from_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "JSONL_SUFFIXES",
    "READERS",
    "Article",
    "Failure",
    "count_articles",
    "decode_html",
    "decode_text",
    "input_files",
    "read_articles",
    "read_file",
]

#: suffixes of files that hold many articles, one per line
JSONL_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
#: the largest input (a file, or one JSON Lines record) read by default
DEFAULT_MAX_BYTES = 5_000_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 text (a BOM allowed); raise :class:`ArticleError` for anything else.

    >>> decode_text(b"\\xef\\xbb\\xbfKUALA LUMPUR")
    'KUALA LUMPUR'
    >>> decode_text(b"caf\\xe9")
    Traceback (most recent call last):
    ...
    graph.errors.ArticleError: not UTF-8 (byte 0xe9 at offset 3); save the file as UTF-8
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise ArticleError(f"not UTF-8 but {name} (byte order mark); save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"binary file (NUL byte at offset {nul}), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
                           "save the file as UTF-8") from None
    if not text:
        raise ArticleError("empty file")
    if not text.strip():
        raise ArticleError("no text (only whitespace)")
    return text


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                fh.seek(0, 2)
                raise ArticleError(_too_large(fh.tell(), max_bytes))
    except FileNotFoundError:
        raise ArticleError("no such file") from None
    except OSError as err:
        raise ArticleError(f"cannot read: {err.strerror or err}") from None
    return data


#: <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """Decode an HTML page: UTF-8, else the charset its ``<meta>`` declares (a saved page of an older site).

    >>> decode_html(b'<meta charset="windows-1252"><p>Lima: Per\\xfa</p>')
    '<meta charset="windows-1252"><p>Lima: Perú</p>'
    """
    try:
        return decode_text(data)
    except ArticleError as err:
        m = _META_CHARSET.search(data[:4096])
        if m is None or not str(err).startswith("not UTF-8 ("):
            raise
        name = m.group(1).decode("ascii")
        try:
            text = data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            raise ArticleError(f"{err}; its declared charset {name!r} does not decode it either") from None
        return text.removeprefix("\ufeff")


def _document(parse: Callable[[str, str], Article],
              decode: Callable[[bytes], str] = decode_text) -> Callable[[Path, int], Iterator[Article | Failure]]:
    """Make a reader for a format with one article per file."""

    def read(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
        try:
            yield parse(decode(_read_bytes(path, max_bytes)), str(path))
        except ArticleError as err:
            yield Failure(str(path), str(err))

    return read


def _jsonl_lines(path: Path, max_bytes: int) -> Iterator[str | Failure]:
    """Yield each decoded line, or a failure for a line too large or not UTF-8."""
    with path.open("rb") as fh:
        head = fh.read(8192)
        if b"\x00" in head:
            decode_text(head)  # raises: names the NUL byte or the UTF-16/32 byte order mark
        fh.seek(0)
        for n, raw in enumerate(fh):
            if len(raw) > max_bytes:
                yield Failure("", _too_large(len(raw), max_bytes))
                continue
            try:
                yield decode_text(raw.removeprefix(codecs.BOM_UTF8) if n == 0 else raw)
            except ArticleError as err:
                # blank lines are skipped, not failures
                yield "" if not raw.strip() else Failure("", str(err))


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    produced = False
    try:
        for item in articles_from_jsonl(_jsonl_lines(path, max_bytes), str(path)):
            produced = True
            yield item
    except FileNotFoundError:
        yield Failure(str(path), "no such file")
        return
    except (OSError, ArticleError) as err:
        yield Failure(str(path), str(err) if isinstance(err, ArticleError) else f"cannot read: {err.strerror or err}")
        return
    if not produced:
        yield Failure(str(path), "empty file (no JSON lines)")


#: file suffix -> reader of that format
READERS: dict[str, Callable[[Path, int], Iterator[Article | Failure]]] = {
    ".txt": _document(article_from_text),
    ".md": _document(article_from_text),
    ".markdown": _document(article_from_text),
    ".html": _document(article_from_html, decode_html),
    ".htm": _document(article_from_html, decode_html),
    ".xhtml": _document(article_from_html, decode_html),
    **dict.fromkeys(JSONL_SUFFIXES, _read_jsonl),
}


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Yield the articles of one file (several for JSON Lines) or the failures reading it."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        if not path.exists():
            yield Failure(str(path), "no such file or directory")
        else:
            yield Failure(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}; "
                                     f"readable: {', '.join(sorted(READERS))}")
        return
    yield from reader(path, max_bytes)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files ``paths`` name: each file itself, the readable files under each directory.

    A README in a directory documents the corpus and is not read as an article.
    """
    for path in map(Path, paths):
        if path.is_dir():
            yield from (f for f in expand_paths([path], tuple(READERS)) if f.stem.upper() != "README")
        else:
            yield path


def _nothing_readable(directory: Path) -> Failure:
    return Failure(str(directory), f"no articles in this directory (readable: {', '.join(sorted(READERS))})")


def read_articles(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Yield every article in ``paths`` (files or directories, in order), or why one is not.

    A directory with nothing readable in it is a failure, not silence: it is most often
    the wrong directory.
    """
    for given in map(Path, paths):
        empty = True
        for path in input_files([given]):
            empty = False
            yield from read_file(path, max_bytes)
        if empty and given.is_dir():
            yield _nothing_readable(given)


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """Return how many articles ``paths`` hold, when that is known without reading them (no JSON Lines).

    An empty directory counts once: it is reported as a failure.
    """
    count = 0
    for given in map(Path, paths):
        files = list(input_files([given]))
        if any(f.suffix.lower() in JSONL_SUFFIXES for f in files):
            return None
        count += len(files) or given.is_dir()
    return count
