"""JSON Lines: one article per line, ``{"text": ..., "url": ..., "date": ..., "title": ..., "source": ...}``.

Only ``text`` is required; other keys are ignored. A broken line is one failure named
``file:line``; the other lines are read. Blank lines are skipped.

>>> [a.key for a in articles_from_jsonl(['{"text": "One."}', "", '{"text": "Two."}'], "a.jsonl")]
['a.jsonl:1', 'a.jsonl:3']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from ..articles import Article
from ..errors import ArticleError
from ..load import Failure
from .text import complete_article

__all__ = ["JSONL_FIELDS", "articles_from_jsonl"]

#: the optional metadata keys of a line
JSONL_FIELDS: tuple[str, ...] = ("url", "date", "title", "source")

_SURROGATE = re.compile("[\ud800-\udfff]")


def article_from_json(line: str, key: str) -> Article:
    """Read one JSON Lines record; raise :class:`ArticleError` saying what is wrong with it."""
    try:
        # without its line ending: a string left open reads as unterminated, not as a raw newline in it
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as err:
        # json's messages end in " at" before the position it prints after them
        raise ArticleError(f"invalid JSON at column {err.colno}: {err.msg.removesuffix(' at')}") from None
    except RecursionError:
        raise ArticleError("invalid JSON: nested too deeply") from None
    except ValueError as err:  # an integer of more digits than Python converts
        raise ArticleError(f"invalid JSON: {err}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ArticleError('expected a JSON object with a "text" string')
    meta: dict[str, str | None] = {}
    for field in JSONL_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f'"{field}" must be a string or null, not {type(value).__name__}')
        meta[field] = value
    for field, value in (("text", record["text"]), *meta.items()):
        m = _SURROGATE.search(value or "")
        if m is not None:
            # a \ud800-style escape with no partner: no UTF-8 text can hold it
            raise ArticleError(f'"{field}" holds a lone surrogate {m.group()!r} at offset {m.start()}')
    return complete_article(record["text"], key, meta)


def articles_from_jsonl(lines: Iterable[str | Failure], path: str) -> Iterator[Article | Failure]:
    """Yield the article of each non-blank line, or a failure for a line that is not one.

    ``lines`` may hold failures already (a line that did not decode); they pass through.
    """
    for n, line in enumerate(lines, start=1):
        key = f"{path}:{n}"
        if isinstance(line, Failure):
            yield Failure(key, line.reason)
            continue
        if not line.strip():
            continue
        try:
            yield article_from_json(line, key)
        except ArticleError as err:
            yield Failure(key, str(err))
