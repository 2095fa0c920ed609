"""Words that are no person, round 16, each form with own examples and a real name beside it: a
birth place after a date with a month name or under a label of date and place, a surname that
names a firm, a lower-case English word among English ones, a position in a quoted file."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


BIRTH_PLACES = [
    # the town after a birth date written with its month, or after the date under "…ort:"
    ("Frau Dana Ilić, geboren am 7. Juli 1989 in Šabac, wohnhaft in Hamm", ["Dana Ilić"]),
    ("Sohn Amir, geboren am 4. März 2015 in Mazar-e Scharif", ["Amir"]),
    ("Geburtsdatum/-ort: 11.09.2001 / Kumasi", []),
    ("Geburtsdatum und -ort: 1.2.1990 / Shkodër", []),
]


@pytest.mark.parametrize(("text", "persons"), BIRTH_PLACES)
def test_round16_birth_place_after_its_date_is_no_person(gate, text: str, persons: list[str]) -> None:
    assert _persons(gate, text) == persons


def test_round16_name_after_a_birth_date_without_place_label_stays(gate) -> None:
    assert missing(gate, "Geburtsdatum: 11.09.2001 / Vater: [[PERSON:Kofi Mensah]]") == []


FIRMS = [
    # a surname as a firm's name: after "Fa."/"Firma", before a legal form or "& Partner"
    "Rechnung 44/25 der Fa. Brandl & Koch Sanitär liegt bei.",
    "Essen liefert die Metzgerei Hofmann GmbH",
    "Transport: Fa. Lindemann, Kastanienweg 4",
    "Bus: Reisedienst Albers KG, Tel. 0521 44",
    "Reinigung: Petersen Service GmbH",
    "Lieferant: Krüger & Söhne KG, Hamm",
    "Vertrag mit Rieger & Partner, Steuerberater",
]


@pytest.mark.parametrize("text", FIRMS)
def test_round16_surname_naming_a_firm_is_no_person(gate, text: str) -> None:
    assert _persons(gate, text) == []


@pytest.mark.parametrize("marked", [
    "Frau [[PERSON:Wolf]] bestellt das Essen bei der Wolf GmbH ab.",
    "Herr [[PERSON:Brandl]] (Fa. Brandl Sanitär) hat angerufen",
    "Ansprechpartnerin: Frau [[PERSON:Petersen]], Gebäudeservice GmbH",
])
def test_round16_the_same_surname_after_a_title_stays(gate, marked: str) -> None:
    assert missing(gate, marked) == []


ENGLISH = [
    # lower-case English words with two English words beside them ("a" and "us" count)
    ("Thanks a lot!\nPriya Nair", ["Priya Nair"]),
    ("Please call us. We are glad.", []),
    ("Could you send it to us? Thank you!\nKofi Boateng", ["Kofi Boateng"]),
]


@pytest.mark.parametrize(("text", "persons"), ENGLISH)
def test_round16_english_word_among_english_ones_is_no_person(gate, text: str, persons: list[str]) -> None:
    assert _persons(gate, text) == persons


POSITIONS = [
    # an English word before a number after a quoted file name and a comma
    'File "/srv/app/export.py", line 12, in main',
    'Fehler in "kurse.json", line 7: Komma fehlt',
    "Import abgebrochen: 'schueler.csv', row 41 hat zu viele Felder",
]


@pytest.mark.parametrize("text", POSITIONS)
def test_round16_position_in_a_quoted_file_is_no_person(gate, text: str) -> None:
    assert _persons(gate, text) == []


@pytest.mark.parametrize("marked", [
    "Danke an [[PERSON:line]] und [[PERSON:tom]]",
    "mit [[PERSON:tom]] und [[PERSON:line]], 2 mal gefehlt",
    "Frau [[PERSON:Line Petersen]] kommt um 10",
])
def test_round16_the_same_words_as_names_stay(gate, marked: str) -> None:
    assert missing(gate, marked) == []
