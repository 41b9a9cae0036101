"""Coordinated noun phrases: "crew training, sustainment and supply chain integration" as three items.

Topic lists in the genre are lists of activities ("cooperation in X, Y and Z", "covering
X, Y and Z"). :func:`split_list` cuts such a list at commas and conjunctions, keeps known
multi-word topics ("research and development") whole, and stops where the clause goes on
with a verb. :func:`topic_name` turns one item into the name of a cooperation area or
capability domain: the list's canonical spelling when the item is a known topic, else the
item itself without articles, hedges and trailing place names.

>>> split_list("crew training, sustainment and supply chain integration, and provides for more.")
['crew training', 'sustainment', 'supply chain integration']
>>> [topic_name(i) for i in split_list("the transfer of know-how and joint marketing to third countries")]
['technology transfer', 'joint marketing to third countries']
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteers, Topic, load_gazetteers
from .numbers import WORD_NUMBER

__all__ = ["ACTIVITY_HEADS", "coordinated_topics", "gaz_surface", "is_activity", "list_items", "split_list",
           "topic_name"]

#: head nouns of activities: what a cooperation area is made of (hardware lists are not areas)
ACTIVITY_HEADS = frozenset(
    "training support transfer production development co-development co-production assembly marketing "
    "maintenance integration pooling sustainment construction localisation localization research venture "
    "exercises exercise cooperation collaboration co-operation sharing logistics manufacturing overhaul repair "
    "services service security medicine peacekeeping procurement engineering design testing certification "
    "exchanges exchange education industrialisation industrialization investment manufacture upgrades upgrade "
    "modernisation modernization operations intelligence defence defense building innovation policies "
    "applications opportunities programmes programs projects studies monitoring surveillance reconnaissance "
    "protection management planning".split())

# where a list ends: a clause boundary or the start of another clause
_END_RE = re.compile(
    r"[.;:!?\"“”()]|\s[-–—]\s|,\s+(?:which|who|while|whereas|but|although|though|as|with|according)\b|"
    r"\s(?:which|while|whereas|but|according to|so that|said|says|officials)\b")
_SEP_RE = re.compile(r",?\s+(?:and|or|as well as|alongside|plus|together with)\s+|,\s+")
# an item that starts with one of these is the next clause, not a list member
_VERBISH = re.compile(
    r"^(?:is|are|was|were|be|been|will|would|shall|should|can|could|may|might|must|has|have|had|said|says|"
    r"provides?|includ\w*|cover\w*|signed|agreed|plans?|planned|expects?|expected|aims?|seeks?|wants?|"
    r"described|called|added|noted|also|then|it|they|we|he|she|this|that|these|those|who|which|to\s+\w+|"
    r"pursue|embrace|expand|deepen|strengthen|enhance|explore|learn|help|share|boost|promote|seek|build|"
    r"establish|set up|create|form|launch|develop|produce|manufacture|make|take|bring|give|become|"
    r"discussed|discuss|reviewed|exchanged|welcomed|pledged|vowed|stressed|emphasi[sz]ed|highlighted|underlined|"
    r"explored|announced|decided|expressed|held|met|toured|visited|witnessed|inspected)\b",
    re.I)
_INNER_VERB = re.compile(r"\s(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|"
                         r"said|says)\b")
_LEAD_RE = re.compile(r"^(?:(?:the|a|an|its|their|our|his|her|such|other|more|new|greater|closer|deeper|"
                      r"enhanced|coordinated|co-ordinated|potential|possible|wider|broader|expanded|increased|"
                      r"improved|stronger)\s+)+", re.I)
_TAIL_PLACE = re.compile(r"\s+(?:in|at|for|from|with|across|throughout|within|between|among)\s+(?:the\s+)?"
                         r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)[\w-]*\s+)?[A-Z][\w-]*.*$")
# "a joint venture to produce X": the venture, and the production of X
_PURPOSE = re.compile(r"^(?P<a>.+?)\s+to\s+(?P<v>produce|manufacture|develop|build|assemble|maintain|repair|upgrade|"
                      r"overhaul)\s+(?P<np>.+?)(?:\s+(?:at|in|for|from|with|under|by|near)\s+.*)?$")
_NOMINAL = {"produce": "production", "manufacture": "manufacturing", "develop": "development", "build": "construction",
            "assemble": "assembly", "maintain": "maintenance", "repair": "repair", "upgrade": "upgrade",
            "overhaul": "overhaul"}
_TAIL_TIME = re.compile(r"\s+(?:in|on|since|by|from|until|before|after)\s+(?:(?:early|late|mid)[\s-]+)?"
                        r"(?:19|20)\d\d\b.*$")
_TRANSFER = re.compile(r"^(?:the\s+)?transfers?\s+of\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:technology|technologies|know-how|expertise|skills|knowledge)\b", re.I)
_INVERT = re.compile(r"^(?P<head>opportunities|prospects|avenues|areas|options)\s+for\s+(?P<rest>.+)$", re.I)
_NUMBER_START = re.compile(r"^(?:at least|more than|up to|about|around|some|over)?\s*"
                           rf"(?:\d+(?!\d|\s*(?:mm|cm|km|kg)\b)|{WORD_NUMBER}|dozens?\b|several\b|many\b)", re.I)


def _topics_in(text: str, gaz: Gazetteers) -> list[tuple[int, int, Topic]]:
    """Return ``gaz.match_topics(text)``, remembered: list items are looked up several times each."""
    memo: dict[str, list[tuple[int, int, Topic]]] = gaz.__dict__.setdefault("_topic_memo", {})
    hit = memo.get(text)
    if hit is None:
        if len(memo) > 4096:
            memo.clear()
        hit = memo[text] = gaz.match_topics(text)
    return hit


def _protect(text: str, gaz: Gazetteers) -> tuple[str, dict[str, str]]:
    """Replace known topics that contain a conjunction by placeholders, so the split keeps them whole."""
    held: dict[str, str] = {}
    out = text
    for start, end, _topic in reversed(_topics_in(text, gaz)):
        surface = text[start:end]
        if re.search(r",|\band\b|\bor\b", surface):
            key = f"\x00{len(held)}\x00"
            held[key] = surface
            out = out[:start] + key + out[end:]
    return out, held


def list_items(text: str, gaz: Gazetteers | None = None) -> list[tuple[str, int]]:
    """Return the items of the coordinated list that ``text`` starts with, each with its end offset."""
    gaz = gaz or load_gazetteers()
    end = _END_RE.search(text)
    body = text[:end.start()] if end else text
    body, held = _protect(body, gaz)
    items: list[tuple[str, int]] = []
    pos = 0
    for sep in [*_SEP_RE.finditer(body), None]:
        stop = sep.start() if sep else len(body)
        raw = body[pos:stop]
        item = raw.strip()
        item_end = stop
        pos = sep.end() if sep else len(body)
        if not item:
            continue
        if _VERBISH.match(item):
            break
        verb = _INNER_VERB.search(item)
        if verb:
            item = item[:verb.start()].strip()
            item_end = stop - len(raw) + raw.index(item) + len(item) if item else item_end
        for key, surface in held.items():
            item = item.replace(key, surface)
        shift = sum(len(v) - len(k) for k, v in held.items() if k in body[:item_end])
        if item:
            items.append((item, item_end + shift))
        if verb:
            break
    return items


def split_list(text: str, gaz: Gazetteers | None = None) -> list[str]:
    """Return the items of the coordinated list that ``text`` starts with."""
    return [item for item, _end in list_items(text, gaz)]


def _distribute(items: list[str], gaz: Gazetteers) -> list[str]:
    # "artificial intelligence policies and applications in defence": the shared modifier reaches both
    out = list(items)
    for i in range(1, len(out)):
        bare = _LEAD_RE.sub("", out[i])
        prev = _LEAD_RE.sub("", out[i - 1]).split()
        modifier = " ".join(prev[:-1])
        if (re.fullmatch(r"[a-z]+s(?:\s+(?:in|for|of)\s+[a-z][\w\s-]*)?", bare) and len(prev) >= 3
                and prev[-1].endswith("s") and gaz_surface(modifier, gaz)):
            out[i] = " ".join(prev[:-1]) + " " + bare
    return out


def gaz_surface(text: str, gaz: Gazetteers) -> str | None:
    """Return ``text`` if the whole of it is a known topic."""
    hits = _topics_in(text, gaz)
    return text if hits and hits[0][0] == 0 and hits[0][1] == len(text) else None


# "cooperate on air defence and on training": the preposition said again before the next item
_REPEATED_PREPOSITION = re.compile(r"^(?:on|in)\s+(?=\S)")


def topic_name(item: str, gaz: Gazetteers | None = None) -> str | None:
    """Return the area or domain an item names, or None for hardware, counts and pronouns."""
    gaz = gaz or load_gazetteers()
    if _TRANSFER.match(item):
        return "technology transfer"
    text = _LEAD_RE.sub("", _REPEATED_PREPOSITION.sub("", item.strip()))
    text = _TAIL_TIME.sub("", _TAIL_PLACE.sub("", text)).strip(" ,")
    if not text or _NUMBER_START.match(text) or len(text.split()) > 8:
        return None
    inv = _INVERT.match(text)
    if inv:
        text = f"{_LEAD_RE.sub('', inv.group('rest'))} {inv.group('head')}"
    hits = _topics_in(text, gaz)
    if hits and hits[0][0] == 0 and hits[0][1] == len(text):
        return hits[0][2].name
    if text[:1].isupper() and not _topics_in(text[:1].lower() + text[1:], gaz):
        return None  # a name, not an activity
    return text


def is_activity(name: str, gaz: Gazetteers | None = None) -> bool:
    """Tell whether a topic name is an activity (known area, or an activity noun at its head)."""
    gaz = gaz or load_gazetteers()
    if gaz_surface(name, gaz):
        return True
    head = re.split(r"\s+(?:of|in|for|to|on|with)\s+", name)[0].split()
    return bool(head) and head[-1].casefold() in ACTIVITY_HEADS


def coordinated_topics(text: str, gaz: Gazetteers | None = None) -> list[str]:
    """Return the topic names of the list ``text`` starts with, shared modifiers distributed."""
    gaz = gaz or load_gazetteers()
    items: list[str] = []
    for item in _distribute(split_list(text, gaz), gaz):
        pm = _PURPOSE.match(item)
        items += [pm.group("a"), f"{pm.group('np')} {_NOMINAL[pm.group('v')]}"] if pm else [item]
    names = [topic_name(i, gaz) for i in items]
    return [n for n in names if n]
