"""A quoted lead is a whole sentence: an item of an enumeration ("…, etwa …,") never opens an
answer, neither as the extractive lead nor as the sentence a how-to answer puts in front."""

from __future__ import annotations

import pytest

from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.howto import action_first
from assistant.answers.sentences import is_fragment
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


@pytest.mark.parametrize(("sentence", "fragment"), [
    ("geeignete Räume mieten, zum Beispiel eine Aula oder eine Turnhalle,", True),
    ("Termine mit den Schulleitungen vereinbaren;", True),
    ("die Protokolle allen Mitgliedern zusenden.", True),
    ("Der Beirat tagt zweimal im Jahr und berät die Verwaltung.", False),
    ("„Lernorte“ heißt das Format, das im Herbst beginnt.", False),
    ("Zu den Aufgaben gehören Beratung, Planung und Berichte.", False),
])
def test_a_list_item_is_no_whole_sentence(sentence, fragment):
    assert is_fragment(sentence) is fragment


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="netzwerk.md", title="Netzwerk", section=section, page=None,
                   n=n)


@pytest.mark.parametrize(("question", "text"), [
    ("Wie gründen wir einen Elternbeirat für die Kitas?",
     "Für einen Elternbeirat der Kitas muss das Jugendamt Folgendes tun:\n"
     "- einen Elternbeirat gründen, etwa mit je einer Vertretung jeder Kita,\n"
     "- die Wahl der Vertretungen in den Kitas organisieren,\n"
     "- die Sitzungen des Elternbeirats vorbereiten und leiten.\n"
     "Ein Elternbeirat der Kitas vertritt die Eltern gegenüber dem Jugendamt."),
    ("Wie richten wir eine Lenkungsgruppe für das Übergangsmanagement ein?",
     "Die Koordinierungsstelle hat mehrere Aufgaben:\n"
     "- eine Lenkungsgruppe einrichten, zum Beispiel aus Schulamt, Arbeitsagentur und Kammern,\n"
     "- Sitzungen der Lenkungsgruppe vorbereiten,\n"
     "- Beschlüsse dokumentieren.\n"
     "Eine Lenkungsgruppe steuert das Übergangsmanagement zwischen Schule und Beruf."),
    ("Wie bauen wir ein Netzwerk der Sprachförderung auf?",
     "Zum Netzwerk gehören mehrere Schritte:\n"
     "- ein Netzwerk der Sprachförderung aufbauen, etwa mit Kitas, Schulen und Bibliotheken,\n"
     "- gemeinsame Ziele vereinbaren,\n"
     "- Angebote der Sprachförderung abstimmen.\n"
     "Das Netzwerk der Sprachförderung verbindet Kitas, Schulen und Bibliotheken im Kreis."),
])
def test_an_enumeration_item_does_not_lead(question, text):
    passages = [_passage(1, text, "Aufgaben")]
    answerer = ExtractiveAnswerer(BagOfWordsEmbedder())
    chosen = answerer.select(question, passages)
    assert chosen and not is_fragment(chosen[0][0])
    assert not is_fragment(action_first(question, chosen)[0][0])
