"""A source question that names more fields than the catalogue entry it found ("Musikschulen,
Theater und Museen" of the music-school entry): the sentence naming the sources of the other
fields follows the entry's source line directly."""

from __future__ import annotations

import re

import pytest

from assistant.answers.entry import beyond_entry
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _entry(name: str, source: str) -> Passage:
    summary = (f"{name} (X1.1): Anteil der Teilnehmenden an allen Einwohnern.",
               f"Datenquelle: {source} (Verband, kein Tabellencode belegt).")
    return Passage(text="\n".join(summary), source="katalog:X1.1", title=name, section=None,
                   page=None, n=1, summary=summary)


def _text(n: int, text: str) -> Passage:
    return Passage(text=text, source="quellen.md", title="Quellen", section="Quellen", page=None,
                   n=n)


CASES = [
    ("Für den Bericht wollen wir Musikschulen, Theater und Museen zeigen. Woher bekommen wir "
     "Daten?", _entry("Schüler an Musikschulen", "Statistik der Musikschulverbände"),
     "Zahlen zu Besuchen liefern die Theaterstatistik des Bühnenvereins und die Museumsstatistik "
     "des Instituts für Museumsforschung.", "Theaterstatistik"),
    ("Welche Quellen gibt es für Daten zu Volkshochschulen, Bibliotheken und Vereinen?",
     _entry("Kurse der Volkshochschulen", "Volkshochschul-Statistik"),
     "Bibliotheken melden an die Bibliotheksstatistik, Vereine nur an ihre Dachverbände.",
     "Bibliotheksstatistik"),
    ("Woher kommen Zahlen zu Kitas, Horten und Tagespflege im Kreis?",
     _entry("Plätze in Kitas", "Kinder- und Jugendhilfestatistik"),
     "Für Horte und die Tagespflege führt das Jugendamt eigene Listen, die es jährlich meldet.",
     "eigene Listen"),
]


@pytest.mark.parametrize(("question", "entry", "sentence", "word"), CASES)
def test_the_source_of_the_other_fields_follows_the_source_line(question, entry, sentence, word):
    passages = [entry, _text(2, "Die Daten werden jährlich erhoben und veröffentlicht. " + sentence)]
    assert beyond_entry(question, entry, passages[1:]) == (sentence, 2)
    pieces = ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages)
    assert "Datenquelle:" in pieces[0]  # the entry's source line, then the other fields' sources
    assert word in pieces[1]
    assert sum(word in re.sub(r"\s*\[\d+\]", "", p) for p in pieces) == 1


@pytest.mark.parametrize(("question", "entry", "sentence", "_"), CASES)
def test_a_question_on_the_entry_alone_keeps_it_first(question, entry, sentence, _):
    asked = f"Woher stammen die Zahlen zu {entry.title}?"
    assert beyond_entry(asked, entry, [_text(2, sentence)]) is None
