"""Organisations found by form: defined acronyms, ministries, armed forces, agencies, company suffixes.

>>> from .mentions import resolve_overlaps
>>> found = find_organisations("Garden Reach Shipbuilders and Engineers (GRSE) said", {})
>>> [(m.name, m.type) for m in resolve_overlaps(found)]
[('Garden Reach Shipbuilders and Engineers', 'Company')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping

from ..countries import lookup as lookup_country
from .mentions import Mention
from .patterns import branches_regex, words_regex

__all__ = ["country_prefix", "find_organisations", "org_type"]

_CAP = r"(?:[A-Z][\w'’.&-]*|[A-Z]{2,}|\d+(?:st|nd|rd|th)?)"
_LINK = r"(?:of|and|for|the|de|du|des|la|der|für|&|on|in)"
_NAME = rf"{_CAP}(?:(?:\s+|,\s+)(?:of\s+the|{_LINK})\s+{_CAP}|,\s+{_CAP}(?=[\w\s,-]*\s(?:and|&)\s)|\s+{_CAP}|-{_CAP})*"
_ACRONYM_RE = re.compile(rf"(?P<long>{_NAME})\s+\((?P<acr>[A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*)s?\)")
_AGENCY_HEADS = ("Ministry", "Department", "Agency", "Administration", "Authority", "Office", "Council", "Directorate",
                 "Secretariat", "Presidency", "Commission", "Bureau", "Cabinet", "Embassy", "Parliament", "Committee",
                 "Government", "Board", "Procurement")
_FORCE_HEADS = ("Navy", "Army", "Air Force", "Forces", "Force", "Guard", "Command", "Corps", "Marines", "Fleet",
                "Regiment", "Brigade", "Division", "Battalion", "Squadron")
_ORG_HEADS = ("Association", "Institute", "University", "Organisation", "Organization", "Foundation", "Centre",
              "Center", "Alliance", "Union", "Federation", "Society", "Chamber", "Academy", "School", "Council of",
              "Community")
_COMPANY_WORDS = ("Industries", "Industry", "Aerospace", "Shipyard", "Shipyards", "Shipbuilding", "Shipbuilders",
                  "Systems", "Dynamics", "Defence", "Defense", "Sdn", "Bhd", "Berhad", "Ltd", "Limited", "Inc", "Group",
                  "Corp", "Corporation", "Company", "Co", "Technologies", "Technology", "Engineering", "Engineers",
                  "Electronics", "Works", "Holdings", "Motors", "Aviation", "Dockyard", "Marine", "Robotics",
                  "Munitions", "Ordnance", "AG", "GmbH", "SA", "SpA", "plc", "PLC", "AB", "ASA", "Gesellschaft")
_PLATFORM_WORDS = ("vessel", "vessels", "ship", "ships", "frigate", "frigates", "corvette", "submarine", "aircraft",
                   "helicopter", "vehicle", "vehicles", "missile", "missiles", "radar", "howitzer", "drone", "tank",
                   "boat", "boats", "jet", "fighter", "trainer", "system", "launcher", "UAV", "UCAV", "Vessel", "Ship",
                   "Ships", "Vessels", "Vehicle", "Vehicles", "Missile", "Aircraft", "Helicopter", "Frigate", "Tank")
_WEAK_SUFFIXES = ("Defence", "Defense", "Marine")
_COMPANY_RE = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w'’&.-]*\s+){{0,4}}?[A-Z][\w'’&.-]*(?:\s+(?:and|&)\s+[A-Z][\w.-]*)?\s+"
    rf"(?:Heavy\s+Industries|Sdn\.?\s+Bhd\.?|{'|'.join(w for w in _COMPANY_WORDS if w not in _WEAK_SUFFIXES)})\b\.?)"
)
# word-start literals as tries checked for the boundary behind, so the scans skip to them
_MINISTRY_RE = re.compile(
    rf"(?P<name>{words_regex(('Ministry', 'Department'), word_start=True)}"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:National\s+)?[A-Z][a-z]+(?:\s+(?:and|of|the)\s+(?:the\s+)?[A-Z][a-z]+|\s+[A-Z][a-z]+)*)"
)
_SHORT_MINISTRY = branches_regex([*((w, r"\s+Ministry") for w in ("Defence", "Defense", "Foreign", "Home", "Finance")),
                                  ("Ministry", r"\s+of\s+Defen[cs]e"), ("MoD", ""), ("MINDEF", ""), ("Mindef", ""),
                                  ("Cabinet", "")], word_start=True)
_SHORT_MINISTRY_RE = re.compile(rf"(?P<name>{_SHORT_MINISTRY})\b")
_FORCE_RE = re.compile(
    r"\b(?P<name>(?:Royal\s+)?(?P<c>(?!The\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:Navy|Army|Air\s+Force|Coast\s+Guard|Armed\s+Forces|"
    r"Defence\s+Forces|Defense\s+Forces|Naval\s+Forces|Land\s+Forces|Marine\s+Corps|Special\s+Forces|Air\s+and\s+Space\s+Force))\b"
)

# A force's name is made of ASCII letters and spaces: the pattern is tried only on such
# stretches of text that hold one of its head words.
_FORCE_HEAD_RE = re.compile(words_regex(("Navy", "Army", "Force", "Guard", "Corps")))
_FORCE_BREAK_RE = re.compile(r"[^A-Za-z\s]")

_SENTENCE_END_IN = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
_BASED_LEAD = re.compile(r"(?:[A-Z][\w'’.]*[ -])*[A-Z][\w'’.]*-based\s+")
_NOT_COMPANY_START = frozenset({"Defence", "Defense", "Military", "National", "State", "Our", "This", "These",
                                "Other", "Major", "Naval"})


_PAREN_ACRONYM_RE = re.compile(r"\s+\([A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*s?\)")
_ACRONYM_END_RE = re.compile(_ACRONYM_RE.pattern + "$")
# the company words as a trie, the word boundary before them checked behind
_SUFFIX_RE = re.compile(branches_regex([("Heavy", r"\s+Industries"), ("Sdn", r"\.?\s+Bhd\.?"),
                                        *((w, "") for w in _COMPANY_WORDS if w not in _WEAK_SUFFIXES)],
                                       word_start=True) + r"\b\.?")
_COMPANY_END_RE = re.compile(_COMPANY_RE.pattern + "$")


def _acronym_definitions(text: str) -> list[re.Match[str]]:
    # the pattern is tried only where "(ACRONYM)" occurs, on the words just before it; ``endpos``
    # stands for the text cut there (``$`` matches at it) without copying the text for each
    out = []
    for p in _PAREN_ACRONYM_RE.finditer(text):
        lo = max(0, p.start() - 160)
        m = _ACRONYM_END_RE.search(text, lo, p.end())
        if m:
            out.append(m)
    return out


def _suffixed_companies(text: str) -> list[re.Match[str]]:
    out = []
    for p in _SUFFIX_RE.finditer(text):
        m = _COMPANY_END_RE.search(text, max(0, p.start() - 120), p.end())
        if m:
            out.append(m)
    return out


def org_type(name: str, default: str = "Company") -> str:
    """Guess the entity type of an organisation from its words."""
    words = name.replace(",", " ").split()
    if not words:
        return default
    if words[-1] in _ORG_HEADS:
        return "Organisation"
    if any(w in ("Office", "Council", "Committee", "Board") for w in words[:3]) and words[-1] not in _COMPANY_WORDS:
        return "GovernmentAgency"
    if words[0] in _AGENCY_HEADS or any(w in ("Ministry", "Agency", "Administration", "Authority", "Directorate",
                                              "Secretariat", "Presidency", "Commission", "Bureau", "Cabinet",
                                              "Embassy") for w in words):
        return "GovernmentAgency"
    tail = " ".join(words[-2:])
    if any(tail.endswith(h) for h in _FORCE_HEADS) or "Forces" in words or words[-1] in ("Navy", "Army"):
        return "ArmedForce"
    if words[-1] in _COMPANY_WORDS or "Group" in words or "Industries" in words:
        return "Company"
    if any(w in _ORG_HEADS for w in words) or words[0] == "Council":
        return "Organisation"
    if words[-1] in ("Council", "Office", "Committee", "Board"):
        return "GovernmentAgency"
    if words[-1] in _PLATFORM_WORDS or words[-1].lower() in _PLATFORM_WORDS:
        return "Platform"
    return default


_PROGRAMME_AFTER_RE = re.compile(r"\s+(?:programme|program|project|initiative)\b")


def country_prefix(text: str, start: int, countries_at: Mapping[int, str]) -> str | None:
    """Return the country written right before ``start`` ("Vietnam's", "French ", "India's state-owned")."""
    return countries_at.get(start)


def _strip_lead(name: str, start: int) -> tuple[str, int]:
    for lead in ("The ", "the ", "A ", "An ", "Under ", "In ", "At ", "By ", "With ", "And ", "But ", "Among ", "As ",
                 "While ", "On ", "For ", "From ", "After ", "Both ", "Its ", "Their ", "Meanwhile ", "Officials "):
        if name.startswith(lead):
            return name[len(lead):], start + len(lead)
    return name, start


def _forces(text: str) -> Iterator[re.Match[str]]:
    """Yield what ``_FORCE_RE.finditer(text)`` yields."""
    breaks: list[int] | None = None  # found at the first head word, if the text has one
    end = -1
    for head in _FORCE_HEAD_RE.finditer(text):
        if head.start() < end:
            continue  # in the stretch just searched
        if breaks is None:
            breaks = [b.start() for b in _FORCE_BREAK_RE.finditer(text)]
        i = bisect_left(breaks, head.start())
        start, end = (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(text))
        # one character past the stretch, for the word boundary at its end
        yield from _FORCE_RE.finditer(text, start, end + 1)


_TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                        "June July August September October November December Today Yesterday".split())
_CLAUSE_LEAD_RE = re.compile(r"^(?:.*,\s+)?(?:the|a|an|The|A|An)\s+(?=[A-Z])")


def _strip_clause_lead(name: str, start: int) -> tuple[str, int]:
    """Drop what comes before the name proper: "Friday, the Department of X" is "Department of X"."""
    words = name.split(None, 1)
    while len(words) == 2 and words[0].rstrip(",") in _TIME_WORDS:
        start += len(name) - len(words[1])
        name = words[1]
        words = name.split(None, 1)
    if ", " in name:
        m = _CLAUSE_LEAD_RE.match(name)
        if m:
            name, start = name[m.end():], start + m.end()
    return _strip_lead(name, start)


#: the first words of acts, requests and documents that are defined with an acronym like bodies are
_ACT_NOUNS = frozenset("Acceptance Approval Request Requests Letter Letters Notice Notification Statement Declaration "
                       "Expression Invitation Proposal Decision Certificate Offer Release".split())


def find_organisations(text: str, countries_at: Mapping[int, str]) -> list[Mention]:
    """Return organisations recognised by their form; ``countries_at`` maps a start offset to the country before it."""
    out: list[Mention] = []
    for m in _acronym_definitions(text):
        long, start = _strip_clause_lead(*_strip_lead(m.group("long"), m.start("long")))
        # drop a leading possessive country ("Japan's Acquisition ...") or demonym handled by caller
        possessives = list(re.finditer(r"['’]s\s+", long))
        if possessives:
            pm = possessives[-1]
            long, start = long[pm.end():], start + pm.end()
        if not long or len(long) < 4 or (long.isupper() and " " not in long):
            continue
        if long.endswith(("Agreement", "Arrangement", "Treaty", "Pact", "Accord", "Memorandum of Understanding")):
            continue  # "Status of Visiting Forces Agreement (SOVFA)": an agreement's name, no body
        if long.endswith(("Programme", "Program", "Project", "Initiative")):
            continue  # "Global Combat Air Programme (GCAP)": a programme's name, no body
        typ = org_type(long)
        if typ == "Company" and long.split()[0] in _ACT_NOUNS:
            continue  # "Acceptance of Necessity (AoN)": an act of a body, no body
        if typ == "Platform" and _PROGRAMME_AFTER_RE.match(text, m.end()):
            continue  # "the Common Armoured Vehicle System (CAVS) programme" names a programme, not a platform
        surface = text[start:m.end()]
        attrs: dict[str, object] = {"acronym": m.group("acr")}
        if typ == "GovernmentAgency" and _MINISTRY_RE.fullmatch(long):
            attrs["national"] = True  # "Department of National Defense (DND)": a body of the article's state
        out.append(Mention(start, m.end(), surface, long, typ, priority=3, attributes=attrs))
    for m in _MINISTRY_RE.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group("name"), m.group("name"), "GovernmentAgency", priority=2,
                           attributes={"national": True}))
    for m in _SHORT_MINISTRY_RE.finditer(text):
        word = m.group("name")
        if word == "Cabinet" and text.startswith(" Secretary", m.end()):
            continue  # "Defence Cabinet Secretary X": a minister's post, not the Cabinet
        name = "Cabinet" if word == "Cabinet" else "Ministry of Defence" if "efen" in word or word.upper() in (
            "MOD", "MINDEF") else f"Ministry of {word.split()[0]} Affairs" if word.startswith("Foreign") else word
        out.append(Mention(m.start(), m.end(), word, name, "GovernmentAgency", priority=1,
                           attributes={"national": True}))
    for m in _forces(text):
        if m.group("c") in ("The", "the"):
            continue
        out.append(Mention(m.start(), m.end(), m.group("name"), m.group("name"), "ArmedForce", priority=4,
                           attributes={"force_country": m.group("c")}))
    for m in _suffixed_companies(text):
        name, start = _strip_lead(m.group("name"), m.start("name"))
        based = _BASED_LEAD.match(name)
        if based:  # "Durban-based Southern African Shipyards": the place is no part of the name
            name, start = name[based.end():], start + based.end()
        ends = list(_SENTENCE_END_IN.finditer(name))
        if ends:  # "... built by X Shipyards. Y Marine Systems said": the name begins after the sentence's end
            name, start = name[ends[-1].end():], start + ends[-1].end()
            if not name:
                continue
        name = name.rstrip(".") if not name.endswith(("Inc.", "Ltd.", "Corp.", "Co.", "Bhd.")) else name
        first = name.split()[0]
        if "'s " in name or "’s " in name or first in _NOT_COMPANY_START:
            continue
        typ = org_type(name)
        if typ != "Company":
            continue
        out.append(Mention(start, start + len(name), name, name, "Company", priority=0))
    out += find_forces_of_states(text)
    return out


# a force named for the state it serves, the service first ("Royal Navy of Oman", "Air Force of Sri Lanka"): that
# state's force, never the bare service of the same name inside it ("Royal Navy" is Britain's)
_FORCE_OF_RE = re.compile(
    r"\b(?P<head>(?:Royal\s+)?(?:Navy|Army|Air\s+Force|Coast\s+Guard|Armed\s+Forces|Naval\s+Forces?|Land\s+Forces|"
    r"Defen[cs]e\s+Forces?|Air\s+Defen[cs]e\s+Forces?|Marine\s+Corps|National\s+Guard|Special\s+Forces))\s+of\s+"
    r"(?P<the>the\s+)?(?P<c>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
_FORCE_OF_TRIGGERS = ("Navy of", "Army of", "Force of", "Forces of", "Guard of", "Corps of")
# a force named after its state's formal name, the state first ("Republic of Fiji Navy")
_FORMAL_STATE_FORCE_RE = re.compile(
    r"\b(?P<c>(?:(?:Federal|Islamic|Democratic|People['’]s|United)\s+)?(?:Republic|Kingdom|Sultanate|State)\s+of\s+"
    r"(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}?)\s+(?P<head>Navy|Army|Air\s+Force|Coast\s+Guard|Armed\s+Forces|"
    r"Naval\s+Forces?|Land\s+Forces|Defen[cs]e\s+Forces?|Marine\s+Corps|National\s+Guard|Special\s+Forces|"
    r"Military\s+Forces?)\b")
_FORMAL_STATE_TRIGGERS = ("Republic of", "Kingdom of", "Sultanate of", "State of")


def find_forces_of_states(text: str) -> list[Mention]:
    """Return the forces named "<service> of <state>", each with its state, the longest known state's name taken."""
    out: list[Mention] = []
    for m in _FORCE_OF_RE.finditer(text) if any(t in text for t in _FORCE_OF_TRIGGERS) else ():
        words = m.group("c").split()
        while words and lookup_country(" ".join(words)) is None:
            words.pop()
        if not words:
            continue
        state = " ".join(words)
        end = m.start("c") + len(state)
        surface = text[m.start():end]
        out.append(Mention(m.start(), end, surface, " ".join(surface.split()), "ArmedForce", priority=5,
                           attributes={"force_country": state}))
    return out + _forces_of_formal_states(text)


def _forces_of_formal_states(text: str) -> list[Mention]:
    """Return the forces named after a known state's formal name ("Republic of Fiji Navy"), each with its state."""
    if not any(t in text for t in _FORMAL_STATE_TRIGGERS):
        return []
    out: list[Mention] = []
    for m in _FORMAL_STATE_FORCE_RE.finditer(text):
        known = lookup_country(" ".join(m.group("c").split()))
        if known is None:
            continue
        surface = m.group(0)  # the state by its short name, which the lists know ("Republic of China" is Taiwan)
        out.append(Mention(m.start(), m.end(), surface, " ".join(surface.split()), "ArmedForce", priority=5,
                           attributes={"force_country": known.name}))
    return out
