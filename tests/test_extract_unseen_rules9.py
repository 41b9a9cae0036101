"""Rules for articles unlike the development texts, ninth round: agreements between firms, a second agreement in
the sentence of a first, the body that announces an agreement, and deliveries written as nouns. Every sentence is
written for the test, with names the development texts do not use."""

from __future__ import annotations

from .test_extract_unseen_rules import _entities, _facts, _rels

# a state that only describes a firm is no party


def test_a_state_describing_a_firm_is_no_party_to_the_firms_agreement() -> None:
    facts = _facts("OSLO – Kongsberg and the US contractor signed a teaming agreement on Monday. Later, Patria, "
                   "Nammo's Finnish partner, agreed to assemble launchers under an industrial agreement signed in "
                   "2019.",
                   date="2026-03-10")
    parties = {(s, o) for s, o, q in _rels(facts, "party_to")}
    assert not any(s in ("United States", "Finland") for s, _o in parties)
    assert {s for s, _o in parties} == {"Kongsberg", "Patria", "Nammo"}


def test_a_teaming_agreement_between_two_firms_makes_neither_buyer_nor_supplier() -> None:
    facts = _facts("ROME – Leonardo signed a teaming agreement with Hensoldt to support the Eurofighter fleet of "
                   "the Italian Air Force.", date="2026-03-10")
    roles = {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")}
    assert roles == {("Leonardo", None), ("Hensoldt", None)}
    assert _rels(facts, "supplies") == []
    facts = _facts("ROME – Leonardo signed a contract with Hensoldt to buy 40 radars.", date="2026-03-10")
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")} == {("Leonardo", "buyer"),
                                                                           ("Hensoldt", "supplier")}


# a second, earlier agreement in the sentence of a first one


def test_the_contract_an_mou_follows_is_an_agreement_of_its_own_with_value_date_and_supplier() -> None:
    facts = _facts("JAKARTA – Indonesia and France signed a memorandum of understanding on submarines on Monday. "
                   "The MoU follows a US$1.2 billion contract signed in 2022 for two Scorpene submarines with Naval "
                   "Group, the French shipbuilder.", date="2026-03-10")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 2
    earlier = next(a for a in agreements if a.endswith("(2022)"))
    later = next(a for a in agreements if a != earlier)
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to") if o == earlier} == {
        ("Indonesia", "buyer"), ("Naval Group", "supplier")}
    assert [(o, q) for s, o, q in _rels(facts, "has_value") if s == earlier] == [("1200000000 USD", {})]
    assert [(o, q.get("date")) for s, o, q in _rels(facts, "has_status") if s == earlier] == [("signed", "2022")]
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "covers") if s == earlier] == [("Scorpene", 2)]
    assert (earlier, later, {}) in _rels(facts, "precedes")
    # the later agreement keeps its own facts: no value or 2022 date of the earlier one
    assert not [o for s, o, q in _rels(facts, "has_value") if s == later]
    assert {(s, q.get("date")) for s, o, q in _rels(facts, "party_to") if o == later} == {
        ("Indonesia", "2026-03-09"), ("France", "2026-03-09")}


def test_an_agreement_the_two_firms_signed_earlier_has_both_firms_as_parties() -> None:
    facts = _facts("STOCKHOLM – Saab and Kongsberg signed a teaming agreement on Tuesday. The agreement builds on a "
                   "memorandum of understanding the two companies signed in 2021 to study a coastal missile.",
                   date="2026-03-12")
    mou = [a for a in _entities(facts, "Agreement") if a.endswith("(2021)")]
    assert len(mou) == 1
    assert {s for s, o, q in _rels(facts, "party_to") if o == mou[0]} == {"Saab", "Kongsberg"}


def test_one_agreement_written_twice_or_without_a_year_of_its_own_is_not_split() -> None:
    for text in ("MADRID – Spain signed a contract with Navantia for four frigates on Monday. The contract follows "
                 "a decision taken by the cabinet last month.",
                 "MADRID – Spain signed a contract with Navantia for four frigates on Monday. The deal follows a "
                 "contract for two tankers.",
                 "MADRID – Spain signed a contract with Navantia for four frigates on Monday. The contract follows "
                 "an agreement in principle reached in 2025.",
                 "MADRID – Spain signed a contract with Navantia for four frigates on Monday. The contract follows "
                 "an agreement signed in January."):
        assert len(_entities(_facts(text, date="2026-03-10"), "Agreement")) == 1, text


# deliveries written as nouns


