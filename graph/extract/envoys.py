"""Envoys named with the state that sends them: "the Ambassador of France to India, Jean Dupont,", "France's
ambassador to India, Jean Dupont,", "Jean Dupont, France's ambassador to India,", "Japanese Ambassador to the
Philippines Kazuya Endo". The post is held for the sending state, never for the state the envoy is sent to.

>>> from .mentions import Mention
>>> text = "Chile's ambassador to Peru, Ana Soto, spoke."
>>> [(e.name, e.post, e.state) for e in find_envoys(text, [Mention(0, 5, "Chile", "Chile", "Country"),
...                                                          Mention(22, 26, "Peru", "Peru", "Country")])]
[('Ana Soto', 'Ambassador to Peru', 'Chile')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .document import Document
from .mentions import Mention
from .persons import NAME_LO, NAME_UP

__all__ = ["envoy_names", "envoy_posts", "find_envoys"]

_TRIGGERS = ("mbassador", "nvoy", "ommissioner", "ttach")
_POST_RE = re.compile(r"\b(?:(?P<dep>[Dd]eputy\s+)?(?P<head>[Aa]mbassador|[Ee]nvoy|[Hh]igh\s+[Cc]ommissioner|"
                      r"[Dd]efen[cs]e\s+[Aa]ttach[ée]|[Mm]ilitary\s+[Aa]ttach[ée]))\b")
_POSSESSOR = re.compile(r"(?:['’]s?)?\s+$")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_TO = re.compile(r"\s+to\s+(?:the\s+)?")
_WORD = rf"[{NAME_UP}][{NAME_LO}'’]+(?:-[{NAME_UP}]?[{NAME_LO}]+)*"
_NAME = rf"{_WORD}(?:\s+(?:(?:bin|al|van|von|de|da|du|le|la)\s+)?{_WORD}){{1,3}}"
_NAME_AFTER = re.compile(rf"\s*,?\s+(?P<name>{_NAME})(?=\s*[,.;:)]|\s+[a-z]|['’]s\b|\s*$)")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME}),\s+(?:the\s+)?$")
_NOT_NAME_WORDS = frozenset("The This That Monday Tuesday Wednesday Thursday Friday Saturday Sunday Ministry Embassy "
                            "Navy Army Force Forces Defence Defense Group Industries Company Council Agency".split())


class Envoy(NamedTuple):
    """A named envoy: the span of the name, the post ("Ambassador to India") and the sending state."""

    start: int
    end: int
    name: str
    post: str
    state: str


def _post_title(head: str, dep: str | None) -> str:
    words = " ".join(((dep or "") + head).split()).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


def find_envoys(text: str, mentions: Sequence[Mention]) -> list[Envoy]:
    """Return the envoys ``text`` names with their sending state; ``mentions`` holds the states (and the bodies an
    envoy may be sent to) found in it."""
    if not any(t in text for t in _TRIGGERS):
        return []
    states = {m.end: m for m in mentions if m.type == "Country" and m.form != "capital"}
    states_at = {m.start: m for m in mentions if m.type == "Country" and m.form != "capital"}
    hosts = {m.start: m for m in mentions if m.type in ("Country", "Organisation")}
    out = []
    for p in _POST_RE.finditer(text):
        lead = _POSSESSOR.search(text, max(0, p.start() - 4), p.start())
        state = states.get(lead.start()) if lead is not None else None
        at = p.end()
        of = _OF.match(text, at)
        if state is None and of is not None and of.end() in states_at:
            state = states_at[of.end()]
            at = state.end
        if state is None:
            continue
        to = _TO.match(text, at)
        host = hosts.get(to.end()) if to is not None else None
        if host is not None:
            at = host.end
        if host is not None and host.name == state.name:
            continue
        post = _post_title(p.group("head"), p.group("dep")) + (
            f" to {'the ' if to is not None and to.group().endswith('the ') else ''}{host.name}" if host is not None
            else "")
        after = _NAME_AFTER.match(text, at)
        if after is not None and not set(after.group("name").split()) & _NOT_NAME_WORDS:
            out.append(Envoy(after.start("name"), after.end("name"), after.group("name"), post, state.name))
            continue
        start = state.start if of is None or state.start < p.start() else p.start()
        before = _NAME_BEFORE.search(text, max(0, start - 60), start)
        if before is not None and not set(before.group("name").split()) & _NOT_NAME_WORDS:
            out.append(Envoy(before.start("name"), before.end("name"), before.group("name"), post, state.name))
    return out


def envoy_names(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Return the envoys' names as person mentions of the lowest rank (a name found otherwise wins)."""
    return [Mention(e.start, e.end, e.name, e.name, "Person", 0, {}) for e in find_envoys(text, known)]


_ENVOY_WORDS = re.compile(r"ambassador|envoy|commissioner|attach", re.I)


def envoy_posts(doc: Document) -> None:
    """Hold each named envoy's post for the sending state, in place of a post read otherwise from the words."""
    for e in find_envoys(doc.text, doc.mentions):
        person = next((m for m in doc.mentions_starting(e.start, e.end) if m.type == "Person" and m.end >= e.end),
                      None)
        if person is None:
            continue
        s = doc.sentence_at(e.start)
        held = [f for f in doc.facts if f.subject == person.name and f.predicate == "holds_role"
                and isinstance(f.object, str) and _ENVOY_WORDS.search(f.object)]
        same = [f for f in held if f.object == e.post]
        for f in held:
            if f not in same:
                doc.facts.remove(f)
        if same:
            for f in same:
                f.qualifiers["organisation"] = e.state
        else:
            doc.relate(person.name, "holds_role", e.post, {"organisation": e.state}, s)
