"""Rules for articles unlike the development texts, sixth round: ranked claims put on the fact they rank, events
named by a meeting's edition or as exercises, counts of troops, dates of other forms. Every sentence is written for
the test, with names the development texts do not use."""

from __future__ import annotations

from graph.extract.dates import find_dates, reference

from .test_extract_unseen_rules import _facts, _rels

# ranked claims


def test_a_ranked_order_from_a_named_company_is_that_companys_sale_to_the_one_ranked() -> None:
    facts = _facts("LISBON – Portugal last week became the third NATO member after Spain and Greece to order the "
                   "CAESAR from KNDS France.")
    sales = [(s, o, q) for s, o, q in _rels(facts, "supplies") if q.get("ordinal")]
    assert sales == [("KNDS France", "CAESAR", {"buyer": "Portugal", "ordinal": 3, "ordinal_scope": "NATO member",
                                                "after": ["Spain", "Greece"]})]


def test_a_second_ranked_clause_ranks_its_own_subject_and_its_own_platform() -> None:
    facts = _facts("Chile became the first Latin American country to order the CAESAR from KNDS France, and Peru "
                   "became the second country in South America to order the CAESAR from KNDS France.")
    ranks = sorted((q["buyer"], q["ordinal"]) for _s, _o, q in _rels(facts, "supplies"))
    assert ranks == [("Chile", 1), ("Peru", 2)]
    facts = _facts("Chile became the first Latin American country to order the Boxer from Rheinmetall, and Peru "
                   "became the second country in South America to order the CAESAR from KNDS France.")
    sales = sorted((s, o, q.get("buyer"), q.get("ordinal")) for s, o, q in _rels(facts, "supplies"))
    assert ("KNDS France", "CAESAR", "Peru", 2) in sales
    assert all(o != "CAESAR" for _s, o, buyer, _n in sales if buyer == "Chile")


def test_a_ranked_operator_or_a_deal_told_of_long_before_gets_no_rank_on_an_agreement() -> None:
    facts = _facts("NAIROBI – The Kenya Navy received its new patrol ship, built by Damen under a 2021 contract worth "
                   "about EUR 90 million. The service said it had trained its crews in the Netherlands. The Kenya "
                   "Navy thus became the first East African navy to operate a European-built warship.")
    assert not any("ordinal" in q for _s, _o, q in _rels(facts, "party_to"))
    facts = _facts("ANKARA – Turkiye signed a contract worth USD 300 million with Otokar in 2021. Turkish officials "
                   "said the vehicles would be delivered next year. Turkish firms also exhibited at the show in "
                   "Warsaw. Separately, Hungary became the second country in Europe to order the fighter.")
    assert not any("ordinal" in q for _s, _o, q in _rels(facts, "party_to"))


# events named by a meeting's edition, exercises, other editions


def test_the_numbered_meeting_of_a_joint_body_is_an_event_with_its_cochairs_place_and_day() -> None:
    facts = _facts("NEW DELHI – India and Japan reviewed their defence ties on Friday at the seventh meeting of the "
                   "India-Japan Joint Working Group on Defence Equipment and Technology Cooperation, held in New "
                   "Delhi. The meeting was co-chaired by Indian Joint Secretary Amitabh Prasad and Japanese Deputy "
                   "Director-General Kenji Sato.")
    [event] = [e for e in facts.entities if e.type == "Event"]
    assert event.attributes["edition"] == 7 and "India-Japan Joint Working Group" in event.name
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "chairs") if o == event.name} == {
        ("Amitabh Prasad", "co-chair"), ("Kenji Sato", "co-chair")}
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("New Delhi", "2026-05-08")]
    assert _rels(_facts("The fourth meeting of the committee was held in Manila."), "held_in") == []


def test_an_exercise_has_its_troops_countries_nations_and_where_and_when_it_opens() -> None:
    facts = _facts("OSLO – More than 4,500 personnel from 9 countries will take part in Exercise Northern Trident "
                   "2027, which opens in southern Norway on 2 March, the command said. Participating nations include "
                   "Norway, Denmark and the Netherlands. Northern Trident was first held in 2021 with 1,200 troops "
                   "from five countries.", date="2027-01-20")
    counts = {(o, q["unit"], q.get("lower_bound")) for s, o, q in _rels(facts, "has_participant_count")}
    assert counts == {(4500, "personnel", True), (9, "countries", None)}
    assert {s for s, o, q in _rels(facts, "participant_of") if o == "Northern Trident 2027"} == {
        "Norway", "Denmark", "Netherlands"}
    assert [(o, q) for s, o, q in _rels(facts, "held_in")] == [("Norway", {"start_date": "2027-03-02"})]


