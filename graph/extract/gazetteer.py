"""Gazetteers: known names (countries, companies, agencies, forces, platforms, topics) and one matcher.

Shipped lists live in ``graph/data/gazetteers/*.tsv``; users add their own files in the
same format (TSV with the columns ``name type country aliases kind``, aliases separated
by ``|``; or a JSON list of objects with those keys). Countries come from the country
table (:mod:`graph.countries`) with names, aliases, demonyms and capitals. Topic lists
(``topics.tsv``: ``surface canonical kind``) name cooperation areas and capability domains.

Matching is by tokens: one dictionary from a name's first token to the names that
start with it, so a text is scanned once whatever the size of the lists.

>>> g = load_gazetteers()
>>> [(m.surface, m.entry.name) for m in g.match("Hanwha Aerospace and KAI")]
[('Hanwha Aerospace', 'Hanwha Aerospace'), ('KAI', 'Korea Aerospace Industries')]
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from ..countries import countries
from ..errors import InputError
from ..models import ENTITY_TYPES
from .patterns import branches_regex, is_word
from .text import TOKEN_RE

__all__ = ["Entry", "GazetteerMatch", "Gazetteers", "Topic", "load_gazetteers"]


@dataclass(frozen=True)
class Entry:
    """One known thing: canonical name, type, country (a country name) and kind."""

    name: str
    type: str
    country: str | None = None
    kind: str | None = None
    form: str = "name"  # for countries: name, demonym or capital


@dataclass(frozen=True)
class Topic:
    """A cooperation area or capability domain as the lists spell it."""

    name: str
    cooperation: bool
    capability: bool


@dataclass(frozen=True)
class GazetteerMatch:
    start: int
    end: int
    surface: str
    entry: Entry


def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter with a diacritic -> its base letter: one character for one, so offsets hold."""
    table = {}
    for cp in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[cp] = base
    # letters with a stroke have no decomposition: Polish, Danish and Norwegian, Croatian
    table.update({ord(a): b for a, b in zip("ŁłØøĐđ", "LlOoDd", strict=True)})
    return table


_FOLD = _fold_table()
_MARKED = re.compile("[" + "".join(map(chr, sorted(_FOLD))) + "]")


def fold_marks(text: str) -> str:
    """Return ``text`` with the diacritics of Latin letters dropped, of the same length ("Perú" -> "Peru").

    Names are matched on folded text and folded names, so "Perú", "Hagglunds" and
    "Cote d'Ivoire" find "Peru", "Hägglunds" and "Côte d'Ivoire".
    """
    # most articles have a dash or a curly quote but no marked letter: a search costs far less than a translate
    return text if text.isascii() or not _MARKED.search(text) else text.translate(_FOLD)


def _key(text: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(fold_marks(text)))


