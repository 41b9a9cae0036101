"""An article as the extractor sees it: its text and what is known about it.

Readers (:mod:`graph.readers`) make these from files; the extractor
(:mod:`graph.extract`) turns one into :class:`~graph.models.ArticleFacts`. Character
offsets of evidence always refer to :attr:`Article.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Article"]


@dataclass(frozen=True)
class Article:
    """One article: body text plus optional metadata from its header or container."""

    text: str
    #: what identifies the article when it has no URL: the input path (and line for JSON Lines)
    key: str
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    title: str | None = None
    source: str | None = None  # publisher or agency, e.g. "Bernama"
