"""Events and encounters: where and when an event is held, who organises, attends, chairs and signs at
it, which edition comes next; visits and meetings between people and bodies.

Every rule reads one sentence: a verb frame ("held at V from 15 to 19 June", "organised by
X", "toured the show", "co-chaired the dialogue", "will visit X's facilities") and the
mentions around it. Agreements concluded during a trade show are ``signed_at`` it when the
text says so ("at the show", "during the week") or, less surely, when the article reports
the show while it runs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .agreements import AgreementState
from .anaphora import country_pair, event_at
from .anchors import mentions_in, sentences_with
from .document import Document
from .editions import another_edition, earlier_count, event_year
from .events import EDITION_NUMBER, ordinal
from .mentions import Mention
from .text import Sentence

__all__ = ["extract_event_relations"]

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_MONTHS = {m[:3].casefold(): i for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_HELD = re.compile(r"\b(?:held|hosted|staged|taking place|takes place|took place|will take place|runs|ran|running)\s+"
                   rf"(?:at|in)\s+(?:the\s+)?(?!{_MON}\b)(?P<venue>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|du|of))*)")
_RANGE = re.compile(
    rf"\b(?:from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{_MON}))?\s*(?:to|-|–|until|and)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MON})(?:,?\s+(?P<y>(?:19|20)\d\d))?|"
    rf"\b(?P<m3>{_MON})\s+(?P<d3>\d{{1,2}})\s*(?:-|–|to)\s*(?P<d4>\d{{1,2}})(?:,?\s+(?P<y2>(?:19|20)\d\d))?")
_ORGANISED = re.compile(r"\b(?:organi[sz]ed|co-organi[sz]ed|hosted|run|staged)\s+by\s+(?:the\s+)?")
_NAME = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|for))*")
_COMPANY_WORD = re.compile(r"\b(?:Events|Exhibitions?|Expo|Group|Ltd|Limited|Inc|SA|SAS|GmbH|AG|Corp(?:oration)?|"
                           r"Company|Messe|Media|Services|Holding)\b")
_ATTEND = re.compile(r"\b(?:toured|tours|visited|attended|attends|opened|inaugurated|walked|(?:will|to)\s+"
                     r"(?:open|inaugurate|tour|attend))\s+(?:the\s+)?"
                     r"(?:show|exhibition|expo|fair|event|summit|seminar|conference|forum|dialogue)\b")
_ATTEND_VERBS = ("tour", "visited", "attend", "open", "inaugurat", "walked")
_PARTICIPATE = re.compile(r"\b(?:participated|participate|[Pp]articipating|took part|take part|taking part|exhibited|"
                          r"exhibiting|attended|joined|joining)\b")
_PAVILION = re.compile(r"\bpavilions?\b")
_OPENING_DAY = re.compile(r"\b(?:on\s+)?(?:its|the)\s+opening\s+day\b")
_UNITS = re.compile(r"^\s*[”\"]?\s*(?P<unit>(?:[\w-]+\s+){0,3}?(?:participants|exhibitors|visitors|delegates|attendees|"
                    r"companies|firms|delegations|personnel|troops|soldiers|sailors|airmen|marines|service members|"
                    r"aircraft|ships|warships|vessels))\b")
_SIGNED = re.compile(r"\b(?:signed|inked|sealed|awarded|agreed|notified|placed|concluded|finali[sz]ed)\b")
_NOT_YET = re.compile(r"\b(?:expected|to be signed|will sign|would sign|plans? to|planned|is set to|are set to)\b")
_AT_SHOW = re.compile(r"\b(?:during|at|on the sidelines of|on the margins of)\s+(?:the\s+)?(?:week|show|exhibition|"
                      r"expo|fair|event|summit)\b")
_NEXT_EDITION = re.compile(r"\b(?:[Tt]he\s+)?next\s+edition\b")
_CHAIR = re.compile(r"\b(?P<co>co-?)?(?:chaired|chairs|chairing|presided over|presides over)\b")
_VISIT = re.compile(r"\b(?P<aux>(?:will|would|to|plans? to|is due to|are due to)\s+)?"
                    r"(?:visit(?:s|ed|ing)?|tour(?:s|ed)?)\s+(?:the\s+)?")
_MET = re.compile(r"\b(?:met|meets|meeting)\s+(?:with\s+)?|\bheld\s+talks\s+with\s+")
_PURPOSE = re.compile(r"\bfor\s+(?P<p>(?:[\w-]+\s+){0,3}?(?:tests?|talks|consultations|inspections?|trials|"
                      r"negotiations|discussions|briefings|demonstrations?))\b")
_ACTORS = ("Person", "GovernmentAgency", "Country", "Organisation", "ArmedForce", "Company")


@dataclass
class _Run:
    """When and where an event runs, as far as the article says."""

    start: str | None = None
    end: str | None = None


def _iso(doc: Document, day: str, month: str, year: str | None, fallback: str | None) -> str | None:
    y = year or fallback or (doc.article_date or "")[:4]
    try:
        return dt.date(int(y), _MONTHS[month[:3].casefold()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def _latest_event(doc: Document, s: Sentence) -> Mention | None:
    return event_at(doc, s) or doc.last_before(s.start, "Event")


def _held_in(doc: Document, runs: dict[str, _Run]) -> None:
    place = getattr(doc, "dateline_place", None)
    for s in sentences_with(doc, ("held", "hosted", "staged", "place", " run", " ran ")):
        hm = _HELD.search(s.text)
        ev = mentions_in(doc, s, "Event")
        if hm is None or not ev or ev[0].start > s.start + hm.start():
            continue
        event = ev[0]
        venue = hm.group("venue").rstrip(".")  # "held in Hanoi." ends the sentence, not the name
        if doc.triple_facts(event.name, "held_in", venue):
            continue  # the place is known as the event's own, not as a venue in the city the report is filed from
        rm = _RANGE.search(s.text, hm.end())
        run = runs.setdefault(event.name, _Run())
        if rm:
            year = rm.group("y") or rm.group("y2")
            if rm.group("d1"):
                run.start = _iso(doc, rm.group("d1"), rm.group("m1") or rm.group("m2"), year, event_year(event))
                run.end = _iso(doc, rm.group("d2"), rm.group("m2"), year, event_year(event))
            else:
                run.start = _iso(doc, rm.group("d3"), rm.group("m3"), year, event_year(event))
                run.end = _iso(doc, rm.group("d4"), rm.group("m3"), year, event_year(event))
        countries = [c for c in mentions_in(doc, s, "Country") if c.surface == venue]
        where = countries[0].name if countries else (place or venue)
        doc.relate(event.name, "held_in", where, {"start_date": run.start, "end_date": run.end,
                                                 "venue": venue if where != venue else None}, s, 0.7)


def _organised_by(doc: Document) -> None:
    for s in sentences_with(doc, (" by ",)):
        om = _ORGANISED.search(s.text)
        if om is None:
            continue
        ev = _latest_event(doc, s)
        if ev is None or (not re.search(r"\b(?:show|exhibition|event|expo|fair|seminar|summit|conference|forum|"
                                       r"dialogue)\b", s.text[:om.start()], re.I) and not mentions_in(doc, s, "Event")):
            continue
        pos = s.start + om.end()
        known = [m for m in mentions_in(doc, s, "Organisation", "Company", "GovernmentAgency", "ArmedForce")
                 if m.start == pos]
        if known:
            doc.relate(ev.name, "organised_by", known[0].name, {}, s, 0.7)
            continue
        nm = _NAME.match(doc.text, pos, s.end)
        if nm is None or len(nm.group()) < 3:
            continue
        name = re.sub(r"\s+(?:and|of|&|for)$", "", nm.group()).rstrip(".")
        kind = "Company" if _COMPANY_WORD.search(name) else "Organisation"
        doc.entities.add(name, kind, name)
        doc.relate(ev.name, "organised_by", name, {}, s, 0.6)


def _participants(doc: Document, runs: dict[str, _Run]) -> None:
    pair = country_pair(doc)
    for s in sentences_with(doc, ("pavilion", "tour", "visit", "attend", "open", "inaugurat", "walked", "particip",
                                  "part", "exhibit", "attracted", "drew", "brought together", "countries", "nations")):
        ev = _latest_event(doc, s)
        if ev is None or another_edition(doc, s, ev):
            continue
        if "pavilion" in s.text and _PAVILION.search(s.text):
            for c in mentions_in(doc, s, "Country"):
                if c.form != "capital":
                    doc.relate(c.name, "participant_of", ev.name, {"role": "national pavilion"}, s, 0.6)
        # the pattern tried only where one of its verbs stands
        am = _ATTEND.search(s.text) if any(v in s.text for v in _ATTEND_VERBS) else None
        if am:
            date = None
            if _OPENING_DAY.search(s.text) and ev.name in runs:
                date = runs[ev.name].start
            elif doc.in_sentence(s, doc.dates):
                date = doc.in_sentence(s, doc.dates)[0].value
            for p in mentions_in(doc, s, "Person"):
                if p.end <= s.start + am.start():
                    doc.relate(p.name, "participant_of", ev.name, {"date": date}, s, 0.6)
                    break
        if event_at(doc, s) is not None:
            for q in doc.in_sentence(s, doc.quantities):
                # "from 9 countries", "from six East African nations"
                if re.match(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:countries|nations)\b",
                            doc.text[q.end:q.end + 40]) and re.search(
                        r"(?:exhibitors|participants|delegates|companies|firms|personnel|troops|soldiers|sailors|"
                        r"service members|delegations|ministers|officials|representatives|navies|warships|"
                        r"ships|aircraft|chiefs)\s+from\s+$",
                        doc.text[max(s.start, q.start - 30):q.start]):
                    doc.relate(ev.name, "has_participant_count", q.value, {"unit": "countries"}, s, 0.6)
        pm = _PARTICIPATE.search(s.text)
        joined = pm is not None or (event_at(doc, s) is not None and re.search(
            r"\b(?:attracted|drew|brought together)\b", s.text))
        if not joined:
            continue
        for c in mentions_in(doc, s, "Country"):
            if c.form != "capital":
                doc.relate(c.name, "participant_of", ev.name, {}, s, 0.55)
        if pm is not None:  # "delegations from the X Navy attended", "the Y Air Force will take part"
            leads = s.text.startswith(("Participating", "Taking part"))  # "Participating navies include X, Y"
            for f in mentions_in(doc, s, "ArmedForce"):
                if f.end <= s.start + pm.start() or leads:
                    doc.relate(f.name, "participant_of", ev.name, {}, s, 0.55)
        if pair and re.search(r"\bfrom\s+(?:both|the two)\s+(?:nations|countries|sides)\b", s.text):
            for state in pair:
                doc.relate(state, "participant_of", ev.name, {}, s, 0.55)
        if pm is not None:
            for q in doc.in_sentence(s, doc.quantities):
                um = _UNITS.match(doc.text[q.end:q.end + 60])
                if um and q.end <= s.start + pm.start() and not earlier_count(doc, q.start, q.end, s):
                    doc.relate(ev.name, "has_participant_count", q.value,
                               {"unit": um.group("unit"), "approximate": q.approximate or None,
                                "lower_bound": q.lower_bound or None}, s, 0.6)


def _show_running(doc: Document, ev: Mention, runs: dict[str, _Run]) -> bool:
    """Tell whether the article reports a trade show while it runs (or just after it closed)."""
    if ev.attributes.get("event_type") != "exhibition" or not doc.article_date:
        return False
    run = runs.get(ev.name)
    if run and run.start and run.end:
        end = dt.date.fromisoformat(run.end) + dt.timedelta(days=3)
        return run.start <= doc.article_date <= end.isoformat()
    return ev.start < doc.sentences[min(1, len(doc.sentences) - 1)].end


def _signed_at(doc: Document, agreements: list[AgreementState], runs: dict[str, _Run]) -> None:
    events = [m for m in doc.mentions if m.type == "Event"]
    if not events:
        return
    lead = events[0]
    running = _show_running(doc, lead, runs)
    year = event_year(lead) or (doc.article_date or "")[:4]
    context_week = False
    for a in agreements:
        s = a.sentence
        if s is None or (a.year and a.year != year) or _NOT_YET.search(s.text) or not _SIGNED.search(s.text):
            continue
        here = [e for e in mentions_in(doc, s, "Event")
                if re.search(r"\b(?:at|during|on the sidelines of|on the margins of)\s+(?:the\s+)?$",
                             doc.text[max(s.start, e.start - 24):e.start])]
        if here:
            doc.relate(a.name, "signed_at", here[0].name, {}, s, 0.8)
            continue
        if s.start < lead.start:
            continue
        prev = doc.sentences[s.index - 1] if s.index else s
        if _AT_SHOW.search(s.text) or (_AT_SHOW.search(prev.text) and "week" in prev.text):
            context_week = True
            doc.relate(a.name, "signed_at", lead.name, {}, s, 0.7)
        elif running or context_week:
            doc.relate(a.name, "signed_at", lead.name, {}, s, 0.5)


def _next_edition(doc: Document) -> None:
    for s in sentences_with(doc, ("next edition",)):
        nm = _NEXT_EDITION.search(s.text)
        if nm is None:
            continue
        ev = _latest_event(doc, s)
        if ev is None:
            continue
        dates = [d for d in doc.in_sentence(s, doc.dates) if d.start > s.start + nm.start()]
        year = event_year(ev)
        edition = ev.attributes.get("edition")
        if year and dates:
            name = ev.name.replace(year, dates[0].value[:4])
        elif edition:
            name = EDITION_NUMBER.sub(ordinal(edition + 1), ev.name, count=1)
        else:
            continue
        if name == ev.name:
            continue
        doc.entities.add(name, "Event", nm.group().removeprefix("The ").removeprefix("the "),
                         event_type=ev.attributes.get("event_type"))
        doc.relate(ev.name, "precedes", name, {}, s, 0.7)


_BY = re.compile(r"\s+(?:jointly\s+)?by\s+")


def _chairs(doc: Document) -> None:
    for s in sentences_with(doc, ("chair", "presid")):
        cm = _CHAIR.search(s.text)
        if cm is None:
            continue
        ev = event_at(doc, s)
        orgs = [m for m in mentions_in(doc, s, "Organisation") if m.start >= s.start + cm.end()]
        verb = s.start + cm.start()
        clause_start = max(s.start, doc.text.rfind(",", s.start, verb) + 1)
        persons = [p for p in mentions_in(doc, s, "Person") if clause_start <= p.start and p.end <= verb]
        for p in persons:
            if ev is not None:
                doc.relate(p.name, "chairs", ev.name, {"role": "co-chair" if cm.group("co") else None}, s, 0.7)
        by = _BY.match(s.text, cm.end())
        if not persons and by is not None and ev is not None:  # "The dialogue was co-chaired by X and Y"
            for p in mentions_in(doc, s, "Person"):
                if p.start >= s.start + by.end():
                    doc.relate(p.name, "chairs", ev.name, {"role": "co-chair" if cm.group("co") else None}, s, 0.65)
        countries = [c for c in mentions_in(doc, s, "Country") if clause_start <= c.start and c.end <= verb]
        if cm.group("co") and countries and orgs and not persons:
            doc.relate(countries[-1].name, "co_chairs", orgs[0].name, {}, s, 0.6)


def _visits(doc: Document) -> None:
    for s in sentences_with(doc, ("visit", "tour")):
        for vm in _VISIT.finditer(s.text):
            pos = s.start + vm.end()
            targets = [m for m in mentions_in(doc, s, "Company", "Country", "ArmedForce", "GovernmentAgency",
                                                    "Organisation") if pos <= m.start <= pos + 3]
            if targets and targets[0].type == "Country" and targets[0].form == "demonym":
                continue  # "met the visiting Polish minister": who visits is named after, and visits no "Polish"
            if not targets:
                targets = _facility_owner(doc, s, pos)
            if not targets:
                targets = _facility_of_short_named(doc, s, pos)
            if not targets:
                continue
            before = [m for m in mentions_in(doc, s, *_ACTORS) if m.end <= s.start + vm.start()
                      and not re.match(r"['’]s\b", doc.text[m.end:m.end + 2])]
            if not before:
                continue
            who = _visitor(doc, before, s.start + vm.start())
            if who is None:
                continue
            dates = [d for d in doc.in_sentence(s, doc.dates) if d.start >= s.start + vm.start()]
            when = dates[0].value if dates else None
            status = "planned" if vm.group("aux") else None
            purpose = _PURPOSE.search(s.text, vm.end())
            doc.relate(who.name, "visited", targets[0].name, {
                "date": when, "status": status, "purpose": purpose.group("p") if purpose else None}, s, 0.6)
            mate = next((p for p in before if p.type == "Person" and p.name != who.name and (
                p.start == who.start or (p.end <= who.start and _AND_RE.fullmatch(doc.text, p.end, who.start)))),
                None) if who.type == "Person" else None
            if mate is not None:  # "X and Y visited the plant", "The two ministers toured it": both did
                doc.relate(mate.name, "visited", targets[0].name, {"date": when, "status": status}, s, 0.55)
            for more in _listed_after(doc, s, targets[0]):
                doc.relate(who.name, "visited", more.name, {"date": when, "status": status}, s, 0.55)
            ev = next((m for m in mentions_in(doc, s, "Event") if m.start > pos
                       and _FOR_EVENT.search(doc.text, max(pos, m.start - 14), m.start)), None)
            if ev is not None:
                doc.relate(who.name, "participant_of", ev.name, {"date": when}, s, 0.6)


# "visited the Okpo shipyard of X", "toured the main plant operated by X": the firm or body the site belongs to
_FACILITY_OF = re.compile(r"(?:[\w'’-]+\s+){0,3}?(?:shipyard|yard|plant|factory|facility|facilities|works|"
                          r"headquarters|site|campus|production\s+line|assembly\s+line|base|hangar|premises)s?\s+"
                          r"(?:of|operated\s+by|run\s+by|belonging\s+to)\s+(?:the\s+)?")


def _facility_owner(doc: Document, s: Sentence, pos: int) -> list[Mention]:
    """Return the owner of the site a visit names right after the verb, or nothing."""
    fm = _FACILITY_OF.match(doc.text, pos, s.end)
    if fm is None:
        return []
    return [m for m in mentions_in(doc, s, "Company", "ArmedForce", "GovernmentAgency", "Organisation")
            if m.start == fm.end()][:1]


# "toured the Paramount plant", "visited a Hanwha shipyard": a site named by the first word of a firm the article
# names in full
_FACILITY_NAMED = re.compile(r"(?:an?\s+|the\s+)?(?P<w>[A-Z][\w'’-]+)\s+(?:shipyard|yard|plant|factory|facility|works|"
                             r"headquarters|site|campus|base|hangar|barracks|depot|assembly\s+line|production\s+line)s?\b")


def _facility_of_short_named(doc: Document, s: Sentence, pos: int) -> list[Mention]:
    """Return the one firm whose name's first word names the site a visit names right after the verb, or nothing."""
    fm = _FACILITY_NAMED.match(doc.text, pos, s.end)
    if fm is None:
        return []
    word = fm.group("w")
    firms = {m.name: m for m in doc.mentions if m.type == "Company" and m.name.split()[0] == word}
    return list(firms.values()) if len(firms) == 1 else []


