"""Statuses of agreements said in other words than signing: approval by a body, approval awaited, a deal that
stalled or was cancelled.

* "<Body> approved the sale in March": the agreement the sale is has status "approved",
  by that body, dated;
* "awaits cabinet approval", "is pending parliamentary approval", "expected for Cabinet
  approval by October": status "pending approval" (or "expected"), by the approving body
  where one is named;
* "was shelved", "has been cancelled", "was put on hold", "has stalled": that word (or
  "on hold") as the status, with the date of the act;
* "a planned purchase of 12 <P> from <Co>. The deal, first agreed in 2024, ...": the deal
  first named by "the deal" is that purchase, with its buyer, supplier and platform;
* "<State> approved the possible sale of 12 <P> to <State>": a sale approved by the seller;
* "a US$300 million line of credit that New Delhi extended last year", in the sentence of
  another agreement: the value and year of the article's line of credit.
"""

from __future__ import annotations

import re

from .agreements import AgreementState, _party_label, _take_name
from .anchors import has_any, sentences_with
from .document import Document
from .numbers import SIMPLE_NUMBER_WORDS
from .platform_focus import number
from .text import Sentence

__all__ = ["extract_agreement_statuses"]

_APPROVED_DEAL = re.compile(r"\b(?P<v>approved|cleared|authori[sz]ed|ratified|endorsed)\s+(?:the\s+|a\s+|its\s+)?"
                            r"(?:(?:planned|proposed|\d[\w.,$€£]*|[$€£][\w.,]+|multi-billion|billion|million)\s+)*"
                            r"(?P<what>sale|deal|contract|purchase|acquisition|procurement|export|order|agreement|"
                            r"transfer|package)\b")
_AWAITED = re.compile(r"\b(?:awaits|awaiting|await|pending|requires|needs|subject\s+to|(?P<exp>expected|due|set)\s+"
                      r"(?:for|to\s+(?:receive|get|win|obtain|go\s+before|be\s+put\s+before)))\s+(?:the\s+)?"
                      r"(?:final\s+|formal\s+)?(?P<body>cabinet|Cabinet|parliamentary|Parliament's|parliament's|"
                      r"congressional|Congress's|government|government's|presidential|ministerial|legislative|"
                      r"(?:[A-Z][\w-]*\s+){1,4}?|[A-Z][\w-]*['’]s\s+)?\s*(?:approval|clearance|endorsement|sign-off|ratification)\b")
_ENDED = {"shelved": "shelved", "cancelled": "cancelled", "canceled": "cancelled", "scrapped": "scrapped",
          "suspended": "suspended", "frozen": "frozen", "terminated": "terminated", "stalled": "stalled",
          "collapsed": "collapsed", "abandoned": "abandoned", "halted": "halted", "on hold": "on hold",
          "put on hold": "on hold", "placed on hold": "on hold", "postponed": "postponed", "delayed": "delayed"}
_ENDED_RE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|has|have|had|been|remains|remain|"
                       r"being|now)\s+(?:(?:formally|officially|effectively|indefinitely|quietly|since|also)\s+)?"
                       r"(?P<w>shelved|cancell?ed|scrapped|suspended|frozen|terminated|stalled|collapsed|abandoned|"
                       r"halted|put\s+on\s+hold|placed\s+on\s+hold|on\s+hold|postponed|delayed)\b")
_AGREEMENT_WORD = re.compile(r"\b(?:contract|deal|order|agreement|MoU|memorandum|purchase|sale|procurement|"
                             r"acquisition|tender|talks|negotiations|it)\b")
_FROM_BODY = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?")
_OTHER_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|but|although)|;)\s+[^,;]*?\b(?:contract|deal|order|agreement|"
                           r"purchase|sale)\b")
_BODY_WORDS = ("Cabinet", "Parliament", "Congress", "Council", "Committee", "Senate", "Assembly", "Ministry",
               "Government")
#: the gazetteers' kind of a parliament or chamber (``graph/data/gazetteers/legislatures.tsv``, users' own files)
LEGISLATURE = "legislature"


