"""Who builds and designs a platform: manufactures, develops and contributes_to.

* building, passive or active: "the first two vessels will be built at <Co>'s yard in
  <Place>", "the remaining eight will be constructed ... by an Australian shipbuilder",
  "<Co> to assemble part of the <P> fleet";
* the maker in front of a designation: "the Hensoldt TRS-4D radar", "Diehl Defence's
  IRIS-T SLM", "supplying its RBS 70 NG";
* design: "jointly developed by <X> and <Y>", "<Co> acting as design authority", and
  work-share lists ("<Co> will take 40% ... as prime contractor", "<Co> 12%, covering
  final assembly ...").
"""

from __future__ import annotations

import re
from itertools import pairwise

from .anchors import mentions_in, sentences_with
from .document import Document
from .industry import contracted_maker
from .mentions import Mention
from .platform_focus import NUM, SHIP_NOUNS, coordinated, focus, number, pin, quantity_q
from .text import Sentence

__all__ = ["extract_making"]

_BUILT_RE = re.compile(r"\b(?P<aux>will|would|to|is|are|was|were|been|being)\s+(?:be\s+|being\s+)?"
                       r"(?P<v>built|constructed|assembled|produced|manufactured)\b")
_CLAUSE_START_RE = re.compile(r"(?:,\s+(?:while|whereas|and)\s+|;\s+|:\s+)")
_CLAUSE_END_RE = re.compile(r",\s+(?:with|while|whereas|and|but)\b|;|\.(?:\s|$)|\s+with\s+|"
                            r"\s+(?:and|while)\s+(?:the\s+)?(?:rest|remainder|remaining|others|other)\b")
_NP_COUNT_RE = re.compile(rf"\b(?:first|remaining|other|last|final|next|initial|further)\s+(?P<n>{NUM})\b", re.I)
_NP_LEAD_COUNT_RE = re.compile(rf"^(?:the\s+)?(?P<n>{NUM})\s+(?:[\w-]+\s+){{0,2}}{SHIP_NOUNS}\b", re.I)
_NP_SINGLE_RE = re.compile(r"^(?:the\s+)?(?:first|second|third|fourth|last|lead|final|next)\b(?!.*\b\w+s\b)", re.I)
_NP_ELLIPSIS_RE = re.compile(rf"^(?:the\s+)?(?:remaining|other|second|third|fourth|last|final|rest)\b(?:\s+{NUM})?$",
                             re.I)
# "the first 18 howitzers", "the remaining 40 tanks": a counted kind of platform, the one the sentence is about
_COUNTED_KIND_RE = re.compile(rf"\b(?:first|remaining|other|last|initial|next|{NUM})\s+(?:[\w-]+\s+)?(?:howitzers|"
                              r"guns|tanks|launchers|helicopters|fighters|trainers|drones|systems|batteries|radars|"
                              r"missiles|corvettes|frigates|submarines|boats|vessels)\b", re.I)
_IN_PLACE_RE = re.compile(r"\bin\s+(?:the\s+)?(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")
_IN_CITY_RE = re.compile(r"\s+(?:locally\s+)?in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s*$")
_AT_SITE_RE = re.compile(r"\bat\s+(?:the|its|their)\s+(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4})")
_GENERIC_MAKER_RE = re.compile(r"\s+(?:state-owned\s+|private\s+|local\s+)?(?:shipbuilder|shipyard|yard|firm|company|"
                               r"manufacturer|industry|contractor|builder)s?\b")
_LOCAL_BUILD_RE = re.compile(r"\s+(?:will\s+|would\s+|is\s+to\s+|to\s+|plans\s+to\s+|is\s+set\s+to\s+)"
                             r"(?:locally\s+|also\s+)?(?P<v>assemble|build|produce|manufacture|licen[cs]e-build)\b")

_DEVELOPED_BY_RE = re.compile(r"\b(?P<joint>jointly\s+|co-)?(?:developed|designed)\s+by\s+(?:the\s+)?")
_DESIGN_AUTH_RE = re.compile(r"\s+(?:acting|serving|will\s+act|to\s+act|acts)\s+as\s+(?:the\s+)?"
                             r"(?P<role>design authority|prime contractor|lead contractor|system integrator)"
                             r"(?:\s+and\s+(?:providing|to\s+provide|offering)\s+(?P<more>[a-z -]{3,40}?))?(?=[,.;]|$)")