_AND_RE = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+){0,3}counterparts?,?\s+)?")
_LIST_GAP = re.compile(r"(?:,\s*|,?\s+and\s+)(?:the\s+)?")


def _listed_after(doc: Document, s: Sentence, first: Mention) -> list[Mention]:
    """Return the places listed after the first ("visited Turkey, Italy and the UAE"): same type, joined by commas
    and a last "and"."""
    out: list[Mention] = []
    last = first
    for m in mentions_in(doc, s, first.type):
        if m.start < last.end:
            continue
        if not _LIST_GAP.fullmatch(doc.text, last.end, m.start) or (m.type == "Country" and m.form == "demonym"):
            break
        out.append(m)
        last = m
    return out


_FOR_EVENT = re.compile(r"\b(?:for|attend|at|to)\s+(?:the\s+)?$")
_SAID_BETWEEN = re.compile(r"\b(?:said|says|told|added|announced|noted)\b")


def _visitor(doc: Document, before: list[Mention], verb: int) -> Mention | None:
    """Return who visits: the named person when there is one, never a demonym ("Indian Defence Secretary") or the
    speaker of a reported clause ("Thai minister X said the navy would visit")."""
    near = [m for m in before if not _SAID_BETWEEN.search(doc.text, m.end, verb)]
    persons = [m for m in near if m.type == "Person"]
    if persons and _was_met(doc, persons[-1]) and not re.match(r",?\s*who\b", doc.text[persons[-1].end:verb]):
        # "X met Defence Minister Y and toured the plant": X tours, not Y; with no X named, nobody is sure to
        return next((p for p in reversed(persons) if not _was_met(doc, p)), None)
    if persons:
        return persons[-1]
    if not near or (near[-1].type == "Country" and near[-1].form == "demonym"):
        return None
    return near[-1]


