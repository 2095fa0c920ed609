"""Forms of round 16o (all types but PERSON), each with own examples (never the corpus strings):
a phone number read out in words; a street written "-str" without a dot, with no verb of the
sentence read into its name; a pupil number with an underscore between its digit groups; a birth
date given as the correction of one asked about a line before. Not taken: a sample tax ID running
up or down ("12345678901") next to "Steuer-ID", a phone number broken off after a few words, a
number range inside a table cell of a row with a name ("im ZR 1000"), a corrected date that is
a meeting's."""

from __future__ import annotations

import pytest

from assistant.privacy.text.recognizers.tax_id import placeholder
from tests.privacy.conftest import missing, spans

FOUND = [
    # PHONE_NUMBER: read out in words, as a dictation or a call note writes it
    "Rückrufnummer des Vaters: [[PHONE_NUMBER:null eins fünf zwei drei acht acht eins zwei null sieben]], bitte heute.",
    "Sie ist erreichbar unter [[PHONE_NUMBER:null zwei null eins, vier vier sieben acht eins zwei drei]] ab 14 Uhr.",
    "neue nummer oma [[PHONE_NUMBER:null-eins-sieben-zwei fünf fünf sechs sechs sieben sieben acht]] ende",
    "Aus dem Ausland: [[PHONE_NUMBER:plus vier neun eins sieben sechs drei drei eins zwei neun neun acht]]",
    # ADDRESS: "-str" without a dot; the sentence's verb before it is no part of the street
    "Wir wohnen seit Mai [[ADDRESS:Ahornstr 7, 33602 Bielefeld]], Hinterhaus.",
    "Die Familie lebt jetzt [[ADDRESS:Talstr 12a, 66111 Saarbrücken]].",
    "Ich wohne [[ADDRESS:Bergstr 3, 69120 Heidelberg]] im zweiten Stock.",
    "Abholung ab [[ADDRESS:Kirchstr 4]] um 8 Uhr, dann weiter zur Schule.",
    # STUDENT_ID: an underscore between the digit groups
    "Schüler-ID: [[STUDENT_ID:2019_0451]], Klasse 7b",
    "Bitte die Schülernummer [[STUDENT_ID:2022_00318]] im Export korrigieren.",
    "Kita-Kind-Nr. [[STUDENT_ID:24_117]] (Gruppe Igel)",
    # STUDENT_ID: the number of a pupil's record sheet, in a sentence with a semicolon
    "Gemäß Schülerstammblatt Nr. [[STUDENT_ID:19-4471]] wohnt Ole bei der Mutter; Post an beide.",
    "Schülerkarteikarte [[STUDENT_ID:2018-0219]] fehlt; bitte im Archiv suchen.",
    "Laut Schülerstammdatensatz Nr. [[STUDENT_ID:K-20417]] ist die Mutter sorgeberechtigt; der Vater nicht.",
    # DATE_OF_BIRTH: the correction of a birth date asked about shortly before
    "Anna 09:01: stimmt das Geburtsdatum von Milo? Im System steht 30.02.\n"
    "Ben 09:05: nein, richtig ist [[DATE_OF_BIRTH:03.02.2015]]",
    "Das Geb.-Datum ist falsch eingetragen (2051), korrekt wäre [[DATE_OF_BIRTH:14.6.2015]].",
    "Frage zum Geburtstag von Ida: im Bogen 31.04.2016?\nAntwort: Tippfehler, korrigiert auf [[DATE_OF_BIRTH:13.04.2016]]",
]


@pytest.mark.parametrize("marked", FOUND)
def test_round16o_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


NOT_TAKEN = [
    # a sample tax ID running up or down, next to its label
    ("Steuer-ID bitte eintragen, z. B. 12345678901 (Beispiel).", "12345678901"),
    ("Muster-IdNr. im Formular: 98765432109", "98765432109"),
    ("Steuer-ID (Platzhalter): 23456789012", "23456789012"),
    # a phone number broken off after a few words
    ("die nummer ist null eins fünf neun … nee warte, ich schau nach", "null eins fünf neun"),
    ("Vorwahl null drei null, den Rest schicke ich per Mail.", "null drei null"),
    # a number range inside a cell of a row with a name: no pupil number
    ("| Fach | Ziel | Wer |\n|---|---|---|\n| Mathe | sicher im ZR 1000 | Kunz |", "ZR 1000"),
    ("Fach;Förderziel;Lehrkraft\nMathe;Addition im ZR 100;Frau Lange", "ZR 100"),
    ("Bereich\tZiel\tZuständig\nLesen\tTexte bis LF 200 lesen\tHerr Maier", "LF 200"),
    # a count or a duration after a street is no house number
    ("Der Bus braucht ab Haltestelle Marktstr 10 Minuten.", "Marktstr 10"),
    ("Von der Schillerstraße 15 Minuten zu Fuß", "Schillerstraße 15"),
    ("In der Gartenstr. 4 Stunden Sperrung wegen Bauarbeiten", "Gartenstr. 4"),
    # a correction of a date that is a meeting's, not the birth date's
    ("Geburtstag von Lea bitte prüfen.\nTermin verschoben, richtig ist 13.11.2025", "13.11.2025"),
    ("Stichtag für das Geburtsdatum: nicht vor dem 1.7.2019, sondern 1.8.2019", "1.8.2019"),
    ("Geburtsdaten prüfen.\nStichtag war bis 30.06.2019, korrigiert auf 31.07.2019", "31.07.2019"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_TAKEN)
def test_round16o_not_taken(gate, text: str, surface: str) -> None:
    assert not any(surface in found for _, found in spans(gate, text))


@pytest.mark.parametrize(("digits", "expected"), [
    ("12345678901", True), ("98765432109", True), ("00000000000", True), ("34567890123", True),
    ("86095742719", False), ("47036892816", False), ("12121212121", False),
])
def test_round16o_tax_id_placeholder(digits: str, expected: bool) -> None:
    assert placeholder(digits) is expected
