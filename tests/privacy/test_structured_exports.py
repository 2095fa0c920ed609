"""Personal data in exports and dumps (own examples): pupil numbers under short headers of
CSV/TSV/pipe/fixed-width exports, case-number columns that are no pupil numbers, SQL INSERT
statements, foreign street addresses, birth dates under short keys and headers.

Each text marks what must be found as ``[[TYPE:surface]]``; every mark must come back exactly.
The negatives list the types that must not be found at all."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans



FOUND = {
    "quoted comma CSV under kind_nr": (
        '"kind_nr","vorname","nachname","gruppe"\n'
        '"[[STUDENT_ID:K-2024-0113]]","[[PERSON:Ole]]","[[PERSON:Brandt]]","Igel"\n'
        '"[[STUDENT_ID:K-2024-0127]]","[[PERSON:Selin]]","[[PERSON:Aydın]]","Igel"'),
    "unquoted header, quoted rows, a name with a comma": (
        "kind_nr,kind,gruppe,telefon\n"
        '"[[STUDENT_ID:KT-31-0412]]","[[PERSON:Haddad, Rami]]","Wald","[[PHONE_NUMBER:0231 7781230]]"\n'
        '"[[STUDENT_ID:KT-31-0419]]","[[PERSON:Nowak, Zofia]]","Wald","[[PHONE_NUMBER:0231 7781299]]"'),
    "semicolon CSV under sid": (
        '"sid";"name";"klasse"\n"[[STUDENT_ID:SID-204471]]";"[[PERSON:Lena Vogt]]";"7c"\n'
        '"[[STUDENT_ID:SID-204479]]";"[[PERSON:Kerem Aksoy]]";"7c"'),
    "TSV under schülerid": (
        "schülerid\tname\tklasse\n[[STUDENT_ID:4711-2023]]\t[[PERSON:Paul Reuter]]\t8a\n"
        "[[STUDENT_ID:4712-2023]]\t[[PERSON:Enes Kaya]]\t8a"),
    "pipe table under kind-id": (
        "kind-id | name | gruppe\n[[STUDENT_ID:KK-2023-0415]] | [[PERSON:Mila Horn]] | Bären\n"
        "[[STUDENT_ID:KK-2023-0420]] | [[PERSON:Finn Lutz]] | Bären"),
    "fixed width under KIND_NR": (
        "KIND_NR     NAME            GRUPPE\n[[STUDENT_ID:K-0411]]      [[PERSON:Jonas Krause]]    Igel\n"
        "[[STUDENT_ID:K-0412]]      [[PERSON:Lea Baumann]]     Igel"),
    "comma CSV under snr beside a file column": (
        "Akte,snr,name\nAK-2024-118,[[STUDENT_ID:20-1183]],[[PERSON:Nils Bauer]]\n"
        "AK-2024-121,[[STUDENT_ID:20-1190]],[[PERSON:Pia Kunz]]"),
    "fixed width: a case column before the pupil column": (
        "FALL-NR       SNR        NAME\nJA-2024-0071  [[STUDENT_ID:21-04411]]   [[PERSON:Kaan Demir]]\n"
        "JA-2024-0075  [[STUDENT_ID:21-04418]]   [[PERSON:Zoe Heller]]"),
    "a pupil number on the line under its label": "Schülernummer:\n[[STUDENT_ID:2023-04711]]",
    "SQL INSERT: values mapped to the column list": (
        "INSERT INTO schueler (vorname, nachname, geburtsdatum, schueler_nr) VALUES "
        "('[[PERSON:Lina]]', '[[PERSON:Hofmann]]', '[[DATE_OF_BIRTH:2014-03-07]]', '[[STUDENT_ID:2020-0417]]');"),
    "SQL INSERT with several rows, one a line": (
        "INSERT INTO kinder (kind_id, name, geb_datum, gruppe) VALUES\n"
        "  ('[[STUDENT_ID:K-0311]]', '[[PERSON:Ayla Demir]]', '[[DATE_OF_BIRTH:2019-05-12]]', 'Igel'),\n"
        "  ('[[STUDENT_ID:K-0312]]', '[[PERSON:Jonas Weber]]', '[[DATE_OF_BIRTH:2019-11-30]]', 'Igel');"),
    "SQL INSERT in backticks, rows on one line, surnames that are words": (
        "INSERT INTO `eltern` (`id`, `nachname`, `vorname`, `strasse`, `dob`) VALUES "
        "(17, '[[PERSON:Koch]]', '[[PERSON:Ute]]', '[[ADDRESS:Lister Meile 51]]', '[[DATE_OF_BIRTH:1984-08-21]]'), "
        "(18, '[[PERSON:O''Brien]]', '[[PERSON:Siobhan]]', NULL, '[[DATE_OF_BIRTH:1990-01-09]]');"),
    "SQL INSERT with short keys and another script": (
        "insert into schueler (snr, vn, nn, geb) values ('[[STUDENT_ID:SN 40112]]', '[[PERSON:Мария]]', "
        "'[[PERSON:Иванова]]', '[[DATE_OF_BIRTH:03.05.2014]]');"),
    "SQL INSERT without a column list under its CREATE TABLE": (
        "CREATE TABLE IF NOT EXISTS `kind` (\n  `id` int NOT NULL,\n  `rufname` varchar(60),\n"
        "  `familienname` varchar(60),\n  `geb_dat` date,\n  `kita_kind_nr` varchar(12),\n  PRIMARY KEY (`id`)\n);\n"
        "INSERT INTO `kind` VALUES (1,'[[PERSON:Jana]]','[[PERSON:Wolff]]','[[DATE_OF_BIRTH:2020-06-02]]','[[STUDENT_ID:KK-0311]]'),"
        "(2,'[[PERSON:Emre]]','[[PERSON:Çelik]]','[[DATE_OF_BIRTH:2019-12-24]]','[[STUDENT_ID:KK-0312]]');"),
    "pupil numbers under Schül.-Nr.": (
        "Schül.-Nr.;Klasse;Bemerkung\n[[STUDENT_ID:2019-0411]];5a;Nachprüfung\n[[STUDENT_ID:2019-0417]];5a;"),
    "French address, number first": (
        "Die Familie ist umgezogen, neue Anschrift: [[ADDRESS:12 rue de la Paix, 67000 Strasbourg]]."),
    "Belgian address, number first with a comma": "Post an den Vater: [[ADDRESS:48, avenue Louise, 1050 Bruxelles]]",
    "French address with bis and a given name in the street": (
        "Adresse : [[ADDRESS:5 bis, boulevard Victor Hugo, 06000 Nice]], France"),
    "French street word that is German too, with postcode": "Wohnort: [[ADDRESS:4 place du Marché, 1204 Genève]]",
    "French address block of a letter": "Mme Claire Dubois\n[[ADDRESS:7 rue des Lilas]]\n67100 Strasbourg\nFrance",
    "Belgian address, number after the street": "Die Familie wohnt in Brüssel ([[ADDRESS:Rue de la Loi 16, 1000 Bruxelles]]).",
    "Italian address with a particle and a comma before the number": (
        "Domicilio der Großeltern: [[ADDRESS:Via dei Mille, 24, 80121 Napoli]]"),
    "Spanish address with particles": "Anschrift: [[ADDRESS:Calle de Alcalá 45, 28014 Madrid]]",
    "Spanish avenue": "Zweitwohnsitz [[ADDRESS:Avenida de la Constitución 8, 41001 Sevilla]]",
    "Polish address in lower case, Polish capitals": "Adresse: [[ADDRESS:ulica Piotrkowska 104, 90-006 Łódź]]",
    "Polish abbreviation": "Korrespondenz an [[ADDRESS:ul. Długa 12, 80-827 Gdańsk]]",
    "Dutch street word first with a particle": "Vater: [[ADDRESS:Laan van Meerdervoort 70, 2517 AN Den Haag]]",
    "Dutch street, postcode with letters": "Der Vater wohnt in Utrecht, [[ADDRESS:Kerkstraat 5, 3511 LB Utrecht]].",
    "Portuguese postcode": "Wohnhaft in: [[ADDRESS:Rua Augusta 27, 1100-048 Lisboa]]",
    "Austrian postcode": "Neue Adresse: [[ADDRESS:Mariahilfer Straße 45, 1060 Wien]]",
    "Swiss postcode": "Wohnort Schweiz: [[ADDRESS:Bahnhofstrasse 12, 8001 Zürich]]",
    "Austrian house, staircase and flat": "Anschrift: [[ADDRESS:Hauptstraße 5/2/7, 1010 Wien]]",
    "Swiss French street word first": "Wohnort: [[ADDRESS:Route de Genève 12, 1004 Lausanne]]",
    "birth dates under short headers of a quoted CSV": (
        '"Name","Geb.","Klasse"\n"[[PERSON:Aylin Kaya]]","[[DATE_OF_BIRTH:07.09.2015]]","4a"\n'
        '"[[PERSON:Timo Brandt]]","[[DATE_OF_BIRTH:2015-12-01]]","4a"'),
    "birth dates under gebdat and dob in JSON": (
        '[{"vn": "[[PERSON:Ole]]", "gebdat": "[[DATE_OF_BIRTH:07.02.2016]]"}, '
        '{"vn": "[[PERSON:Mia]]", "dob": "[[DATE_OF_BIRTH:2016-09-30]]"}]'),
    "birth dates under YAML keys": (
        "kinder:\n  - vn: [[PERSON:Ida]]\n    geb: [[DATE_OF_BIRTH:2019-05-03]]\n"
        "  - vn: [[PERSON:Emil]]\n    birthdate: \"[[DATE_OF_BIRTH:2019-11-30]]\""),
    "birth dates under a fixed-width DOB header": (
        "NAME            DOB         KL\n[[PERSON:Aylin Kaya]]      [[DATE_OF_BIRTH:2015-09-07]]  4a\n"
        "[[PERSON:Timo Brandt]]     [[DATE_OF_BIRTH:2015-12-01]]  4a"),
    "IBAN one blank after the town in a fixed-width row whose columns are out of line": (
        "SCHUELERNR  NAME             STRASSE                          IBAN\n"
        "[[STUDENT_ID:2021-03317]]  [[PERSON:BERISHA, ARTA]]   [[ADDRESS:Lindenweg 14, 35390 Gießen]] "
        "[[IBAN_CODE:DE16351114338904574726]]"),
    "IBAN right after the town in a sentence": (
        "Erstattung an [[ADDRESS:Wiesenweg 3, 57072 Siegen]] [[IBAN_CODE:DE74194277464679479328]] bis Freitag."),
}


@pytest.mark.parametrize("marked", FOUND.values(), ids=FOUND.keys())
def test_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


#: (types that must not be found, text)
NOT_FOUND = {
    "case numbers under Fall in a quoted CSV": (
        ("STUDENT_ID",),
        '"Fall","Kind","Eingang"\n"UV-2024-00123","Leon Hartmann","12.03.2024"\n'
        '"UV-2024-00131","Emma Schulz","14.03.2024"'),
    "case numbers under Fall beside names and tax IDs": (
        ("STUDENT_ID",),
        "Fall;Kind;geb.;Steuer-ID Kind\nEH-2025-00311;Malik Osei;2016-02-11;47036892816\n"
        "EH-2025-00318;Tilda Brink;2017-09-03;81872495633"),
    "Aktenzeichen in a pipe table": (
        ("STUDENT_ID",),
        "| Az | Kind | Frist |\n|---|---|---|\n| 2024-00123 | Noah Berg | 31.05.2025 |\n"
        "| 2024-00131 | Ida Roth | 30.06.2025 |"),
    "Vorgang and Akte columns in a TSV": (
        ("STUDENT_ID",),
        "Vorgang\tAkte\tName\nVG-2024-0117\tA-0412\tLea Wolf\nVG-2024-0120\tA-0415\tTom Ernst"),
    "SQL keywords and a case-number column": (
        ("STUDENT_ID", "DATE_OF_BIRTH"),
        "INSERT INTO faelle (az, kind, eingang) VALUES ('UV-2024-00123', 'Leon Weber', '2024-03-12');\n"
        "SELECT az, kind FROM faelle WHERE eingang > '2024-01-01';"),
    "SQL rows of a course table: a room is no pupil number": (
        ("STUDENT_ID",), "INSERT INTO kurse (name, lehrkraft, raum) VALUES ('Mathematik', 'Schneider', 'A112');"),
    "French and other foreign street names without a house number": (
        ("ADDRESS",), "Die Via Roma ist gesperrt, die Kerkstraat auch. 3 Avenue-Filialen schließen, 2 Place-Kärtchen."),
    "a volume number before a title is no French street": (
        ("ADDRESS",), "Im Regal stehen 3 Bd. Goethe Werke und 2 Route Nord Karten."),
    "a CREATE TABLE's keywords are no names": (
        ("PERSON",), "CREATE TABLE termine (\n  id int,\n  datum date,\n  PRIMARY KEY (id)\n);"),
    "a date after a birth date in a quoted CSV row is an entry date": (
        ("DATE_OF_BIRTH",), '"nachname","vorname","eintritt","geb_datum"\n"Roth","Ida","01.08.2022",""'),
    "case numbers under a fixed-width FALL header": (
        ("STUDENT_ID",),
        "FALL        NAME            EINGANG\n2024-00123  Jonas Krause    12.03.2024\n"
        "2024-00131  Mara Sommer     14.03.2024"),
}


@pytest.mark.parametrize(("kinds", "text"), NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_not_found(gate, kinds: tuple[str, ...], text: str) -> None:
    found = spans(gate, text)
    assert [f for f in found if f[0] in kinds] == []


def test_case_column_before_a_pupil_label_at_the_header_end(gate) -> None:
    """The label ending the header line does not take the first cell of the next row."""
    text = "Fall-Nr;Name;Schüler-Nr\n2024-0113;Nele Graf;2019-01123\n2024-0120;Ben Ott;2019-01130"
    ids = [t for kind, t in spans(gate, text) if kind == "STUDENT_ID"]
    assert ids == ["2019-01123", "2019-01130"]


def test_sql_keywords_are_no_persons(gate) -> None:
    text = ("INSERT INTO schueler (vorname, nachname) VALUES ('Lina', 'Hofmann');\n"
            "SELECT vorname, nachname FROM schueler WHERE klasse = '5a';\n"
            "UPDATE schueler SET klasse = '6a' WHERE nachname = 'Hofmann';\n"
            "DELETE FROM schueler WHERE vorname IS NULL;")
    persons = {t for kind, t in spans(gate, text) if kind == "PERSON"}
    assert persons == {"Lina", "Hofmann"}


def test_entry_date_after_birth_date_in_a_quoted_csv_row(gate) -> None:
    text = '"nachname","vorname","geb_datum","eintritt"\n"Roth","Ida","03.05.2019","01.08.2022"'
    dates = [t for kind, t in spans(gate, text) if kind == "DATE_OF_BIRTH"]
    assert dates == ["03.05.2019"]
