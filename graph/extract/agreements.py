"""Agreements: contracts, MoUs, letters of intent, orders and deals, with parties, status, value and scope.

A new agreement is an indefinite or qualified mention ("a contract", "a €410 million
contract", "the 2018 contract"); "the contract", "the deal" and "the agreement" refer back
to the latest one. Each agreement is named descriptively, ``<parties> <subject> <kind> (<year>)``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .amounts import Money
from .anchors import sentences_with
from .dates import DateMention
from .document import Document
from .mentions import Mention
from .ordinals import find_ordinals
from .pairs import THEY_REF, pair_at
from .patterns import caseless_branches_regex, words_regex
from .text import Sentence

__all__ = ["AgreementState", "extract_agreements"]

_KIND_WORDS = {
    "memorandum of understanding": "MoU", "memorandums of understanding": "MoU", "memoranda of understanding": "MoU",
    "mou": "MoU", "mous": "MoU", "letter of intent": "letter of intent", "letters of intent": "letter of intent",
    "loi": "letter of intent", "heads of agreement": "Heads of Agreement", "contract": "contract",
    "contracts": "contract", "deal": "contract", "order": "contract", "agreement": "agreement",
    "arrangement": "agreement", "line of credit": "line of credit", "credit line": "line of credit",
    "letter of acceptance": "letter of acceptance", "letter of offer and acceptance": "letter of acceptance",
}
# the words that introduce an agreement, in order of preference and spelled out in full
_TRIGGERS = (*(f"{m}emorand{end} of {u}nderstanding" for m in "Mm" for end in ("um", "ums", "a") for u in "Uu"),
             "MoUs", "MoU", *(f"{le}etter{s} of {i}ntent" for le in "Ll" for s in ("s", "") for i in "Ii"), "LoI",
             *(f"{h}eads of {a}greement" for h in "Hh" for a in "Aa"),
             *(f"{le}etter of {offer}{a}cceptance" for le in "Ll" for offer in ("Offer and ", "offer and ", "")
               for a in "Aa"),
             "Line of credit", "line of credit", "credit line", "contracts", "contract", "deal", "order", "agreement",
             "arrangement")
# a trie of them (the word boundary before checked behind), so the scan skips to their letters
_TRIGGER_RE = re.compile(rf"(?P<kind>{words_regex(_TRIGGERS, word_start=True)})\b"
                         r"(?:\s+\((?P<acr>MoUs?|LoI|HoA|LOA)\))?")
_NEW_MOD = re.compile(r"\b(?:a|an|new|follow-on|separate|initial|first|another|two|three|\d+|its|further|additional)\b|"
                      r"[$€£₩¥]|\b(?:19|20)\d\d\b|million|billion", re.I)
# the status words in order of preference, case ignored (the first letters spelled out)
_STATUS_WORDS = (*((w, r"\s+expected\s+to\s+be\s+signed") for w in ("is", "are", "was", "were")),
                 ("to", r"\s+be\s+signed"),
                 *((w, r"\s+to\s+sign") for w in ("expects", "expect", "plans", "plan", "aims", "aim", "intends",
                                                  "intend", "hopes", "hope")),
                 ("is", r"\s+set\s+to\s+sign"), ("are", r"\s+set\s+to\s+sign"), ("will", r"\s+sign"),
                 ("would", r"\s+sign"), ("will", r"\s+conclude"), ("would", r"\s+conclude"),
                 ("expected", ""), ("being", r"\s+accelerated"),
                 *((w, "") for w in ("accelerating", "signed", "inked", "sealed", "awarded", "placed", "agreed",
                                     "approved", "concluded", "finalised", "finalized", "formalised", "formalized",
                                     "ratified", "notified")),
                 ("handed", r"\s+over"), ("planned", ""), ("proposed", ""), ("under", r"\s+negotiation"),
                 *((w, "") for w in ("negotiating", "finalising", "finalizing")))
_STATUS_RE = re.compile(rf"(?P<w>{caseless_branches_regex(_STATUS_WORDS, word_start=True)})\b")
_CONCLUDED_VERB = {"placed": "contracted", "awarded": "awarded", "accelerating": "being accelerated"}
#: the statuses of an agreement still to come, dated by an expected date rather than a date
_AHEAD_STATUSES = ("expected", "planned", "proposed", "being accelerated")
_SIGNING_WORDS = ("signed", "inked", "sealed")
# an act told in the future or the conditional: "will be signed", "would be concluded", "is expected to be finalised"
_ACT_WORDS = frozenset((*_SIGNING_WORDS, "awarded", "placed", "agreed", "approved", "concluded", "finalised",
                        "finalized", "formalised", "formalized", "ratified"))
_TO_BE_DONE = re.compile(r"\b(?:will|would|shall|should|could|may|might|to)\s+(?:(?:now|then|also|only|soon|"
                         r"likely|probably|formally|finally)\s+)?be\s+$", re.I)
_ROLE_PARTIES = ("Country", "Company", "GovernmentAgency", "ArmedForce")
_BUY_CUE = re.compile(r"\b(?:procure|procurement|acquisition|acquire|buy|buying|purchase|order|orders|ordered)\b", re.I)


@dataclass
class AgreementState:
    name: str
    kind: str
    year: str
    parties: list[tuple[str, str | None]] = field(default_factory=list)
    platform: str | None = None
    sentence: Sentence | None = None
    ordinal: str | None = None


_NP_WORD = re.compile(r"^(?:[$€£₩¥]?[\d.,]+|million|billion|bn|mn|trillion|US\$[\d.,]+|[A-Z]{3}|new|follow-on|separate|"
                      r"initial|binding|additional|further|final|framework|production|procurement|supply|purchase|"
                      r"export|defence|defense|research|development|and|R&D|G2G|government-to-government|"
                      r"exclusive|bilateral|trilateral|industrial|multi-year|(?:19|20)\d\d|\w+-\w+|two|three|four|"
                      r"five|\d+|major|largest|first|second|landmark|long-term|executive|implementing|definitive|"
                      r"firm|sales|service|maintenance|support|third|fourth|fifth|follow-up|options?)$", re.I)
# amounts written with a sign and a compact scale ("£285m", "A$1.7bn", "Rs5,000-crore") and more kinds of agreement
_NP_WORD_MORE = re.compile(r"^(?:(?:[A-Z]{0,3}[$€£₩¥]|Rs\.?|RM|Rp|R|N|₦)[\d.,]+(?:bn|m|mn|b|k|tn|-crore|-billion|"
                           r"-million)?|[\d.,]+(?:bn|m|mn)|teaming|cooperation|co-operation|partnership|licen[cs]e|"
                           r"licensing|offset|strategic|technology|transfer|co-production|co-development|"
                           r"memorandum|supplementary|amended|revised|foreign|military|sale)$", re.I)
# what the text says of a deal still to come, or held up: "a planned deal", "a proposed $2 billion contract";
# or the designation it is for: "the first K9 contract"
_NP_WORD_STATE = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}|planned|proposed|potential|possible|"
                            r"prospective|long-awaited|stalled|delayed|"
                            r"pending|mooted|tentative|preliminary|provisional|draft|outline|anticipated|controversial|"
                            r"cancelled|canceled|shelved|disputed|fresh|government-backed|state-backed)$", re.I)
# what the agreement is about, in the words of security and industry: "a reciprocal access agreement", "a joint
# venture agreement", "a logistics support arrangement"
_NP_WORD_TOPIC = re.compile(r"^(?:reciprocal|access|security|logistics|status-of-forces|visiting|forces|training|"
                            r"acquisition|cross-servicing|mutual|basing|intergovernmental|inter-governmental|"
                            r"government|shipbuilding|armaments?|arms|technical|joint|collaboration|sustainment|"
                            r"upgrade|modernisation|modernization|intelligence-sharing|"
                            r"information-sharing|interoperability|localisation|localization|investment|"
                            r"manufacturing|assembly|overhaul|MRO|design|engineering)$", re.I)
_ONLY_SPACE = re.compile(r"\s+")
_THE_BEFORE = re.compile(r"\b(the|The)\s+$")
# "a second Rafale contract", "its first K9 order": a new agreement (a bare "its TB3 order" names a known one)
_INDEFINITE_BEFORE = re.compile(r"\b(?:(?P<det>an?|An?)\s+(?P<mods>(?:[\w$€£.,-]+\s+){0,3}?)|"
                                r"(?P<own>its|Its|their|Their|[A-Z][\w-]*['’]s)\s+(?P<nth>(?:[\w$€£.,-]+\s+){0,2}?"
                                r"(?:first|second|third|fourth|fifth|new|(?:19|20)\d\d)\s+))$")
_DESIGNATION_MOD = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}$")
_ORDINAL_OR_YEAR = re.compile(r"^(?:first|second|third|fourth|fifth|initial|earlier|previous|(?:19|20)\d\d)$", re.I)
# "Colombia's contract with Saab": the state or body whose agreement it is stands as the determiner
_POSSESSOR = re.compile(r"^[A-Z][\w-]*['’]s$")
_SINCE = re.compile(r"\bsince\s+$", re.I)
_ORDINAL_MOD = re.compile(r"\b(?P<o>first|second|third|fourth|fifth)\b", re.I)
_DETS = ("a", "an", "the", "this", "that", "its", "their", "his", "her")


def _noun_phrase(doc: Document, s: Sentence, kind_start: int) -> tuple[str, str, int]:
    """Return (determiner, modifiers, start) of the noun phrase ending in the agreement word."""
    before = doc.text[max(s.start, kind_start - 80):kind_start]
    words = re.sub(r"\([^()]{0,30}\)", " ", before).split()  # "a CZK 3.5 billion (€140 million) contract"
    mods: list[str] = []
    det = ""
    for w in reversed(words):
        if w.casefold() in _DETS or (_POSSESSOR.match(w) and w[:-2] not in ("It", "That", "This")):
            det = w
            break
        if not (_NP_WORD.match(w) or _NP_WORD_MORE.match(w) or _NP_WORD_STATE.match(w)
                or _NP_WORD_TOPIC.match(w)) or len(mods) >= 5:
            break
        mods.insert(0, w)
    designations = [i for i, w in enumerate(mods) if _DESIGNATION_MOD.match(w)]
    if designations and not any(_ORDINAL_OR_YEAR.match(w) for w in mods[:designations[-1]]):
        # "its TB3 order", "the M-346 contract" name an order already known; "the first K9 contract" a new one
        det, mods = det if det.casefold() == "the" else "", mods[designations[-1] + 1:]
    text = " ".join(mods)
    start = kind_start - (len(before) - before.rfind(mods[0])) if mods else kind_start
    return det, text, start


def _kind(word: str) -> str:
    return _KIND_WORDS.get(word.casefold(), "agreement")


def _party_label(doc: Document, name: str) -> str:
    rec = doc.entities.records.get(name)
    if rec and rec.type != "Country":
        short = [a for a in rec.aliases if a.isupper() and 2 <= len(a) <= 6]
        if short:
            return short[0]
    return name.split(" (")[0]


def _status(s: Sentence) -> str | None:
    return _status_match(s)[0]


def _status_match(s: Sentence) -> tuple[str | None, re.Match[str] | None]:
    """Return the sentence's status word and where it is (one search for both)."""
    return _status_of_text(s.text)


