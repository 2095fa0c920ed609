""""May I …?" answered by a rule that depends on the case ("je nach Zusammenhang", "außer
wenn", "es sei denn"): the verdict is "Nur unter Bedingungen". Questions and sentences written
for these tests (not from an evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answers.verdict import CONDITIONAL, depends_on_case, verdict


@pytest.mark.parametrize("question, sentence", [
    ("Darf ich leere Felder in der Schülertabelle als 0 zählen?",
     "Leere Felder zählt man je nach Kontext als 0 oder als fehlenden Wert."),
    ("Dürfen wir die Einwohnerzahl vom 31.12. als Nenner nehmen?",
     "Die Einwohnerzahl vom 31.12. nimmt man je nach Fall als Nenner oder die vom 30.6."),
    ("Darf ich die Klammerwerte im Bericht zeigen?",
     "Klammerwerte zeigt man im Bericht, es sei denn, die Fallzahl ist sehr klein."),
])
def test_a_rule_that_depends_on_the_case_is_conditional(question, sentence):
    assert depends_on_case(question, sentence)
    assert verdict(question, sentence) == CONDITIONAL


def test_a_rule_that_depends_on_something_else_is_not():
    assert not depends_on_case("Darf ich die Klassenliste in ChatGPT kopieren?",
                               "Die Quote wird je nach Land anders berechnet.")