@dataclass
class Gazetteers:
    """Every known name, indexed by first token for one-pass matching."""

    entries: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    topics: dict[tuple[str, ...], Topic] = field(default_factory=dict)
    _first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _topic_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _ambiguous: set[tuple[str, ...]] = field(default_factory=set, repr=False)
    _starts: dict[int, tuple[re.Pattern[str], dict[str, int], dict[str, Any]]] = field(default_factory=dict,
                                                                                      repr=False)

    def add(self, surface: str, entry: Entry) -> None:
        """Add one surface form; a form claimed by two different things is dropped."""
        key = _key(surface)
        if not key or key in self._ambiguous:
            return
        old = self.entries.get(key)
        if old is not None and (old.name, old.type) != (entry.name, entry.type):
            if old.type == "Country" and old.form == "name":
                return  # a country's own name wins over any other reading
            self._ambiguous.add(key)
            del self.entries[key]
            self._first[key[0]].remove(key)
            self._starts.clear()
            return
        if old is None:
            self.entries[key] = entry
            self._first.setdefault(key[0], []).append(key)
            self._starts.clear()

    def add_topic(self, surface: str, topic: Topic) -> None:
        for variant in {surface, surface[:1].upper() + surface[1:]}:
            key = _key(variant)
            if key and key not in self.topics:
                self.topics[key] = topic
                self._topic_first.setdefault(key[0], []).append(key)
                self._starts.clear()

    def finish(self) -> Gazetteers:
        for table in (self._first, self._topic_first):
            for keys in table.values():
                keys.sort(key=len, reverse=True)
        return self

    def match(self, text: str, toks: Sequence[tuple[int, int, str]] | None = None) -> list[GazetteerMatch]:
        """Return the longest known names in ``text``, left to right, not overlapping."""
        return [GazetteerMatch(s, e, text[s:e], self.entries[k]) for s, e, k in self._scan(text, toks, self._first)]

    def match_topics(self, text: str) -> list[tuple[int, int, Topic]]:
        """Return the cooperation areas and capability domains named in ``text``."""
        return [(s, e, self.topics[k]) for s, e, k in self._scan(text, None, self._topic_first)]

    def _scan(self, text: str, toks: Sequence[tuple[int, int, str]] | None,
              first: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
        if toks is None:
            return self._scan_starts(fold_marks(text), first)
        words = [t[2] for t in toks] if text.isascii() else [fold_marks(t[2]) for t in toks]
        text = fold_marks(text)
        out = []
        i, n = 0, len(toks)
        while i < n:
            cands = first.get(words[i])
            if cands:
                for key in cands:
                    k = len(key)
                    if tuple(words[i:i + k]) == key and _bounded(text, toks[i][0], toks[i + k - 1][1]):
                        out.append((toks[i][0], toks[i + k - 1][1], key))
                        i += k
                        break
                else:
                    i += 1
                continue
            i += 1
        return out

    def _scan_starts(self, text: str,
                     first: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Do what _scan does, tokenising only where a token that begins a name stands."""
        index = self._starts.get(id(first))
        if index is None:
            longest = {t: max(map(len, keys)) for t, keys in first.items() if keys}
            index = self._starts[id(first)] = (_first_tokens_re(longest), longest, _token_trie(first))
        starts, longest, trie = index
        out = []
        pos = 0
        for c in starts.finditer(text):
            if c.start() < pos:
                continue
            # the names that go on as the text does, token by token: the longest of them that stands
            # alone wins, as the first of the names (longest first) equal to the text's tokens would
            # (the scan matched the first token whole: the next one begins at its end)
            node = trie[c.group()]
            found: list[tuple[int, tuple[str, ...]]] = [(c.end(), node[_KEY])] if _KEY in node else []
            if len(node) > len(found):  # names go on
                for t in islice(TOKEN_RE.finditer(text, c.end()), longest[c.group()] - 1):
                    node = node.get(t.group())
                    if node is None:
                        break
                    if _KEY in node:
                        found.append((t.end(), node[_KEY]))
            for end, key in reversed(found):
                if _bounded(text, c.start(), end):
                    pos = end
                    out.append((c.start(), end, key))
                    break
        return out


_KEY = ""  # no token is empty: where a name ends in the trie of tokens


def _token_trie(first: dict[str, list[tuple[str, ...]]]) -> dict[str, Any]:
    """Return the names of ``first`` as nested dicts, token by token; a name's key under ``_KEY`` where it ends."""
    root: dict[str, Any] = {}
    for keys in first.values():
        for key in keys:
            node = root
            for token in key:
                node = node.setdefault(token, {})
            node[_KEY] = key
    return root


def _first_tokens_re(tokens: Iterable[str]) -> re.Pattern[str]:
    """A scan for whole tokens of ``tokens`` (a word not glued to another letter or digit): a trie of literals."""
    branches = [(t, rf"(?<!\w{'.' * len(t)})(?!\w)" if is_word(t, 0) else "") for t in tokens]
    return re.compile(branches_regex(branches) if branches else "(?!)")


def _bounded(text: str, start: int, end: int) -> bool:
    # "KAI" inside "KAI-built" is fine, inside "KAIST" is not (tokens already ensure that);
    # a name must not run on into a word glued by an apostrophe or hyphen-less letters
    return not (end < len(text) and text[end].isalnum()) and not (start > 0 and text[start - 1].isalnum())


_COLUMNS = ("name", "type", "country", "aliases", "kind")


def _rows_tsv(text: str) -> Iterable[dict[str, str]]:
    """Yield each row as a dict of its columns, with ``where`` (``line N``); a header row of column names is skipped."""
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))][:5]
        if first:
            first = False
            if [c.lower() for c in cols[:2]] == ["name", "type"]:
                continue
        row = dict(zip(_COLUMNS[:len(cols)], cols, strict=True))
        row["where"] = f"line {number}"
        yield row