@lru_cache(maxsize=256)
def _status_of_text(text: str) -> tuple[str | None, re.Match[str] | None]:
    # the rules ask again and again of the same sentence: searched once
    m = _STATUS_RE.search(text)
    if not m:
        return None, None
    w = " ".join(m.group("w").split()).casefold()
    if "to be signed" in w or w.endswith(" to sign") or w in ("will sign", "would sign", "will conclude",
                                                               "would conclude"):
        return "expected", m
    if w in _ACT_WORDS and _TO_BE_DONE.search(text, max(0, m.start() - 60), m.start()):
        return "expected", m  # "would be concluded in June", "is expected to be finalised": an act still to come
    return _CONCLUDED_VERB.get(w, w), m


def _status_date(doc: Document, agr: AgreementState, besides: Sentence | None = None) -> object:
    """Return the date of the first dated status the article gives ``agr`` (told outside sentence ``besides``)."""
    return next((f.qualifiers.get("date") for f in doc.facts if f.subject == agr.name and f.predicate == "has_status"
                 and (besides is None or f.sentence is not besides) and f.qualifiers.get("date")), None)


def _date_for(doc: Document, s: Sentence, prospective: bool | None = None,
              near: int | None = None) -> tuple[str | None, str | None]:
    """Return (date, expected_date) from the sentence; a concluded act without a date gets the article's.

    With ``near`` (the agreement word) the dates closest to it come first; "since 2016" dates no act,
    nor does the year in an event's name when the sentence has another date.
    """
    ds = [d for d in doc.in_sentence(s, doc.dates) if not _SINCE.search(doc.text, max(0, d.start - 7), d.start)]
    events = doc.mentions_in(s, "Event")
    if events:  # the year in "Indo Defence 2025" names an edition, it dates no act
        ds = [d for d in ds if not any(e.start <= d.start < e.end for e in events)] or ds
    if near is not None:
        ds = sorted(ds, key=lambda d: abs(d.start - near))
    past = _refined([d for d in ds if not d.prospective])
    future = _refined([d for d in ds if d.prospective])
    return (past[0].value if past else None), (future[0].value if future else None)


def _refined(ds: list[DateMention]) -> list[DateMention]:
    """Put "last December" before a bare "2025" it refines ("EDEX 2025 ... last December")."""
    if len(ds) > 1 and len(ds[0].value) == 4:
        finer = [d for d in ds[1:] if d.value.startswith(ds[0].value + "-")]
        if finer:
            return [finer[0], *[d for d in ds if d is not finer[0]]]
    return ds


def _parties(doc: Document, s: Sentence, trig_start: int,
             trig_end: int) -> tuple[list[Mention], Mention | None, Mention | None]:
    """Return (subject-side parties, the 'with' counterparty, the end user after 'for')."""
    ms = [m for m in doc.mentions_in(s, *_ROLE_PARTIES)]
    before = [m for m in ms if m.end <= trig_start and not _inside_phrase(doc, s, m)]
    clause = doc.text[s.start:trig_start]
    cut = max(clause.rfind(" said"), clause.rfind(" by "), -1)
    if cut >= 0 and " by " not in clause[cut:cut + 4] and _SAID_IT_SIGNED.match(clause, cut):
        before = [m for m in before if m.start <= s.start + cut][-1:]  # "DAPA said on Friday it had signed"
    elif cut >= 0 and " by " not in clause[cut:cut + 4]:
        before = [m for m in before if m.start > s.start + cut]
    told = [m.end() for m in _ANNOUNCED_THAT.finditer(clause)] if "that " in clause else []
    if told and told[-1] > cut:
        before = [m for m in before if m.start >= s.start + told[-1]]  # "the agency announced that X signed"
    if "ccording to" in clause:  # "According to DAPA, X and Y signed": the source is no party
        before = [m for m in before if not _ACCORDING_TO.search(doc.text, max(s.start, m.start - 40), m.start)]
    if _TOLD_OF.search(clause):  # "<agency> welcomed the contract signed by X and Y": the parties come after it
        named = _named_after(doc, ms, trig_end, s.end)
        if named:
            return named, None, None
    after = [m for m in ms if m.start >= trig_end]
    with_party = None
    wm = re.search(r"\bwith\s+(?:the\s+)?", doc.text[trig_end:s.end])
    if wm is None:
        wm = re.search(r"\bwith\s+(?:the\s+)?", doc.text[s.start:trig_start])
        base = s.start
    else:
        base = trig_end
    if wm:
        pos = base + wm.end()
        cands = [m for m in ms if pos <= m.start <= pos + 60 and not (m.type == "Country" and m.form == "demonym")
                 and not _describes_firm(doc, m)]
        if len(cands) > 1 and cands[0].type == "Country" and _owns_next(doc, cands[0], cands[1]):
            cands = cands[1:]  # "with South Africa's Paramount Group": the company, not its home state
        if cands:
            with_party = cands[0]
    end_user = None
    fm = re.search(r"\bfor\s+(?:the\s+)?", doc.text[trig_end:s.end])
    if fm:
        pos = trig_end + fm.end()
        forces = [m for m in after if m.type == "ArmedForce" and m.start - pos < 80]
        end_user = forces[0] if forces else None
    seen: set[str] = set()
    subj = []
    for m in before:
        if m.type == "Country" and (_owns_unknown(doc, m, ms) or _capital_in_name(doc, m)
                                    or _describes_previous(doc, m, ms) or _describes_firm(doc, m)):
            continue
        if _names_a_described_body(doc, m, ms):
            continue
        if m.name not in seen and not (m.type == "Country" and _followed_by_org(doc, m, ms)):
            seen.add(m.name)
            subj.append(m)
    if not subj:
        subj = _referred_parties(doc, s, trig_start)
    return subj, with_party, end_user


_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$")
#: a body that tells of an agreement it names as its object: "<agency> announced the signing of a contract between
#: X and Y", "<ministry> welcomed the contract signed by X and Y"
_TOLD_OF = re.compile(r"\b(?:announced|welcomed|hailed|praised|confirmed|reported|unveiled|disclosed|celebrated)\s+"
                      r"(?:on\s+\w+\s+)?(?:the\s+(?:signing|conclusion|award|signature)\s+of\s+)?(?:an?|the)\s+"
                      r"(?:[\w$€£.,()-]+\s+){0,5}$")
_BETWEEN_OR_BY = re.compile(r"(?:\s+[\w$€£.,-]+){0,3}?\s+(?:between|signed\s+by|agreed\s+by|concluded\s+by|"
                            r"inked\s+by)\s+(?:the\s+)?")


