"""A threshold answer for the value of one indicator is led by that indicator's value, not by a
sentence with a value of another indicator that the selection put first."""

from __future__ import annotations

import pytest

from assistant.answers.parts import indicators, other_indicator, value_first
from assistant.retrieval.models import Passage


def _passage(n: int, text: str) -> Passage:
    return Passage(text=text, source="werte.md", title="Werte", section="Werte", page=None, n=n)


@pytest.mark.parametrize(("question", "wrong", "text", "right"), [
    ("Wie hoch ist die Abbrecherquote an Berufsschulen aktuell?",
     "Die Ausbildungsquote lag 2022 im Land bei 5,1 Prozent.",
     "Die Abbrecherquote an Berufsschulen betrug 2023 landesweit 8,2 Prozent. "
     "Die Ausbildungsquote lag 2022 im Land bei 5,1 Prozent.",
     "Die Abbrecherquote an Berufsschulen betrug 2023 landesweit 8,2 Prozent."),
    ("Welchen Bundeswert hat der Ausländeranteil an Gymnasien?",
     "Die Übergangsquote auf das Gymnasium lag 2021 bundesweit bei 43 Prozent.",
     "Die Übergangsquote auf das Gymnasium lag 2021 bundesweit bei 43 Prozent. "
     "Der Ausländeranteil an Gymnasien lag 2021 bundesweit bei 6,5 Prozent.",
     "Der Ausländeranteil an Gymnasien lag 2021 bundesweit bei 6,5 Prozent."),
    ("Was ist der aktuelle Stand der Förderquote in den Grundschulen?",
     "Die Inklusionsquoten der Grundschulen stiegen 2020 auf 4,0 Prozent.",
     "Die Inklusionsquoten der Grundschulen stiegen 2020 auf 4,0 Prozent. "
     "In den Grundschulen lag die Förderquote 2022 bei 7,4 Prozent.",
     "In den Grundschulen lag die Förderquote 2022 bei 7,4 Prozent."),
])
def test_the_asked_indicators_value_leads(question, wrong, text, right):
    chosen = value_first(question, [(wrong, 1), ("Ein weiterer Satz ohne Wert folgt hier.", 1)],
                         [_passage(1, text)])
    assert chosen[0] == (right, 1)
    assert (wrong, 1) in chosen


@pytest.mark.parametrize(("question", "sentence"), [
    ("Wie hoch ist die Abbrecherquote aktuell?", "Die Abbrecherquoten stiegen 2023 auf 9 %."),
    ("Welchen Bundeswert hat der Frauenanteil?", "Bundesweit liegt der Wert 2022 bei 51 %."),
    ("Wie hoch liegt der Jugendquotient zuletzt?", "Der Jugendquotient lag 2022 bei 32,5 %."),
])
def test_a_value_of_the_asked_indicator_or_of_none_stays_first(question, sentence):
    assert not other_indicator(question, sentence)
    assert value_first(question, [(sentence, 2)], [_passage(2, sentence)]) == [(sentence, 2)]


def test_indicator_names_lose_their_endings():
    assert indicators("Die Förderquoten und des Personalschlüssels, der Anteil") == {
        "foerderquote", "personalschluessel"}
