"""Persons: names after honorifics, ranks and posts, their roles, and later short forms.

The canonical name drops honorifics, ranks and post-nominals; the verbatim form is kept
as an alias. A post written next to the name ("Defence Minister X", "X, Commander of the
Egyptian Navy,") becomes the person's role, with the text span of the body it names.

>>> [(p.name, p.attributes.get("honorific"), p.attributes.get("role")) for p in find_persons(
...     "Defence Minister Datuk Seri Mohamed Khaled Nordin said.")]
[('Mohamed Khaled Nordin', 'Datuk Seri', 'Defence Minister')]
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .firms import INDUSTRY_WORDS
from .mentions import Mention
from .patterns import branches_regex, words_regex
from .spans import Spans

__all__ = ["NAME_LO", "NAME_UP", "NATIONAL_POSTS", "find_persons", "short_forms"]

_HONORIFICS = ("Datuk Seri", "Dato' Seri", "Dato’ Seri", "Dato Seri", "Tan Sri", "Toh Puan", "Puan Sri", "Datuk",
               "Dato'", "Dato’", "Dato", "Datin", "Tun", "Tengku", "Tunku", "Haji", "Hajah", "Dr.", "Dr", "Mr.", "Mr",
               "Ms.", "Ms", "Mrs.", "Mrs", "Prof.", "Prof", "Professor", "The Hon.", "the Hon.", "Hon.",
               "His Excellency", "Her Excellency", "H.E.", "Eng.", "Ing.", "Sir", "Dame", "Shri", "Smt.", "Sri",
               "Pak", "Ibu", "Lord", "Baroness", "Ir.", "Ir", "Crown Prince", "Prince", "Princess", "Sheikh",
               "Sheikha", "Sultan", "King", "Queen", "Emir", "Amir", "Tuanku", "His Royal Highness",
               "Her Royal Highness", "His Highness", "Her Highness", "His Majesty", "Her Majesty", "HRH")
_RANKS = ("Senior Lieutenant General", "Lieutenant General", "Major General", "Brigadier General", "Lieutenant Colonel",
          "Lt. Gen.", "Lt Gen", "Lt-Gen", "Maj. Gen.", "Maj Gen", "Maj-Gen", "Brig. Gen.", "Brig Gen", "Brig-Gen",
          "Lt. Col.", "Lt Col", "Vice Admiral", "Vice Adm.", "Rear Admiral", "Rear Adm.", "Air Chief Marshal",
          "Air Vice Marshal", "Air Marshal", "Air Commodore", "Group Captain", "Wing Commander", "Field Marshal",
          "Senior Colonel", "General", "Gen.", "Gen", "Admiral", "Adm.", "Commodore", "Brigadier", "Colonel", "Col.",
          "Major", "Maj.", "Captain", "Capt.", "Commander", "Cdr.", "Cdr", "Lieutenant", "Lt.", "Sergeant", "Marshal",
          "Adm", "Col", "Capt", "Maj", "Cdre", "Rear Adm", "Vice Adm", "Sen Lt Gen", "Senior Lt Gen", "Sen Col",
          "Lt Cdr", "Air Cdre", "Gp Capt", "Wg Cdr")
_POSTNOMINALS = r"(?:,?\s+(?:MP|AO|AC|AM|OBE|CBE|KBE|MBE|DSC|CSC|RAN|RAAF|RN|USN|PhD|Jr\.?|Sr\.?)\b)*"
_LONGEST_FIRST = lambda xs: sorted(xs, key=len, reverse=True)  # noqa: E731
_RETIRED = r"(?:\s+\((?:retd|Retd|ret\.|Ret\.|rtd)\))?"
# honorifics and ranks in one trie, each with what follows it, so that the pattern starts
# with a set of first letters and the scan skips every other position
_TITLE = branches_regex([(h, r"\s+") for h in _LONGEST_FIRST(_HONORIFICS)]
                        + [(r, rf"{_RETIRED}\s+") for r in _LONGEST_FIRST(_RANKS)])
_PARTICLE = r"(?:bin|binti|bte|bt|al|el|van|von|der|de|da|di|du|le|la|dos|das|ibn|abu|a/l|a/p)"
#: the capitals and small letters names are written in, for character classes: Latin-1 and Latin Extended-A
#: letters (Ł, ś, ğ, ş, ı ...)
NAME_UP, NAME_LO = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿĀ-ž"
_NAMEWORD = (rf"(?:[{NAME_UP}][{NAME_LO}'’]+(?:-[{NAME_UP}]?[{NAME_LO}]+)*|[A-Z][a-z]?[A-Z][{NAME_LO}]+|[A-Z]\.|"
             rf"(?:al|el)-[{NAME_UP}][{NAME_LO}]+)")
_NAME = rf"{_NAMEWORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAMEWORD}){{0,4}}"
_TITLED_RE = re.compile(rf"(?P<title>{_TITLE}{_TITLE}*)(?P<name>{_NAME})(?P<post>{_POSTNOMINALS})")
_ROLE_HEAD = (r"(?:President\s+Director|president\s+director|Raksha\s+Mantri|"
              r"Prime\s+Minister|Deputy\s+Prime\s+Minister|Minister|Secretary[- ]General|"
              r"Secretary|Under-?Secretary|Chief|Commander|"
              r"Director|Director-General|Director General|Chairman|Chairwoman|Chairperson|Chair|President|"
              r"Vice[- ]President|CEO|Chief Executive|Chief Executive Officer|Managing Director|Governor|"
              r"Ambassador|Administrator|Commissioner|Head|Spokesman|Spokeswoman|Spokesperson|Envoy|Undersecretary|"
              r"Deputy|Adviser|Advisor|Officer|Attaché|Attache|Premier|Chancellor|Senator|Congressman|General Manager|"
              r"chairman|director|president|chief executive|head|commander|spokesman|spokeswoman|spokesperson|minister|"
              r"secretary|"
              r"managing director|general manager|chairperson|chairwoman|chair|chief)")
_ROLE_MOD = (r"(?:(?:National\s+Security|"
             r"Deputy|Vice|Senior|Acting|Assistant|Associate|Executive|Principal|Permanent|Parliamentary|Cabinet|"
             r"Defen[cs]e|Foreign|Home|Finance|Armed\s+Forces|Navy|Army|Air\s+Force|Industry|Industries|Trade|"
             r"deputy|vice|senior|executive|export|regional|group|country|programme|program|sales|marketing|"
             r"technical|managing|general|chief|operating|financial|defen[cs]e|foreign|finance|home|industry|committee|"
             r"board)\s+)")
_ROLE = (rf"(?:{_ROLE_MOD}{{0,3}}{_ROLE_HEAD}(?:\s+(?:and|&)\s+{_ROLE_MOD}{{0,2}}{_ROLE_HEAD})?"
         rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'’-]*){{0,6}})?)")
_ROLE_LOOSE = (rf"(?:{_ROLE_MOD}{{0,3}}{_ROLE_HEAD}(?:\s+(?:and|&)\s+{_ROLE_MOD}{{0,2}}{_ROLE_HEAD})?"
               rf"(?:\s+(?:of|for|at)\s+(?:(?:the|of|and|for|&|[A-Z][\w&'’.-]*|\([A-Z][\w&]*\)),?\s*)+?)?)")
# an envoy's post names the state the envoy is sent to ("Canada's Ambassador to Japan"): the post is held for the
# state written before it, so only the head word is the span a body is looked for in
_ENVOY = (r"(?P<envoy>(?:Deputy\s+)?(?:Ambassador|Envoy|High\s+Commissioner|Consul[- ]General|Defen[cs]e\s+Attach[ée])"
          r")\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}")
_PRE_ROLE_RE = re.compile(rf"(?P<role>{_ROLE_LOOSE}|{_ENVOY})(?:\s*,\s*(?:the\s+)?|\s+)$")
# a service's post written in lower case before the name ("the commander of the navy, Rear Admiral X", "Deputy
# commander of the land forces Major General X", "the chief of staff of the air force of Oman, General X")
_PRE_ROLE_SERVICE_RE = re.compile(
    r"(?P<role>(?:(?:[Dd]eputy|[Vv]ice|[Aa]cting|[Aa]ssistant)\s+)?(?:[Cc]hief\s+of\s+staff|[Cc]ommander|[Cc]hief|"
    r"[Hh]ead)\s+of\s+the\s+(?:army|navy|air\s+force|land\s+forces|naval\s+forces|air\s+forces|armed\s+forces|"
    r"defen[cs]e\s+forces|marine\s+corps|coast\s+guard)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)"
    r"(?P<envoy>(?!))?(?:\s*,\s*|\s+)$")  # no envoy's post: the group is there for the reader of the match
_POST_ROLE_RE = re.compile(
    rf"^\s*,\s+(?:the\s+|a\s+|an\s+)?(?P<role>(?:(?P<owner>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*)?)['’]s\s+)?"
    rf"(?:{_ROLE_MOD}{{0,3}}{_ROLE_HEAD}|head|chief)[^,.;\"“”]*)(?=[,.;]|\s+said|$)"
)
#: more verbs a named speaker takes; a name before them must not hold an organisation's word
_SPEECH_VERBS = (r"announced|welcomed|confirmed|stressed|explained|emphasi[sz]ed|urged|warned|revealed|highlighted|"
                 r"reiterated|underlined|remarked|acknowledged|insisted|disclosed|says|tells|adds")
_ORG_WORDS = frozenset("Aerospace Technologies Technology Engineering Robotics Shipyard Shipyards Shipbuilding Marine "
                       "Aviation Electronics Holdings Motors Munitions Ordnance Works Limited Ltd Inc Bhd Berhad "
                       "Ministry Agency Navy Army Forces Exhibition Summit Show Airshow Expo Institute "
                       "University Association Council Commission Bureau Administration House Street Palace "
                       "Monitor Observatory Network Forum Community".split())
# "(?<![\w'’-])" checked behind the first letter, so that the scan begins with a character class
_PLAIN_RE = re.compile(rf"(?P<name>[{NAME_UP}](?<![\w'’-].)[{NAME_LO}'’]+(?:-[{NAME_UP}]?[{NAME_LO}]+)?"
                       rf"(?:\s+(?:{_PARTICLE}\s+)?[{NAME_UP}][{NAME_LO}'’]+(?:-[{NAME_UP}]?[{NAME_LO}]+)?){{1,3}})"
                       rf"(?=\s*,\s+(?:the\s+|an?\s+)?(?:{_ROLE_MOD}{{0,3}}"
                       rf"{_ROLE_HEAD}|[A-Z][\w&-]*['’]s\s+)|\s+(?:said|told|added|stated|noted|{_SPEECH_VERBS})\b)")
_SAID_RE = re.compile(rf"{words_regex(('said', 'told', 'added'), word_start=True)}\s+(?P<name>[{NAME_UP}][{NAME_LO}'’]+"
                      rf"(?:\s+[{NAME_UP}][{NAME_LO}'’]+(?:-[{NAME_UP}]?[{NAME_LO}]+)?){{1,3}})(?![\w-])")
#: posts held for a state rather than for a body inside it
NATIONAL_POSTS = re.compile(r"\b(?:Minister|Secretary|President|Prime|Premier|Ambassador|Chancellor|Envoy|Attach|"
                            r"Mantri|National\s+Security)",
                            re.I)
_NOT_NAMES = frozenset("The This That These Those A An In On At By For And But Under With From During After Before "
                       "Ministry Department Defence Defense National Royal Chief Deputy Minister Navy Army Air "
                       "Force Officials Government Media Quotes Photo Tuesday Monday Wednesday Thursday Friday "
                       "Saturday Sunday January February March April May June July August September October "
                       "November December It He She They We Our Its Authority Agency Forces Industries Staff "
                       "Assembly Dynamics "
                       "Systems Group Corporation Company Council Office Command Guard "
                       "Later Earlier Also However Meanwhile Separately Yesterday Today Speaking According "
                       "Asked Responding Commenting".split())
_ROYAL_TITLES = frozenset("Prince Princess Sheikh Sheikha Sultan Emir Amir Tuanku".split())  # not King: "Sea King"
#: words of places and bodies named after a royal ("King Abdulaziz City", "Prince Sultan Air Base")
_NOT_NAMES_TITLED = frozenset("City Base Airport University College Road Centre Center "
                              "Hospital Stadium Mosque Palace Airbase".split())

# a post written straight before a name, with no honorific or rank ("Defence Secretary X said",
# "Polish Deputy Prime Minister and Defence Minister X said", "Minister of National Defence X")
_POST_HEADS = (r"(?:Prime\s+Minister|Minister|Secretary(?:[- ]General)?|Under-?[Ss]ecretary|Undersecretary|"
               r"Chief(?:\s+Executive(?:\s+Officer)?)?|Commander|Director(?:[- ]General)?|Chairman|Chairwoman|"
               r"Chairperson|President|Vice[- ]President|CEO|Managing\s+Director|Governor|Ambassador|Administrator|"
               r"Commissioner|Spokesman|Spokeswoman|Spokesperson|Envoy|Premier|Chancellor|Senator|General\s+Manager|"
               r"head|chief(?:\s+executive(?:\s+officer)?)?|spokesman|spokeswoman|spokesperson|managing\s+director|"
               r"chairman|president(?:\s+director)?|director|general\s+manager|Adviser|Advisor|Raksha\s+Mantri)")
_POST_MODS = (r"(?:(?:Deputy|Vice|Senior|Acting|Assistant|Associate|Executive|Principal|Permanent|Parliamentary|"
              r"Defen[cs]e|Foreign|Home|Finance|Interior|Economy|Trade|Industry|State|National\s+Security|"
              r"Armed\s+Forces|Navy|Army|Air\s+Force)\s+)")
_POST_OF_2 = (r"(?:Affairs|Defen[cs]e|Security|Industry|Industries|Procurement|Production|Trade|Economy|Finance|"
              r"Development|Cooperation|Technology|Staff|Operations|Planning|Policy|Logistics|Forces|Force)")
_POST = (rf"(?:{_POST_MODS}{{0,3}}{_POST_HEADS}(?:\s+(?:of|for)\s+(?:the\s+)?(?:National\s+|State\s+for\s+)?"
         rf"[A-Z][A-Za-z]+(?:\s+(?:and\s+)?{_POST_OF_2})?)?)")
_POSTED_NAMEWORD = (rf"[{NAME_UP}](?:[{NAME_LO}]+(?:['’][{NAME_UP}][{NAME_LO}]+)?|['’][{NAME_UP}][{NAME_LO}]+)"
                    rf"(?:-[{NAME_UP}]?[{NAME_LO}]+)*")
# two to four such words: the full name the post, appointment, counterpart and apposition rules take
_POSTED_NAME = rf"{_POSTED_NAMEWORD}(?:\s+(?:{_PARTICLE}\s+)?{_POSTED_NAMEWORD}){{1,3}}"
_POSTED_RE = re.compile(
    rf"(?<![\w'’-]){_POST}\s+(?P<name>{_POSTED_NAME})"
    rf"(?=['’]s\b|\s*[,.;:)]|\s+[a-z]|\s*$)")
_WORD_START = re.compile(r"(?<![^\s(\"“])[A-Za-z]")
# the same words as a trie, the boundary before them checked behind, so that the scan skips to their letters
_POSTED_TRIGGER = re.compile(branches_regex(
    [(w, r"\s+Manager" if w == "General" else r"\s+manager" if w == "general" else "") for w in (
        "Undersecretary", "Minister", "Secretary", "Chief", "Commander", "Director", "Chair", "President", "CEO",
        "Managing", "Governor", "Ambassador", "Administrator", "Commissioner", "Spokes", "Envoy", "Premier",
        "Chancellor", "Senator", "General", "head", "chief", "spokes", "managing", "chairman", "president",
        "director", "general", "Adviser", "Advisor", "Raksha")], word_start=True))
_POST_WORDS = frozenset("Minister Ministers Secretary Chief Commander Director Chairman President Deputy Vice "
                        "Governor Ambassador Spokesman Spokesperson General Executive Officer Prime Manager "
                        "Envoy Senator Admiral Colonel Captain Major Lieutenant Marshal".split())
_GENERAL_POST_BEFORE = re.compile(r"\b(?:Secretary|Director|Attorney|Solicitor|Inspector|Governor|Consul)\s+$")
#: a civilian post right before a bare rank word ("Minister of Defense Gen X": there "Gen" is a given name)
_CIVIL_POST_END = re.compile(r"(?:Minister|Secretary|President|Premier|Chancellor|Ambassador|Senator|"
                             r"of\s+(?:National\s+)?Defen[cs]e)\s+$")


_HONORIFIC_RE = re.compile(rf"({words_regex(_LONGEST_FIRST(_HONORIFICS))})\s*")
_RANK_RE = re.compile(rf"({words_regex(_LONGEST_FIRST(_RANKS))}{_RETIRED})\s*")


def _clean_title(title: str) -> tuple[str | None, str | None]:
    honor, rank = [], []
    rest = title.strip()
    while rest:
        m = _HONORIFIC_RE.match(rest)
        if m:
            honor.append(m.group(1))
            rest = rest[m.end():]
            continue
        m = _RANK_RE.match(rest)
        if m:
            rank.append(m.group(1))
            rest = rest[m.end():]
            continue
        break
    return (" ".join(honor) or None), (" ".join(rank) or None)


def _appointed_names(text: str) -> list[re.Match[str]]:
    """Return the names after an appointment's verb, the pattern tried only in texts that have such a verb."""
    if not any(w in text for w in ("appointed", "named", "succeed", "replac", "hired", "promoted", "elected")):
        return []
    return list(_APPOINTED_NAME_RE.finditer(text))


