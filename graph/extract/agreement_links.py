"""Links between agreements: what an agreement builds on or sets the frame for, counted bundles of
agreements ("17 contracts", "at least nine MoUs"), and the earlier agreements an ordinal claim implies.

An agreement the text only refers to ("builds on a 2023 contract under which A ordered B's
P", "the framework for an initial contract with X") becomes an entity of its own, named
descriptively and with the text's phrase as its alias, so that ``precedes`` has both ends.
"""

from __future__ import annotations

import re

from .agreements import AgreementState
from .anaphora import agreement_at
from .anchors import mentions_in, sentences_with
from .document import Document
from .ordinals import find_ordinals
from .text import Sentence

__all__ = ["extract_agreement_links"]

_KINDS = {"contract": "contract", "deal": "contract", "order": "contract", "agreement": "agreement",
          "arrangement": "agreement", "mou": "MoU", "memorandum of understanding": "MoU",
          "letter of intent": "letter of intent"}
_KIND = r"contract|agreement|deal|order|MoU|memorandum of understanding|arrangement|letter of intent"
_BUILDS_ON = re.compile(
    rf"\b(?:builds?|built|building|follows?|followed|expands?|extends?)\s+on\s+(?P<det>the|a|an|its|their)\s+"
    rf"(?P<np>(?P<year>(?:19|20)\d\d)\s+(?P<mods>(?:[\w-]+\s+){{0,5}}?)(?P<kind>{_KIND}))\b")
_BETWEEN = re.compile(r"^\s+between\s+(?:the\s+)?")
_UNDER_WHICH = re.compile(r"^\s*,?\s+under\s+which\s+")
_FRAMEWORK = re.compile(rf"\b(?:sets?|setting|lays?|laid)\s+(?:out|down)\s+the\s+(?:\w+\s+)?framework\s+for\s+"
                        rf"(?P<np>(?:an?|the)\s+(?P<mods>(?:initial|binding|first|final|definitive|follow-on|"
                        rf"production|supply|firm)\s+)*(?P<kind>{_KIND}))\b")
_BUNDLE = re.compile(r"\s+(?P<np>(?P<kind>contracts|deals|orders|agreements|memorand(?:ums|a) of understanding|MoUs|"
                     r"letters of intent)(?:\s+\((?:MoUs|LoIs)\))?)")
_BUNDLE_KIND = {"contracts": "contracts", "deals": "contracts", "orders": "contracts", "agreements": "agreements",
                "mous": "MoUs", "letters of intent": "letters of intent"}
#: "85 agreements worth SAR 26.9 billion", "17 contracts worth a combined EUR 2.3 billion"
_BUNDLE_WORTH = re.compile(r",?\s+(?:worth|valued\s+at|totall?ing|with\s+a\s+(?:combined|total)\s+value\s+of)\s+"
                           r"(?:a\s+(?:combined|total)\s+(?:of\s+)?)?")
_SIGN_VERBS = ("formalise", "formalize", "sign", "conclude", "ink", "seal", "finalise", "finalize", "agree")


def _kind(word: str) -> str:
    return _KINDS.get(word.casefold(), "agreement")


def _find_agreement(doc: Document, phrase: str) -> str | None:
    """Return the agreement already known under ``phrase`` (any determiner), if any."""
    key = phrase.casefold()
    for rec in doc.entities.records.values():
        if rec.type == "Agreement" and any(a.casefold().removeprefix("the ").removeprefix("a ") == key
                                           for a in rec.aliases):
            return rec.name
    return None


def _label(doc: Document, name: str) -> str:
    rec = doc.entities.records.get(name)
    short = [a for a in rec.aliases if a.isupper() and 2 <= len(a) <= 6] if rec and rec.type != "Country" else []
    return short[0] if short else name.split(" (")[0]


def _builds_on(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("build", "built", "follow", "expand", "extend")):
        bm = _BUILDS_ON.search(s.text)
        if bm is None:
            continue
        later = agreement_at(doc, agreements, s)
        if later is None:
            continue
        year, kind = bm.group("year"), _kind(bm.group("kind"))
        earlier = _find_agreement(doc, bm.group("np"))
        if earlier is None:
            earlier = _new_earlier(doc, s, bm, later, year, kind)
        if earlier and earlier != later.name:
            doc.relate(earlier, "precedes", later.name, {}, s, 0.7)


def _new_earlier(doc: Document, s: Sentence, bm: re.Match[str], later: AgreementState, year: str,
                 kind: str) -> str | None:
    """Create the agreement a later one builds on, with the parties and platform the clause names."""
    rest = s.start + bm.end()
    parties: list[str] = []
    platform = None
    roles: dict[str, str] = {}
    tail = doc.text[rest:s.end]
    if _BETWEEN.match(tail) or _UNDER_WHICH.match(tail):
        window = [m for m in doc.mentions if rest <= m.start < min(s.end, rest + 90)]
        for m in window:
            if m.type in ("Country", "Company", "GovernmentAgency", "ArmedForce") and m.name not in parties:
                parties.append(m.name)
            elif m.type == "Platform" and platform is None:
                platform = m.name
        if _UNDER_WHICH.match(tail) and len(parties) >= 2 and re.search(r"\b(?:ordered|bought|purchased|acquired)\b",
                                                                        tail[:90]):
            roles = {parties[0]: "buyer", parties[1]: "supplier"}
    if not parties:
        parties = [p for p, _r in later.parties[:2]]
    mods = " ".join(w for w in bm.group("mods").split() if w.islower() or w.isupper())
    label = "–".join(_label(doc, p) for p in parties[:4])
    name = " ".join(x for x in (label, platform or mods, kind) if x) + f" ({year})"
    if name in doc.entities:
        return name
    doc.entities.add(name, "Agreement", bm.group("np"), agreement_type=kind)
    if tail.lstrip().startswith(("between", "under which", ", under which")):
        for p in parties:
            doc.relate(p, "party_to", name, {"role": roles.get(p), "status": "signed", "date": year}, s, 0.55)
        doc.relate(name, "has_status", "signed", {"date": year}, s, 0.55)
        if platform:
            doc.relate(name, "covers", platform, {}, s, 0.55)
    return name