_MET_BEFORE = re.compile(r"\b(?:met|meets|meeting|talks\s+with)\s+(?:with\s+)?(?:[\w'’-]+\s+){0,5}$")


def _was_met(doc: Document, person: Mention) -> bool:
    """Tell whether ``person`` is whom someone met ("met Turkish Defence Minister Y"), the object of the clause."""
    s = doc.sentence_at(person.start)
    return _MET_BEFORE.search(doc.text, max(s.start, person.start - 60), person.start) is not None


def _meetings(doc: Document) -> None:
    for s in sentences_with(doc, ("met ", "meets", "meeting", "talks with")):
        mm = _MET.search(s.text)
        if mm is None:
            continue
        verb, after = s.start + mm.start(), s.start + mm.end()
        persons = mentions_in(doc, s, "Person")
        subj = [p for p in persons if p.end <= verb]
        objs = [m for m in mentions_in(doc, s, "Person", "Country", "Organisation", "GovernmentAgency")
                if after <= m.start <= after + 40]
        met = _met_person(doc, s, after, subj[-1] if subj else None)
        if met is not None:
            objs = [met]
        if not objs and len(subj) >= 2 and subj[-2].name != subj[-1].name and mm.group().startswith("met") \
                and re.search(r"\band\b", doc.text[subj[-2].end:subj[-1].start]):
            subj, objs = subj[:-1], subj[-1:]  # "Minister X and his counterpart Y met in Lima"
        if not subj or not objs:
            continue
        dates = doc.in_sentence(s, doc.dates)
        ev = event_at(doc, s)
        doc.relate(subj[-1].name, "met_with", objs[0].name, {"date": dates[0].value if dates else None,
                                                             "event": ev.name if ev else None}, s, 0.6)


