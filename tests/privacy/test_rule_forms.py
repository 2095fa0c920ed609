"""Forms of birth dates, tax IDs, phone numbers, addresses and pupil numbers the rules learned in a
second round of issue 10 (own examples, none taken from an evaluation set), and the look-alikes
that must stay: meeting dates, school years, vouchers, postcodes in the next column."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans

FOUND = [
    # a birth column among several date columns, headers in other languages
    ("Kurs | Data urodzenia | Gruppe\nK-7 | 21.06.2016 | Bären", ("DATE_OF_BIRTH", "21.06.2016")),
    ("Nr;Geboortedatum;Eintritt\n4;09.02.2017;01.08.2022", ("DATE_OF_BIRTH", "09.02.2017")),
    # fixed-width list whose header is off by a column
    ("TEILNEHMENDE           GEBURTSDATUM  EINTRITT\n"
     "BERGER, PAUL          03.04.2012    01.08.2024\n", ("DATE_OF_BIRTH", "03.04.2012")),
    # "*" opening a line, then date and birth place
    ("Lebenslauf Jonas Falk\n* 14.9.2009 in Cottbus\nGrundschule 2015-2019", ("DATE_OF_BIRTH", "14.9.2009")),
    ("Das Mädchen, das laut Standesamt am 2.7.2015 zur Welt kam, lebt bei der Oma.",
     ("DATE_OF_BIRTH", "2.7.2015")),
    ("Geburtsdatum laut Meldebescheinigung der Stadt: 2.7.2015", ("DATE_OF_BIRTH", "2.7.2015")),
    ("Geburtsdatum:\n02.07.2015", ("DATE_OF_BIRTH", "02.07.2015")),
    ("Ilse Kern, geb. Vogel, am 12.03.1980 in Kiel geboren", ("DATE_OF_BIRTH", "12.03.1980")),
    ("Geburtstag von Ida: 27.10.2016", ("DATE_OF_BIRTH", "27.10.2016")),
    # an enumeration under one birth label, children with bracketed dates, a two-column CSV
    ("Geburtsdaten der Kinder: Ida 27.10.2016, Jan 14.05.2018 und Mia 02.02.2020", ("DATE_OF_BIRTH", "14.05.2018")),
    ("Geburtsdaten der Kinder: Ida 27.10.2016, Jan 14.05.2018 und Mia 02.02.2020", ("DATE_OF_BIRTH", "02.02.2020")),
    ("Kinder im Haushalt: Jan (14.05.2018), Ida (27.10.2016)", ("DATE_OF_BIRTH", "14.05.2018")),
    ("Kind,Geb\nJan,14.05.2018\nIda,27.10.2016", ("DATE_OF_BIRTH", "14.05.2018")),
    # a second reading of the same birth date, a record written as key | value lines
    ("Geburtsdatum: 14.05.2018 bzw. 15.05.2018 laut Urkunde", ("DATE_OF_BIRTH", "15.05.2018")),
    ("Geb.datum | 14.05.2018\nAufnahme | 01.08.2020", ("DATE_OF_BIRTH", "14.05.2018")),
    # tax IDs in a CSV column, after a comma
    ("Name,Betrag,IdNr\nJonas Weber,250.00,86095742719\n", ("DE_TAX_ID", "86095742719")),
    ("Steuer-IDs der Honorarkräfte:\n- 47 036 892 816\n- 65929970489", ("DE_TAX_ID", "47 036 892 816")),
    ("Steuer-IDs der Honorarkräfte:\n- 47 036 892 816\n- 65929970489", ("DE_TAX_ID", "65929970489")),
    # phones: slash then blank groups in a table, a number run together with its extension,
    # a foreign number followed by a second one after a slash
    ("Kind-Nr. | Name | Notfallkontakt\nKN-2022-0107 | Lotta | 0351/418 22 07",
     ("PHONE_NUMBER", "0351/418 22 07")),
    ("Sachgebiet;Telefon\nSchulentwicklung;0375123-4410", ("PHONE_NUMBER", "0375123-4410")),
    ("Vater: Tel. +48 601 234 567 / 0176 22 41 08 19", ("PHONE_NUMBER", "+48 601 234 567")),
    ("Vater: Tel. +48 601 234 567 / 0176 22 41 08 19", ("PHONE_NUMBER", "0176 22 41 08 19")),
    ("Sekretariat Tel.: (0 37 1) 48 8-0", ("PHONE_NUMBER", "(0 37 1) 48 8-0")),
    # addresses: in brackets, a Mannheim square, a street named after a date, fixed-width columns
    ("Hausbesuch dann bei Ihnen (Im Wiesengrund 14).", ("ADDRESS", "Im Wiesengrund 14")),
    ("Absender: Tom Kühn, N 7, 13, 68161 Mannheim", ("ADDRESS", "N 7, 13, 68161 Mannheim")),
    ("Geschäftsstelle: Str. der Einheit 9, 14612 Falkensee", ("ADDRESS", "Str. der Einheit 9, 14612 Falkensee")),
    ("NAME     STRASSE                 PLZ   ORT\nHOLM     BIRKENWEG 4             24937 FLENSBURG",
     ("ADDRESS", "BIRKENWEG 4")),
    # pupil numbers: a short lower-case label in a note, a prefix with blank-grouped digits
    ("mit tim gesprochen, sn lt. akte 31-0877, mutter ruft zurück", ("STUDENT_ID", "31-0877")),
    ("Schülernummer: RS 2021 4471", ("STUDENT_ID", "RS 2021 4471")),
    ("Schülerdatensatz-ID 30170411", ("STUDENT_ID", "30170411")),
    ("Der Schüler (Nr. 2018-5521) war krank.", ("STUDENT_ID", "2018-5521")),
    # pupil numbers in a fixed-width column, in a list under a heading, in an enumeration
    ("NAME           KLASSE  SCHÜLER-NR\nRoth, Ida      3a      5520\nKühn, Jan      3a      5521",
     ("STUDENT_ID", "5521")),
    ("Schülernummern (LUSD):\nIda Roth: 5520\nJan Kühn: 5521", ("STUDENT_ID", "5521")),
    ("Betroffen sind die Schüler-IDs 5520, 5521 und 5522.", ("STUDENT_ID", "5522")),
    ("Formular Nachteilsausgleich\nID Schüler: 61-4407", ("STUDENT_ID", "61-4407")),
    ("<kind><schuelernummer>614407</schuelernummer></kind>", ("STUDENT_ID", "614407")),
    # a quoted CSV cell holding the comma: the columns still line up with the header
    ('"Name","Eintritt","Geburtsdatum"\n"Sommer, Ida","01.08.2022","27.10.2016"', ("DATE_OF_BIRTH", "27.10.2016")),
    # a qualifier between the phone label and the number
    ("Tel. priv. 03 91/5 44 17 20", ("PHONE_NUMBER", "03 91/5 44 17 20")),
    ("Handy Vater: 0160 4471 220", ("PHONE_NUMBER", "0160 4471 220")),
    # a second IBAN after "und", an IBAN grouped with hyphens
    ("Konten: AT61 1904 3002 3457 3201 und NL91ABNA0417164300", ("IBAN_CODE", "NL91ABNA0417164300")),
    ("IBAN DE89-3704-0044-0532-0130-00", ("IBAN_CODE", "DE89-3704-0044-0532-0130-00")),
    # an e-mail address written against spam harvesters
    ("Rückfragen: m.lehmann (at) kita-regenbogen.de", ("EMAIL_ADDRESS", "m.lehmann (at) kita-regenbogen.de")),
]
NOT_FOUND = [
    ("Termine\n* 12.03.2025 in der Aula\n* 14.05.2025 in Raum 3", "DATE_OF_BIRTH"),
    ("Sitzung am 12.03.2025, Stichtag 01.03.2025, Aufnahmedatum: 01.08.2024.", "DATE_OF_BIRTH"),
    ("Schülerausweis 2026/27\nGymnasium am Park", "STUDENT_ID"),
    ("level=INFO schueler_nr=2020-3318 gutschein=GS-2026-00917", "STUDENT_ID:GS-2026-00917"),
    ("Kind-Nr. | Name | Notfallkontakt\nKN-2022-0107 | Lotta | 0351/418 22 07", "STUDENT_ID:0351/418"),
    ('"Name","Geburtsdatum","Eintritt"\n"Sommer, Ida","27.10.2016","01.08.2022"', "DATE_OF_BIRTH:01.08.2022"),
    ("Treffen (at) Rathaus, dann weiter", "EMAIL_ADDRESS"),
    # a table header ending in a birth word does not make the next row's first cell a birth date
    ("Eingang;Name;Geburtsdatum\n14.01.2025;Roth, Ida;27.10.2016", "DATE_OF_BIRTH:14.01.2025"),
    # "geb." before a maiden name, then another date
    ("Frau Ilse Kern, geb. Vogel, hat am 04.11.2025 angerufen.", "DATE_OF_BIRTH"),
    # a birthday party, a clause between the birth word and the date
    ("Einladung zum Geburtstag von Ida am 27.10.2026 um 15 Uhr", "DATE_OF_BIRTH"),
    ("geboren wurde sie in Gera, die Anmeldung erfolgte am 03.08.2024", "DATE_OF_BIRTH"),
    ("geb. 14.05.2018, Aufnahme 01.08.2020", "DATE_OF_BIRTH:01.08.2020"),
    ("Schülernummern stehen in der Akte.\nTermin: 1430\nRaum – 214", "STUDENT_ID"),
    ("Geb.datum | 14.05.2018\nAufnahme | 01.08.2020", "DATE_OF_BIRTH:01.08.2020"),
    ("Geburtstage\nJan: 14.05.2018\nAufnahme: 01.08.2020", "DATE_OF_BIRTH:01.08.2020"),
    ("Schüler-Nr. 5520, 5b, Raum 12", "STUDENT_ID:5b"),
    ("Einrichtungsnummer 512007; Jugendamtsbezirk 05315000", "PHONE_NUMBER"),
    ("Gesprächsnotizen\nIda Roth, 12.03.2025 – Mutter war da\nJan Kühn, 14.03.2025 – Anruf", "DATE_OF_BIRTH"),
    ("IBAN-Muster: DE12-3456-7890-1234-5678-90", "IBAN_CODE"),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_form_is_found(gate, text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(gate, text)


@pytest.mark.parametrize(("text", "what"), NOT_FOUND)
def test_look_alike_stays(gate, text: str, what: str) -> None:
    kind, _, surface = what.partition(":")
    found = [s for s in spans(gate, text) if s[0] == kind and (not surface or s[1] == surface)]
    assert found == []


def test_fixed_width_address_stops_before_the_postcode_column(gate) -> None:
    text = ("NAME     STRASSE                 PLZ   ORT\n"
            "HOLM     AM KLEINEN FELDE 3 B        24937 FLENSBURG\n")
    assert [s for s in spans(gate, text) if s[0] == "ADDRESS"] == [("ADDRESS", "AM KLEINEN FELDE 3 B")]