_PARTY_SEP = re.compile(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _named_after(doc: Document, ms: list[Mention], trig_end: int, end: int) -> list[Mention]:
    """Return the parties an agreement's own words name after it ("a contract between X and Y", "the contract
    signed by X and the Y"), or none."""
    bm = _BETWEEN_OR_BY.match(doc.text, trig_end, end)
    if bm is None:
        return []
    out: list[Mention] = []
    pos = bm.end()
    for m in ms:
        if m.start < pos:
            continue
        if m.start > pos or m.type not in _ROLE_PARTIES:
            break
        out.append(m)
        lm = _PARTY_SEP.match(doc.text, m.end)
        if lm is None:
            break
        pos = lm.end()
    return out if len(out) >= 2 else []


#: the body that tells of an agreement others made: "<agency> announced on Monday that X and Y had signed"
_ANNOUNCED_THAT = re.compile(r" (?:announced|stated|confirmed|reported|revealed|disclosed|noted|added|told\s+\w+)"
                             r"(?:\s+on\s+\w+|\s+\w+day|\s+(?:last|this)\s+\w+)?,?\s+that\s+(?!(?:it|they)\b)")
_SAID_IT_SIGNED = re.compile(r" said(?:\s+on\s+\w+|\s+\w+day|\s+(?:last|this)\s+\w+)?\s+(?:that\s+)?(?:it|they)\s+"
                             r"(?:had\s+|has\s+|have\s+|would\s+|will\s+)?(?:signed|awarded|placed|inked|concluded|"
                             r"sign|award|place)\b")
_PAIR_SUBJECT = re.compile(r"^\s*(?:[\w,]+\s+){0,3}?(?:[Tt]he two|[Bb]oth)\s+(?:sides|countries|nations|governments|"
                           r"states|neighbours|neighbors|allies)\b")
_GOVERNMENT_SUBJECT = re.compile(r"^\s*(?:[\w,]+\s+){0,3}?[Tt]he\s+government\b")


def _referred_parties(doc: Document, s: Sentence, trig_start: int) -> list[Mention]:
    """Return the states "the two countries" (the two named most before) or "the government" stand for."""
    clause = doc.text[s.start:trig_start]
    near = pair_at(doc, s, trig_start, coordinated=not _PAIR_SUBJECT.match(clause)) if (
        _PAIR_SUBJECT.match(clause) or THEY_REF.match(clause)) else None
    if near is not None:  # the two named just before: "A and B held talks. The two countries signed ..."
        return [Mention(s.start, s.start, "", n, "Country") for n in near]
    if _PAIR_SUBJECT.match(clause):
        # the two states named most so far; among equally named ones, the latest
        counts, first, last = _countries_before(doc, s.start)
        names = sorted(counts, key=lambda n: (counts[n], last[n]), reverse=True)[:2]
        if len(names) == 2:
            names.sort(key=lambda n: first[n])
            return [Mention(s.start, s.start, "", n, "Country") for n in names]
    elif _GOVERNMENT_SUBJECT.match(clause) and "Government" not in clause:
        main = doc.main_country()
        if main and main in doc.entities:
            return [Mention(s.start, s.start, "", main, "Country")]
    return []


def _countries_before(doc: Document, start: int) -> tuple[Counter[str], dict[str, int], dict[str, int]]:
    """Return how often each country is named before ``start``, and where (in order of naming) first and last.

    Asked sentence after sentence, the counts are carried forward from the last question
    rather than made again from the article's first mention each time.
    """
    key = (doc.mentions, len(doc.mentions))
    cache = doc.__dict__.get("_countries_before")
    if cache is None or cache[0] is not key[0] or cache[1] != key[1]:
        countries = [m for m in doc.mentions if m.type == "Country"]
        cache = [doc.mentions, len(doc.mentions), countries, [m.start for m in countries], 0, Counter(), {}, {}]
        doc.__dict__["_countries_before"] = cache
    countries, starts, done, counts, first, last = cache[2:]
    upto = bisect_left(starts, start)
    if upto < done:
        done, counts, first, last = 0, Counter(), {}, {}
    for i in range(done, upto):
        name = countries[i].name
        counts[name] += 1
        first.setdefault(name, i)
        last[name] = i
    cache[4:] = [upto, counts, first, last]
    return counts, first, last


_ORG_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:state-owned|(?!(?:with|from|to|for|by|awarded|signed|ordered|selected|"
                      r"chose|picked|contracted|tasked|hired|commissioned|told|asked|paid|gave|granted)\b)"
                      r"[a-z][\w-]*)){0,3}\s+")


def _followed_by_org(doc: Document, m: Mention, ms: list[Mention]) -> bool:
    return any(o is not m and o.type != "Country" and _ORG_GAP.fullmatch(doc.text[m.end:o.start])
               for o in ms if o.start > m.end)


_RANKED_SIGN = ("formalise", "formalize", "sign", "conclude", "ink", "seal", "finalise", "finalize", "agree")
_RANKED_GAP = re.compile(r"\s+(?:such\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}")


def _ranked_object(doc: Document, start: int) -> bool:
    """Tell whether the agreement word at ``start`` is what a ranked claim says was signed ("the second country
    after A to sign a G2G arrangement with B"): a kind of act the ranking speaks of, not a new agreement."""
    for o in find_ordinals(doc.text):
        if (o.end <= start <= o.end + 60 and o.verb and o.verb.casefold().startswith(_RANKED_SIGN)
                and _RANKED_GAP.fullmatch(doc.text, o.end, start)):
            return True
    return False


_OWNED_NAME = re.compile(r"['’]s\s+(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
_STATE_WORDS = frozenset("Minister Ministry Defence Defense Secretary President Prime Premier Navy Army Air Force "
                         "Forces Armed Chief Deputy Government Cabinet Department Agency Office National State Foreign "
                         "Coast Guard Marine Marines Royal Parliament Senate Congress Embassy Ambassador".split())


def _owns_unknown(doc: Document, country: Mention, ms: list[Mention]) -> bool:
    """Tell whether ``country`` is the possessor of an organisation no gazetteer knows ("Romania's Automecanica
    Medias signed ..."): the state is not the party then."""
    om = _OWNED_NAME.match(doc.text, country.end)
    if om is None or any(w in _STATE_WORDS for w in om.group("name").split()):
        return False
    return not any(m.start == om.start("name") and not _capital_in_name(doc, m) for m in ms)


_APPOSITION_BEFORE = re.compile(r",\s+(?:the\s+)?")
_APPOSITION_AFTER = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*\s*,")


def _describes_previous(doc: Document, country: Mention, ms: list[Mention]) -> bool:
    """Tell whether ``country`` only describes the body named just before ("Armasuisse, Switzerland's procurement
    agency, announced ..."): the body is the party, not its state."""
    prev = [m for m in ms if m.end <= country.start and m.type != "Country"]
    return bool(prev and _APPOSITION_BEFORE.fullmatch(doc.text, prev[-1].end, country.start)
                and _APPOSITION_AFTER.match(doc.text, country.end))


#: "the US contractor", "Saab's Brazilian partner", "a French shipbuilder": the state only describes a firm
_FIRM_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|another)|['’]s)\s+$")
_FIRM_AFTER = re.compile(r"\s+(?:(?:state-owned|state-run|defence|defense|privately-held|private|[a-z]+-based)\s+){0,2}"
                         r"(?:contractor|firm|company|partner|shipbuilder|shipyard|manufacturer|maker|group|supplier|"
                         r"prime|subsidiary|conglomerate|gunmaker|carmaker|engine\s+maker)\b")


def _describes_firm(doc: Document, m: Mention) -> bool:
    """Tell whether the state ``m`` only describes a firm ("the US contractor will license ..."): no party then."""
    return (m.type == "Country" and _FIRM_AFTER.match(doc.text, m.end) is not None
            and _FIRM_BEFORE.search(doc.text, max(0, m.start - 12), m.start) is not None)


_DESCRIBED_BODY = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3},\s+(?:the\s+)?$")


def _names_a_described_body(doc: Document, m: Mention, ms: list[Mention]) -> bool:
    """Tell whether ``m`` only describes the body named next ("The Bundeswehr procurement office, BAAINBw,
    awarded ..."): the body is the party."""
    nxt = next((o for o in ms if o.start > m.end), None)
    return (nxt is not None and nxt.type in ("GovernmentAgency", "Company", "ArmedForce")
            and _DESCRIBED_BODY.fullmatch(doc.text, m.end, nxt.start) is not None
            and doc.text[nxt.end:nxt.end + 1] == ",")


def _capital_in_name(doc: Document, m: Mention) -> bool:
    """Tell whether a capital is the first word of a longer name ("Tallinn Ordnance Works"), not the state."""
    return (m.type == "Country" and m.form == "capital"
            and bool(re.match(r"\s[A-Z][a-z]", doc.text[m.end:m.end + 3])))


def _owns_next(doc: Document, country: Mention, other: Mention) -> bool:
    """Tell whether ``country`` is written as the possessor of ``other`` ("France's Naval Group")."""
    return other.type in ("Company", "ArmedForce", "GovernmentAgency") and bool(
        re.fullmatch(r"['’]s?\s+(?:(?:state-owned|state-run|[a-z][\w-]*)\s+){0,2}", doc.text[country.end:other.start]))


def _inside_phrase(doc: Document, s: Sentence, m: Mention) -> bool:
    # "...for the Vietnam Coast Guard" before the trigger is a beneficiary, not a party
    return bool(re.search(r"\bfor\s+(?:the\s+)?$", doc.text[max(s.start, m.start - 10):m.start]))


_NEWEST = re.compile(r"\b(?:new|newest|latest|most\s+recent)\b", re.I)


def _newest(same: list[AgreementState]) -> AgreementState:
    """"the new contract" after an older one was told: the agreement of the latest year, of those told last."""
    return max(reversed(same), key=lambda a: a.year or "")


def _unplatformed(doc: Document, agreements: list[AgreementState], kind: str, s: Sentence) -> AgreementState | None:
    """"the Rafale Marine deal" when no agreement is known for it: the article's latest agreement of that kind, when
    it names no platform and is of this year or told in the last few sentences."""
    year = (doc.article_date or "")[:4]
    last = next((a for a in reversed(agreements) if a.kind == kind), None)
    if last is None or last.platform is not None:
        return None
    near = last.sentence is not None and s.index - last.sentence.index <= 3
    return last if near or (year and last.year == year) else None


#: a second clause that tells of an agreement of its own: "X signed a contract with Y for A, while Z signed a deal with
#: W for B", "...; Z also signed an MoU with W"
_SECOND_SIGNING = re.compile(
    r"(?:,\s+(?:while|whereas|and\s+(?=[A-Z]))|;)\s+(?=(?:the\s+)?[A-Z][^,;]{0,60}?\s(?:also\s+|separately\s+)?"
    r"(?:signed|inked|sealed|awarded|placed)\s+(?:an?|its|their)\s+(?:[\w$€£.,-]+\s+){0,5}?(?:contract|deal|order|"
    r"agreement|MoU|memorandum|letter)\b)")


def _signing_clauses(doc: Document) -> list[Sentence]:
    """Return the sentences, each one that tells of two agreements in two clauses as those two clauses (spans of the
    sentence, with its index), so that each agreement gets its own parties, value and platform."""
    out = []
    for s in doc.sentences:
        t = s.text
        cm = _SECOND_SIGNING.search(t) if (", while " in t or "; " in t or ", and " in t or "whereas" in t) else None
        if cm is None or _TRIGGER_RE.search(t, 0, cm.start()) is None:
            out.append(s)
            continue
        cut = s.start + cm.start()
        out.append(Sentence(doc.text[s.start:cut], s.start, cut, s.index))
        out.append(Sentence(doc.text[s.start + cm.end():s.end], s.start + cm.end(), s.end, s.index))
    return out


def extract_agreements(doc: Document) -> list[AgreementState]:
    """Find agreements sentence by sentence and relate parties, status, value and platforms."""
    agreements: list[AgreementState] = []
    year_now = doc.article_date[:4] if doc.article_date else None
    for s in _signing_clauses(doc):
        if "joint venture" in s.text:
            _joint_venture(doc, s, agreements)
        if agreements and _SIGNING_REF.match(s.text) and not _TRIGGER_RE.search(s.text):
            _signing_named_again(doc, s, agreements[-1])
        if agreements and " at " in s.text and _PUT_AT.search(s.text) and not _TRIGGER_RE.search(s.text):
            _value_put_at(doc, s, agreements[-1])
        if "ordered" in s.text and not _TRIGGER_RE.search(s.text):
            told = _ordered_by_verb(doc, s, agreements, year_now)
            if told is not None:
                agreements.append(told)
                continue
        for tm in _TRIGGER_RE.finditer(s.text):
            kind_word = tm.group("kind")
            if kind_word in ("order", "deal", "agreement", "arrangement") and re.search(
                    r"\b(?:in order|order to|agreed|to order)\b",
                    s.text[max(0, tm.start("kind") - 4):tm.end("kind") + 4]):
                continue
            start, end = s.start + tm.start("kind"), s.start + tm.end()
            if agreements and _ranked_reference(doc, s, agreements, _kind(kind_word), start):
                continue  # "it is its second Rafale contract": a rank of the contract told before
            if _ranked_object(doc, start):
                continue
            det, mods, np_start = _noun_phrase(doc, s, start)
            np = doc.text[np_start:end].strip()
            kind = _kind(kind_word)
            if not det and doc.text[max(s.start, np_start - 3):np_start] in ("no ", "No "):
                continue  # "no offset agreement has been announced": none is told of
            new = bool(mods and _NEW_MOD.search(mods)) or det.casefold() in ("a", "an", "its", "their") or bool(
                _POSSESSOR.match(det))
            if det.casefold() in ("the", "this", "that") and not re.search(r"\b(?:19|20)\d\d\b|[$€£]|\d", mods):
                new = False
            if not new and not agreements:
                new = True
            if not new and "follow-on" in mods.casefold() and not _follow_on_known(doc, agreements):
                new = True  # "the follow-on order" is none of the orders the article told before it
            om = _ORDINAL_MOD.search(mods)
            sibling = _ordinal_sibling(agreements, kind, om.group("o").casefold()) if om else None
            if sibling is not None:
                new = True
            target = None
            named = next((m for m in doc.mentions_in(s, "Platform") if m.end < start
                          and _ONLY_SPACE.fullmatch(doc.text, m.end, start)), None) if not mods else None
            if named is not None and not det:
                dm = _THE_BEFORE.search(doc.text, max(s.start, named.start - 6), named.start)
                if dm is not None:
                    det, np = dm.group(1), doc.text[named.start:end]
                im = _INDEFINITE_BEFORE.search(doc.text, max(s.start, named.start - 40), named.start)
                words = ((im.group("mods") or im.group("nth")) or "") if im is not None else ""
                if dm is None and im is not None and all(_NP_WORD.match(w) or _NP_WORD_MORE.match(w)
                                                         for w in words.split()):
                    det, mods, np = im.group("det") or im.group("own"), words.strip(), doc.text[im.start():end]
                    new = True
                    om = _ORDINAL_MOD.search(mods)
                    sibling = _ordinal_sibling(agreements, kind, om.group("o").casefold()) if om else None
            if det.casefold() == "the" and not new:
                # "the THAAD deal": the agreement for that platform, else a new one
                if named is not None:
                    target = next((a for a in reversed(agreements) if a.platform == named.name), None)
                    if target is None:
                        target = _unplatformed(doc, agreements, kind, s)
                        if target is not None:  # "the Gripen deal": now known to be for the Gripen
                            target.platform = named.name
                            doc.relate(target.name, "covers", named.name, {}, s)
                    new = target is None
            if not det and not mods and kind_word in ("order", "deal", "contract", "agreement", "arrangement"):
                target = _by_demonym(doc, s, agreements, start)
                if target is None:
                    continue
                det, new = "the", False  # "the Finnish contract": the one the buyer of that nation is party to
            if new and det.casefold() == "the" and mods and not om and agreements:
                target = _valued_again(doc, s, agreements, kind, mods, start)
                new = target is None
            if not new and target is None:
                # "the agreement signed in 2019" after a 2026 order: the one of that year, else a new one
                target, new = _of_stated_year(doc, s, agreements, kind, mods, end)
            if new:
                years = re.findall(r"\b((?:19|20)\d\d)\b", mods)
                past, future = _date_for(doc, s, near=start)
                st = _status(s) or ""
                ahead = st in _AHEAD_STATUSES or "to be signed" in s.text
                year = years[0] if years else ((future if ahead else past) or year_now or "")[:4]
                agr = _new_agreement(doc, s, kind, year, start, end, np, agreements, sibling)
                if agr is None:
                    continue
                if om:
                    agr.ordinal = om.group("o").casefold()
                agreements.append(agr)
            else:
                same = [a for a in agreements if a.kind == kind] or agreements
                agr = target or (_newest(same) if _NEWEST.search(mods) else same[-1])
                doc.entities.add(agr.name, "Agreement", np)
                _status_facts(doc, s, agr)
                _late_supplier(doc, s, agr, end)
                _late_value(doc, s, agr, end)
                _value_put_at(doc, s, agr)
            if np.casefold().startswith(("the ", "this ")) or det:
                doc.entities.add(agr.name, "Agreement", f"{det} {np}".strip() if det and not np.startswith(det) else np)
            break  # one agreement per sentence
    _named_agreements(doc, agreements)
    _negotiation_outlook(doc, agreements)
    _headline_agreements(doc, agreements)
    _prior_agreements(doc, agreements)
    return agreements


def _of_stated_year(doc: Document, s: Sentence, agreements: list[AgreementState], kind: str, mods: str,
                    end: int) -> tuple[AgreementState | None, bool]:
    """Return the agreement a definite reference stands for when its sentence writes a year that the latest
    agreement is not of: the latest one of that year, or none and "new" when the article told of none.

    Agreements of different years are different agreements unless the text says they are one.
    """
    years = re.findall(r"\b((?:19|20)\d\d)\b", mods)
    if not years:
        sm = _SIGNED_IN_YEAR.match(doc.text, end, s.end)
        years = [sm.group("y")] if sm else []
    if not years or not agreements:
        return None, False
    same = [a for a in agreements if a.kind == kind] or agreements
    latest = _newest(same) if _NEWEST.search(mods) else same[-1]
    if not latest.year or latest.year == years[0]:
        return None, False
    of_year = [a for a in agreements if a.year == years[0]]
    if of_year:
        return ([a for a in of_year if a.kind == kind] or of_year)[-1], False
    return None, True


# the year written with the act right after the agreement's word ("the contract, signed in 2019,")
_SIGNED_IN_YEAR = re.compile(r",?\s+(?:(?:that|which)\s+)?(?:was\s+|were\s+)?(?:first\s+)?(?:signed|concluded|agreed|"
                             r"awarded|placed|reached|struck|inked)\s+(?:in|during)\s+(?:early\s+|late\s+|mid-)?"
                             r"(?:[A-Z][a-z]+\s+)?(?P<y>(?:19|20)\d\d)\b")


_MANY = re.compile(r"\b(?:contracts|deals|orders|agreements|arrangements|MoUs|memorand(?:ums|a)|letters)\b")


def _headline_length(doc: Document) -> int:
    """Return how many sentences the headline lines take: the leading lines with no closing stop ("Philippines,
    South Korea sign MoU on more frigates", a byline), none when the article is all such lines."""
    n = 0
    for s in doc.sentences[:6]:
        if s.text.rstrip().endswith((".", "!", "?", '"', "”", ":", "’", "'")):
            return n
        n += 1
    return 0


def _compatible(doc: Document, head: AgreementState, body: AgreementState) -> bool:
    """Tell whether the headline's agreement can be the body's: each headline party a party of the body's or the
    state of one, and no other platform."""
    mine = {str(f.subject) for f in doc.facts if f.predicate == "party_to" and f.object == head.name}
    theirs = {str(f.subject) for f in doc.facts if f.predicate == "party_to" and f.object == body.name}
    theirs |= {str(doc.entities.records[p].attributes.get("country")) for p in theirs if p in doc.entities}
    if not mine <= theirs:
        return False
    return not (head.platform and body.platform and head.platform != body.platform)


def _headline_agreements(doc: Document, agreements: list[AgreementState]) -> None:
    """"UAE and France sign Rafale support deal" over "The UAE signed a EUR 1.1 billion support contract with
    Dassault Aviation": the headline's agreement is the first of its kind and year the body tells of, which keeps
    its own facts and takes the headline's words and the facts it lacks, its platform aside."""
    n = _headline_length(doc) if agreements and agreements[0].sentence is not None else 0
    if not n:
        return
    for head in [a for a in agreements if a.sentence is not None and a.sentence.index < n]:
        body = next((a for a in agreements if a.sentence is not None and a.sentence.index >= n
                     and a.kind == head.kind and a.year == head.year), None)
        if body is None or not _compatible(doc, head, body) or any(
                _MANY.search(a) for a in doc.entities.records[head.name].aliases):
            continue  # "closes with €2.3bn in contracts": many agreements, not the body's first
        rec = doc.entities.records.pop(head.name)
        for alias in rec.aliases:
            doc.entities.add(body.name, "Agreement", alias)
        told = {(str(f.subject), f.predicate, str(f.object)) for f in doc.facts if body.name in (f.subject, f.object)}
        told_predicates = {f.predicate for f in doc.facts if f.subject == body.name}
        kept = []
        for f in doc.facts:
            if head.name not in (f.subject, f.object):
                kept.append(f)
                continue
            doc._by_triple.get((f.subject, f.predicate, f.object), []).remove(f)
            subject = body.name if f.subject == head.name else f.subject
            obj = body.name if f.object == head.name else f.object
            if f.predicate in ("party_to", "covers") or (str(subject), f.predicate, str(obj)) in told or (
                    subject == body.name and f.predicate in told_predicates):
                continue  # the parties are the body's; a headline's platform is often a looser name than the body's
            f.subject, f.object = subject, obj
            doc._seen.add(f"{f.subject}\x00{f.predicate}\x00{f.object}")
            doc._by_triple.setdefault((f.subject, f.predicate, f.object), []).append(f)
            kept.append(f)
        doc.facts[:] = kept
        agreements.remove(head)
        if body.name.endswith(" #2") and body.name[:-3] == head.name:
            _take_name(doc, body, head.name)  # the headline had the name first: no "#2" is left to tell apart


def _take_name(doc: Document, agr: AgreementState, new: str) -> None:
    """Give agreement ``agr`` the free name ``new`` in the entity table and in every fact made so far."""
    old = agr.name
    rec = doc.entities.records.pop(old)
    rec.name = new
    doc.entities.records[new] = rec
    agr.name = new
    for f in doc.facts:  # in place, so that the facts keep their order
        if old not in (f.subject, f.object):
            continue
        doc._by_triple.get((f.subject, f.predicate, f.object), []).remove(f)
        f.subject = new if f.subject == old else f.subject
        f.object = new if f.object == old else f.object
        doc._seen.add(f"{f.subject}\x00{f.predicate}\x00{f.object}")
        doc._by_triple.setdefault((f.subject, f.predicate, f.object), []).append(f)


# "The MoU follows a US$556 million contract signed in 2021 for two frigates with X": a second, earlier agreement in
# the sentence of a first one, with its own year (and often its own value, platform and supplier)
_PRIOR = re.compile(r"\b(?P<link>follows?|followed|comes?\s+after|came\s+after|builds?\s+on|built\s+on|adds?\s+to|"
                    r"added\s+to|in\s+addition\s+to|on\s+top\s+of)\s+(?P<det>an?|the|its|their)\s+"
                    r"(?P<mods>(?:[\w$€£.,-]+\s+){0,5}?)(?P<kind>contract|deal|order|agreement|MoU|"
                    r"memorandum\s+of\s+understanding|letter\s+of\s+intent)\b")
_PRIOR_ACT = re.compile(r"\s*,?\s*(?:(?:that|which)\s+(?:was\s+|were\s+)?|(?:the\s+two\s+\w+|both\s+\w+|it|they|"
                        r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:had\s+)?)?(?P<v>signed|awarded|placed|agreed|inked|"
                        r"concluded|sealed)\b")
_PRIOR_END = re.compile(r";|,\s+(?:while|whereas|but|and\s+(?:the|it|its|a)|which\s+(?:is|are|will))\b|,\s+the\s+[a-z]")
_PRIOR_WITH = re.compile(r"\b(?:with|from|to)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:state-owned\s+)?$")
_PRIOR_SAME = re.compile(r"\bwith\s+the\s+same\s+(?:yard|shipyard|shipbuilder|company|firm|manufacturer|maker|"
                         r"supplier|contractor|group)\b")
_PRIOR_PAIR = re.compile(r"\b(?:the\s+two|both)\s+(?:companies|firms|sides|countries|governments|partners)\b")


def _prior_agreements(doc: Document, agreements: list[AgreementState]) -> None:
    """Add the earlier agreement a sentence's agreement follows or builds on, when the sentence gives it a year of
    its own: the later agreement is left as it is, and an earlier one the text already named is not made again."""
    if not agreements:
        return
    for s in sentences_with(doc, ("follow", "build", "built", "after", "add", "addition", "top of")):
        pm = _PRIOR.search(s.text)
        if pm is None:
            continue
        made = _made_from(doc, agreements, s, s.start + pm.start("det"), s.start + pm.end())
        if made is not None:
            _follows_earlier(doc, agreements, s, pm, made)
            continue
        if _TRIGGER_RE.search(s.text, 0, pm.start()) is None:
            continue
        if pm.group("link").startswith(("build", "built")) and re.match(r"(?:19|20)\d\d\b", pm.group("mods")):
            continue  # "builds on the 2018 contract": the links between agreements make that one
        start, end = s.start + pm.start("det"), s.start + pm.end()
        tail_end = s.end
        em = _PRIOR_END.search(doc.text, end, s.end)
        if em is not None:
            tail_end = em.start()
        act = _PRIOR_ACT.match(doc.text, end, tail_end)
        dates = [d for d in doc.in_sentence(s, doc.dates) if end <= d.start < tail_end and not d.prospective]
        years = re.findall(r"\b((?:19|20)\d\d)\b", pm.group("mods"))
        year = years[0] if years else (dates[0].value[:4] if dates and act else "")
        np = doc.text[start:end]
        if not year or _known_agreement(doc, np, year):
            continue
        later = _later_agreement(agreements, s, pm.start())
        if later is None or later.year == year:
            continue
        _prior_agreement(doc, agreements, s, pm, later, year, (start, end, tail_end),
                         act.group("v") if act else None, dates[0].value if dates and act else year)


#: the subject that follows an earlier agreement: "It followed a ...", "The Rafale Marine deal follows a ..."
_FOLLOWER = re.compile(r"\s*(?:It|This|The\s+(?:[\w-]+\s+){0,3}?(?:deal|contract|agreement|order|MoU|purchase|sale|"
                       r"memorandum))\s+(?:also\s+|now\s+)?$")


def _made_from(doc: Document, agreements: list[AgreementState], s: Sentence, start: int,
               end: int) -> AgreementState | None:
    """Return the agreement the sentence's own rules made of the words ``start``-``end``, if any."""
    words = doc.text[start:end]
    return next((a for a in agreements if a.sentence is s and a.name in doc.entities
                 and words in doc.entities.records[a.name].aliases), None)


def _follows_earlier(doc: Document, agreements: list[AgreementState], s: Sentence, pm: re.Match[str],
                     earlier: AgreementState) -> None:
    """"It followed a US$95 million deal signed in 2021 ...": the earlier agreement precedes the one the subject
    stands for, the latest told before, when that one is of a later year."""
    if not pm.group("link").startswith(("follow", "come", "came", "build", "built")) or not _FOLLOWER.fullmatch(
            s.text, 0, pm.start()):
        return
    told = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index and a is not earlier]
    later = told[-1] if told else None
    if later is not None and earlier.year and later.year and earlier.year < later.year:
        doc.relate(earlier.name, "precedes", later.name, {}, s, 0.55)