def test_a_show_with_its_long_name_and_acronym_is_one_event_and_the_last_editions_counts_are_not_its() -> None:
    facts = _facts("ABU DHABI – The International Defence Exhibition and Conference (IDEX 2027) opens next Monday "
                   "at ADNEC with more than 1,400 exhibitors, the organisers said. The 2025 edition of IDEX attracted "
                   "1,350 exhibitors and 41 national pavilions. Last year's show drew 900 delegates.",
                   date="2027-02-10")
    assert [e.name for e in facts.entities if e.type == "Event"] == ["IDEX 2027"]
    assert [o for s, o, q in _rels(facts, "has_participant_count")] == [1400]
    assert [q.get("start_date") for s, o, q in _rels(facts, "held_in")] == ["2027-02-15"]


def test_a_figure_given_to_compare_with_is_no_count_of_the_event() -> None:
    facts = _facts("SEOUL – ADEX 2027 opened on Tuesday with 550 exhibitors, compared with 480 exhibitors in 2025.",
                   date="2027-10-20")
    assert [o for s, o, q in _rels(facts, "has_participant_count")] == [550]


# dates of other forms


def test_fiscal_years_and_quarters_without_a_year_are_dates_of_the_article_s_time() -> None:
    ref = reference("2026-06-15")
    assert [d.value for d in find_dates("funds in FY2027, FY28 and the FY2026-27 budget", ref)] == [
        "2027", "2028", "2026"]
    assert [d.value for d in find_dates("due in the fourth quarter", ref)] == ["2026-Q4"]
    assert [d.value for d in find_dates("due in the second quarter of next year", ref)] == ["2027-Q2"]
    assert find_dates("sales rose in the first quarter", ref) == []  # which year's, the text does not say


def test_a_fiscal_year_is_no_platform() -> None:
    facts = _facts("OTTAWA – The Royal Canadian Navy will receive two more Kingston-class ships in FY2028, "
                   "officials said.")
    assert not any(e.name.startswith("FY") for e in facts.entities)


# partnerships raised to a level, partners of, joining an alliance


def test_a_partnership_upgraded_takes_the_new_level_from_the_day_of_the_upgrade() -> None:
    facts = _facts("JAKARTA – Indonesia and Australia have been strategic partners since 2010. The two countries "
                   "elevated their ties to a comprehensive strategic partnership in March, officials said.",
                   date="2026-05-12")
    [(a, b, q)] = _rels(facts, "partner_of")
    assert {a, b} == {"Indonesia", "Australia"}
    assert (q["level"], q["since"], q["previous_level"]) == ("comprehensive strategic partnership", "2026-03",
                                                            "strategic partners")


def test_a_partner_of_another_state_is_its_partner_with_no_date_of_the_next_clause() -> None:
    facts = _facts("India is also a comprehensive strategic partner of Egypt, and Egypt has held naval talks with "
                   "Greece since 2018.")
    assert _rels(facts, "partner_of") == [("India", "Egypt", {"level": "comprehensive strategic partnership",
                                                              "status": "existing"})]


def test_a_state_that_joined_an_alliance_is_a_member_since_then_but_not_one_that_joined_its_drills() -> None:
    facts = _facts("Finland joined NATO in April 2023, while Austria joined NATO exercises in 2021.")
    assert _rels(facts, "member_of") == [("Finland", "NATO", {"since": "2023-04"})]


# cooperation areas


def test_areas_two_states_agree_to_cooperate_in_include_maritime_domain_awareness_and_demining() -> None:
    facts = _facts("PHNOM PENH – Cambodia and Japan agreed on Monday to cooperate in maritime domain awareness, "
                   "demining and disaster relief.")
    areas = {(s, o, q.get("partner")) for s, o, q in _rels(facts, "has_cooperation_area")}
    assert areas == {("Cambodia", "maritime domain awareness", "Japan"), ("Cambodia", "demining", "Japan"),
                     ("Cambodia", "disaster relief", "Japan")}


def test_what_ministers_discussed_after_signing_is_no_area_of_what_they_signed() -> None:
    facts = _facts("Kenya's defence minister met his Turkish counterpart in Nairobi on Monday, where the two "
                   "ministers signed a memorandum of understanding on the transfer of patrol boats and discussed "
                   "counter-piracy and disaster relief.")
    assert not any(o in ("counter-piracy", "disaster relief") for s, o, q in _rels(facts, "has_cooperation_area")
                   if s not in ("Kenya", "Turkiye"))


