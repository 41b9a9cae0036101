"""Companies known by their form, not by a list: a name that ends in an industry word ("Baltic Workboats",
"Nordic Ammunition"), and the local unit of a known group ("BAE Systems Australia", "Naval Group Far East",
"Kongsberg Maritime"), which is a company of its own, located in its country and part of its group.

>>> [(m.surface, m.type) for m in find_industry_companies("Officials said Tallinn Workboats would bid.")]
[('Tallinn Workboats', 'Company')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources

from .document import Document
from .mentions import Mention
from .patterns import branches_regex, find_words, is_word

__all__ = ["INDUSTRY_WORDS", "drop_platforms_in_firms", "find_apposed_firms", "find_apposed_units",
           "find_industry_companies", "find_post_companies", "find_state_named_yards", "find_units",
           "firm_short_forms", "ownership_relations", "unit_relations"]

#: words a firm's name ends in beyond the company words of :mod:`.orgs` ("Kongsberg Maritime", "Harbin Aircraft")
INDUSTRY_WORDS = frozenset(
    "Maritime Ammunition Ammunitions Composites Workboats Boats Boatyard Boatbuilders Yachts Arms Armaments Armament "
    "Optronics Optics Photonics Avionics Aeronautics Aerostructures Aircraft Helicopters Solutions Vehicles "
    "Automotive Propulsion Steel Metals Explosives Chemicals Microwave Sensors Communications Networks Labs "
    "Laboratories Manufacturing Machinery Instruments Innovations Firearms Armour Armor Dockyards Yards Ballistics "
    "Pyrotechnics Energetics Simulation Simulators".split())
# words that describe a kind of hardware or a service, not a firm ("Light Combat Aircraft", "Small Arms")
_GENERIC = frozenset(
    "The A An This That These Those Its Their Our All Both Other More Most Some Any Each Every New Next "
    "Light Heavy Combat Small Large Medium Transport Military Defence Defense Naval Air Army Navy "
    "Unmanned Uncrewed Special Advanced Future National Royal Strategic Tactical Attack Patrol Fighter "
    "Trainer Armoured Armored Utility Surface Underwater Aerial Amphibious Landing Main Battle Modern "
    "Conventional Nuclear Precision Guided Artillery Infantry Long Short Range Multirole Multi-Role "
    "Autonomous Remote Remotely Piloted Commercial Civil Civilian Cargo Tanker Training Basic Jet Rotary "
    "Fixed Wing Electric Hybrid Sea Land Ground Coastal Offshore Fast Rigid Pacific Atlantic Indo-Pacific "
    "Arctic Mediterranean Kamikaze Support Logistics Mission Intelligence Reconnaissance Surveillance "
    "Early Warning Airborne Electronic Warfare Mine Anti Submarine Allied Western Soviet Foreign Domestic "
    "Local Global Indigenous Export Generation Rescue Search Medical Personal Loitering Strike Cruise "
    "Ballistic Hypersonic Government State Public Private Federal Joint Marine Coast Guard Border Police "
    "Security Emergency Disaster Counter Counter-Drone Chemical Biological Aircraft Helicopters Vehicles "
    "Boats Drones Arms Ammunition Systems Industries In On At By For And But With From After Before "
    "During Under Over Into When While Where Since Although Meanwhile However Also Today Yesterday Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split())
_INDUSTRY_RE = re.compile(branches_regex(((w, "") for w in sorted(INDUSTRY_WORDS, key=len, reverse=True)),
                                         word_start=True) + r"\b(?![ \t]+[A-Z0-9]|-\w)")
_NAME_BEFORE = re.compile(r"(?<![\w'’.&-])(?P<name>(?:[A-Z][a-z][\w&-]*\s+){1,2})$")
# hardware a group's unit is seldom named after: "Airbus Aircraft" is the group's product
_HARDWARE = frozenset("Aircraft Helicopters Vehicles Boats Drones Arms Ammunition Ammunitions Armour Armor Firearms "
                      "Workboats Yachts".split())


def find_industry_companies(text: str, demonym_starts: Sequence[int] = ()) -> list[Mention]:
    """Return firms named by one or two words and an industry word, not a person ("Tallinn Workboats said").

    A name that begins with a demonym ("Polish Arms") is left alone: it more often describes than names.
    """
    out: list[Mention] = []
    skip = set(demonym_starts)
    for h in _INDUSTRY_RE.finditer(text):
        m = _NAME_BEFORE.search(text, max(0, h.start() - 50), h.start())
        if m is None:
            continue
        words = m.group("name").split()
        while words and (words[0] in _GENERIC or words[0].endswith("-based")):
            words = words[1:]
        if not words or any(w in _HARDWARE for w in words):
            continue
        start = h.start() - len(" ".join(words)) - 1
        while text[start:start + 1].isspace():
            start += 1
        if start in skip or text[start:start + len(words[0])] != words[0]:
            continue
        name = text[start:h.end()]
        name = " ".join(name.split())
        out.append(Mention(start, h.end(), text[start:h.end()], name, "Company", 3, {}))
    return out


# the names of states in their own languages, as local units write them ("Rheinmetall Defence Lietuva"),
# from ``graph/data/endonyms.tsv``
_ENDONYMS = dict(line.split("\t", 1) for line in resources.files("graph.data").joinpath("endonyms.tsv")
                 .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
_REGIONS = ("Far East", "Middle East", "Asia Pacific", "Asia-Pacific", "North America", "Latin America", "Asia",
            "Pacific", "Nordic", "Nordics", "Americas", "Europe", "Africa", "Gulf", "Arabia", "Scandinavia",
            "Baltics", "Oceania", "Benelux")
# the words a unit's name may hold between the group's name and its place ("Rheinmetall Defence Lietuva")
_UNIT_MIDDLE = (r"(?:(?:Defen[cs]e|Systems|Aerospace|Land|Naval|Maritime|Air|Electronics|Technologies|Mission\s+"
                r"Systems|Munitions|Vehicles|Space|Cyber|Shipbuilding|Marine|Services|Support|Training)\s+){0,2}")
_UNIT_PLACE_RE = re.compile(rf"[ \t]+(?P<mid>{_UNIT_MIDDLE})(?P<place>{'|'.join(map(re.escape, _REGIONS))}|"
                            rf"{'|'.join(_ENDONYMS)})\b(?![ \t]+[A-Z]|-\w)")
_UNIT_TAIL_RE = re.compile(r"[ \t]+(?P<tail>(?:[A-Z][a-z]+[ \t]+)?(?P<last>[A-Z][a-z]+))\b(?![ \t]+[A-Z]|-\w)")
_UNIT_WORDS = frozenset("Maritime Munitions Ordnance Shipbuilding Shipyards Aerospace Electronics Systems Aeronautics "
                        "Aerostructures Optronics Avionics Propulsion Dynamics Technologies Engineering Solutions "
                        "Composites Sensors Communications Simulation Engines".split())
_MIDDLE_COUNTRY = re.compile(rf"[ \t]+(?P<mid>{_UNIT_MIDDLE})$")
# the state's name goes on past the unit's ("Airbus Spain's", "Airbus Spain Defence"): no unit ends there
_COUNTRY_GOES_ON = re.compile(r"[ \t]*(?:['’]s\b|[A-Z]|-\w)")


def find_units(text: str, gazetteer_mentions: list[Mention]) -> list[Mention]:
    """Return the local units and divisions of known companies, named by the group's name and a place or a trade.

    ``gazetteer_mentions`` are the known names in the text, left to right and not overlapping.
    """
    out: list[Mention] = []
    for i in [i for i, m in enumerate(gazetteer_mentions) if m.type == "Company"]:
        m = gazetteer_mentions[i]
        nxt = gazetteer_mentions[i + 1] if i + 1 < len(gazetteer_mentions) else None
        country: str | None = None
        end = -1
        if nxt is not None and nxt.type == "Country" and nxt.form == "name":
            mid = _MIDDLE_COUNTRY.match(text[m.end:nxt.start]) if nxt.start > m.end else None
            if mid is not None and not _COUNTRY_GOES_ON.match(text[nxt.end:nxt.end + 3]):
                country, end = nxt.name, nxt.end
        if end < 0:
            pm = _UNIT_PLACE_RE.match(text, m.end)
            if pm is not None:
                country, end = _ENDONYMS.get(pm.group("place")), pm.end()
        if end < 0:
            tm = _UNIT_TAIL_RE.match(text, m.end)
            if tm is not None and tm.group("last") in _UNIT_WORDS:
                end = tm.end()
        if end < 0 or (nxt is not None and nxt.start < end and nxt.end > end):
            continue
        surface = text[m.start:end]
        attrs = {"parent": m.name, "country": country, "unit": True}
        out.append(Mention(m.start, end, surface, " ".join(surface.split()), "Company", 5, attrs))
    return out


def unit_relations(doc: Document) -> None:
    """A unit is located in its country and part of its group, when the article names the group itself too."""
    for m in doc.mentions:
        if m.type != "Company" or not m.attributes.get("unit"):
            continue
        s = doc.sentence_at(m.start)
        country = m.attributes.get("country")
        if country:
            doc.entities.add(country, "Country")
            doc.relate(m.name, "located_in", country, {}, s, 0.6)
        parent = m.attributes.get("parent")
        if parent and parent in doc.entities and doc.entities.type_of(parent) == "Company":
            doc.relate(m.name, "part_of", parent, {}, s, 0.6)


# "Birdon managing director X", "Vantor CEO X": a name written straight before a firm's post and a person's name;
# the post words as a trie, the name before them tried only where one occurs
_FIRM_POSTS = ("chief executive", "managing director", "CEO", "chairman", "chairwoman", "founder", "general manager")
_FIRM_POST_HEAD = re.compile(branches_regex(((w, "") for w in _FIRM_POSTS), word_start=True)
                             + r"(?:[ \t]+officer)?[ \t]+(?=[A-Z][a-z])")
_FIRM_NAME_END = re.compile(r"(?<![\w'’.&-])(?P<name>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,2})[ \t]+$")
_NOT_FIRM = frozenset("Deputy Former Acting Interim Group Company Regional Vice Executive Assistant Joint Senior "
                      "Committee Senate House Board Council Commission Parliament Party Union Association Federation "
                      "Chamber Institute University Agency Ministry Department Office Its Their His Her Then "
                      "Bank Fund Authority Exchange Club League".split())


def find_post_companies(text: str, known: Sequence[tuple[int, int]]) -> list[Mention]:
    """Return the firms named only before a firm's post ("Birdon managing director Mark Ellison said"), where no
    known name (``known``: spans of the lists' matches) covers the words."""
    out: list[Mention] = []
    for h in _FIRM_POST_HEAD.finditer(text):
        m = _FIRM_NAME_END.search(text, max(0, h.start() - 60), h.start())
        if m is None:
            continue
        words = m.group("name").split()
        while words and words[0] in _GENERIC:
            words = words[1:]
        if not words or any(w in _GENERIC or w in _NOT_FIRM for w in words):
            continue
        end = m.end("name")
        start = end - len(" ".join(words))
        if text[start:end] != " ".join(words) or any(s < end and start < e for s, e in known):
            continue
        out.append(Mention(start, end, text[start:end], text[start:end], "Company", 1, {}))
    return out


_OWNER_NOUNS = r"(?:subsidiary|subsidiaries|unit|arm|affiliate|division|joint\s+venture)"
# "X, the Brazilian subsidiary of Y", "X, a wholly owned unit of Y", "X, an EDGE subsidiary,"
_APPOSED_OF = re.compile(rf",\s+(?:an?|the|its)\s+(?:(?:local|wholly[- ]owned|majority[- ]owned|[A-Z][a-z]+|"
                         rf"[a-z]+-based)\s+){{0,2}}{_OWNER_NOUNS}\s+of\s+(?:the\s+)?")
_APPOSED_NAMED = re.compile(rf",\s+(?:an?|the)\s+(?P<owner>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}})\s+{_OWNER_NOUNS}\b")
# "X is majority-owned by Y", "X is a subsidiary of Y", "X has been part of Y since 2019"
_IS_OWNED = re.compile(rf"(?:\s+(?:is|was|remains|has\s+been|became)|,)\s+(?:now\s+|also\s+)?(?:(?:an?|the)\s+)?"
                       rf"(?:(?:wholly|majority|fully)[- ]owned\s+)?(?:{_OWNER_NOUNS}\s+of|part\s+of|"
                       rf"(?:wholly[- ]|majority[- ]|fully\s+)?owned\s+by|(?:acquired|bought|taken\s+over)\s+by)"
                       rf"\s+(?:the\s+)?")
# "its subsidiary X", "the group's British unit X"
_ITS_UNIT = re.compile(rf"\b(?:[Ii]ts|the\s+(?:group|company|firm)['’]s)\s+(?:(?:local|[A-Z][a-z]+|new)\s+)?"
                       rf"{_OWNER_NOUNS}\s+$")
_APPOSED_UNIT_NAME = re.compile(r"(?<![\w'’.&-])(?P<name>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})$")


def find_apposed_units(text: str, known: list[Mention]) -> list[Mention]:
    """Return the firms the lists do not know that the text calls a unit of a known one ("Lahab, an EDGE subsidiary",
    "Helibras, the Brazilian subsidiary of Airbus Helicopters")."""
    cues = _cue_starts(text)
    if not (cues["subsidiar"] or cues[" unit"] or cues[" arm "] or cues["affiliate"]):
        return []
    companies = {m.start: m for m in known if m.type == "Company"}
    spans = [(m.start, m.end) for m in known]
    out: list[Mention] = []
    for rx in (_APPOSED_OF, _APPOSED_NAMED):
        for am in rx.finditer(text):
            parent = companies.get(am.end()) if rx is _APPOSED_OF else companies.get(am.start("owner"))
            if parent is None:
                continue
            nm = _APPOSED_UNIT_NAME.search(text, max(0, am.start() - 60), am.start())
            if nm is None:
                continue
            words = nm.group("name").split()
            while words and (words[0] in _GENERIC or words[0] in _NOT_FIRM):
                words = words[1:]
            if not words or any(w in _NOT_FIRM for w in words):
                continue
            start = am.start() - len(" ".join(words))
            if text[start:am.start()] != " ".join(words) or any(s < am.start() and start < e for s, e in spans):
                continue
            out.append(Mention(start, am.start(), text[start:am.start()], " ".join(words), "Company", 3,
                               {"parent": parent.name, "unit": True}))
    return out


_OWNER_CUES = ("subsidiar", " unit", " arm ", " arm,", "affiliate", "division", "owned by", "part of", "joint venture",
               "acquired by", "bought by", "taken over by")


@lru_cache(maxsize=4)
def _cue_starts(text: str) -> dict[str, list[int]]:
    """Return where each of ``_OWNER_CUES`` occurs (found by ``str.find``, far faster than a pattern's scan), once
    per article for the unit and the ownership rules; " arm " and " arm," by one search."""
    out: dict[str, list[int]] = {}
    for cue in (" arm", *(c for c in _OWNER_CUES if not c.startswith(" arm"))):
        hits = []
        at = text.find(cue)
        while at >= 0:
            hits.append(at)
            at = text.find(cue, at + 1)
        out[cue] = hits
    arm = out.pop(" arm")
    out[" arm "] = [a for a in arm if text[a + 4:a + 5] == " "]
    out[" arm,"] = [a for a in arm if text[a + 4:a + 5] == ","]
    return out


def _owner_cues(text: str) -> list[int]:
    """Return where a word of ownership occurs, sorted."""
    cues = _cue_starts(text)
    return sorted(at for cue in _OWNER_CUES for at in cues[cue])


_DESCRIBED = re.compile(r"\s+(?!state\b|government\b)[a-z]")
_POSSESSIVE = re.compile(r"['’]s\s")


def ownership_relations(doc: Document) -> None:
    """A firm is part of the firm (or owned by the state) the text says owns it: "X is majority-owned by Y", "X, the
    British subsidiary of Y", "X, a Y subsidiary", "Y said its subsidiary X"."""
    text = doc.text
    cues = _owner_cues(text)
    if not cues:
        return
    for m in doc.mentions:
        if m.type not in ("Company", "Organisation"):
            continue
        i = bisect_left(cues, m.start - 50)
        if i == len(cues) or cues[i] > m.end + 60:
            continue  # no word of ownership near the name
        s = doc.sentence_at(m.start)
        parent: Mention | None = None
        om = _IS_OWNED.match(text, m.end, s.end) or _APPOSED_OF.match(text, m.end, s.end)
        if om is not None:
            after = [o for o in doc.mentions_starting(om.end(), om.end() + 1) if o.type != "Person"]
            if after and after[0].type == "Country" and _POSSESSIVE.match(text, after[0].end):
                after = [o for o in doc.mentions_starting(after[0].end + 3, after[0].end + 4) if o.type != "Person"]
            parent = after[0] if after else None
        if parent is None:
            nm = _APPOSED_NAMED.match(text, m.end, s.end)
            if nm is not None:
                parent = next((o for o in doc.mentions_starting(nm.start("owner"), nm.start("owner") + 1)
                               if o.type == "Company"), None)
        if parent is None and _ITS_UNIT.search(text, max(s.start, m.start - 50), m.start):
            parent = next((o for o in doc.mentions_in(s, "Company", "Organisation") if o.end <= m.start), None)
        if parent is None or parent.name == m.name:
            continue
        if parent.type == "Country":
            if _DESCRIBED.match(text, parent.end, s.end):
                continue  # "the local arm of the US contractor": a description, not the state as owner
            doc.relate(m.name, "owned_by", parent.name, {}, s, 0.6)
        elif parent.type in ("Company", "Organisation"):
            doc.relate(m.name, "part_of", parent.name, {}, s, 0.6)
            named = m.attributes.get("parent")
            if m.attributes.get("unit") and named and named != parent.name:
                # "Denel Vehicle Systems, now part of Hensoldt": the text's owner, not the one its name tells
                gone = doc.triple_facts(m.name, "part_of", named)
                doc.facts[:] = [f for f in doc.facts if not any(f is g for g in gone)]


# a firm named in full once and by its first words after ("Kestrel Workboats Ltd" ... "Kestrel said"): the words a
# firm's full name ends in beyond its own, dropped to find the name it goes by
_LEGAL_WORDS = frozenset("Ltd Ltd. Limited Inc Inc. plc PLC AG GmbH SA S.A. SpA AB ASA LLC Pty Pvt Corp Corp. Co Co. "
                         "Sdn Bhd Bhd. Berhad Oy A/S NV BV".split())
_TRADE_WORDS = INDUSTRY_WORDS | frozenset(
    "Industries Industry Aerospace Shipyard Shipyards Shipbuilding Shipbuilders Systems Dynamics Defence Defense "
    "Group Corporation Company Technologies Technology Engineering Engineers Electronics Works Holdings Motors "
    "Aviation Dockyard Marine Robotics Munitions Ordnance Heavy Naval Land Air Space Security Services "
    "International Global Partners".split())
# a name written right before another capitalised word is part of that other name ("Kestrel Bay", "Harwood Road")
_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")
# a capitalised word before the name that may open a sentence, not be part of another name
_OPENERS = frozenset("The In At By For And But While When After Before With From Rival Meanwhile Separately "
                     "Also However Unlike Like Both Neither Only Since Under Until".split())


# words that open the names of places as often as firms' ("Baltic", "North Sea"): no short name of a firm alone
_PLACE_WORDS = frozenset("Baltic Nordic Lapland Gulf Caspian Balkan Alpine Andean Caribbean Adriatic Aegean Black Red "
                         "North South East West Northern Southern Eastern Western Central Middle Far Great New General "
                         "United First Lake River Mount Cape Port Saint St Bay Golden".split())


@lru_cache(maxsize=4096)
def _forms_of(name: str, listed: bool) -> tuple[str, ...]:
    """Return the shorter names a firm may go by: without its legal and trade words ("Kestrel" for "Kestrel
    Workboats Ltd"), and, for a firm the lists do not know, its first words ("Samudra Baja" for "PT Samudra Baja
    Nusantara")."""
    base = _base_of(name)
    if listed:  # "Rafael" for "Rafael Advanced Defense Systems"
        words = base.split()
        while len(words) > 1 and words[-1] in _GENERIC:
            words.pop()
        base = _base_of(" ".join(words))
    forms = [base] if base[:1].isupper() else []
    if not listed:
        words = name.split()
        words = words[1:] if words[0] == "PT" and len(words) > 1 else words
        forms += [" ".join(words[:k]) for k in range(1, len(words)) if words[k - 1] not in ("and", "&", "of")]
        if name.startswith("PT "):
            forms.append(" ".join(words))
    return tuple(dict.fromkeys(f for f in forms if f != name))


def _base_of(name: str) -> str:
    """Return ``name`` without the legal and trade words it ends in ("Kestrel Workboats Ltd" -> "Kestrel")."""
    words = name.split()
    while len(words) > 1 and (words[-1] in _LEGAL_WORDS or words[-1] in _TRADE_WORDS or words[-1] in ("&", "and")):
        words.pop()
    return " ".join(words)


def firm_short_forms(text: str, mentions: list[Mention], known: Callable[[str], bool]) -> list[Mention]:
    """Name every firm found by its form after its fullest name, and return its later bare short names.

    "Kestrel Workboats Ltd", "Kestrel Workboats" and "Kestrel" are one firm when the article names no other firm
    that begins with "Kestrel": the mentions of ``mentions`` (resolved, in order) named by a shorter form take
    the fullest name, and each bare "Kestrel" nothing else covers becomes a mention of it. A short form that
    ``known`` recognises (a state, a demonym, a listed firm or platform), that a person's name holds, or that
    the text also writes in lower case ("Advanced", "Creek") is a word, not the firm's name.
    """
    firms = [m for m in mentions if m.type == "Company" and not m.attributes.get("unit")]
    if not firms:
        return []
    groups: dict[str, set[str]] = {}  # a form -> the names of the firms it may stand for
    listed: set[str] = set()  # forms of firms the lists know
    for m in firms:
        for form in _forms_of(m.name, "kind" in m.attributes):
            groups.setdefault(form, set()).add(m.name)
            if "kind" in m.attributes:
                listed.add(form)
    for form, names in groups.items():  # "Mitsubishi" after "Mitsubishi Electric" too: not only the other one's
        names.update(m.name for m in firms if m.name.startswith(form + " "))
    # "Lapland Forge said": a firm's short name read as a person's
    misread = {m.name for m in mentions if m.type == "Person" and not m.attributes and m.name in groups}
    person_words = {w for m in mentions if m.type == "Person" and m.name not in misread for w in m.name.split()}
    full: dict[str, str] = {}
    for base, names in groups.items():
        longest = max(names, key=lambda n: (len(n.split()), len(n)))
        if any(not (longest + " ").startswith(n + " ") for n in names):
            continue  # "Kestrel Workboats" and "Kestrel Aerospace": two firms, neither is "Kestrel"
        words = base.split()
        if (len(base) < 3 or any(w in _GENERIC or w in _NOT_FIRM or w in person_words for w in words)
                or ((len(words) == 1 or base in listed) and words[0] in _PLACE_WORDS)
                or any(f" {w.lower()} " in text or f" {w.lower()}," in text for w in words) or known(base)):
            continue
        full[base] = longest
        for n in names:
            full.setdefault(n, longest)
    if not full:
        return []
    for m in mentions:
        if m.type == "Person" and m.name in misread and m.name in full:
            m.type = "Company"
        if m.type == "Company" and not m.attributes.get("unit"):
            m.name = full.get(m.name, m.name)
    bases = sorted((b for b in full if b in groups and full[b] != b), key=len, reverse=True)
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _e in taken]

    def free(s: int, e: int) -> bool:
        i = bisect_left(starts, e) - 1
        if i >= 0 and taken[i][1] > s:
            return False  # inside a name already found
        if is_word(text, s - 1) or (s and text[s - 1] in "'’-&") or is_word(text, e) or text[e:e + 1] == "-":
            return False
        if _CAP_AFTER.match(text, e):
            return False
        before = text[max(0, s - 20):s]
        prev = before.split()[-1] if before.split() and before.endswith((" ", "\t")) else ""
        return not (prev in ("the", "in", "at", "near", "outside", "into")
                    or (prev[:1].isupper() and prev not in _OPENERS and not prev.endswith((".", ","))))
    out = []
    for s, e, base in find_words(text, bases, free):
        out.append(Mention(s, e, base, full[base], "Company", 1, {}, "short"))
    return out


