"""Birth dates in forms the rules learned for issue 10: compact digits, blank-separated numbers,
German ordinal words, month names of other languages, fixed-width columns. Own examples."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.privacy.text.recognizers.dates import parse_date
from tests.privacy.conftest import spans

BIRTH = [
    ('{"vorname": "Lenja", "geb": "20170823"}', "20170823"),
    ("Geburtsdatum: 23082017\nWohnort: Kassel", "23082017"),
    ("Anmeldung Kita Sonnenblume\nKind: Pawel Nowak\nGeb.-Datum: 7 11 2019", "7 11 2019"),
    ("Name: Ilvy Carstens, geboren am neunzehnten Oktober 2016 in Kiel", "neunzehnten Oktober 2016"),
    ("Teilnehmer: Jonte Reimers\ngeb. am einundzwanzigsten Juni 2014", "einundzwanzigsten Juni 2014"),
    ("Nüfus kaydı – Doğum tarihi: 4 Ağustos 2013", "4 Ağustos 2013"),
    ("Akt urodzenia, Geburtsdatum: 9 września 2012", "9 września 2012"),
    ("Acte de naissance – date of birth: 17 février 2015", "17 février 2015"),
    ("Certificato di nascita, Geburtsdatum: 2 giugno 2011", "2 giugno 2011"),
    ("Partida de nacimiento – geb. 30 noviembre 2010", "30 noviembre 2010"),
    ("Svidetelstvo o rozhdenii, dob: 14 oktyabrya 2013", "14 oktyabrya 2013"),
    # birth labels in other languages, as in translated certificates
    ("Свидетельство о рождении\nФамилия: Петренко\nДата рождения: 11.04.2015", "11.04.2015"),
    ("Zaświadczenie – data urodzenia: 26.01.2014", "26.01.2014"),
    ("Extrait d'acte: Camille Roux, née le 08/03/2016 à Lyon", "08/03/2016"),
    ("Certificato: Matteo Greco, nato il 19.07.2013 a Bari", "19.07.2013"),
    ("Certificado: Lucía Ortega, fecha de nacimiento 02/12/2012", "02/12/2012"),
    ("شهادة ميلاد – تاريخ الميلاد: 15.05.2014", "15.05.2014"),
]
FIXED_WIDTH = ("Meldedaten Zuzug 03/2026\n"
               "FAMNAME        RUFNAME      GEBURTSDATUM  ORT\n"
               "KOWALCZYK      ANTONI       20180412      KASSEL\n"
               "OYELARAN       FOLAKE       20171130      KASSEL\n")
NOT_BIRTH = [
    "Aktenzeichen 20180412, Eingang am 3. März",
    "Rückruf unter 03 05 2021 erbeten",  # a list of numbers, no birth label
    "Protokoll: Nachtrag am zwölften Mai 2024 zur Sitzung",
    "Anmeldung nach dem dritten Juli 2025 nicht mehr möglich (Kinder geb. bis 2020)",
]


@pytest.mark.parametrize(("text", "date"), BIRTH)
def test_birth_date_forms_found(gate, text: str, date: str) -> None:
    assert ("DATE_OF_BIRTH", date) in spans(gate, text)


def test_fixed_width_column_under_a_birth_header(gate) -> None:
    found = [s for s in spans(gate, FIXED_WIDTH) if s[0] == "DATE_OF_BIRTH"]
    assert found == [("DATE_OF_BIRTH", "20180412"), ("DATE_OF_BIRTH", "20171130")]


@pytest.mark.parametrize("text", NOT_BIRTH)
def test_other_numbers_and_dates_stay(gate, text: str) -> None:
    found = [s for s in spans(gate, text) if s[0] == "DATE_OF_BIRTH"]
    assert found == []


def test_log_time_stamp_under_a_line_with_a_birth_key_stays(gate) -> None:
    text = "2026-02-11T08:00:01Z action=import kind_geb=2019-01-05\n2026-02-11T08:00:02Z action=done"
    found = [s for s in spans(gate, text) if s[0] == "DATE_OF_BIRTH"]
    assert found == [("DATE_OF_BIRTH", "2019-01-05")]


@pytest.mark.parametrize(("text", "date"), [
    ("20180412", dt.date(2018, 4, 12)), ("12042018", dt.date(2018, 4, 12)),
    ("20181304", None), ("31022018", None), ("5 3 2019", dt.date(2019, 3, 5)),
    ("dritten März 2019", dt.date(2019, 3, 3)), ("Achtundzwanzigsten Februar 2016", dt.date(2016, 2, 28)),
    ("12 Mart 2014", dt.date(2014, 3, 12)), ("1 stycznia 2012", dt.date(2012, 1, 1)),
])
def test_parse_new_notations(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date