def test_a_ranked_customer_of_a_platform_ranks_its_sale_and_those_ranked_before_are_no_parties() -> None:
    facts = _facts("ABU DHABI – The UAE became the third export customer for the Rafale after India and Qatar when "
                   "it signed a contract with Dassault Aviation in 2021.")
    assert {s for s, o, q in _rels(facts, "party_to")} == {"United Arab Emirates", "Dassault Aviation"}
    [sale] = [q for s, o, q in _rels(facts, "supplies") if (s, o) == ("Dassault Aviation", "Rafale")]
    assert (sale["buyer"], sale["ordinal"], sale["after"]) == ("United Arab Emirates", 3, ["India", "Qatar"])


def test_a_ranked_operator_of_a_platform_is_its_operator_and_a_largest_buyer_is_not_ranked() -> None:
    facts = _facts("Slovakia is the largest foreign buyer of the CV90 and the first European operator of the "
                   "UH-60 Black Hawk.")
    # the helicopter is listed under its trade name, with "UH-60 Black Hawk" as an alias
    assert [(s, o, q["ordinal"]) for s, o, q in _rels(facts, "operates")] == [("Slovakia", "Black Hawk", 1)]
    assert not any("ordinal" in r.qualifiers for r in facts.relations if r.predicate != "operates")


def test_a_ranked_signing_of_a_contract_with_a_company_is_that_companys_sale() -> None:
    facts = _facts("Serbia became the second country after Croatia to sign a contract with Dassault Aviation for "
                   "the Rafale.")
    assert [(s, o, q["buyer"], q["ordinal"]) for s, o, q in _rels(facts, "supplies")] == [
        ("Dassault Aviation", "Rafale", "Serbia", 2)]
    assert all(s != "Croatia" for s, o, q in _rels(facts, "party_to"))


def test_the_numbered_meeting_of_a_dialogue_is_that_edition_of_the_dialogue() -> None:
    facts = _facts("SEOUL – South Korea and Australia held the fourth meeting of the Korea-Australia Strategic "
                   "Defence Dialogue in Seoul on Monday.", date="2026-05-12")
    [event] = [e for e in facts.entities if e.type == "Event"]
    assert (event.name, event.attributes["edition"]) == ("4th Korea-Australia Strategic Defence Dialogue", 4)
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("Seoul", "2026-05-11")]


def test_an_event_a_state_will_host_is_held_when_the_sentence_says() -> None:
    facts = _facts("MANILA – The Philippines will host the 12th ASEAN Defence Ministers' Meeting in Manila next "
                   "month, the department said.", date="2026-05-12")
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("Manila", "2026-06")]
    facts = _facts("MANILA – The Philippines will host the Asian Maritime Security Summit 2026 in Manila next month, "
                   "the department said.", date="2026-05-12")
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("Manila", "2026-06")]


def test_an_exercise_running_across_a_region_is_held_there_from_its_first_to_its_last_day() -> None:
    facts = _facts("DARWIN – Some 4,000 personnel are taking part in Exercise Pitch Black 2026, which runs from "
                   "14 July to 2 August across the Northern Territory.", date="2026-07-15")
    assert [(o, q) for s, o, q in _rels(facts, "held_in")] == [
        ("Northern Territory", {"start_date": "2026-07-14", "end_date": "2026-08-02"})]


def test_what_the_organisers_expect_counts_for_the_show_and_who_will_open_it_takes_part() -> None:
    facts = _facts("ISTANBUL – IDEF 2027 opens on 22 July at the Istanbul Expo Center. Organisers expect some "
                   "80,000 trade visitors and about 90 official delegations. Turkish Defence Minister Yasar Guler "
                   "will open the exhibition.", date="2027-07-01")
    counts = {(o, q["unit"], q.get("approximate")) for s, o, q in _rels(facts, "has_participant_count")}
    assert counts == {(80000, "trade visitors", True), (90, "delegations", True)}
    assert [(s, o) for s, o, q in _rels(facts, "participant_of")] == [("Yasar Guler", "IDEF 2027")]


