"""Cooperation areas and capability domains from the lists that name them.

A topic is found where a frame opens a list: "cooperation in X, Y and Z", "covers X, Y and
Z", "an MoU on X", "discussions focused on X and Y", "embrace X", "capabilities spanning
X, Y and Z", "X at A, Y at B" after "strengths", "X, Y and Z dominated the show". Each
item becomes a topic (see :mod:`.coordination`). Cooperation areas attach to the agreement
the sentence introduces or refers to, else to the event for discussion topics, else to the
stating country with the other country as ``partner``; capability domains attach to the
entity that has them.
"""

from __future__ import annotations

import re

from .agreements import AgreementState
from .anaphora import AGREEMENT_REF, PAIR_REF, THEY_REF, agreement_at, country_pair, event_at, pair_at
from .anchors import has_any, mentions_in
from .coordination import coordinated_topics, gaz_surface, is_activity, list_items
from .document import Document
from .gazetteer import Gazetteers, load_gazetteers
from .mentions import Mention
from .patterns import caseless_branches_regex
from .text import Sentence

__all__ = ["extract_topics"]

# (frame, strength): "agreement" ties the list to the agreement named just before it
_FRAMES = re.compile(
    r"\b(?:(?P<agreement>(?:[Mm]emorand(?:um|ums|a) of [Uu]nderstanding|MoUs?|agreement|[Ll]etter of [Ii]ntent|LoI|"
    r"deal|contract|arrangement|Heads of Agreement)(?:\s+\([A-Za-z]+\))?\s+(?:on|covering)\s+)|"
    r"(?P<coop>(?:cooperation|collaboration|co-operation|cooperate|collaborate|partnership|working together)"
    r"(?:,?\s+(?:particularly|especially|notably|mainly|primarily|specifically|chiefly|including))?"
    r"\s+(?:on|in)\s+)|"
    r"(?P<verb>(?:cover(?:s|ing|ed)?|includ(?:e|es|ed|ing)|provides?\s+for|provided\s+for|embrac(?:e|es|ed|ing)|"
    r"pursu(?:e|es|ed|ing)|plan(?:s|ned)?|focus(?:ed|es|ing)?\s+on|focussed\s+on|cent(?:red|ered)\s+on|"
    r"deepen(?:ing)?|strengthen(?:ing)?|expand(?:ing)?|enhanc(?:e|ing)|boost(?:ing)?|explor(?:e|ing))\s+"
    r"(?:(?:the|their|bilateral|mutual)\s+)?)|"
    r"(?P<body>(?:set(?:ting)?\s+up|establish(?:ing)?|form(?:ing)?|creat(?:e|ing))\s+(?:a\s+|an\s+)?"
    r"(?P<bodyname>joint working group|working group|joint committee|task force|joint commission|"
    r"steering committee)\s+on\s+))")
_NOT_AFTER_VERB = re.compile(r"(?:cooperation|collaboration|co-operation|ties|relations|partnership)\s+"
                             r"(?:in|on|with)\b|to\s", re.I)
# what talks focus on is a topic whatever its head noun; elsewhere only activities are areas
_FOCUS = re.compile(r"focus|cent")
_DISCUSSION = re.compile(caseless_branches_regex(
    ((w, "") for w in ("discussions", "discussion", "discussed", "talks", "agenda", "sessions", "session", "panels",
                       "panel", "topics", "topic", "themes", "theme", "debated")), word_start=True) + r"\b")
# active and ahead only: "jointly developed by A and B" describes a weapon, not an area of the deal
_JOINTLY = re.compile(r"\b(?:to|will|would|shall|agreed to|plan to)\s+jointly\s+"
                      r"(?P<a>develop|produce|manufacture|build)"
                      r"(?:\s+and\s+(?P<b>develop|produce|manufacture|build))?\b")
_PACKAGE = re.compile(r"\b(?:deal|contract|agreement|MoU|arrangement)['’]s\s+(?P<topic>[\w\s-]{3,60}?)\s+"
                      r"(?:package|programme|program|component|element|provisions|clause)\b")
_JOINT_AREA = {"develop": "co-development", "produce": "co-production", "manufacture": "co-production",
               "build": "co-production"}
_TRAINED = re.compile(r"\b(?:to be|will be|would be|being|are|were)\s+(?:\w+\s+)?trained\b")
_UNDER_DEAL = re.compile(r"\bunder\s+the\b|\bthe\s+(?:deal|contract|agreement)['’]s\b")
_CAP_FRAME = re.compile(r"\b(?:capabilit(?:y|ies)|expertise|strengths?|speciali[sz]\w*|know-how|leadership)\s+"
                        r"(?:spanning|in|including|such as|across|covering|like|ranging from)\s+")
