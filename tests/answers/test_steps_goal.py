"""The step list a how-to question gets is chosen by what it is for: a question whose end is
confidentiality ("… so, dass keine Einzelfälle erkennbar sind") gets the list that protects
small counts, whatever verb it asks with; a word of a thing group counts only as it stands, not
as the head of another compound ("Gremien" names "Kommunalpolitik", not a "kommunales …")."""

from __future__ import annotations

import pytest

from assistant.answers import steps, tasks
from assistant.retrieval.models import Passage

PROTECT = "Schritt für Schritt: kleine Fallzahlen in Tabellen schützen"
DISCUSS = "Schritt für Schritt: Befunde mit Politik und Schulen besprechen"
BUILD = "Schritt für Schritt: ein kommunales Bildungsmonitoring aufbauen"


def _list(n: int, heading: str) -> Passage:
    text = "Eine Einleitung zur Aufgabe.\n\n1. Erster Schritt.\n2. Zweiter Schritt.\n3. Dritter Schritt."
    return Passage(text=text, source="anleitung.md", title="Anleitungen", section=heading,
                   page=None, n=n)


@pytest.mark.parametrize("question", [
    "Wie bereite ich die Schülerzahlen nach Schulen so auf, dass keine Einzelfälle erkennbar sind?",
    "Wie stelle ich die Ergebnisse je Kita dar, ohne dass Einzelfälle zu erkennen sind?",
    "Wie gliedere ich die Übersicht nach Stadtteilen, damit einzelne Fälle nicht auffallen?",
])
def test_a_question_for_confidentiality_gets_the_protecting_list(question):
    found = steps.find([_list(1, DISCUSS), _list(2, PROTECT)], question=question, ranks=2)
    assert found is not None and found.passage.section == PROTECT


@pytest.mark.parametrize("question", [
    "Wie bereite ich die Tabelle für den Schulausschuss auf?",
    "Wie stelle ich die Ergebnisse im Stadtrat vor?",
    "Wie gliedere ich die Übersicht nach Stadtteilen?",
])
def test_without_that_end_the_protecting_list_does_not_fit(question):
    assert not steps.fits(question, PROTECT)


@pytest.mark.parametrize("question", [
    "Welche Gremien braucht unser Bildungsmanagement und wie bauen wir sie auf?",
    "Wie bauen wir einen Beirat im Stadtrat auf?",
    "Wie richten wir eine Steuerungsgruppe mit dem Kreistag ein?",
])
def test_a_thing_group_word_is_no_compound_head_of_a_task_word(question):
    # "Gremien"/"Stadtrat"/"Kreistag" stand with "Kommunalpolitik": not a "kommunales" monitoring
    assert tasks.fit(question, BUILD) < steps.MIN_TASK_OVERLAP


@pytest.mark.parametrize("question", [
    "Wie bespreche ich die Ergebnisse mit dem Stadtrat?",
    "Wie diskutieren wir die Resultate im Ausschuss?",
    "Wie stellen wir die Erkenntnisse den Gremien vor?",
])
def test_a_thing_group_word_still_names_the_task(question):
    assert steps.fits(question, DISCUSS)
