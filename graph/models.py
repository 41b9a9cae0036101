"""Fact models: the interchange format (extraction schema v1) as pydantic classes.

One :class:`ArticleFacts` per article: metadata, entities and relations. The models
read and write the JSON files exactly (``extra="forbid"``: an unknown key is an error,
not silently dropped), and carry provenance in the model itself: every relation may
hold its evidence sentence with character offsets, a confidence and the extractor
that produced it.

>>> facts = ArticleFacts.model_validate({"entities": [
...     {"name": "Malaysia", "type": "Country"}], "relations": []})
>>> facts.entities[0].aliases
[]
"""

from __future__ import annotations

import datetime
import json
import math
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import FactsFileError

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "SYMMETRIC_PREDICATES",
    "ArticleFacts",
    "Entity",
    "Evidence",
    "Relation",
    "facts_to_json",
    "parse_facts",
    "read_facts",
    "valid_date",
    "write_facts",
]

ENTITY_TYPES: tuple[str, ...] = (
    "Country",
    "GovernmentAgency",
    "ArmedForce",
    "Company",
    "Organisation",
    "Person",
    "Event",
    "Agreement",
    "Platform",
)

EntityType = Literal[
    "Country",
    "GovernmentAgency",
    "ArmedForce",
    "Company",
    "Organisation",
    "Person",
    "Event",
    "Agreement",
    "Platform",
]

#: The predicates of the schema's relation table, plus ``related_to`` for a tie the
#: annotator could not type more precisely.
PREDICATES: tuple[str, ...] = (
    "partner_of",
    "has_agreement_with",
    "party_to",
    "signed",
    "witnessed",
    "handed_over",
    "signed_at",
    "has_status",
    "has_value",
    "covers",
    "funded_by",
    "precedes",
    "supplies",
    "buys",
    "requires",
    "interested_in",
    "operates",
    "manufactures",
    "develops",
    "contributes_to",
    "derived_from",
    "replaces",
    "selected_over",
    "equipped_with",
    "inspected",
    "speaker_at",
    "chairs",
    "participant_of",
    "organised_by",
    "held_in",
    "has_participant_count",
    "has_count",
    "met_with",
    "visited",
    "holds_role",
    "part_of",
    "located_in",
    "owned_by",
    "member_of",
    "co_chairs",
    "has_cooperation_area",
    "has_capability_domain",
    "related_to",
)

SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"partner_of", "met_with", "has_agreement_with"})

_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$")

_UNCARRIED = re.compile("[\x00\ufffe\uffff]")

JsonScalar = str | int | float | bool | None
JsonValue = JsonScalar | list[Any] | dict[str, Any]


def valid_date(v: str) -> bool:
    """Tell whether ``v`` has a date's shape and, to the day, is a day of the calendar."""
    if not _DATE_RE.match(v):
        return False
    if len(v) == 10:
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return False
    return True


def _check_finite(value: Any) -> None:
    """Raise if a JSON value holds NaN or an infinity anywhere (RDF has no such numbers)."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError(f"{v} is not a finite number (JSON and RDF hold none)")
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Evidence(_Strict):
    """The words behind a fact: a sentence and its character offsets in the article."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self


class Entity(_Strict):
    """One real-world thing named in an article, with every surface form seen."""

    name: str = Field(min_length=1)
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    attributes: dict[str, JsonValue] = Field(default_factory=dict)
    evidence: list[Evidence] | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("entity name is blank")
        return v

    @field_validator("attributes")
    @classmethod
    def _attribute_values(cls, a: dict[str, JsonValue]) -> dict[str, JsonValue]:
        _check_finite(a)
        return a