def _agreement_of(s: Sentence, agreements: list[AgreementState]) -> AgreementState | None:
    """Return the agreement sentence ``s`` speaks of: one it names first, else the latest named before it."""
    here = [a for a in agreements if a.sentence is s]
    if here:
        return here[0]
    before = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index]
    return before[-1] if before else None


def _current(doc: Document, agreements: list[AgreementState], s: Sentence) -> AgreementState | None:
    """The agreement an approval speaks of: the latest named before of the article's own year (an earlier one
    of another year is history), else the latest."""
    before = [a for a in agreements if a.sentence is not None and a.sentence.index <= s.index]
    year = (doc.article_date or "")[:4]
    now = [a for a in before if a.year == year]
    if now:
        # of this year's, the one the article says most of
        counts = {a.name: sum(1 for f in doc.facts if f.subject == a.name or f.object == a.name) for a in now}
        return max(now, key=lambda a: (counts[a.name], a.sentence.index if a.sentence else 0))
    return before[-1] if before else None


def _other_platform(doc: Document, s: Sentence, agr: AgreementState, before: int) -> bool:
    """Tell whether the sentence speaks of platforms before ``before`` and none is the agreement's ("A planned
    purchase of Su-35 fighters was shelved" after an AW149 deal: another purchase)."""
    named = {m.name for m in doc.mentions_in(s, "Platform") if m.end <= before}
    return bool(named) and agr.sentence is not s and agr.platform not in named


def _past_date(doc: Document, s: Sentence) -> str | None:
    ds = [d for d in doc.in_sentence(s, doc.dates) if not d.prospective]
    return ds[0].value if ds else None


def _body_in(doc: Document, s: Sentence, end: int) -> str | None:
    bodies = [m for m in doc.mentions_in(s, "GovernmentAgency") if m.end <= end
              and (any(w in m.name for w in _BODY_WORDS) or m.attributes.get("kind") == LEGISLATURE)]
    return bodies[-1].name if bodies else None


_OF = re.compile(r"\s+of\s+")


def _approves_another(doc: Document, s: Sentence, end: int, agr: AgreementState) -> bool:
    """Tell whether an approval is of the purchase of another platform than the agreement's ("approved the
    purchase of three more Scorpene submarines" after a helicopter contract): a purchase of its own."""
    om = _OF.match(doc.text, end)
    if om is None or agr.sentence is s:
        return False
    named = [m.name for m in doc.mentions_in(s, "Platform") if om.end() <= m.start <= om.end() + 50]
    return bool(named) and agr.platform not in named


def _approvals(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("approved", "cleared", "authori", "ratified", "endorsed")):
        am = _APPROVED_DEAL.search(s.text)
        if am is None:
            continue
        body = _body_in(doc, s, s.start + am.start())
        agr = _current(doc, agreements, s)
        if body is None or agr is None or _approves_another(doc, s, s.start + am.end(), agr):
            continue
        doc.relate(agr.name, "has_status", am.group("v") if am.group("v") != "cleared" else "approved",
                   {"by": body, "date": _past_date(doc, s)}, s, 0.55)


def _awaited(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("approval", "clearance", "ratification")):
        if not has_any(doc, s, ("await", "pending", "subject to", "requires", "needs", "expected", "due", "set ")):
            continue
        aw = _AWAITED.search(s.text)
        if aw is None:
            continue
        agr = _agreement_of(s, agreements)
        if agr is None or (agr.sentence is not s and not _AGREEMENT_WORD.search(s.text, 0, aw.start())) \
                or _other_platform(doc, s, agr, s.start + aw.start()):
            continue
        body = None
        named = aw.group("body")
        if named:
            word = named.strip().split("'")[0].casefold()
            body = next((m.name for m in doc.mentions_in(s, "GovernmentAgency")
                         if m.start >= s.start + aw.start() and m.name.casefold().startswith(word[:6])), None)
        if body is None:
            body = _body_in(doc, s, s.start + aw.end())
        if body is None:
            fm = _FROM_BODY.match(s.text, aw.end())
            body = next((m.name for m in doc.mentions_in(s, "GovernmentAgency") if fm is not None
                         and m.start == s.start + fm.end()), None)
        future = [d.value for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + aw.start()
                  and (d.prospective or d.value >= (doc.article_date or "")[:len(d.value)])]
        status = "expected" if aw.group("exp") else "pending approval"
        doc.relate(agr.name, "has_status", status, {"by": body, "expected_date": future[0] if future else None},
                   s, 0.55)


