"""Personal columns are found by header name and by values alone; labels are left alone."""

from __future__ import annotations

import pandas as pd
import pytest

from assistant.privacy.tables.detect import classify_column, match_header
from assistant.privacy.tables.io import read_table


@pytest.mark.parametrize("header, kind", [
    ("Name", "PERSON"), ("Vorname", "PERSON"), ("NACHNAME", "PERSON"), ("Familienname", "PERSON"),
    ("Schüler/in", "PERSON"), ("Schueler", "PERSON"), ("SchülerIn", "PERSON"),
    ("first_name", "PERSON"), ("Last Name", "PERSON"), ("Erziehungsberechtigte", "PERSON"),
    ("Klassenlehrer", "PERSON"),
    ("Geburtsdatum", "DATE_OF_BIRTH"), ("geb_datum", "DATE_OF_BIRTH"), ("GebDat", "DATE_OF_BIRTH"),
    ("Geb.-Datum", "DATE_OF_BIRTH"), ("date_of_birth", "DATE_OF_BIRTH"), ("Geburtstag", "DATE_OF_BIRTH"),
    ("Adresse", "ADDRESS"), ("Straße", "ADDRESS"), ("Strasse", "ADDRESS"), ("PLZ Wohnort", "ADDRESS"),
    ("plz_ort", "ADDRESS"), ("Anschrift", "ADDRESS"), ("Hausnummer", "ADDRESS"),
    ("Telefon", "PHONE_NUMBER"), ("Tel.", "PHONE_NUMBER"), ("Handy", "PHONE_NUMBER"), ("E-Mail", "EMAIL_ADDRESS"),
    ("email_adresse", "EMAIL_ADDRESS"), ("IBAN_CODE", "IBAN_CODE"), ("Steuer-ID", "DE_TAX_ID"),
    ("Steueridentifikationsnummer", "DE_TAX_ID"), ("Schülernummer", "STUDENT_ID"),
    ("schueler_id", "STUDENT_ID"), ("Schüler-Nr.", "STUDENT_ID"), ("Kind-ID", "STUDENT_ID"),
    ("Sozialversicherungsnummer", "SOCIAL_ID"),
])
def test_direct_identifiers_by_header(header, kind):
    assert match_header(header)[:2] == (kind, "direct")


@pytest.mark.parametrize("header, kind", [
    ("Geschlecht", "GENDER"), ("Klasse", "CLASS"), ("Schule", "SCHOOL"), ("Schulname", "SCHOOL"),
    ("Name der Schule", "SCHOOL"), ("Kita-Name", "SCHOOL"), ("Schulnummer", "SCHOOL"),
    ("Staatsangehörigkeit", "NATIONALITY"), ("staatsangehoerigkeit", "NATIONALITY"),
    ("Förderbedarf", "SPECIAL_NEEDS"), ("Foerderschwerpunkt", "SPECIAL_NEEDS"),
    ("Jahrgangsstufe", "GRADE"), ("PLZ", "POSTCODE"), ("Postleitzahl", "POSTCODE"),
    ("Geburtsjahr", "BIRTH_YEAR"), ("Muttersprache", "LANGUAGE"), ("Sozialraum", "PLACE"),
    ("Wohnort", "PLACE"), ("Einschulungsdatum", "DATE"),
])
def test_quasi_identifiers_by_header(header, kind):
    assert match_header(header)[:2] == (kind, "quasi")


@pytest.mark.parametrize("header", ["Anzahl", "Schuljahr", "Jahr", "Kinder insgesamt", "Quote"])
def test_plain_headers_are_not_personal(header):
    found = match_header(header)
    assert found is None or found[1] != "direct"


NAMES = ["Lukas Becker", "Elif Yılmaz", "Mohammed Al-Hassan", "Oleksandr Kovalenko",
         "Fatima Haddad", "Zofia Nowak", "Jonas Schneider", "Aylin Çelik", "Yusuf Demir",
         "Daryna Shevchenko", "Omar Khalil", "Lena Wagner", "Mykola Bondarenko", "Leonie Koch"]


def test_names_found_by_values_only():
    finding = classify_column("Spalte3", pd.Series(NAMES))
    assert (finding.kind, finding.role, finding.evidence) == ("PERSON", "direct", "values")
    assert finding.share >= 0.9


def test_surname_comma_firstname_and_capitals():
    values = ["MÜLLER, Anna", "YILMAZ, Emre", "AL-ALI, Rania", "BONDARENKO, Iryna", "KOCH, Paul",
              "NOWAK, Jan", "HASSAN, Amina", "WEBER, Tim", "ÖZTÜRK, Derya", "MELNYK, Taras"]
    assert classify_column("X", pd.Series(values)).kind == "PERSON"


@pytest.mark.parametrize("values, kind", [
    (["anna.mueller@example.org", "t.yilmaz@schule.nrw.de", "info@kita-sonne.de"] * 4, "EMAIL_ADDRESS"),
    (["0221 1234567", "+49 170 9876543", "02204/12345", "0049 30 1234567"] * 3, "PHONE_NUMBER"),
    (["DE89 3704 0044 0532 0130 00", "DE02120300000000202051", "DE02500105170137075030"] * 3,
     "IBAN_CODE"),
    (["Hauptstraße 12", "Mühlenweg 3a", "Am Park 7", "Kölner Str. 112", "Lindenallee 5"] * 3,
     "ADDRESS"),
    (["03.05.2014", "12.11.2013", "01.01.2015", "22.02.2014", "17.07.2013", "09.09.2014",
      "30.04.2013", "05.12.2014", "18.08.2015", "11.03.2013", "27.06.2014", "14.10.2013"],
     "DATE_OF_BIRTH"),
    (["2014-05-03", "2013-11-12", "2015-01-01", "2014-02-22", "2013-07-17", "2014-09-09",
      "2013-04-30", "2014-12-05", "2015-08-18", "2013-03-11", "2014-06-27"], "DATE_OF_BIRTH"),
])
def test_value_patterns(values, kind):
    finding = classify_column("Feld", pd.Series(values))
    assert (finding.kind, finding.evidence) == (kind, "values")


@pytest.mark.parametrize("header, values", [
    ("Schule", ["Albert-Schweitzer-Schule", "Geschwister-Scholl-Gymnasium", "Grundschule Am Park",
                "Anne-Frank-Realschule", "Kita Sonnenschein", "Gesamtschule Nord"] * 3),
    ("Geschlecht", ["weiblich", "männlich", "divers"] * 5),
    ("Spalte2", ["Köln", "Bonn", "Düsseldorf", "Essen", "Dortmund", "Aachen", "Münster", "Siegen",
                 "Bochum", "Wuppertal", "Bielefeld", "Hagen"]),
    ("Stichtag", ["31.12.2002"] * 20),
    ("Schüler", ["12", "30", "7", "19", "25", "41", "3", "18"]),
    ("Staatsangehörigkeit", ["deutsch", "türkisch", "syrisch", "ukrainisch", "polnisch"] * 4),
])
def test_labels_and_counts_are_not_direct_identifiers(header, values):
    assert classify_column(header, pd.Series(values)).role != "direct"


def test_genesis_region_names_are_not_person_names(shared_dir):
    for name in ("21111-02-06-4.csv", "22541-01-01-4.csv"):
        frame = read_table(shared_dir / "data" / "regionalstatistik" / name).frame
        for col in ("Region", "Regionalschlüssel", "Ebene"):
            assert classify_column(col, frame[col]).role != "direct", (name, col)