# "Omnipol, a Prague-based arms trader", "Lapland Forge Oy, a small Finnish steel company": a name the lists do not
# know that the text calls a firm; the descriptions found first (the nouns by ``str.find``), the name before the comma
_FIRM_HEADS = ("shipbuilder", "shipyard", "company", "firm", "manufacturer", "maker", "arms trader", "arms dealer",
               "contractor", "start-up", "startup", "supplier", "boatbuilder", "boatyard", "producer",
               "joint venture")
_APPOSED_FIRM = re.compile(r",[ \t]+(?:an?|the)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?$")
_APPOSED_FIRM_NAME = re.compile(r"(?<![\w'’.&-])(?P<name>(?:PT[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|"
                                r"&|and|of)){0,4})$")
# the description ends with the noun ("Omnilux, a Lisbon-based arms trader, also bid"), or goes on to say where or
# what the firm is; "X, the company's chief executive" describes a person
_FIRM_HEAD_END = re.compile(r"(?:[ \t]*[,.;:)]|[ \t]*$|[ \t]+(?:based|in|from|that|which|with|owned|founded|"
                            r"headquartered|specialising|specializing|known|making|building|whose|of|near|at|on|formed|"
                            r"created|established|set[ \t]+up|between)\b)")
_NOT_FIRM_DESC = re.compile(r"\b(?:[Tt]he|former|ex-|whose|which|who|its|their|his|her)\b")
# "PT Samudra Baja Nusantara": an Indonesian firm, by the form of its name
_PT_NAME = re.compile(r"(?<![\w'’-])PT[ \t]+(?P<n>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})")