_CAP_CUE = re.compile(r"\b(?:strengths?|expertise|speciali[sz]\w*|division of labour|capabilit\w*|know-how)\b")
_AT_OWNER = re.compile(r"\s+at\s+$")
_DOMINATED = re.compile(r"\s+(?:dominated|took centre stage at|took center stage at|were prominent at|"
                        r"featured prominently (?:at|on))\s+(?:the\s+)?(?:exhibition|show|event|stands|floor|fair)")
_FRAME_ANCHORS = ("cooperat", "collaborat", "co-operat", "partnership", "together", "cover", "includ", "provide",
                  "embrac", "pursu", "plan", "focus", "centred", "centered", "deepen", "strengthen", "expand",
                  "enhanc", "boost", "explor", "group", "committee", "task force", "commission", " on ", "jointly",
                  "trained", "'s", "’s")
_CAP_ANCHORS = ("capabilit", "expertise", "strength", "speciali", "know-how", "leadership", "division of labour",
                "dominated", "stage", "prominent")
_OWNER_TYPES = ("Country", "Company", "ArmedForce", "Organisation", "GovernmentAgency")


_WHEN_AFTER_ON = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                            r"April|May|June|July|August|September|October|November|December|the\s+sidelines|"
                            r"\d{1,2}(?:st|nd|rd|th)?\s)\b")


def _gaz(doc: Document) -> Gazetteers:
    return getattr(doc, "gazetteers", None) or load_gazetteers()


def _subject_country(doc: Document, s: Sentence, pos: int) -> tuple[str, str] | None:
    """Return (stating country, partner) for a cooperation list opening at ``pos``."""
    pair = country_pair(doc)
    clause = doc.text[s.start:pos]
    if PAIR_REF.search(clause):
        return pair_at(doc, s, pos) or pair
    countries = [c for c in mentions_in(doc, s, "Country") if c.form != "capital"]
    subject = next((c for c in countries if c.end <= pos and not re.match(r"['’]s\b", doc.text[c.end:c.end + 2])),
                   None)
    if subject is None:
        # "They also agreed to expand cooperation in X", after "A and B signed ..."
        return pair_at(doc, s, pos, coordinated=True) if "hey " in clause and THEY_REF.search(clause) else None
    others = [c.name for c in countries if c.name != subject.name]
    near = pair_at(doc, s, pos) if not others else None
    if near is not None and subject.name in near:
        pair = near  # the partner named just before, not the article's most named state
    partner = others[0] if others else (next((p for p in pair if p != subject.name), None) if pair else None)
    return (subject.name, partner) if partner and (not pair or subject.name in pair) else None


_ELABORATED = re.compile(r"[^,.;]{0,40}?(?:cooperation|collaboration|ties|relations),?\s+(?:particularly|especially|"
                         r"notably|mainly|primarily|specifically|chiefly|including)\s+(?:in|on)\s")


def _cooperation(doc: Document, agreements: list[AgreementState], gaz: Gazetteers) -> None:
    introducing = {id(a.sentence) for a in agreements}
    for s in doc.sentences:
        if not has_any(doc, s, _FRAME_ANCHORS):
            continue
        agr_ref = id(s) in introducing or bool(AGREEMENT_REF.search(s.text))  # the set first: it costs less
        for fm in _FRAMES.finditer(s.text):
            if fm.group("verb") and _NOT_AFTER_VERB.match(s.text, fm.end()):
                continue
            if fm.group("agreement") and _WHEN_AFTER_ON.match(s.text, fm.end()):
                continue  # "signed an MoU on Monday covering X": "on" dates the act, the areas come later
            pos = s.start + fm.end()
            free = bool(fm.group("verb")) and _FOCUS.match(fm.group("verb")) is not None
            names = [n for n in coordinated_topics(doc.text[pos:s.end], gaz) if free or is_activity(n, gaz)]
            if fm.group("verb") and _ELABORATED.match(s.text, fm.end()):
                continue  # "strengthen defence cooperation, particularly in X and Y": the areas are X and Y
            if fm.group("body"):
                names = [f"{n} ({fm.group('bodyname')})" for n in names]
            if not names:
                continue
            _attach(doc, agreements, s, s.start + fm.start(), names, agreement_frame=bool(fm.group("agreement")),
                    agr_ref=agr_ref)
            if fm.group("agreement"):
                _alias_with_complement(doc, agreements, s, fm, gaz)
        jm = _JOINTLY.search(s.text) if "jointly" in s.text else None
        if jm:
            names = [_JOINT_AREA[v] for v in (jm.group("a"), jm.group("b")) if v]
            _attach(doc, agreements, s, s.start + jm.start(), names, agreement_frame=False, agr_ref=agr_ref)
        pm = _PACKAGE.search(s.text) if has_any(doc, s, ("'s", "’s")) else None
        if pm and gaz_surface(pm.group("topic"), gaz):
            agr = agreement_at(doc, agreements, s)
            if agr is not None:
                name = gaz.match_topics(pm.group("topic"))[0][2].name
                doc.relate(agr.name, "has_cooperation_area", name, {}, s, 0.7)
        if "trained" in s.text and _TRAINED.search(s.text) and _UNDER_DEAL.search(s.text):
            agr = agreement_at(doc, agreements, s)
            if agr is not None:
                doc.relate(agr.name, "has_cooperation_area", "training", {}, s, 0.6)