def _ended(doc: Document, agreements: list[AgreementState]) -> None:
    for s in sentences_with(doc, ("shelved", "cancel", "scrapped", "suspended", "frozen", "stalled", "on hold",
                                  "postponed", "delayed")):
        em = _ENDED_RE.search(s.text)
        if em is None or not _AGREEMENT_WORD.search(s.text, 0, em.start()):
            continue
        agr = _agreement_of(s, agreements)
        if agr is None or (_OTHER_CLAUSE.search(s.text, 0, em.start()) and agr.sentence is s) \
                or _other_platform(doc, s, agr, s.start + em.start()):
            continue  # "X was finalised, while a planned deal with Y has stalled": another deal than the first
        word = _ENDED.get(" ".join(em.group("w").split()), em.group("w"))
        dates = [d for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + em.start()]
        doc.relate(agr.name, "has_status", word, {"date": dates[0].value if dates else None}, s, 0.55)


#: the counts written as one word these sentences give: "two" to "twelve"
_FEW = "|".join(w for w, n in SIMPLE_NUMBER_WORDS.items() if 2 <= n <= 12 and w != "dozen")
_PURCHASE_OF = re.compile(r"\b(?:purchase|acquisition|procurement|order|buy|sale)\s+of\s+(?:the\s+)?"
                          rf"(?:(?P<n>\d+|{_FEW})\s+)?(?:more\s+|new\s+)?$")
_FROM = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+from\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?")
_BUYER_TYPES = ("Country", "ArmedForce", "GovernmentAgency")
_THE_DEAL = re.compile(r"(?i)the\s+(?:[\w-]+\s+){0,2}?(?:deal|contract|order|agreement|purchase)$")
_TALKS_WITH = re.compile(r"\b(?:negotiating|negotiations|in\s+talks|holding\s+talks|talks)\s+with\s+(?:the\s+)?$")
_TALKS_FOR = re.compile(rf"\s+(?:for|over|on|about)\s+(?:the\s+|an?\s+)?(?:(?P<n>\d+|{_FEW})\s+)?"
                        r"(?:more\s+|additional\s+)?$")


def _named_after_purchase(doc: Document, agreements: list[AgreementState]) -> None:
    """"Nigeria has shelved a planned purchase of 12 <P> from <Co>. The deal, first agreed in 2024, ...": the deal
    named first by "the deal" is that purchase, with its buyer, supplier and platform."""
    text = doc.text
    for agr in agreements:
        s = agr.sentence
        rec = doc.entities.records.get(agr.name)
        if s is None or s.index == 0 or rec is None or agr.parties:
            continue
        if not any(_THE_DEAL.match(a) for a in rec.aliases):
            continue
        prev = doc.sentences[s.index - 1]
        for p in doc.mentions_in(prev, "Platform"):
            if agr.platform not in (None, p.name):
                continue
            pm = _PURCHASE_OF.search(text, max(prev.start, p.start - 40), p.start)
            fm = _FROM.match(text, p.end, prev.end) if pm is not None else None
            supplier = next((m for m in doc.mentions_in(prev, "Company", "Country")
                             if fm is not None and m.start == fm.end()), None)
            cue = pm.start() if pm is not None else p.start
            if supplier is None:  # "<Buyer> is negotiating with <Co> for a <P> battery"
                tm = _TALKS_FOR.search(text, max(prev.start, p.start - 30), p.start)
                supplier = next((m for m in doc.mentions_in(prev, "Company") if tm is not None and m.end == tm.start()
                                 and _TALKS_WITH.search(text, max(prev.start, m.start - 40), m.start)), None)
                pm = tm if supplier is not None else None
                cue = supplier.start if supplier is not None else cue
            buyers = [m for m in doc.mentions_in(prev, *_BUYER_TYPES) if m.end <= cue]
            if supplier is None or not buyers or buyers[-1].name == supplier.name:
                continue
            buyer = buyers[-1]  # the one nearest the purchase or the talks
            label = f"{_party_label(doc, buyer.name)}–{_party_label(doc, supplier.name)}"
            _take_name(doc, agr, f"{label} {p.name} {agr.kind}" + (f" ({agr.year})" if agr.year else ""))
            n = number(pm.group("n")) if pm is not None else None
            doc.relate(buyer.name, "party_to", agr.name, {"role": "buyer"}, prev, 0.5)
            doc.relate(supplier.name, "party_to", agr.name, {"role": "supplier"}, prev, 0.5)
            doc.relate(agr.name, "covers", p.name, {"quantity": n}, prev, 0.5)
            if supplier.type == "Company":
                doc.relate(supplier.name, "supplies", p.name, {"buyer": buyer.name, "quantity": n}, prev, 0.5)
            agr.parties = [(buyer.name, "buyer"), (supplier.name, "supplier")]
            agr.platform = p.name
            break