def _known_agreement(doc: Document, np: str, year: str) -> bool:
    """Tell whether the agreement ``np`` names was named before: the same words, or "the" and the same year."""
    def bare(words: str) -> str:
        return words.casefold().removeprefix("the ").removeprefix("an ").removeprefix("a ")

    definite = np.casefold().startswith("the ")
    return any(rec.type == "Agreement" and ((definite and f"({year})" in rec.name)
                                            or any(bare(a) == bare(np) for a in rec.aliases))
               for rec in doc.entities.records.values())


# "the 80 <P> fighters the UAE ordered in 2021 in a EUR 16 billion deal": the platform the deal was for, told
# before the buyer's relative clause that ends in the deal
_ORDERED_CLAUSE = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:that\s+|which\s+)?(?:the\s+)?(?P<who>[A-Z][^.;,]{1,60}?)"
                             r"\s+(?:had\s+|has\s+|have\s+)?(?:ordered|bought|purchased|acquired|procured)\b"
                             r"[^.;,]{0,40}?\s+(?:in|under|through|via|as\s+part\s+of)\s+(?:an?|the|its|their)\s+[^;,]{0,30}")


def _ordered_in_clause(doc: Document, s: Sentence, start: int) -> tuple[list[Mention], str | None]:
    """Return the platform a relative clause before the agreement words at ``start`` says a buyer ordered, and
    that buyer."""
    if "ordered" not in s.text and "bought" not in s.text and "purchased" not in s.text \
            and "acquired" not in s.text and "procured" not in s.text:
        return [], None
    told = [m for m in doc.mentions_in(s, "Platform") if m.end <= start and start - m.end <= 140]
    if not told:
        return [], None
    p = told[-1]
    cm = _ORDERED_CLAUSE.fullmatch(doc.text, p.end, start)
    buyers = [b for b in doc.mentions_in(s, "Country", "ArmedForce", "GovernmentAgency")
              if cm is not None and cm.start("who") <= b.start < cm.end("who")]
    return ([p], buyers[0].name) if buyers else ([], None)


