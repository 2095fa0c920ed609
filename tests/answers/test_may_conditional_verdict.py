"""A rule that holds only under a condition it names decides a may-I question "Nur unter
Bedingungen", not "Nein": a prohibition with its exception ("…, es sei denn …", "solange keine
Ausnahme greift") and a rule with a bound on the count for a question that names no count of its
own. Questions and sentences written for these tests (not from an evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answers.verdict import CONDITIONAL, NO, verdict


@pytest.mark.parametrize("question, sentence", [
    # a prohibition with its exception
    ("Dürfen wir die Diagnosen aus der Frühförderung je Kind in einer Online-Plattform "
     "auswerten?",
     "Die Auswertung solcher Angaben ist grundsätzlich untersagt, solange keine gesetzliche "
     "Ausnahme greift."),
    ("Darf das Jugendamt Akten einzelner Familien an das Schulamt schicken?",
     "Akten einzelner Familien dürfen nicht an andere Ämter gehen, es sei denn, ein Gesetz "
     "erlaubt es ausdrücklich."),
    ("Können wir Angaben zur Religion der Kinder mit einer KI auswerten?",
     "Angaben zur Religion werden nicht ausgewertet, außer wenn die Eltern schriftlich "
     "eingewilligt haben."),
    ("Ist es erlaubt, Befragungsantworten mit Schulnamen weiterzugeben?",
     "Befragungsantworten mit Schulnamen gibt das Amt nicht weiter, sofern die Schulen nicht "
     "zugestimmt haben."),
    # a bound on the count, for a question that names no count
    ("Dürfen wir Übergangsquoten je Stadtteil veröffentlichen, obwohl manche Stadtteile klein "
     "sind?",
     "Quoten mit weniger als 3 Fällen im Zähler werden nicht veröffentlicht."),
    ("Können wir die Zahl der Schulabbrüche je Sozialraum in den Bericht schreiben?",
     "Felder mit weniger als drei Fällen dürfen nicht veröffentlicht werden."),
    ("Dürfen Ergebnisse unserer Elternbefragung je Kita gezeigt werden?",
     "In einem Feld müssen mindestens 5 Antworten stehen, damit der Wert gezeigt werden darf."),
])
def test_a_rule_with_its_condition_decides_only_under_conditions(question, sentence):
    assert verdict(question, sentence) == CONDITIONAL


@pytest.mark.parametrize("question, sentence", [
    # a prohibition without an exception stays "Nein"
    ("Darf ich die Schülerliste mit Namen in einen Online-Übersetzer kopieren?",
     "Personenbezogene Daten gehören nicht in externe KI-Dienste."),
    ("Dürfen wir einen gesperrten Wert aus der Summe zurückrechnen und drucken?",
     "Einen gesperrten Wert aus Summen zurückzurechnen und zu veröffentlichen, ist nicht "
     "zulässig."),
    # a question that names its own count under the bound is decided by the number
    ("Dürfen wir schreiben, dass an der Förderschule Süd zwei Kinder zurückgestellt wurden?",
     "Felder mit weniger als drei Fällen dürfen nicht veröffentlicht werden."),
    ("Darf im Bericht stehen, dass in einem Ortsteil nur ein Kind die Kita nicht besucht?",
     "Quoten mit weniger als 3 Fällen im Zähler werden nicht veröffentlicht."),
    ("Können wir zeigen, dass ein einziger Jugendlicher die Ausbildung abgebrochen hat?",
     "Felder mit weniger als drei Fällen dürfen nicht veröffentlicht werden."),
])
def test_a_rule_without_a_condition_on_the_case_stays_no(question, sentence):
    assert verdict(question, sentence) == NO


@pytest.mark.parametrize("question", [
    # whether a thing may be treated like others: an exception does not make it like them
    "Dürfen wir die Diagnosen der Frühförderung wie ganz normale Verwaltungsdaten behandeln?",
    "Können wir Angaben zur Religion genauso wie andere Schülerdaten speichern?",
    "Darf das Amt Befunde der Kinderärzte wie übliche Statistikdaten weitergeben?",
])
def test_an_exception_does_not_make_a_thing_like_others(question):
    sentence = ("Die Verarbeitung solcher Angaben ist grundsätzlich untersagt, solange keine "
                "gesetzliche Ausnahme greift.")
    assert verdict(question, sentence) == NO


@pytest.mark.parametrize("sentence, back", [
    ("Die Auswertung dieser Angaben ist nur mit Rechtsgrundlage zulässig.", True),
    ("Zu diesen Gruppen zählen Kinder mit Förderbedarf.", True),
    ("Für den Bericht gilt in diesem Jahr die neue Schwelle.", False),
    ("Gesundheitsdaten sind besonders geschützt.", False),
])
def test_a_demonstrative_refers_back(sentence, back):
    from assistant.answers.verdict import refers_back

    assert refers_back(sentence) is back


@pytest.mark.parametrize("question, expected", [
    # a question on data about single persons is not decided by "do not do without AI"
    ("Dürfen wir die Hörtest-Befunde je Kind mit einem Web-KI-Dienst auswerten?", None),
    ("Können wir Diagnosen einzelner Schüler mit einer KI-Plattform sortieren?", None),
    ("Darf die Förderliste mit Namen in ein KI-Werkzeug geladen werden?", None),
    # a question on using AI at all, or on doing without it, is
    ("Dürfen wir im Schulamt mit KI-Werkzeugen arbeiten?", "Ja"),
    ("Sollten wir aus Sorge um den Datenschutz lieber ganz auf KI verzichten?", NO),
])
def test_not_doing_without_ai_decides_only_on_using_ai(question, expected):
    sentence = ("Eine Handreichung betont, dass die Sorge vor Datenschutzverstößen nicht dazu "
                "führen sollte, auf KI-Werkzeuge ganz zu verzichten.")
    assert verdict(question, sentence) == expected
