"""Industrial participation: local assembly of the rest of a batch, local content, parts made for a platform and
the support centres an offset package sets up.

* "the first two hulls will be built in Gdynia and the rest assembled locally by PT PAL":
  the contracted maker builds the first two (see :func:`contracted_maker`), the named
  yard assembles the rest (the batch's size less the hulls named before);
* "40% local content", "a local content of 35 per cent": the local firm the sentence
  names, else the buying state, contributes that share of the work;
* "<Co> will manufacture the wings for the <P>", "<Co>, which will produce fuselage
  sections for the <P>": the firm contributes that part;
* "a maintenance centre run by <Co>", "<Co> will set up a training centre": the firm
  contributes that support to the platform the sentence is about.
"""

from __future__ import annotations

import re

from .anchors import mentions_in, sentences_with
from .document import Document
from .mentions import Mention
from .platform_focus import NUM, focus, number, principal_platforms
from .text import Sentence

__all__ = ["contracted_maker", "extract_industry"]

_REST_RE = re.compile(rf"\b(?:and|while|with)\s+the\s+(?P<np>rest|remainder|remaining(?:\s+(?P<n>{NUM}))?|"
                      rf"other\s+(?P<m>{NUM})|others)\s+(?:(?:of\s+the\s+\w+\s+)?)"
                      r"(?P<v>assembled|built|produced|manufactured|constructed|completed)\b(?P<local>\s+locally)?"
                      r"(?P<by>\s+(?:under\s+licen[cs]e\s+)?by\s+(?:the\s+)?)?")