def _framework(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("framework",)):
        fm = _FRAMEWORK.search(s.text)
        if fm is None:
            continue
        frame = agreement_at(doc, agreements, s)
        if frame is None:
            continue
        np = re.sub(r"^(?:an?|the)\s+", "", fm.group("np"))
        later = _find_agreement(doc, np)
        if later is None or later == frame.name:
            after = doc.text[s.start + fm.end():s.end]
            wm = re.match(r"\s+with\s+(?:the\s+)?", after)
            supplier = next((m for m in mentions_in(doc, s, "Company", "Country")
                             if wm and m.start == s.start + fm.end() + wm.end()), None)
            buyer = next((p for p, _r in frame.parties if supplier is None or p != supplier.name), None)
            nxt = doc.sentences[s.index + 1] if s.index + 1 < len(doc.sentences) else s
            ahead = [d for d in doc.in_sentence(s, doc.dates) + doc.in_sentence(nxt, doc.dates) if d.prospective]
            year = ahead[0].value[:4] if ahead else frame.year
            parts = [_label(doc, x) for x in (supplier.name if supplier else None, buyer) if x]
            kind = _kind(fm.group("kind"))
            later = " ".join(x for x in ("–".join(parts), frame.platform or "", kind) if x) + f" ({year})"
            if later == frame.name:
                continue
            doc.entities.add(later, "Agreement", np, agreement_type=kind)
            for who, role in ((buyer, "buyer"), (supplier.name if supplier else None, "supplier")):
                if who:
                    doc.relate(who, "party_to", later, {"role": role, "status": "expected"}, s, 0.5)
        doc.relate(frame.name, "precedes", later, {}, s, 0.65)


def _bundles(doc: Document, agreements: list[AgreementState]) -> None:
    """Count bundles of agreements ("17 contracts", "at least nine MoUs") on the agreement that stands for them."""
    for q in doc.quantities:
        bm = _BUNDLE.match(doc.text, q.end)
        if bm is None:
            continue
        s = doc.sentence_at(q.start)
        surface = doc.text[q.start:bm.end()]
        name = _find_agreement(doc, doc.text[q.number_start:q.end] + " " + bm.group("kind"))
        kind = _BUNDLE_KIND.get(bm.group("kind").casefold(), "MoUs")
        if name is None:
            year = (doc.article_date or "")[:4]
            first = next((m for m in doc.mentions if m.type == "Event"), None)
            name = f"{kind} signed at {first.name}" if first and re.search(r"\bsigned\b", s.text) \
                else f"{q.value} {kind} ({year})"
            doc.entities.add(name, "Agreement", surface, agreement_type=kind.rstrip("s"))
            doc.entities.add(name, "Agreement", bm.group("np"))
            if first and re.search(r"\bsigned\b", s.text):
                doc.relate(name, "signed_at", first.name, {}, s, 0.5)
        doc.relate(name, "has_count", q.value, {"what": kind, "approximate": q.approximate or None,
                                                "lower_bound": q.lower_bound or None}, s, 0.7)
        vm = _BUNDLE_WORTH.match(doc.text, bm.end())
        money = next((m for m in doc.in_sentence(s, doc.money) if vm is not None and m.start == vm.end()), None)
        if money is not None and not any(f.subject == name and f.predicate == "has_value" for f in doc.facts):
            doc.relate(name, "has_value", money.value, {"approximate": money.approximate or None}, s, 0.6)


def _implied_agreements(doc: Document) -> None:
    """Read "the second country after A to formalise such an arrangement with B": A has one with B."""
    for o in find_ordinals(doc.text):
        if not o.after_text or not o.verb or not o.verb.casefold().startswith(_SIGN_VERBS):
            continue
        s = doc.sentence_at(o.start)
        after = [m.name for m in mentions_in(doc, s, "Country") if o.start <= m.start < o.end]
        rest = doc.text[o.end:s.end]
        wm = re.search(r"\bwith\s+(?:the\s+)?", rest)
        if wm is None:
            continue
        target = next((m for m in mentions_in(doc, s, "Country") if m.start == o.end + wm.end()), None)
        if target is None:
            continue
        kind = re.sub(r"^\s*(?:such\s+)?(?:an?\s+|the\s+)?", "", rest[:wm.start()]).strip()
        for a in after:
            if a != target.name:
                doc.relate(a, "has_agreement_with", target.name,
                           {"agreement_type": kind or None, "status": f"{o.verb.rstrip('e')}ed"}, s, 0.55)


def extract_agreement_links(doc: Document, agreements: list[AgreementState]) -> None:
    """Add ``precedes`` between agreements, bundle counts and agreements implied by ordinal claims."""
    _builds_on(doc, agreements)
    _framework(doc, agreements)
    _bundles(doc, agreements)
    _implied_agreements(doc)