def _follow_on_known(doc: Document, agreements: list[AgreementState]) -> bool:
    """Tell whether an agreement the article told of so far is a follow-on one."""
    return any("follow-on" in a.casefold() for agr in agreements if agr.name in doc.entities
               for a in doc.entities.records[agr.name].aliases)


def _later_agreement(agreements: list[AgreementState], s: Sentence, before: int) -> AgreementState | None:
    here = [a for a in agreements if a.sentence is s]
    if here:
        return here[0]
    earlier = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index]
    tm = _TRIGGER_RE.search(s.text, 0, before)
    kind = _kind(tm.group("kind")) if tm else None
    same = [a for a in earlier if a.kind == kind] or earlier
    return same[-1] if same else None


def _prior_agreement(doc: Document, agreements: list[AgreementState], s: Sentence, pm: re.Match[str],
                     later: AgreementState, year: str, span: tuple[int, int, int], verb: str | None,
                     date: str) -> None:
    start, end, tail_end = span
    kind = _kind(pm.group("kind"))
    np = doc.text[start:end]
    ms = [m for m in doc.mentions if end <= m.start < tail_end]
    platform = next((m for m in doc.mentions if start <= m.start < tail_end and m.type == "Platform"), None)
    supplier = next((m for m in ms if m.type in ("Company", "Country") and m.form != "demonym"
                     and not _describes_firm(doc, m)
                     and _PRIOR_WITH.search(doc.text, max(end, m.start - 40), m.start)), None)
    end_user = next((m for m in ms if m.type == "ArmedForce"
                     and re.search(r"\bfor\s+(?:the\s+)?$", doc.text[max(end, m.start - 10):m.start])), None)
    known = _sibling_roles(doc, later) or [(p, r) for p, r in later.parties if r != "end_user"]
    parties: list[tuple[str, str | None]] = []
    if _PRIOR_PAIR.search(doc.text, end, tail_end):
        parties = [(p, None) for p, _r in known]
    elif supplier is None and _PRIOR_SAME.search(doc.text, end, tail_end):
        parties = list(known)  # "... with the same yard": the later agreement's buyer and supplier
    elif supplier is not None:
        home = supplier.name if supplier.type == "Country" else (
            doc.entities.records[supplier.name].attributes.get("country"))
        buyer = next((p for p, r in known if r == "buyer"), None) or next(
            (p for p, _r in known if doc.entities.type_of(p) != "Company" and p != home), None)
        parties = [(buyer, "buyer")] if buyer else []
        parties.append((supplier.name, "supplier" if buyer else None))
    labels = [p for p, _r in parties[:4]]
    name = " ".join(x for x in ("–".join(_party_label(doc, p) for p in labels),
                                platform.name if platform else "", kind) if x) + f" ({year})"
    if not labels and not platform:
        name = f"{np[:1].upper()}{np[1:]}" + (f" ({year})" if year not in np else "")
    name = _unique_name(doc, agreements, name)
    doc.entities.add(name, "Agreement", np, agreement_type=kind)
    status = _CONCLUDED_VERB.get(verb, verb) if verb else None
    for p, role in parties:
        doc.relate(p, "party_to", name, {"role": role, "status": status, "date": date if status else None}, s, 0.55)
    if status:
        doc.relate(name, "has_status", status, {"date": date}, s, 0.55)
    money = [m for m in doc.in_sentence(s, doc.money) if start <= m.start < tail_end]
    if money:
        doc.relate(name, "has_value", money[0].value, {"approximate": money[0].approximate or None}, s, 0.55)
    buyer_name = next((p for p, r in parties if r == "buyer"), None)
    if platform is not None:
        q = [x for x in doc.in_sentence(s, doc.quantities) if end <= x.end <= platform.start
             and platform.start - x.end <= 25]
        qty = q[-1].value if q else None
        value = [money[0].value] if money else None
        doc.relate(name, "covers", platform.name, {"quantity": qty, "value": value}, s, 0.55)
        if supplier is not None and supplier.type == "Company" and buyer_name:
            doc.relate(supplier.name, "supplies", platform.name, {
                "buyer": buyer_name, "end_user": end_user.name if end_user else None, "quantity": qty,
                "value": value, "date": date if status else None, "status": "contracted" if status else None}, s, 0.55)
    if pm.group("link").startswith(("follow", "come", "came", "build", "built")):
        doc.relate(name, "precedes", later.name, {}, s, 0.55)
    agreements.append(AgreementState(name, kind, year, list(parties), platform.name if platform else None, s))


# an agreement known by its own name: "signed a Reciprocal Access Agreement", "the Visiting Forces Agreement (VFA)"
_NAMED_AGREEMENT = re.compile(r"\b(?P<det>an?|the|a\s+new)\s+(?P<name>(?:[A-Z][\w-]*\s+(?:of\s+|on\s+|for\s+)?){1,6}"
                              r"(?P<head>Agreement|Arrangement|Treaty|Pact|Accord))\b(?:\s+\((?P<acr>[A-Z]{2,8})\))?")
_NAMED_VERB = re.compile(r"\b(?:signed|inked|sealed|concluded|ratified|agreed|renewed|extended|signing|sign|"
                         r"conclude)\b")


def _named_agreements(doc: Document, agreements: list[AgreementState]) -> None:
    """"The Philippines and Japan signed a Reciprocal Access Agreement": an agreement of its own name, when the
    sentence made no other."""
    year_now = (doc.article_date or "")[:4]
    for s in sentences_with(doc, ("agreement", "arrangement", "treaty", "pact", "accord")):
        if any(a.sentence is s for a in agreements) or not _NAMED_VERB.search(s.text):
            continue
        nm = _NAMED_AGREEMENT.search(s.text)
        if nm is None or nm.group("name").startswith(("Heads ", "Memorandum")):
            continue
        if doc.mentions_in(s, "Event") and any(s.start + nm.start("name") <= e.start < s.start + nm.end("name")
                                               for e in doc.mentions_in(s, "Event")):
            continue
        start, end = s.start + nm.start("head"), s.start + nm.end("head")
        past, future = _date_for(doc, s, near=start)
        st = _status(s) or ""
        ahead = st in _AHEAD_STATUSES
        year = ((future if ahead else past) or year_now)[:4]
        agr = _new_agreement(doc, s, "agreement", year, start, end, nm.group("name"), agreements)
        if agr is None:
            continue
        doc.entities.add(agr.name, "Agreement", nm.group("name"))
        if nm.group("acr"):
            doc.entities.add(agr.name, "Agreement", nm.group("acr"))
        agreements.append(agr)


_OUTLOOK = re.compile(r"\b(?:[Nn]egotiations|[Tt]alks|[Dd]iscussions)\b[^.;]{0,30}?\b(?:are|is|were)\s+"
                      r"(?:expected|due|set|scheduled)\s+to\s+(?:conclude|be\s+concluded|be\s+completed|finish|end|wrap\s+up)\b")


def _negotiation_outlook(doc: Document, agreements: list[AgreementState]) -> None:
    """"Negotiations are expected to conclude by the end of the year": when the agreement under talks is expected."""
    if not agreements:
        return
    for s in doc.sentences:
        if "expected" not in s.text and "due" not in s.text and "set" not in s.text and "scheduled" not in s.text:
            continue
        if "egotiations" not in s.text and "alks" not in s.text and "iscussions" not in s.text:
            continue
        if _OUTLOOK.search(s.text) is None or _TRIGGER_RE.search(s.text):
            continue
        _past, future = _date_for(doc, s)
        earlier = [a for a in agreements if a.sentence is not None and a.sentence.index < s.index]
        if future and earlier:
            doc.relate(earlier[-1].name, "has_status", "expected", {"expected_date": future}, s, 0.55)


_ORDINAL_RANK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _ordinal_sibling(agreements: list[AgreementState], kind: str, ordinal: str) -> AgreementState | None:
    """Return the agreement "the first contract" is set against when the article has a "second contract"."""
    same = [a for a in agreements if a.kind == kind]
    if any(a.ordinal == ordinal for a in same):
        return None
    ranked = [a for a in same if a.ordinal]
    return ranked[-1] if ranked else None


def _sibling_roles(doc: Document, sibling: AgreementState) -> list[tuple[str, str | None]]:
    roles: dict[str, str | None] = {}
    for f in doc.facts:
        if f.predicate == "party_to" and f.object == sibling.name and f.subject not in roles:
            role = f.qualifiers.get("role")
            roles[f.subject] = role if isinstance(role, str) else None
    return list(roles.items())


