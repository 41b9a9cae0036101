"""What a platform carries, who operates it and where it comes from: equipped_with, operates,
derived_from, replaces, selected_over and inspected; building and design are in
:mod:`.platform_making`, trade in :mod:`.platform_trade`.

Each rule is a frame of the genre, tried only on sentences holding its anchor words:

* equipment: "armed with", "the main sensor will be <P>", "air defence will be provided
  by <P>", "<aircraft> has flown ... from the <ship>";
* operators: "<Force>, which operates two <P>", "<Force>, whose four <P>", "the
  <Force>'s eight <P>", "<P> has flown with <Force>";
* lineage: "<P> is a larger derivative of <Q>", "will replace the <Force>'s eight <Q>",
  "replace X with Y", "selected over <Q>", variants named by :mod:`.platform_variants`;
* "<Person> ... inspected the <P>".
"""

from __future__ import annotations

import re

from .anchors import mentions_in, sentences_with
from .document import Document
from .mentions import Mention
from .patterns import branches_regex, words_regex
from .platform_focus import NUM, coordinated, focus, mention_at, number, principal_platforms, quantity_q
from .platform_making import extract_making
from .text import Sentence

__all__ = ["extract_platform_relations"]

_ORGS = ("Company", "Country", "ArmedForce", "GovernmentAgency", "Organisation")
_OPERATORS = ("ArmedForce", "Country", "GovernmentAgency")

# the leading words as tries, the word boundary before them checked behind, so that the
# scans skip to them
_EQUIPPED_RE = re.compile(rf"{words_regex(('armed', 'equipped', 'fitted', 'outfitted'), word_start=True)}"
                          r"\s+with\s+(?:the\s+|its\s+|an?\s+)?")
_SLOT = (r"(?:sensor|radar|armament|gun|engine|powerplant|propulsion|(?:area\s+)?air\s+defen[cs]e|missile\s+system|"
         r"weapon)")
_SLOT_REST = r"s?\s+(?:will\s+be|is|are|would\s+be)\s+(?:provided\s+by\s+)?(?:the\s+)?"
# "(?:main\s+|primary\s+|principal\s+)?SLOT REST" with each first word spelled out
_ROLE_SLOT_RE = re.compile(branches_regex(
    [*((w, rf"\s+{_SLOT}{_SLOT_REST}") for w in ("main", "primary", "principal")),
     *((w, _SLOT_REST) for w in ("sensor", "radar", "armament", "gun", "engine", "powerplant", "propulsion")),
     ("area", rf"\s+air\s+defen[cs]e{_SLOT_REST}"), ("air", rf"\s+defen[cs]e{_SLOT_REST}"),
     ("missile", rf"\s+system{_SLOT_REST}"), ("weapon", _SLOT_REST)], word_start=True))
_AS_ON_RE = re.compile(r"^(?:As|Like)\s+(?:on|in|with)?\s*(?:the\s+)?(?:earlier|previous|first|existing|older)\b")
_FLOWN_FROM_RE = re.compile(r"\b(?:flown|flies|fly|operates?|operated|deployed|embarked)\b(?P<mid>[^.;]{0,60}?)"
                            r"\bfrom\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}")
_WITH_FORCE_RE = re.compile(r"\bwith\s+(?:the\s+)?")
_SINCE_RE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?P<y>(?:19|20)\d\d)\b")

_OPERATES_AFTER_RE = re.compile(rf",?\s+(?:which|that)?\s*(?:already\s+|currently\s+|also\s+)?(?:operates|flies|fields|"
                                rf"deploys|operated|has\s+operated)\s+(?:the\s+|its\s+)?(?:(?P<n>{NUM})\s+)?")
_WHOSE_RE = re.compile(rf",?\s+whose\s+(?:(?P<n>{NUM})\s+)?")
_POSSESSIVE_RE = re.compile(rf"['’]s\s+(?:(?P<n>{NUM})\s+)?(?:[a-z][\w-]*\s+){{0,2}}")
_SERVES_WITH_RE = re.compile(r"\b(?:serves?|served|has\s+served|in\s+service|flown|flies|flying|operated)\s+"
                             r"(?:with|by)\s+(?:the\s+)?")

_DERIVATIVE_RE = re.compile(r"\b(?:is|was|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:derivative|variant|version|"
                            r"development|evolution|modification)\s+of\s+(?:the\s+)?")
_REPLACE_RE = re.compile(r"\b(?P<aux>will|would|to|is\s+to|set\s+to)?\s*(?:replace|replaces|replacing)\s+(?:the\s+)?")
_REPLACE_OBJ_RE = re.compile(rf"(?:(?P<n>{NUM})\s+)?(?:[a-z][\w-]*\s+){{0,2}}")
_WITH_NEW_RE = re.compile(r"\s+(?:fleet\s+|aircraft\s+|ships\s+)?with\s+(?:the\s+|new\s+|\d+\s+)*")
_SELECTED_RE = re.compile(r"\b(?:selected|chosen|picked|preferred)\s+over\s+(?:the\s+|a\s+|an\s+)?|"
                          r"\bin\s+preference\s+to\s+(?:the\s+)?")
