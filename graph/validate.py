"""Validation of the store: SHACL shapes (pySHACL) and the invariant checks of ``ontology/checks``.

Exit codes of the command follow pySHACL: 0 conforms, 1 does not, 2 error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

from .ontology import ontology_dir, shapes_graph
from .store import Store

__all__ = ["ValidationReport", "Violation", "data_checks", "run_checks", "validate_graph", "validate_store"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result or failed invariant."""

    severity: str
    focus: str
    path: str
    message: str


@dataclass
class ValidationReport:
    """Whether the data conforms, and every violation (warnings included)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against the dikg shapes."""
    from pyshacl import validate  # heavy: imported where used

    # The shapes name every class they target, so the ontology need not be merged into
    # the data graph (which cost ~8 s per article).
    conforms, results, _ = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True,
                                    allow_warnings=True)
    SH = "http://www.w3.org/ns/shacl#"
    out: list[Violation] = []
    for r in results.subjects(predicate=None, object=None):
        sev = results.value(r, _u(SH + "resultSeverity"))
        if sev is None:
            continue
        out.append(Violation(
            severity=str(sev).rsplit("#", 1)[-1],
            focus=str(results.value(r, _u(SH + "focusNode"))),
            path=_path_text(results, results.value(r, _u(SH + "resultPath"))),
            message=str(results.value(r, _u(SH + "resultMessage")) or ""),
        ))
    out = sorted(set(out), key=lambda v: (v.severity, v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), out)


def _path_text(results: Graph, node: object) -> str:
    """A result path as SPARQL writes it: an IRI, or ``^iri`` for an inverse path (a blank node in the report)."""
    from rdflib import BNode

    if node is None:
        return ""
    if isinstance(node, BNode):
        inverse = results.value(node, _u("http://www.w3.org/ns/shacl#inversePath"))
        if inverse is not None:
            return "^" + _path_text(results, inverse)
        return "(a complex path)"  # sequences and alternatives: dikg's shapes use none
    return str(node)


def _u(s: str):  # type: ignore[no-untyped-def]
    from rdflib import URIRef

    return URIRef(s)


def _store_graph(store: Store) -> Graph:
    g = Graph()
    for s, p, o, _ in store.quads():
        g.add((s, p, o))
    return g


def data_checks() -> list[tuple[str, str]]:
    """Return (name, sparql) of the invariant checks that target instance data."""
    out = []
    folder = ontology_dir() / "checks"
    for f in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = f.read_text(encoding="utf-8")
        if "# target: data" in text:
            out.append((f.stem, text))
    return out


def run_checks(store: Store) -> list[Violation]:
    """Run the data invariants of ``ontology/checks`` on the store; each row is a violation."""
    out = []
    for name, sparql in data_checks():
        for row in store.query(sparql).rows:
            focus = " ".join(str(v) for v in row.values())
            out.append(Violation("Violation", focus, "", f"invariant {name} failed"))
    return out


def validate_store(store: Store) -> ValidationReport:
    """Validate the whole store: SHACL shapes, then the data invariants."""
    report = validate_graph(_store_graph(store))
    extra = run_checks(store)
    report.violations.extend(extra)
    report.conforms = report.conforms and not extra
    return report

