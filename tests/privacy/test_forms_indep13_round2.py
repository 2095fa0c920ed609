"""Forms indep13 still showed after its first round, each with own examples (never the corpus
strings): a number's label written as one word after a name or in a list of names, a language cut
off before its period, an English adjective of origin read as one run with the English noun after it; Dutch and Flemish streets of several words, a house number with the next
field's label glued to it and a label glued in front of the street (PDF exports); a birth date
after its month or year ("geboren im Mai 2019, genauer am …")."""

from __future__ import annotations

import pytest

from assistant.privacy.text.recognizers.non_names import language_abbreviation
from tests.privacy.conftest import missing, spans

FOUND = [
    # PERSON: a number's label written as one word after "Surname, Given name" is no part of it
    "Vater: [[PERSON:Kaya, Emre]] IdNr 12 345 678 901",
    "Kontakt: [[PERSON:Brandt, Fenja]] KundenNr 4471, Tarif B",
    "Antragsteller ....: [[PERSON:Lopez Diaz, Pablo]] SteuerID ......: 12345678901",
    # ADDRESS: Dutch and Flemish streets of several words
    "Secretariaat: [[ADDRESS:Koningin Elisabethlaan 22, 8000 Brugge]]",
    "Unsere Partnerschule liegt an der [[ADDRESS:Jan van Eyckstraat 7, 1077 LK Amsterdam]].",
    "Gastfamilie in [[ADDRESS:Prins Hendrikplein 4, 2518 JA Den Haag]], ab Montag",
    # ADDRESS: a PDF export glues the next field's label to the house number, a label in front
    "Straße, Hausnr.[[ADDRESS:Gartenweg 12b]]PLZ, Ort45127 Essen",
    "AnschriftKirchgasse 3Telefon0201 44 55 66",
    "Wohnanschrift[[ADDRESS:Lindenallee 40]]Postleitzahl 04109",
    # DATE_OF_BIRTH: the month or year first, then the day more exactly
    "Bitte ändern: Mia Ernst, geboren im Juli 2020, genau am\n[[DATE_OF_BIRTH:14.07.2020]], nicht 2019.",
    "Sein Geburtsjahr ist 2015, und zwar am [[DATE_OF_BIRTH:03.03.2015]], wie im Pass.",
    "Tochter geb. 2011 – genauer gesagt am [[DATE_OF_BIRTH:2011-09-30]] – wechselt zu uns.",
]

NOT_FOUND = [
    # a number's label in a list after a label of names is no name
    ("Teilnehmer: Jonas Roth, Schul-Nr. 4411, SchuelerNr (neu) 77120", "SchuelerNr"),
    ("Kinder: Ida Wolf, Ben Kurz, KitaID 0815", "KitaID"),
    ("Eltern: Eva Lind, Tom Lind, KundenNr 55", "KundenNr"),
    # a language cut off before its period, in a table, a note or a CV
    ("Nr | Name | Sprache\n1 | Olga Wenzel | Engl./Russ.\n2 | Tarik Aydin | Türk.", "Engl"),
    ("Kind | Muttersprache\nIda Holm | Ital.\nEmre Kaya | Türk.", "Türk"),
    ("Förderstunden Rumän. bei Frau Sommer, montags", "Rumän"),
    ("Sprachen: Niederl. (C1), Span. (A2); Referenz: Herr Brehm", "Niederl"),
    # an English adjective of origin before a lower-case English word, read as one run with it
    ("My wife works for a Romanian company remotely, the pay goes to a Romanian account.", "Romanian"),
    ("He is employed by an Albanian company, so the salary comes from abroad.", "Albanian"),
    ("I have an Austrian employer and a Slovenian company account.", "Slovenian"),
    # a German noun before a Dutch street names the place, no part of the street
    ("Treffen im Büro Marnixplein 2, 9000 Gent", "Büro"),
    ("Praktikum Schule Kerkstraat 14, 2000 Antwerpen", "Schule"),
    ("Unterkunft Jugendherberge Vondelstraat 5, 1054 Amsterdam", "Jugendherberge"),
]


@pytest.mark.parametrize("marked", FOUND)
def test_indep13_round2_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_indep13_round2_forms_not_taken(gate, text: str, word: str) -> None:
    found = spans(gate, text)
    assert not any(word in surface and kind in ("PERSON", "ADDRESS") for kind, surface in found), found


def test_glued_street_label_is_cut_off(gate) -> None:
    found = spans(gate, "AnschriftKirchgasse 3Telefon0201 44 55 66")
    assert ("ADDRESS", "Kirchgasse 3") in found


@pytest.mark.parametrize(("text", "end", "language"), [
    ("Engl.", 4, True), ("Rum.", 3, True), ("Ital./Span.", 4, True), ("Ukr.", 3, True),
    ("Finn.", 4, False), ("Franz.", 5, False), ("Emil.", 4, False), ("Engl", 4, False), ("Dt.", 2, False),
])
def test_language_abbreviation(text: str, end: int, language: bool) -> None:
    assert language_abbreviation(text, 0, end) is language


@pytest.mark.parametrize(("text", "name"), [
    ("Die Urkunde bekommt Finn.", "Finn"),
    ("Mutter: Brandt, Fenja", "Brandt, Fenja"),
    ("Schüler: Weber, Lisa", "Weber, Lisa"),
])
def test_names_beside_the_new_rules_stay(gate, text: str, name: str) -> None:
    assert ("PERSON", name) in spans(gate, text)


@pytest.mark.parametrize("text", [
    "geboren 2015, Einschulung am 01.08.2021",
    "Geburtsjahr 2016, Aufnahme genau am 01.08.2022",
])
def test_other_dates_after_a_birth_year_stay_none(gate, text: str) -> None:
    assert not any(kind == "DATE_OF_BIRTH" for kind, _ in spans(gate, text))
