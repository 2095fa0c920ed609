"""A catalogue entry leads a definition answer only when the question asks about its indicator:
a question on another term that names the indicator in passing ("… Die Zahl der Musikschulen
…") gets the text passages first and no entry summary."""

from __future__ import annotations

import pytest

from assistant.answers.compose import extractive_pieces, gather, join_pieces
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder

SUMMARY = ("Musikschulen und Unterrichtsplätze (H9.2): Zahl der öffentlichen Musikschulen und "
           "ihrer Belegungen je 1000 Kinder und Jugendliche.",
           "Stichtag: 1.1. (Musikschulstatistik).")


class _Search:
    def retrieve(self, question, k=None, focus=None):
        entry = Passage(text="Musikschulen und Unterrichtsplätze\nAuch: Belegungen, Zahl der "
                             "Musikschulen", source="katalog:H9.2",
                        title="Musikschulen und Unterrichtsplätze", section=None, page=None,
                        summary=SUMMARY)
        texts = [Passage(text="Ein Ensemblefach ist ein Unterrichtsfach, in dem Kinder gemeinsam "
                              "in einer Gruppe musizieren, etwa im Orchester oder Chor.",
                         source="musik.md", title="Musik", section="Ensemblefächer", page=None),
                 Passage(text="Die Frühförderung ist das Angebot für Kinder vor der "
                              "Einschulung, meist in Eltern-Kind-Kursen.",
                         source="musik.md", title="Musik", section="Frühförderung", page=None)]
        for n, p in enumerate([entry] + texts, start=1):
            p.n = n
        return [entry] + texts


def _answer(question: str) -> str:
    gathered = gather(question, _Search())
    return join_pieces(extractive_pieces(question, gathered, ExtractiveAnswerer(BagOfWordsEmbedder())))


@pytest.mark.parametrize("question, leads", [
    ("Was versteht man unter einem Ensemblefach? Die Zahl der Musikschulen steigt bei uns.",
     "Ein Ensemblefach ist"),
    ("Was ist Frühförderung? Wir zählen die Musikschulen im Kreis.", "Die Frühförderung ist"),
    ("Was bedeutet Ensemblefach eigentlich, wenn wir Musikschulen und Unterrichtsplätze "
     "auswerten?", "Ein Ensemblefach ist"),
])
def test_an_entry_named_in_passing_does_not_lead_a_definition(question, leads):
    answer = _answer(question)
    assert answer.startswith(leads), answer
    assert "H9.2" not in answer.split("[")[0], answer


@pytest.mark.parametrize("question", [
    "Was versteht man unter Unterrichtsplätzen an Musikschulen?",
    "Was ist H9.2?",
    "Was bedeuten Belegungen bei Musikschulen?",
])
def test_an_entry_the_definition_question_asks_about_leads(question):
    assert _answer(question).startswith(SUMMARY[0]), _answer(question)
