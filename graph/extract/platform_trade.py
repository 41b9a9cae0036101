"""Trade in platforms: supplies, buys, covers, interested_in and requires, beyond what one agreement sentence says.

:mod:`.agreements` relates a contract to its platform when one sentence names both. The
rules here read the rest of the genre:

* track records: "<Co>, which has built more than 100 warships for the <Force> and has
  exported vessels to <A> and <B>" (one supply per buyer; the object is a literal when
  the text names no platform);
* orders: "<Buyer> ordered <Co>'s <P>" (a supply), "<Buyer> placed its <P> order" and
  "the third country after <A> and <B> to order the <P>" (buys, no supplier named);
* allocations: "a batch of 64 vehicles is planned: 24 for <A>, 18 for <B> ..." (buys per
  country, and the batch as what the programme's agreement covers);
* scope: "the deal covers at least 12 air vehicles", "a contract with <Co> for the first
  three of eleven frigates" (covers the platform in focus, with the count);
* supplies read off an agreement's parties when its sentence named no supplier;
* interest: "expressed interest in", "held discussions on", "requires", "is seeking".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from .agreements import AgreementState
from .amounts import Quantity
from .anchors import mentions_in, sentences_with
from .document import Document, Fact
from .mentions import Mention
from .numbers import WORD_NUMBER, parse_number
from .patterns import find_word
from .platform_focus import focus, principal_platforms
from .text import Sentence

__all__ = ["extract_platform_trade"]

_HARDWARE = (r"(?:warships|ships|vessels|boats|frigates|corvettes|submarines|patrol\s+vessels|aircraft|jets|fighters|"
             r"helicopters|drones|vehicles|tanks|howitzers|guns|missiles|radars|systems|combatants|"
             r"platforms|launchers|trainers)")
_TRACK_RE = re.compile(r"\b(?:has|have|had)\s+(?:already\s+|also\s+)?(?P<v>built|delivered|exported|supplied|sold)\s+"
                       rf"(?P<obj>(?:[\w,-]+\s+){{0,6}}?{_HARDWARE})\s+(?P<prep>for|to)\s+(?:the\s+)?")
_SELLER_POSSESSIVE_RE = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}")
_ORDERED_RE = re.compile(r"\b(?:ordered|bought|purchased|acquired|procured)\s+(?:the\s+)?")
_COUNT_LEAD_RE = re.compile(r"(?:(?:fleet|batch|total|squadron|flotilla)\s+of\s+)?"  # "a fleet of 20 <P>"
                            r"(?:(?:more\s+than|at\s+least|about|some|up\s+to)\s+)?"
                            rf"(?:\d[\d,]*|(?!one\b){WORD_NUMBER})\s+"
                            r"(?:more\s+|additional\s+|new\s+|further\s+)?")
_PLACED_RE = re.compile(r"\b(?:has\s+|had\s+)?placed\s+(?:an?|its|their)\s+")
_ORDER_WORD_RE = re.compile(r"[^.;]{0,40}?\border\b")
_AFTER_LIST_RE = re.compile(r"\bafter\s+(?P<list>[^.;]{3,80}?)\s+to\s+(?P<v>order|buy|acquire|purchase|procure)\b")
_ALLOCATION_RE = re.compile(r"(?P<n>\d{1,4})\s+for\s+(?:the\s+)?")
_BATCH_RE = re.compile(r"\b(?:batch|order|tranche|lot|total|fleet)\s+of\s+(?P<n>\d{1,4})\s+")
_ANAPHOR_SCOPE_RE = re.compile(r"\b(?:The|the|This|this)\s+(?:deal|contract|agreement|order|package)\b[^.;]{0,120}?"
                               r"\b(?:covers|includes|comprises|is\s+for|provides\s+for)\s+")
_FOR_COUNT_RE = re.compile(rf"\bfor\s+(?:the\s+)?(?:first\s+|initial\s+)?(?P<n>\d+|(?!one\b){WORD_NUMBER})"
                           r"(?:\s+of\s+(?:the\s+)?[\w-]+)?\s+(?:[\w-]+\s+){0,3}?"
                           rf"{_HARDWARE}\b")
_HARDWARE_AHEAD_RE = re.compile(rf"(?:[\w-]+\s+){{0,2}}?{_HARDWARE}\b")
_SPACE_RE = re.compile(r"\s+")
_PRODUCTION_KIND_RE = re.compile(r"\b(?:production|procurement|supply|purchase|serial)\s+contract\b", re.I)
_INTEREST_RE = re.compile(r"\b(?:(?:expressed|showed|shown|signalled|signaled|has|had)\s+(?:\w+\s+)?interest\s+in|"
                          r"(?:is|are|was|were)\s+interested\s+in|(?:held|holding|had|hold)\s+(?:\w+\s+){0,2}"
                          r"(?:discussions|talks)\s+(?:on|about|over))\s+(?:the\s+|a\s+|an\s+)?")
_REQUIRES_RE = re.compile(r"\b(?:requires|needs|is\s+seeking|seeks|has\s+a\s+requirement\s+for)\s+(?:up\s+to\s+)?"
                          rf"(?:(?P<n>\d+|(?!one\b){WORD_NUMBER})\s+)?(?:new\s+|more\s+)?")


def _relate_per_buyer(doc: Document, supplier: str, obj: str, q: dict[str, Any], s: Sentence, conf: float) -> None:
    """Record one supply per buyer: ``Document.relate`` would fold a second buyer into the first fact."""
    q = {k: v for k, v in q.items() if v is not None}
    same = doc.triple_facts(supplier, "supplies", obj)  # no supply is ever dropped from ``doc.facts``
    for f in same:
        if f.qualifiers.get("buyer") == q.get("buyer"):
            return
    if not same:
        doc.relate(supplier, "supplies", obj, q, s, conf)
    elif supplier in doc.entities:
        doc.add_fact(Fact(supplier, "supplies", obj, q, s, conf))


def _quantity_at(doc: Document, start: int, end: int) -> Quantity | None:
    # the quantities are in the text's order: those before ``start`` are skipped by binary search
    quantities = doc.quantities
    for i in range(bisect_left(quantities, start, key=lambda q: q.start), len(quantities)):
        q = quantities[i]
        if q.start > end:
            break
        if q.end <= end:
            return q
    return None


def _count_q(q: Quantity | None) -> dict[str, Any]:
    if q is None:
        return {}
    return {"quantity": q.value, "lower_bound": q.lower_bound or None, "approximate": q.approximate or None}


def _track_records(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("built", "delivered", "exported", "supplied", "sold")):
        cos = mentions_in(doc, s, "Company")
        for tm in _TRACK_RE.finditer(text, s.start, s.end):
            maker = [c for c in cos if c.end <= tm.start() and not any(
                o.type == "Company" and c.end <= o.start < tm.start() for o in mentions_in(doc, s))]
            if not maker:
                continue
            buyers: list[Mention] = []
            pos = tm.end()
            for m in mentions_in(doc, s, "Country", "ArmedForce", "GovernmentAgency"):
                if m.start < pos:
                    continue
                if not re.fullmatch(r"(?:,\s*|\s+)?(?:and\s+)?(?:the\s+)?", text[pos:m.start]):
                    break
                buyers.append(m)
                pos = m.end
            if not buyers:
                continue
            span_p = [p for p in mentions_in(doc, s, "Platform") if tm.start("obj") <= p.start < tm.end("obj")]
            qty = _quantity_at(doc, tm.start("obj"), tm.end("obj"))
            if qty is not None and (len(span_p) > 1 or any(p.start <= qty.start < p.end for p in span_p)):
                qty = None  # a count shared by several platforms, or the digits of a designation
            objs = [p.name for p in span_p] or [re.sub(
                r"^(?:(?:more\s+than|over|at\s+least|about|around|some|\d[\d,]*|the|its|their)\s+)+", "",
                tm.group("obj")).strip()]
            status = {"exported": "exported", "delivered": "delivered", "sold": "exported"}.get(tm.group("v"))
            suppliers = _coordinated_before(doc, s, maker[-1])
            if len(suppliers) > 1 and len(objs) > 1:
                continue  # "A and B have delivered X and Y" may pair them respectively: no way to tell
            for supplier in suppliers:
                for obj in objs:
                    for b in buyers:
                        _relate_per_buyer(doc, supplier.name, obj, {**_count_q(qty), "buyer": b.name,
                                                                    "status": status}, s, 0.5)


def _coordinated_before(doc: Document, s: Sentence, last: Mention) -> list[Mention]:
    """Return "A and B" when ``last`` is B: the companies coordinated up to it."""
    out = [last]
    cos = [c for c in mentions_in(doc, s, "Company") if c.end <= last.start]
    for c in reversed(cos):
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", doc.text[c.end:out[0].start]):
            break
        out.insert(0, c)
    return out


def _orders(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("order", "bought", "purchased", "acquired", "procured")):
        buyers = mentions_in(doc, s, "Country", "ArmedForce", "GovernmentAgency")
        dates = [d for d in doc.in_sentence(s, doc.dates) if not d.prospective]
        date = dates[0].value if dates else None
        for om in _ORDERED_RE.finditer(text, s.start, s.end):
            who = [b for b in buyers if b.end <= om.start() and om.start() - b.end <= 3]
            seller = next((c for c in mentions_in(doc, s, "Company") if c.start == om.end()), None)
            pos = om.end()
            count = _COUNT_LEAD_RE.match(text, pos)
            if seller is None and count is not None:
                pos = count.end()
            if seller is not None:
                pm = _SELLER_POSSESSIVE_RE.match(text, seller.end)
                if pm is None:
                    continue
                pos = pm.end()
            p = next((m for m in mentions_in(doc, s, "Platform") if m.start == pos), None)
            if not who or p is None:
                continue
            if seller is not None:
                _relate_per_buyer(doc, seller.name, p.name, {"buyer": who[-1].name, "status": "contracted",
                                                             "date": date}, s, 0.6)
            elif not mentions_in(doc, s, "Company"):
                qty = _quantity_at(doc, om.end(), pos) if count is not None else None
                doc.relate(who[-1].name, "buys", p.name, {**_count_q(qty), "status": "contracted", "date": date}, s,
                           0.55)
        for pm in _PLACED_RE.finditer(text, s.start, s.end):
            who = [b for b in buyers if b.end <= pm.start() and pm.start() - b.end <= 3]
            ce = _ORDER_WORD_RE.match(text, pm.end())
            if not who or ce is None or mentions_in(doc, s, "Company"):
                continue
            ordered = [m for m in mentions_in(doc, s, "Platform") if pm.end() <= m.start < ce.end() + 40]
            if ordered:
                doc.relate(who[-1].name, "buys", ordered[0].name, {"status": "contracted", "date": date}, s, 0.55)
        for am in _AFTER_LIST_RE.finditer(text, s.start, s.end):
            earlier = [m for m in mentions_in(doc, s, "Country") if am.start("list") <= m.start < am.end("list")]
            supplied = [f for f in doc.facts if f.predicate == "supplies" and f.sentence is s]
            principal = principal_platforms(doc, s)
            target = str(supplied[0].object) if supplied else (principal[0].name if principal else None)
            if target is None:
                continue
            for c in earlier:
                doc.relate(c.name, "buys", target, {"status": "contracted"}, s, 0.5)


_BUY_FROM_RE = re.compile(r"\b(?:(?:also|already|then|later|recently|finally|subsequently)\s+)?"
                          r"(?P<aux>(?:will|would|is\s+to|are\s+to|plans?\s+to|agreed\s+to|is\s+set\s+to|"
                          r"are\s+set\s+to|intends?\s+to|has|have|had)\s+(?:also\s+)?)?(?P<v>buy|order|acquire|purchase|procure|"
                          r"bought|ordered|acquired|purchased|procured)\s+(?:the\s+|an?\s+)?")
_FROM_AFTER_RE = re.compile(r"(?:\s+(?:[a-z][\w-]*|Block\s+\d+)){0,4}?\s+from\s+(?:the\s+)?")


def _buyer_before(buyers: list[Mention], verb: int) -> Mention | None:
    """Return the buyer written just before the verb at ``verb`` ("Kenya will buy"), a demonym aside."""
    who = [b for b in buyers if b.end <= verb and verb - b.end <= 3
           and not (b.type == "Country" and b.form == "demonym")]
    return who[-1] if who else None


def _past_demonym(doc: Document, s: Sentence, at: int) -> int:
    """Return where the platform begins after a maker's demonym at ``at`` ("12 Chinese L-15 trainers"), else ``at``."""
    demonym = next((m for m in mentions_in(doc, s, "Country") if m.start == at and m.form == "demonym"), None)
    if demonym is None:
        return at
    gap = _SPACE_RE.match(doc.text, demonym.end)
    return gap.end() if gap is not None else at