_POSSIBLE_SALE = re.compile(r"\b(?:approved|cleared|authori[sz]ed|notified\s+Congress\s+of)\s+(?:a|the)\s+"
                            r"(?:possible|potential|proposed)\s+(?P<fms>(?:foreign\s+military|direct\s+commercial)\s+)?"
                            r"sales?\b", re.I)
_TO = re.compile(r"\bto\s+(?:the\s+)?$")


def _possible_sales(doc: Document, agreements: list[AgreementState]) -> None:
    """"The United States approved the possible sale of 12 <P> to <State>, with an estimated value of $X": a sale
    approved by the selling state, with the buyer, the platform and the value."""
    text = doc.text
    for s in sentences_with(doc, ("sale",)):
        pm = _POSSIBLE_SALE.search(s.text)
        if pm is None or any(a.sentence is s for a in agreements):
            continue
        cue, end = s.start + pm.start(), s.start + pm.end()
        sellers = [m for m in doc.mentions_in(s, "Country", "GovernmentAgency") if m.end <= cue]
        buyer = next((m for m in doc.mentions_in(s, "Country", "ArmedForce") if m.start > end
                      and _TO.search(text, max(end, m.start - 8), m.start)), None)
        if not sellers or buyer is None:
            continue
        seller = sellers[-1]
        state = seller.name if seller.type == "Country" else doc.entities.records[seller.name].attributes.get("country")
        if not isinstance(state, str) or state == buyer.name:
            continue
        doc.entities.add(state, "Country")  # "the US State Department": the state it speaks for
        platform = next((m for m in doc.mentions_in(s, "Platform") if end <= m.start < buyer.start), None)
        year = ((doc.article_date or "")[:4])
        kind = "foreign military sale" if pm.group("fms") and "military" in pm.group("fms").casefold() else "sale"
        label = f"{_party_label(doc, state)}–{_party_label(doc, buyer.name)}"
        name = " ".join(x for x in (label, platform.name if platform else "", kind) if x)
        name += f" ({year})" if year else ""
        if name in doc.entities:
            continue
        doc.entities.add(name, "Agreement", text[cue:end].split(" ", 1)[1], agreement_type=kind)
        agr = AgreementState(name, kind, year, [(state, "supplier"), (buyer.name, "buyer")],
                             platform.name if platform else None, s)
        agreements.append(agr)
        approved = _past_date(doc, s)
        doc.relate(state, "party_to", name, {"role": "supplier", "status": "approved"}, s, 0.55)
        doc.relate(buyer.name, "party_to", name, {"role": "buyer", "status": "approved"}, s, 0.55)
        doc.relate(name, "has_status", "approved", {"date": approved,
                                                    "by": seller.name if seller.type != "Country" else None}, s, 0.55)
        money = [m for m in doc.in_sentence(s, doc.money) if m.start > end]
        estimated = "estimated" in s.text or "up to" in s.text
        if money:
            doc.relate(name, "has_value", money[0].value, {"approximate": money[0].approximate or estimated or None},
                       s, 0.55)
        if platform is not None:
            qty = [q for q in doc.in_sentence(s, doc.quantities) if q.end <= platform.start
                   and platform.start - q.end <= 25 and q.start >= end]
            n = qty[-1].value if qty else None
            doc.relate(name, "covers", platform.name, {"quantity": n}, s, 0.55)
            doc.relate(state, "supplies", platform.name, {"buyer": buyer.name, "quantity": n, "status": "approved"},
                       s, 0.5)


