"""Source, date and definition questions on the real knowledge base, in words of our own: what a
user sees first is the statistic (or its table), the day, or the definition of the term asked
about, and a definition of a secondary term names the primary one it builds on."""

from __future__ import annotations

import re

import pytest

from assistant.answers.question import kind_of
from tests.answers.conftest import first_of

#: question -> patterns its first sentence must match (all)
FIRST = {
    "Aus welcher Quelle kommen die Arbeitslosenzahlen für unseren Kreis?":
        [r"Arbeitsmarktstatistik|13211-02-05-4"],
    "Zu welchem Stichtag zählt die Kita-Statistik die betreuten Kinder?": [r"1\. ?(3\.|März)"],
    "Was meint man mit sekundärer Geheimhaltung in Tabellen des Landesamts?":
        [r"[Ss]ekundäre Geheimhaltung", r"zurückgerechnet|Rückrechnung"],
}


@pytest.mark.parametrize("question", list(FIRST))
def test_first_sentence_gives_what_was_asked(lotse, question):
    first = first_of(lotse.ask(question).result().answer)
    for pattern in FIRST[question]:
        assert re.search(pattern, first), (pattern, first)


def test_a_secondary_term_is_explained_with_the_primary_one(lotse):
    answer = lotse.ask("Was meint man mit sekundärer Geheimhaltung in Tabellen des Landesamts?").result()
    assert "primäre Geheimhaltung" in answer.answer


@pytest.mark.parametrize(("question", "kind"), [
    ("Zu welchem Zeitpunkt werden Schülerinnen und Schüler gezählt?", "schwelle"),
    ("Gibt es Daten zur offenen Jugendarbeit in unserem Landkreis?", "datenquelle"),
    ("Musikschulen im Kreis – gibt es dafür überhaupt Zahlen?", "datenquelle"),
    ("Welcher Anteil der Kinder unter drei Jahren wird betreut?", "schwelle"),
])
def test_date_and_source_questions_are_understood_as_such(question, kind):
    assert kind_of(question) == kind
