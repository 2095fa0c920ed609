"""Forms of pupil numbers, birth dates and phone numbers the rules learned in a third round of
issue 10 (own examples, none taken from an evaluation set), and the look-alikes that must stay:
school numbers, case files, rooms, a school's id inside a pupil record, meeting dates."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans

S, D, P = "STUDENT_ID", "DATE_OF_BIRTH", "PHONE_NUMBER"

FOUND = [
    # machine records: a short key, a YAML key, a value with a letter prefix apart
    ('{"SchülerNr": "SN 40112", "klasse": "7b"}', (S, "SN 40112")),
    ("sid: S-40981\nraum: B204", (S, "S-40981")),
    ("export:\n  - snr: 2020-11834\n    klasse: 5a", (S, "2020-11834")),
    # a generic key inside a pupil's or a child's record
    ('{"schueler": {"name": "Ida Roth", "nr": "S-2231"}}', (S, "S-2231")),
    ('{"kinder": [{"vorname": "Ida", "id": "K-2023-118"}, {"vorname": "Ben", "id": "K-2023-119"}]}',
     (S, "K-2023-119")),
    ("<lernender><name>Ida Roth</name><id>LN-2022-113</id></lernender>", (S, "LN-2022-113")),
    ("schueler:\n  - name: Ida Roth\n    id: 2020-331\n  - name: Ben Kaya\n    id: 2020-332", (S, "2020-332")),
    ("Schüler: Jonas Brandt\nID: 2019-4471\nKlasse: 8a", (S, "2019-4471")),
    ("Kind: Mila Roth, ID: K-3318", (S, "K-3318")),
    # a bare ID column of a class list
    ("Name;Klasse;ID\nBrandt, Jonas;8a;40113\nRoth, Mila;8a;40114", (S, "40114")),
    ("ID | Name | Klasse\n40113 | Jonas Brandt | 8a\n40114 | Mila Roth | 8a", (S, "40113")),
    # prose: the pupil, the name, then the number
    ("Die Schülerin Mila Roth (Nr. 40114) fehlt seit Montag.", (S, "40114")),
    ("Ihr Sohn Matei, ID: 2291-B, ist angemeldet.", (S, "2291-B")),
    # labels of forms, a slash between two numbers, dotted and blank-prefixed numbers in name rows
    ("Kennnummer Schüler: 2021-0034", (S, "2021-0034")),
    ("Personenkennziffer des Schülers: 2021-0034", (S, "2021-0034")),
    ("Schüler (Nr.): 2021-0034", (S, "2021-0034")),
    ("Schülernummer 2021-0034 / 2021-0035 (Geschwister)", (S, "2021-0035")),
    ("Brandt, Jonas;8a;2024.0147\nRoth, Mila;8a;2024.0152", (S, "2024.0152")),
    ("| Jonas Brandt | 8a | SN 40113 |", (S, "SN 40113")),
    # a plural label with "sind", the short label "SID", numbers after names under a label
    ("Die alten Schülernummern sind GS-41177 und RS-20934.", (S, "RS-20934")),
    ("Vater von Ali Kaya (SID 2020-5529) war da.", (S, "2020-5529")),
    ("Die Schülernummer steht hinter dem Namen: Tom Berg 771023, Ida Roth 771024.", (S, "771024")),
    # phones: a mobile number glued to its label, a country code after "Tel."
    ("Tel01761234987", (P, "01761234987")),
    ("rückruf Tel.+49(0)2339-912734", (P, "+49(0)2339-912734")),
    # birth dates: a correction, a second reading, siblings' dates after one birth word
    ("Das Geburtsdatum von Emil ist falsch: statt 14.02.2019 steht 24.02.2019 im System.", (D, "24.02.2019")),
    ("Geburtsdatum korrigieren: 03.11.2017 → 30.11.2017", (D, "30.11.2017")),
    ("Geburtsdatum alt: 03.11.2017, neu: 30.11.2017", (D, "30.11.2017")),
    ("Geburtsdatum 03.03.2019 (laut Urkunde: 04.03.2019)", (D, "04.03.2019")),
    ("geboren 03.03.2019 und 21.07.2016 (Geschwister)", (D, "21.07.2016")),
    ("Geburtsdaten: 03.03.2019 (Mila), 21.07.2016 (Tom)", (D, "21.07.2016")),
    # a list of names with their dates, a name in quotes with its date
    ("- Mila Roth, 03.03.2019\n- Tom Weber, 21.07.2016", (D, "03.03.2019")),
    ("Kind 'Mila Roth' (03.03.2019)", (D, "03.03.2019")),
    ("Die Anmeldung von „Jonas Brandt, 14.02.2011“ liegt vor.", (D, "14.02.2011")),
    # a fixed-width list without a header
    ("Brandt, Jonas   14.02.2011   8a\nRoth, Mila      03.03.2012   8a", (D, "03.03.2012")),
]

NOT_PUPIL_NUMBERS = [
    ('{"schueler": {"name": "Ida Roth", "schule": {"id": "170345"}}}', "170345"),
    ("<schueler><name>Ida Roth</name><schule><id>170345</id></schule></schueler>", "170345"),
    ("schueler:\n  - name: Ida Roth\n    schule:\n      id: GS-44\nraum:\n  id: B204", "GS-44"),
    ('{"raum": {"id": "B-2041"}, "schueler": []}', "B-2041"),
    ("Schule: GS Nord\nID: 170345", "170345"),
    ("Schüler: 812\nID: 170345", "170345"),
    ('{"schueler": 812, "id": "170345"}', "170345"),
    ("Nr;Name;Klasse\n101;Jonas Brandt;8a", "101"),
    ("Name;Schulnummer;Klasse\nGS Nord;170345;5", "170345"),
    ("Aktenzeichen 51-2024-0817 (Schüler Jonas Brandt)", "51-2024-0817"),
    ("Tabelle 21111-01-03-4: Schüler nach Schularten", "21111-01-03-4"),
    ("Schüler-IDs siehe Anhang.\nQuellen: OECD 2023; KMK 2024.", "OECD 2023"),
    ("Schülernummer siehe unten. Tom Berg 2019 in die 5a gewechselt.", "2019"),
    ("SID-Verfahren 2024 beschlossen", "2024"),
]


def test_a_number_after_a_pupil_number_and_a_slash_is_no_foreign_phone_number(gate):
    assert not any(kind == P for kind, _ in spans(gate, "Schülernummer 2021-0034 / 2021-0035"))


NOT_BIRTH_DATES = [
    ("geb. 03.03.2019 in Aleppo, eingereist am 12.05.2023", "12.05.2023"),
    ("Mila Roth geb. 03.03.2019 – Anmeldung am 10.01.2021", "10.01.2021"),
    ("geb. 12.05.2018; 01.08.2021 Wechsel in die Krippe", "01.08.2021"),
    ("Name;Geb.;Wunschtermin\nMila Roth;03.03.2019;01.08.2020", "01.08.2020"),
    ("Kind,Geburtsdatum,Aufnahme\nMila Roth,03.03.2019,01.08.2020", "01.08.2020"),
    ("geb. 03.03.2019. Das Gespräch fand am 04.03.2020 statt.", "04.03.2020"),
    ("Notiert: Selin Arslan, 17.03.2023", "17.03.2023"),
    ("Anruf Tom Weber, 12.03.2023", "12.03.2023"),
    ("Mila Roth (* 03.03.2019, † 04.04.2020)", "04.04.2020"),
    ("NAME            TERMIN\nBrandt, Jonas   14.02.2021", "14.02.2021"),
    ("Brandt, Jonas   12.03.2023   krank", "12.03.2023"),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_found(gate, text, expected):
    assert expected in spans(gate, text)


@pytest.mark.parametrize("text, value", NOT_PUPIL_NUMBERS)
def test_no_pupil_number(gate, text, value):
    assert not any(kind == S and value in found for kind, found in spans(gate, text))


@pytest.mark.parametrize("text, value", NOT_BIRTH_DATES)
def test_no_birth_date(gate, text, value):
    assert (D, value) not in spans(gate, text)


@pytest.mark.parametrize("text, value", [
    # a maiden name's "geb." before the date's own label
    ("Erklärung: Ich, Petra Voss, geb. Lindner, geboren am 02.11.1971, wohnhaft in Jena", "02.11.1971"),
    ("Mutter: Rana Aziz, geb. el-Amin, geb. 1988-04-23", "1988-04-23"),
])
def test_birth_date_after_a_maiden_name(gate, text, value):
    assert (D, value) in spans(gate, text)


def test_labelled_birth_date_ahead_of_the_clock_is_redacted_an_unlabelled_one_is_not(gate):
    import datetime as dt

    ahead = (dt.date.today() + dt.timedelta(days=40)).strftime("%d.%m.%Y")
    assert (D, ahead) in spans(gate, f"Angaben zum Kind: Noah Petersen, Geburtsdatum {ahead}")
    assert (D, ahead) not in spans(gate, f"Elternabend der Klasse 3b am {ahead} um 19 Uhr.")
    assert (D, ahead) not in spans(gate, f"Einladung zum Geburtstag von Noah am {ahead} in der Kita.")
