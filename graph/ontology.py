"""Where the ontology files live, and loading them.

In a source checkout they are the top-level ``ontology/`` folder; in an installed
wheel they are packaged as ``graph/_ontology``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

__all__ = ["ONTOLOGY_FILE", "SHAPES_FILE", "ontology_dir", "ontology_graph", "shapes_graph"]

ONTOLOGY_FILE = "dikg.ttl"
SHAPES_FILE = "shapes.ttl"


def ontology_dir() -> Path:
    """Return the folder holding ``dikg.ttl``, ``shapes.ttl``, ``queries/`` and ``checks/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "ontology", here / "_ontology"):
        if (candidate / "queries").is_dir():
            return candidate
    raise FileNotFoundError("the dikg ontology files are missing from this installation")


@cache
def ontology_graph() -> Graph:
    """Return the ontology as an rdflib graph (parsed once)."""
    return Graph().parse(ontology_dir() / ONTOLOGY_FILE, format="turtle")


@cache
def shapes_graph() -> Graph:
    """Return the SHACL shapes as an rdflib graph (parsed once)."""
    return Graph().parse(ontology_dir() / SHAPES_FILE, format="turtle")
