"""Who "he" and "she" are: the person a subject pronoun stands for, as a mention the relation rules read.

"She met her Polish counterpart X", "He later visited the shipyard": the rules for meetings,
visits and signatures look for a person before the verb. A pronoun is resolved to the subject
of the nearest sentence before it that names a compatible person (the sentence's first person,
or the person a pronoun there stood for), looking back at most three sentences. A person is
compatible unless the article has shown the other gender: an honorific ("Mr", "Ms") or a
pronoun resolved to them before.

>>> from .mentions import Mention
>>> from .text import split_sentences
>>> text = "Defence Minister Jane Roe arrived on Monday. She met Gen. Bo Li."
>>> people = [Mention(17, 25, "Jane Roe", "Jane Roe", "Person"), Mention(53, 63, "Gen. Bo Li", "Bo Li", "Person")]
>>> [(m.surface, m.name) for m in pronoun_mentions(text, split_sentences(text), people)]
[('She', 'Jane Roe')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .mentions import Mention
from .patterns import branches_regex, is_word
from .text import Sentence

__all__ = ["firm_mentions", "nominal_mentions", "plural_mentions", "pronoun_mentions"]

# a subject pronoun followed by a word that is not a name ("He Yong-joon" is a person, "He said" a pronoun)
_PRONOUN_RE = re.compile(r"(?<![\w'’-])(?P<p>[Hh]e|[Ss]he)\s+(?=[a-z])")
_LITERALS = ("He ", "She ", " he ", " she ")  # found by ``str.find``, which a pattern's scan is far slower than


def _pronouns(text: str) -> list[re.Match[str]]:
    """Return what ``_PRONOUN_RE.finditer(text)`` yields, the pattern tried only where a literal occurs."""
    out = []
    for lit in _LITERALS:
        at = text.find(lit)
        while at >= 0:
            m = _PRONOUN_RE.match(text, at + (lit[0] == " "))
            if m is not None:
                out.append(m)
            at = text.find(lit, at + 1)
    out.sort(key=lambda m: m.start())
    return out
_MALE = frozenset("Mr Mr. Sir Lord King Prince Sheikh Sultan Emir Amir Tun Haji Pak Shri".split())
_FEMALE = frozenset("Ms Ms. Mrs Mrs. Miss Dame Queen Princess Sheikha Baroness Datin Hajah Ibu Smt. Toh Puan "
                    "Puan Sri".split())
_LOOK_BACK = 3  # sentences


def _gender_of_title(honorific: object) -> str | None:
    if not isinstance(honorific, str):
        return None
    words = set(honorific.split()) | {honorific}
    if words & _FEMALE:
        return "f"
    if words & _MALE:
        return "m"
    return None


def _in_quote(text: str, s: Sentence, at: int) -> bool:
    """Tell whether offset ``at`` lies inside a quotation opened earlier in its sentence."""
    before = text[s.start:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def pronoun_mentions(text: str, sentences: list[Sentence], persons: list[Mention]) -> list[Mention]:
    """Return a person mention for each "he" / "she" that stands for a person named before it.

    ``persons`` are the article's person mentions in order; the mentions returned carry the
    resolved person's name, the pronoun as surface and ``form="pronoun"``.
    """
    if not persons or ("he " not in text and "He " not in text):
        return []
    found_pronouns = _pronouns(text)
    if not found_pronouns:  # the persons' genders and sentences are needed only for a pronoun
        return []
    gender: dict[str, str] = {}
    for p in persons:
        g = _gender_of_title(p.attributes.get("honorific"))
        if g is not None:
            gender.setdefault(p.name, g)
    starts = [s.start for s in sentences]
    held = sorted((p.start, p.end) for p in persons)
    # per sentence: the person mentions in it (named and resolved), in order
    by_sentence: dict[int, list[Mention]] = {}
    for p in persons:
        i = bisect_right(starts, p.start) - 1
        if i >= 0:
            by_sentence.setdefault(i, []).append(p)
    out: list[Mention] = []
    for pm in found_pronouns:
        at = pm.start("p")
        j = bisect_right(held, (at, len(text) + 1)) - 1
        if j >= 0 and held[j][0] <= at < held[j][1]:
            continue
        i = bisect_right(starts, at) - 1
        if i < 0 or _in_quote(text, sentences[i], at):
            continue
        want = "f" if pm.group("p").lower() == "she" else "m"
        found: Mention | None = None
        for k in range(i, max(-1, i - _LOOK_BACK - 1), -1):
            here = [p for p in by_sentence.get(k, ()) if p.end <= at and gender.get(p.name, want) == want]
            if here:
                found = here[0]
                break
        if found is None:
            continue
        gender.setdefault(found.name, want)
        m = Mention(at, pm.end("p"), pm.group("p"), found.name, "Person", 0, {}, "pronoun")
        out.append(m)
        by_sentence.setdefault(i, []).append(m)
        by_sentence[i].sort(key=lambda x: x.start)
    return out


# "The admiral later met ...", "the minister visited ...": a post or rank named again with "the", as the subject;
# the nouns found first (as a trie), "the" checked before them
_NOMINAL_NOUNS = ("minister", "admiral", "ambassador", "secretary", "envoy", "senator", "marshal", "commander",
                  "colonel", "brigadier", "chairman", "chairwoman")
_NOMINAL_NOUN_RE = re.compile(branches_regex(((w, "") for w in _NOMINAL_NOUNS), word_start=True))
# "he minister" and the like: each found once, the "t" or "T" before it told apart by one look back
_NOMINAL_SUFFIXES = tuple(f"he {w}" for w in _NOMINAL_NOUNS)
_THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s+$")
_NOMINAL_AFTER = re.compile(r"\s+(?!of\b|for\b|to\b|and\b|or\b|in\b|at\b|on\b|who\b|whose\b|general\b|"
                            r"public\b|staff\b)(?=[a-z])")


def nominal_mentions(text: str, persons: list[Mention]) -> list[Mention]:
    """Return a person mention for each "the minister" / "the admiral" that stands for the latest person named before
    it with that post or rank ("Admiral X visited Paris. The admiral later met Y")."""
    titles: dict[str, str] = {}
    for p in persons:
        words = " ".join(str(p.attributes.get(k) or "") for k in ("role", "rank")).casefold()
        if words.strip():
            titles[p.name] = titles.get(p.name, "") + " " + words
    if not titles:  # no post or rank named: nothing to look for
        return []
    held = " ".join(titles.values())
    found_at = []
    for k, lit in enumerate(_NOMINAL_SUFFIXES):  # found by ``str.find``: a pattern's scan costs far more
        if _NOMINAL_NOUNS[k] not in held:
            continue  # a post no person holds stands for no one
        at = text.find(lit, 1)
        while at >= 0:
            t = text[at - 1]
            if t == "t" or t == "T":  # "the" or "The" before the noun, in the order the literals are listed
                found_at.append((t == "T", k, at - 1))
            at = text.find(lit, at + 1)
    if not found_at:
        return []
    found_at.sort()
    hits = []
    for _, _, at in found_at:
        nm = _NOMINAL_NOUN_RE.match(text, at + 4)
        the = _THE_BEFORE.search(text, max(0, at - 4), at + 4) if nm is not None else None
        if (nm is not None and the is not None and _NOMINAL_AFTER.match(text, nm.end())
                and not text[nm.end():nm.end() + 1].isalnum()):
            hits.append((the, nm))
    if not hits:
        return []
    out: list[Mention] = []
    for the, nm in hits:
        noun = nm.group()
        found = None
        for p in reversed(persons):
            if p.end <= the.start() and re.search(rf"\b{noun}\b", titles.get(p.name, "")):
                found = p
                break
        if found is not None:
            out.append(Mention(the.start(), nm.end(), text[the.start():nm.end()], found.name, "Person", 0, {},
                               "pronoun"))
    return out


# "the company", "the Dutch firm", "the state-owned shipbuilder": a firm named before, as the subject or object of
# a later sentence; the nouns found first (by ``str.find``), "the" and at most two modifiers checked before them
_FIRM_NOUNS = ("company", "firm", "shipbuilder", "shipyard", "group", "manufacturer", "contractor", "builder",
               "maker", "yard")
_SHIP_NOUNS = frozenset(("shipbuilder", "shipyard", "yard", "builder"))
_THE_FIRM_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s+(?:(?:[A-Z][a-z]+|state-owned|state-run|[a-z]+-based|defence|"
                              r"defense|local|privately[- ]held|family-owned|private|aerospace|arms|naval)\s+){0,2}$")
# "the group of experts", "the firm that won", "the company’s"-less descriptions that name no firm before them
_FIRM_NOT_AFTER = re.compile(r"[ \t]+(?:of|that|which|who|whose|behind|said\s+to)\b")
_SHIP_NAME = re.compile(r"Ship|Marine|Naval|Boat|Dock|Yard|Ocean|Maritime|Workboats")
_FIRM_LOOK_BACK = 3  # sentences
_ACTORS = frozenset(("Company", "Country", "Person", "GovernmentAgency", "ArmedForce", "Organisation"))


def _builds_ships(m: Mention) -> bool:
    kind = m.attributes.get("kind")
    return (isinstance(kind, str) and "ship" in kind) or _SHIP_NAME.search(m.name) is not None


def _fits(m: Mention, start: int, noun: str, states: set[str]) -> bool:
    """Tell whether firm ``m`` named before ``start`` may be what "the <noun>" (of one of ``states``) stands for."""
    return (m.end <= start and (noun not in _SHIP_NOUNS or _builds_ships(m))
            and (not states or m.attributes.get("country") in states))


def firm_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return a company mention for each "the company" / "the shipbuilder" that stands for a firm named before it.

    ``mentions`` are the article's mentions in order. A reference stands for the nearest firm before it (in its
    sentence or at most three sentences back) that fits it: a builder of ships for "the shipbuilder" and "the
    yard", a firm of the state a demonym names for "the Dutch firm". A reference with a firm's name right after it
    ("the shipbuilder Damen") or a description after it ("the firm that won") stands for no firm before it.
    """
    firms = [m for m in mentions if m.type == "Company"]
    if not firms:
        return []
    found_at: list[tuple[int, int, str]] = []
    for noun in _FIRM_NOUNS:
        at = text.find(noun)
        while at >= 0:
            end = at + len(noun)
            if text[at - 1:at] == " " and not text[end:end + 1].isalnum() and text[end:end + 1] != "-":
                found_at.append((at, end, noun))
            at = text.find(noun, end)
    if not found_at:
        return []
    found_at.sort()
    starts = [s.start for s in sentences]
    m_starts = [m.start for m in mentions]
    by_sentence: dict[int, list[Mention]] = {}
    for m in firms:
        by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append(m)
    subjects: dict[int, Mention | None] = {}

    def subject_of(k: int) -> Mention | None:
        """Return the firm sentence ``k`` is about: one that opens it, or the one "It" / "Its" there stands for."""
        if k not in subjects:
            sent = sentences[k]
            if sent.text.startswith(("It ", "Its ")):
                subjects[k] = subject_of(k - 1) if k > 0 else None
            else:
                first = next((m for m in mentions[bisect_left(m_starts, sent.start):bisect_left(m_starts, sent.end)]
                              if m.type in _ACTORS), None)
                lead = by_sentence[k][0] if by_sentence.get(k) else None
                subjects[k] = lead if lead is not None and lead.start - sent.start < 30 and (
                    first is None or first.start >= lead.start) else None
        return subjects[k]
    out: list[Mention] = []
    for at, end, noun in found_at:
        the = _THE_FIRM_BEFORE.search(text, max(0, at - 40), at) if text.rfind("he", max(0, at - 40), at) >= 0 else None
        if the is None or _FIRM_NOT_AFTER.match(text, end):
            continue
        start = the.start()
        near = mentions[bisect_left(m_starts, start - 200):bisect_left(m_starts, end + 4)]
        if any(m.start < end and start < m.end and m.type != "Country" for m in near):
            continue  # inside a name: found as something else
        if any(end <= m.start and m.type == "Company" for m in near):
            continue  # "the Dutch shipbuilder Damen": the name follows
        states = {m.name for m in near if m.type == "Country" and start <= m.start < at}
        i = bisect_right(starts, start) - 1

        target: Mention | None = None
        for k in range(i, max(-1, i - _FIRM_LOOK_BACK - 1), -1):
            subject = subject_of(k)
            here = [m for m in ([subject] if subject is not None else []) + by_sentence.get(k, [])
                    if _fits(m, start, noun, states)]
            if here:
                target = here[0]  # the firm the sentence is about, else its first that fits
                break
        if target is not None:
            ref = Mention(start, end, text[start:end], target.name, "Company", 0, dict(target.attributes), "pronoun")
            out.append(ref)
            by_sentence.setdefault(i, []).append(ref)
            by_sentence[i].sort(key=lambda x: x.start)
    return out