#: what ends the object of "met": a new clause or a circumstance, not the person's post
_MET_OBJECT_END = re.compile(r"[;.]|\b(?:and|to|on|in|at|during|before|after|where|who|which|while|"
                             r"with|said|says)\b")


def _met_person(doc: Document, s: Sentence, after: int, subject: Mention | None) -> Mention | None:
    """Return the person met when the object is one written with a post or a state before the name ("met his
    French counterpart X", "met Nigeria's Minister of Defence X", "met X's deputy, Vice Minister Y")."""
    for p in mentions_in(doc, s, "Person"):
        if p.start < after or (subject is not None and p.name == subject.name):
            continue
        if p.start > after + 90 or _MET_OBJECT_END.search(doc.text, after, p.start):
            return None
        if re.match(r"['’]s\b", doc.text[p.end:p.end + 2]):
            continue  # "met Sánchez's deputy, ...": the deputy is met, named next
        return p
    return None


_RECEIVED = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|paid\s+a\s+courtesy\s+call\s+on|"
                       r"called\s+on|held\s+(?:a\s+)?(?:bilateral\s+)?(?:meeting|talks)\s+with)\s+(?:the\s+)?")


def _receptions(doc: Document) -> None:
    """"Minister X received Army chief General Y", "X paid a courtesy call on Y": a meeting of two persons."""
    for s in sentences_with(doc, ("receive", "hosted", "hosts", "welcome", "courtesy call", "called on", "held")):
        for rm in _RECEIVED.finditer(s.text):
            verb, after = s.start + rm.start(), s.start + rm.end()
            subj = [p for p in mentions_in(doc, s, "Person") if p.end <= verb]
            if not subj or _SAID_BETWEEN.search(doc.text, subj[-1].end, verb):
                continue
            met = _met_person(doc, s, after, subj[-1])
            if met is None:
                continue
            dates = doc.in_sentence(s, doc.dates)
            ev = event_at(doc, s)
            doc.relate(subj[-1].name, "met_with", met.name, {"date": dates[0].value if dates else None,
                                                             "event": ev.name if ev else None}, s, 0.55)
            break


