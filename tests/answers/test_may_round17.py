"""Three forms of a may-I question whose answer must start with the sentence that decides it: a
yes/no question on a property of the data ("Ist die Tabelle jetzt anonym?"), "Geht das
rechtlich?" after a sentence on a plan, and a prohibition whose next sentence names the condition
that allows it ("Nur unter Bedingungen"). Questions and sentences written for these tests (not
from an evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answers.question import asks_property, understand
from assistant.answers.verdict import CONDITIONAL, NO, YES, verdict, with_verdict

# (question, property asked)
PROPERTY_QUESTIONS = [
    ("Wir haben die Vornamen gestrichen und durch Kürzel ersetzt. Ist die Tabelle jetzt anonym?",
     "anonym"),
    ("Statt der Namen stehen in der Kita-Datei nur noch Codes. Ist die Datei damit anonymisiert, "
     "sodass wir sie an die Hochschule geben können?", "anonym"),
    ("Die Namen der Jugendlichen sind durch laufende Nummern ersetzt. Sind das dann noch "
     "personenbezogene Daten?", "personenbezogen"),
    ("Bleiben die Angaben personenbeziehbar, wenn wir die Namen gegen Kennziffern tauschen?",
     "personenbezogen"),
]


@pytest.mark.parametrize("question, wanted", PROPERTY_QUESTIONS)
def test_a_question_on_a_property_of_the_data_is_a_yes_no_question(question, wanted):
    assert understand(question).kind == "darf_ich"
    assert asks_property(question) == wanted


@pytest.mark.parametrize("question", [
    "Ist anonymisiert dasselbe wie pseudonymisiert?",
    "Was bedeutet anonym im Sinne der DSGVO?",
    "Wie viele Schulen gibt es im Kreis?",
])
def test_other_questions_ask_no_property(question):
    assert asks_property(question) is None


# (question, sentence, verdict): whether the data stay personal answers what is asked of them
STATUS = [
    (PROPERTY_QUESTIONS[0][0], "Das Ersetzen von Namen durch Codes erreicht nur Pseudonymisierung.", NO),
    (PROPERTY_QUESTIONS[1][0], "Pseudonymisierte Angaben bleiben personenbezogene Daten.", NO),
    (PROPERTY_QUESTIONS[2][0], "Auch mit Nummern statt Namen bleiben die Angaben personenbezogen.", YES),
    (PROPERTY_QUESTIONS[3][0], "Pseudonymisierte Angaben bleiben personenbezogene Daten.", YES),
    # what anonymous data are does not say that these data are anonymous
    (PROPERTY_QUESTIONS[0][0], "Anonyme Daten fallen nicht unter die DSGVO.", None),
    ("Wir haben Namen und Anschriften gelöscht, das Geburtsjahr steht noch drin. Ist die Datei "
     "jetzt anonym?", "Anonyme Daten enthalten keine personenbezogenen Angaben mehr.", None),
]


@pytest.mark.parametrize("question, sentence, wanted", STATUS)
def test_whether_data_stay_personal_decides_the_property(question, sentence, wanted):
    assert verdict(question, sentence) == wanted


PLANS = [
    "Der Schulträger möchte, dass ein Chatbot die Förderstunden auf die Schulen verteilt. "
    "Geht das rechtlich?",
    "Ein Sprachmodell soll die Elternbriefe der Kitas automatisch verfassen und verschicken. "
    "Ist das machbar?",
    "Die Jugendhilfeplanung will Adressen aus dem Melderegister mit den Schuldaten verknüpfen. "
    "Geht das?",
    "Wir möchten im Bericht einzelne Förderschulen mit ihren Abgängerzahlen zeigen. "
    "Ist das rechtlich möglich?",
]


@pytest.mark.parametrize("question", PLANS)
def test_a_plan_asked_with_geht_das_is_a_yes_no_question(question):
    assert understand(question).kind == "darf_ich"


@pytest.mark.parametrize("question", [
    "Wir wollen die Quote im Tabellenblatt ausrechnen. Geht das schneller?",
    "Geht das?",
    "Wir planen eine Übersicht der Kitaplätze je Stadtteil. Ist das machbar?",
])
def test_a_plan_without_a_permission_topic_is_no_may_i_question(question):
    assert understand(question).kind != "darf_ich"


def test_a_rule_on_the_plan_decides_it():
    # (the context sentence names what is asked: "Geht das?" itself names nothing)
    assert verdict(PLANS[0], "Ein Chatbot darf Förderstunden nicht allein verteilen.") == NO
    assert verdict(PLANS[2], "Adressen aus dem Melderegister dürfen nicht mit Schuldaten "
                             "verknüpft werden.") == NO


# (question, prohibition, the sentence after it, verdict word in front)
CONDITIONED = [
    ("Dürfen wir die Daten des Sozialamts mit den Schuleingangsdaten je Kind verknüpfen?",
     "Daten verschiedener Ämter darf ein Bildungsbüro nicht einfach verknüpfen.",
     "Eine Verknüpfung ist nur mit einer gesetzlichen Grundlage zulässig.", CONDITIONAL),
    ("Dürfen wir die Adresslisten der Kitas an den Sportverein weitergeben?",
     "Adresslisten dürfen nicht ohne Weiteres weitergegeben werden.",
     "Das ist nur erlaubt, wenn die Eltern eingewilligt haben.", CONDITIONAL),
    ("Dürfen wir Einzeldaten der Schulen an die Hochschule übermitteln?",
     "Einzeldaten der Schulen dürfen nicht übermittelt werden.",
     "Eine Übermittlung ist nur nach Prüfung durch die Datenschutzbeauftragte zulässig.",
     CONDITIONAL),
    # a following sentence that names no condition leaves the "no"
    ("Dürfen wir Einzeldaten der Schulen an die Hochschule übermitteln?",
     "Einzeldaten der Schulen dürfen nicht übermittelt werden.",
     "Die Hochschule erhält stattdessen aggregierte Tabellen.", NO),
    # nor does one that forbids again
    ("Dürfen wir die Adresslisten der Kitas an den Sportverein weitergeben?",
     "Adresslisten dürfen nicht ohne Weiteres weitergegeben werden.",
     "Eine Weitergabe an Vereine ist nicht zulässig.", NO),
]


@pytest.mark.parametrize("question, sentence, following, wanted", CONDITIONED)
def test_a_no_whose_next_sentence_names_the_condition_is_conditional(question, sentence,
                                                                    following, wanted):
    assert verdict(question, sentence) == NO
    assert with_verdict(question, sentence, following=following).startswith(f"{wanted}: ")


# Through retrieval (the embedded knowledge): the first sentence carries the verdict.
THROUGH = [
    ("Wir haben in der Kita-Liste die Namen durch Buchstaben ersetzt, die Geburtstage stehen noch "
     "drin. Ist die Liste jetzt anonym?", "Nein"),
    ("Ein KI-Programm soll selbstständig bestimmen, welche Kinder einen Sprachkurs bekommen. "
     "Geht das rechtlich?", "Nein"),
    ("Dürfen wir die Einzeldaten von Jugendamt und Schulverwaltung zu jedem Kind zusammenführen?",
     "Nur unter Bedingungen"),
]


@pytest.mark.parametrize("question, wanted", THROUGH)
def test_the_answer_starts_with_its_verdict(first, question, wanted):
    said = first(question)
    assert said.startswith(f"{wanted}:"), said