def find_apposed_firms(text: str, known: Sequence[tuple[int, int]]) -> list[Mention]:
    """Return the firms the lists do not know that the text describes as firms right after their name ("Omnipol, a
    Prague-based arms trader"), and those named "PT <Name>"; ``known`` holds the spans the lists name."""
    out: list[Mention] = []
    for head in _FIRM_HEADS:
        at = text.find(head)
        while at >= 0:
            end = at + len(head)
            comma = (text.rfind(", ", max(0, at - 70), at) if text[at - 1:at] == " " and not is_word(text, end)
                     and _FIRM_HEAD_END.match(text, end) else -1)
            if comma >= 0 and text[comma + 2:comma + 3] in ("a", "t"):  # ", a", ", an", ", the" before the noun
                dm = _APPOSED_FIRM.search(text, comma, at)
                if dm is not None and not _NOT_FIRM_DESC.search(text, dm.start() + 3, at):
                    nm = _APPOSED_FIRM_NAME.search(text, max(0, dm.start() - 70), dm.start())
                    if nm is not None:
                        out += _firm_named(text, nm.start("name"), nm.end("name"), known)
            at = text.find(head, end)
    if "PT " in text:
        for pm in _PT_NAME.finditer(text):
            out += _firm_named(text, pm.start(), pm.end(), known)
    return out


