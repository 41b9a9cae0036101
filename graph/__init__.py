"""dikg: a knowledge graph of defence-industry relationships.

Text becomes facts (:mod:`graph.models`), facts become RDF in the dikg ontology
(:mod:`graph.mapping`), RDF lives in a store (:mod:`graph.store`) that named queries,
analysis and views read.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