class Relation(_Strict):
    """One fact: subject, predicate, object and its qualifiers, with provenance."""

    subject: str = Field(min_length=1)
    predicate: str
    object: str | int | float
    qualifiers: dict[str, JsonValue] = Field(default_factory=dict)
    evidence: Evidence | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    extractor: str | None = None
    extractor_version: str | None = None

    @field_validator("predicate")
    @classmethod
    def _known_predicate(cls, v: str) -> str:
        if v not in PREDICATES:
            raise ValueError(f"unknown predicate {v!r}; see the schema's relation table")
        return v

    @field_validator("object", mode="before")
    @classmethod
    def _object_not_bool(cls, v: Any) -> Any:
        # before, not after, validation: lax mode would have turned True into 1 already
        if isinstance(v, bool):
            raise ValueError("object must be an entity name, a text or a number, not a boolean")
        _check_finite(v)
        return v

    @field_validator("qualifiers")
    @classmethod
    def _qualifier_values(cls, q: dict[str, JsonValue]) -> dict[str, JsonValue]:
        _check_finite(q)
        for key, value in q.items():
            if "date" in key and isinstance(value, str) and not valid_date(value):
                raise ValueError(f"qualifier {key!r}: {value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn)")
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if key in ("quantity", "ordinal", "batch") and number and value < 0:  # type: ignore[operator]
                raise ValueError(f"qualifier {key!r}: {value} is negative")
        return q


class ArticleFacts(_Strict):
    """Everything extracted from one article: metadata, entities, relations."""

    url: str | None = None
    date: str | None = None
    source: str | None = None
    title: str | None = None
    notes: str | None = None
    content_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    extractor: str | None = None
    extractor_version: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _carried_text(cls, data: Any) -> Any:
        # U+0000 ends a string in C tools (raptor keeps only what precedes it) and XML
        # holds neither it nor U+FFFE/U+FFFF: refuse them rather than lose text later.
        stack = [data]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                m = _UNCARRIED.search(v)
                if m is not None:
                    raise ValueError(f"{v[:40]!r} holds U+{ord(m.group()):04X}, which RDF and XML tools cannot "
                                     "carry; remove it")
            elif isinstance(v, dict):
                stack.extend(v.keys())
                stack.extend(v.values())
            elif isinstance(v, (list, tuple)):
                stack.extend(v)
        return data

    @field_validator("date")
    @classmethod
    def _date_shape(cls, v: str | None) -> str | None:
        if v is not None and not valid_date(v):
            raise ValueError(f"{v!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> ArticleFacts:
        names: set[str] = set()
        for i, e in enumerate(self.entities):
            if e.name in names:
                raise ValueError(f"entities[{i}]: duplicate entity name {e.name!r}")
            names.add(e.name)
        for i, r in enumerate(self.relations):
            if r.subject not in names:
                raise ValueError(f"relations[{i}]: subject {r.subject!r} is not an entity of this article")
        return self

    def entity(self, name: str) -> Entity | None:
        """Return the entity called ``name`` in this article, if any."""
        for e in self.entities:
            if e.name == name:
                return e
        return None


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def parse_facts(data: Any, source: str = "<facts>") -> ArticleFacts:
    """Validate a decoded JSON document; raise :class:`FactsFileError` naming ``source``."""
    if not isinstance(data, dict):
        raise FactsFileError(f"{source}: expected a JSON object with article, entities and relations, "
                             f"not {_json_kind(data)}")
    try:
        return ArticleFacts.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = _loc(tuple(first["loc"]))
        msg = first["msg"].removeprefix("Value error, ")
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise FactsFileError(f"{source}: {where}: {msg}{more}") from None


def read_facts(path: str | Path) -> ArticleFacts:
    """Read and validate one facts JSON file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise FactsFileError(f"{p}: cannot read: {err.strerror}") from None
    try:
        # utf-8-sig: a byte-order mark, as some Windows editors write, is read past
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError as err:
        raise FactsFileError(f"{p}: not UTF-8 text (byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise FactsFileError(f"{p}: invalid JSON at line {err.lineno} column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise FactsFileError(f"{p}: invalid JSON: nested too deeply") from None
    except ValueError as err:  # an integer of more digits than Python converts, NaN, Infinity
        raise FactsFileError(f"{p}: invalid JSON: {err}") from None
    return parse_facts(data, str(p))


def _json_kind(data: Any) -> str:
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        return "a string"
    if isinstance(data, bool):
        return str(data).lower()
    if data is None:
        return "null"
    return "a number"


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def facts_to_json(facts: ArticleFacts) -> str:
    """Serialise facts as the interchange JSON (unset optional fields left out)."""
    data = facts.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_facts(facts: ArticleFacts, path: str | Path) -> None:
    """Write facts to ``path`` atomically (temporary file, then rename)."""
    from .atomic import atomic_write_text

    atomic_write_text(Path(path), facts_to_json(facts))