_REST_VERBS = ("assembled", "built", "produced", "manufactured", "constructed", "completed")
_IN_PLACE_RE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")
_LOCAL_CONTENT_RE = re.compile(
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+(?:of\s+(?:the\s+)?)?(?:local\s+content|"
    r"local\s+(?:industrial\s+)?participation|locali[sz]ation|local\s+work(?:\s?share)?)|"
    r"\blocal(?:\s+|-)(?:content|participation|workshare|work\s+share)\s+(?:requirement\s+|level\s+|target\s+)?"
    r"(?:of|at)\s+(?:at\s+least\s+|about\s+|around\s+|some\s+)?(?P<pct2>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)")
# "40% local content from <Co>": the firm that provides it
_CONTENT_BY_RE = re.compile(r"\s+(?:(?:to\s+be\s+)?(?:provided|supplied|delivered|sourced)\s+)?"
                            r"(?:from|by|through|via)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+|local\s+(?:firm|company|partner)\s+)?")
# "40% of the work would go to Romanian industry", "30 per cent of production will be placed with <Co>"
_WORK_TO_RE = re.compile(r"(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+of\s+(?:the\s+)?(?:work|production|"
                         r"manufacturing|value|programme|program|contract)(?:\s+[a-z]+){0,2}?\s+(?:would|will|is\s+to|"
                         r"was\s+to|to|should)\s+(?:go|be\s+(?:awarded|placed|allocated|subcontracted|given))\s+"
                         r"(?:to|with)\s+(?:the\s+)?(?:local\s+)?")
_INDUSTRY_AFTER = re.compile(r"\s+(?:industry|industries|firms|companies|suppliers|manufacturers|defence\s+industry)\b")
_PARTS = (r"(?:(?:[a-z][\w-]*\s+){0,3}?(?:fuselages?|fuselage\s+sections|wings?|wing\s+sections|tails?|"
          r"tail\s+sections|hull\s+(?:blocks|sections|modules)|blocks|modules|engines?|sub-?assembl(?:y|ies)|"
          r"components|parts|landing\s+gears?|turrets?|gearbox(?:es)?|avionics|propulsion\s+systems?|"
          r"combat\s+management\s+systems?|sensors?|radars?|structures|airframes?|rotor\s+blades|"
          r"mission\s+systems?|electronics|barrels|gun\s+barrels|chassis|hulls|superstructures|masts|"
          r"munitions|ammunition))")
_PART_VERB_RE = re.compile(rf"(?:,\s+which)?\s+(?:will|would|is\s+to|are\s+to|to|also|is\s+set\s+to)\s+(?:also\s+)?"
                           rf"(?P<v>manufacture|produce|build|make|supply|provide|deliver)\s+(?:the\s+|its\s+)?"
                           rf"(?P<part>{_PARTS})\s+(?:for|of)\s+(?:the\s+|all\s+)?")
_CENTRE = r"(?:maintenance|repair|overhaul|MRO|support|training|service|servicing|simulator|logistics)"
_CENTRE_RE = re.compile(rf"\b(?P<what>(?:(?:new|joint|regional|local|national|dedicated|aircraft|helicopter|vehicle|"
                        rf"engine|naval|submarine|fleet|heavy|depot-level)\s+){{0,2}}{_CENTRE}(?:\s+and\s+{_CENTRE})?\s+"
                        r"(?:centre|center|facility|depot))s?\b")
_RUN_BY_RE = re.compile(r"\s+(?:to\s+be\s+|will\s+be\s+)?(?:run|operated|set\s+up|established|built|managed)\s+by\s+"
                        r"(?:the\s+)?")
#: the auxiliaries before a rule's verb of doing: "will", "is to", "plans to"
_WILL = r"(?:will|would|is\s+to|are\s+to|plans\s+to|is\s+set\s+to|to)"
_SETS_UP_RE = re.compile(rf"\s+{_WILL}\s+(?:also\s+)?"
                         r"(?:set\s+up|establish|build|open|run|operate|create)\s+(?:a|an|the|its)\s+")


def contracted_maker(doc: Document, platform: str) -> str | None:
    """Return the one company the article has supplying ``platform`` (its maker when a build names no other)."""
    makers = {str(f.subject) for f in doc.facts if f.predicate == "supplies" and f.object == platform
              and doc.entities.type_of(str(f.subject)) == "Company"}
    if not makers:  # the platform not yet tied to the contract: the one company any contract has as supplier
        makers = {str(f.subject) for f in doc.facts if f.predicate == "party_to"
                  and f.qualifiers.get("role") == "supplier" and doc.entities.type_of(str(f.subject)) == "Company"}
    return makers.pop() if len(makers) == 1 else None


def _batch_size(doc: Document, platform: str) -> int | None:
    sizes = [f.qualifiers.get("quantity") for f in doc.facts
             if f.predicate in ("covers", "supplies", "buys") and f.object == platform]
    ints = [q for q in sizes if isinstance(q, int)]
    return max(ints) if ints else None


def _the_rest(doc: Document) -> None:
    for s in sentences_with(doc, ("the re", "the other")):
        if " by " not in s.text or not any(v in s.text for v in _REST_VERBS):
            continue
        for rm in _REST_RE.finditer(doc.text, s.start, s.end):
            if not rm.group("by"):
                continue
            co = next((c for c in mentions_in(doc, s, "Company") if c.start == rm.end()), None)
            platform = getattr(doc, "_last_built", None) or focus(doc, s)
            if co is None or platform is None:
                continue
            n = number(rm.group("n") or rm.group("m"))
            if n is None:
                total = _batch_size(doc, str(platform))
                before = sum(q for f in doc.facts if f.predicate == "manufactures" and f.object == platform
                             and f.sentence is s and isinstance(q := f.qualifiers.get("quantity"), int))
                n = total - before if total and before and total > before else None
            place = _IN_PLACE_RE.match(doc.text, co.end, s.end)
            doc.relate(co.name, "manufactures", str(platform),
                       {"quantity": n, "site": place.group("p") if place else None, "status": "planned"}, s, 0.55)


_ASSEMBLES_KIND_RE = re.compile(rf"\s+{_WILL}\s+"
                                r"(?:locally\s+|also\s+)?(?P<v>assemble|build|produce|manufacture)\s+(?:the|all|some\s+of\s+the|part\s+of\s+the|"
                                r"most\s+of\s+the)\s+(?:remaining\s+|other\s+)?(?:launchers|vehicles|helicopters|aircraft|"
                                r"jets|fighters|howitzers|guns|tanks|ships|vessels|frigates|corvettes|boats|submarines|"
                                r"drones|systems|radars|trainers)\b(?:\s+locally)?")
_SITE_AFTER_RE = re.compile(r"(?:\s+at\s+(?:its|their|the)\s+(?:[a-z][\w-]*\s+){0,2}(?:plant|factory|facility|yard|"
                            r"shipyard|site|works)(?:\s+in\s+(?P<in>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?|"
                            r"\s+in\s+(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))")


def _assembles_the_kind(doc: Document) -> None:
    """"SAMI will assemble the launchers at its plant in Riyadh": the firm makes the platform the sentence is
    about, where it says."""
    for c in _of_type(doc, "Company"):
        am = _ASSEMBLES_KIND_RE.match(doc.text, c.end)
        if am is None:
            continue
        s = doc.sentence_at(c.start)
        platform = focus(doc, s)
        if platform is None or c.name == contracted_maker(doc, platform):
            continue
        sm = _SITE_AFTER_RE.match(doc.text, am.end(), s.end)
        site = (sm.group("in") or sm.group("p")) if sm is not None else None
        doc.relate(c.name, "manufactures", platform, {"site": site, "status": "planned"}, s, 0.55)


# what may follow a firm or a state that one of the rules reads on: one test before the three patterns
_MAY_ACT = re.compile(r"(?:,\s+which)?\s+(?:will|would|is|are|to|also|plans|provides?|supplies|supply|accounts?|"
                      r"delivers?|takes?|receives?|gets?|industry|industries|firms|companies|suppliers|defence)\b")


def _of_type(doc: Document, *types: str) -> list[Mention]:
    """Return the mentions of ``types`` that a verb or an industry word follows, once per article."""
    acting: list[Mention] | None = doc.__dict__.get("_acting")
    if acting is None:
        acting = doc.__dict__["_acting"] = [m for m in doc.mentions if m.type in ("Company", "Country")
                                            and _MAY_ACT.match(doc.text, m.end)]
    return [m for m in acting if m.type in types]


def _platform_of(doc: Document, s: Sentence) -> str | None:
    found = principal_platforms(doc, s)
    return found[0].name if found else focus(doc, s)


def _buyer_state(doc: Document, platform: str) -> str | None:
    for f in doc.facts:
        if f.predicate == "supplies" and f.object == platform:
            buyer = f.qualifiers.get("buyer")
            if isinstance(buyer, str):
                if doc.entities.type_of(buyer) == "Country":
                    return buyer
                rec = doc.entities.records.get(buyer)
                country = rec.attributes.get("country") if rec else None
                if isinstance(country, str) and country in doc.entities:
                    return country
    return None


_PROVIDES_SHARE_RE = re.compile(r"(?:\s+(?:industry|industries|firms|companies|suppliers|defence\s+industry))?\s+"
                                r"(?:will\s+|would\s+|is\s+to\s+|are\s+to\s+|is\s+set\s+to\s+)?(?:provide|supply|"
                                r"account\s+for|deliver|take|receive|get)s?\s+(?:about\s+|some\s+|around\s+|at\s+least\s+)?"
                                r"(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+of\s+(?:the\s+)?"
                                r"(?P<what>content|local\s+content|work|value|production|workshare|programme)\b")


def _shares_provided(doc: Document) -> None:
    """"Egyptian industry will provide 25% of the content": that state (or firm) contributes that share."""
    for m in _of_type(doc, "Country", "Company"):
        pm = _PROVIDES_SHARE_RE.match(doc.text, m.end)
        if pm is None:
            continue
        s = doc.sentence_at(m.start)
        platform = _platform_of(doc, s)
        if platform is None or pm.end() > s.end:
            continue
        local = m.type == "Country" or "content" in pm.group("what")
        doc.relate(m.name, "contributes_to", platform, {"role": "local content" if local else None,
                                                        "work_share": f"{pm.group('pct')}%"}, s, 0.5)


def _local_content(doc: Document) -> None:
    for s in sentences_with(doc, ("local",)):
        if "%" not in s.text and "cent" not in s.text:
            continue
        if "content" not in s.text and "participation" not in s.text and "locali" not in s.text \
                and "work" not in s.text:
            continue  # none of the words the pattern ends in
        lm = _LOCAL_CONTENT_RE.search(s.text)
        platform = _platform_of(doc, s) if lm else None
        if lm is None or platform is None:
            continue
        pct = lm.group("pct") or lm.group("pct2")
        by = _CONTENT_BY_RE.match(doc.text, s.start + lm.end(), s.end)
        local = next((c for c in mentions_in(doc, s, "Company") if by is not None and c.start == by.end()), None)
        who = local.name if local is not None else _buyer_state(doc, platform)
        if who:
            doc.relate(who, "contributes_to", platform, {"role": "local content", "work_share": f"{pct}%"}, s, 0.5)


def _work_to(doc: Document) -> None:
    for s in sentences_with(doc, ("% of", "cent of")):
        for wm in _WORK_TO_RE.finditer(doc.text, s.start, s.end):
            platform = _platform_of(doc, s)
            who = next((m for m in mentions_in(doc, s, "Company", "Country") if m.start == wm.end()), None)
            if who is None or platform is None:
                continue
            local = who.type == "Country" and _INDUSTRY_AFTER.match(doc.text, who.end)
            doc.relate(who.name, "contributes_to", platform,
                       {"role": "local industry" if local else None, "work_share": f"{wm.group('pct')}%"}, s, 0.5)


def _parts(doc: Document) -> None:
    for c in _of_type(doc, "Company"):
        pm = _PART_VERB_RE.match(doc.text, c.end)
        if pm is None:
            continue
        s = doc.sentence_at(c.start)
        p = next((m for m in mentions_in(doc, s, "Platform") if m.start == pm.end()), None)
        if p is not None:
            role = " ".join(pm.group("part").split())
            doc.relate(c.name, "contributes_to", p.name, {"role": role}, s, 0.55)
            # the firm makes a part of the platform, not the platform
            doc.facts[:] = [f for f in doc.facts if not (f.sentence is s and f.predicate == "manufactures"
                                                         and f.subject == c.name and f.object == p.name)]


def _centres(doc: Document) -> None:
    for s in sentences_with(doc, ("centre", "center", "facilit", "depot")):
        for cm in _CENTRE_RE.finditer(doc.text, s.start, s.end):
            who = None
            rb = _RUN_BY_RE.match(doc.text, cm.end(), s.end)
            if rb is not None:
                who = next((c for c in mentions_in(doc, s, "Company") if c.start == rb.end()), None)
            if who is None:
                for c in mentions_in(doc, s, "Company"):
                    sm = _SETS_UP_RE.match(doc.text, c.end, cm.start())
                    if sm is not None and sm.end() == cm.start():
                        who = c
                        break
            platform = _platform_of(doc, s)
            if who is None or platform is None or who.name == contracted_maker(doc, platform):
                continue
            what = " ".join(cm.group("what").split())
            doc.relate(who.name, "contributes_to", platform, {"role": what}, s, 0.5)


def extract_industry(doc: Document) -> None:
    """Add the local assembly, local content, parts and support centres an article assigns to firms and states."""
    _the_rest(doc)
    _assembles_the_kind(doc)
    _local_content(doc)
    _shares_provided(doc)
    _work_to(doc)
    _parts(doc)
    _centres(doc)
