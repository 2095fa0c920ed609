""""May I …?" forms whose first sentence had the wrong polarity or spoke of something else:
using AI at all (not automated decisions), a prohibition asked of AI as a whole, trusting an AI
result unchecked, a sentence denying a verb the question does not ask, and the curated answers
that must carry the norm and the way out. Questions written for these tests (not from an
evaluation set)."""

from __future__ import annotations

import re

import pytest

from assistant.answers import faq
from assistant.answers.actions import actions_of, rules_elsewhere
from assistant.answers.question import focus_for, understand
from assistant.answers.verdict import requires_check, verdict
from tests.answers.conftest import extractive_run, first_of

ART_22 = ("Entscheidungen mit rechtlicher Wirkung sollen nicht ausschließlich von einer KI "
          "getroffen werden (Art. 22 DSGVO).")


@pytest.mark.parametrize("question", [
    "Ist ChatGPT in unserem Amt verboten?",
    "Dürfen wir im Bildungsbüro Chatbots benutzen, oder ist das tabu?",
    "Ist generative KI bei der Kreisverwaltung überhaupt erlaubt?",
])
def test_a_question_on_ai_as_a_whole_asks_about_using_it(question):
    assert [a.name for a in actions_of(question)][:1] == ["ki_nutzen"]


def test_the_rule_on_automated_decisions_does_not_decide_using_ai_at_all():
    question = "Dürfen wir im Bildungsbüro Chatbots benutzen, oder ist das tabu?"
    assert rules_elsewhere(actions_of(question), ART_22)
    assert verdict(question, ART_22) is None
    # it still decides a question on letting AI decide
    assert verdict("Darf eine KI allein entscheiden, welche Vereine Zuschüsse bekommen?",
                   ART_22) == "Nein"


def test_data_protection_as_a_worry_does_not_focus_on_personal_data_sections():
    worry = focus_for(understand("Dürfen wir KI-Werkzeuge wegen des Datenschutzes überhaupt "
                                 "verwenden, oder ist das tabu?"))
    assert "personenbez" not in worry.section_words
    data = focus_for(understand("Dürfen wir eine Liste mit Namen in KI-Werkzeuge eingeben?"))
    assert "personenbez" in data.section_words


@pytest.mark.parametrize("question, sentence, expected", [
    # the sentence denies distorting, not what is asked (taking over tables, passing them on)
    ("Darf ich Tabellen aus dem Statistikportal in unseren Bericht übernehmen und an die Schulen "
     "weitergeben?",
     "Grafiken in einem Bericht sollen eine Aussage klar zeigen und dürfen die Werte nicht "
     "verzerren.", None),
    # denied verbs that name the asked action keep their "Nein"
    ("Darf ich den gesperrten Wert aus der Summe zurückrechnen und im Bericht zeigen?",
     "Gesperrte Werte darf man nicht aus Summen rekonstruieren und veröffentlichen.", "Nein"),
    ("Darf ich die Teilnehmerliste in einen Chatbot kopieren?",
     "Personenbezogene Daten dürfen nicht in externe KI-Dienste eingegeben werden.", "Nein"),
])
def test_a_denied_verb_decides_only_what_the_question_asks(question, sentence, expected):
    assert verdict(question, sentence) == expected


def test_a_check_duty_decides_a_question_on_trusting_unchecked():
    question = "Kann ich dem Python-Skript aus dem Chatbot einfach vertrauen?"
    duty = "KI-Ergebnisse müssen immer fachlich geprüft werden, bevor sie verwendet werden."
    assert requires_check(question, duty)
    assert verdict(question, duty, strict=True) == "Nein"


@pytest.mark.parametrize("question, start, must_not", [
    # using AI at all: yes (the worry should not lead to doing without), never the Art. 22 rule
    ("Dürfen wir in unserem Amt KI-Werkzeuge verwenden, oder ist das wegen des Datenschutzes "
     "ein No-Go?", r"^Ja\b", r"Entscheidung|Art\. 22"),
    # asked as a prohibition: no, it is not forbidden
    ("Ist die Nutzung von ChatGPT in unserer Verwaltung verboten?", r"^Nein\b.*verzichten",
     r"Entscheid"),
    # doing without: no
    ("Sollten wir wegen Datenschutzbedenken im Amt lieber gar nicht mit KI arbeiten?",
     r"^Nein\b.*verzichten", r"Schatten-KI"),
    # trusting a script unchecked: no, it must be checked
    ("Kann ich einem Python-Skript, das mir ein Chatbot geschrieben hat, einfach so vertrauen?",
     r"^Nein\b.*geprüft", r"verzichten"),
])
def test_the_first_sentence_has_the_right_polarity(first, question, start, must_not):
    found = first(question)
    assert re.search(start, found), found
    assert not re.search(must_not, found), found


def test_the_class_list_answer_names_the_legal_basis_and_the_processing_contract():
    found = faq.match("Darf ich eine Schülerliste mit Namen in ChatGPT hochladen?")
    assert found is not None and found.entry.id == "klassenliste-chatbot"
    assert found.entry.answer.startswith("Nein")
    assert "Art. 28" in found.entry.answer and "Rechtsgrundlage" in found.entry.answer


def test_the_small_count_answer_says_to_aggregate_instead():
    found = faq.match("Dürfen wir veröffentlichen, dass an einer Schule nur zwei Kinder sitzen "
                      "geblieben sind?")
    assert found is not None and found.entry.id == "kleine-zahl-veroeffentlichen"
    assert "zusammenfassen" in found.entry.answer


def test_using_ai_for_a_task_keeps_the_task_and_brings_its_conditions(lotse):
    from assistant.answers.question import core

    question = ("Dürfen wir generative KI verwenden, um uns Python-Code für die Auswertung der "
                "Schulstatistik schreiben zu lassen?")
    # the purpose clause names what the use is for: it stays in the search
    assert "Python-Code" in core(understand(question))
    _, pieces = extractive_run(lotse)(question)
    answer = " ".join(pieces)
    assert first_of(answer).startswith("Ja"), answer
    # the conditions: trial projects with anonymised test data, only column names to the AI
    assert re.search(r"anonymisierten Testdatensätzen|Spaltennamen", answer), answer


SMALL_COUNT_RULE = "Felder mit weniger als 3 Fällen werden nicht veröffentlicht (primäre Geheimhaltung)."


def test_a_small_count_rule_does_not_decide_a_question_naming_no_count():
    assert verdict("Dürfen wir Karten mit Daten der amtlichen Statistik in unserem Bericht online "
                   "stellen?", SMALL_COUNT_RULE) is None
    # it still decides a question on a small count
    assert verdict("Dürfen wir veröffentlichen, dass an der Kita Sonnenhof zwei Kinder eine "
                   "Sprachförderung bekommen?", SMALL_COUNT_RULE) == "Nein"


def test_using_official_tables_in_a_report_is_decided_by_the_licence(first):
    lead = first("Dürfen wir Karten mit Daten der amtlichen Statistik in unserem Bericht online stellen?")
    assert lead.startswith("Ja") and "Namensnennung" in lead, lead