def _firm_named(text: str, start: int, end: int, known: Sequence[tuple[int, int]]) -> list[Mention]:
    stop = text.rfind(". ", start, end)
    if stop >= 0:  # "... director Renato Silva. ICN, a joint venture": the name begins after the full stop
        start = stop + 2
    words = text[start:end].split()
    while words and words[-1] in ("and", "&", "of"):
        words.pop()
    lead = 1 if words and words[0] == "PT" else 0
    if len(words) <= lead or any(w in _GENERIC or w in _NOT_FIRM for w in words[lead:lead + 1]):
        return []
    end = start + len(" ".join(words)) if text[start:end].startswith(" ".join(words)) else end
    if any(s < end and start < e for s, e in known):
        return []
    name = " ".join(words)
    if f"({name})" in text:  # the short form of a name given before: found with that name
        return []
    return [Mention(start, end, text[start:end], name, "Company", 3, {})]


# what a firm's name goes on with after a platform's name it holds ("Aster & Co Systems", "Meteor Engineering Ltd")
_FIRM_FORM_AFTER = re.compile(r"[ \t]+(?:(?:&|and)[ \t]+Co\b|(?:Systems|Engineering|Technologies|Technology|"
                              r"Electronics|Industries|Holdings|Ltd|Limited|Inc|GmbH|AG|SA|SpA|plc|PLC|AB|ASA|Corp|"
                              r"Corporation|Company|Co|Marine|Services|Solutions|Group|Aerospace|Aviation|Dynamics|Robotics|Shipyards?)\b"
                              r"(?![ \t]*-))")