_PRONOUN_RE = re.compile(r"^(?:It|They|The\s+(?:ship|vessel|frigate|aircraft|jet|vehicle|system|design|type|class))\b")
_INSPECTED_RE = re.compile(r"\b(?:inspected|examined|viewed|toured|test-drove|test-fired|flew\s+in)\s+(?:the\s+|a\s+)?")



#: a word each branch of ``_ROLE_SLOT_RE`` holds, but for the air defence ones ("air" and "defen")
_SLOT_WORDS = ("sensor", "radar", "armament", "gun", "engine", "powerplant", "propulsion", "missile", "weapon")

# matched at an offset of the text: a copy of the text's rest for each is quadratic in its length
_AFTER_MAKER_RE = re.compile(r"(?:['’]s)?\s+")
_OWNER_S_RE = re.compile(r"['’]s\s+")


def _equipment(doc: Document) -> None:
    text = doc.text
    for s in sentences_with(doc, (" with ", "will be", " is ", " are ")):
        hits: list[tuple[int, re.Match[str]]] = []
        t = s.text  # each pattern scanned for only where words it needs stand
        if "with" in t and ("armed" in t or "equipped" in t or "fitted" in t):
            for em in _EQUIPPED_RE.finditer(text, s.start, s.end):
                hits.append((0, em))
        if any(w in t for w in _SLOT_WORDS) or ("air" in t and "defen" in t):
            for rm in _ROLE_SLOT_RE.finditer(text, s.start, s.end):
                hits.append((1, rm))
        for kind, hm in hits:
            pos = hm.end()
            maker = mention_at(doc, s, pos, "Company")
            if maker is not None:
                pm = _AFTER_MAKER_RE.match(text, maker.end)
                pos = pm.end() if pm else maker.end
            kit = coordinated(doc, s, pos, "Platform")
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
        if not any(w in s.text for w in ("flown", "flies", "fly", "operate", "deployed", "embarked")):
            continue  # none of the pattern's verbs
        for fm in _FLOWN_FROM_RE.finditer(text, s.start, s.end):
            ship = mention_at(doc, s, fm.end(), "Platform")
            flyers = [p for p in principal_platforms(doc, s) if p.end <= fm.start()]
            if ship is None or not flyers:
                continue
            doc.relate(ship.name, "equipped_with", flyers[-1].name, {}, s, 0.55)
            wm = _WITH_FORCE_RE.search(fm.group("mid"))
            force = mention_at(doc, s, fm.start("mid") + wm.end(), "ArmedForce") if wm else None
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
                p = mention_at(doc, s, om.end(), "Platform", slack=25 if pattern is _WHOSE_RE else 0)
                if p is not None:
                    doc.relate(f.name, "operates", p.name, quantity_q(number(om.group("n"))), s, conf)
                    break
    for s in sentences_with(doc, ("serve", "service", "flown", "flies", "flying", "operated")):
        for sm in _SERVES_WITH_RE.finditer(text, s.start, s.end):
            force = mention_at(doc, s, sm.end(), "ArmedForce")
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
            force = mention_at(doc, s, pos, "ArmedForce", "Country")
            if force is not None:
                pm = _POSSESSIVE_RE.match(text, force.end)
                pos = pm.end() if pm else force.end
                qm = pm
            else:
                qm = _REPLACE_OBJ_RE.match(text, pos)
                pos = qm.end() if qm else pos
            old = mention_at(doc, s, pos, "Platform")
            new = _subject_platform(doc, s, rm.start()) or _referred_platform(doc, s, rm.start())
            if old is not None:
                wm = _WITH_NEW_RE.match(text, old.end)
                by = mention_at(doc, s, wm.end(), "Platform") if wm else None
                new = by.name if by is not None else new
            if old is None or new is None or new == old.name:
                continue
            count = number(qm.group("n")) if qm else None
            doc.relate(new, "replaces", old.name, {"operator": force.name if force else None, "quantity": count,
                                                    "status": "planned" if rm.group("aux") else None}, s, 0.6)
            if force is not None and force.type == "ArmedForce":
                doc.relate(force.name, "operates", old.name, quantity_q(count), s, 0.55)
    for s in sentences_with(doc, (" over ", "in preference to")):
        for sm in _SELECTED_RE.finditer(text, s.start, s.end):
            loser = mention_at(doc, s, sm.end(), "Platform")
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
    owner = mention_at(doc, s, pos, *_ORGS)
    if owner is not None:
        pm = _OWNER_S_RE.match(doc.text, owner.end)
        if pm:
            pos = pm.end()
    return mention_at(doc, s, pos, "Platform")


