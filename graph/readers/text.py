"""Plain-text articles: optional header lines, a raw dateline, a closing agency credit.

Three shapes are read::

    url: https://example.org/news/1        header lines (url, date, title, source),
    date: 22 September 2025                then a blank line, then the body
    <blank>
    KUALA LUMPUR: Malaysia will ...

    ---                                    the same keys as Markdown front matter
    date: 2025-09-22
    ---

     date 2025-09-22 KUALA LUMPUR: ...     a raw dateline: the date is lifted out,
                                           the body starts at "KUALA LUMPUR:"

The body is kept intact, with its dateline ("KUALA LUMPUR:") and closing agency credit
("– Bernama"), because the extractor reads them; when no ``source`` is given, the
credit supplies it.

>>> a = article_from_text(" date 2025-09-22 KUALA LUMPUR: Talks went well. – Bernama", "x.txt")
>>> (a.date, a.source, a.text)
('2025-09-22', 'Bernama', 'KUALA LUMPUR: Talks went well. – Bernama')
"""

from __future__ import annotations

import re

from ..articles import Article
from ..errors import ArticleError
from .dates import normalise_date

__all__ = ["HEADER_KEYS", "agency_credit", "article_from_text", "complete_article"]

#: header key (as written, case-insensitive) -> Article field
HEADER_KEYS: dict[str, str] = {
    "url": "url",
    "link": "url",
    "date": "date",
    "published": "date",
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
}

_HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_DATELINE = re.compile(r"^\s*date:?\s+(?P<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})\s+(?=\S)", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^---[ \t]*\n(?P<head>.*?)\n---[ \t]*(?:\n|$)", re.DOTALL)
#: "... last sentence. – Bernama" or a credit on a line of its own
_CREDIT = re.compile(r"(?:^|[.!?\"”’)\]]\s*)[–—-]{1,2}\s*(?P<name>[A-Z][\w&.'/]*(?:\s+[A-Z][\w&.'/]*){0,3})\s*$")


def agency_credit(text: str) -> str | None:
    """Return the agency named in a closing credit ("... said. – Bernama"), if any.

    >>> agency_credit("The ships arrive in May. – PTI")
    'PTI'
    >>> agency_credit("It was a good year for Malaysia") is None
    True
    """
    last = text.rstrip().rpartition("\n")[2]
    m = _CREDIT.search(last)
    return m.group("name") if m else None


def _unquoted(value: str) -> str:
    """Drop the quotes a YAML front matter value may carry: ``"A: B"`` -> ``A: B``."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Return the header fields and the number of lines they take (0 when there is none).

    The header is the first lines while they are known keys; when the whole first
    paragraph is ``key: value`` lines and some key is known, it is all header, and the
    keys dikg does not read (``author:``, ``tags:``) are passed over.

    >>> _header(["title: Deal", "author: A. Writer", "date: 2025-03-14", "", "Body."])
    ({'title': 'Deal', 'date': '2025-03-14'}, 3)
    >>> _header(["Note: markets closed.", "", "Body."])
    ({}, 0)
    """
    block = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    matches = [_HEADER_LINE.match(line) for line in lines[:block]]
    whole = all(matches) and any(m.group("key").lower() in HEADER_KEYS for m in matches if m)
    fields: dict[str, str] = {}
    n = 0
    for m in matches:
        if m is None:
            break
        key = m.group("key").lower()
        if key in HEADER_KEYS:
            fields[HEADER_KEYS[key]] = m.group("value")
        elif not whole:
            break
        n += 1
    return fields, n


def _front_matter(head: str) -> dict[str, str]:
    """Read the known keys of Markdown front matter; other keys, lists and comments are passed over."""
    fields: dict[str, str] = {}
    for line in head.split("\n"):
        m = _HEADER_LINE.match(line)
        if m is not None and m.group("key").lower() in HEADER_KEYS:
            fields[HEADER_KEYS[m.group("key").lower()]] = _unquoted(m.group("value"))
    return fields


def complete_article(text: str, key: str, meta: dict[str, str | None]) -> Article:
    """Make an Article of a body and its metadata: date normalised, source from the credit.

    Raises :class:`ArticleError` when the body is blank or a given date cannot be read.
    """
    body = text.strip("\n").rstrip()
    if not body.strip():
        raise ArticleError("no article text")
    fields = {k: (v.strip() or None) if isinstance(v, str) else None for k, v in meta.items()}
    if fields.get("date"):
        iso = normalise_date(fields["date"] or "")
        if iso is None:
            raise ArticleError(f"date {fields['date']!r} is not a date I can read; write it as YYYY-MM-DD")
        fields["date"] = iso
    if not fields.get("source"):
        fields["source"] = agency_credit(body)
    return Article(text=body, key=key, url=fields.get("url"), date=fields.get("date"),
                   title=fields.get("title"), source=fields.get("source"))


def article_from_text(text: str, key: str) -> Article:
    """Read a plain-text or Markdown article: header or front matter, dateline, body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str | None] = {}
    front = _FRONT_MATTER.match(text)
    if front is not None and any(map(_HEADER_LINE.match, front.group("head").split("\n"))):
        meta.update(_front_matter(front.group("head")))
        text = text[front.end():]
    else:
        lines = text.split("\n")
        fields, n = _header(lines)
        if n:
            meta.update(fields)
            text = "\n".join(lines[n:])
    dateline = _DATELINE.match(text)
    if dateline is not None:
        meta.setdefault("date", dateline.group("date"))
        text = text[dateline.end():]
    return complete_article(text, key, meta)
