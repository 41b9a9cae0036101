"""Entities from raw mentions: overlaps resolved, national bodies named with their country,
acronyms and short forms of persons followed through the article, everything merged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .document import Document
from .firms import firm_short_forms
from .gazetteer import Gazetteers
from .mentions import Mention, resolve_overlaps
from .patterns import at_boundary, find_words, is_word
from .persons import short_forms
from .spans import Spans

__all__ = ["build_entities"]

# "in Cairo", and "In Cairo, the expo ..." at a sentence's start
_PLACE_CUE = re.compile(r"(?:\b(?:in|at|near|outside|from|to|into|around|across|of)|(?<![\w'’-])(?:In|At|Near|Outside))"
                        r"\s+$")
_ACRONYM_TAIL = re.compile(r"\s+\((?P<acr>[A-Z][A-Za-z0-9&-]+)\)")
_DATELINE_RE = re.compile(r"(?m)^\s*(?P<place>[A-Z][A-Z .'’-]{2,30}?)\s*(?:,[^:–—\n]{0,30})?\s*(?::|–|—|-{1,2})\s")
_MENTION_ONLY_KINDS = ("news agency",)
_NEWLINE_RE = re.compile("\n")  # found by re, not by a Python loop over each character
_AMOUNT_BEFORE = re.compile(r"\d(?:\s*(?:thousand|million|billion|trillion|bn|mn|tn|m|b))?\s+$")
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents|pounds?|rupees?|ringgit|won|yen|yuan|kronor|kroner|krona|krone|"
                             r"koruna|crowns|zloty|zlotys|lira|pesos?|baht|rupiah|riyals?|dirhams?|francs?|rand|"
                             r"shekels?|forints?|lei|reais|real|euros?)\b")


_REGION_BEFORE = re.compile(r"\b(?:Latin|South|North|Central|Pan)[\s-]$")


def _country_before(doc: Document, start: int, countries: list[Mention]) -> str | None:
    # ``countries`` is sorted by start: those that begin after ``start`` can neither match nor stop the walk
    for i in range(bisect_right(countries, start, key=lambda c: c.start) - 1, -1, -1):
        c = countries[i]
        if c.end <= start and start - c.end <= 3 and re.fullmatch(r"(?:['’]s?)?\s*", doc.text[c.end:start]):
            return c.name
        if c.end < start - 3:
            break
    return None


def _nearest_country(doc: Document, start: int, countries: list[Mention]) -> str | None:
    s = doc.sentence_at(start)
    first = bisect_left(countries, s.start, key=lambda c: c.start)
    inside = [c for c in countries[first:bisect_left(countries, s.end, key=lambda c: c.start)] if c.form != "capital"]
    # a national force or agency named in the sentence speaks for its state too ("The Philippine Navy will ...
    # from South Korea's yard, the Department of National Defense said")
    bodies = [m for m in doc.mentions_starting(s.start, s.end) if m.start != start
              and m.type in ("ArmedForce", "GovernmentAgency") and m.attributes.get("country")]
    if doc.dateline and (any(c.name == doc.dateline for c in inside)
                         or any(b.attributes["country"] == doc.dateline for b in bodies)):
        return doc.dateline  # "Japan has delivered ... to the Philippine Air Force, the Department said" from Manila
    if bodies and (not inside or bodies[0].start < inside[0].start):
        return str(bodies[0].attributes["country"])
    if inside:
        return inside[0].name
    return doc.main_country()


def _name_edges(text: str, start: int, end: int) -> bool:
    r"""Tell whether a name at ``start:end`` stands alone: ``(?<![\w'’-])NAME(?![\w-])``."""
    return not (is_word(text, start - 1) or (start and text[start - 1] in "'’-")
                or is_word(text, end) or (end < len(text) and text[end] == "-"))


_EVENT_ACRONYM_YEAR = re.compile(r"\)\s+(?P<year>(?:19|20)\d\d)\b")
_LONG_BEFORE_PAREN = re.compile(r"(?P<long>(?:[A-Z][\w&'’-]*\s+(?:(?:of|and|&|for|the)\s+)?){1,7})\($")
_DATED_EVENT = re.compile(r"(?P<base>.+?)\s+(?:19|20)\d\d")
_INITIALS_RE = re.compile(r"\b[A-Z]{3,6}\b")
_MINOR_WORDS = frozenset("of and for the & de du des la der".split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _MINOR_WORDS and w[:1].isupper())


def _abbreviates(acr: str, long: str) -> bool:
    """Tell whether ``acr`` abbreviates ``long``: same first letter, its letters in order among the name's."""
    letters = "".join(ch for ch in long.upper() if ch.isalpha())
    if not letters or letters[0] != acr[:1]:
        return False
    it = iter(letters)
    return all(ch in it for ch in acr.upper() if ch.isalpha())


def _merge_event_editions(text: str, final: list[Mention]) -> None:
    """One event whether written "Long Name (ACR) 2026", "ACR 2026" or "ACR": the edition's name."""
    events = [m for m in final if m.type == "Event"]
    grown: list[Mention] = []
    for m in events:
        ym = _EVENT_ACRONYM_YEAR.match(text, m.end - 1 if m.surface.endswith(")") else m.end)
        if ym and (m.surface.endswith(")") or (text[m.start - 1:m.start] == "(" and " " not in m.name)):
            if not m.surface.endswith(")"):
                lb = _LONG_BEFORE_PAREN.search(text, max(0, m.start - 90), m.start)
                if lb is None or not _abbreviates(m.name, lb.group("long")):
                    m.name = f"{m.name} {ym.group('year')}"
                    continue
                m.start = lb.start("long")
            m.name = f"{m.name} {ym.group('year')}"
            m.end = ym.end()
            m.surface = text[m.start:m.end]
            grown.append(m)
    if grown:  # drop what the grown spans now hold ("International Defence Industry" inside the fair's name)
        grown.sort(key=lambda g: g.start)
        starts = [g.start for g in grown]

        def held(o: Mention) -> bool:
            i = bisect_right(starts, o.start) - 1
            return i >= 0 and grown[i] is not o and o.end <= grown[i].end
        final[:] = [o for o in final if not held(o)]
    dated: dict[str, set[str]] = {}
    for m in events:
        dm = _DATED_EVENT.fullmatch(m.name)
        if dm:
            dated.setdefault(dm.group("base"), set()).add(m.name)
    for m in events:
        if len(dated.get(m.name, ())) == 1:
            m.name = next(iter(dated[m.name]))


def _initials_of_orgs(text: str, final: list[Mention]) -> list[Mention]:
    """Later uses of an organisation's initials ("MHI" after "Mitsubishi Heavy Industries")."""
    orgs: dict[str, tuple[str, str] | None] = {}
    for m in final:
        if m.type in ("Company", "GovernmentAgency", "ArmedForce", "Organisation") and " " in m.name:
            acr = _initials(m.name.split(" (")[0])
            if len(acr) >= 3:  # two letters ("HO", "AI") are too often something else
                orgs[acr] = None if acr in orgs and orgs[acr] != (m.name, m.type) else (m.name, m.type)
    if not orgs:
        return []
    taken = Spans((m.start, m.end) for m in final)
    out = []
    for am in _INITIALS_RE.finditer(text):
        hit = orgs.get(am.group())
        if hit and not taken.covers(am.start()):
            out.append(Mention(am.start(), am.end(), am.group(), hit[0], hit[1], 3))
    return out


def _known_name(gaz: Gazetteers, name: str) -> bool:
    """Tell whether the lists know ``name`` as a whole (a state, a demonym, a firm ...); asked once per name and
    lists, as the same firms come back article after article."""
    known: dict[str, bool] = gaz.__dict__.setdefault("_known_names", {})
    if name not in known:
        known[name] = any(g.start == 0 and g.end == len(name) for g in gaz.match(name))
    return known[name]


def build_entities(doc: Document, gaz: Gazetteers, raw: list[Mention]) -> None:
    """Resolve raw mentions into ``doc.mentions`` and fill ``doc.entities``."""
    text = doc.text
    money = Spans((m.start, m.end) for m in doc.money)
    kept: list[Mention] = []
    for m in raw:
        if m.type in ("Country", "Platform") and money.covers(m.start):
            continue  # "Rs280 billion", "N120 billion": an amount, not a state or a designation
        if m.type == "Country" and m.surface.startswith("America") and _REGION_BEFORE.search(
                text, max(0, m.start - 10), m.start):
            continue  # "Latin American", "South America": a region, not the United States
        if (m.type == "Country" and _CURRENCY_AFTER.match(text, m.end)
                and _AMOUNT_BEFORE.search(text, max(0, m.start - 30), m.start)):
            continue  # "6.5 billion US dollars", "Australian dollars": a currency, not the state
        if m.type == "Country" and m.form == "capital":
            before = text[max(0, m.start - 12):m.start]
            if _PLACE_CUE.search(before) or (m.surface.isupper() and len(m.surface) > 3):
                doc.places.append((m.start, m.end, m.surface))
                continue
        kept.append(m)
    # a dateline ("HANOI:", "PARIS –") names the place of writing, not an actor
    head = text[:400]
    for line_start in [0, *(m.end() for m in _NEWLINE_RE.finditer(head))]:
        dm = _DATELINE_RE.match(text, line_start)
        if dm and dm.group("place").strip().upper() == dm.group("place").strip():
            place = dm.group("place").strip().title()
            hit = gaz.match(place)
            doc.dateline_place = place  # type: ignore[attr-defined]
            if hit and hit[0].entry.type == "Country":
                doc.dateline = hit[0].entry.name
            kept = [k for k in kept if not (dm.start() <= k.start < dm.end())]
            break
    mentions = resolve_overlaps(kept)
    countries = [m for m in mentions if m.type == "Country"]
    doc.mentions = mentions
    doc.index()

    final: list[Mention] = []
    acronyms: dict[str, tuple[str, str]] = {}
    tail_end, tail_owner = -1, None
    for m in mentions:
        if m.start < tail_end and tail_owner is not None:
            # the "(ATLA)" a name before it has taken as its acronym: an alias of that name, not a mention
            if m.name == tail_owner.name:
                tail_owner.attributes["acronym_alias"] = m.surface
            continue
        tail = _ACRONYM_TAIL.match(text, m.end)
        if m.type != "Person" and tail and m.type != "Country":
            tail_end, tail_owner = tail.end(), m
            acr = tail.group("acr")
            m.surface = text[m.start:tail.end()]
            m.end = tail.end()
            m.attributes.setdefault("acronym", acr)
        if m.type in ("GovernmentAgency", "ArmedForce") and m.attributes.get("force_country"):
            fc = gaz.match(m.attributes["force_country"])
            if not fc or fc[0].entry.type != "Country":
                if m.name not in {e.name for e in gaz.entries.values()}:
                    continue
            else:
                m.attributes["country"] = fc[0].entry.name
        if m.attributes.get("national"):
            country = _country_before(doc, m.start, countries) or (
                doc.main_country() if m.name == "Cabinet" else _nearest_country(doc, m.start, countries))
            if country:
                m.name = f"{m.name} ({country})"
                m.attributes["country"] = country
        if m.attributes.get("acronym"):
            acronyms[m.attributes["acronym"]] = (m.name, m.type)
        final.append(m)

    # later bare uses of an acronym defined in this article
    if acronyms:
        taken = Spans((m.start, m.end) for m in final)
        for a_start, a_end, acr in find_words(text, sorted(acronyms, key=len, reverse=True),
                                              lambda s, e: at_boundary(text, s) and at_boundary(text, e)):
            if not taken.covers(a_start):
                name, typ = acronyms[acr]
                final.append(Mention(a_start, a_end, acr, name, typ, 3))

    final += _initials_of_orgs(text, final)
    _merge_event_editions(text, final)

    # persons: short forms refer back to the full name
    persons = [m for m in final if m.type == "Person" and not m.attributes.get("short")]
    forms: dict[str, str] = {}
    shared: set[str] = set()  # a short form two persons' names end in ("Singh") stands for neither
    for name in sorted({p.name for p in persons}, key=lambda n: (-len(n.split()), n)):
        if name in forms:
            continue  # "Ortúzar Vial" after "Marcela Ortúzar Vial": the same person, whose forms are taken
        for f in short_forms(name):
            if forms.setdefault(f, name) != name:
                shared.add(f)
    for f in shared:
        del forms[f]
    full = {p.name for p in persons if p.name not in forms}
    for m in final:
        if m.type == "Person" and m.name not in full:
            target = forms.get(m.name) or forms.get(m.name.split()[-1])
            if target:
                m.name = target
            elif m.attributes.get("short"):
                m.type = "drop"
    if forms:
        taken = Spans((m.start, m.end) for m in final)
        for p_start, p_end, form in find_words(text, sorted(forms, key=len, reverse=True),
                                               lambda s, e: _name_edges(text, s, e)):
            if not taken.covers(p_start):
                final.append(Mention(p_start, p_end, form, forms[form], "Person", 1, {}, "short"))
    final = [m for m in final if m.type != "drop"]
    # firms: "Kestrel" after "Kestrel Workboats Ltd"
    final += firm_short_forms(text, final, lambda b: _known_name(gaz, b))

    # platforms: a family name that only prefixes a fuller designation is not a platform of its own
    plat_names = {m.name for m in final if m.type == "Platform"}
    by_class: dict[str, str] = {}
    for m in final:
        if m.type == "Platform" and m.attributes.get("class") and m.name != m.attributes["class"]:
            if not m.name[:1].isupper() or m.name.startswith(m.attributes["class"]):
                by_class.setdefault(m.attributes["class"], m.name)
    cleaned = []
    for m in final:
        if m.type == "Platform":
            if m.name in by_class:
                m.name = by_class[m.name]
            words = m.name.split()
            if len(words) > 1:
                maker = gaz.match(words[0])
                if maker and maker[0].entry.type in ("Company", "Country") and maker[0].surface == words[0]:
                    m.name = " ".join(words[1:])
                    m.attributes["maker"] = maker[0].entry.name
            if any(o != m.name and o.startswith(m.name + " ") for o in plat_names) and m.priority == 0:
                continue
        cleaned.append(m)
    doc.mentions = sorted(cleaned, key=lambda m: m.start)
    doc.index()

    for m in doc.mentions:
        attrs = {k: v for k, v in m.attributes.items()
                 if k in ("country", "kind", "honorific", "rank", "event_type", "edition", "postnominal")}
        if m.type == "Country":
            attrs = {}
        if m.attributes.get("kind") in _MENTION_ONLY_KINDS:
            attrs["mention_only"] = True
        doc.entities.add(m.name, m.type, m.surface, **attrs)
        if m.attributes.get("acronym_alias"):
            doc.entities.add(m.name, m.type, m.attributes["acronym_alias"])
