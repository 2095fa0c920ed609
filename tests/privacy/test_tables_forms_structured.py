"""Personal data in table rows and records (own examples): CSV with commas and quotes, fixed-width
lists, short keys, phone columns, and numbers in tables that are no pupil or phone numbers.

Each text marks what must be found as ``[[TYPE:surface]]``; every mark must come back exactly,
and no other finding of a marked type may overlap unmarked text of that type's negatives."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans



FOUND = {
    "comma CSV with quoted cells, surnames that are words": (
        '"Nachname","Vorname","Geburtsdatum","Klasse"\n'
        '"[[PERSON:Brenner]]","[[PERSON:Matteo]]","[[DATE_OF_BIRTH:07.02.2016]]","3b"\n'
        '"[[PERSON:Hahn]]","[[PERSON:Leni]]","[[DATE_OF_BIRTH:30.11.2015]]","3b"\n'
        '"[[PERSON:Fuchs]]","[[PERSON:Jonte]]","[[DATE_OF_BIRTH:14.05.2016]]","3a"'),
    "comma CSV without quotes, an empty cell": (
        "Nachname,Vorname,Klasse,Telefon,E-Mail\n"
        "[[PERSON:Graf]],[[PERSON:Emil]],5a,[[PHONE_NUMBER:030 4481220]],[[EMAIL_ADDRESS:graf.family@example.de]]\n"
        "[[PERSON:Sommer]],[[PERSON:Nele]],5a,[[PHONE_NUMBER:030 4419873]],\n"
        "[[PERSON:Berg]],[[PERSON:Jakob]],5b,,[[EMAIL_ADDRESS:j.berg@example.de]]"),
    "fixed width in capitals, a birth date YYYYMMDD": (
        "KDNR    NACHNAME            VORNAME      GEBDAT    GRUPPE\n"
        "K-0411  [[PERSON:KRAUSE]]              [[PERSON:JONAS]]        [[DATE_OF_BIRTH:20210412]]  Igel\n"
        "K-0412  [[PERSON:BAUMANN]]             [[PERSON:LEA-SOPHIE]]   [[DATE_OF_BIRTH:20201130]]  Igel\n"
        "K-0429  [[PERSON:FISCHER]]             [[PERSON:ELIF]]         [[DATE_OF_BIRTH:20210101]]  Bären"),
    "fixed width, a noun surname under NACHNAME": (
        "NACHNAME            VORNAME        GEBURTSDATUM\n"
        "[[PERSON:WEBER]]               [[PERSON:ANTON]]          [[DATE_OF_BIRTH:01.02.2017]]\n"
        "[[PERSON:KOCH]]                [[PERSON:SELIN]]          [[DATE_OF_BIRTH:22.06.2016]]\n"
        "[[PERSON:VOGEL]]               [[PERSON:BEN]]            [[DATE_OF_BIRTH:13.12.2016]]"),
    "case list: a case worker column, case numbers left alone": (
        "Fall-Nr.|Kind|Geb.-Datum|Fachkraft|Frist\n"
        "F-2026-0113|[[PERSON:Noah Lindner]]|[[DATE_OF_BIRTH:2016-03-14]]|[[PERSON:Brandt]]|2027-04-15\n"
        "F-2026-0127|[[PERSON:Amira Haddad]]|[[DATE_OF_BIRTH:2019-11-02]]|[[PERSON:Kessler]]|2027-04-30"),
    "short keys vn/nn in JSON": (
        '[{"snr": "[[STUDENT_ID:31-0457]]", "vn": "[[PERSON:Lotta]]", "nn": "[[PERSON:Wolf]]", "kl": "7b"},\n'
        ' {"snr": "[[STUDENT_ID:31-0462]]", "vn": "[[PERSON:Emir]]", "nn": "[[PERSON:Hodžić]]", "kl": "7b"}]'),
    "a name in another script under a name key": (
        '{"name": "[[PERSON:李娜]]", "rolle": "Mutter", "tel": "[[PHONE_NUMBER:+86 139 1234 5678]]"}'),
    "key=value with erziehungsberechtigt": (
        "kind_vn=[[PERSON:Ole]];kind_nn=[[PERSON:Stein]];erziehungsberechtigt=[[PERSON:Maren Stein]]"),
    "phone number without blanks in a phone column": (
        "Schüler/in\tErziehungsberechtigte\tTelefon\tBemerkung\n"
        "[[PERSON:Jonas Bäcker]]\t[[PERSON:Ute Bäcker]]\t[[PHONE_NUMBER:02014478123]]\tAllergie\n"
        "[[PERSON:Marie Schäfer]]\t[[PERSON:Olaf Schäfer]]\t[[PHONE_NUMBER:0201-77 31 09]]\t"),
    "a header row ending in Telefon, pupil numbers in the first column": (
        "Schüler-Nr.;Nachname;Vorname;Telefon\n"
        "[[STUDENT_ID:2021-00412]];[[PERSON:Lindqvist]];[[PERSON:Maja]];[[PHONE_NUMBER:0511 4478123]]\n"
        "[[STUDENT_ID:2021-00419]];[[PERSON:Haidari]];[[PERSON:Omid]];[[PHONE_NUMBER:0176 22814590]]"),
    "a phone number of five groups": "Mutter tagsüber unter [[PHONE_NUMBER:0160-2 44 71 90 3]] erreichbar.",
    "lower-case street with an adjective": "wir wohnen jetzt [[ADDRESS:obere kirchgasse 3]], klingel links",
    "lower-case street word alone after an adjective": "treffen bei [[ADDRESS:breite str. 7]] um 9",
    "a drawn table: the header above the rule line": (
        "+----------+------------------+----------+\n"
        "| Ausweis  | Schüler/in       | Fach     |\n"
        "+----------+------------------+----------+\n"
        "| SN 40112 | [[PERSON:Jäger, Malte]]     | Bio      |\n"
        "| SN 40118 | [[PERSON:Roux, Amélie]]     | Chemie   |\n"
        "+----------+------------------+----------+\n"
        "Ausweis = Schülernummer"),
    "phone numbers glued to their labels": "kontakt tel[[PHONE_NUMBER:0201 4478123]] oder mobil[[PHONE_NUMBER:0172 5566778]]",
    "a phone column of a comma CSV, the number after a pupil number": (
        "first_name,last_name,student_id,guardian_phone\n"
        "[[PERSON:Noor]],[[PERSON:Bakr]],[[STUDENT_ID:ST-20931]],[[PHONE_NUMBER:0151 3344556]]\n"
        "[[PERSON:Karl]],[[PERSON:Brandt]],[[STUDENT_ID:ST-20944]],[[PHONE_NUMBER:0160 9988776]]"),
    "an INI section about a pupil, its generic number key": (
        "[schueler]\nnr = [[STUDENT_ID:4471-2025]]\nname = [[PERSON:Tarek Aziz]]\n[schule]\nnr = 166370"),
    "a pupil key glued to its value in a log line": (
        '2027-02-03 09:14:02 WARN sid:[[STUDENT_ID:20447]] vn:Tom nn:Brückner msg:"Foto fehlt"'),
    "a duty roster: persons in the rows of a duty label": (
        "KW 12 | Mo | Di | Mi | Do | Fr\n"
        "Aufsicht Hof | [[PERSON:Koch]] | [[PERSON:Engel]] | [[PERSON:Vogel]] | [[PERSON:Koch]] | [[PERSON:Hahn]]\n"
        "Aufsicht Mensa | [[PERSON:Fink]] | [[PERSON:Stein]] | entfällt | [[PERSON:Fink]] | [[PERSON:Bauer]]"),
    "an export typed in lower case": (
        "nachname;vorname;klasse\n[[PERSON:schmidt]];[[PERSON:lea]];2b\n[[PERSON:yilmaz]];[[PERSON:can]];2b"),
}


@pytest.mark.parametrize("marked", FOUND.values(), ids=FOUND.keys())
def test_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


NOT_FOUND = {
    "case numbers in a title line with the delimiter": (
        ("STUDENT_ID",),
        "Fallliste (Export, Trenner |)\nFallnummer|Kind|Frist\nF-2026-00077|Hodan Abdi|2027-02-03\n"
        "F-2026-00131|Luka Petrović|2027-02-10"),
    "receipt numbers with an area-code shape": (
        ("PHONE_NUMBER", "STUDENT_ID"),
        "Posten;Betrag;Beleg-Nr.\nBusfahrt;1.450,00;0451-2026\nEintritt;389,90;0452-2026"),
    "a registration number after other digits": (
        ("PHONE_NUMBER",),
        "Mitgliedsnummer des Trägers: 150 024 771"),
    "a place under a duty label": (("PERSON",), "Aufsicht | Ort | Zeit\nHof | 9:35 | Pause 1\nMensa | 11:20 | Pause 2"),
    "a code labelled by the cell before it": (
        ("STUDENT_ID",), "Kennzahl;Wert;Zuständig\nRegionalschlüssel;05334002;Lea Brandt\nKinder unter 3;1.204;Lea Brandt"),
    "a key spelt with ue": (("PHONE_NUMBER",), '{"regionalschluessel": "05334002", "kreis": "Recklinghausen"}'),
    "lower-case words before a street that are no street name": (
        ("ADDRESS",), "die straße 3 mal überqueren, dann links"),
}


@pytest.mark.parametrize(("kinds", "text"), NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_not_found(gate, kinds: tuple[str, ...], text: str) -> None:
    found = spans(gate, text)
    assert [f for f in found if f[0] in kinds] == []


def test_school_number_column_keeps_the_phone_numbers(gate) -> None:
    text = "Schulnr;Schule;Telefon\n161234;Grundschule Am Park;0201 8845120\n161298;Gesamtschule Nord;0201 8847700"
    phones = [t for kind, t in spans(gate, text) if kind == "PHONE_NUMBER"]
    assert phones == ["0201 8845120", "0201 8847700"]


def test_substitutions_split_by_slashes_keep_the_subjects(gate) -> None:
    text = "Mo 1.+2. Std: Ma Klein / De Fuchs / En Lang-Amadi"
    persons = [t for kind, t in spans(gate, text) if kind == "PERSON"]
    assert persons == ["Klein", "Fuchs", "Lang-Amadi"]


def test_school_section_keeps_its_number(gate) -> None:
    text = "[schueler]\nnr = 4471-2025\nname = Tarek Aziz\n[schule]\nnr = 166370"
    ids = [t for kind, t in spans(gate, text) if kind == "STUDENT_ID"]
    assert ids == ["4471-2025"]


def test_surname_left_over_in_a_fixed_width_name_cell(gate) -> None:
    text = ("Schüler-Nr.  Name                 Klasse\n4471         Hahn, Luisa          6b\n"
            "4480         Wolf, Jannis         6b")
    persons = [t for kind, t in spans(gate, text) if kind == "PERSON"]
    assert "Wolf" in persons or "Wolf, Jannis" in persons