def _rows(path: Path) -> Iterable[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read gazetteer: {err}") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}: invalid JSON at line {err.lineno}: {err.msg}") from None
        if not isinstance(data, list):
            raise InputError(f"{path}: a JSON gazetteer is a list of objects with name, type, country, aliases, kind")
        for number, obj in enumerate(data, 1):
            if not isinstance(obj, dict):
                raise InputError(f"{path}: entry {number}: a JSON gazetteer is a list of objects with name, type, "
                                 "country, aliases, kind")
            aliases = obj.get("aliases") or []
            yield {"name": str(obj.get("name", "")), "type": str(obj.get("type", "")),
                   "country": str(obj.get("country") or ""), "kind": str(obj.get("kind") or ""),
                   "aliases": "|".join(aliases) if isinstance(aliases, list) else str(aliases),
                   "where": f"entry {number}"}
    else:
        yield from _rows_tsv(text)


def _add_rows(g: Gazetteers, rows: Iterable[dict[str, str]], source: str) -> None:
    for row in rows:
        name, typ = row.get("name", ""), row.get("type", "")
        if not name:
            continue
        if typ not in ENTITY_TYPES:
            where = f"{row['where']}: " if row.get("where") else ""
            raise InputError(f"{source}: {where}{name!r} has type {typ!r}; use one of {', '.join(ENTITY_TYPES)}")
        entry = Entry(name, typ, row.get("country") or None, row.get("kind") or None)
        for surface in (name, *(a for a in (row.get("aliases") or "").split("|") if a)):
            g.add(surface, entry)


def _add_topics(g: Gazetteers, text: str) -> None:
    for row in _rows_tsv(text):
        surface, canonical, kind = row.get("name", ""), row.get("type", ""), row.get("country", "")
        if surface:
            g.add_topic(surface, Topic(canonical or surface, kind in ("cooperation", "both"),
                                       kind in ("capability", "both")))


def _build(extra: tuple[Path, ...]) -> Gazetteers:
    g = Gazetteers()
    for c in countries():
        for form, names in (("name", (c.name, *c.aliases)), ("demonym", c.demonyms), ("capital", c.capitals)):
            for n in names:
                if not (n.isupper() and len(n) <= 3):  # "ROK", "USA": too ambiguous as bare words
                    g.add(n, Entry(c.name, "Country", c.name, None, form))
                elif form == "name" and len(n) == 3 and n not in ("USA", "UAE", "ROK", "PRC", "DPRK"):
                    continue
                else:
                    g.add(n, Entry(c.name, "Country", c.name, None, form))
    base = resources.files("graph.data").joinpath("gazetteers")
    for res in sorted(base.iterdir(), key=lambda r: r.name):
        if res.name == "topics.tsv":
            _add_topics(g, res.read_text(encoding="utf-8"))
        elif res.name.endswith(".tsv"):
            _add_rows(g, _rows_tsv(res.read_text(encoding="utf-8")), res.name)
    for path in extra:
        _add_rows(g, _rows(path), str(path))
    return g.finish()


@cache
def _default() -> Gazetteers:
    return _build(())


def load_gazetteers(extra_paths: Sequence[Path] = ()) -> Gazetteers:
    """Return the shipped gazetteers plus ``extra_paths`` (TSV or JSON); the default set is cached."""
    if not extra_paths:
        return _default()
    return _build(tuple(Path(p) for p in extra_paths))