# the determiners, counts and adjectives a platform's name may follow after an inspecting verb
_INSPECTED_MODS_RE = re.compile(
    r"(?:(?:the|a|an|its|their|his|her|our|some|several|all|both)\s+)?"
    r"(?:(?:new|newly|first|second|third|last|latest|upgraded|modernised|modernized|refurbished|modified|"
    r"completed|delivered|initial|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3}|"
    r"locally[- ]built|locally[- ]made|recently[- ]delivered|armoured|armored|prototype)\s+){0,3}")


def _inspections(doc: Document) -> None:
    for s in sentences_with(doc, ("inspected", "examined", "viewed", "toured", "test-", "flew in")):
        for im in _INSPECTED_RE.finditer(doc.text, s.start, s.end):
            p = mention_at(doc, s, im.end(), "Platform")
            if p is None:  # "inspected the new ...", "the first two ...", "its upgraded ..."
                mm = _INSPECTED_MODS_RE.match(doc.text, im.end())
                p = mention_at(doc, s, mm.end(), "Platform") if mm and mm.end() > im.end() else None
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
    families: dict[str, set[str]] = {}  # operator -> the families of what it operates
    for g in ops:
        families.setdefault(g.subject, set()).update(parents.get(str(g.object), ()))
    for f in ops:
        if str(f.object) in families[f.subject]:
            drop.add(id(f))
    doc.facts[:] = [f for f in doc.facts if id(f) not in drop]


_CHOSEN_RE = re.compile(r"\b(?:has|have|had)\s+(?:selected|chosen|picked)\s+")
_RIVAL_RE = re.compile(r"\b(?:competition|contest|tender|race|bidding)\s+(?:with|against)\b[^.;]{0,80}?\b"
                       r"(?:had\s+|has\s+)?(?:offered|proposed|pitched|bid)\s+(?:the\s+|its\s+|a\s+)?")


def _losing_bids(doc: Document) -> None:
    """"X has selected P. The selection followed a competition with Y, which had offered the Q": P over Q."""
    winner: str | None = None
    for s in doc.sentences:
        cm = _CHOSEN_RE.search(s.text) if "selected" in s.text or "chosen" in s.text or "picked" in s.text else None
        if cm:
            chosen = [p for p in mentions_in(doc, s, "Platform") if 0 <= p.start - (s.start + cm.end()) <= 60]
            winner = chosen[0].name if chosen else winner
        if winner is None or not any(w in s.text for w in ("offered", "proposed", "pitched", " bid ")):
            continue
        rm = _RIVAL_RE.search(s.text)
        loser = mention_at(doc, s, s.start + rm.end(), "Platform") if rm else None
        if loser is not None and loser.name != winner:
            doc.relate(winner, "selected_over", loser.name, {}, s, 0.55)


def extract_platform_relations(doc: Document) -> None:
    """Add the making, design, equipment, operator, lineage and inspection relations of platforms."""
    if not any(m.type == "Platform" for m in doc.mentions):
        return
    _lineage(doc)
    extract_making(doc)
    _equipment(doc)
    _operators(doc)
    _inspections(doc)
    _prune_operators(doc)
    _losing_bids(doc)


#: the plural nouns by which an article refers back to its platform ("the ships", "these jets")
_REFERRING_NOUNS = ("ships", "vessels", "frigates", "corvettes", "submarines", "aircraft", "jets", "fighters",
                    "helicopters", "vehicles", "tanks", "howitzers", "systems", "drones", "boats")
_PLURALS = "|".join(_REFERRING_NOUNS)
_EITHER_NUMBER = "|".join(n if n == "aircraft" else f"{n}?" for n in _REFERRING_NOUNS)
# "said the ships would replace ...", "the first aircraft would arrive in 2027 and replace ...": a definite
# reference to the platform the article is about, as the subject of the clause before the verb
_REFERRED_RE = re.compile(rf"\b(?:said|says|and|that|,)\s+(?:the|these|those|its|their)\s+(?:first\s+|new\s+|"
                          rf"(?:\w+\s+)?(?={_PLURALS}))?(?:{_EITHER_NUMBER})\s+(?:(?:will|would|are|is|to|could)\s+)?"
                          r"[^,;]{0,40}$")


_REFERRED_START_RE = re.compile(rf"(?:The|These|Those|Its|Their)\s+(?:first\s+|new\s+)?(?:{_PLURALS})\s+"
                                r"(?:(?:will|would|are|is|to|could)\s+)?[^,;]{0,40}")


def _referred_platform(doc: Document, s: Sentence, before: int) -> str | None:
    """Return the article's platform when the clause ending at ``before`` names it by a noun ("the ships")."""
    clause = _REFERRED_RE.search(doc.text, s.start, before) or _REFERRED_START_RE.fullmatch(doc.text, s.start, before)
    if clause is None or any(
            p.end <= before for p in principal_platforms(doc, s)):
        return None
    named = focus(doc, s)
    if named is None:  # "17 Saab Gripen fighters": a platform named with its maker
        earlier = [m for i in range(max(0, s.index - 5), s.index)
                   for m in mentions_in(doc, doc.sentences[i], "Platform")]
        named = earlier[-1].name if earlier else None
    return named