def test_a_delivery_noun_with_its_recipient_is_a_supply_with_count_and_expected_date() -> None:
    facts = _facts("SANTIAGO – The delivery of 24 Hanwha Aerospace K9 howitzers to the Chilean Army is expected in "
                   "October, the ministry said.", date="2026-06-02")
    assert _rels(facts, "supplies") == [("Hanwha Aerospace", "K9", {"buyer": "Chile", "end_user": "Chilean Army",
                                                                    "quantity": 24, "status": "expected",
                                                                    "expected_date": "2026-10"})]
    facts = _facts("SANTIAGO – The delivery of 24 Kestrel LMV vehicles to the Chilean Army is expected in "
                   "October, the ministry said.", date="2026-06-02")
    assert [(s, o, q.get("end_user")) for s, o, q in _rels(facts, "buys")] == [("Chile", "Kestrel LMV",
                                                                                 "Chilean Army")]


def test_deliveries_of_the_rest_of_an_order_go_to_the_buyer_of_the_earlier_sale() -> None:
    facts = _facts("HANOI – The Vietnam People's Navy received three Gepard frigates from Zelenodolsk Shipyard "
                   "in 2025. Deliveries of the remaining two Gepard ships are due in 2028, officials said.",
                   date="2026-06-02")
    ahead = [(s, q) for s, o, q in _rels(facts, "supplies") if q.get("status") == "expected"]
    assert ahead == [("Zelenodolsk Shipyard", {"buyer": "Vietnam People's Navy", "quantity": 2,
                                                "status": "expected", "expected_date": "2028"})]


def test_taking_delivery_with_no_from_uses_the_maker_before_the_name_or_the_known_seller() -> None:
    facts = _facts("DOHA – Qatar took delivery of the first two of 16 Boeing F-15QA fighters in March.",
                   date="2026-06-02")
    assert _rels(facts, "supplies") == [("Boeing", "F-15QA", {"buyer": "Qatar", "quantity": 2,
                                                              "status": "delivered", "date": "2026-03"})]
    facts = _facts("ATHENS – Greece signed a contract with Dassault Aviation for six Rafale jets for the Hellenic "
                   "Air Force in 2021. The Hellenic Air Force took delivery of its last Rafale in January.",
                   date="2026-06-02")
    done = [(s, q) for s, o, q in _rels(facts, "supplies") if q.get("status") == "delivered"]
    assert done == [("Dassault Aviation", {"buyer": "Greece", "end_user": "Hellenic Air Force",
                                           "status": "delivered", "date": "2026-01"})]


def test_a_delivery_noun_with_no_act_or_no_platform_adds_no_supply() -> None:
    for text in ("LIMA – The contract covers the delivery of 12 KAI KT-1 trainers to the Peruvian Air Force.",
                 "LIMA – The delivery of the documents to the Peruvian Air Force is expected in May."):
        assert _rels(_facts(text, date="2026-06-02"), "supplies") == [], text


# the agreement of a headline is the body's


def test_a_headlines_agreement_is_the_one_the_body_tells_of() -> None:
    facts = _facts("Chile and Spain sign frigate support deal\n\nSANTIAGO – Chile signed a US$300 million support "
                   "contract with Navantia on Monday, the navy said.", date="2026-03-10")
    [agreement] = [e for e in facts.entities if e.type == "Agreement"]
    assert "support deal" in agreement.aliases
    assert {s for s, o, q in _rels(facts, "party_to")} == {"Chile", "Navantia"}
    facts = _facts("Estonia and Finland sign MoU on coastal defence\n\nTALLINN – Estonia and Finland signed a "
                   "memorandum of understanding on coastal defence on Monday.", date="2026-03-10")
    assert _entities(facts, "Agreement") == ["Estonia–Finland MoU (2026)"]


def test_a_headline_of_many_contracts_or_of_other_parties_keeps_its_own_agreement() -> None:
    facts = _facts("Defence show closes with EUR 3bn in contracts\n\nATHENS – Greece signed a EUR 200 million "
                   "contract with Intracom Defense for radios on Monday.", date="2026-03-10")
    assert not any("contracts" in e.aliases for e in facts.entities if e.type == "Agreement"
                   and ("Greece", e.name, {"role": "buyer", "status": "signed", "date": "2026-03-09"})
                   in _rels(facts, "party_to"))
    facts = _facts("Peru and Chile sign MoU on patrol boats\n\nLIMA – Colombia and Ecuador signed a memorandum of "
                   "understanding on river patrols on Monday.", date="2026-03-10")
    assert len(_entities(facts, "Agreement")) == 2


# the body that announces an agreement others made is no party


def test_a_body_announcing_that_others_signed_is_no_party() -> None:
    facts = _facts("BUCHAREST – Romania's Ministry of National Defence announced on Friday that Romarm and "
                   "Rheinmetall had signed a cooperation agreement on ammunition.", date="2026-03-10")
    assert {s for s, o, q in _rels(facts, "party_to")} == {"Romarm", "Rheinmetall"}
    facts = _facts("BUCHAREST – Romania's Ministry of National Defence announced on Friday that it had signed a "
                   "contract with Rheinmetall for ammunition.", date="2026-03-10")
    assert "Ministry of National Defence (Romania)" in {s for s, o, q in _rels(facts, "party_to")}