_RECEIVED_BY = re.compile(r"\b(?:was|were|is|being)\s+(?:warmly\s+)?(?:received|welcomed|hosted|greeted|met)\s+by\s+")
_AND_BY = re.compile(r"\s*,?\s+and\s+(?:also\s+)?by\s+")


_HOST_END = re.compile(r"[;.]|\b(?:who|which|said|says|where|while|before|after|during|on|in|at|to)\b")


def _host_after(doc: Document, s: Sentence, after: int, guest: Mention) -> Mention | None:
    """Return the person named first after "received by" ("by Naval Group chairman and chief executive Y")."""
    for p in mentions_in(doc, s, "Person"):
        if p.start < after or p.name == guest.name:
            continue
        if p.start > after + 110 or _HOST_END.search(doc.text, after, p.start):
            return None
        return p
    return None


def _received_by(doc: Document) -> None:
    """"X was received by Naval Group chairman Y and by Z": a meeting of X with each person after "by"."""
    for s in sentences_with(doc, ("received by", "welcomed by", "hosted by", "greeted by", "met by")):
        for rm in _RECEIVED_BY.finditer(s.text):
            verb = s.start + rm.start()
            subj = [p for p in mentions_in(doc, s, "Person") if p.end <= verb]
            if not subj or _SAID_BETWEEN.search(doc.text, subj[-1].end, verb):
                continue
            dates = doc.in_sentence(s, doc.dates)
            ev = event_at(doc, s)
            after = s.start + rm.end()
            while True:
                met = _host_after(doc, s, after, subj[-1])
                if met is None:
                    break
                doc.relate(subj[-1].name, "met_with", met.name, {"date": dates[0].value if dates else None,
                                                                 "event": ev.name if ev else None}, s, 0.55)
                nxt = _AND_BY.match(doc.text, met.end, s.end)
                if nxt is None:
                    break
                after = nxt.end()


