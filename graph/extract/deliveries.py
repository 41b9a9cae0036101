"""Deliveries: "<Buyer> received its first three <P> from <Co>", "<Force> is expected to receive the first of 18
<P> from <Co> in October".

A delivery is a supply: the supplier (the company after "from", else the state) ``supplies``
the platform with the recipient as ``buyer``, the count, and the date, or the
``expected_date`` when the delivery lies ahead. "The first of 18" counts the order (18),
"its first three" the delivery (3). An order the next sentence introduces without parties
("The aircraft are part of an order for 42 <P>s worth ...") is between the same two, and
covers the platform with the order's count.
"""

from __future__ import annotations

import re
from typing import Any

from .agreements import AgreementState
from .amounts import NUMBER_WORDS
from .anchors import mentions_in, sentences_with
from .document import Document, Fact
from .mentions import Mention
from .text import Sentence

__all__ = ["extract_deliveries"]

_RECEIVE = re.compile(r"\b(?:(?:also|already|then|later|recently|finally|subsequently)\s+)?"
                      r"(?P<aux>(?:will|would|is|are|was|were|has|have|had)\s+"
                      r"(?:(?:expected|set|due|scheduled)\s+to\s+)?|"
                      r"(?:expects?|plans?)\s+to\s+|to\s+)?"
                      r"(?P<v>receive[sd]?|receiving|take[sn]?\s+delivery\s+of|took\s+delivery\s+of|"
                      r"taking\s+delivery\s+of)\s+")
_WORDS = "|".join(w for w in NUMBER_WORDS if " " not in w and NUMBER_WORDS[w] > 1)
_RECIPIENTS = ("Country", "ArmedForce", "GovernmentAgency")
_PARTY_REF = re.compile(r"\b(?:part\s+of|under|from)\s+(?:an?|the)\s+(?:[\w$.,-]+\s+){0,4}?"
                        r"(?:order|contract|deal|agreement)\b")


def _unnamed_body_of(doc: Document, s: Sentence, verb: int) -> list[Mention]:
    """"The Philippine Marine Corps received ...": a body the gazetteers do not know stands for its state."""
    dem = [m for m in mentions_in(doc, s, "Country") if m.form == "demonym" and m.end <= verb
           and re.fullmatch(r"(?:\s+[A-Z][\w&-]*){1,4}\s+", doc.text[m.end:verb])]
    return dem[-1:]


_FROM_THE = re.compile(r"\s*from\s+(?:the\s+)?")