# agreements named by what they are about


def test_an_agreement_named_by_its_subject_is_an_agreement() -> None:
    for text, kind in (("TOKYO – Japan and the Philippines signed a reciprocal access agreement on Monday.",
                        "agreement"),
                       ("TOKYO – Japan and India signed a security agreement on Monday.", "agreement"),
                       ("TOKYO – Japan and Australia signed a logistics support arrangement on Monday.",
                        "agreement")):
        facts = _facts(text, date="2026-03-10")
        assert [e.attributes.get("agreement_type") for e in facts.entities if e.type == "Agreement"] == [kind], text
        assert len(_rels(facts, "party_to")) == 2, text


# who awards a contract, and to whom


def test_a_contract_awarded_to_a_company_has_it_as_supplier_and_the_awarder_as_buyer() -> None:
    facts = _facts("CANBERRA – The Department of Defence awarded a A$300 million contract to Austal on Monday for "
                   "patrol boats.", date="2026-03-10")
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")} == {
        ("Department of Defence (Australia)", "buyer"), ("Austal", "supplier")}
    facts = _facts("OTTAWA – Canada awarded Irving Shipbuilding a contract for two support ships on Monday.",
                   date="2026-03-10")
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")} == {("Canada", "buyer"),
                                                                           ("Irving Shipbuilding", "supplier")}


def test_a_force_that_only_describes_the_agency_after_it_is_no_party() -> None:
    for lead in ("The Polish Army procurement office, the Armament Agency,",
                 "The Polish Army's buyer, Armament Agency,"):
        facts = _facts(f"WARSAW – {lead} awarded a PLN 300 million contract to Huta Stalowa Wola on Monday.",
                       date="2026-03-10")
        assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to")} == {
            ("Armament Agency", "buyer"), ("Huta Stalowa Wola", "supplier")}, lead


def test_a_delivery_leaves_the_sale_told_before_as_it_was() -> None:
    facts = _facts("BUCHAREST – Romania's Ministry of National Defence signed a contract with Hanwha Aerospace in "
                   "2024 for 54 K9 howitzers. The delivery of the remaining 18 K9 howitzers to the Romanian Land "
                   "Forces is expected by the end of 2026. Romania took delivery of its first six K9 howitzers in "
                   "May.", date="2026-06-02")
    sales = sorted((q.get("quantity"), q.get("status"), q.get("end_user"), q.get("expected_date") or q.get("date"))
                   for s, o, q in _rels(facts, "supplies") if s == "Hanwha Aerospace")
    assert sales == [(6, "delivered", None, "2026-05"), (18, "expected", "Romanian Army", "2026"),
                     (54, "contracted", None, "2024")]


def test_a_headline_delivery_is_not_a_delivery_of_its_own() -> None:
    facts = _facts("Chile takes delivery of first Hanwha Aerospace K9 howitzers\n\nSANTIAGO – The Chilean Army took "
                   "delivery of six K9 howitzers from Hanwha Aerospace on Monday.", date="2026-06-02")
    assert len(_rels(facts, "supplies")) == 1


# "the new contract" after an older one was told


def test_the_new_contract_is_the_latest_one_not_the_one_told_last() -> None:
    facts = _facts("HELSINKI – Finland signed a contract with Patria for 91 vehicles on Monday. It follows a EUR 400 "
                   "million contract signed in 2019 for 160 vehicles. The ministry said the new contract would be "
                   "funded from the 2027 budget.", date="2026-03-10")
    owner = [e.name for e in facts.entities if e.type == "Agreement" and "the new contract" in e.aliases]
    assert len(owner) == 1 and owner[0].endswith("(2026)")


def test_the_platform_deal_is_the_agreement_told_just_before_when_that_one_named_no_platform() -> None:
    facts = _facts("BOGOTA – Colombia signed a contract with Saab on Monday, the ministry said. The Gripen deal is "
                   "worth US$3.5 billion.", date="2026-03-10")
    [agreement] = _entities(facts, "Agreement")
    assert [(s, o) for s, o, q in _rels(facts, "covers")] == [(agreement, "Gripen")]
    assert [s for s, o, q in _rels(facts, "has_value")] == [agreement]


def test_an_earlier_agreement_that_it_follows_precedes_the_one_told_before() -> None:
    facts = _facts("HELSINKI – Finland signed a contract with Patria for 91 vehicles on Monday. It follows a EUR 400 "
                   "million contract signed in 2019 for 160 vehicles.", date="2026-03-10")
    [(earlier, later, _q)] = _rels(facts, "precedes")
    assert earlier.endswith("(2019)") and later.endswith("(2026)")
    facts = _facts("HELSINKI – Finland signed a contract with Patria for 91 vehicles on Monday. A separate "
                   "contract signed in 2019 covered 160 vehicles.", date="2026-03-10")
    assert _rels(facts, "precedes") == []