def extract_event_relations(doc: Document, agreements: list[AgreementState]) -> None:
    """Add event, visit and meeting relations to ``doc``."""
    runs: dict[str, _Run] = {}
    _held_in(doc, runs)
    _organised_by(doc)
    _participants(doc, runs)
    _signed_at(doc, agreements, runs)
    _next_edition(doc)
    _chairs(doc)
    _visits(doc)
    _meetings(doc)
    _receptions(doc)
    _received_by(doc)
    _event_dates(doc)


_WHEN_HELD = re.compile(
    r"[^.;]{0,90}?\b(?:which\s+|that\s+)?(?P<v>opens|opened|will\s+open|is\s+(?:due|set|scheduled)\s+to\s+open|"
    r"runs|ran|will\s+run|is\s+running|closes|(?:is|was|will\s+be|are|were)\s+(?:being\s+)?(?:held|staged|hosted)|"
    r"takes\s+place|took\s+place|will\s+take\s+place|(?:is|was|are)\s+(?:scheduled|set|due)\s+to\s+"
    r"(?:run|take\s+place|be\s+held))\s+(?:in\s+(?:(?:northern|southern|eastern|western|central|north-eastern|"
    r"north-western|south-eastern|south-western)\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+)?"
    r"(?P<prep>on|from|between)\s+(?:the\s+)?")