_SHARE_RE = re.compile(r"(?:\s*\([A-Z]+\))?\s+(?:will\s+|would\s+|is\s+to\s+)?(?:take|receive|get|hold|have|"
                       r"account\s+for|takes|receives|gets|holds|has)?\s*(?:an?\s+)?(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent)")
_SHARE_ROLE_RE = re.compile(r"(?:\s+of\s+(?P<work>[^,;.]*?))?(?:\s+as\s+(?P<as>[^,;.]+)|\s+for\s+(?P<for>[^,;.]+)|"
                            r",\s+(?:covering|responsible\s+for|for)\s+(?P<cov>[^;.]+?)(?=[,;.]\s|[;.]?$)|"
                            r",\s+(?:supplying|providing)\s+(?P<sup>[^;.]+))")
_STAKE_RE = re.compile(r"[^,;.]{0,30}?\b(?:stake|equity|shares?|joint\s+venture|owned|ownership|market)\b")
_WORK_RE = re.compile(r"\bwork[- ]?share|\bwork\b|\bdevelopment\b|\bproduction\b|\bsubcontract", re.I)
_PRODUCTION_RE = re.compile(r"(?<![\w-])(?:production|(?:final\s+)?assembly|manufactur\w*)\b")
_KIND_AFTER_RE = re.compile(r"\s+((?:[a-z][\w-]*\s+)?(?:system|radar|missile|gun|engine|sensor|launcher)s?)\b")
_PARTS_RE = re.compile(r"\b(?:sub-?assembl\w*|components?|sub-?systems?|parts|supplying|providing)\b")


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
    if re.search(rf"\b{SHIP_NOUNS}\b", np) or _NP_ELLIPSIS_RE.match(np.strip()) or _COUNTED_KIND_RE.search(np):
        return focus(doc, s)
    return None


def _np_count(np: str) -> int | None:
    m = _NP_COUNT_RE.search(np) or _NP_LEAD_COUNT_RE.search(np.strip())
    if m:
        return number(m.group("n"))
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
            if maker is None and site and platform is not None and _IN_CITY_RE.match(text, bm.end(), end):
                maker = contracted_maker(doc, platform)  # "the first two will be built in Gdynia": by the supplier
            if maker is None or platform is None:
                continue
            ahead = bm.group("aux") in ("will", "would", "to")
            doc.relate(maker, "manufactures", platform,
                       {**quantity_q(_np_count(np)), "site": site, "status": "planned" if ahead else None}, s, 0.6)
            doc._last_built = platform  # type: ignore[attr-defined]
            pin(doc, s, platform)
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
                    for p in coordinated(doc, s, m.start, "Platform"):
                        doc.relate(cos[-1].name, "manufactures", p.name, {}, s, 0.55)


def _design(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("developed by", "designed by")):
        for dm in _DEVELOPED_BY_RE.finditer(text, s.start, s.end):
            devs = coordinated(doc, s, dm.end(), "Company", "Country", "GovernmentAgency")
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
            pin(doc, s, platform)
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


_MADE_BY_RE = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?(?:\s+for\s+(?:the\s+)?(?:[A-Z][\w-]*\s?){1,4})?,?\s+"
                         r"(?P<ahead>to\s+be\s+)?(?:built|made|manufactured|produced)\s+by\s+(?:the\s+)?")


def _made_by(doc: Document) -> None:
    """"four J/FPS-3ME air surveillance radars built by Mitsubishi Electric": the company makes the platform."""
    for s in sentences_with(doc, (" by ",)):
        for m in mentions_in(doc, s, "Platform"):
            bm = _MADE_BY_RE.match(doc.text, m.end, s.end)
            if bm is None:
                continue
            co = next((c for c in mentions_in(doc, s, "Company") if c.start == bm.end()), None)
            if co is not None:
                # "to be built by Larsen & Toubro and Tata Advanced Systems": each, planned
                status = "planned" if bm.group("ahead") else None
                for c in coordinated(doc, s, co.start, "Company"):
                    doc.relate(c.name, "manufactures", m.name, {"status": status}, s, 0.6)


def extract_making(doc: Document) -> None:
    """Add who builds, makes, designs and contributes to each platform."""
    _building(doc)
    _makers(doc)
    _design(doc)
    _made_by(doc)