def _unique_name(doc: Document, agreements: list[AgreementState], base: str) -> str:
    """Return ``base``, else the first of "<base> #2", "<base> #3", ... that no agreement of ``agreements`` has.

    The names are kept in a set that grows with the list, and the numbers found taken stay
    taken (no agreement gives its name up): a search from scratch for each new agreement
    makes long articles quadratic.
    """
    cache: tuple[list[AgreementState], set[str], list[int], dict[str, int]] | None = getattr(
        doc, "_agreement_names", None)
    if cache is None or cache[0] is not agreements or cache[2][0] > len(agreements):
        cache = (agreements, set(), [0], {})
        doc._agreement_names = cache  # type: ignore[attr-defined]
    existing, seen, tried = cache[1], cache[2], cache[3]
    for a in agreements[seen[0]:]:
        existing.add(a.name)
    seen[0] = len(agreements)
    if base not in existing:
        return base
    n = tried.get(base, 2)
    while f"{base} #{n}" in existing:
        n += 1
    tried[base] = n
    return f"{base} #{n}"


_TEAMING = re.compile(r"\b(?:teaming|cooperation|co-operation|industrial|partnership|collaboration|strategic)\b", re.I)


def _between_firms(np: str, first: Mention, other: Mention, text: str) -> bool:
    """Tell whether an agreement joins two firms as partners rather than as buyer and seller: a teaming or
    industrial agreement, or one whose sentence says nothing of buying."""
    return first.type == other.type == "Company" and (_TEAMING.search(np) is not None or not _BUY_CUE.search(text))


_AWARDED_TO = re.compile(r"\s+to\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:state-owned\s+|[a-z][\w-]*\s+){0,2}")


def _awarded_to(doc: Document, s: Sentence, end: int) -> Mention | None:
    """Return the company an agreement was awarded to ("awarded a contract to <Co>"), the verb before the agreement."""
    if not re.search(r"\bawarded\s+(?:an?|the|its)\b[^.;]*$", doc.text[s.start:end]):
        return None
    tm = _AWARDED_TO.match(doc.text, end, s.end)
    return next((m for m in doc.mentions_in(s, "Company") if tm is not None and m.start == tm.end()), None)


def _new_agreement(doc: Document, s: Sentence, kind: str, year: str, start: int, end: int, np: str,
                   agreements: list[AgreementState],
                   sibling: AgreementState | None = None) -> AgreementState | None:
    subj, with_party, end_user = _parties(doc, s, start, end)
    parties = list(subj)
    awardee = _awarded_to(doc, s, end) if with_party is None and "awarded" in s.text else None
    if awardee is not None and awardee.name not in {p.name for p in parties}:
        with_party = awardee  # "awarded a EUR 420 million contract to <Co>": the company is the supplier
    if with_party and with_party.name not in {p.name for p in parties}:
        parties.append(with_party)
    if sibling is not None and not parties:
        return _sibling_agreement(doc, s, kind, year, np, agreements, sibling)
    bidders = [p for p in parties if p.type == "Company" and p.end <= start] if _bidding(s.text) else []
    if bidders:
        return _tender(doc, s, kind, year, np, agreements, bidders)
    platforms = [m for m in doc.mentions_in(s, "Platform") if m.start >= start - 60]
    if kind == "line of credit":
        platforms = []  # a credit line pays for the contracts that cover platforms (funded_by), none itself
    clause_buyer = None
    if not platforms and kind != "line of credit":
        platforms, clause_buyer = _ordered_in_clause(doc, s, start)
    platform = platforms[0].name if platforms else None
    buyer = supplier = None
    companies = [p for p in parties if p.type == "Company"]
    govs = [p for p in parties if p.type != "Company"]
    if companies and govs:
        buyer, supplier = govs[0].name, companies[0].name
    elif with_party and subj and (_BUY_CUE.search(s.text) or platform) and not _between_firms(np, subj[0], with_party,
                                                                                         s.text):
        buyer, supplier = subj[0].name, with_party.name
    if "awarded" in s.text and re.search(r"\bawarded\b", s.text) and len(parties) >= 2 and not supplier:
        buyer, supplier = parties[0].name, parties[1].name
    if buyer is None and clause_buyer in {p.name for p in parties}:
        buyer = clause_buyer  # "the 80 <P> the UAE ordered in a ... deal": the UAE bought
    labels = [p for p in ([buyer, supplier] if buyer and supplier else [p.name for p in parties[:4]]) if p]
    label = "–".join(_party_label(doc, p) for p in labels)
    subject = platform or ""
    name = " ".join(x for x in (label, subject, kind) if x) + (f" ({year})" if year else "")
    if not labels and not platform:
        name = f"{np[:1].upper()}{np[1:]}" + (f" ({year})" if year and year not in np else "")
    name = _unique_name(doc, agreements, name)
    doc.entities.add(name, "Agreement", np, agreement_type=kind)
    agr = AgreementState(name, kind, year, [(p.name, None) for p in parties], platform, s)
    status = _status(s)
    past, _future = _date_for(doc, s, near=start)
    concluded = status is not None and status not in ("expected", "planned", "proposed", "being accelerated",
                                                       "under negotiation", "negotiating", "finalising", "finalizing")
    same_year = year == (doc.article_date or "")[:4]
    date = past if past and past[:4] == year else (doc.article_date if concluded and same_year else year or None)
    for p in parties:
        role = "buyer" if p.name == buyer else "supplier" if p.name == supplier else None
        doc.relate(p.name, "party_to", name, {"role": role, "status": status, "date": date if concluded else None}, s)
    if end_user and end_user.name not in {p.name for p in parties}:
        agr.parties.append((end_user.name, "end_user"))
    _status_facts(doc, s, agr, new=True)
    money = [m for m in doc.in_sentence(s, doc.money) if not _priced_other(doc, m, start)]
    if money:
        main = money[0]
        eq = [m.value for m in money[1:2] if doc.text[main.end:m.start].strip() in ("(", "or", "or about", "")]
        doc.relate(name, "has_value", main.value,
                   {"approximate": main.approximate or None, "equivalent": eq or None}, s)
    qty = None
    if platform:
        pm = platforms[0]
        q = [x for x in doc.in_sentence(s, doc.quantities) if x.end <= pm.start and pm.start - x.end <= 25]
        qty = q[-1] if q else None
        values = [m.value for m in money[:2]] if money else None
        doc.relate(name, "covers", platform, {"quantity": qty.value if qty else None,
                                              "lower_bound": qty.lower_bound if qty and qty.lower_bound else None,
                                              "value": values}, s)
        if supplier and doc.entities.type_of(supplier) == "Company":
            doc.relate(supplier, "supplies", platform, {
                "buyer": buyer, "end_user": end_user.name if end_user else None,
                "quantity": qty.value if qty else None, "value": values,
                "date": date if concluded else None, "status": "contracted" if concluded else status,
                "lower_bound": True if qty and qty.lower_bound else None}, s)
    _signatories(doc, s, agr, date)
    return agr


_PRICED = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?P<k>line\s+of\s+credit|credit\s+line|loan|grant|contract|deal|order|"
                     r"agreement|package|programme|program)\b")


def _priced_other(doc: Document, m: Money, start: int) -> bool:
    """Tell whether an amount prices another thing than the agreement at ``start`` ("financed from a US$300 million
    line of credit" in the sentence of a contract)."""
    pm = _PRICED.match(doc.text, m.end)
    return pm is not None and pm.start("k") != start


def _sibling_agreement(doc: Document, s: Sentence, kind: str, year: str, np: str, agreements: list[AgreementState],
                       sibling: AgreementState) -> AgreementState:
    """Create "the first contract" of an article about a second one: same parties and platform, an earlier act."""
    roles = _sibling_roles(doc, sibling)
    ranked = {r: n for n, r in roles if r}
    labels = [ranked[r] for r in ("buyer", "supplier") if r in ranked] or [n for n, _r in roles[:4]]
    label = "–".join(_party_label(doc, p) for p in labels)
    ordinal = (_ORDINAL_MOD.search(np) or _ORDINAL_MOD.search("first"))
    assert ordinal is not None
    name = " ".join(x for x in (label, sibling.platform or "", ordinal.group("o").casefold(), kind) if x)
    name += f" ({year})" if year else ""
    name = _unique_name(doc, agreements, name)
    doc.entities.add(name, "Agreement", np, agreement_type=kind)
    status = _status(s)
    past, _future = _date_for(doc, s)
    concluded = status is not None and status not in ("expected", "planned", "proposed", "being accelerated",
                                                       "under negotiation", "negotiating", "finalising", "finalizing")
    for party, role in roles:
        doc.relate(party, "party_to", name, {"role": role, "status": status,
                                             "date": (past or year or None) if concluded else None}, s, 0.6)
    agr = AgreementState(name, kind, year, list(roles), sibling.platform, s)
    _status_facts(doc, s, agr, new=True)
    mine = _ORDINAL_RANK.get(ordinal.group("o").casefold(), 0)
    theirs = _ORDINAL_RANK.get(sibling.ordinal or "", 0)
    if mine and theirs and mine != theirs:
        early, late = (name, sibling.name) if mine < theirs else (sibling.name, name)
        doc.relate(early, "precedes", late, {}, s, 0.6)
    if sibling.platform:
        q = [x for x in doc.in_sentence(s, doc.quantities) if re.match(
            r"\s+(?:[\w-]+\s+){0,2}?(?:tanks|vehicles|aircraft|jets|ships|vessels|frigates|corvettes|submarines|"
            r"helicopters|howitzers|systems|units|launchers|missiles|guns|drones)\b", doc.text[x.end:x.end + 40])]
        doc.relate(name, "covers", sibling.platform, {"quantity": q[0].value if q else None}, s, 0.55)
    return agr


def _late_supplier(doc: Document, s: Sentence, agr: AgreementState, end: int) -> None:
    """Add the company "the contract, to be signed with <Co>" names when the agreement has a buyer but no company."""
    wm = re.match(r"[^.;]{0,30}?\bwith\s+(?:the\s+)?", doc.text[end:s.end])
    if wm is None:
        return
    co = next((m for m in doc.mentions_in(s, "Company") if m.start == end + wm.end()), None)
    roles = dict(agr.parties)
    if co is None or co.name in roles or any(doc.entities.type_of(p) == "Company" for p in roles):
        return
    buyer = next((p for p, r in _sibling_roles(doc, agr) if r == "buyer"), None)
    if buyer is None:
        return
    status = _status(s)
    doc.relate(co.name, "party_to", agr.name, {"role": "supplier", "status": status}, s, 0.6)
    agr.parties.append((co.name, "supplier"))
    if agr.platform:
        doc.relate(co.name, "supplies", agr.platform, {"buyer": buyer, "status": status}, s, 0.55)


_VALUED = re.compile(r"\s*,?\s*(?:(?:which|that)\s+(?:also\s+)?[a-z][^,;.]{0,80}?,\s*|"
                     r"(?:signed|inked|awarded|announced|concluded|agreed|finalised|finalized)\b[^,;]{0,60}?,\s*)?"
                     r"(?:(?:which|that)\s+is\s+|is\s+|was\s+|are\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
                     r"(?:(?:estimated|expected|said|reported|understood|believed|thought|set)\s+to\s+be\s+)?"
                     r"(?:(?:officially\s+|reportedly\s+)?valued\s+at|worth|estimated\s+at|priced\s+at|put\s+at|"
                     r"totall?ing|totals|totalled|totaled|amounting\s+to|amounts\s+to|comes\s+to|costs?|"
                     r"(?:with|has|had|carries|carried|carrying)\s+an?\s+(?:total\s+|estimated\s+|overall\s+)?"
                     r"(?:value|price\s+tag|price|cost)\s+of)\s+$")