def drop_platforms_in_firms(text: str, raw: list[Mention]) -> list[Mention]:
    """Drop a platform's name that opens a firm's name found by form: "Aster & Co Systems" is a firm, no Aster."""
    firms: dict[int, int] = {}
    for m in raw:
        if m.type == "Company" and m.priority < 4:
            firms[m.start] = max(firms.get(m.start, 0), m.end)
    if not firms:
        return raw
    dropped = {id(m) for m in raw if m.type == "Platform" and firms.get(m.start, 0) > m.end
               and _FIRM_FORM_AFTER.match(text, m.end)}
    return [m for m in raw if id(m) not in dropped] if dropped else raw


# a yard named by its state ("Kenya Shipyards", "Egypt Shipyard Company"): the state's name opens the firm's, and the
# longer name wins; a demonym ("Polish Shipyards") more often describes than names, so only a state's name counts
_STATE_YARD_RE = re.compile(r"[ \t]+(?:Naval[ \t]+)?(?:Shipyards?|Dockyards?|Shipbuilders|"
                            r"Shipbuilding(?:[ \t]+(?:Company|Corporation))?)"
                            r"(?:[ \t]+(?:Limited|Ltd\.?|Company|Corporation|PLC))?\b(?![ \t]+[A-Z0-9]|-\w)")


def find_state_named_yards(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Return the shipyards whose names begin with a state's name, where no listed name covers them.

    >>> [m.name for m in find_state_named_yards("Egypt Shipyard will build it.", [
    ...     Mention(0, 5, "Egypt", "Egypt", "Country")])]
    ['Egypt Shipyard']
    """
    out: list[Mention] = []
    for m in known:
        if m.type != "Country" or m.form != "name":
            continue
        near = text[m.end:m.end + 30]
        if "Ship" not in near and "Dockyard" not in near:
            continue
        ym = _STATE_YARD_RE.match(text, m.end)
        if ym is None:
            continue
        surface = text[m.start:ym.end()]
        out.append(Mention(m.start, ym.end(), surface, " ".join(surface.split()), "Company", 5,
                           {"country": m.name}))
    return out
