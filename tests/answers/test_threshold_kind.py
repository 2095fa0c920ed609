"""A question for a value named by its compound ("Welchen Bundeswert …?", "Welcher
Vergleichswert …?") asks for a number: a threshold question, not one for a definition."""

from __future__ import annotations

import pytest

from assistant.answers.question import understand


@pytest.mark.parametrize("question", [
    "Welchen Landeswert für die Ganztagsquote sollte ich danebenstellen?",
    "Welcher Richtwert gilt für die Gruppengröße im Hort?",
    "Welchen Referenzwert nehmen wir für die Förderquote im Kreisvergleich?",
])
def test_a_value_by_its_compound_is_a_threshold_question(question):
    assert understand(question).kind == "schwelle"


@pytest.mark.parametrize("question", [
    "Welche Werte stehen in der Hortstatistik?",
    "Welche Wertschätzung erfahren die Bildungskonferenzen?",
])
def test_other_words_on_values_are_not(question):
    assert understand(question).kind != "schwelle"