#: the same with the day named right after the verb: "opens next Tuesday", "opened on Monday" being the other
_WHEN_HELD_BARE = re.compile(_WHEN_HELD.pattern.replace(r"(?P<prep>on|from|between)\s+(?:the\s+)?", r"(?P<prep>)"))
_THE_SHOW = re.compile(r"(?:The|This\s+year['’]s)\s+(?:show|exhibition|expo|fair|summit|conference|forum|seminar|"
                       r"dialogue|event|exercise|drills?|meeting|talks)\b")
_THEN_IN = re.compile(r"\s*,?\s+(?:in|across|off\s+the\s+coast\s+of|off)\s+(?:(?P<the>the)\s+)?"
                      r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?(the)(?:\s+[A-Z][\w'’-]+)?))\b")


def _event_dates(doc: Document) -> None:
    """"<Event>, which opens on 1 December", "<Event> runs from 3 to 6 March", "<Event> will be held on 12 May in
    Lagos": when the event runs, on where it is held (the place the sentence names, else the one known)."""
    for s in sentences_with(doc, ("open", "run", "ran ", "held", "staged", "hosted", "place", "closes")):
        here = mentions_in(doc, s, "Event")
        anchors = [(ev, ev.end) for ev in here]
        gm = None if here else _THE_SHOW.match(s.text)
        held = {f.subject for f in doc.facts if f.predicate == "held_in"} if gm else set()
        # the show the article places, else the latest named
        latest = next((m for m in reversed(doc.mentions) if m.type == "Event" and m.start < s.start
                       and m.name in held), None) or _latest_event(doc, s) if gm else None
        if gm is not None and latest is not None:  # "The show, which ran from 16 to 20 February, ..."
            anchors = [(latest, s.start + gm.end())]
        for ev, after in anchors:
            wm = _WHEN_HELD.match(doc.text, after, s.end) or _WHEN_HELD_BARE.match(doc.text, after, s.end)
            if wm is None or any(e.start < wm.start("v") for e in here if e.start > ev.end):
                continue
            q: dict[str, str | None] = {}
            end = wm.end()
            explicit = False
            if wm.group("prep") in ("from", "between"):
                rm = _RANGE.match(doc.text, wm.start("prep"), s.end)
                if rm is None:
                    continue
                year = rm.group("y") or rm.group("y2") or event_year(ev)
                explicit = year is not None
                if rm.group("d1"):
                    q["start_date"] = _iso(doc, rm.group("d1"), rm.group("m1") or rm.group("m2"), year, None)
                    q["end_date"] = _iso(doc, rm.group("d2"), rm.group("m2"), year, None)
                else:
                    q["start_date"] = _iso(doc, rm.group("d3"), rm.group("m3"), year, None)
                    q["end_date"] = _iso(doc, rm.group("d4"), rm.group("m3"), year, None)
                end = rm.end()
            else:
                d = next((d for d in doc.in_sentence(s, doc.dates) if d.start == wm.end()), None)
                if d is None or len(d.value) < 10:
                    continue
                key = "start_date" if re.match(r"open|will\s+open|is\s+\w+\s+to\s+open", wm.group("v")) else \
                    "end_date" if wm.group("v") == "closes" else "date"
                q[key] = d.value
                end = d.end
                explicit = re.search(r"\b(?:19|20)\d\d\b", d.surface) is not None
            if not any(q.values()):
                continue
            if not explicit and not re.match(r"opened|ran|was|were|took", wm.group("v")) and doc.article_date:
                # "opens on 17 September" in an article of March: the coming September
                q = {k: _next_year(v) if v and v < doc.article_date[:10] else v for k, v in q.items()}
            tm = _THEN_IN.match(doc.text, end, s.end)
            place = wm.group("place") or (tm.group("place") if tm else None)
            if place is None:  # "In Lima, the show, which opens on ..."
                place = next((surface for start, _e, surface in doc.places if s.start <= start < after
                              and re.search(r"\b[Ii]n\s+$", doc.text[max(s.start, start - 4):start])), None)
            known = [f for f in doc.facts if f.subject == ev.name and f.predicate == "held_in"]
            if place is None and not known:
                continue
            where = place or str(known[0].object)
            countries = [c for c in mentions_in(doc, s, "Country") if c.surface == where]
            where = countries[0].name if countries else where
            for f in known:
                if f.object == where and "date" in f.qualifiers and "date" not in q:
                    del f.qualifiers["date"]  # the article's day stood in for the event's own dates
            doc.relate(ev.name, "held_in", where, q, s, 0.6)


def _next_year(value: str) -> str:
    """Return the ISO day ``value`` a year later (the 29th of February stays in February)."""
    y, rest = value[:4], value[4:]
    return f"{int(y) + 1}{rest if rest != '-02-29' else '-02-28'}"
