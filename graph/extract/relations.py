"""Relations beyond agreements: posts, affiliation, location, partnerships, events, platform lineage.

Cooperation areas and capability domains are in :mod:`.topics`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .agreements import AgreementState
from .anchors import sentences_with
from .document import Document
from .editions import another_edition, earlier_count, event_year
from .gazetteer import Gazetteers
from .mentions import Mention
from .patterns import branches_regex
from .persons import NATIONAL_POSTS
from .text import Sentence

__all__ = ["extract_relations"]

_PARTNER_RE = re.compile(
    r"(?P<level>(?:(?:comprehensive|strategic|special|practical|industry|industrial|defen[cs]e|enhanced|global|"
    r"close|key|long-standing|and|Special|Strategic|Comprehensive|security|maritime|military|defence-industrial|"
    r"trusted)\s+){1,6})partner(?:ship|s)\b")
_COUNT_UNITS = re.compile(r"^\s*(?:(?!from\b)[A-Za-z][\w-]*\s+){0,3}?"
                          r"(?P<unit>participants|exhibitors|visitors|trade visitors|delegates|"
                          r"attendees|companies|firms|countries|delegations|(?:defen[cs]e\s+)?ministers|"
                          r"heads\s+of\s+state|military\s+chiefs|speakers|nations|"
                          r"(?:national\s+)?pavilions|chiefs\s+of\s+(?:defen[cs]e\s+)?staff|service\s+chiefs)\b")
# "Australia has selected X": a verb between a state and a company, not a possessive or an adjective
_CLAUSE_GAP = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|and|or|with|to|from|for|by|at|in|on|said|"
                         r"signed|selected|chose|picked|awarded|ordered|bought|told|asked|urged|named|[a-z]+ed(?<!owned))\b")
# "the two countries signed": a reference to known states, not a head count
_DEFINITE_BEFORE = re.compile(r"\b(?:the|The|these|those|both)\s+$")
#: words between a country and a company that make the country the actor, not the company's home
_NOT_LOCATING = re.compile(r"(?<![\w-])(?:has|have|had|is|was|are|were|will|would|to|and|with|from|by|for|"
                           r"of|that|which|"
                           r"(?!state-owned|based|listed|run)[a-z]+ed)\b")
_SUBSIDIARY_RE = re.compile(r"\b(?:part of|a subsidiary of|a unit of|a division of|majority-owned by|owned by|"
                            r"a member of)\s+(?:the\s+)?", re.I)


def _role_org(doc: Document, p: Mention) -> tuple[str, str | None]:
    role = p.attributes["role"]
    span = p.attributes.get("role_span")
    org: str | None = None
    if span:
        inside = [m for m in doc.mentions_starting(span[0], span[1] + 1) if m.end <= span[1] and m.type != "Person"]
        if inside:
            o = inside[-1]
            org = o.name
            rel_start, rel_end = o.start - span[0], o.end - span[0]
            head = role[:rel_start].rstrip()
            tail = role[rel_end:].lstrip()
            head = re.sub(r"\s+(?:of|at|for)(?:\s+the)?(?:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s)?$", "", head)
            head = re.sub(r"['’]s$", "", head).strip()
            tail = re.sub(r"^['’]s\s+", "", tail)
            if not head and tail:
                role = tail
            elif head and tail:
                role = f"{head} of {tail}" if not re.search(r"\b(?:of|for)$", head) else f"{head} {tail}"
            elif head:
                role = head
            if o.type == "Country" and not NATIONAL_POSTS.search(role):
                pass
        before = [m for m in doc.mentions_ending(span[0] - 4, span[0]) if m.type != "Person"
                  and "," not in doc.text[m.end:span[0]]  # "... for the Navy, Defense Secretary X said"
                  and not _SENTENCE_GAP.search(doc.text, m.end, span[0])]  # "... Aselsan. Deputy Minister X"
        if org is None and before:
            org = before[-1].name
        if org is None and _ITS_BEFORE.search(doc.text, max(0, span[0] - 6), span[0]):
            org = _its_owner(doc, span[0])
        if org is None:
            org = _whose_owner(doc, span[0])
        if org is None and NATIONAL_POSTS.search(role):
            org = _state_astride(doc, span[0])
    if org is not None and doc.entities.type_of(org) not in (None, "Country", *_BODIES):
        org = None  # "At the K9 line, Minister X": a platform, an event or a person holds no posts
        if span and NATIONAL_POSTS.search(role):
            org = _state_astride(doc, span[0])
    service = _service_branch(role)
    if service is not None and (org is None or doc.entities.type_of(org) not in ("ArmedForce",)):
        org = _service_force(doc, p, service, org)
    if org is None and NATIONAL_POSTS.search(role):
        org = doc.main_country()
    if org and doc.entities.type_of(org) in ("GovernmentAgency",) and NATIONAL_POSTS.search(role) and "(" in org:
        org = doc.entities.records[org].attributes.get("country", org)
    return role, org


_ITS_BEFORE = re.compile(r"\b[Ii]ts\s+$")
_SENTENCE_GAP = re.compile(r"[.!?;]|\n")
_WHOSE_BEFORE = re.compile(r",\s+whose\s+$")


def _whose_owner(doc: Document, at: int) -> str | None:
    """Return the body named right before "whose" ("Italy's Leonardo, whose chief executive X said")."""
    wm = _WHOSE_BEFORE.search(doc.text, max(0, at - 12), at)
    if wm is None:
        return None
    owners = [m for m in doc.mentions_ending(wm.start() - 1, wm.start()) if m.type in _BODIES]
    return owners[-1].name if owners else None


def _state_astride(doc: Document, at: int) -> str | None:
    """Return the state of a national force or body whose name runs into a national post ("French Armed Forces
    Minister X": the minister is France's, not the force's)."""
    for m in doc.mentions_ending(at + 1, at + 40):
        if m.start < at and m.type in ("ArmedForce", "GovernmentAgency") and m.attributes.get("country"):
            return str(m.attributes["country"])
    return None
_BODIES = ("Company", "Organisation", "GovernmentAgency", "ArmedForce")


def _its_owner(doc: Document, at: int) -> str | None:
    """Return the body "its" stands for before a post ("X is owned by Y. Its managing director, Z, said"): the first
    body of the sentence, or else of the sentence before."""
    s = doc.sentence_at(at)
    here = [m for m in doc.mentions_in(s, *_BODIES) if m.end <= at]
    if here:
        return here[0].name
    if s.index == 0:
        return None
    prev = doc.mentions_in(doc.sentences[s.index - 1], *_BODIES)
    return prev[0].name if prev else None


# a post at the head of one service ("Chief of Navy", "Chief of the Naval Staff", "Army chief", "Air Force commander")
_SERVICE_POST = re.compile(
    r"\b(?:(?:Chief|Commander|Head|chief|commander|head)\s+of\s+(?:the\s+)?(?P<b1>Navy|Naval\s+Staff|Army|Army\s+Staff|"
    r"Air\s+Force|Air\s+Staff|Defen[cs]e\s+Forces?|Defen[cs]e\s+Staff|General\s+Staff|Armed\s+Forces)|"
    r"(?P<b2>Navy|Naval|Army|Air\s+Force|Armed\s+Forces|Defen[cs]e\s+Forces)\s+(?:chief|commander|Chief|Commander|"
    r"head|Head|Chief\s+of\s+Staff))\b")
_BRANCH_KIND = {"navy": "navy", "naval": "navy", "army": "army", "air": "air force", "defence": "armed forces",
                "defense": "armed forces", "general": "armed forces", "armed": "armed forces"}
# the same, written in lower case: "commander of the navy", "chief of staff of the land forces"
_SERVICE_POST_LOWER = re.compile(r"\b(?:chief|commander|head|chief\s+of\s+staff)\s+of\s+the\s+"
                                 r"(?P<b>navy|naval\s+forces|army|land\s+forces|air\s+forces?|armed\s+forces|"
                                 r"defen[cs]e\s+forces)\b", re.I)
_LOWER_BRANCH = {"navy": "navy", "naval": "navy", "army": "army", "land": "army", "air": "air force",
                 "armed": "armed forces", "defence": "armed forces", "defense": "armed forces"}
_FORCE_HEADS = (("Navy", "navy"), ("Naval Forces", "navy"), ("Army", "army"), ("Air Force", "air force"),
                ("Land Forces", "army"),
                ("Armed Forces", "armed forces"), ("Defence Forces", "armed forces"),
                ("Defense Forces", "armed forces"))


def _service_branch(role: str) -> str | None:
    """Return the service ("navy", "army", "air force", "armed forces") a post heads, or None."""
    m = _SERVICE_POST.search(role)
    if m is None:
        lm = _SERVICE_POST_LOWER.search(role)
        return _LOWER_BRANCH.get(lm.group("b").split()[0]) if lm else None
    return _BRANCH_KIND.get((m.group("b1") or m.group("b2")).split()[0].casefold())


def _force_kind(name: str, attributes: dict[str, object]) -> str | None:
    kind = attributes.get("kind")
    if isinstance(kind, str):
        return kind
    return next((k for head, k in _FORCE_HEADS if name.split(" (")[0].endswith(head)), None)


def _service_force(doc: Document, p: Mention, service: str, org: str | None) -> str | None:
    """Return the force of the person's state whose head the post names ("Chief of the Naval Staff" in an article
    from Islamabad: the Pakistan Navy), else the state a national post names, else None."""
    span = p.attributes.get("role_span")
    if span:  # "the Ghana Armed Forces chief": the force is written into the post
        force = next((m for m in doc.mentions if m.type == "ArmedForce" and m.start < span[0] < m.end), None)
        if force is not None and _force_kind(force.name, force.attributes) == service:
            return force.name
    near_force = _named_before(doc, span, service) if span else None
    if near_force is not None:
        return near_force
    country = org if org is not None and doc.entities.type_of(org) == "Country" else None
    if country is None:
        s = doc.sentence_at(p.start)
        near = [c for c in doc.mentions_in(s, "Country") if c.end <= p.start and p.start - c.end <= 60]
        country = near[-1].name if near else doc.main_country()
    for rec in doc.entities.records.values():
        if (rec.type == "ArmedForce" and rec.attributes.get("country") == country
                and _force_kind(rec.name, rec.attributes) == service):
            return rec.name
    # "Army chief General X" where the article never names that army: the post is held for the state
    return country if country is not None and country in doc.entities else None


def _named_before(doc: Document, span: tuple[int, int], service: str) -> str | None:
    """Return the force a post's lower-case "the navy" points back to: the last force of that service named shortly
    before the post ("The Kingdom of X Navy ... the commander of the navy, Admiral Y"), unless it names a state."""
    lm = _SERVICE_POST_LOWER.search(doc.text, span[0], span[1])
    if lm is None or lm.group("b")[0].isupper():
        return None
    if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", doc.text[lm.end():span[1] + 1]):
        return None
    prior = [m for m in doc.mentions if m.type == "ArmedForce" and m.end <= span[0] and span[0] - m.end <= 300
             and _force_kind(m.name, m.attributes) == service]
    return prior[-1].name if prior else None


def _word_prefixes(name: str) -> list[str]:
    """Return the names ``name`` begins with and goes on from with a space ("A B C": "A", "A B")."""
    return [name[:i] for i, ch in enumerate(name) if ch == " "]


def extract_relations(doc: Document, agreements: list[AgreementState]) -> None:
    """Add every non-agreement relation to ``doc``."""
    text = doc.text
    # posts
    for p in doc.mentions:
        if p.type == "Person" and p.attributes.get("role"):
            role, org = _role_org(doc, p)
            if role and len(role) < 90:
                doc.relate(p.name, "holds_role", role, {"organisation": org}, doc.sentence_at(p.start))
    _appointments(doc)
    # affiliation and location of organisations
    forces: dict[str, int] = {}  # each armed force's name, and where it is first mentioned
    for i, o in enumerate(doc.mentions):
        if o.type == "ArmedForce":
            forces.setdefault(o.name, i)
    for m in doc.mentions:
        s = doc.sentence_at(m.start)
        country = m.attributes.get("country")
        if m.type in ("ArmedForce", "GovernmentAgency") and country and country not in doc.entities:
            gaz = getattr(doc, "gazetteers", None)
            if gaz is not None and any(g.entry.name == country for w in m.surface.split() for g in gaz.match(w)):
                doc.entities.add(country, "Country")
            elif gaz is not None and _formal_state_opens(gaz, m.surface, country):
                doc.entities.add(country, "Country")
        if m.type in ("ArmedForce", "GovernmentAgency") and country and country in doc.entities:
            # the first force mentioned whose name begins this one's, word by word; not the service a state's own is
            # named after ("Royal Navy of Oman" is Oman's, no part of the Royal Navy)
            above = [n for n in _word_prefixes(m.name) if n in forces and not m.name.startswith(n + " of ")]
            doc.relate(m.name, "part_of", min(above, key=forces.__getitem__) if above else country, {}, s)
        if m.type in ("Company", "ArmedForce", "GovernmentAgency", "Organisation"):
            sm = _SUBSIDIARY_RE.match(text, m.end + 2) if text[m.end:m.end + 2] == ", " else None
            if sm is None:
                sm = re.compile(r",?\s+which remains\s+").match(text, m.end)
                sm = _SUBSIDIARY_RE.search(text, m.end, min(len(text), m.end + 60)) if sm else None
            if sm:
                parents = [o for o in doc.mentions_starting(sm.end(), sm.end() + 41) if o.type != "Person"]
                if parents:
                    pred = "owned_by" if parents[0].type == "Country" else "part_of"
                    doc.relate(m.name, pred, parents[0].name, {}, s)
        if m.type == "Company":
            before = text[max(s.start, m.start - 60):m.start]
            cs = [c for c in doc.mentions_in(s, "Country") if c.end <= m.start and m.start - c.end <= 40
                  and re.fullmatch(r"(?:['’]s?)?(?:\s+(?:state-owned|[a-z][\w-]*)){0,3}\s+", text[c.end:m.start])
                  and not _CLAUSE_GAP.search(text[c.end:m.start])
                  and not _NOT_LOCATING.search(text[c.end:m.start])]
            after = re.match(r",\s+(?:the\s+)?(?P<adj>(?:[\w-]+\s+){0,3})", text[m.end:m.end + 60])
            if not cs and after:
                cs = [c for c in doc.mentions_in(s, "Country") if m.end < c.start <= m.end + 40 and c.form == "demonym"
                      # not a part of "an Indo-Russian venture"
                      and (not c.start or text[c.start - 1] != "-") and text[c.end:c.end + 1] != "-"]
            if cs and m.attributes.get("country") not in (None, cs[-1].name):
                cs = []  # the text's cue contradicts the known home of a listed company
            if cs:
                doc.relate(m.name, "located_in", cs[-1].name, {}, s)
                if "state-owned" in before[-40:] or (after and "state-owned" in after.group(0)):
                    doc.relate(m.name, "owned_by", cs[-1].name, {}, s)
            based = re.match(r",?\s+(?:\w+\s+){0,6}?based in\s+(?P<p>[A-Z]\w+(?:\s[A-Z]\w+)?)", text[m.end:m.end + 90])
            if based:
                doc.relate(m.name, "located_in", based.group("p"), {}, s)
    # partnerships between two states
    for s in doc.sentences:
        pm = _PARTNER_RE.search(s.text) if "partner" in s.text else None
        if pm:
            states: list[str] = []
            for c in doc.mentions_in(s, "Country"):
                if c.name not in states:
                    states.append(c.name)
            between = re.search(r"\bbetween\s+(?:the\s+)?", s.text[pm.end():pm.end() + 12])
            if between:  # "the partnership between Tokyo and Canberra": the pair it names
                pair = [c.name for c in doc.mentions_in(s, "Country") if c.start >= s.start + pm.end()]
                states = list(dict.fromkeys(pair)) if len(set(pair)) >= 2 else states
            if len(states) >= 2:
                status = "planned" if re.search(r"\b(?:will|to elevate|plan|agree to|would|(?:agreed|plans?|aims?|"
                                                r"decided|seeks?)\s+to\s+(?:upgrade|raise|lift|elevate))\b",
                                                s.text[:pm.start()]) or _PLANNED_AFTER.match(s.text, pm.end()) \
                    else "existing"  # "..., strategic partners since 1998, will mark ...": the partners are
                if re.search(r"\b(?:deepen|strengthen|enhance|expand|boost|reinforce)\w*\s+"
                             r"(?:the\s+|their\s+|our\s+)?$", s.text[max(0, pm.start() - 40):pm.start()]):
                    status = "existing"  # a partnership to deepen is there already
                since = re.search(r"\bsince\s+((?:19|20)\d\d)\b", s.text)
                level = " ".join(pm.group(0).split())
                doc.relate(states[0], "partner_of", states[1], {"level": level, "status": status,
                                                         "since": since.group(1) if since else None}, s)
    _cooperating_pairs(doc)
    _events(doc)
    _platform_lineage(doc)


_COOP_PAIR = re.compile(r"\s*(?:have\s+|has\s+|had\s+)?(?:agreed|pledged|vowed|decided|resolved)\s+to\s+"
                        r"(?:further\s+)?(?:strengthen|deepen|enhance|expand|boost|step\s+up|intensify)\s+"
                        r"(?:their\s+|bilateral\s+)?(?P<domain>(?:defen[cs]e|military|security|maritime|"
                        r"defen[cs]e\s+industry)(?:\s+and\s+(?:defen[cs]e|military|security))?)\s+"
                        r"(?:cooperation|co-operation|ties|relations|collaboration)\b")


def _cooperating_pairs(doc: Document) -> None:
    """"X and Y have agreed to strengthen defence cooperation": two states that work together are partners."""
    for s in doc.sentences:
        if "agreed" not in s.text and "pledged" not in s.text and "vowed" not in s.text:
            continue
        cs = doc.mentions_in(s, "Country")
        for a, b in pairwise(cs):
            if a.name == b.name or not re.fullmatch(r"\s+and\s+(?:the\s+)?", doc.text[a.end:b.start]):
                continue
            cm = _COOP_PAIR.match(doc.text, b.end, s.end)
            if cm:
                doc.relate(a.name, "partner_of", b.name, {"domain": " ".join(cm.group("domain").split()),
                                                          "status": "existing"}, s)
            elif "agreed" in s.text:
                _agreed_to_cooperate(doc, s, a.name, b.name, b.end)


# "Norway and Sweden agreed on Monday to cooperate on air defence": the two states are partners in that area
_AGREED_TO_COOPERATE = re.compile(r"\s*(?:have\s+|has\s+|had\s+)?(?:also\s+|now\s+|further\s+)?agreed\s+"
                                  r"(?:(?:on|last|this)\s+\w+\s+)?to\s+"
                                  r"(?:cooperate|co-operate|collaborate|work\s+together)\s+(?:more\s+closely\s+|"
                                  r"closely\s+)?(?:on|in)\s+(?:the\s+(?=\w+\s+of\b))?(?P<area>[a-z][\w-]*"
                                  r"(?:\s+(?!and\b|or\b|as\b|during\b|at\b|after\b|with\b|on\b|in\b|to\b|from\b)"
                                  r"[a-z][\w-]*){0,4})")


def _agreed_to_cooperate(doc: Document, s: Sentence, a: str, b: str, after: int) -> None:
    am = _AGREED_TO_COOPERATE.match(doc.text, after, s.end)
    if am:
        doc.relate(a, "partner_of", b, {"domain": am.group("area"), "status": "agreed"}, s, 0.6)


def _edition_date(doc: Document, ev: Mention) -> str | None:
    """Return when an event the dateline places was held: the article's date, unless the name carries another
    year ("Indo Defence 2025" in 2026) or the sentence dates the edition ("last June")."""
    s = doc.sentence_at(ev.start)
    year = event_year(ev)
    ds = [d for d in doc.in_sentence(s, doc.dates) if not (ev.start <= d.start < ev.end)]
    if year and not (doc.article_date or "").startswith(year):
        return next((d.value for d in ds if d.value.startswith(year)), year)
    past = [d for d in ds if not d.prospective and d.start > ev.start - 60]
    if year is None and past and re.search(r"\b(?:last|earlier|ago|previous)\b", past[0].surface + " "
                                           + doc.text[max(s.start, past[0].start - 12):past[0].start]):
        return past[0].value
    ahead = _HOSTS.search(s.text, max(0, ev.start - s.start - 80)) if any(
        w in s.text for w in ("host", "hold", "stage", "held", "place", "convene", "open")) else None
    coming = [d for d in ds if d.prospective and ahead is not None and d.start > s.start + ahead.start()
              and (year is None or d.value.startswith(year))]
    if coming:
        return coming[0].value  # "will host the 10th ... in Jakarta next month": the month to come
    days = [d for d in past if len(d.value) == 10 and d.value <= (doc.article_date or "")]
    if year is None and days and days[0].value != doc.article_date and ev.attributes.get("event_type") != "exhibition":
        return days[0].value  # "agreed on Thursday at the fifth meeting of ...": the day told, not one of a show's
    return doc.article_date


_HOSTS = re.compile(r"\b(?:will|is\s+to|are\s+to|is\s+set\s+to|is\s+due\s+to)\s+(?:host|hold|stage|be\s+held|"
                    r"take\s+place|convene|open)\b")


def _place_named_for(doc: Document, ev: Mention) -> str | None:
    """Return the place the event's sentence sets it in ("In Cairo, the expo ...", "the expo in Cairo"), if any."""
    s = doc.sentence_at(ev.start)
    for start, _end, surface in doc.places:
        if s.start <= start < s.end and re.search(r"(?:^|\b)(?:[Ii]n|at)\s+$", doc.text[max(s.start, start - 4):start]):
            if start < ev.start or start - ev.end <= 12:
                return surface
    return None


_HELD_IN_AFTER = re.compile(r",?\s+(?:which\s+was\s+|that\s+was\s+)?(?:held|hosted|staged)\s+in\s+"
                            r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_EVENT_WORDS = ("seminar", "summit", "show", "exhibition", "dialogue", "conference", "forum")
_EVENT_REF_RE = re.compile(rf"\b(?:the|The)\s+(?:{'|'.join(_EVENT_WORDS)})\b")
#: a partnership to come named before its verb: "a strategic partnership between A and B is planned"
_PLANNED_AFTER = re.compile(r"[^.;,]{0,60}?\b(?:is|are)\s+(?:planned|expected|proposed|to\s+be)\b")
_ORGANISERS = re.compile(r"(?:The\s+)?(?:[Oo]rgani[sz]ers|[Oo]rgani[sz]ing\s+committee)\s+(?:expect|said|say|estimate|"
                         r"reported|report|announced|have\s+(?:registered|confirmed))")
_SPEECH_RE = re.compile(r"\bkeynote\b|\b(?:address|speech)\b")
_CHAIRED_RE = re.compile(r"\bco-?chair(?:ed|s)?\b|\bchaired\b")


def _events(doc: Document) -> None:
    events = [m for m in doc.mentions if m.type == "Event"]
    if not events:
        return
    last_person: Mention | None = None
    place = getattr(doc, "dateline_place", None)
    first = events[0]
    for m in doc.mentions:
        if m.type == "Event" and place and m.name == first.name and m.attributes.get("event_type") != "exercise":
            # an exercise is held on ranges and at sea, seldom in the city the report is filed from
            elsewhere = _place_named_for(doc, m)
            written = _HELD_IN_AFTER.match(doc.text, m.end)
            if elsewhere is None and written is not None:
                # "the first X Forum, held in Sao Paulo in October 2025": there and then, not where the report is filed
                elsewhere = written.group("place")
            if elsewhere is not None and elsewhere.casefold() != place.casefold():
                # "In Cairo, the fourth Egypt Defence Expo ..." in an article from Abuja
                when = next((d.value for d in doc.dates if written is not None
                             and 0 <= d.start - written.end() <= 4), None) or _edition_date(doc, m)
                doc.relate(m.name, "held_in", elsewhere, {"date": when}, doc.sentence_at(m.start))
                continue
            doc.relate(m.name, "held_in", place, {"date": _edition_date(doc, m)}, doc.sentence_at(m.start))
    for s in doc.sentences:
        persons = doc.mentions_in(s, "Person")
        ev_here = doc.mentions_in(s, "Event")
        ev = ev_here[0] if ev_here else None
        # each pattern is tried only on a sentence holding one of its words (a substring test costs less)
        if ev is None and any(w in s.text for w in _EVENT_WORDS) and _EVENT_REF_RE.search(s.text):
            ev = events[-1] if events[-1].start < s.start else events[0]
        if ev is None and "rgani" in s.text and _ORGANISERS.match(s.text) and events[0].start < s.start:
            ev = events[-1] if events[-1].start < s.start else events[0]  # "Organisers expect 120 delegations"
        if ev is not None:
            if ("keynote" in s.text or "address" in s.text or "speech" in s.text) and _SPEECH_RE.search(s.text):
                who = persons[0] if persons else last_person
                if who is not None:
                    role = "keynote address" if "keynote" in s.text else "speaker"
                    doc.relate(who.name, "speaker_at", ev.name, {"role": role}, s)
            if "chair" in s.text and _CHAIRED_RE.search(s.text):
                for p in persons:
                    doc.relate(p.name, "chairs", ev.name, {}, s)
            quantities = doc.in_sentence(s, doc.quantities)
            counted = bool(quantities) and not another_edition(doc, s, ev)  # asked only where a count may be
            for q in quantities:
                um = _COUNT_UNITS.match(doc.text[q.end:q.end + 60]) if counted else None
                if um and earlier_count(doc, q.start, q.end, s):
                    continue
                if um and not re.search(r"\bfrom\s*$", doc.text[max(s.start, q.start - 6):q.start]) \
                        and not _DEFINITE_BEFORE.search(doc.text, max(s.start, q.start - 7), q.start):
                    doc.relate(ev.name, "has_participant_count", q.value,
                               {"unit": um.group("unit"), "approximate": q.approximate or None,
                                "lower_bound": q.lower_bound or None}, s)
        if persons:
            last_person = persons[-1]


def _platform_lineage(doc: Document) -> None:
    # first-mention order breaks ties of length, so the facts come out in the same order on every run
    names = sorted(dict.fromkeys(m.name for m in doc.mentions if m.type == "Platform"), key=len)
    for n in names:
        parents = [o for o in names if o != n and ((n.startswith(o) and len(n) > len(o))
                                                   or n.casefold().endswith(" " + o.casefold()))]
        if parents:
            parent = max(parents, key=len)
            m = next(x for x in doc.mentions if x.name == n)
            doc.relate(n, "derived_from", parent, {}, doc.sentence_at(m.start))


# a post taken, given or held, written after the verb: "X was named Deputy Commander of the Army", "she served as
# commandant of the Academy and as head of ...", "Y takes over as Chief of Staff"
_NAMED_AS = r"(?:named|appointed|confirmed\s+as)(?:\s+as)?\s+"
_COPULA = (r"(?:(?:previously|formerly|also|then|once)\s+)?(?=(?:the\s+)?(?:president|chairman|chief\s+executive|"
           r"managing\s+director|general\s+manager|head|commander|director|CEO)\s+of\b)")
# the verbs as a trie, the boundary before them checked behind, so that the scan skips to their first letters
_APPOINTED = re.compile(branches_regex([
    ("was", rf"\s+(?:{_NAMED_AS}|(?:sworn\s+in|installed)\s+as\s+|{_COPULA})"),
    ("is", rf"\s+(?:{_NAMED_AS}|(?:sworn\s+in|installed)\s+as\s+|{_COPULA})"),
    ("were", rf"\s+{_NAMED_AS}"),
    ("has", rf"\s+(?:been\s+(?:{_NAMED_AS}|{_COPULA})|served\s+as\s+|taken\s+over\s+as\s+)"),
    ("had", rf"\s+(?:been\s+(?:{_NAMED_AS}|{_COPULA})|served\s+as\s+|taken\s+over\s+as\s+)"),
    ("will", rf"\s+(?:be\s+{_NAMED_AS}|take\s+over\s+as\s+|become\s+)"),
    ("takes", r"\s+over\s+as\s+"), ("took", r"\s+over\s+as\s+"),
    ("serves", r"\s+as\s+"), ("served", r"\s+as\s+"),
    ("becomes", r"\s+"), ("became", r"\s+")], word_start=True) + r"(?:the\s+)?(?:new\s+)?(?=[A-Za-z])")
_APPOINTED_ANCHORS = ("named", "appointed", "over as", "serve", "becom", "became", "sworn in", "installed",
                      "confirmed as", "president of", "chairman of", "executive of", "director of", "commander of",
                      "head of", "manager of")
# "the board appointed X as chief executive officer", "the company named X as its chief financial officer"
_APPOINTED_AS = re.compile(r"\b(?:appointed|named|hired|elected|promoted)\s+$")
_AS_POST = re.compile(r"\s+as\s+(?:the\s+|its\s+|their\s+)?(?:new\s+)?")
_POST_AFTER = re.compile(
    r"(?P<role>(?:(?:Deputy|Vice|Acting|Assistant|Chief|deputy|vice|acting|assistant)\s+)?(?:Chief\s+Executive(?:\s+"
    r"Officer)?|Chief\s+(?:Financial|Operating|Technology|Technical|Commercial)\s+Officer|Managing\s+Director|"
    r"Commander|Commandant|Chief(?:\s+of\s+(?:the\s+)?(?:General\s+|Defen[cs]e\s+|Naval\s+|Army\s+|Air\s+)?Staff)?|"
    r"Director(?:[- ]General)?|Head|Chairman|Chairwoman|Chair|President|Secretary(?:[- ]General)?|Minister|"
    r"Ambassador|Inspector[- ]General|CEO|chief\s+executive(?:\s+officer)?|"
    r"chief\s+(?:financial|operating|technology|technical|commercial)\s+officer|managing\s+director|commander|"
    r"general\s+manager|commandant|chief|director|head|chairman|chairwoman|president|spokesman|spokeswoman)"
    r"(?P<of>\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|and\s+|for\s+)?(?:the\s+)?[A-Z][\w-]*)"
    r"{0,5})?)")
_POSSESSIVE_NEXT = re.compile(r"(?:\s+[A-Z][\w-]*)*['’]s\b")
_ANCHORS = (*_APPOINTED_ANCHORS, "command of")
_AND_AS = re.compile(r"\s+and\s+(?:later\s+)?as\s+(?:the\s+)?")
# "handed over command of the Army to General Y", "took over command of the Fleet", "assumed command of X"
_COMMAND = re.compile(r"\b(?P<v>handed\s+over|hands\s+over|relinquished|took\s+over|takes\s+over|assumed|assumes|"
                      r"took|takes)\s+command\s+of\s+(?:the\s+)?")


def _subject_before(doc: Document, verb: int) -> Mention | None:
    """Return the person whose clause the verb at ``verb`` ends: the last person before it, with nothing but a
    relative clause or an adverb between."""
    persons = [p for p in doc.mentions_ending(max(0, verb - 120), verb) if p.type == "Person"]
    if not persons:
        return None
    p = persons[-1]
    between = doc.text[p.end:verb]
    if re.fullmatch(r"(?:\s*,[^.;]{0,90},)?\s*(?:[a-z]+ly\s+|later\s+|then\s+|also\s+|now\s+|previously\s+|"
                    r"formally\s+|officially\s+)*", between):
        return p
    return None


def _hold(doc: Document, p: Mention, role: str, start: int, end: int, s: Sentence,
          employer: str | None = None) -> None:
    post = Mention(p.start, p.end, p.surface, p.name, "Person", 0, {"role": role, "role_span": (start, end)})
    named = [m for m in doc.mentions_starting(start, end) if m.end <= end and m.type != "Person"]
    if employer is not None and not named:
        org: str | None = employer  # "Saab appointed X as chief executive": the post is held at the appointer
    else:
        role, org = _role_org(doc, post)
    if role and len(role) < 90:
        doc.relate(p.name, "holds_role", role, {"organisation": org}, s)


def _appointer(doc: Document, s: Sentence, verb: int) -> str | None:
    """Return the firm that appoints: the first company of the sentence before the verb, else "its" / "the company"
    standing for the first body of the sentence before."""
    here = [m for m in doc.mentions_in(s, *_BODIES) if m.end <= verb]
    if here:
        return here[0].name
    if re.search(r"\b(?:[Ii]ts|[Tt]he\s+(?:company|group|firm|agency|board))\b", doc.text[s.start:verb]):
        return _its_owner(doc, s.start)
    return None


def _post_end(text: str, m: re.Match[str]) -> int:
    """Return where the post ``_POST_AFTER`` matched ends: before its "of ..." when a possessive follows
    ("commander of the Air Force's training command": the post alone)."""
    end = m.end("role")
    if m.group("of") and _POSSESSIVE_NEXT.match(text, end):
        return m.start("of")
    return end


def _appointments(doc: Document) -> None:
    """Posts taken, given or held that are written after a verb, and commands handed over or taken."""
    text = doc.text
    for s in sentences_with(doc, _ANCHORS):
        for am in _APPOINTED.finditer(text, s.start, s.end):
            p = _subject_before(doc, am.start())
            pos = am.end()
            while p is not None:
                rm = _POST_AFTER.match(text, pos, s.end)
                if rm is None:
                    break
                end = _post_end(text, rm)
                role = " ".join(text[rm.start("role"):end].split())
                _hold(doc, p, role, rm.start("role"), end, s)
                nm = _AND_AS.match(text, rm.end(), s.end)
                if nm is None:
                    break
                pos = nm.end()
        if "appointed" in s.text or "named" in s.text or "hired" in s.text or "elected" in s.text or \
                "promoted" in s.text:
            for p in doc.mentions_in(s, "Person"):
                vm = _APPOINTED_AS.search(text, max(s.start, p.start - 12), p.start)
                as_m = _AS_POST.match(text, p.end, s.end) if vm else None
                post = _POST_AFTER.match(text, as_m.end(), s.end) if as_m else None
                if vm is None or post is None:
                    continue
                end = _post_end(text, post)
                _hold(doc, p, " ".join(text[post.start("role"):end].split()), post.start("role"), end, s,
                      _appointer(doc, s, vm.start()))
        if "command of" in s.text:
            for cm in _COMMAND.finditer(text, s.start, s.end):
                body = next((m for m in doc.mentions_starting(cm.end(), cm.end() + 1)
                             if m.type in ("ArmedForce", "GovernmentAgency", "Organisation")), None)
                if body is None:
                    continue
                p = _subject_before(doc, cm.start())
                given = re.match(r"\s+to\s+", text[body.end:s.end]) if cm.group("v").startswith(("hand", "relinq"))\
                    else None
                to = next((m for m in doc.mentions_starting(body.end + given.end(), body.end + given.end() + 1)
                           if m.type == "Person"), None) if given else None
                for who in (p, to):
                    if who is not None:
                        doc.relate(who.name, "holds_role", "Commander", {"organisation": body.name}, s)


def _formal_state_opens(gaz: Gazetteers, surface: str, country: str) -> bool:
    """Whether a force's name opens with its state's formal name ("Republic of Korea Army", "Kingdom of X Navy")."""
    words = surface.split()
    if len(words) < 4 or words[1] != "of":
        return False
    return any(g.entry.name == country and g.entry.type == "Country" and g.start == 0
               for k in range(len(words) - 1, 2, -1) for g in gaz.match(" ".join(words[:k])))