def test_a_ranked_claim_with_those_before_between_commas_or_ranked_in_the_world_is_read() -> None:
    facts = _facts("Peru was the second country, after Colombia, to order the CAESAR from KNDS France.")
    assert [(q["buyer"], q["ordinal"], q["after"]) for s, o, q in _rels(facts, "supplies")] == [
        ("Peru", 2, ["Colombia"])]
    facts = _facts("Denmark became only the third country in the world to operate the NSM from a frigate.")
    assert [(s, q["ordinal"], q["ordinal_scope"]) for s, o, q in _rels(facts, "operates")] == [
        ("Denmark", 3, "country in the world")]


def test_a_state_named_inside_a_sea_or_strait_is_no_entity() -> None:
    facts = _facts("The Indonesian and Australian navies will patrol the South China Sea and the Indian Ocean, "
                   "and later the Taiwan Strait and the Gulf of Oman.")
    assert sorted(e.name for e in facts.entities if e.type == "Country") == ["Australia", "Indonesia"]


def test_a_partnership_two_capitals_raised_dates_from_then_and_one_agreed_to_be_raised_is_planned() -> None:
    facts = _facts("Canberra and Manila elevated their relationship to a strategic partnership in 2023, and the "
                   "Philippines has since bought Australian drones.")
    assert [(q["level"], q["since"]) for s, o, q in _rels(facts, "partner_of")] == [("strategic partnership", "2023")]
    facts = _facts("Thailand and Japan agreed to upgrade their relationship to a comprehensive strategic "
                   "partnership next year.")
    assert [q["status"] for s, o, q in _rels(facts, "partner_of")] == ["planned"]


def test_a_quarter_still_to_come_lies_ahead_and_dates_the_expected_signing_not_a_later_delivery() -> None:
    ref = reference("2026-09-18")
    assert [(d.value, d.prospective) for d in find_dates("to sign in the fourth quarter of 2026", ref)] == [
        ("2026-Q4", True)]
    assert [(d.value, d.prospective) for d in find_dates("sales in the second quarter of 2026", ref)] == [
        ("2026-Q2", False)]
    facts = _facts("The Peruvian defence ministry expects to sign a contract for two more Pohang-class corvettes "
                   "in the fourth quarter, with deliveries due by the end of 2030.", date="2026-09-18")
    assert [q.get("expected_date") for s, o, q in _rels(facts, "has_status")] == ["2026-Q4"]


def test_navies_listed_as_participants_and_an_exercise_off_a_coast() -> None:
    facts = _facts("LIMA – More than 3,000 sailors are taking part in Exercise Pacific Shield 2026, which runs from "
                   "2 to 12 October off the coast of Peru. Participating navies include the Peruvian Navy and the "
                   "Ecuadorian Navy.", date="2026-09-28")
    assert {s for s, o, q in _rels(facts, "participant_of")} >= {"Peruvian Navy", "Ecuadorian Navy"}
    assert [(o, q) for s, o, q in _rels(facts, "held_in")] == [
        ("Peru", {"start_date": "2026-10-02", "end_date": "2026-10-12"})]


def test_ministers_from_so_many_countries_count_the_countries_at_the_event() -> None:
    facts = _facts("MUSCAT – Defence ministers from 28 countries attended the 5th Gulf Maritime Security Forum, "
                   "which was held in Muscat from 3 to 4 March.", date="2026-03-05")
    assert [(o, q) for s, o, q in _rels(facts, "has_participant_count")] == [(28, {"unit": "countries"})]


def test_partners_whose_sentence_goes_on_in_the_future_are_partners_already() -> None:
    facts = _facts("Egypt and Greece, strategic partners since 2020, will hold naval drills next year.")
    assert [q["status"] for s, o, q in _rels(facts, "partner_of")] == ["existing"]
    facts = _facts("A strategic partnership between Chile and Japan is expected to be announced next month.")
    assert [q["status"] for s, o, q in _rels(facts, "partner_of")] == ["planned"]


def test_a_member_since_a_year_or_the_nth_member_of_an_alliance() -> None:
    facts = _facts("Turkiye has been a member of NATO since 1952, and Finland became the 31st member of NATO in "
                   "April 2023.")
    assert sorted((s, q.get("since")) for s, o, q in _rels(facts, "member_of")) == [("Finland", "2023"),
                                                                                   ("Turkiye", "1952")]


def test_a_month_named_after_an_event_a_state_will_hold_is_the_coming_one() -> None:
    facts = _facts("LAGOS – Nigeria will hold its first defence fair, Nigeria Defence Expo 2026, in November, the "
                   "ministry said.", date="2026-05-20")
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "held_in")] == [("Lagos", "2026-11")]