# two agreements in two clauses of one sentence


def test_two_signings_in_one_sentence_are_two_agreements_each_with_its_own_facts() -> None:
    facts = _facts("JAKARTA – Naval Group signed a EUR 2 billion contract with the Indonesian Navy for two Scorpene "
                   "submarines, while Dassault Aviation signed a deal with Serbia for 12 Rafale jets.",
                   date="2026-03-10")
    agreements = _entities(facts, "Agreement")
    assert len(agreements) == 2
    covers = {s: (o, q.get("quantity")) for s, o, q in _rels(facts, "covers")}
    parties = {(s, o) for s, o, q in _rels(facts, "party_to")}
    scorpene = next(a for a in agreements if covers.get(a, ("",))[0] == "Scorpene")
    rafale = next(a for a in agreements if covers.get(a, ("",))[0] == "Rafale")
    assert covers[scorpene] == ("Scorpene", 2) and covers[rafale] == ("Rafale", 12)
    assert {p for p, a in parties if a == scorpene} == {"Naval Group", "Indonesian Navy"}
    assert {p for p, a in parties if a == rafale} == {"Dassault Aviation", "Serbia"}
    assert [s for s, o, q in _rels(facts, "has_value")] == [scorpene]


def test_one_agreement_with_a_clause_that_signs_nothing_new_stays_whole() -> None:
    facts = _facts("JAKARTA – Naval Group signed a EUR 2 billion contract with the Indonesian Navy for two Scorpene "
                   "submarines, and the navy said the first would arrive in 2030.", date="2026-03-10")
    assert len(_entities(facts, "Agreement")) == 1
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "covers")] == [("Scorpene", 2)]


def test_an_earlier_agreement_with_the_same_yard_has_the_later_ones_buyer_and_supplier() -> None:
    facts = _facts("LISBON – The Portuguese Navy signed a contract with Damen Shipyards on Monday. The deal follows "
                   "a EUR 90 million agreement signed in 2022 for two hydrographic ships with the same yard.",
                   date="2026-03-10")
    earlier = next(a for a in _entities(facts, "Agreement") if a.endswith("(2022)"))
    assert {(s, q.get("role")) for s, o, q in _rels(facts, "party_to") if o == earlier} == {
        ("Portuguese Navy", "buyer"), ("Damen Shipyards", "supplier")}


def test_a_count_of_ships_is_no_order_of_the_fighter_told_before() -> None:
    facts = _facts("ACCRA – Ghana has ordered Super Tucano aircraft from Embraer. The Ghana Navy signed a contract "
                   "with Damen Shipyards for two patrol vessels.", date="2026-03-10")
    # the aircraft order covers the aircraft; the yard's contract covers none of them
    assert [s for s, o, q in _rels(facts, "covers") if o == "Super Tucano"] == [
        "Ghana–Embraer Super Tucano contract (2026)"]
    # the yard supplies the vessels it was contracted for (counted by type), never the fighter
    assert [(o, q.get("quantity")) for s, o, q in _rels(facts, "supplies") if s == "Damen Shipyards"] == [
        ("Patrol vessel", 2)]


def test_an_approval_of_another_platforms_purchase_is_no_status_of_the_agreement_before() -> None:
    text = ("CANBERRA – The Royal Australian Navy signed a contract with Thales Australia for sonars in 2024. "
            "The National Security Committee of Cabinet approved the purchase of {} on Tuesday.")
    facts = _facts(text.format("12 MQ-4C Triton drones"), date="2026-03-10")
    assert [o for s, o, q in _rels(facts, "has_status") if o == "approved"] == []


def test_a_source_or_a_body_that_tells_of_the_signing_is_no_party() -> None:
    for text in ("RIYADH – According to GAMI, SAMI and Hanwha Aerospace signed a contract for howitzers.",
                 "RIYADH – GAMI announced the signing of a contract between SAMI and Hanwha Aerospace for howitzers.",
                 "RIYADH – GAMI welcomed the contract signed by SAMI and Hanwha Aerospace for howitzers."):
        facts = _facts(text, date="2026-03-10")
        assert {s for s, o, q in _rels(facts, "party_to")} == {"Saudi Arabian Military Industries",
                                                                "Hanwha Aerospace"}, text
    facts = _facts("RIYADH – GAMI announced a contract with Hanwha Aerospace for howitzers.", date="2026-03-10")
    assert "General Authority for Military Industries" in {s for s, o, q in _rels(facts, "party_to")}
