"""A step list fits a how-to question by what its task is done to: a hyphenated compound of the
task ("KI-Regeln", "CSV-Datei") is named by its last part, the thing it is, not by the part in
front. Having an AI write a script names the "KI" of "KI-Regeln aufstellen" and an action of
its group ("schreiben", "erstellen"), but not the rules: that list does not answer it."""

from __future__ import annotations

import pytest

from assistant.answers import steps

RULES = "Schritt für Schritt: interne KI-Regeln aufstellen"
INTRODUCE = "Schritt für Schritt: generative KI im Team einführen"
REPORT = "Schritt für Schritt: den ersten Bildungsbericht schreiben"
READ = "Schritt für Schritt: eine CSV-Datei der Regionaldatenbank einlesen"
RATE = "Schritt für Schritt: eine Quote für eine Altersgruppe oder Region bilden"
COMPASS = "Schritt für Schritt: die Selbsteinschätzung mit dem DKBM-Kompass"
ALL = (RULES, INTRODUCE, REPORT, READ, RATE, COMPASS)


def _fitting(question: str) -> list[str]:
    return [h for h in ALL if steps.fits(question, h)]


@pytest.mark.parametrize("question", [
    "Wie lasse ich mir von ChatGPT ein Python-Skript für die Schulstatistik erstellen?",
    "Wie schreibt mir ein KI-Assistent ein Auswertungsprogramm?",
    "Wie erstellen wir mit einem Sprachmodell eine Auswertung der Abschlussquoten?",
    "Wie lege ich mit Copilot ein Notebook für die Schulabgänger an?",
    "Wie lasse ich einen Chatbot R-Code für unsere Kita-Tabellen generieren?",
])
def test_a_script_by_an_ai_gets_no_list_for_rules_on_ai(question):
    assert _fitting(question) == []


@pytest.mark.parametrize("question, heading", [
    ("Wie stellen wir im Amt Regeln für den Umgang mit Chatbots auf?", RULES),
    ("Wie erstellen wir eine Richtlinie für Copilot in der Verwaltung?", RULES),
    ("Wie fangen wir im Bildungsbüro mit generativer KI an?", INTRODUCE),
    ("Wie entwerfe ich unseren ersten Bildungsbericht?", REPORT),
    ("Wie lese ich die Tabelle aus der Regionaldatenbank in R ein?", READ),
    ("Wie lese ich eine CSV aus GENESIS mit pandas ein?", READ),
    ("Wie fasse ich die Quoten der Ein- und Zweijährigen zu einer Quote für unter Dreijährige zusammen?",
     RATE),
])
def test_the_thing_a_compound_names_still_fits(question, heading):
    assert _fitting(question) == [heading]


@pytest.mark.parametrize("question", [
    "Wie starten wir mit KI im Team?",
    "Wie steigen wir in der Abteilung in die generative KI ein?",
    "Wie fangen wir mit einem Sprachmodell im Bildungsbüro an?",
])
def test_starting_with_ai_is_not_setting_up_rules_for_it(question):
    assert not steps.fits(question, RULES)
    assert steps.fits(question, INTRODUCE)


MERGE = "Schritt für Schritt: Daten aus Verwaltung und anderen Behörden zusammenführen"
AREAS = "Schritt für Schritt: kleinräumig nach Sozialräumen berichten"


@pytest.mark.parametrize("question, heading", [
    ("wie fange ich mit dem ersten bildungsbericht an, was gehört hinein?", REPORT),
    ("Wie beginne ich unseren ersten Bildungsbericht?", REPORT),
    ("Wie starte ich mit einer Quote für die Altersgruppe der unter Dreijährigen?", RATE),
    ("Wie steige ich beim Einlesen einer CSV-Datei aus der Regionaldatenbank ein?", READ),
])
def test_starting_a_task_asks_for_that_task(question, heading):
    # "anfangen", "beginnen", "starten" name the start of any task, not another action
    assert steps.fits(question, heading)


@pytest.mark.parametrize("question", [
    "Wir fangen gerade mit dem Monitoring an, die Amtsleitung will sofort alles. Wie gehen wir vor?",
    "Wie beginnen wir, wenn die Stadtverwaltung gleich alle Themen will?",
    "Wir starten mit dem Bildungsbüro, die Kreisverwaltung drängt. Wo setzen wir an?",
])
def test_one_word_of_a_thing_group_names_one_thing_of_the_task(question):
    # "Verwaltung und andere Behörden" stand in one thing group: one word names them once
    assert not steps.fits(question, MERGE)


@pytest.mark.parametrize("question", [
    "Wie berichte ich kleinräumig nach Sozialräumen?",
    "Wie stelle ich die Kita-Quoten kleinräumig für unsere Sozialräume dar?",
    "Wie zeigen wir Schulabschlüsse je Sozialraum kleinräumig im Bericht?",
])
def test_words_named_themselves_count_each(question):
    assert steps.fits(question, AREAS)