# "the two companies", "both firms", "the two ministers", and "they" opening a clause: two firms or two persons named
# just before; the plural nouns found first (by ``str.find``), "the two" or "both" checked before them
_PLURAL_NOUNS = {"companies": "Company", "firms": "Company", "groups": "Company", "manufacturers": "Company",
                 "shipbuilders": "Company", "contractors": "Company", "ministers": "Person", "leaders": "Person",
                 "officials": "Person", "chiefs": "Person", "commanders": "Person", "men": "Person", "women": "Person"}
_TWO_AT = re.compile(r"(?<![\w'’-])(?:[Tt]he\s+two|[Bb]oth)\s+(?:defen[cs]e\s+|army\s+|navy\s+|[a-z]+-based\s+)?"
                     rf"(?P<noun>{'|'.join(_PLURAL_NOUNS)})")
_THEY = re.compile(r"[Tt]hey[ \t]+(?=[a-z])")
# what may stand before a subject "they": a sentence's or a clause's start, "and", "but"
_THEY_LEAD = re.compile(r"(?:^|[.!?;,:\"”]\s*|\b(?:and|but|where|after|before)\s+)$")
_PAIR_BACK = 2  # sentences
# what may stand before the subject that opens a sentence: at most four capitalised words ("Defence Minister")
_CAPITALS_ONLY = re.compile(r"(?:[A-Z][\w-]*\s+){0,4}")