def _valid(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] not in _NOT_NAMES and words[-1] not in _NOT_NAMES


def _bare_name(name: str) -> bool:
    """Tell whether a name found with no honorific or rank holds no word of a post, a body or a sentence's lead."""
    words = name.split()
    return bool(words) and not any(w in _NOT_NAMES or w in _POST_WORDS or w in _ORG_WORDS for w in words)


def _firm_like(name: str) -> bool:
    """Tell whether a name ends like a firm's ("Baltic Workboats", "Harbin Aircraft"): no person's name does."""
    last = name.rsplit(None, 1)[-1]
    return last in INDUSTRY_WORDS or last in _ORG_WORDS


#: the words of a post's body that the name pattern may take for the first word of the name after the post
_BODY_WORDS = INDUSTRY_WORDS | _ORG_WORDS | frozenset("Shipbuilding Acquisition Sustainment Materiel Capability "
                                                      "Procurement Industry Policy Strategy".split())


def _posted_persons(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return names written straight after a post, without honorific or rank ("Defence Secretary X said")."""
    out: list[Mention] = []
    last_end = -1
    held = Spans(taken)
    for h in _POSTED_TRIGGER.finditer(text):
        # the post begins at its head word or at most three modifier words before it
        if h.start() < last_end:
            continue
        lo = max(0, h.start() - 60, last_end)
        starts = [*[w.start() for w in _WORD_START.finditer(text, lo, h.start())][-3:], h.start()]
        m = next((mm for mm in (_POSTED_RE.match(text, st) for st in starts) if mm is not None), None)
        if m is None:
            continue
        last_end = m.end()
        name = m.group("name")
        words = name.split()
        name_start = m.start("name")
        while len(words) > 2 and words[0] in _BODY_WORDS:
            # "Deputy Secretary for Naval Shipbuilding Tony Dalton": "Shipbuilding" ends the post
            name_start = text.index(words[1], name_start + len(words[0]))
            words = words[1:]
            name = " ".join(words)
        if (not _valid(name) or any(w in _NOT_NAMES or w in _POST_WORDS for w in words)
                or held.covers(m.start("name")) or _firm_like(name)):
            continue
        out.append(Mention(name_start, m.end("name"), text[name_start:m.end("name")], name, "Person", 2, {}))
    return out


# a name after the verb of an appointment or a succession ("appointed X as", "succeeds X, who", "replacing X.")
_APPOINTING = ("appointed", "named", "succeeds", "succeeded", "succeeding", "replaces", "replaced", "replacing",
               "hired", "promoted", "elected")
_APPOINTED_NAME_RE = re.compile(
    rf"{words_regex(_APPOINTING, word_start=True)}"
    rf"\s+(?P<name>{_POSTED_NAME})"
    rf"(?=\s+(?:as|to|who|at|from|after|in|on)\b|\s*[,.;)]|\s*$)")


# "his Turkish counterpart Yasar Guler", "her counterpart, Jane Doe": the name after the word
_COUNTERPART_RE = re.compile(
    rf"\bcounterparts?,?\s+(?P<name>{_POSTED_NAME})"
    rf"(?=['’]s\b|\s*[,.;:)]|\s+[a-z]|\s*$)")


def _counterpart_persons(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return full names written straight after "counterpart" (a bare surname is left to the short forms)."""
    out: list[Mention] = []
    for m in _COUNTERPART_RE.finditer(text):
        name = m.group("name")
        if not _bare_name(name) or any(s <= m.start("name") < e for s, e in taken):
            continue
        out.append(Mention(m.start("name"), m.end("name"), name, name, "Person", 2, {}))
    return out


def _rank_as_given_name(text: str, m: re.Match[str], rank: str | None, name: str) -> bool:
    """Tell whether a bare rank word between a civilian post and one name word is a given name."""
    return (rank is not None and " " not in rank and not rank.endswith(".") and len(name.split()) == 1
            and m.group("title").strip() == rank and bool(_CIVIL_POST_END.search(text, max(0, m.start() - 40),
                                                                                   m.start())))


def find_persons(text: str) -> list[Mention]:
    """Return person mentions with honorific, rank, post-nominals and the post written beside them."""
    out: list[Mention] = []
    for m in _TITLED_RE.finditer(text):
        name = m.group("name").rstrip(".")
        honor, rank = _clean_title(m.group("title"))
        if (honor is None and rank is None) or not _valid(name):
            continue
        if honor is not None and name.split()[-1] in _NOT_NAMES_TITLED:
            continue
        if rank == "General" and honor is None and _GENERAL_POST_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Secretary General X", "Director General X": a post, named with the posted names
        if _rank_as_given_name(text, m, rank, name):
            full = f"{rank} {name}"
            out.append(Mention(m.start(), m.end("name"), full, full, "Person", 6, {}))
            continue
        if len(name.split()) == 1 and rank is None and honor in ("Mr", "Mr.", "Ms", "Ms.", "Dr", "Dr."):
            out.append(Mention(m.start(), m.end("name"), text[m.start():m.end("name")], name, "Person", 6,
                               {"short": True}, form="short"))
            continue
        attrs = {"honorific": honor, "rank": rank, "postnominal": m.group("post").strip(" ,") or None}
        end = m.end("post") if m.group("post") else m.end("name")
        # a royal is named by one name ("King Salman", "Sultan Ibrahim"): that is the full name
        single = len(name.split()) == 1 and not (honor and honor.split()[-1] in _ROYAL_TITLES)
        if single:
            attrs["short"] = True
        out.append(Mention(m.start(), end, text[m.start():end], name, "Person", 6, attrs,
                           form="short" if single else "name"))
    taken = [(p.start, p.end) for p in out]
    posted = _posted_persons(text, taken)
    out += posted
    taken += [(p.start, p.end) for p in posted]
    if "counterpart" in text:
        paired = _counterpart_persons(text, taken)
        out += paired
        taken += [(p.start, p.end) for p in paired]
    apposed = _apposed_persons(text, taken)
    out += apposed
    taken += [(p.start, p.end) for p in apposed]
    formed = _formed_persons(text, taken)
    out += formed
    taken += [(p.start, p.end) for p in formed]
    # asked for every candidate: a scan of all names taken makes long articles quadratic
    held, starts = Spans(taken), sorted(s for s, _e in taken)
    for m in _PLAIN_RE.finditer(text):
        name = m.group("name")
        if any(w in _ORG_WORDS for w in name.split()) or _firm_like(name):
            continue
        after = bisect_right(starts, m.start())  # the first name taken that begins after this one does
        if not _valid(name) or held.covers(m.start()) or (after < len(starts) and starts[after] < m.end("name")):
            continue
        out.append(Mention(m.start(), m.end("name"), name, name, "Person", 1, {}))
    for m in _appointed_names(text):
        name = m.group("name")
        if _bare_name(name) and not held.covers(m.start("name")) and not _firm_like(name):
            out.append(Mention(m.start("name"), m.end("name"), name, name, "Person", 1, {}))
    for m in _SAID_RE.finditer(text):
        name = m.group("name")
        if _valid(name) and not held.covers(m.start("name")) and not _firm_like(name):
            out.append(Mention(m.start("name"), m.end("name"), name, name, "Person", 1, {}))
    out.sort(key=lambda m: m.start)
    prev_end = 0
    for p in out:
        _attach_role(text, p, prev_end)
        prev_end = max(prev_end, p.end)
    return out


_BREAK_RE = re.compile(r"[.!?][\"”’]?\s|[\"“”\n]")


def _attach_role(text: str, p: Mention, prev_end: int) -> None:
    # post before the name: "Defence Minister Datuk Seri X", "the Chief of Navy, Vice Admiral X"
    window_start = max(0, p.start - 160, prev_end)
    for b in _BREAK_RE.finditer(text, window_start, p.start):
        window_start = b.end()
    before = text[window_start:p.start]
    best = _PRE_ROLE_RE.search(before)
    if best is None and " of the " in before:
        best = _PRE_ROLE_SERVICE_RE.search(before)
    if best is not None:
        role = best.group("role").strip().rstrip(",").strip()
        p.attributes["role"] = role
        p.attributes["role_span"] = (window_start + best.start("role"), window_start + best.end("role"))
        if best.group("envoy"):
            p.attributes["role_span"] = (window_start + best.start("envoy"), window_start + best.end("envoy"))
        return
    m2 = _POST_ROLE_RE.match(text[p.end:p.end + 160]) or _POST_ROLE_OWNED_RE.match(text[p.end:p.end + 160])
    if m2 is None and text.startswith(", ", p.end):
        m2 = _POST_ROLE_BUILT_RE.match(text[p.end:p.end + 160])
    if m2:
        role = m2.group("role").strip()
        p.attributes["role"] = role
        p.attributes["role_span"] = (p.end + m2.start("role"), p.end + m2.end("role"))


# a post in apposition that begins with the name of its body ("X, the Damen programme director, said")
_POST_ROLE_OWNED_RE = re.compile(
    rf"^\s*,\s+(?:the\s+)?(?P<role>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*)?\s+{_ROLE_MOD}{{0,3}}{_ROLE_HEAD})(?=\s*[,.;])")


# a post built of general parts after a name: the body's name, up to two plain words and a head noun, and "at/of/for
# <Body>" ("X, the Fiji Navy logistics chief,", "X, the programme manager at DAPA,", "X, the fleet engineer,")
_BUILT_HEADS = ("manager", "chief", "head", "director", "officer", "commander", "coordinator", "lead", "leader",
                "engineer", "adviser", "advisor", "representative", "administrator", "inspector", "controller",
                "superintendent", "commandant", "supervisor", "planner", "analyst", "negotiator")
_POST_ROLE_BUILT_RE = re.compile(
    r"^\s*,\s+(?:the\s+|a\s+|an\s+)?(?!(?:former|ex|late|then|new|incoming|outgoing)\b)"
    r"(?P<role>(?:[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2}\s+)?(?:(?!(?:who|which|and|or|is|was|has|had)\b)[a-z][a-z-]+\s+)"
    rf"{{0,2}}{words_regex(_BUILT_HEADS)}"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'’-]*){0,6})?)"
    r"(?=\s*[,.;]|\s+said\b)")


def short_forms(name: str) -> list[str]:
    """Return the shorter ways a text may refer back to ``name`` (surname, first two names)."""
    words = [w for w in name.split() if not re.fullmatch(_PARTICLE, w)]
    out = []
    parts = name.split()
    if len(parts) >= 3 and parts[1] in ("bin", "binti", "ibn", "bte", "bt"):
        # "Khalid bin Salman Al Saud": "Khalid" and the family name "Al Saud", never "Saud" alone
        out.append(parts[0])
        if parts[-2] in ("Al", "Al-", "El"):
            out.append(" ".join(parts[-2:]))
            return out
    if len(parts) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[1]):
        out.append(parts[0])  # "Son Jae-il": a Korean family name comes first
    if len(words) >= 2:
        out.append(words[-1])
    if len(words) >= 3:
        out.append(" ".join(name.split()[:2]))
        out.append(" ".join(words[-2:]))  # a two-word surname ("Ortiz Vega", "Kumar Singh")
    return out


