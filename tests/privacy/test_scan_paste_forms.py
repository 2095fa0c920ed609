"""Forms of scanned letters, PDF text and pastes, each with own examples: OCR's letters for digits
("14.O3.2012", "Tel. O40 …", "Hafenstraße 1O", "geb. l2.03.2014"), a scan's misread date separators
("03,05.2011", "07 . 08 . 2015"), a birth label broken at the line end ("Ge-\\nburtsdatum"), a
postcode and town apart from the street after a separator ("Vogelsang 22 ¬ 44135 Dortmund"), a
contact label after the town ("20099 Hamburg Tel."), a PDF table whose columns ran together under
a header line, English pupil-number labels ("student number"), IBANs and tax IDs grouped otherwise."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans

FOUND = [
    # OCR reads zero as O and one as l or I
    "Betr.: Ihr Sohn Jonas, geb. [[DATE_OF_BIRTH:14.O3.2012]]",
    "Geburtsdatum des Kindes: [[DATE_OF_BIRTH:O1.12.2016]]",
    "geboren am: [[DATE_OF_BIRTH:19.1O.2017]] in Hagen",
    "geb. am [[DATE_OF_BIRTH:l2.03.2014]]",
    "Telefon: [[PHONE_NUMBER:0231 / 47 11 O8]]",
    "Tel: [[PHONE_NUMBER:O40 123456]]",
    "Herr Arne Lund, [[ADDRESS:Hafenstraße 1O, 24103 Kiel]]",
    "Wohnhaft in der [[ADDRESS:Friedrich-Ebert-Str. 1O4]]",
    "Steuer-ID: [[DE_TAX_ID:86 O95 742 719]]",
    # a scan's misread separators in a labelled birth date
    "geb. [[DATE_OF_BIRTH:03,05.2011]]",
    "Geburtsdatum: [[DATE_OF_BIRTH:07 . 08 . 2015]]",
    "Geburtsdatum: [[DATE_OF_BIRTH:03.05 2011]]",
    # the label broken at the line end
    "Ge-\nburtsdatum: [[DATE_OF_BIRTH:12.03.2014]]",
    "Geburts¬\ndatum: [[DATE_OF_BIRTH:2013-01-07]]",
    "Das Kind ist geb-\noren am [[DATE_OF_BIRTH:3. Mai 2016]].",
    # postcode and town apart from the street: the street line alone is the span
    "Familie Osei ¬ [[ADDRESS:Vogelsang 22]] ¬ 44135 Dortmund",
    "Herrn Ole Hansen | [[ADDRESS:Am Steinbruch 8]] | 68161 Mannheim",
    "Kita Sonnenblume • [[ADDRESS:Im Winkel 4]] • 38100 Braunschweig",
    # a contact label after the town is no part of its name
    "Schule am Park, [[ADDRESS:Lange Reihe 14, 20099 Hamburg]] Tel. 040 2801234",
    "Absender: [[ADDRESS:Ulmenweg 7, 48149 Münster]] Fax 0251 998877",
    # a PDF table whose columns ran together: the header line names the birth-date column
    "Schülerin/Schüler Geburtsdatum Klasse\nMarta Kovač [[DATE_OF_BIRTH:15.03.2011]] 8a\n"
    "Leon Bauer [[DATE_OF_BIRTH:02.10.2010]] 8a",
    "Kind Geburtstag Gruppe\nNele Busch [[DATE_OF_BIRTH:3. Februar 2021]] Bären\n"
    "Emre Aksoy [[DATE_OF_BIRTH:17. Juni 2020]] Igel",
    "Name Aufnahme Geburtsdatum\nLea Roth 01.08.2023 [[DATE_OF_BIRTH:03.05.2019]]",
    # English pupil-number labels
    "Dear Mr Okafor, your son is registered. Student number: [[STUDENT_ID:SN-99120]].",
    "pupil number [[STUDENT_ID:2022-4410]], class 6b",
    "Student numbers: [[STUDENT_ID:2021-0077]]",
    "Stud.-Nr.: [[STUDENT_ID:2023-0815]]",
    # IBANs grouped otherwise, valid checksum
    "IBAN:  [[IBAN_CODE:DE12  5001  0517  0648  4898  90]]",
    "IBAN [[IBAN_CODE:DE12.5001.0517.0648.4898.90]]",
    "IBAN: [[IBAN_CODE:DE 12 5001 0517 0648 4898 90]] (Förderverein)",
    # tax IDs grouped otherwise after their label, valid check digit
    "IdNr. [[DE_TAX_ID:86.095.742.719]]",
    "Steuer-ID des Kindes: [[DE_TAX_ID:860-957-427-19]]",
    "Steuerliche Identifikationsnummer:  [[DE_TAX_ID:86  095  742  719]]",
]

NOT_FOUND = [
    # a row that names its date's role under a header with a birth word
    ("Geburtstagsfeier Planung\nTermin 14.02.2026 Turnhalle", "DATE_OF_BIRTH"),
    # more dates in the row than date words in the header: no telling which is which
    ("Kind Geb.-Datum Gruppe\nNele Busch 01.08.2023 03.02.2021 Bären", "DATE_OF_BIRTH"),
    # a row under a header with a birth word whose words give the date another role
    ("Name Geburtsdatum Klasse\nElternabend am 12.03.2025 19 Uhr", "DATE_OF_BIRTH"),
    # a wrong check digit or a Steuernummer after a tax label
    ("Steuer-ID: 86.095.742.718", "DE_TAX_ID"),
    ("Steuernummer: 305/5921/4471", "DE_TAX_ID"),
    # an IBAN-like run with a wrong checksum, grouped by dots
    ("Ref. DE12.5001.0517.0648.4898.91", "IBAN_CODE"),
    # a street word inside a longer capitalised run before postcode and town is the street's start
    ("Erstattung an Wiesenweg 3, 57072 Siegen", "street start"),
    # words with O or l next to a digit stay words
    ("Die Kita bestellt CO2-Ampeln und H2O-Spender, Raum O2 ist zu.", "any"),
]


@pytest.mark.parametrize("marked", FOUND)
def test_scan_paste_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "kind"), NOT_FOUND)
def test_scan_paste_forms_not_taken(gate, text: str, kind: str) -> None:
    found = spans(gate, text)
    if kind == "any":
        assert found == []
    elif kind == "street start":
        assert found == [("ADDRESS", "Wiesenweg 3, 57072 Siegen")]
    else:
        assert not any(k == kind for k, _ in found), found


#: A birth date in its own quotes right after a quoted name: a record pasted from SQL or a script.
QUOTED_RECORDS = [
    "'[[PERSON:Ida Kern]]','[[DATE_OF_BIRTH:2011-05-03]]'",
    "('[[PERSON:Jonas Meyer]]', '[[DATE_OF_BIRTH:2012-09-14]]', '6a')",
    "„[[PERSON:Lina Vogt]]“; „[[DATE_OF_BIRTH:03.05.2013]]“",
]


@pytest.mark.parametrize("marked", QUOTED_RECORDS)
def test_quoted_record_dates_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


#: An INSERT's dates under a column of another role beside a name column are no birth dates.
SQL_OTHER_DATES = [
    "INSERT INTO fehltage (snr, name, datum, stunden) VALUES\n('25-0101', 'Brandt, Jule', '2025-01-13', 4),\n"
    "('25-0102', 'Özdemir, Can', '2025-01-14', 2);",
    "Export Fehlzeiten\nINSERT INTO fehlzeiten (schueler_nr, name, datum, stunden, entschuldigt) VALUES\n"
    "('23-1101', 'Hartmann, Jule', '2024-10-07', 3, 0),\n('23-1102', 'Öztürk, Can', '2024-10-07', 2, 1);",
    "insert into gespraeche (kind, termin, ort) values ('Mila Roth', '12.03.2025', 'Raum 4');",
    "INSERT INTO ausleihe (vorname, nachname, rueckgabe_am) VALUES ('Ida', 'Kern', '2025-02-28');",
]


@pytest.mark.parametrize("text", SQL_OTHER_DATES)
def test_sql_other_column_dates_not_taken(gate, text: str) -> None:
    assert not any(kind == "DATE_OF_BIRTH" for kind, _ in spans(gate, text))


def test_sql_birth_column_still_taken(gate) -> None:
    marked = ("INSERT INTO kinder (name, geb_datum, eintritt) VALUES "
              "('[[PERSON:Mila Roth]]', '[[DATE_OF_BIRTH:2020-03-12]]', '2023-08-01');")
    assert missing(gate, marked) == []
