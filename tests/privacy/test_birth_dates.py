"""Birth dates in every notation and context; dates with other roles stay (own examples)."""

from __future__ import annotations

import pytest

from assistant.privacy.text.recognizers.dates import is_birth_key, is_role_key, parse_date
from tests.privacy.conftest import spans

BIRTH = [
    # notations after a birth word
    ("Jonas Pflüger, geb. 7.11.2014, Klasse 4b", "7.11.2014"),
    ("Emil Wendt, geb. 07.11.14, Klasse 4b", "07.11.14"),
    ("Geburtsdatum: 07/11/2014", "07/11/2014"),
    ("Geburtsdatum: 07-11-2014", "07-11-2014"),
    ("Geburtsdatum: 2014/11/07", "2014/11/07"),
    ("geboren am 7. November 2014 in Bremen", "7. November 2014"),
    ("Geb.-Dat.: 07. Nov. 2014", "07. Nov. 2014"),
    ("Kind: Ilka Sauer, geb. 7.Nov 14", "7.Nov 14"),
    ("Pia ist am Freitag, 7. November 2014 geboren.", "7. November 2014"),
    ("Pia wurde am 7. November 2014 in Tiflis geboren.", "7. November 2014"),
    ("DOB: 7 November 2014", "7 November 2014"),
    ("date of birth: November 7, 2014", "November 7, 2014"),
    ("Ruth Abebe (*07.11.2014) wechselt.", "07.11.2014"),
    ("Anmeldung Emil Brecht geb.07.11.2014", "07.11.2014"),
    ("Ruth Abebe – 07.11.2014 – Gruppe Füchse", "07.11.2014"),
    ("Geburtstage im November\nRuth 07.11.2014\nKarl 21.11.2014", "21.11.2014"),
    # abbreviations and keys of any shape
    ("GebDat 07.11.2014", "07.11.2014"),
    ("Geb.Datum 07.11.2014", "07.11.2014"),
    ("Geburtstag des Kindes: 07.11.2014", "07.11.2014"),
    ('{"vorname": "Ole", "gebdat": "2014-11-07"}', "2014-11-07"),
    ('{"first_name": "Ole", "birth_date": "2014-11-07"}', "2014-11-07"),
    ("kind_geburtsdatum=07.11.2014", "07.11.2014"),
    ("kid.bDate = 2014-11-07", "2014-11-07"),
    ("NAME|GEBDAT|GRUPPE\nWERNER, OLE|07.11.2014|Igel", "07.11.2014"),
    ("Nachname\tVorname\tgeb_am\nKrüger\tTilda\t2014-11-07", "2014-11-07"),
    # records that hold a name: the date without another role is the birth date
    ('{"nn": "Brückner", "vn": "Tilda", "d1": "2014-11-07", "angelegt": "2024-02-01"}', "2014-11-07"),
    ("vorname=Tilda;nachname=Brückner;kdat=07.11.2014;kl=3a", "07.11.2014"),
    ("Tilda Brückner | 07.11.2014 | 3a", "07.11.2014"),
    ("Brückner; Tilda; 07.11.2014; 3a", "07.11.2014"),
    ("Nachricht: „Wojcik, Tilda; 07.11.2014“ bitte prüfen", "07.11.2014"),
]

NOT_BIRTH = [
    "Aufnahme zum 01.08.2025, Stichtag 30.09.2025.",
    "Kinder, die nach dem 30.09.2019 geboren sind, werden 2026 schulpflichtig.",
    "Alle Kinder geb. zwischen 01.10.2018 und 30.09.2019 erhalten Post.",
    "Raum 2.14, Geb. B, ab 03.03.2025 gesperrt.",
    "* Stand 15.02.2025, Angaben ohne Gewähr.",
    "Name;Datum;Anlass\nMila Roth;12.05.2024;Elterngespräch",
    "Name | Aufnahme | Gruppe\nMila Roth | 01.08.2024 | Igel",
    '{"name": "Mila Roth", "betreuung_ab": "2024-08-01", "created_at": "2024-03-02"}',
    "Sitzung vom 12.05.2024, Beginn 16 Uhr.",
    "Termine\n* 14.01.2025 Elternabend\n* 03.02.2025 Zeugnisausgabe",
    "Umzug: Geb. D 17.03.2025, Geb. E 24.03.2025",
    "Stichtag für die Geburtsjahrgänge: 30.09.2021",
    "Helga Brandes | 17.02.2025 | entschuldigt",
    "Frau Brandes, 17.02.2025, Telefonnotiz",
]


@pytest.mark.parametrize(("text", "date"), BIRTH)
def test_birth_date_found(gate, text: str, date: str) -> None:
    assert ("DATE_OF_BIRTH", date) in spans(gate, text)


@pytest.mark.parametrize("text", NOT_BIRTH)
def test_other_dates_stay(gate, text: str) -> None:
    assert not [s for s in spans(gate, text) if s[0] == "DATE_OF_BIRTH"]


def test_record_takes_only_the_birth_date(gate) -> None:
    text = "kind_vorname=Tilda\nkind_nachname=Brückner\nkind_geb=2023-11-07\nplatz_ab=2024-08-01"
    found = [s for s in spans(gate, text) if s[0] == "DATE_OF_BIRTH"]
    assert found == [("DATE_OF_BIRTH", "2023-11-07")]


@pytest.mark.parametrize(("key", "birth", "role"), [
    ("GebDat", True, False), ("Geb.-Dat.", True, False), ("kind_geb", True, False),
    ("dateOfBirth", True, False), ("b_day", True, False), ("Gebühr", False, False),
    ("Aufnahmedatum", False, True), ("gueltig_bis", False, True), ("Abdullah", False, False),
])
def test_key_words(key: str, birth: bool, role: bool) -> None:
    assert (is_birth_key(key), is_role_key(key)) == (birth, role)


def test_parse_two_digit_years_and_month_names() -> None:
    assert str(parse_date("3.Mai 82")) == "1982-05-03"
    assert str(parse_date("03. Mär. 2011")) == "2011-03-03"
    assert parse_date("31.02.2011") is None


@pytest.mark.parametrize(("text", "date"), [
    ("Geburtsdatum;12.04.2016\nGeburtsort;Lemberg", "12.04.2016"),
    ("<kind><name>Ada Lenz</name><geburtsdatum>2016-04-12</geburtsdatum></kind>", "2016-04-12"),
    ("Anmeldung: Konrad Haas, 12.04.2016 (8 J.), Klasse 2c", "12.04.2016"),
    ("| Geburtsdatum | 12.04.2016 |", "12.04.2016"),
    ("Geburtsdatum\n12.04.2016", "12.04.2016"),
])
def test_birth_date_in_forms_and_markup(gate, text: str, date: str) -> None:
    assert ("DATE_OF_BIRTH", date) in spans(gate, text)


def test_each_object_of_a_json_list_is_its_own_record(gate) -> None:
    text = ('[\n  {\n    "name": "Kalle Brink",\n    "d": "2017-03-04"\n  },\n'
            '  {\n    "name": "Smilla Brink",\n    "d": "2019-08-21"\n  }\n]')
    found = [t for kind, t in spans(gate, text) if kind == "DATE_OF_BIRTH"]
    assert found == ["2017-03-04", "2019-08-21"]
