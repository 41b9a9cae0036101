"""Who builds, designs, equips and flies a platform: manufactures, develops, contributes_to,
equipped_with, operates, derived_from, replaces, selected_over and inspected.

Each rule is a frame of the genre, tried only on sentences holding its anchor words:

* building, passive or active: "the first two vessels will be built at <Co>'s yard in
  <Place>", "the remaining eight will be constructed ... by an Australian shipbuilder",
  "<Co> to assemble part of the <P> fleet"; the maker in front of a designation
  ("the Hensoldt TRS-4D radar", "Diehl Defence's IRIS-T SLM", "supplying its RBS 70 NG");
* design: "jointly developed by <X> and <Y>", "<Co> acting as design authority", and
  work-share lists ("<Co> will take 40% ... as prime contractor", "<Co> 12%, covering
  final assembly ...");
* equipment: "armed with", "the main sensor will be <P>", "air defence will be provided
  by <P>", "<aircraft> has flown ... from the <ship>";
* operators: "<Force>, which operates two <P>", "<Force>, whose four <P>", "the
  <Force>'s eight <P>", "<P> has flown with <Force>";
* lineage: "<P> is a larger derivative of <Q>", "will replace the <Force>'s eight <Q>",
  "selected over <Q>", variants named by :mod:`.platform_variants`;
* "<Person> ... inspected the <P>".

A sentence that names no platform speaks of the one in focus: the last platform the
article made its subject (see :func:`focus`). Trade (supplies, buys, covers, interest)
is in :mod:`.platform_trade`.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from .amounts import NUMBER_WORDS
from .anchors import mentions_in, sentences_with
from .document import Document
from .mentions import Mention
from .text import Sentence

__all__ = ["extract_platform_relations", "focus", "principal_platforms"]

_ORGS = ("Company", "Country", "ArmedForce", "GovernmentAgency", "Organisation")
_OPERATORS = ("ArmedForce", "Country", "GovernmentAgency")
_NUM = r"(?:\d+|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + r")"
_SHIP_NOUNS = r"(?:ships?|vessels?|hulls?|frigates?|corvettes?|boats?|submarines?|units?|aircraft|jets?|vehicles?)"

# a platform that is only a part or the base of another is not what a sentence is about
_SUBSYSTEM_BEFORE_RE = re.compile(r"(?:\b(?:its|their)\s+(?:[\w-]+\s+){0,2}|['’]s\s+(?:[a-z][\w-]*\s+){0,2}|"
                                  r"\b(?:variant|version|derivative) of\s+(?:the\s+)?|"
                                  r"\b(?:armed|equipped|fitted|outfitted) with\s+(?:the\s+|an?\s+)?|"
                                  r"\b(?:replace|replaces|replacing|over)\s+(?:the\s+)?[^.]{0,40})$")

_BUILT_RE = re.compile(r"\b(?P<aux>will|would|to|is|are|was|were|been|being)\s+(?:be\s+|being\s+)?"
                       r"(?P<v>built|constructed|assembled|produced|manufactured)\b")
_CLAUSE_START_RE = re.compile(r"(?:,\s+(?:while|whereas|and)\s+|;\s+|:\s+)")
_CLAUSE_END_RE = re.compile(r",\s+(?:with|while|whereas|and|but)\b|;|\.(?:\s|$)|\s+with\s+")
_NP_COUNT_RE = re.compile(rf"\b(?:first|remaining|other|last|final|next|initial|further)\s+(?P<n>{_NUM})\b", re.I)
_NP_LEAD_COUNT_RE = re.compile(rf"^(?:the\s+)?(?P<n>{_NUM})\s+(?:[\w-]+\s+){{0,2}}{_SHIP_NOUNS}\b", re.I)
_NP_SINGLE_RE = re.compile(r"^(?:the\s+)?(?:first|second|third|fourth|last|lead|final|next)\b(?!.*\b\w+s\b)", re.I)
_NP_ELLIPSIS_RE = re.compile(rf"^(?:the\s+)?(?:remaining|other|second|third|fourth|last|final|rest)\b(?:\s+{_NUM})?$",
                             re.I)
_BY_RE = re.compile(r"\s*\bby\s+(?:the\s+|an?\s+)?")
_AT_RE = re.compile(r"\s*\bat\s+(?:the\s+)?")
_IN_PLACE_RE = re.compile(r"\bin\s+(?:the\s+)?(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")
_AT_SITE_RE = re.compile(r"\bat\s+the\s+(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4})")
_GENERIC_MAKER_RE = re.compile(r"\s+(?:state-owned\s+|private\s+|local\s+)?(?:shipbuilder|shipyard|yard|firm|company|"
                               r"manufacturer|industry|contractor|builder)s?\b")
_LOCAL_BUILD_RE = re.compile(r"\s+(?:will\s+|would\s+|is\s+to\s+|to\s+|plans\s+to\s+|is\s+set\s+to\s+)"
                             r"(?:locally\s+|also\s+)?(?P<v>assemble|build|produce|manufacture|licen[cs]e-build)\b")

_DEVELOPED_BY_RE = re.compile(r"\b(?P<joint>jointly\s+|co-)?(?:developed|designed)\s+by\s+(?:the\s+)?")
_DESIGN_AUTH_RE = re.compile(r"\s+(?:acting|serving|will\s+act|to\s+act|acts)\s+as\s+(?:the\s+)?"
                             r"(?P<role>design authority|prime contractor|lead contractor|system integrator)"
                             r"(?:\s+and\s+(?:providing|to\s+provide|offering)\s+(?P<more>[a-z -]{3,40}?))?(?=[,.;]|$)")
_SHARE_RE = re.compile(r"(?:\s*\([A-Z]+\))?\s+(?:will\s+|would\s+|is\s+to\s+)?(?:take|receive|get|hold|have|"
                       r"account\s+for)?\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent)")
_SHARE_ROLE_RE = re.compile(r"(?:\s+of\s+(?P<work>[^,;.]*?))?(?:\s+as\s+(?P<as>[^,;.]+)|\s+for\s+(?P<for>[^,;.]+)|"
                            r",\s+(?:covering|responsible\s+for|for)\s+(?P<cov>[^;.]+?)(?=[,;.]\s|[;.]?$)|"
                            r",\s+(?:supplying|providing)\s+(?P<sup>[^;.]+))")
_STAKE_RE = re.compile(r"[^,;.]{0,30}?\b(?:stake|equity|shares?|joint\s+venture|owned|ownership|market)\b")
_WORK_RE = re.compile(r"\bwork[- ]?share|\bwork\b|\bdevelopment\b|\bproduction\b|\bsubcontract", re.I)
_PRODUCTION_RE = re.compile(r"(?<![\w-])(?:production|(?:final\s+)?assembly|manufactur\w*)\b")
_KIND_AFTER_RE = re.compile(r"\s+((?:[a-z][\w-]*\s+)?(?:system|radar|missile|gun|engine|sensor|launcher)s?)\b")
_PARTS_RE = re.compile(r"\b(?:sub-?assembl\w*|components?|sub-?systems?|parts|supplying|providing)\b")

_EQUIPPED_RE = re.compile(r"\b(?:armed|equipped|fitted|outfitted)\s+with\s+(?:the\s+|its\s+|an?\s+)?")
_ROLE_SLOT_RE = re.compile(r"\b(?:main\s+|primary\s+|principal\s+)?(?:sensor|radar|armament|gun|engine|powerplant|"
                           r"propulsion|(?:area\s+)?air\s+defen[cs]e|missile\s+system|weapon)s?\s+(?:will\s+be|is|are|"
                           r"would\s+be)\s+(?:provided\s+by\s+)?(?:the\s+)?")
_AS_ON_RE = re.compile(r"^(?:As|Like)\s+(?:on|in|with)?\s*(?:the\s+)?(?:earlier|previous|first|existing|older)\b")
_FLOWN_FROM_RE = re.compile(r"\b(?:flown|flies|fly|operates?|operated|deployed|embarked)\b(?P<mid>[^.;]{0,60}?)"
                            r"\bfrom\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}")
_WITH_FORCE_RE = re.compile(r"\bwith\s+(?:the\s+)?")
_SINCE_RE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?P<y>(?:19|20)\d\d)\b")

_OPERATES_AFTER_RE = re.compile(rf",?\s+(?:which|that)?\s*(?:already\s+|currently\s+|also\s+)?(?:operates|flies|fields|"
                                rf"deploys|operated|has\s+operated)\s+(?:(?P<n>{_NUM})\s+)?")
_WHOSE_RE = re.compile(rf",?\s+whose\s+(?:(?P<n>{_NUM})\s+)?")
_POSSESSIVE_RE = re.compile(rf"['’]s\s+(?:(?P<n>{_NUM})\s+)?(?:[a-z][\w-]*\s+){{0,2}}")
_SERVES_WITH_RE = re.compile(r"\b(?:serves?|served|has\s+served|in\s+service|flown|flies|flying|operated)\s+"
                             r"(?:with|by)\s+(?:the\s+)?")

_DERIVATIVE_RE = re.compile(r"\b(?:is|was|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:derivative|variant|version|"
                            r"development|evolution|modification)\s+of\s+(?:the\s+)?")
_REPLACE_RE = re.compile(r"\b(?P<aux>will|would|to|is\s+to|set\s+to)?\s*(?:replace|replaces|replacing)\s+(?:the\s+)?")
_REPLACE_OBJ_RE = re.compile(rf"(?:(?P<n>{_NUM})\s+)?(?:[a-z][\w-]*\s+){{0,2}}")
_WITH_NEW_RE = re.compile(r"\s+(?:fleet\s+|aircraft\s+|ships\s+)?with\s+(?:the\s+|new\s+|\d+\s+)*")
_SELECTED_RE = re.compile(r"\b(?:selected|chosen|picked|preferred)\s+over\s+(?:the\s+|a\s+|an\s+)?|"
                          r"\bin\s+preference\s+to\s+(?:the\s+)?")
_PRONOUN_RE = re.compile(r"^(?:It|They|The\s+(?:ship|vessel|frigate|aircraft|jet|vehicle|system|design|type|class))\b")
_INSPECTED_RE = re.compile(r"\b(?:inspected|examined|viewed|toured|test-drove|test-fired|flew\s+in)\s+(?:the\s+|a\s+)?")


def _number(word: str | None) -> int | None:
    if not word:
        return None
    w = word.casefold()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def _quantity_q(n: int | None) -> dict[str, Any]:
    return {"quantity": n} if n else {}


def principal_platforms(doc: Document, s: Sentence) -> list[Mention]:
    """Return the platforms sentence ``s`` is about, leaving out parts ("its radar") and bases ("variant of")."""
    out = []
    for m in mentions_in(doc, s, "Platform"):
        before = doc.text[max(s.start, m.start - 50):m.start]
        if _SUBSYSTEM_BEFORE_RE.search(before):
            continue
        if any(o.end <= m.start and m.start - o.end <= 1 and o.type in ("Company", "Country")
               for o in mentions_in(doc, s)):
            continue
        out.append(m)
    return out


def focus(doc: Document, s: Sentence, back: int = 5) -> str | None:
    """Return the platform a sentence without one speaks of: the latest principal platform before it."""
    pinned: dict[int, str] = getattr(doc, "_platform_focus", {})
    for i in range(s.index, max(-1, s.index - back - 1), -1):
        if i in pinned:
            return pinned[i]
        if i == s.index:
            continue
        found = principal_platforms(doc, doc.sentences[i])
        if found:
            return found[-1].name
    return None


def _pin(doc: Document, s: Sentence, platform: str) -> None:
    """Remember the platform sentence ``s`` turned out to be about, for the sentences after it."""
    pinned: dict[int, str] = doc.__dict__.setdefault("_platform_focus", {})
    pinned[s.index] = platform


def _mention_at(doc: Document, s: Sentence, pos: int, *types: str, slack: int = 0) -> Mention | None:
    for m in mentions_in(doc, s, *types):
        if pos <= m.start <= pos + slack:
            return m
    return None


def _coordinated(doc: Document, s: Sentence, pos: int, *types: str) -> list[Mention]:
    """Return the mentions of ``types`` listed from ``pos`` on: "A, B and C"."""
    out: list[Mention] = []
    for m in mentions_in(doc, s, *types):
        if m.start < pos:
            continue
        gap = doc.text[pos:m.start]
        if out and not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+|its\s+)?", gap):
            break
        if not out and gap.strip():
            break
        out.append(m)
        pos = m.end
    return out


def _np_platform(doc: Document, s: Sentence, np_start: int, np_end: int) -> str | None:
    np = doc.text[np_start:np_end]
    inside = [m for m in mentions_in(doc, s, "Platform") if np_start <= m.start and m.end <= np_end]
    if inside:
        return inside[-1].name
    words = np.split()
    for k in (3, 2):
        tail = " ".join(w for w in words if w[:1].isupper() or w[:1].isdigit())
        tail = " ".join(tail.split()[-k:])
        if tail and not tail.startswith("The"):
            names = [n for n, r in doc.entities.records.items() if r.type == "Platform" and n.endswith(" " + tail)]
            if len(names) == 1:
                return names[0]
    if _NP_ELLIPSIS_RE.match(np.strip()):
        last = getattr(doc, "_last_built", None)
        if last:
            return str(last)
    if re.search(rf"\b{_SHIP_NOUNS}\b", np) or _NP_ELLIPSIS_RE.match(np.strip()):
        return focus(doc, s)
    return None


def _np_count(np: str) -> int | None:
    m = _NP_COUNT_RE.search(np) or _NP_LEAD_COUNT_RE.search(np.strip())
    if m:
        return _number(m.group("n"))
    if _NP_SINGLE_RE.match(np.strip()):
        return 1
    return None


def _maker_after(doc: Document, s: Sentence, pos: int, end: int) -> tuple[str | None, str | None]:
    """Return (maker, site) from the phrases after a build verb: "by <Co>", "at <Co>'s yard", "in <Place>"."""
    text = doc.text
    maker = None
    site_parts: list[str] = []
    orgs = [m for m in mentions_in(doc, s, "Company", "Country") if pos <= m.start < end]
    for m in orgs:
        lead = text[pos:m.start]
        by = re.search(r"\bby\s+(?:the\s+|an?\s+)?$", lead)
        at = re.search(r"\bat\s+(?:the\s+)?$", lead)
        if m.type == "Country":
            if by and m.form == "demonym" and _GENERIC_MAKER_RE.match(text, m.end):
                maker = m.name
                break
            continue
        if by:
            maker = m.name
            break
        if at and maker is None:
            maker = m.name
    at_site = _AT_SITE_RE.search(text, pos, end)
    if at_site and not any(at_site.start("p") <= m.start < at_site.end("p") for m in orgs):
        site_parts.append(at_site.group("p"))
    place = _IN_PLACE_RE.search(text, pos, end)
    if place:
        site_parts.append(place.group("p"))
    return maker, ", ".join(site_parts) or None


def _building(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("built", "constructed", "assembled", "produced", "manufactured")):
        for bm in _BUILT_RE.finditer(text, s.start, s.end):
            head = text[s.start:bm.start()]
            cuts = [c.end() for c in _CLAUSE_START_RE.finditer(head)]
            np_start = s.start + (cuts[-1] if cuts else 0)
            np = text[np_start:bm.start()]
            if re.search(r"\b(?:which|that|who)\s*$", np) or len(np.split()) > 9:
                continue
            ce = _CLAUSE_END_RE.search(text, bm.end(), s.end)
            end = ce.start() if ce else s.end
            maker, site = _maker_after(doc, s, bm.end(), end)
            platform = _np_platform(doc, s, np_start, bm.start())
            if maker is None or platform is None:
                continue
            ahead = bm.group("aux") in ("will", "would", "to")
            doc.relate(maker, "manufactures", platform,
                       {**_quantity_q(_np_count(np)), "site": site, "status": "planned" if ahead else None}, s, 0.6)
            doc._last_built = platform  # type: ignore[attr-defined]
            _pin(doc, s, platform)
    for s in sentences_with(doc, ("assemble", "build", "produce", "manufacture")):
        for m in mentions_in(doc, s, "Company", "Country"):
            lb = _LOCAL_BUILD_RE.match(text, m.end)
            if lb is None:
                continue
            ce = _CLAUSE_END_RE.search(text, lb.end(), s.end)
            end = ce.start() if ce else s.end
            targets = [p for p in mentions_in(doc, s, "Platform") if lb.end() <= p.start < min(end, lb.end() + 40)]
            if targets:
                place = _IN_PLACE_RE.search(text, targets[0].end, end)
                doc.relate(m.name, "manufactures", targets[0].name,
                           {"site": place.group("p") if place else None, "status": "planned"}, s, 0.55)


def _makers(doc: Document) -> None:
    """The maker in front of a designation: "Hensoldt TRS-4D", "Diehl Defence's IRIS-T SLM", "its RBS 70 NG"."""
    text = doc.text
    for s in doc.sentences:
        ms = mentions_in(doc, s)
        for a, b in pairwise(ms):
            if a.type != "Company" or b.type != "Platform":
                continue
            gap = text[a.end:b.start]
            if re.fullmatch(r" |['’]s\s+(?:[a-z][\w-]*\s+){0,2}", gap):
                doc.relate(a.name, "manufactures", b.name, {}, s, 0.65)
        for m in mentions_in(doc, s, "Platform"):
            lead = text[max(s.start, m.start - 40):m.start]
            if re.search(r"\b(?:supplying|providing|offering|supplies|provides|offers|delivering)\s+its\s+$", lead):
                cos = [c for c in mentions_in(doc, s, "Company") if c.end <= m.start]
                if cos:
                    for p in _coordinated(doc, s, m.start, "Platform"):
                        doc.relate(cos[-1].name, "manufactures", p.name, {}, s, 0.55)


def _design(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("developed by", "designed by")):
        for dm in _DEVELOPED_BY_RE.finditer(text, s.start, s.end):
            devs = _coordinated(doc, s, dm.end(), "Company", "Country", "GovernmentAgency")
            before = [p for p in mentions_in(doc, s, "Platform") if p.end <= dm.start()
                      and re.fullmatch(r"[^.;]{0,60}", text[p.end:dm.start()])]
            if not devs or not before:
                continue
            role = "joint developer" if dm.group("joint") or len(devs) > 1 else "developer"
            for d in devs:
                doc.relate(d.name, "develops", before[-1].name, {"role": role}, s, 0.65)
    for s in sentences_with(doc, ("design authority", "prime contractor", "lead contractor", "system integrator")):
        for c in mentions_in(doc, s, "Company"):
            am = _DESIGN_AUTH_RE.match(text, c.end)
            platform = focus(doc, s)
            if am and platform:
                role = am.group("role") + (f" and {am.group('more').strip()}" if am.group("more") else "")
                doc.relate(c.name, "develops", platform, {"role": role}, s, 0.6)
    _work_share(doc)


def _supplied_role(doc: Document, s: Sentence, start: int, end: int) -> tuple[list[Mention], str | None]:
    """Return the platforms a "supplying its X radar and Y missile" phrase lists, and their kinds as a role."""
    parts = [p for p in mentions_in(doc, s, "Platform") if start <= p.start < end]
    kinds = []
    for p in parts:
        km = _KIND_AFTER_RE.match(doc.text[p.end:end])
        if km:
            kinds.append(km.group(1))
    return parts, " and ".join(kinds) or None


def _work_share(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("%", "per cent", "percent")):
        near = doc.text[doc.sentences[max(0, s.index - 2)].start:s.end]
        if not _WORK_RE.search(near):
            continue
        platform = focus(doc, s)
        if platform is None:
            continue
        for c in mentions_in(doc, s, "Company"):
            sm = _SHARE_RE.match(text, c.end)
            if sm is None or _STAKE_RE.match(text, sm.end()):
                continue
            _pin(doc, s, platform)
            rm = _SHARE_ROLE_RE.match(text, sm.end(), s.end)
            role = None
            work = ""
            parts: list[Mention] = []
            if rm:
                work = rm.group("work") or ""
                role = rm.group("as") or rm.group("for") or rm.group("cov")
                if rm.group("sup"):
                    parts, role = _supplied_role(doc, s, rm.start("sup"), rm.end("sup"))
            role = " ".join(role.split()) if role else None
            doc.relate(c.name, "develops", platform, {"role": role, "work_share": f"{sm.group('pct')}%"}, s, 0.6)
            said = f"{work} {role or ''}"
            if _PRODUCTION_RE.search(said):
                doc.relate(c.name, "manufactures", platform, {"status": "planned"}, s, 0.5)
            if parts or _PARTS_RE.search(said):
                doc.relate(c.name, "contributes_to", platform, {}, s, 0.55)
            for p in parts:
                doc.relate(platform, "equipped_with", p.name, {}, s, 0.55)
                doc.relate(c.name, "manufactures", p.name, {}, s, 0.55)


def _equipment(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, (" with ", "will be", " is ", " are ")):
        hits: list[tuple[int, re.Match[str]]] = []
        for em in _EQUIPPED_RE.finditer(text, s.start, s.end):
            hits.append((0, em))
        for rm in _ROLE_SLOT_RE.finditer(text, s.start, s.end):
            hits.append((1, rm))
        for kind, hm in hits:
            pos = hm.end()
            maker = _mention_at(doc, s, pos, "Company")
            if maker is not None:
                pm = re.match(r"(?:['’]s)?\s+", text[maker.end:])
                pos = maker.end + (pm.end() if pm else 0)
            kit = _coordinated(doc, s, pos, "Platform")
            if not kit:
                continue
            owners = [p for p in principal_platforms(doc, s) if p.end <= hm.start() and p not in kit]
            owner = owners[-1].name if owners and kind == 0 else focus(doc, s)
            if owner is None:
                continue
            holders = [owner]
            if _AS_ON_RE.match(s.text):
                holders += [str(f.object) for f in doc.facts if f.subject == owner and f.predicate == "derived_from"]
            for h in holders:
                for k in kit:
                    doc.relate(h, "equipped_with", k.name, {}, s, 0.6)
                    if maker is not None and h == owner:
                        doc.relate(maker.name, "contributes_to", h, {}, s, 0.5)
    for s in sentences_with(doc, (" from ",)):
        for fm in _FLOWN_FROM_RE.finditer(text, s.start, s.end):
            ship = _mention_at(doc, s, fm.end(), "Platform")
            flyers = [p for p in principal_platforms(doc, s) if p.end <= fm.start()]
            if ship is None or not flyers:
                continue
            doc.relate(ship.name, "equipped_with", flyers[-1].name, {}, s, 0.55)
            wm = _WITH_FORCE_RE.search(fm.group("mid"))
            force = _mention_at(doc, s, fm.start("mid") + wm.end(), "ArmedForce") if wm else None
            if force is not None:
                since = _SINCE_RE.search(text, fm.end(), s.end)
                doc.relate(force.name, "operates", flyers[-1].name, {"since": since.group("y") if since else None}, s,
                           0.6)
                doc.relate(force.name, "operates", ship.name, {}, s, 0.55)


def _operators(doc: Document) -> None:
    text = doc.text
    for s in doc.sentences:
        for f in mentions_in(doc, s, *_OPERATORS):
            for pattern, conf in ((_OPERATES_AFTER_RE, 0.65), (_WHOSE_RE, 0.55), (_POSSESSIVE_RE, 0.5)):
                om = pattern.match(text, f.end)
                if om is None or (pattern is _POSSESSIVE_RE and f.type != "ArmedForce"):
                    continue
                p = _mention_at(doc, s, om.end(), "Platform", slack=25 if pattern is _WHOSE_RE else 0)
                if p is not None:
                    doc.relate(f.name, "operates", p.name, _quantity_q(_number(om.group("n"))), s, conf)
                    break
    for s in sentences_with(doc, ("serve", "service", "flown", "flies", "flying", "operated")):
        for sm in _SERVES_WITH_RE.finditer(text, s.start, s.end):
            force = _mention_at(doc, s, sm.end(), "ArmedForce")
            users = [p for p in principal_platforms(doc, s) if p.end <= sm.start()]
            if force is not None and users:
                since = _SINCE_RE.search(text, sm.end(), s.end)
                doc.relate(force.name, "operates", users[-1].name, {"since": since.group("y") if since else None},
                           s, 0.55)


def _lineage(doc: Document) -> None:
    text = doc.text
    for m in doc.mentions:
        base = m.attributes.get("variant_of") if m.type == "Platform" else None
        if base and base in doc.entities:
            doc.relate(m.name, "derived_from", base, {}, doc.sentence_at(m.start), 0.7)
    names = [n for n, r in doc.entities.records.items() if r.type == "Platform"]
    for n in names:
        for alias in doc.entities.records[n].aliases:
            parents = [o for o in names if o != n and alias != o and alias.startswith(o)
                       and not n.startswith(o) and len(alias) > len(o)]
            if parents:
                seen = next((x for x in doc.mentions if x.name == n and x.surface == alias), None)
                if seen is not None:
                    doc.relate(n, "derived_from", max(parents, key=len), {}, doc.sentence_at(seen.start), 0.6)
    for s in sentences_with(doc, ("derivative", "variant", "version", "development of", "evolution", "modification")):
        for dm in _DERIVATIVE_RE.finditer(text, s.start, s.end):
            base_m = _subject_platform(doc, s, dm.start())
            parent = _after_possessive(doc, s, dm.end())
            if base_m and parent and base_m != parent.name:
                doc.relate(base_m, "derived_from", parent.name, {}, s, 0.7)
    for s in sentences_with(doc, ("replac",)):
        for rm in _REPLACE_RE.finditer(text, s.start, s.end):
            pos = rm.end()
            force = _mention_at(doc, s, pos, "ArmedForce", "Country")
            if force is not None:
                pm = _POSSESSIVE_RE.match(text, force.end)
                pos = pm.end() if pm else force.end
                qm = pm
            else:
                qm = _REPLACE_OBJ_RE.match(text, pos)
                pos = qm.end() if qm else pos
            old = _mention_at(doc, s, pos, "Platform")
            new = _subject_platform(doc, s, rm.start())
            if old is not None:
                wm = _WITH_NEW_RE.match(text, old.end)
                by = _mention_at(doc, s, wm.end(), "Platform") if wm else None
                new = by.name if by is not None else new
            if old is None or new is None or new == old.name:
                continue
            count = _number(qm.group("n")) if qm else None
            doc.relate(new, "replaces", old.name, {"operator": force.name if force else None, "quantity": count,
                                                    "status": "planned" if rm.group("aux") else None}, s, 0.6)
            if force is not None and force.type == "ArmedForce":
                doc.relate(force.name, "operates", old.name, _quantity_q(count), s, 0.55)
    for s in sentences_with(doc, (" over ", "in preference to")):
        for sm in _SELECTED_RE.finditer(text, s.start, s.end):
            loser = _mention_at(doc, s, sm.end(), "Platform")
            winner = _subject_platform(doc, s, sm.start())
            if loser is not None and winner and winner != loser.name:
                doc.relate(winner, "selected_over", loser.name, {}, s, 0.6)


def _subject_platform(doc: Document, s: Sentence, before: int) -> str | None:
    """Return the platform a clause ending at ``before`` is about, resolving "It" and "The ship" to the focus."""
    own = [p for p in principal_platforms(doc, s) if p.end <= before]
    if own:
        return own[0].name
    if _PRONOUN_RE.match(s.text):
        prev = doc.sentences[s.index - 1] if s.index else None
        found = principal_platforms(doc, prev) if prev else []
        return found[0].name if found else focus(doc, s)
    return None


def _after_possessive(doc: Document, s: Sentence, pos: int) -> Mention | None:
    owner = _mention_at(doc, s, pos, *_ORGS)
    if owner is not None:
        pm = re.match(r"['’]s\s+", doc.text[owner.end:])
        if pm:
            pos = owner.end + pm.end()
    return _mention_at(doc, s, pos, "Platform")


def _inspections(doc: Document) -> None:
    for s in sentences_with(doc, ("inspected", "examined", "viewed", "toured", "test-", "flew in")):
        for im in _INSPECTED_RE.finditer(doc.text, s.start, s.end):
            p = _mention_at(doc, s, im.end(), "Platform")
            persons = [m for m in mentions_in(doc, s, "Person") if m.end <= im.start()]
            if p is None or not persons:
                continue
            dates = [d for d in doc.in_sentence(s, doc.dates) if not d.prospective]
            doc.relate(persons[0].name, "inspected", p.name, {"date": dates[0].value if dates else None}, s, 0.65)


def _prune_operators(doc: Document) -> None:
    """Drop "<Force> operates <design family>" where the same force operates a named variant of it."""
    parents: dict[str, set[str]] = {}
    for f in doc.facts:
        if f.predicate == "derived_from":
            parents.setdefault(f.subject, set()).add(str(f.object))
    drop = set()
    ops = [f for f in doc.facts if f.predicate == "operates"]
    for f in ops:
        for g in ops:
            if g.subject == f.subject and str(f.object) in parents.get(str(g.object), set()):
                drop.add(id(f))
    doc.facts[:] = [f for f in doc.facts if id(f) not in drop]


def extract_platform_relations(doc: Document) -> None:
    """Add the making, design, equipment, operator, lineage and inspection relations of platforms."""
    if not any(m.type == "Platform" for m in doc.mentions):
        return
    _lineage(doc)
    _building(doc)
    _makers(doc)
    _design(doc)
    _equipment(doc)
    _operators(doc)
    _inspections(doc)
    _prune_operators(doc)
