"""A question asked under a condition ("Wenn ich …, darf ich …?") is answered on its main clause,
and a how-to answer quotes the facts of the other passages after its step list; passages and
questions written for these tests."""

from __future__ import annotations

import pytest

from assistant.answers.extractive import ExtractiveAnswerer, on_asked
from assistant.answers.question import main_clause, understand
from assistant.answers.verdict import verdict
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="leitfaden.md", title="Leitfaden", section=section, page=None,
                   n=n)


@pytest.mark.parametrize(("question", "clause"), [
    ("Falls wir die Werte runden, müssen wir die Tabelle dann noch sperren?",
     "müssen wir die Tabelle dann noch sperren?"),
    ("Sobald ich die Geburtsdaten lösche, gilt die DSGVO dann noch für die Liste?",
     "gilt die DSGVO dann noch für die Liste?"),
    ("Wenn ja, darf ich?", "Wenn ja, darf ich?"),  # nothing named after it: the whole question
])
def test_main_clause_follows_a_condition_in_front(question, clause):
    assert main_clause(question) == clause


def test_a_condition_in_front_of_whether_a_rule_applies_is_a_yes_no_question():
    assert understand("Sobald ich die Geburtsdaten lösche, gilt die DSGVO dann noch?").kind == \
        "darf_ich"


def test_the_verdict_word_needs_a_sentence_on_the_main_clause():
    question = ("Wenn wir die Adressen weglassen, dürfen wir die Elternbefragung dann an ein "
                "Marktforschungsinstitut weitergeben?")
    assert not on_asked(question, "Gesundheitsdaten dürfen nicht in die Cloud hochgeladen werden.")
    assert on_asked(question, "Eine Elternbefragung darf nur mit Vertrag an ein Institut gehen.")


def test_a_question_asked_in_the_negative_gets_no_verdict_word():
    # "Gilt … nicht mehr?" – "Nein" could mean either reading
    assert verdict("Wenn ich die Geburtsdaten lösche, gilt die DSGVO dann nicht mehr?",
                   "Für anonyme Daten gilt die DSGVO nicht.") is None
    assert verdict("Wenn ich die Geburtsdaten lösche, gilt die DSGVO dann nicht mehr?",
                   "Die Daten sind nur mit Schlüssel zuordenbar.") is None
    # "Nein" to a sentence saying the rule still holds
    assert verdict("Wenn ich die Geburtsdaten lösche, gilt die DSGVO dann nicht mehr?",
                   "Die Liste bleibt personenbezogen, die DSGVO gilt weiter.") == "Nein"
    assert verdict("Darf ich die Liste weitergeben?", "Die Liste darf nicht weitergegeben "
                   "werden.") == "Nein"
    # a negation in the condition does not make the question negative
    assert verdict("Darf ich die Liste weitergeben, wenn die Eltern nicht zustimmen?",
                   "Die Liste darf nicht weitergegeben werden.") == "Nein"


CONDITION_PASSAGES = [
    _passage(1, "Art. 30 DSGVO verlangt ein Verzeichnis aller Verarbeitungstätigkeiten. "
                "Gelöschte Geburtsdaten machen eine Liste nicht anonym, solange Schule und Klasse "
                "die Kinder erkennbar lassen; die DSGVO gilt dann weiter.",
             "Löschen und Anonymisieren von Schülerlisten"),
]


def test_a_conditional_rule_question_leads_with_the_sentence_on_the_rule():
    question = "Wenn ich die Geburtsdaten lösche, gilt die DSGVO dann nicht mehr für die Liste?"
    answer = ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, CONDITION_PASSAGES)
    assert "die DSGVO gilt dann weiter" in answer[0]
    assert not answer[0].startswith(("Ja", "Nein"))  # "nicht anonym … gilt weiter": no word
    assert all(not a.startswith("Ja:") for a in answer)


STEP_PASSAGES = [
    _passage(1, "Eine Elternbefragung braucht Vorbereitung. So gehen Sie vor:\n\n"
                "1. Den Fragebogen der Elternbefragung entwerfen.\n"
                "2. Die Elternbefragung beim Schulamt anmelden.\n"
                "3. Die Elternbefragung auswerten und berichten.\n",
             "Schritt für Schritt: eine Elternbefragung durchführen"),
    _passage(2, "Eine Elternbefragung an Schulen ist in vielen Ländern üblich. Die Anmeldung "
                "einer Elternbefragung muss nach § 84 Schulgesetz spätestens 6 Wochen vorher "
                "beim Schulamt eingehen.", "Anmeldung von Befragungen"),
    _passage(3, "Eine Elternbefragung gelingt mit kurzen Fragen. Für die Elternbefragung hat sich "
                "das Werkzeug „LimeSurvey“ auf einem eigenen Server bewährt.", "Werkzeuge für Befragungen"),
]


def test_how_to_answer_quotes_the_facts_of_the_other_passages_after_the_steps():
    question = "Wie führe ich eine Elternbefragung durch?"
    answer = "".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, STEP_PASSAGES))
    steps_end = answer.index("3. Die Elternbefragung auswerten")
    after = answer[steps_end:]
    assert "§ 84 Schulgesetz spätestens 6 Wochen" in after and "[2]" in after
    assert "„LimeSurvey“" in after and "[3]" in after
    # the fact-bearing sentence of a passage, not its general opening
    assert "in vielen Ländern üblich" not in after and "mit kurzen Fragen" not in after


LIST_PASSAGES = [
    _passage(1, "Die Geschäftsstelle der Bildungskonferenz hat vier Aufgaben:\n"
                "- die Sitzungen der Bildungskonferenz vorbereiten und die Einladungen versenden,\n"
                "- die Protokolle der Bildungskonferenz führen und veröffentlichen,\n"
                "- den jährlichen Haushalt von 40.000 Euro für Projekte verwalten,\n"
                "- die Kontakte zu Schulen und Vereinen pflegen.\n"
                "Sie sitzt im Rathaus.", "Geschäftsstelle der Bildungskonferenz"),
]


def test_a_bullet_list_is_quoted_whole_when_one_item_is_chosen():
    question = "Welche Aufgaben hat die Geschäftsstelle der Bildungskonferenz?"
    answer = " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, LIST_PASSAGES))
    for item in ("Sitzungen der Bildungskonferenz vorbereiten", "Protokolle der Bildungskonferenz",
                 "Haushalt von 40.000 Euro", "Kontakte zu Schulen und Vereinen"):
        assert item in answer, (item, answer)
    # in the list's order
    assert answer.index("Protokolle") < answer.index("Haushalt") < answer.index("Kontakte")