def _late_value(doc: Document, s: Sentence, agr: AgreementState, end: int) -> None:
    """"The deal, valued at about $1.4 billion, was signed": the value of an agreement named before."""
    money = [m for m in doc.in_sentence(s, doc.money) if m.start >= end]
    if not money or not _VALUED.fullmatch(doc.text, end, money[0].start):
        return
    if any(f.subject == agr.name and f.predicate == "has_value" for f in doc.facts):
        return
    main = money[0]
    eq = [m.value for m in money[1:2] if doc.text[main.end:m.start].strip() in ("(", "or", "or about", "")]
    estimated = "estimated" in doc.text[end:main.start]  # "is estimated to be worth"
    doc.relate(agr.name, "has_value", main.value, {"approximate": main.approximate or estimated or None,
                                                   "equivalent": eq or None}, s, 0.6)
    values = [main.value, *eq]
    for f in doc.facts:
        if f.subject == agr.name and f.predicate == "covers":
            f.qualifiers.setdefault("value", values)
        if (f.predicate == "supplies" and agr.platform and f.object == agr.platform
                and any(p == f.subject for p, _r in agr.parties)):
            f.qualifiers.setdefault("value", values)


# "It was inked by X and Y in the presence of Z", "The signing was witnessed by Z": the act of the latest agreement
_SIGNING_REF = re.compile(r"\s*(?:It|The\s+(?:signing|ceremony|signing\s+ceremony))\s+(?:was|were)\s+"
                          r"(?:signed|inked|sealed|witnessed|attended)\s+(?:[^.]*?\s)?by\b")


def _signing_named_again(doc: Document, s: Sentence, agr: AgreementState) -> None:
    date = _status_date(doc, agr)
    _signatories(doc, s, agr, date if isinstance(date, str) else None)
    if re.match(r"\s*The\s+(?:signing|ceremony|signing\s+ceremony)\s+(?:was|were)\s+(?:witnessed|attended)\b", s.text):
        for p in doc.mentions_in(s, "Person"):
            doc.relate(p.name, "witnessed", agr.name, {"date": date}, s, 0.6)


_PUT_AT = re.compile(r"\b(?:put|puts|estimated|estimates|estimate|valued|values|priced|prices)\s+"
                     r"(?:it|its\s+(?:value|cost|price)|the\s+(?:deal|contract|agreement|order)(?:['’]s\s+value)?|"
                     r"the\s+(?:total\s+)?(?:value|cost|price))\s+at\s+")


def _value_put_at(doc: Document, s: Sentence, agr: AgreementState) -> None:
    """"Neither side disclosed its value, although the media put it at roughly US$400 million": an estimate of
    the value of the agreement the sentence names again."""
    pm = _PUT_AT.search(s.text) if any(w in s.text for w in ("put", "estimat", "value", "price")) else None
    if pm is None or any(f.subject == agr.name and f.predicate == "has_value" for f in doc.facts):
        return
    money = next((m for m in doc.in_sentence(s, doc.money) if m.start == s.start + pm.end()), None)
    if money is not None:
        doc.relate(agr.name, "has_value", money.value, {"approximate": True}, s, 0.5)


def _status_facts(doc: Document, s: Sentence, agr: AgreementState, new: bool = False) -> None:
    status, sm = _status_match(s)
    if not status:
        return
    # "the 2018 contract ..., the last of which was handed over in late 2024": the date nearest the act
    past, future = _date_for(doc, s, near=s.start + sm.end() if sm is not None else None)
    q: dict[str, object] = {}
    if status in _AHEAD_STATUSES:
        q["expected_date"] = future
        if status == "being accelerated":
            q["date"] = doc.article_date
    else:
        art = doc.article_date or ""
        q["date"] = past or (art if agr.year and art.startswith(agr.year) else agr.year or None)
    place = [p for p in doc.places if s.start <= p[0] < s.end]
    if place and status in _SIGNING_WORDS:
        q["location"] = place[0][2]
    by = re.search(r"\b(?:Cabinet|Parliament|Congress)\b", s.text) if (
        "Cabinet" in s.text or "Parliament" in s.text or "Congress" in s.text) else None
    if by:
        cab = [m for m in doc.mentions_in(s, "GovernmentAgency") if m.surface.startswith(by.group())]
        if cab:
            q["by"] = cab[0].name
    if not new and status in _SIGNING_WORDS:
        # "The deal was inked in Bangkok by ...": the signing the article told before, now with its place
        told = next((f.object for f in doc.facts if f.subject == agr.name and f.predicate == "has_status"
                     and f.object in _SIGNING_WORDS), None)
        status = str(told) if told is not None else status
    doc.relate(agr.name, "has_status", status, q, s)
    if not new:
        for party, role in agr.parties:
            if role is None:
                for f in doc.facts:
                    if f.subject == party and f.predicate == "party_to" and f.object == agr.name:
                        f.qualifiers.setdefault("status", status)
    qdate = q.get("date")
    if not past and status not in _AHEAD_STATUSES:
        # "The contract was signed in Athens by X": the signing the article dated before ("on Tuesday")
        prior = _status_date(doc, agr, besides=s)
        qdate = prior if isinstance(prior, str) else qdate
    _signatories(doc, s, agr, qdate if isinstance(qdate, str) else None)


# a person (or the pronoun standing for one) who is the subject of "signed": "She later signed", "X, the minister,
# signed", "X has signed"
_SUBJECT_SIGNED = re.compile(r"(?:\s*,[^,.;\"“”]{1,80},)?,?\s+(?:(?:also|later|then|formally|officially|jointly|"
                             r"personally|has|have|had|on\s+[A-Z][a-z]+day)\s+)*(?:signed|inked)\b")


def _signatories(doc: Document, s: Sentence, agr: AgreementState, date: str | None) -> None:
    persons = doc.mentions_in(s, "Person")
    if not persons:
        return
    pres = re.search(r"\b(?:in the presence of|witnessed by|witnessed)\b", s.text)
    signed_by = re.search(r"\b(?:signed|inked)\b[^.]*?\bby\b", s.text)
    for p in persons:
        rel = s.start + (pres.start() if pres else len(s.text))
        if pres and p.start >= rel:
            doc.relate(p.name, "witnessed", agr.name, {"date": date}, s)
        elif pres and re.search(r"witnessed by", s.text) is None and p.start < s.start + pres.start() and signed_by:
            doc.relate(p.name, "signed", agr.name, {"date": date}, s)
        elif pres and "witnessed by" in s.text and p.start > s.start + pres.start():
            doc.relate(p.name, "witnessed", agr.name, {"date": date}, s)
        elif signed_by and p.start > s.start + signed_by.start():
            doc.relate(p.name, "signed", agr.name, {"date": date}, s)
        elif not pres and not signed_by and _SUBJECT_SIGNED.match(doc.text, p.end, s.end):
            doc.relate(p.name, "signed", agr.name, {"date": date}, s)  # "Minister X (later) signed the deal"


# "X, Y and Z are competing for the contract", "have submitted bids for", "are bidding for": bidders, no parties yet
_BIDDING = re.compile(r"\b(?:are|were|is|was)\s+(?:competing|bidding|vying|in\s+the\s+running)\s+for\b|"
                      r"\b(?:have|has|had)\s+(?:submitted|lodged|placed)\s+(?:bids|offers|proposals|tenders)\b|"
                      r"\b(?:have|has|had)\s+bid\s+for\b")
_BIDDING_WORDS = ("competing", "vying", "running", "submitted", "lodged", "placed", "bid")


def _bidding(text: str) -> bool:
    """Tell whether ``_BIDDING`` matches, the pattern tried only where one of its words stands."""
    return any(w in text for w in _BIDDING_WORDS) and _BIDDING.search(text) is not None


# "the Peruvian Navy's tender for four <P>", "a tender by <Agency> for ..."
_TENDER_OWNER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:tender|competition|requirement|programme|program)\b")


def _tender(doc: Document, s: Sentence, kind: str, year: str, np: str, agreements: list[AgreementState],
            bidders: list[Mention]) -> AgreementState:
    """The contract a tender's bidders compete for: the body whose tender it is (else the article's state) is the
    buyer to be; the bidders are bidders."""
    near = [t for t in doc.sentences[max(0, s.index - 2):s.index + 1]]
    owners = [m for t in near for m in doc.mentions_in(t, "ArmedForce", "GovernmentAgency", "Country")
              if _TENDER_OWNER.match(doc.text, m.end, t.end)]
    owner = owners[0].name if owners else doc.main_country()
    platforms = [m.name for t in near for m in doc.mentions_in(t, "Platform")]
    platform = platforms[0] if platforms else None
    label = _party_label(doc, owner) if owner else ""
    name = " ".join(x for x in (label, platform or "", kind) if x) + (f" ({year})" if year else "")
    if name in {a.name for a in agreements}:
        name = f"{name} #{len(agreements) + 1}"
    doc.entities.add(name, "Agreement", np, agreement_type=kind)
    agr = AgreementState(name, kind, year, [(b.name, "bidder") for b in bidders], platform, s)
    status = _status(s) or "expected"
    if owner is not None and owner in doc.entities:
        doc.relate(owner, "party_to", name, {"role": "buyer", "status": status}, s, 0.55)
        agr.parties.insert(0, (owner, "buyer"))
    for b in bidders:
        doc.relate(b.name, "party_to", name, {"role": "bidder", "status": "competing"}, s, 0.55)
    _status_facts(doc, s, agr, new=True)
    if platform is not None:
        doc.relate(name, "covers", platform, {}, s, 0.5)
    if owners:
        _tendered(doc, owners[0])
    return agr


_TENDER_FOR = re.compile(r"\s+for\s+(?:the\s+)?")


def _tendered(doc: Document, owner: Mention) -> None:
    """"the Peruvian Navy's tender for four <P>": the body requires that many of the platform."""
    t = doc.sentence_at(owner.start)
    tm = _TENDER_OWNER.match(doc.text, owner.end, t.end)
    fm = _TENDER_FOR.match(doc.text, tm.end(), t.end) if tm is not None else None
    if fm is None or doc.entities.type_of(owner.name) not in ("ArmedForce", "Country", "GovernmentAgency"):
        return
    qty = next((q for q in doc.in_sentence(t, doc.quantities) if q.start == fm.end()), None)
    at = qty.end + 1 if qty is not None else fm.end()
    p = next((m for m in doc.mentions_in(t, "Platform") if at <= m.start <= at + 12), None)
    if p is not None:
        doc.relate(owner.name, "requires", p.name, {"quantity": qty.value if qty is not None else None}, t, 0.5)


_JV_FORMED = re.compile(r"\s+(?:(?:have|has|had|will|would|plan\s+to|plans\s+to|agreed\s+to|are\s+to|is\s+to)\s+)?"
                        r"(?P<v>set\s+up|formed|form|established|establish|created|create|launched|launch|"
                        r"(?:already\s+)?(?:runs|run|operates|operate|own|owns))\s+an?\s+(?:new\s+)?"
                        r"(?:[\w-]+\s+){0,2}?joint\s+venture\b(?P<with>\s+with\s+)?")
_JV_WITH = re.compile(r"(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:state-owned\s+|[a-z][\w-]*\s+){0,3}")