def _bought_from(doc: Document) -> None:
    """"Kenya will buy 16 <P> drones from <Co>", "the navy ordered two <P> from <Co>": the seller supplies the
    platform to the buyer, planned or contracted."""
    text = doc.text
    for s in sentences_with(doc, ("buy", "order", "acqui", "purchas", "procur", "bought")):
        if " from " not in s.text:
            continue
        buyers = mentions_in(doc, s, "Country", "ArmedForce", "GovernmentAgency")
        for bm in _BUY_FROM_RE.finditer(text, s.start, s.end):
            buyer = _buyer_before(buyers, bm.start())
            if buyer is None:
                continue
            pos = bm.end()
            count = _COUNT_LEAD_RE.match(text, pos)
            at = _past_demonym(doc, s, count.end() if count is not None else pos)
            p = next((m for m in mentions_in(doc, s, "Platform") if m.start == at), None)
            if p is None:
                continue
            fm = _FROM_AFTER_RE.match(text, p.end, s.end)
            seller = next((m for m in mentions_in(doc, s, "Company", "Country") if fm is not None
                           and m.start == fm.end()), None)
            if seller is None or seller.name == buyer.name:
                continue
            if seller.type == "Country":  # "from Turkey's Baykar": the company
                co = next((m for m in mentions_in(doc, s, "Company") if m.start > seller.end and re.fullmatch(
                    r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}", text[seller.end:m.start])), None)
                seller = co or seller
            ahead = bool(bm.group("aux")) and not bm.group("aux").startswith("ha")
            qty = _quantity_at(doc, pos, p.start) if count is not None else None
            dates = [d for d in doc.in_sentence(s, doc.dates) if d.prospective == ahead]
            q = {"buyer": buyer.name, **_count_q(qty), "status": "planned" if ahead else "contracted",
                 ("expected_date" if ahead else "date"): dates[0].value if dates else None}
            doc.relate(seller.name, "supplies", p.name, q, s, 0.55)


def _agreement_covering(doc: Document, platform: str) -> Fact | None:
    covers = [f for f in doc.facts if f.predicate == "covers" and f.object == platform]
    return covers[-1] if covers else None


def _allocations(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, (" for ",)):
        hits = []
        for am in _ALLOCATION_RE.finditer(text, s.start, s.end):
            c = next((m for m in mentions_in(doc, s, "Country", "ArmedForce") if m.start == am.end()), None)
            if c is not None:
                hits.append((int(am.group("n")), c))
        if len(hits) < 2:
            continue
        platform = next((p.name for p in principal_platforms(doc, s)), None) or focus(doc, s)
        if platform is None:
            continue
        ahead = re.search(r"\b(?:planned|will|to\s+be|expected|would)\b", s.text)
        for n, c in hits:
            doc.relate(c.name, "buys", platform, {"quantity": n, "status": "planned" if ahead else None}, s, 0.5)
        bm = _BATCH_RE.search(text, s.start, hits[0][1].start)
        cover = _agreement_covering(doc, platform)
        if bm and cover is not None and "quantity" not in cover.qualifiers:
            cover.qualifiers["quantity"] = int(bm.group("n"))


def _scope(doc: Document, agreements: list[AgreementState]) -> None:
    text = doc.text
    for s in sentences_with(doc, ("covers", "includes", "comprises", " is for", "provides for")):
        am = _ANAPHOR_SCOPE_RE.search(text, s.start, s.end)
        if am is None:
            continue
        qty = _quantity_at(doc, am.end(), len(text))
        qty = qty if qty is not None and qty.start == am.end() else None
        earlier = [a for a in agreements if a.sentence is not None and a.sentence.start <= s.start and a.platform]
        if qty is None or not earlier:
            continue
        agr = earlier[-1]
        for f in doc.facts:
            if f.object == agr.platform and ((f.predicate == "covers" and f.subject == agr.name)
                                             or (f.predicate == "supplies" and f.sentence is agr.sentence)):
                if "quantity" not in f.qualifiers:
                    f.qualifiers.update({k: v for k, v in _count_q(qty).items() if v is not None})
    covered = {f.subject for f in doc.facts if f.predicate == "covers"}  # agreements' names are distinct
    for agr in _all_agreements(doc, agreements):
        at = agr.sentence
        if at is None or agr.name in covered:
            continue
        platform = agr.platform or focus(doc, at)
        if platform is None:
            continue
        fm = _FOR_COUNT_RE.search(text, at.start, at.end)
        if fm is not None and re.search(r"\b[A-Z]", fm.group()[1:]):
            continue  # the counted things are named, but not as a platform this article knows
        if fm is not None and not agr.platform and _other_domain(doc, platform, fm.group()):
            continue  # "for two offshore patrol vessels" is no order of the fighter the article spoke of before
        np = doc.entities.records[agr.name].aliases if agr.name in doc.entities else []
        if fm is not None:
            n = fm.group("n")
            count = parse_number(n)
            doc.relate(agr.name, "covers", platform, {"quantity": count}, at, 0.5)
            agr.platform = platform
        elif any(_PRODUCTION_KIND_RE.search(a) for a in np):
            doc.relate(agr.name, "covers", platform, {}, at, 0.45)
            agr.platform = platform


#: the domains of the things a count counts and of a platform's kind, to tell "two patrol vessels" from a fighter
_DOMAINS = (("sea", re.compile(r"\b(?:warships?|ships?|vessels?|boats?|frigates?|corvettes?|submarines?|destroyers?|"
                              r"combatants?)\b")),
            ("air", re.compile(r"\b(?:aircraft|jets?|fighters?|helicopters?|trainers?|drones?|UAVs?|UCAVs?)\b")),
            ("land", re.compile(r"\b(?:vehicles?|tanks?|howitzers?|guns?|launchers?|carriers?)\b")))


def _domain(words: str) -> str | None:
    return next((name for name, rx in _DOMAINS if rx.search(words)), None)


def _other_domain(doc: Document, platform: str, counted: str) -> bool:
    """Tell whether the things counted ("two offshore patrol vessels") are of another domain than ``platform``."""
    rec = doc.entities.records.get(platform)
    kind = str(rec.attributes.get("kind") or "") if rec is not None else ""
    mine, theirs = _domain(counted), _domain(f"{kind} {platform}")
    return mine is not None and theirs is not None and mine != theirs


def _all_agreements(doc: Document, agreements: list[AgreementState]) -> list[AgreementState]:
    """Return ``agreements`` and the agreements other rules created, each placed at its first named sentence."""
    known = {a.name for a in agreements}
    out = list(agreements)
    for name, rec in doc.entities.records.items():
        if rec.type != "Agreement" or name in known:
            continue
        for alias in sorted(rec.aliases, key=len, reverse=True):
            found = find_word(doc.text, alias)
            if found >= 0:
                out.append(AgreementState(name, str(rec.attributes.get("agreement_type", "")), "", [],
                                          None, doc.sentence_at(found)))
                break
    return out


def _facts_by(doc: Document, predicate: str, key: str) -> dict[object, list[Fact]]:
    """Return the facts of ``predicate`` grouped by their subject or object (``key``), in order."""
    out: dict[object, list[Fact]] = {}
    for f in doc.facts:
        if f.predicate == predicate:
            out.setdefault(getattr(f, key), []).append(f)
    return out


def _supplies_from_parties(doc: Document, agreements: list[AgreementState]) -> None:
    # looked up by agreement rather than scanned for each, which makes long articles quadratic;
    # the loop adds only supplies
    covers, parties = _facts_by(doc, "covers", "subject"), _facts_by(doc, "party_to", "object")
    statuses = _facts_by(doc, "has_status", "subject")
    supplied = {f.object for f in doc.facts if f.predicate == "supplies"}
    for agr in _all_agreements(doc, agreements):
        cover = covers.get(agr.name, [None])[0]
        platform = str(cover.object) if cover else agr.platform
        if platform is None or agr.sentence is None:
            continue
        if platform in supplied:
            continue
        party_facts = parties.get(agr.name, [])
        names = [f.subject for f in party_facts] or [p for p, _ in agr.parties]
        confidence = 0.5
        if not names:
            # an earlier contract a follow-on order "builds on" was placed by the same buyer with the same firm
            later = {str(f.object) for f in doc.facts if f.predicate == "precedes" and f.subject == agr.name}
            names = [f.subject for f in doc.facts if f.predicate == "party_to" and f.object in later]
            confidence = 0.4
        companies = [n for n in names if doc.entities.type_of(n) == "Company"]
        others = [n for n in names if doc.entities.type_of(n) in ("Country", "GovernmentAgency", "ArmedForce")]
        if len(companies) != 1 or not others:
            continue
        stated = statuses.get(agr.name, [None])[0]
        status = stated.object if stated else next(
            (f.qualifiers["status"] for f in party_facts if f.qualifiers.get("status")), None)
        date = stated.qualifiers.get("date") if stated else None
        doc.relate(companies[0], "supplies", platform, {
            "buyer": others[0], "quantity": cover.qualifiers.get("quantity") if cover else None,
            "status": status, "date": date}, agr.sentence, confidence)
        supplied.update(f.object for f in doc.facts[len(doc.facts) - 1:] if f.predicate == "supplies")


def _interest(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, ("interest", "discussions", "talks")):
        for im in _INTEREST_RE.finditer(text, s.start, s.end):
            lead = _COUNT_LEAD_RE.match(text, im.end(), s.end)  # "interest in six <P>": that many
            at = lead.end() if lead else im.end()
            p = next((m for m in mentions_in(doc, s, "Platform") if at <= m.start <= at + 3), None)
            who = [m for m in mentions_in(doc, s, "Country", "ArmedForce", "GovernmentAgency") if m.end <= im.start()]
            if p is not None and who:
                q = _count_q(_quantity_at(doc, im.end(), p.start)) if lead else {}
                doc.relate(who[-1].name, "interested_in", p.name, q, s, 0.5)
    for s in sentences_with(doc, ("requires", "needs", "seeking", "seeks", "requirement for")):
        for rm in _REQUIRES_RE.finditer(text, s.start, s.end):
            p = next((m for m in mentions_in(doc, s, "Platform") if m.start == rm.end()), None)
            who = [m for m in mentions_in(doc, s, "Country", "ArmedForce") if m.end <= rm.start()
                   and rm.start() - m.end <= 12]
            if p is not None and who:
                n = rm.group("n")
                count = parse_number(n) if n else None
                doc.relate(who[-1].name, "requires", p.name, {"quantity": count}, s, 0.5)


def extract_platform_trade(doc: Document, agreements: list[AgreementState]) -> None:
    """Add supplies, buys, covers, interest and requirement relations the agreement rules leave unread."""
    _track_records(doc)
    if not any(m.type == "Platform" for m in doc.mentions):
        return
    _scope(doc, agreements)
    _supplies_from_parties(doc, agreements)
    _orders(doc)
    _bought_from(doc)
    _planned_buys(doc)
    _allocations(doc)
    _interest(doc)
    _order_totals(doc, agreements)


_PLANNED_AUX = re.compile(r"(?:will|would|is\s+to|are\s+to|plans?\s+to|is\s+set\s+to|are\s+set\s+to|intends?\s+to)\s")


def _planned_buys(doc: Document) -> None:
    """"The Romanian Land Forces plan to buy 298 <P> vehicles": with no seller named in the sentence and no
    agreement covering the platform, the buyer buys it, planned."""
    text = doc.text
    for s in sentences_with(doc, ("buy", "acqui", "purchas", "procur")):
        if mentions_in(doc, s, "Company"):
            continue
        buyers = mentions_in(doc, s, "Country", "ArmedForce", "GovernmentAgency")
        for bm in _BUY_FROM_RE.finditer(text, s.start, s.end):
            if not bm.group("aux") or not _PLANNED_AUX.match(bm.group("aux")):
                continue
            buyer = _buyer_before(buyers, bm.start())
            count = _COUNT_LEAD_RE.match(text, bm.end())
            if buyer is None or count is None:
                continue
            p = next((m for m in mentions_in(doc, s, "Platform") if m.start == count.end()), None)
            if p is None or _FROM_AFTER_RE.match(text, p.end, s.end) is not None:
                continue
            if any(f.predicate in ("covers", "supplies") and f.object == p.name for f in doc.facts):
                continue
            qty = _quantity_at(doc, bm.end(), p.start)
            doc.relate(buyer.name, "buys", p.name, {**_count_q(qty), "status": "planned"}, s, 0.5)


# "..., completing an order for 24 <P> fighters": the order's own count, whatever the sentence delivered or added
_ORDER_FOR_RE = re.compile(r"\b(?:order|contract|deal),?\s+for\s+(?:a\s+total\s+of\s+)?"
                           rf"(?P<n>\d[\d,]*|(?!one\b){WORD_NUMBER})\s+(?!more\b|additional\b|further\b)")


def _order_totals(doc: Document, agreements: list[AgreementState]) -> None:
    """"<Buyer> ordered two more <P> from <Co>, completing an order for 12 <P>": the order made in the sentence
    covers the twelve."""
    text = doc.text
    for s in sentences_with(doc, ("order for", "contract for", "deal for", "order, for", "contract, for", "deal, for")):
        om = _ORDER_FOR_RE.search(text, s.start, s.end)
        mine = [a for a in agreements if a.sentence is s]
        if om is None or len(mine) != 1 or mine[0].kind == "line of credit":
            continue
        agr = mine[0]
        n = parse_number(om.group("n"))
        named = next((m.name for m in mentions_in(doc, s, "Platform") if m.start == om.end()), None)
        hardware = _HARDWARE_AHEAD_RE.match(text, om.end())
        covers = [f for f in doc.facts if f.predicate == "covers" and f.subject == agr.name]
        if n is None or (named is None and hardware is None):
            continue
        if named is not None:
            hit = [f for f in covers if f.object == named] or [f for f in covers
                                                               if str(f.object).startswith(f"{named} ")]
        else:
            hit = covers if len(covers) == 1 else []
        if len(hit) == 1:
            hit[0].qualifiers["quantity"] = n
        elif not covers:
            told = {m.name for m in mentions_in(doc, s, "Platform") if m.end <= om.start()}
            platform = named or agr.platform or (told.pop() if len(told) == 1 else None)
            if platform is not None:
                doc.relate(agr.name, "covers", platform, {"quantity": n}, s, 0.5)
