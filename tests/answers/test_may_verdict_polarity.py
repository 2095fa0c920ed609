""""May I …?" verdicts agree with the sentence they introduce and with the data asked about: a
sentence that denies the action ("darf … nicht einfach zusammenführen") never gets "Ja"; a
question on published, aggregated tables (no personal data) for an AI service is decided by the
sentence that allows such tables, not by the rule on personal data. Questions written for these
tests (not from an evaluation set)."""

from __future__ import annotations

import re

import pytest

from assistant.answers.clauses import main_clause
from assistant.answers.verdict import asks_public_data, verdict


@pytest.mark.parametrize("question, sentence, expected", [
    # the asked words sit in a bracket with a comma: the main clause runs on to its verb
    ("Können wir die Daten der Jugendhilfe (Hilfen zur Erziehung, Inobhutnahmen) mit den "
     "Schülerdaten verknüpfen?",
     "Daten verschiedener Stellen, etwa Jugendamt und Schulamt, darf eine Kommune nicht ohne "
     "Weiteres verknüpfen.", "Nein"),
    ("Darf das Bildungsbüro die Förderdaten einfach mit den Meldedaten abgleichen?",
     "Solche Datensätze, etwa aus Schule und Meldeamt, dürfen ohne Rechtsgrundlage nicht "
     "zusammengeführt werden.", "Nein"),
    ("Darf das Bildungsbüro die Förderdaten mit den Meldedaten verknüpfen?",
     "Die Verknüpfung, etwa von Förder- und Meldedaten, ist nur mit einer Rechtsgrundlage "
     "zulässig.", "Nur unter Bedingungen"),
])
def test_a_verdict_never_contradicts_its_sentence(question, sentence, expected):
    assert verdict(question, sentence) == expected


def test_a_comma_in_brackets_does_not_end_the_main_clause():
    clause = main_clause("Dürfen wir die Befunde (Sehtest, Hörtest) mit der Kita-Liste zusammenführen?")
    assert "zusammenführen" in clause


@pytest.mark.parametrize("question, public", [
    ("kann ich die veröffentlichte landestabelle zu den abiturquoten bei chatgpt reinkopieren, "
     "damit ich ein diagramm bekomme?", True),
    ("Darf ich aggregierte Zahlen aus der Regionaldatenbank in einen KI-Chatbot eingeben?", True),
    ("Darf ich die Klassenliste mit Namen in einen KI-Chatbot eingeben?", False),
    # licence, not data protection: another rule decides it
    ("Dürfen wir Tabellen aus der Regionaldatenbank in unserem Bericht abdrucken?", False),
])
def test_questions_on_published_aggregated_data_are_recognised(question, public):
    assert asks_public_data(question) is public


@pytest.mark.parametrize("question, start, must_not", [
    # published aggregated tables into an AI service: yes, they hold no personal data
    ("ist das in ordnung, wenn ich die veröffentlichte landestabelle zu den schulabschlüssen in "
     "einen ki-chatbot einfüge, damit er mir ein python-skript für ein diagramm schreibt?", r"^Ja\b",
     r"Personenbezogene Daten gehören"),
    ("Darf ich aggregierte Zahlen aus der amtlichen Statistik in ChatGPT eingeben, damit es mir "
     "eine Grafik baut?", r"^Ja\b", r"Personenbezogene Daten gehören"),
    # pupil-level data into the same service: no
    ("Darf ich die Klassenliste mit Namen und Noten bei ChatGPT reinkopieren, damit er mir ein "
     "Diagramm baut?", r"^Nein\b", r"^Ja\b"),
    # linking health data of another office with own data: the sentence denies it, so no "Ja"
    ("Dürfen wir die Befunde der Einschulungsuntersuchung (Sehtest, Motorik) einfach mit unserer "
     "Kita-Statistik zusammenführen?", r"^(Nein|Nur unter Bedingungen)\b", r"^Ja\b"),    # a small count to be written into a report, asked with "können": a confidentiality question
    ("Können wir im Bericht erwähnen, dass an der Förderschule Süd nur zwei Kinder die Klasse "
     "wiederholt haben?", r"^Nein\b.*(unter 3|< 3)", r"^Ja\b"),
])
def test_the_first_sentence_decides_by_the_data_asked_about(first, question, start, must_not):
    found = first(question)
    assert re.search(start, found), found
    assert not re.search(must_not, found), found


@pytest.mark.parametrize("question, sentence, expected", [
    # the question asks what the action needs: the sentence stating it decides, conditionally
    ("Dürfen wir Schülerdaten in einen gemieteten Cloud-KI-Dienst eingeben, und was brauchen wir dafür?",
     "Wer einen Cloud-KI-Dienst dienstlich nutzt und dabei personenbezogene Daten eingeben lässt, "
     "braucht einen Vertrag zur Auftragsverarbeitung.", "Nur unter Bedingungen"),
    # the same sentence for a plain may-I question is no conditional verdict of its own
    ("Darf ich Schülerdaten in einen gemieteten Cloud-KI-Dienst eingeben?",
     "Wer einen Cloud-KI-Dienst dienstlich nutzt und dabei personenbezogene Daten eingeben lässt, "
     "braucht einen Vertrag zur Auftragsverarbeitung.", None),
])
def test_a_requirement_decides_a_question_that_asks_for_it(question, sentence, expected):
    assert verdict(question, sentence) == expected


def test_a_question_asking_what_is_needed_leads_with_the_conditions(first):
    found = first("Wir wollen einen Chatbot bei einem Cloud-Anbieter mieten. Dürfen unsere Leute dort "
                  "personenbezogene Daten eingeben, und was brauchen wir dafür?")
    assert found.startswith("Nur unter Bedingungen"), found


def test_a_sentence_asking_only_for_a_check_is_no_yes_but():
    # "must be checked separately" allows nothing: no "Ja, aber" to letting AI decide alone
    assert verdict("Darf eine KI bei uns automatisch entscheiden, welche Vereine Zuschüsse bekommen?",
                   "Ein Chatbot für Texte gehört nicht dazu; KI für Entscheidungen über einzelne "
                   "Vereine muss eigens geprüft werden.") != "Ja, aber"
