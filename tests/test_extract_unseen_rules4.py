"""Rules for articles unlike the development texts, fourth round: people, organisations and their links. Every
sentence is written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels

# "he" and "she" as the subject of a meeting, a visit or a signature


def test_a_pronoun_subject_meets_and_visits_as_the_person_named_before() -> None:
    facts = _facts("OSLO – Norway's Defence Minister, Ingrid Solberg, arrived in Warsaw on Monday. She met her "
                   "Polish counterpart Tomasz Nowicki on Tuesday. Later she visited PGZ.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Ingrid Solberg", "Tomasz Nowicki")}
    assert ("Ingrid Solberg", "Polska Grupa Zbrojeniowa") in {(s, o) for s, o, _q in _rels(facts, "visited")}
    assert "She" not in next(e.aliases for e in facts.entities if e.name == "Ingrid Solberg")


def test_a_pronoun_skips_a_person_of_the_other_gender_and_a_name_spelt_like_a_pronoun() -> None:
    facts = _facts("Ms Amelia Hart, the procurement chief, was joined by Mr David Okoro in Canberra. She held talks "
                   "with Navy chief Vice Admiral Peter Lang. He Wen-li, a spokesman, said more talks were planned.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Amelia Hart", "Peter Lang")}


def test_a_pronoun_with_no_person_before_it_is_nobody() -> None:
    facts = _facts("The navy has ordered four patrol boats. He met the shipyard's managers on Friday.")
    assert _rels(facts, "met_with") == []


def test_the_person_or_pronoun_before_signed_is_a_signatory() -> None:
    facts = _facts("Estonian Defence Minister Kaarel Tamm toured the plant of Nammo on Wednesday. He later signed a "
                   "contract with Nammo for 155mm shells.")
    [agr] = _entities(facts, "Agreement")
    assert ("Kaarel Tamm", agr) in {(s, o) for s, o, _q in _rels(facts, "signed")}
    facts = _facts("Peru's army chief, General Luis Ramos, signed an agreement with Elbit Systems on Monday.")
    [agr] = _entities(facts, "Agreement")
    assert {(s, o) for s, o, _q in _rels(facts, "signed")} == {("Luis Ramos", agr)}


# a firm the lists do not know is named like one, never like a person


def test_a_name_ending_in_an_industry_word_is_a_company_not_a_person() -> None:
    facts = _facts("The ministry said Varna Aircraft would build the trainers, and Officials said Dalmatia Optronics "
                   "was a subcontractor. Andean Ammunition chief executive Lucia Paredes said the plant was ready.")
    companies = set(_entities(facts, "Company"))
    assert {"Varna Aircraft", "Dalmatia Optronics", "Andean Ammunition"} <= companies
    assert _entities(facts, "Person") == ["Lucia Paredes"]
    assert {(s, q.get("organisation")) for s, _o, q in _rels(facts, "holds_role")} == {("Lucia Paredes",
                                                                                       "Andean Ammunition")}


def test_hardware_and_a_post_ending_in_a_body_word_are_no_companies() -> None:
    facts = _facts("India plans to buy more Light Combat Aircraft and Small Arms. Assistant Secretary for Naval "
                   "Shipbuilding Karen Ward said the frigates were late.")
    assert _entities(facts, "Company") == []
    assert _entities(facts, "Person") == ["Karen Ward"]


# a group's local unit is a company of its own


def test_a_known_group_with_a_country_region_or_trade_after_it_is_its_own_unit() -> None:
    facts = _facts("Saab said on Monday that Saab India would assemble the radars. Leonardo Middle East "
                   "will support the work, and Elbit Systems Deutschland will supply optics.")
    companies = set(_entities(facts, "Company"))
    assert {"Saab", "Saab India", "Leonardo Middle East", "Elbit Systems Deutschland"} <= companies
    located = {(s, o) for s, o, _q in _rels(facts, "located_in")}
    assert {("Saab India", "India"), ("Elbit Systems Deutschland", "Germany")} <= located
    assert {(s, o) for s, o, _q in _rels(facts, "part_of")} == {("Saab India", "Saab")}


def test_a_country_in_the_possessive_after_a_company_is_not_its_unit() -> None:
    facts = _facts("The order makes Patria Estonia's largest foreign supplier.")
    assert "Patria" in _entities(facts, "Company")
    assert not any(" " in c for c in _entities(facts, "Company"))


def test_a_visit_to_a_site_of_a_firm_is_a_visit_to_the_firm() -> None:
    facts = _facts("Chile's defence minister, Rosa Vidal, visited the main assembly plant of Embraer on Friday.")
    assert {(s, o) for s, o, _q in _rels(facts, "visited")} == {("Rosa Vidal", "Embraer")}
    facts = _facts("Minister Rosa Vidal visited the plant and praised Embraer.")
    assert _rels(facts, "visited") == []


# posts written beside a name


def test_an_envoy_named_after_the_post_holds_it_for_the_state_that_sends_the_envoy() -> None:
    facts = _facts("The minister was met by Brazil's Ambassador to Japan, Helena Duarte.")
    assert {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")} == {
        ("Helena Duarte", "Ambassador to Japan", "Brazil")}


def test_its_post_belongs_to_the_body_the_sentence_before_is_about() -> None:
    facts = _facts("Saab Australia employs 900 people in Adelaide. Its managing director, Colin Reyes, said the "
                   "order would add 50 jobs.")
    assert {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")} == {
        ("Colin Reyes", "managing director", "Saab Australia")}


def test_a_name_before_a_firms_post_is_the_firm_the_post_is_held_in() -> None:
    facts = _facts("Corvid Dynamics Inc won the order. Vantor managing director Ellen Marsh said output would double, "
                   "and Group chief executive Ivan Petrov agreed.")
    roles = {(s, q.get("organisation")) for s, _o, q in _rels(facts, "holds_role")}
    assert ("Ellen Marsh", "Vantor") in roles
    assert "Group" not in _entities(facts, "Company")


# committees that question a procurement


def test_a_committee_named_in_full_is_a_government_agency_of_the_state_before_it() -> None:
    facts = _facts("On Tuesday Japan's House of Representatives Security Committee questioned officials, and the "
                   "Joint Committee on Defence Procurement met on Friday.")
    agencies = set(_entities(facts, "GovernmentAgency"))
    assert {"House of Representatives Security Committee", "Joint Committee on Defence Procurement"} <= agencies
    assert ("House of Representatives Security Committee", "Japan") in {(s, o) for s, o, _q in _rels(facts, "part_of")}


# a change of command: posts taken, given and held, written after the verb


def test_posts_named_after_appointed_served_and_took_over_are_held() -> None:
    facts = _facts("ABUJA – Major General Musa Bello was named Chief of Staff of the Nigerian Army on Monday. He "
                   "previously served as Commandant of the Nigerian Defence Academy and as head of the Army War "
                   "College. Air Vice Marshal Grace Obi takes over as commander of the Nigerian Air Force's "
                   "training command.")
    roles = {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")}
    assert ("Musa Bello", "Commandant", "Nigerian Defence Academy") in roles
    assert ("Musa Bello", "head", "Army War College") in roles
    assert any(s == "Musa Bello" and o.startswith("Chief of Staff") for s, o, _org in roles)
    assert any(s == "Grace Obi" and o.startswith("commander") for s, o, _org in roles)


def test_command_handed_over_is_held_by_both_and_a_named_person_is_not_a_post() -> None:
    facts = _facts("Vice Admiral Tomas Lind handed over command of the Swedish Navy to Rear Admiral Eva Berg on "
                   "Friday. Lind became chairman of Saab's board. The minister, who was named in the report, said "
                   "nothing.")
    roles = {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")}
    assert {("Tomas Lind", "Commander", "Swedish Navy"), ("Eva Berg", "Commander", "Swedish Navy")} <= roles
    assert ("Tomas Lind", "chairman") in {(s, o) for s, o, _org in roles}
    assert not any(o == "in the report" for _s, o, _org in roles)


def test_a_posts_body_is_never_taken_from_the_sentence_before() -> None:
    facts = _facts("MANILA – The Philippines will buy two frigates. The delegation included executives of Hanwha "
                   "Ocean.\n\nDeputy Defense Secretary Ramon "
                   "Cruz said the ministry wanted local content.")
    assert {(s, q.get("organisation")) for s, _o, q in _rels(facts, "holds_role")} == {("Ramon Cruz", "Philippines")}


def test_whose_post_belongs_to_the_body_before_it_and_a_national_post_to_the_force_of_its_state() -> None:
    facts = _facts("LIMA – The deal was welcomed by Spain's Navantia, whose chief executive Pablo Ortega called it "
                   "historic. Later, Spanish Armed Forces Minister Carmen Ruiz met Peru's minister.")
    orgs = {s: q.get("organisation") for s, _o, q in _rels(facts, "holds_role")}
    assert orgs == {"Pablo Ortega": "Navantia", "Carmen Ruiz": "Spain"}


def test_a_person_appointed_or_succeeded_is_found_and_holds_the_post_at_the_appointer() -> None:
    facts = _facts("Patria said on Tuesday that its board had appointed Helena Virtanen as chief executive officer. "
                   "She succeeds Mikko Laine, who retires in June. Virtanen joins from Nokia, where she was president "
                   "of Nokia Defence Solutions.")
    assert {"Helena Virtanen", "Mikko Laine"} <= set(_entities(facts, "Person"))
    roles = {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")}
    assert ("Helena Virtanen", "chief executive officer", "Patria") in roles
    assert ("Helena Virtanen", "president", "Nokia Defence Solutions") in roles


# who owns a firm


def test_a_firm_said_to_be_owned_by_or_a_unit_of_another_is_part_of_it() -> None:
    facts = _facts("Kestrel Avionics, a Thales subsidiary, will supply the displays. Korindo, the Indonesian "
                   "subsidiary of Hanwha Aerospace, builds the hulls. MBDA UK is majority-owned by France's MBDA. "
                   "Saab said its subsidiary Saab Kockums would build the boats. Patria is majority-owned by the "
                   "Finnish state.")
    part_of = {(s, o) for s, o, _q in _rels(facts, "part_of")}
    assert {("Kestrel Avionics", "Thales"), ("Korindo", "Hanwha Aerospace"), ("MBDA UK", "MBDA"),
            ("Kockums", "Saab")} <= part_of
    assert ("Patria", "Finland") in {(s, o) for s, o, _q in _rels(facts, "owned_by")}
    assert ("Korindo", "Indonesia") in {(s, o) for s, o, _q in _rels(facts, "located_in")}


def test_a_description_of_the_owner_by_its_state_is_not_the_state_owning_it() -> None:
    facts = _facts("Boeing Australia, the local arm of the US aircraft maker, will service the jets.")
    assert _rels(facts, "owned_by") == []


def test_a_guest_received_by_hosts_meets_each_of_them() -> None:
    facts = _facts("General Ana Costa was received by Embraer chairman and chief executive Luis Prado and by "
                   "Atech director Paulo Reis in Sao Paulo.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Ana Costa", "Luis Prado"),
                                                                 ("Ana Costa", "Paulo Reis")}


def test_a_post_after_an_acronym_of_a_state_is_read_beside_the_name_after_it() -> None:
    facts = _facts("The deal was signed in the presence of the UK Minister for Defence Procurement, Lucy Hart.")
    assert {(s, o) for s, o, _q in _rels(facts, "holds_role")} == {("Lucy Hart", "Minister for Defence Procurement")}


def test_the_post_or_rank_named_again_stands_for_the_person_who_holds_it() -> None:
    facts = _facts("Rear Admiral Joao Alves, the navy's chief of staff, arrived in Toulon on Monday. Defence Minister "
                   "Rui Gomes stayed in Lisbon. The admiral later met Naval Group chief executive Marc Perrin.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Joao Alves", "Marc Perrin")}


def test_a_president_director_is_a_post() -> None:
    facts = _facts("PT Pindad is based in Bandung. Its president director, Budi Santoso, said output would rise.")
    assert {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")} == {
        ("Budi Santoso", "president director", "PT Pindad")}


def test_a_surname_two_persons_share_stands_for_neither() -> None:
    facts = _facts("NEW DELHI: Minister Arjun Rao met Defence Secretary Vikram Anand Rao on Monday. Rao said the "
                   "talks went well.")
    assert {(s, o) for s, o, _q in _rels(facts, "met_with")} == {("Arjun Rao", "Vikram Anand Rao")}
    aliases = {e.name: e.aliases for e in facts.entities if e.type == "Person"}
    assert "Rao" not in aliases["Vikram Anand Rao"] and "Rao" not in aliases["Arjun Rao"]


def test_a_national_security_adviser_holds_a_post_of_the_state() -> None:
    facts = _facts("TOKYO – Japan's minister called on National Security Adviser Kenji Mori on Friday.")
    assert {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")} == {
        ("Kenji Mori", "National Security Adviser", "Japan")}


def test_two_persons_joined_by_and_both_visit() -> None:
    facts = _facts("Minister Omar Haddad and General Sami Nasser visited the assembly plant of Saab on Monday.")
    assert {(s, o) for s, o, _q in _rels(facts, "visited")} == {("Omar Haddad", "Saab"), ("Sami Nasser", "Saab")}
    facts = _facts("Later, Minister Omar Haddad and his Jordanian counterpart Ali Khouri visited the plant of Saab.")
    assert {(s, o) for s, o, _q in _rels(facts, "visited")} == {("Omar Haddad", "Saab"), ("Ali Khouri", "Saab")}


def test_an_agency_that_appoints_holds_the_post_and_a_former_post_is_read_after_previously() -> None:
    facts = _facts("PRETORIA – The board of Armscor has appointed Thandi Nkosi as acting chief executive. Nkosi was "
                   "previously managing director of Denel Dynamics. The committee chairperson, Sipho Mokoena, asked "
                   "why.")
    roles = {(s, o, q.get("organisation")) for s, o, q in _rels(facts, "holds_role")}
    assert ("Thandi Nkosi", "acting chief executive", "Armscor") in roles
    assert ("Thandi Nkosi", "managing director", "Denel Dynamics") in roles
    assert ("Sipho Mokoena", "committee chairperson") in {(s, o) for s, o, _org in roles}


def test_a_place_before_based_is_no_part_of_a_firms_name_and_now_part_of_is_ownership() -> None:
    facts = _facts("The boats are built by Cape Town-based Veldt Shipyards. Veldt Marine Systems, now part of "
                   "Hensoldt, makes the radars.")
    assert "Veldt Shipyards" in _entities(facts, "Company")
    assert ("Veldt Marine Systems", "Hensoldt") in {(s, o) for s, o, _q in _rels(facts, "part_of")}


def test_an_owner_the_text_names_wins_over_the_group_a_units_name_tells() -> None:
    facts = _facts("Saab Avionics Systems, now part of Hensoldt, makes the displays.")
    assert {(s, o) for s, o, _q in _rels(facts, "part_of")} == {("Saab Avionics Systems", "Hensoldt")}