def _attach(doc: Document, agreements: list[AgreementState], s: Sentence, pos: int, names: list[str],
            agreement_frame: bool, agr_ref: bool) -> None:
    if agreement_frame or agr_ref:
        agr = agreement_at(doc, agreements, s)
        if agr is not None:
            for n in names:
                doc.relate(agr.name, "has_cooperation_area", n, {}, s, 0.75 if agreement_frame else 0.65)
            return
    if _DISCUSSION.search(s.text):
        ev = event_at(doc, s) or doc.last_before(s.start, "Event")
        if ev is not None:
            for n in names:
                doc.relate(ev.name, "has_cooperation_area", n, {}, s, 0.6)
            return
    who = _subject_country(doc, s, pos)
    if who is not None:
        for n in names:
            doc.relate(who[0], "has_cooperation_area", n, {"partner": who[1]}, s, 0.55)


def _alias_with_complement(doc: Document, agreements: list[AgreementState], s: Sentence, fm: re.Match[str],
                           gaz: Gazetteers) -> None:
    """Record "memorandum of understanding on X" as a name of the agreement: it is how the text calls it."""
    agr = agreement_at(doc, agreements, s)
    items = list_items(doc.text[s.start + fm.end():s.end], gaz)
    if agr is None or not items:
        return
    end = s.start + fm.end() + items[-1][1]
    alias = re.sub(r"\s+(?:in|on|since|by)\s+(?:19|20)\d\d$", "", doc.text[s.start + fm.start():end]).strip()
    # "... at the <Event> in <Place>" names where, not what
    alias = re.sub(r"\s+(?:at|during|on the sidelines of)\s+(?:the\s+)?[A-Z].*$", "", alias)
    doc.entities.add(agr.name, "Agreement", alias)


def _owner_before(doc: Document, s: Sentence, pos: int) -> Mention | None:
    cands = [m for m in mentions_in(doc, s, *_OWNER_TYPES) if m.end <= pos]
    return cands[-1] if cands else None


def _capabilities(doc: Document, gaz: Gazetteers) -> None:
    for s in doc.sentences:
        if not has_any(doc, s, _CAP_ANCHORS):
            continue
        for cm in _CAP_FRAME.finditer(s.text):
            owner = _owner_before(doc, s, s.start + cm.start())
            if owner is not None:
                for n in coordinated_topics(s.text[cm.end():], gaz):
                    doc.relate(owner.name, "has_capability_domain", n, {}, s, 0.6)
        if _CAP_CUE.search(s.text):
            _domains_at_owners(doc, s, gaz)
        dm = _DOMINATED.search(s.text)
        if dm:
            ev = event_at(doc, s) or doc.last_before(s.start, "Event")
            head = s.text[:dm.start()]
            if head[:1].isupper() and head[1:2].islower():
                head = head[:1].lower() + head[1:]
            if ev is not None:
                for n in coordinated_topics(head, gaz):
                    doc.relate(ev.name, "has_capability_domain", n, {}, s, 0.6)


def _domains_at_owners(doc: Document, s: Sentence, gaz: Gazetteers) -> None:
    """Read "armoured vehicles at A, air defence and sensors at B": each list belongs to the name after it."""
    colon = s.text.find(":")
    left = s.start + (colon + 1 if colon >= 0 else 0)
    for m in mentions_in(doc, s, *_OWNER_TYPES):
        if m.start < left:
            continue
        if _AT_OWNER.search(doc.text[left:m.start]):
            segment = _AT_OWNER.sub("", doc.text[left:m.start])
            segment = re.sub(r"^[\s,;]*(?:and\s+)?", "", segment)
            for n in coordinated_topics(segment, gaz):
                doc.relate(m.name, "has_capability_domain", n, {}, s, 0.6)
        left = m.end


def extract_topics(doc: Document, agreements: list[AgreementState]) -> None:
    """Add cooperation areas and capability domains to ``doc``."""
    gaz = _gaz(doc)
    _cooperation(doc, agreements, gaz)
    _capabilities(doc, gaz)