def _supplier(doc: Document, s: Sentence, pos: int) -> Mention | None:
    """Return the company (else the state) right after "from" at ``pos``."""
    fm = _FROM_THE.match(doc.text, pos)
    if fm is None:
        return None
    near = [m for m in mentions_in(doc, s, "Company", "Country") if fm.end() <= m.start <= fm.end() + 50]
    if not near:
        return None
    first = near[0]
    if first.start != fm.end():
        return None
    if first.type == "Country":  # "from France's Dassault Aviation"
        co = next((m for m in near[1:] if m.type == "Company" and re.fullmatch(
            r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s+", doc.text[first.end:m.start])), None)
        return co or first
    return first


def extract_deliveries(doc: Document, agreements: list[AgreementState]) -> None:
    """Add a supply for each delivery sentence, and give a following party-less order its two parties."""
    last: tuple[str, str, str, Sentence] | None = None
    for s in sentences_with(doc, ("receiv", "delivery of")):
        for rm in _RECEIVE.finditer(s.text):
            verb = s.start + rm.start()
            who = [m for m in mentions_in(doc, s, *_RECIPIENTS) if m.end <= verb
                   and re.fullmatch(r"\s*", doc.text[m.end:verb]) is not None
                   and not (m.type == "Country" and m.form == "demonym")]
            if not who:
                who = _unnamed_body_of(doc, s, verb)
            if not who:
                continue
            obj_start = s.start + rm.end()
            p = _platform_after(doc, s, obj_start)
            if p is None:
                continue
            supplier = _supplier(doc, s, p.end + _tail(doc.text, p.end, s.end))
            if supplier is None:
                continue
            qtys = [q for q in doc.in_sentence(s, doc.quantities) if obj_start <= q.start and q.end <= p.start]
            qty = qtys[-1] if qtys else None
            ahead = bool(rm.group("aux") and re.match(r"(?:will|would|is|are|expects?|plans?|to)\b", rm.group("aux")))
            dates = clause_dates(doc, s, verb, [d for d in doc.in_sentence(s, doc.dates) if d.start >= obj_start])
            before = clause_dates(doc, s, verb, [d for d in doc.in_sentence(s, doc.dates) if d.start < verb])
            when = (dates or before or [None])[0]
            q: dict[str, object] = {"buyer": who[-1].name, "quantity": qty.value if qty else None,
                                    "approximate": qty.approximate or None if qty else None,
                                    "lower_bound": qty.lower_bound or None if qty else None,
                                    "status": "expected" if ahead else "delivered"}
            if when is not None:
                q["expected_date" if ahead else "date"] = when.value
            if supplier.type == "Company" or not any(
                    f.predicate == "supplies" and f.object == p.name for f in doc.facts):
                relate_supply(doc, supplier.name, p.name, q, s, 0.6)
            last = (who[-1].name, supplier.name, p.name, s)
            break
        if last is not None and last[3] is s:
            nxt = doc.sentences[s.index + 1] if s.index + 1 < len(doc.sentences) else None
            for agr in agreements:
                if agr.sentence in (s, nxt) and not agr.parties:
                    _order_of_delivery(doc, agr, last)
    _deliveries_to(doc, agreements)
    passive_deliveries(doc)
    noun_deliveries(doc)


_DELIVERED = re.compile(r"\b(?:(?:also|already|then|later|recently|finally|subsequently)\s+)?"
                        r"(?P<aux>(?:has|have|had)\s+(?:also\s+|already\s+)?|(?:will|would)\s+|is\s+to\s+)?(?:delivered|handed\s+over|"
                        r"transferred|deliver|hand\s+over|transfer|(?P<gift>donated|gifted|donate|gift))\s+")
_AND_THAT = re.compile(r",\s+(?:and|while|whereas)\s+(?:that\s+)?[A-Z]")
_TO_RECIPIENT = re.compile(r"[^.;]{0,70}?\bto\s+(?:the\s+)?")


def _deliveries_to(doc: Document, agreements: list[AgreementState]) -> None:
    """"Japan has delivered the last of four <P> built by <Co> to the Philippine Air Force": the deliverer
    supplies the platform with the recipient as buyer; a party-less contract the next sentence names is theirs."""
    for s in sentences_with(doc, ("deliver", "hand", "transfer", "donate", "gift")):
        for dm in _DELIVERED.finditer(s.text):
            verb = s.start + dm.start()
            who = [m for m in mentions_in(doc, s, "Country", "Company") if m.end <= verb
                   and re.fullmatch(r"\s*", doc.text[m.end:verb]) is not None and m.form != "demonym"]
            if not who:
                continue
            obj_start = s.start + dm.end()
            p = _platform_after(doc, s, obj_start)
            if p is None:
                continue
            tm = _TO_RECIPIENT.match(doc.text, p.end, s.end)
            rec = next((m for m in mentions_in(doc, s, *_RECIPIENTS) if tm is not None and m.start == tm.end()
                        and not (m.type == "Country" and m.form == "demonym")), None)
            if rec is None or rec.name == who[-1].name:
                continue
            qtys = [q for q in doc.in_sentence(s, doc.quantities) if obj_start <= q.start and q.end <= p.start]
            ahead = bool(dm.group("aux") and not dm.group("aux").startswith("ha"))
            dates = clause_dates(doc, s, verb, [d for d in doc.in_sentence(s, doc.dates) if d.start >= obj_start])
            q: dict[str, object] = {"buyer": rec.name, "quantity": qtys[-1].value if qtys else None,
                                    "status": "expected" if ahead else "donated" if dm.group("gift") else "delivered"}
            if dates:
                q["expected_date" if ahead else "date"] = dates[0].value
            relate_supply(doc, who[-1].name, p.name, q, s, 0.55)
            nxt = doc.sentences[s.index + 1] if s.index + 1 < len(doc.sentences) else None
            for agr in agreements:
                if agr.sentence in (s, nxt) and not agr.parties:
                    _order_of_delivery(doc, agr, (rec.name, who[-1].name, p.name, s))
            if not _AND_THAT.search(s.text, dm.end() - s.start):
                break  # one delivery a sentence, unless another clause tells of another ("..., and that Y donated")


_HEAD_NOUNS = re.compile(r"(?:\s+(?:[a-z][\w-]*|Block\s+\d+)){0,4}?(?=\s*from\b)")


def _tail(text: str, pos: int, end: int) -> int:
    """Return how far the platform's head nouns reach after its name ("Rafale fighter jets")."""
    m = _HEAD_NOUNS.match(text, pos, end)
    return m.end() - pos if m else 0


def _order_of_delivery(doc: Document, agr: AgreementState, last: tuple[str, str, str, Sentence]) -> None:
    buyer, supplier, platform, _s = last
    s = agr.sentence
    if s is None or not _PARTY_REF.search(s.text):
        return
    others = mentions_in(doc, s, "Country", "Company", "ArmedForce", "GovernmentAgency")
    if others:
        return
    status = next((f.object for f in doc.facts if f.subject == agr.name and f.predicate == "has_status"), None)
    date = next((f.qualifiers.get("date") for f in doc.facts
                 if f.subject == agr.name and f.predicate == "has_status"), None)
    for who, role in ((buyer, "buyer"), (supplier, "supplier")):
        doc.relate(who, "party_to", agr.name, {"role": role, "status": status, "date": date}, s, 0.55)
        agr.parties.append((who, role))
    stem = re.escape(platform.split()[0])
    qm = re.search(rf"\b(?:order|contract|deal|agreement)\s+(?:for|of)\s+(?P<n>\d[\d,]*|{_WORDS})\s+"
                   rf"(?:(?:[\w-]+\s+){{0,2}}?{stem}|[a-z]+s\b)", s.text)
    n = None
    if qm:
        n = int(qm.group("n").replace(",", "")) if qm.group("n")[0].isdigit() else NUMBER_WORDS[qm.group("n")]
    doc.relate(agr.name, "covers", platform, {"quantity": n}, s, 0.55)
    if agr.platform is None:
        agr.platform = platform


_COUNTED = re.compile(r"\b(?:the\s+first\s+(?:\w+\s+)?of\s+|for\s+)(?P<n>\d{1,4}|"
                      rf"{_WORDS})\s+"
                      r"(?:[\w-]+\s+){0,2}?"
                      r"(?P<noun>frigates|corvettes|submarines|destroyers|vessels|ships|jets|fighters|aircraft|"
                      r"helicopters|tanks|howitzers|vehicles|drones|launchers)\b")


def scope_from_focus(doc: Document, agreements: list[AgreementState]) -> None:
    """"A contract with <Co> ..., with the first of 11 frigates to be delivered in 2029": the frigate the article
    named before is what the agreement covers, 11 of them, from <Co>."""
    for agr in agreements:
        s = agr.sentence
        if s is None or agr.platform or ("of " not in s.text and "for " not in s.text):
            continue
        cm = _COUNTED.search(s.text)
        if cm is None:
            continue
        noun = cm.group("noun").removesuffix("s") if cm.group("noun") != "aircraft" else "aircraft"
        earlier = [m for m in doc.mentions if m.type == "Platform" and m.start < s.start
                   and noun.casefold() in m.name.casefold()]
        if not earlier or len({m.name for m in earlier}) > 1:
            continue
        platform = earlier[-1].name
        n = int(cm.group("n")) if cm.group("n").isdigit() else NUMBER_WORDS[cm.group("n")]
        agr.platform = platform
        doc.relate(agr.name, "covers", platform, {"quantity": n}, s, 0.5)
        roles = {f.qualifiers.get("role"): f.subject for f in doc.facts
                 if f.predicate == "party_to" and f.object == agr.name}
        supplier, buyer = roles.get("supplier"), roles.get("buyer")
        if isinstance(supplier, str) and doc.entities.type_of(supplier) == "Company" and isinstance(buyer, str):
            status = next((f.object for f in doc.facts if f.subject == agr.name and f.predicate == "has_status"), None)
            doc.relate(supplier, "supplies", platform, {"buyer": buyer, "quantity": n, "status": status}, s, 0.5)


_PASSIVE_DELIVERED = re.compile(
    r"\s+(?:(?:[a-z][\w-]*|Block\s+\d+)\s+){0,3}?"
    r"(?:,?\s*(?:built|made|manufactured|produced)\s+(?:locally\s+)?by\s+(?:[A-Z][\w&'’.-]*\s+(?:and\s+|&\s+)?){1,6}?,?\s*)?"
    r"(?P<aux>was|were|has\s+been|have\s+been|had\s+been|will\s+be|"
    r"would\s+be|is\s+to\s+be|are\s+to\s+be|(?:is|are)\s+(?:expected|set|due|scheduled)\s+to\s+be)\s+"
    r"(?:formally\s+|officially\s+)?(?P<v>delivered|handed\s+over|transferred|commissioned)\s+"
    r"(?P<prep>to|into|in|with)\s+(?:the\s+)?")
_PASSIVE_BY = re.compile(r"[^.;]{0,40}?\bby\s+(?:the\s+)?(?:state-owned\s+|[A-Z][a-z]+['’]s\s+)?")


def _known_supplier(doc: Document, platform: str) -> str | None:
    """Return the company the article already has supplying or making ``platform``, if exactly one."""
    found = {str(f.subject) for f in doc.facts if f.predicate in ("supplies", "manufactures")
             and f.object == platform and doc.entities.type_of(str(f.subject)) == "Company"}
    return found.pop() if len(found) == 1 else None


def passive_deliveries(doc: Document) -> None:
    """"The first two <P> were delivered to the Hellenic Navy by <Co>", "was handed over to", "were commissioned
    into": the company after "by" (else the one the article has supplying the platform) supplies it with the
    recipient; commissioning into a force makes the force its operator; with no supplier known, the recipient
    buys it."""
    for s in sentences_with(doc, ("delivered", "handed over", "transferred", "commissioned")):
        for p in mentions_in(doc, s, "Platform"):
            dm = _PASSIVE_DELIVERED.match(doc.text, p.end, s.end)
            if dm is None or (dm.group("v") == "commissioned") != (dm.group("prep") in ("into", "with", "in")):
                continue
            rec = next((m for m in mentions_in(doc, s, *_RECIPIENTS) if m.start == dm.end()
                        and not (m.type == "Country" and m.form == "demonym")), None)
            if rec is None:
                continue
            qtys = [q for q in doc.in_sentence(s, doc.quantities) if q.end <= p.start
                    and re.fullmatch(r"(?:\s+[\w-]+){0,2}\s+", doc.text[q.end:p.start] + " ")]
            qty = qtys[-1].value if qtys and p.start - qtys[-1].end <= 20 else None
            ahead = not dm.group("aux").startswith(("was", "were", "ha"))
            dates = clause_dates(doc, s, dm.start(), [d for d in doc.in_sentence(s, doc.dates) if d.start >= dm.end()])
            when = dates[0].value if dates else None
            verb = " ".join(dm.group("v").split())
            status = "expected" if ahead else verb
            if verb == "commissioned":
                doc.relate(rec.name, "operates", p.name, {"quantity": qty, "status": status,
                                                           "since" if not ahead else "expected_date": when}, s, 0.55)
                continue
            bm = _PASSIVE_BY.match(doc.text, rec.end, s.end)
            by = next((m for m in mentions_in(doc, s, "Company", "Country") if bm is not None
                       and m.start == bm.end() and m.name != rec.name), None)
            supplier = by.name if by is not None else _known_supplier(doc, p.name)
            country = doc.entities.records[rec.name].attributes.get("country") if rec.type == "ArmedForce" else None
            q: dict[str, object] = {"buyer": country if country in doc.entities else rec.name,
                                    "end_user": rec.name if country in doc.entities else None,
                                    "quantity": qty, "status": status,
                                    "expected_date" if ahead else "date": when}
            if supplier is not None:
                doc.relate(supplier, "supplies", p.name, q, s, 0.55)
            elif not any(f.predicate == "supplies" and f.object == p.name for f in doc.facts):
                doc.relate(rec.name, "buys", p.name, {"quantity": qty, "status": status,
                                                      "expected_date" if ahead else "date": when}, s, 0.5)


def parties_from_supplies(doc: Document, agreements: list[AgreementState]) -> None:
    """"Six T129 helicopters ordered from <Co>, <force chief> said. The helicopters were ordered in 2024 under a
    contract worth ...": a contract that names no party but covers the platform one supplier sells to one buyer
    in the same or the sentence before is that supplier's and buyer's."""
    for agr in agreements:
        s, platform = agr.sentence, agr.platform
        if s is None or platform is None or agr.parties or agr.kind == "joint venture" or any(
                f.predicate == "party_to" and f.object == agr.name for f in doc.facts):
            continue
        sales = {(f.subject, f.qualifiers.get("buyer")) for f in doc.facts
                 if f.predicate == "supplies" and f.object == platform and f.sentence is not None
                 and s.index - 1 <= f.sentence.index <= s.index}
        if len(sales) != 1:
            continue
        [(supplier, buyer)] = sales
        if not isinstance(buyer, str) or doc.entities.type_of(supplier) != "Company":
            continue
        for who, role in ((buyer, "buyer"), (supplier, "supplier")):
            doc.relate(who, "party_to", agr.name, {"role": role, "date": agr.year or None}, s, 0.5)
            agr.parties.append((who, role))


_FIRST_N = re.compile(rf"\b[Tt]he\s+first\s+(?P<n>\d{{1,4}}|{_WORDS})(?:\s+(?P<noun>[a-z][\w-]*s))?\s+"
                      r"(?P<aux>are|is|will|would|were|was|have|has|should)\b[^.;]{0,40}?\bdeliver(?:ed|y|ies)\b")
_AHEAD_WORDS = re.compile(r"\b(?:expected|will|would|due|scheduled|planned|should|to\s+be)\b")


def first_deliveries(doc: Document) -> None:
    """"<force> ordered 96 <P> from <Co>. The first 24 are expected to be delivered in 2027": a delivery of that
    many of the platform the sale or purchase just before was of, beside the whole order."""
    for s in doc.sentences:
        if "first" not in s.text:
            continue
        fm = _FIRST_N.search(s.text)
        if fm is None:
            continue
        n = int(fm.group("n")) if fm.group("n").isdigit() else NUMBER_WORDS[fm.group("n")]
        trade = [f for f in doc.facts if f.predicate in ("supplies", "buys") and f.sentence is not None
                 and s.index - 2 <= f.sentence.index <= s.index and isinstance(f.qualifiers.get("quantity"), int)
                 and f.qualifiers["quantity"] > n]
        if not trade:
            continue
        last = trade[-1]
        noun = (fm.group("noun") or "").removesuffix("s").casefold()
        if noun and noun not in _kind_words(doc, str(last.object)) and noun not in last.sentence.text.casefold():
            continue
        if any(f.object == last.object and f.predicate == last.predicate and f.qualifiers.get("quantity") == n
               for f in doc.facts):
            continue
        ahead = _AHEAD_WORDS.search(fm.group(0)) is not None
        dates = [d for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + fm.end()]
        q = {k: v for k, v in last.qualifiers.items() if k in ("buyer", "end_user")}
        q.update({"quantity": n, "status": "expected" if ahead else "delivered"})
        if dates:
            q["expected_date" if ahead else "date"] = dates[0].value
        doc.add_fact(Fact(last.subject, last.predicate, last.object, q, s, 0.5))


def _kind_words(doc: Document, platform: str) -> set[str]:
    rec = doc.entities.records.get(platform)
    kind = str(rec.attributes.get("kind") or "") if rec is not None else ""
    return {w.casefold() for w in (kind.split() + platform.split())}


def _platform_after(doc: Document, s: Sentence, obj_start: int) -> Mention | None:
    """Return the first platform named within 40 characters after ``obj_start`` (a verb's object), or None."""
    return next((p for p in mentions_in(doc, s, "Platform") if obj_start <= p.start <= obj_start + 40), None)


#: clauses of a delivery sentence that tell of the order, not of the delivery: ", which ordered them in 2022",
#: ", ordered in 2017,", "after signing for them in 2019", "under a contract signed in 2018"
_ORDER_CLAUSE = re.compile(
    r",\s+(?:which|who|that)\s+[^,;]*|"
    r",\s+(?:(?:first|originally|initially)\s+)?(?:ordered|signed\s+for|bought|purchased|contracted|acquired|"
    r"selected|procured)\b[^,;]*|"
    r"\b(?:after|since)\s+(?:ordering|signing|buying|purchasing|selecting)\b[^,;]*|"
    r"\bunder\s+(?:an?|the)\s+[^,;]{0,40}?\b(?:contract|deal|order|agreement)\s+(?:signed|awarded|placed|agreed|"
    r"concluded)\b[^,;]*")


def clause_dates(doc: Document, s: Sentence, verb: int, dates: list[Any]) -> list[Any]:
    """Return ``dates`` without those in a clause of the sentence that tells of the order rather than of the act of
    the verb at ``verb`` ("KNDS France will deliver the guns, ordered in 2017, by 2027": 2027 only)."""
    if not dates or not any(w in s.text for w in (",", " after ", " since ", "under ")):
        return dates
    spans = [(s.start + m.start(), s.start + m.end()) for m in _ORDER_CLAUSE.finditer(s.text)]
    spans = [(a, b) for a, b in spans if not a <= verb < b]
    return [d for d in dates if not any(a <= d.start < b for a, b in spans)]


def relate_supply(doc: Document, supplier: str, platform: str, q: dict[str, object], s: Sentence,
                  confidence: float) -> None:
    """Record a supply; a second one of the platform by the same supplier to the same buyer told in another sentence,
    of another count or in another state ("delivered 12 in 2024 ... will deliver a further six by 2026"), is a fact
    of its own rather than more qualifiers on the first."""
    q = {k: v for k, v in q.items() if v is not None and v != ""}
    for f in doc.triple_facts(supplier, "supplies", platform):
        if f.sentence is s or f.qualifiers.get("buyer") != q.get("buyer"):
            continue
        n, m = f.qualifiers.get("quantity"), q.get("quantity")
        if f.qualifiers.get("status") != q.get("status") or (n is not None and m is not None and n != m):
            doc.add_fact(Fact(supplier, "supplies", platform, q, s, confidence))
            return
    doc.relate(supplier, "supplies", platform, q, s, confidence)


#: deliveries written as nouns: "the delivery of 18 <P> to <force> is expected next month", "deliveries of the
#: remaining four <P> are due in 2027", and "<buyer> took delivery of the first two of 12 <P>" with no "from"
_NOUN_DELIVERY = re.compile(r"\b(?P<take>(?:took|takes|take|taken|taking)\s+)?(?:the\s+|its\s+|their\s+)?"
                            r"(?:first\s+|final\s+|last\s+)?(?:[Dd]eliveries|[Dd]elivery)\s+of\s+")
_DELIVERY_PART = re.compile(rf"(?:the\s+|its\s+|their\s+)?(?P<part>first|last|final|remaining|next|other|further)?\s*"
                            rf"(?:(?P<n>\d{{1,4}}|{_WORDS})\s+of\s+(?:the\s+|its\s+|their\s+)?)?")
_DELIVERY_TO = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+to\s+(?:the\s+)?")
_DELIVERY_AHEAD = re.compile(r"\b(?:is|are|was|were|remains?)\s+(?:also\s+|now\s+|still\s+)?(?:expected|due|"
                             r"scheduled|planned|set)\b|\b(?:will|would|should)\s+(?:\w+\s+)?(?:begin|start|follow|"
                             r"take\s+place|be\s+completed|be\s+made)\b|\b(?:is|are)\s+to\s+(?:begin|start|follow)\b")
_DELIVERY_DONE = re.compile(r"\b(?:began|started|begun|were\s+completed|was\s+completed|ended|took\s+place|"
                            r"were\s+made|was\s+made)\b")
_MAKER_BEFORE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,1}$")


def _recipient_after(doc: Document, s: Sentence, pos: int) -> Mention | None:
    tm = _DELIVERY_TO.match(doc.text, pos, s.end)
    return next((m for m in mentions_in(doc, s, *_RECIPIENTS) if tm is not None and m.start == tm.end()
                 and not (m.type == "Country" and m.form == "demonym")), None)


def _maker_of(doc: Document, s: Sentence, p: Mention, obj_start: int) -> str | None:
    """Return the company written right before the platform's name ("18 Otokar Cobra II"), else the one the article
    already has supplying or making it."""
    co = next((m for m in mentions_in(doc, s, "Company") if obj_start <= m.start and m.end <= p.start
               and _MAKER_BEFORE.fullmatch(doc.text, m.end, p.start + 1) is None
               and re.fullmatch(r"\s+", doc.text[m.end:p.start])), None)
    return co.name if co is not None else _known_supplier(doc, p.name)


def noun_deliveries(doc: Document) -> None:
    """A delivery told as a noun is a supply like any other: the company before the platform's name (else the one
    the article has supplying or making it) supplies it to the recipient after "to" (else the one that took delivery,
    else the buyer of the article's earlier sale of that platform), with the count, and ``expected_date`` or
    ``date`` as the delivery lies ahead or is done; with no supplier known, the recipient buys it."""
    for s in sentences_with(doc, ("delivery of", "deliveries of")):
        if not s.text.rstrip().endswith((".", '"', "”", "’", "'")):
            continue  # a headline ("Nigeria takes delivery of first T129 helicopters") the body tells again
        for dm in _NOUN_DELIVERY.finditer(s.text):
            obj_start = s.start + dm.end()
            pm = _DELIVERY_PART.match(doc.text, obj_start, s.end)
            p = _platform_after(doc, s, obj_start)
            if p is None or (dm.group("take") and _supplier(doc, s, p.end + _tail(doc.text, p.end, s.end))):
                continue  # "took delivery of <P> from <Co>": the receiving rule's
            verb = s.start + dm.start()
            rest = doc.text[p.end:s.end]
            taker = [m for m in mentions_in(doc, s, *_RECIPIENTS) if m.end <= verb
                     and re.fullmatch(r"\s*", doc.text[m.end:verb]) is not None
                     and not (m.type == "Country" and m.form == "demonym")] if dm.group("take") else []
            rec = taker[-1] if taker else _recipient_after(doc, s, p.end)
            if dm.group("take"):
                ahead = bool(re.search(r"\b(?:will|would|to|expects?|plans?|is|are)\s+(?:\w+\s+){0,2}$",
                                       doc.text[max(s.start, verb - 30):verb]))
            elif _DELIVERY_AHEAD.search(rest[:120]):
                ahead = True
            elif _DELIVERY_DONE.search(rest[:120]):
                ahead = False
            else:
                continue
            supplier = _maker_of(doc, s, p, obj_start)
            earlier = [f for f in doc.facts if f.predicate == "supplies" and f.object == p.name
                       and f.sentence is not None and f.sentence.index <= s.index and f.sentence is not s
                       and isinstance(f.qualifiers.get("buyer"), str)]
            if rec is None and not earlier:
                continue
            q: dict[str, object] = {}
            sold = next((f for f in reversed(earlier) if rec is not None
                         and f.qualifiers.get("end_user") == rec.name), None)
            if sold is not None:  # the force an earlier sale was for: that sale's buyer
                q = {"buyer": sold.qualifiers["buyer"], "end_user": rec.name if rec is not None else None}
            elif rec is not None:
                country = doc.entities.records[rec.name].attributes.get("country") if rec.type == "ArmedForce" else None
                force_of_state = country in doc.entities and (not dm.group("take") or any(
                    f.qualifiers.get("buyer") == country for f in earlier))
                q["buyer"] = country if force_of_state else rec.name
                q["end_user"] = rec.name if force_of_state else None
            else:
                q = {k: v for k, v in earlier[-1].qualifiers.items() if k in ("buyer", "end_user")}
                supplier = supplier or str(earlier[-1].subject)
            n = pm.group("n") if pm is not None else None
            qtys = [x for x in doc.in_sentence(s, doc.quantities) if obj_start <= x.start and x.end <= p.start]
            q["quantity"] = (int(n) if n.isdigit() else NUMBER_WORDS[n]) if n else qtys[-1].value if qtys else None
            q["status"] = "expected" if ahead else "delivered"
            dates = clause_dates(doc, s, verb, [d for d in doc.in_sentence(s, doc.dates) if d.start >= p.end])
            if dm.group("take") and not dates:
                dates = clause_dates(doc, s, verb, [d for d in doc.in_sentence(s, doc.dates) if d.start < verb])
            if dates:
                q["expected_date" if ahead else "date"] = dates[0].value
            if supplier is not None:
                _delivery_supply(doc, supplier, p.name, q, s)
            elif rec is not None:
                doc.relate(str(q["buyer"]), "buys", p.name, {k: v for k, v in q.items() if k != "buyer"}, s, 0.5)
            break


def _delivery_supply(doc: Document, supplier: str, platform: str, q: dict[str, object], s: Sentence) -> None:
    """Record a delivery as a supply of its own beside the sale another sentence told (never as more qualifiers on
    that sale), unless it is the same: same buyer, count and status."""
    q = {k: v for k, v in q.items() if v is not None and v != ""}
    told = [f for f in doc.triple_facts(supplier, "supplies", platform) if f.sentence is not s]
    if told and not any(all(f.qualifiers.get(k) == q.get(k) for k in ("buyer", "quantity", "status")) for f in told):
        doc.add_fact(Fact(supplier, "supplies", platform, q, s, 0.5))
    else:
        relate_supply(doc, supplier, platform, q, s, 0.5)