def _joint_venture(doc: Document, s: Sentence, agreements: list[AgreementState]) -> None:
    """"<Co> and <Co> have set up a joint venture to ...", "<Co> already runs a joint venture with <Co>": an
    agreement of the two companies, of the kind "joint venture"."""
    cos = doc.mentions_in(s, "Company")
    for i, c in enumerate(cos):
        jm = _JV_FORMED.match(doc.text, c.end, s.end)
        if jm is None:
            continue
        if jm.group("with"):
            wm = _JV_WITH.match(doc.text, jm.end(), s.end)
            other = next((o for o in cos if wm is not None and o.start == wm.end()), None)
            pair = [c, other] if other is not None else []
        else:
            prev = cos[i - 1] if i else None
            pair = [prev, c] if prev is not None and re.search(r"\band\b", doc.text[prev.end:c.start]) \
                and len(doc.text[prev.end:c.start]) <= 40 else []
        if len(pair) != 2 or pair[0].name == pair[1].name:
            continue
        verb = " ".join(jm.group("v").split()).replace("already ", "")
        ahead = re.search(r"\b(?:will|would|plans?\s+to|agreed\s+to|are\s+to|is\s+to)\s", jm.group(0)) is not None
        status = "planned" if ahead else "existing" if verb.startswith(("run", "operat", "own")) \
            else f"{verb} (formalised)"
        year = (doc.article_date or "")[:4]
        name = "–".join(_party_label(doc, p.name) for p in pair) + " joint venture" + (
            f" ({year})" if year and status != "existing" else "")
        if name in {a.name for a in agreements}:
            continue
        doc.entities.add(name, "Agreement", "joint venture", agreement_type="joint venture")
        agreements.append(AgreementState(name, "agreement", year, [(p.name, None) for p in pair], None, s))
        for p in pair:
            doc.relate(p.name, "party_to", name, {"status": status}, s, 0.55)


_DEAL_WITH = re.compile(r"\b(?:deal|contract|order|agreement)\s+with\s+(?:the\s+)?$")


def buyer_from_announcer(doc: Document, agreements: list[AgreementState]) -> None:
    """"<Agency> announced 41 contracts worth ... The largest was a ... deal with <Co> for ...": a deal whose only
    party is the company it is "with" was placed by the one buying body party to the agreement just before."""
    for i, agr in enumerate(agreements):
        s = agr.sentence
        if s is None or i == 0 or len(agr.parties) != 1:
            continue
        [(co, _role)] = agr.parties
        prev = agreements[i - 1]
        if doc.entities.type_of(co) != "Company" or prev.sentence is None \
                or not 0 <= s.index - prev.sentence.index <= 1:
            continue
        m = next((m for m in doc.mentions_in(s, "Company") if m.name == co), None)
        if m is None or not _DEAL_WITH.search(doc.text, s.start, m.start):
            continue
        bodies = {p for p, _r in prev.parties if doc.entities.type_of(p) in ("GovernmentAgency", "ArmedForce")}
        if len(bodies) != 1 or any(doc.entities.type_of(p) == "Company" for p, _r in prev.parties):
            continue
        [body] = bodies
        doc.relate(body, "party_to", agr.name, {"role": "buyer"}, s, 0.5)
        doc.relate(co, "party_to", agr.name, {"role": "supplier"}, s, 0.5)
        agr.parties = [(body, "buyer"), (co, "supplier")]


_WITNESSED_SIGNING = re.compile(r"\b(?:witnessed|attended)\s+the\s+(?:signing|ceremony|signing\s+ceremony)\b")


def witnessed_the_signing(doc: Document, agreements: list[AgreementState]) -> None:
    """"<Person> witnessed the signing": a witness of the latest agreement the article has named."""
    for s in doc.sentences:
        wm = _WITNESSED_SIGNING.search(s.text) if "witnessed" in s.text or "attended" in s.text else None
        if wm is None:
            continue
        signed = [a for a in agreements if a.sentence is not None and a.sentence.index <= s.index]
        persons = [p for p in doc.mentions_in(s, "Person") if p.end <= s.start + wm.start()]
        if not signed or not persons:
            continue
        agr = signed[-1]
        date = _status_date(doc, agr)
        doc.relate(persons[-1].name, "witnessed", agr.name, {"date": date}, s, 0.55)


# "Romania ordered 54 tanks from the United States": an order told by its verb alone is a contract between the two
_VERB_ORDER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:formally\s+|officially\s+|also\s+|now\s+)?ordered\s+"
                         r"(?P<what>[^.;]{1,100}?)\s+from\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?")
_ORDER_LEAD = re.compile(r"^(?:[A-Z][A-Z .'-]{1,30}\s+[–—-]\s+)?(?:(?:On|In|Last|Earlier|Separately|Meanwhile)\b"
                         r"[\w ]{0,20},\s+)?(?:[^,.;]{1,60}?\s+(?:said|confirmed|announced|added)(?:\s+on\s+\w+)?"
                         r"\s+(?:that\s+)?)?(?:[Tt]he\s+)?$")


def _ordered_by_verb(doc: Document, s: Sentence, agreements: list[AgreementState],
                     year_now: str | None) -> AgreementState | None:
    """Create the contract "<buyer> ordered N <platform> from <supplier>" tells, the buyer opening the clause."""
    ms = doc.mentions_in(s, *_ROLE_PARTIES)
    for buyer in ms:
        if buyer.type == "Company" or buyer.form == "demonym":
            continue
        vm = _VERB_ORDER.match(doc.text, buyer.end, s.end)
        if vm is None:
            continue
        if not _ORDER_LEAD.match(doc.text[s.start:buyer.start]):
            return None
        supplier = next((m for m in ms if m.start == vm.end() and m.form != "demonym"
                         and not (m.type == "Country" and re.match(r"\s[A-Z]", doc.text[m.end:m.end + 2]))), None)
        platforms = [m for m in doc.mentions_in(s, "Platform") if vm.start("what") <= m.start < vm.end("what")]
        if supplier is None and platforms and doc.text[vm.end():vm.end() + 1].isupper():
            supplier = buyer  # from a firm not known by name: the buyer's contract for the platform
        if supplier is None:
            return None
        past, _future = _date_for(doc, s, near=vm.start())
        year = (past or year_now or "")[:4]
        platform = platforms[0].name if platforms else None
        sellers = [supplier] if supplier is not buyer else []
        label = "–".join(_party_label(doc, p.name) for p in (buyer, *sellers))
        name = " ".join(x for x in (label, platform or "", "contract") if x) + (f" ({year})" if year else "")
        name = _unique_name(doc, agreements, name)
        doc.entities.add(name, "Agreement", agreement_type="contract")
        doc.relate(buyer.name, "party_to", name, {"role": "buyer"}, s)
        for p in sellers:
            doc.relate(p.name, "party_to", name, {"role": "supplier"}, s)
        pm = platforms[0] if platforms else None
        q = [x for x in doc.in_sentence(s, doc.quantities) if pm and x.end <= pm.start and pm.start - x.end <= 25]
        if pm is not None:  # "ordered <P> aircraft", with no number: covered, its quantity left open
            qty = q[-1].value if q else None
            doc.relate(name, "covers", pm.name, {"quantity": qty}, s)
            if sellers and supplier.type == "Company":
                doc.relate(supplier.name, "supplies", pm.name, {"buyer": buyer.name, "quantity": qty,
                                                                "status": "contracted"}, s)
        # the roles are in the party_to facts; a party with none here takes the status the contract is later told
        roles: list[tuple[str, str | None]] = [(p.name, None) for p in (buyer, *sellers)]
        return AgreementState(name, "contract", year, roles, platform, s)
    return None


def _by_demonym(doc: Document, s: Sentence, agreements: list[AgreementState], start: int) -> AgreementState | None:
    """The agreement "the Finnish contract" names: the latest one a party of that nation is buyer to."""
    m = doc.last_before(start, "Country")
    if (m is None or m.form != "demonym" or not _ONLY_SPACE.fullmatch(doc.text, m.end, start)
            or not _THE_BEFORE.search(doc.text, max(s.start, m.start - 5), m.start)):
        return None
    return next((a for a in reversed(agreements) if any(p == m.name and r != "supplier" for p, r in a.parties)
                 or any(f.subject == m.name and f.predicate == "party_to" and f.object == a.name
                        and f.qualifiers.get("role") != "supplier" for f in doc.facts)), None)


_VALUE_ONLY = re.compile(r"^(?:(?:[A-Z]{3}|US\$|[$€£₩¥])?\s?[\d.,]+\s?(?:bn|m|mn|million|billion|trillion)?\s*)+$")


def _valued_again(doc: Document, s: Sentence, agreements: list[AgreementState], kind: str,
                  mods: str, start: int) -> AgreementState | None:
    """"The PHP 36 billion contract was signed": the latest agreement of the kind, when it has no value yet."""
    if not _VALUE_ONLY.match(mods) or not re.search(r"[A-Z$€£₩¥]", mods) or re.search(r"\b(?:19|20)\d\d\b", mods):
        return None
    agr = next((a for a in reversed(agreements) if a.kind == kind), None)
    money = [m for m in doc.in_sentence(s, doc.money) if start - 40 <= m.start and m.end <= start]
    if agr is None or not money or any(f.subject == agr.name and f.predicate == "has_value" for f in doc.facts):
        return None
    doc.relate(agr.name, "has_value", money[-1].value, {"approximate": money[-1].approximate or None}, s)
    for f in doc.facts:
        if f.subject == agr.name and f.predicate == "covers":
            f.qualifiers.setdefault("value", [money[-1].value])
    return agr


# "It is Serbia's first <P> contract", "it is its second <Co> order": the contract just told, ranked
_IS_NTH = re.compile(r"\b(?:[Ii]t|[Tt]his|[Tt]he\s+(?:deal|order|contract|agreement|purchase))\s+"
                     r"(?:is|was|marks|becomes|became|will\s+be)\s+(?P<own>[A-Z][\w-]*['’]s|its|their)\s+"
                     r"(?P<o>first|second|third|fourth|fifth)\s+(?P<what>(?:[A-Z][\w-]*\s+){0,3})$")


def _ranked_reference(doc: Document, s: Sentence, agreements: list[AgreementState], kind: str, start: int) -> bool:
    """Put the rank on the buyer's party_to of the latest agreement of the kind whose name has the words ranked."""
    if " its " not in s.text and "s " not in s.text:
        return False
    rm = _IS_NTH.search(doc.text, max(s.start, start - 100), start)
    if rm is None:
        return False
    names = rm.group("what").split()
    agr = next((a for a in reversed(agreements) if a.kind == kind and a.sentence is not None
                and a.sentence.index < s.index and all(w in f"{a.name} {a.platform or ''}" for w in names)), None)
    if agr is None:
        return False
    owner = doc.last_before(rm.end("own"), "Country")
    who = owner.name if owner is not None and owner.start >= rm.start("own") else None
    facts = [f for f in doc.facts if f.predicate == "party_to" and f.object == agr.name]
    party = next((f for f in facts if f.subject == who), None) or next(
        (f for f in facts if f.qualifiers.get("role") == "buyer"), None)
    if party is None:
        return False
    party.qualifiers.setdefault("ordinal", _ORDINAL_RANK[rm.group("o").casefold()])
    party.qualifiers.setdefault("ordinal_scope", " ".join([*names, f"{kind}s of {party.subject}"]))
    return True