def _pair_of(kind: str, here: list[Mention], opening: bool, sent_start: int, text: str) -> list[Mention] | None:
    """Return the two mentions of ``kind`` that ``here`` (one sentence's mentions, in order) names; with ``opening``
    only when the first of them opens the sentence (the subject "they" stands for)."""
    of_kind = [m for m in here if m.type == kind]
    names = list(dict.fromkeys(m.name for m in of_kind))
    if len(names) != 2:
        return None
    if opening:
        first = next((m for m in here if m.type in _ACTORS), None)
        if first is None or first is not of_kind[0] or not _CAPITALS_ONLY.fullmatch(text, sent_start,
                                                                                  first.start):
            return None
    return [next(m for m in of_kind if m.name == n) for n in names]


def plural_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Return two mentions (same span, one per firm or person) for each "the two companies" / "both ministers" /
    subject "they" that stands for two firms or two persons named before it.

    "The two companies" stands for the two firms its sentence (before it) or one of the two before it names; a
    subject "they" for the two persons or firms that open the sentence just before ("A met B. They toured ...").
    """
    if "they " not in text and "They " not in text and "two " not in text and "oth " not in text:
        return []
    found: list[tuple[int, int, str, bool]] = []  # start, end, kind ("" for "they"), same sentence allowed
    for lit in ("two ", "oth "):  # "the two" and "both" are rarer than the nouns: found first
        at = text.find(lit)
        while at >= 0:
            tm = _TWO_AT.match(text, max(0, at - 4) if lit == "two " else at - 1)
            if tm is not None and not is_word(text, tm.end()):
                found.append((tm.start(), tm.end(), _PLURAL_NOUNS[tm.group("noun")], True))
            at = text.find(lit, at + 1)
    for lit in ("They ", "they "):
        at = text.find(lit)
        while at >= 0:
            if _THEY.match(text, at) and _THEY_LEAD.search(text[max(0, at - 8):at]):
                found.append((at, at + 4, "", False))
            at = text.find(lit, at + 1)
    if not found:
        return []
    starts = [s.start for s in sentences]
    m_starts = [m.start for m in mentions]
    out: list[Mention] = []
    for start, end, kind, same in sorted(found):
        i = bisect_right(starts, start) - 1
        if i < 0 or _in_quote(text, sentences[i], start):
            continue
        here = mentions[bisect_left(m_starts, sentences[i].start):bisect_left(m_starts, start)]
        pair = None
        if kind and same:
            pair = _pair_of(kind, here, False, sentences[i].start, text)
        elif not kind and text[sentences[i].start:start].strip() and here:
            continue  # "Saab said they ...": what the clause names first is the subject
        for k in range(i - 1, max(-1, i - (_PAIR_BACK if kind else 1) - 1), -1):
            if pair is not None:
                break
            sent = sentences[k]
            before = mentions[bisect_left(m_starts, sent.start):bisect_left(m_starts, sent.end)]
            for want in ([kind] if kind else ["Person", "Company"]):
                pair = _pair_of(want, before, not kind, sent.start, text)
                if pair is not None:
                    break
        if pair is not None:
            out += [Mention(start, end, text[start:end], m.name, m.type, 0, dict(m.attributes) if m.type == "Company"
                            else {}, "pronoun") for m in pair]
    return out
