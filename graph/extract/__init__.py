"""The offline extractor: article text to facts by rules, gazetteers and patterns.

No network and no model: every fact comes from a pattern or a list entry that can be
read, and carries the sentence behind it with its character offsets.

>>> from graph.articles import Article
>>> facts = extract(Article("Seoul said it would sell FA-50 jets to Malaysia.", "x.txt", date="2025-01-02"))
>>> sorted(e.name for e in facts.entities)
['FA-50', 'Malaysia', 'South Korea']
"""

from __future__ import annotations

from .assemble import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract
from .gazetteer import Gazetteers, load_gazetteers

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Gazetteers", "extract", "load_gazetteers"]
