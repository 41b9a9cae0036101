"""Status words and their classes: prospective, concluded, historical.

The text's own word is kept ("being accelerated"); its class is derived by stems so
that queries can ask for every concluded agreement whatever verb the article used.

>>> status_class("being accelerated")
'prospective'
>>> status_class("inked")
'concluded'
"""

from __future__ import annotations

from typing import Literal

__all__ = ["STATUS_STEMS", "StatusClass", "status_class"]

StatusClass = Literal["prospective", "concluded", "historical"]

#: class -> stems that mark it; checked in this order (prospective words such as
#: "to be signed" must win over the "sign" of concluded).
STATUS_STEMS: dict[StatusClass, tuple[str, ...]] = {
    "prospective": (
        "plan", "expect", "schedul", "propos", "negotiat", "finalis", "finaliz", "to be",
        "will", "pending", "accelerat", "bid", "compet", "consider", "explor", "intend",
        "upcoming", "prospective", "under discussion", "under review", "draft", "elevat",
        "await", "seek", "potential", "option", "tender", "shortlist", "evaluat",
    ),
    "historical": (
        "export", "retire", "ground", "decommission", "delivered in", "historical",
        "withdrawn", "cancel", "terminat", "expired", "lapsed",
    ),
    "concluded": (
        "sign", "handed", "approv", "agreed", "contract", "decid", "accept", "ongoing",
        "formalis", "formaliz", "award", "conclud", "in force", "inked", "extended",
        "ratif", "order", "deliver", "commission", "complet", "establish", "launch",
        "in service", "operational", "select", "notified", "sealed",
    ),
}


def status_class(word: str) -> StatusClass | None:
    """Return the class of a status word, or None when no stem matches."""
    w = " ".join(word.casefold().replace("-", " ").split())
    for cls in ("prospective", "historical", "concluded"):
        if any(stem in w for stem in STATUS_STEMS[cls]):  # type: ignore[index]
            return cls  # type: ignore[return-value]
    return None