_CREDIT_AFTER = re.compile(r"\s+(?:defence\s+|defense\s+|concessional\s+)?(?:line\s+of\s+credit|credit\s+line)\b")
_EXTENDED = re.compile(r"\s+(?:that|which)\s+[^.;,]{0,40}?\b(?:extended|approved|granted|opened|offered)\b")


def _capital_to(doc: Document, s: Sentence, after: int) -> str | None:
    """Return the state whose capital follows "to" after ``after`` ("extended to Hanoi"), read as a place."""
    gaz = getattr(doc, "gazetteers", None)
    if gaz is None:
        return None
    for start, _end, surface in doc.places:
        if after <= start < s.end and _TO.search(doc.text, max(after, start - 8), start):
            hit = gaz.match(surface)
            if hit and hit[0].entry.type == "Country" and hit[0].entry.name in doc.entities:
                return str(hit[0].entry.name)
    return None


def _credit_terms(doc: Document, agreements: list[AgreementState]) -> None:
    """"... financed from a US$300 million line of credit that New Delhi extended to Hanoi last year": the amount
    and the year of the article's one line of credit, named in the sentence of another agreement."""
    credit = [a for a in agreements if a.kind == "line of credit"]
    if len(credit) != 1 or any(f.subject == credit[0].name and f.predicate == "has_value" for f in doc.facts):
        return
    agr = credit[0]
    for m in doc.money:
        cm = _CREDIT_AFTER.match(doc.text, m.end)
        if cm is None:
            continue
        s = doc.sentence_at(m.start)
        em = _EXTENDED.match(doc.text, cm.end(), s.end)
        when = [d for d in doc.in_sentence(s, doc.dates) if em is not None and d.start >= em.end()
                and not d.prospective]
        if when and agr.year and when[0].value[:4] < agr.year:
            _take_name(doc, agr, agr.name.replace(f"({agr.year})", f"({when[0].value[:4]})"))
            agr.year = when[0].value[:4]
        doc.entities.add(agr.name, "Agreement", cm.group().strip())  # a form the text calls it by
        if em is not None:  # "that New Delhi extended to Hanoi": the lender and the recipient
            states = [c for c in doc.mentions_in(s, "Country") if cm.end() <= c.start < em.end() + 40]
            lender = next((c for c in states if c.end <= em.end()), None)
            recipient = next((c for c in states if c.start >= em.end()
                              and _TO.search(doc.text, max(em.end(), c.start - 8), c.start)), None)
            to_name = recipient.name if recipient is not None else _capital_to(doc, s, em.end())
            year = when[0].value if when else None
            for who, role in ((lender.name if lender else None, "lender"), (to_name, "recipient")):
                if who is not None and who in {p for p, _r in agr.parties}:
                    doc.relate(who, "party_to", agr.name, {"role": role, "date": year}, s, 0.55)
        doc.relate(agr.name, "has_value", m.value, {"approximate": m.approximate or None}, s, 0.55)
        return


def extract_agreement_statuses(doc: Document, agreements: list[AgreementState]) -> None:
    """Add the approvals, awaited approvals and ends of agreements that no signing verb states."""
    _possible_sales(doc, agreements)
    if not agreements:
        return
    _named_after_purchase(doc, agreements)
    _credit_terms(doc, agreements)
    _approvals(doc, agreements)
    _awaited(doc, agreements)
    _ended(doc, agreements)
