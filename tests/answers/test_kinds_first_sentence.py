"""The first sentence of answers to source, how-to, computation, threshold and definition
questions in varied registers (lower case, context first, the indicator named by a paraphrase)
gives what was asked: the statistic or table, the task's first step, the formula, the number."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, expected", [
    # sources
    ("woher kommen die daten zu den arbeitslosen jugendlichen unter 25 im kreis", "13211-02-05-4"),
    ("Unser Bürgermeister will wissen, wie viele Menschen bei uns studieren. Wo finde ich das?",
     "21311-01-01-4"),
    ("woher bekomme ich die zahlen zu den kursen der volkshochschule?", "VHS-Statistik"),
    ("Gibt es Daten zum Bildungsstand der Bevölkerung auf Gemeindeebene und aus welcher Quelle?",
     "Zensus 2022"),
    # how-to
    ("Wie lese ich eine Exportdatei aus GENESIS ein, ohne dass die Schlüssel kaputtgehen?",
     "CSV-Datei der Regionaldatenbank"),
    ("Wie sperre ich in einer Tabelle die Felder mit ganz wenigen Fällen?", "§ 16 BStatG"),
    ("wie fange ich mit dem ersten bildungsbericht an, was gehört hinein?", "Kernindikatoren"),
    # computation, threshold, definition
    ("wie komme ich auf die ausbildungsanfängerquote, was teile ich durch was", "(E7.1)"),
    ("Wie rechne ich den Anteil derer aus, die ohne Abschluss von der Schule gehen?", "Nenner"),
    ("Ab wie vielen Fällen darf man einen Wert in einer Tabelle zeigen?", "mindestens 3"),
    ("Um wie viel kann ein auf 3 gerundeter Wert höchstens abweichen?", "um höchstens 1"),
    ("Was versteht man unter der Ganztagsquote in der Kita?", "7 Stunden"),
])
def test_the_first_sentence_gives_what_was_asked(first, question, expected):
    lead = first(question)
    assert expected in lead, lead
