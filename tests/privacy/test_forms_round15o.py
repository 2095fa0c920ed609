"""Forms of round 15o (addresses, birth dates, pupil numbers), each with own examples (never the
corpus strings): streets in capitals from fixed-width and mainframe exports, a label noun before the
street, a blank before the comma to the postcode, a range of house numbers with "bis", a town's
district after a slash, a vCard's ADR street without a street word, a town's second word that starts
the next sentence. Birth dates: a key with
a prefix ("kind_geburtsdatum"), dot leaders between key and date, a psql table's rule under its
header, a change log's key cell before old and new value, prose wrapped after "geboren am"; no
birth star in Markdown's bold, which may stand around a label. Pupil numbers: an LMS import's "idnumber" column under comment
lines, a case column "fall_id"; no office number, age group, inventory number or placeholder.
A pupil's list entry: name, pupil number, then a bare date years back.
Phone numbers read out digit by digit; no file number, message number, region key or record key."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.privacy.text.recognizers.birth_date import BIRTH_CONTEXT_SCORE, DateOfBirthRecognizer
from tests.privacy.conftest import missing, spans

FOUND = [
    # ADDRESS: streets in capitals (fixed-width and mainframe exports, capital letterheads)
    "0007KOWALSKI    MAREK    03.03.2011  [[ADDRESS:BIRKENWEG 7]]           48153MUENSTER     WG",
    "0007KOWALSKI    EWA      09.09.2014  [[ADDRESS:DORTMUNDER STR. 12 B]]  48153MUENSTER     WG",
    "NAME: OKAFOR, GRACE\nANSCHRIFT: [[ADDRESS:HOLSTEINER CHAUSSEE 40]]\n22523 HAMBURG",
    "AN: FAM. ROTH, [[ADDRESS:KLEINE BERGSTR. 4, 35390 GIESSEN]]",
    # ADDRESS: a label noun before the street is no part of it
    "Die Mutter nannte die Adresse [[ADDRESS:Sonnenring 8, 24146 Kiel]].",
    "Er hat die Anschrift [[ADDRESS:Lindenstraße 4, 12345 Berlin]] angegeben.",
    "Bitte die Wohnanschrift [[ADDRESS:Am Anger 2, 99084 Erfurt]] prüfen.",
    # ADDRESS: a blank before the comma to the postcode (typed letterheads)
    "Jugendhilfe gGmbH , [[ADDRESS:Kasseler Str. 9 , 34117 Kassel]]",
    "Absender: Praxis Dr. Hahn , [[ADDRESS:Marktweg 3 , 49074 Osnabrück]]",
    "Träger: Kinderhaus e. V. , [[ADDRESS:Brunnenallee 14 , 52062 Aachen]]",
    # ADDRESS: a range of house numbers with "bis"
    "Wohngruppe [[ADDRESS:Birkenweg 2 bis 4, 33602 Bielefeld]]",
    "Die Einrichtung liegt in der [[ADDRESS:Mühlenstraße 10 bis 12]], zweiter Eingang.",
    "Neue Anschrift: [[ADDRESS:Gartenallee 5 bis 7]]",
    # ADDRESS: a town with its district after a slash, a river in brackets
    "Adresse: [[ADDRESS:Gazi Bulvarı 55, 35210 Konak/İzmir]]",
    "Schule: [[ADDRESS:Rosenweg 3, 45127 Essen/Kray]]",
    "Ort: Bürgerbüro Süd, [[ADDRESS:Markt 1, 06108 Halle (Saale)]], Schalter 3",
    "Treffpunkt: Rathaus, [[ADDRESS:Marktplatz 4, 15230 Frankfurt (Oder)]], Eingang B",
    # ADDRESS: a vCard's ADR street component, whatever its name
    "BEGIN:VCARD\nADR;TYPE=WORK:;;[[ADDRESS:Uhlenhorst 12]];Hamburg;;22085;Deutschland\nEND:VCARD",
    "ADR:;Hinterhaus;[[ADDRESS:Am Brink 4a]];Celle;;29221;DE",
    "ADR;TYPE=HOME;PREF=1:;;[[ADDRESS:Sielwall 80]];Bremen;;28203;Deutschland",
    # ADDRESS: the town's second word, an ordinary noun, starts the next sentence of a note
    "neu [[ADDRESS:Lessingweg 7, 89073 Ulm]] Punkt Schule informiert",
    "Unterbringung [[ADDRESS:Gartenstraße 3, 45127 Essen]] Termin folgt",
    "[[ADDRESS:Lindenallee 2, 04109 Leipzig]] Komma Kontakt über das Amt",
    "Schule: [[ADDRESS:Weinweg 5, 67433 Neustadt an der Weinstraße]]",
    "Pflegestelle [[ADDRESS:Heideweg 3, 23701 Eutin am See]], Kontakt über das Amt",
    "Wohnung: [[ADDRESS:Lindenweg 9, 45127 Essen Nord]]",
]

FOUND += [
    # DATE_OF_BIRTH: a key with a prefix, dot leaders between key and date
    "kind_vorname ........ Lea\nkind_geburtsdatum ... [[DATE_OF_BIRTH:04.05.2021]]\nbeginn ...... 01.08.2025",
    "k_gd ........ [[DATE_OF_BIRTH:17.11.2019]]",
    "Geburtsdatum ....... : [[DATE_OF_BIRTH:2013-06-30]]",
    # DATE_OF_BIRTH: psql's rule line under the header
    " fall  |   kind_name   |  kind_geb  | sb\n-------+---------------+------------+-----\n"
    " F-1   | Kern, Mia     | [[DATE_OF_BIRTH:2012-02-20]] | OLB\n F-2   | Sander, Tom   | [[DATE_OF_BIRTH:2010-07-11]] | KRA",
    " nr | geburtsdatum | gruppe\n----+--------------+--------\n  1 | [[DATE_OF_BIRTH:03.09.2020]]   | Igel",
    " id  |  dob\n=====+============\n 101 | [[DATE_OF_BIRTH:2016-01-31]]",
    # DATE_OF_BIRTH: a change log's key cell before the old and the new value
    "2025-01-09 10:14 | admin | UPDATE | kind.geburtsdatum | [[DATE_OF_BIRTH:2013-02-11]] | [[DATE_OF_BIRTH:2013-02-12]]",
    "Feld;alt;neu\ngeb;[[DATE_OF_BIRTH:03.04.2015]];[[DATE_OF_BIRTH:04.03.2015]]",
    "Geänderte Felder:\nGebDat\t[[DATE_OF_BIRTH:21.07.2018]]\t[[DATE_OF_BIRTH:12.07.2018]]",
    # DATE_OF_BIRTH: prose wrapped after "geboren am"
    "Die Großmutter des Kindes Mia Kern, geboren am\n[[DATE_OF_BIRTH:14.06.2019]] in Bonn, lebt bei uns.",
    "Antragsteller ist Herr Tomasz Nowak, geb. am\n[[DATE_OF_BIRTH:03.02.1988]], wohnhaft in Bochum.",
    "Wir melden hiermit unseren Sohn Jonas an, geboren den\n[[DATE_OF_BIRTH:09.09.2019]] in Kassel.",
    # STUDENT_ID: an LMS import's bare "idnumber" column in a pupil export, comment lines above
    "# Import Moodle schueler_2025.csv\nusername,firstname,lastname,email,idnumber,cohort1\n"
    "\"tom.berg\",\"Tom\",\"Berg\",\"t.berg@example.org\",\"[[STUDENT_ID:RS-2020-0112]]\",\"7a\"",
    "# Export schueler, Trennzeichen Komma, UTF-8\n# Quelle: Verwaltung, Stand Januar, intern\n"
    "username,firstname,lastname,idnumber\n\"jan.ott\",\"Jan\",\"Ott\",\"[[STUDENT_ID:GS-2019-0071]]\"",
    "Schülerkonten\nlogin;name;id_nr\nmara.s;Mara Sen;[[STUDENT_ID:K7-40021]]",
    # PHONE_NUMBER: read out digit by digit
    "Rückruf bitte: [[PHONE_NUMBER:0 1 5 1 / 2 3 4 5 6 7 8 9]]",
    "Meine Nummer ist [[PHONE_NUMBER:0 1 7 6 – 5 5 1 2 3 4 8]]. Danke.",
    "Erreichbar unter [[PHONE_NUMBER:0 2 2 1 / 4 4 5 5 6 6 7]] ab 16 Uhr",
]

NOT_TAKEN = [
    # DATE_OF_BIRTH: the "**" closing Markdown's bold is no birth star
    ("**Datum:** 11.02.2025 · **Ort:** Raum 3", "11.02.2025"),
    ("**Termin:** 03.03.2019", "03.03.2019"),
    ("- **Stand** 01.12.2024", "01.12.2024"),
]

FOUND += [
    # DATE_OF_BIRTH: Markdown's bold around the label
    "**Schülerin:** Ida Kern\n**Geb.-Datum:** [[DATE_OF_BIRTH:2015-06-03]]",
    "**Geburtsdatum**: [[DATE_OF_BIRTH:12.12.2012]]",
    "| **geb.** | [[DATE_OF_BIRTH:01.02.2016]] |",
]

NOT_TAKEN += [
    # STUDENT_ID: a case column, an office, an age group, an inventory number, a placeholder
    ("db=> SELECT fall_id, kind_name FROM v;\n fall_id  |   kind_name\n----------+-----------\n JH-4410  | Kern, Mia",
     "JH-4410"),
    ("Schülernr. 2231-2022-A\nJens (JA 52.1): ok, mach ich", "JA 52.1"),
    ("Schüler-Nr. 4411: Übergang an Jobcenter U25 geplant", "U25"),
    ("Schülerin Ida Roth, Schülerakte Nr. 2020-01234\nEs fehlen: Atlas (Inv.-Nr. 08-0412)", "08-0412"),
    ("Neuer Nummernkreis für Schüler-IDs: JJJJ-NNNNN (Muster: JJJJ-00000)", "JJJJ-00000"),
    ("Schüler-ID im Format SN-0000 eintragen", "SN-0000"),
    # PHONE_NUMBER: a file number, a message number, region keys, a record's key
    ("Eingang: 03. Jan. 2025          Az.: 40.2.1 - 0712/25", "0712/25"),
    ("<!-- Übermittlung, Nachricht 0311.02 -->", "0311.02"),
    ("    schluessel: [\"05315000\", \"05315004\", \"05315008\"]", "05315008"),
    ("0331877000154MEYER           ANNA      01.01.2010", "0331877000154"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_TAKEN)
def test_round15o_not_taken(gate, text: str, surface: str) -> None:
    assert not any(surface in found for _, found in spans(gate, text))


NOT_ADDRESS = [
    # a range with a unit after it is a time or a count, no house number
    ("Die Sprechstunde in der Hauptstraße 2 bis 4 Uhr entfällt.", "Hauptstraße 2 bis 4"),
    ("Am Sportplatz 3 bis 5 Kinder pro Gruppe", "Sportplatz 3 bis 5"),
    ("Rathausstraße 1 bis 2 Wochen gesperrt", "Rathausstraße 1 bis 2"),
    # a vCard's post box is no address
    ("ADR;TYPE=work:;;Postfach 44 12;Hagen;;58041;DE", "Postfach 44 12"),
    ("ADR:;;PF 1203;Soest;;59491;", "PF 1203"),
    ("ADR;TYPE=home:;;Postlagernd 3;Lippstadt;;59555;", "Postlagernd 3"),
]


@pytest.mark.parametrize("marked", FOUND)
def test_round15o_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "surface"), NOT_ADDRESS)
def test_round15o_no_address(gate, text: str, surface: str) -> None:
    assert not any(surface in found for kind, found in spans(gate, text) if kind == "ADDRESS")


#: A pupil's list entry: name, pupil number, then a bare date years back, the line's only date.
PUPIL_ENTRY_FOUND = [
    "Versehentlich versendet wurden:\n- Roth, Ida – Schüler-Nr. 2020-00411 – [[DATE_OF_BIRTH:2015-04-03]]\n"
    "- Berg, Tim – Schüler-Nr. 2020-00412 – [[DATE_OF_BIRTH:2015-09-21]]\nEnthalten waren Name, Klasse und Geburtsdatum.",
    "Nachzutragen im Verzeichnis: Lea Sommer, Schüler-ID SID-8812, [[DATE_OF_BIRTH:14.11.2014]]. Die Eltern haben das "
    "Geburtsdatum bestätigt.",
    "Übernahme aus ASV: Tom Weber; SNr 4471; [[DATE_OF_BIRTH:03.02.2016]] (Geburtsdatum laut Urkunde folgt)",
]


@pytest.mark.parametrize("marked", PUPIL_ENTRY_FOUND)
def test_round15o_pupil_entry_birth_date(gate, marked: str) -> None:
    assert missing(gate, marked) == []


def _recent() -> str:
    return (dt.date.today() - dt.timedelta(days=30)).strftime("%d.%m.%Y")


@pytest.mark.parametrize("text", [
    "Schüler-Nr. 2021-01877 – Aufnahme 2021-08-01, Geburtsdatum folgt",  # a role word
    "Schüler-Nr. 4471 – 2019-01-01 bis 2019-02-01 (Geburtsdatum fehlt)",  # two dates: a period
    "Zu den Geburtsdaten siehe unten.\nTom Weber, Schüler-Nr. 4471, {recent}",  # a month back: no pupil's birth date
])
def test_round15o_pupil_entry_other_dates(text: str) -> None:
    text = text.format(recent=_recent())
    found = DateOfBirthRecognizer().analyze(text, ["DATE_OF_BIRTH"])
    assert [text[r.start:r.end] for r in found if r.score >= BIRTH_CONTEXT_SCORE] == []