# "the chief executive of Turkey's ASFAT, Esad Cakar, said", "Brazil's defence minister, Jose Mucio,": a name set
# off by commas straight after a post
_APPOSED_RE = re.compile(
    rf",\s+(?P<name>{_POSTED_NAME})"
    rf"(?=\s*,|\s+(?:said|told|added|says)\b|\.(?:\s|$))")
_APPOSED_POST_RE = re.compile(
    rf"(?:^|\b(?:the|The|and|by|with|as|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[A-Z]{{2,5}}\s+)?|[A-Z][\w-]*['’]s\s+|"
    rf"\b(?:company|firm|group|shipbuilder|manufacturer)['’]s\s+)"  # "the company's chief executive, X,"
    rf"(?P<role>{_ROLE_LOOSE}|{_ENVOY})$")


def _apposed_persons(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return names set off by commas right after a post written before them."""
    out: list[Mention] = []
    held = Spans(taken)
    for m in _APPOSED_RE.finditer(text):
        name = m.group("name")
        if not _bare_name(name) or held.covers(m.start("name")):
            continue
        lo = max(0, m.start() - 120)
        for b in _BREAK_RE.finditer(text, lo, m.start()):
            lo = b.end()
        if _APPOSED_POST_RE.search(text, lo, m.start()) is None:
            continue
        out.append(Mention(m.start("name"), m.end("name"), name, name, "Person", 2, {}))
    return out


# a person named with no title or post, known by form: a given name and a surname that open a sentence and act
# ("Ana Lopes visited the plant", "Jonas Berg, who heads the programme, said"), or that follow "said" or "met"
# with a clause about the person ("said Pieter de Graaf, who leads the team"), or that a post in apposition
# follows ("Marta Kowalczyk, the company's programme director, said")
# verbs a person does far more often than a firm, a city or a state ("hosted", "signed", "received" are left out)
_ACT_VERBS = ("visited", "toured", "inspected", "met", "attended", "arrived", "travelled", "traveled", "chaired",
              "praised", "thanked", "spoke", "briefed", "flew", "stressed", "recalled")
_WHO_VERBS = ("heads", "headed", "leads", "led", "runs", "ran", "chairs", "commands", "commanded", "oversees",
              "oversaw", "manages", "directs", "is", "was", "has", "had", "became", "joined", "founded")
_APPOSED_NOUNS = ("director", "manager", "engineer", "spokesman", "spokeswoman", "spokesperson", "chief", "head",
                  "official", "officer", "analyst", "executive", "commander", "minister", "secretary", "president",
                  "chairman", "chairwoman", "founder", "researcher", "adviser", "advisor", "pilot", "lead", "leader")
_FORM_NAMEWORD = rf"[{NAME_UP}][{NAME_LO}]+(?:['’-][{NAME_UP}][{NAME_LO}]+)?"
_FORM_NAME = rf"{_FORM_NAMEWORD}(?:\s+(?:{_PARTICLE}\s+)?{_FORM_NAMEWORD}){{1,2}}"
# the words that tell a name acts, scanned first (a trie): the name is then looked for just before them
_FORM_TRIGGER = re.compile(branches_regex(
    [*((v, r"\b") for v in _ACT_VERBS), ("who", rf"\s+(?:{'|'.join(_WHO_VERBS)})\b"),
     *((n, r"\b[^,.]{0,60},") for n in _APPOSED_NOUNS)], word_start=True))
# what stands between the name and its trigger: a space for a verb, a comma for "who", a post in apposition
_FORM_BEFORE_VERB = re.compile(rf"(?P<name>{_FORM_NAME})\s+$")
_FORM_BEFORE_WHO = re.compile(rf"(?P<name>{_FORM_NAME})\s*,\s+$")
_FORM_BEFORE_NOUN = re.compile(rf"(?P<name>{_FORM_NAME})\s*,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}$")
# where such a name may begin: a sentence's or a dateline's start, or after "said", "met", "with", "and", "by",
# "according to"
_FORM_LEFT = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*|[–—]\s+|\b(?:said|met|with|and|by|to)\s+)$")


def _formed_persons(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return full names with no title or post, found by where they stand and what they do."""
    out: list[Mention] = []
    held = Spans(taken)
    for t in _FORM_TRIGGER.finditer(text):
        word = t.group(0).split(None, 1)[0].rstrip(",")
        before = (_FORM_BEFORE_WHO if word == "who" else _FORM_BEFORE_VERB if word in _ACT_VERBS
                  else _FORM_BEFORE_NOUN)
        lo = max(0, t.start() - (60 if before is not _FORM_BEFORE_NOUN else 120))
        if before is not _FORM_BEFORE_NOUN:
            # the word just before the trigger must be a capitalised one, checked before any pattern
            end = t.start() - 1
            while end > lo and text[end - 1] in " ,":
                end -= 1
            head = text.rfind(" ", lo, end) + 1
            if not text[head:head + 1].isupper() or not text[end - 1:end].islower():
                continue
        m = before.search(text, lo, t.start())
        if m is None:
            continue
        start, name = m.start("name"), m.group("name")
        while len(name.split()) > 2 and not _FORM_LEFT.search(text, max(0, start - 12), start):
            first = name.split()[0]  # "The Ana Lopes": the name begins after a word that cannot open it
            start = text.index(name.split()[1], start + len(first))
            name = text[start:m.end("name")]
        if not _FORM_LEFT.search(text, max(0, start - 12), start):
            continue
        words = [w for w in name.split() if not re.fullmatch(_PARTICLE, w)]
        if (len(words) < 2 or not _bare_name(name) or _firm_like(name) or held.covers(start)
                or any(w in INDUSTRY_WORDS or w in _BODY_WORDS or w in _FORM_NOT_NAMES for w in words)):
            continue
        # above a capital's mention: "Sofia" or "Victoria" opens a person's name as well as naming a city
        out.append(Mention(start, m.end("name"), name, name, "Person", 3, {}))
        pair = _FORM_BEFORE_AND.search(text, max(0, start - 50), start)
        if pair is not None and _FORM_LEFT.search(text, max(0, pair.start() - 12), pair.start()):
            # "Ana Lopes and Jonas Berg visited": the first of the two acts too
            first = pair.group("name")
            if (_bare_name(first) and not _firm_like(first) and not held.covers(pair.start())
                    and not any(w in INDUSTRY_WORDS or w in _BODY_WORDS or w in _FORM_NOT_NAMES
                                for w in first.split())):
                out.append(Mention(pair.start(), pair.end("name"), first, first, "Person", 3, {}))
    return out


_FORM_BEFORE_AND = re.compile(rf"(?P<name>{_FORM_NAME})\s+and\s+$")


#: capitalised words that open sentences or name things but no person ("North Korea", "Eastern Command")
_FORM_NOT_NAMES = frozenset("North South East West Northern Southern Eastern Western Central New Old Great United "
                            "Saudi Upper Lower Greater Little Port Fort Saint San Santa Mount Lake Cape Gulf Bay "
                            "Sea Ocean River Island Islands Harbour Harbor Airport Base Camp Station Yard Plant "
                            "Factory Works Republic Kingdom State States Union Federation Emirates Officials "
                            "Several Many Some Both Two Three Four Five Six Seven Eight Nine Ten Last Next First "
                            "Second Third Each Every Other Such Most All Another Russian Ukrainian Chinese".split())
