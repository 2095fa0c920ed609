"""A may-I question on pseudonymised data (it says so, or it replaces the names) is decided by
the sentence saying that such data stay personal: the condition it states changes nothing, and
that sentence says why ("Nein"). Questions and sentences written for these tests (not from an
evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answers.verdict import NO, on_asked, rules_non_personal, stays_personal, verdict

STAYS = [
    "Pseudonymisierte Angaben lassen sich mit dem Schlüssel wieder Personen zuordnen; sie bleiben "
    "personenbezogen, und das Datenschutzrecht gilt weiter.",
    "Kürzel statt Namen ergeben nur Pseudonymisierung, solange jemand die Zuordnung kennt.",
    "Daten mit Nummern statt Namen sind weiterhin Daten über Personen und bleiben "
    "personenbeziehbar.",
]

PSEUDONYMISED = [
    "Wenn wir in der Kita-Liste die Namen durch Nummern ersetzen, dürfen wir sie dann in einen "
    "Online-Übersetzer laden?",
    "Dürfen wir die Elternliste einem KI-Assistenten geben, wenn statt der Namen nur Initialen "
    "drinstehen?",
    "Ist es in Ordnung, pseudonymisierte Förderdaten in ein Cloud-Werkzeug hochzuladen?",
    "Kann ich die Tabelle einer Web-KI zeigen, wenn ich die Namen der Jugendlichen gegen Codes "
    "austausche?",
]


@pytest.mark.parametrize("question", PSEUDONYMISED)
@pytest.mark.parametrize("sentence", STAYS)
def test_data_that_stay_personal_decide_no(question, sentence):
    assert stays_personal(question, sentence)
    assert verdict(question, sentence) == NO
    assert on_asked(question, sentence)  # it decides even when it speaks of the condition only


@pytest.mark.parametrize("question", [
    # no pseudonymisation asked about: the sentence is not the deciding one
    "Dürfen wir die Kita-Liste mit Namen in einen Online-Übersetzer laden?",
    "Ist es in Ordnung, anonymisierte Ergebnisse an den Jugendhilfeausschuss zu geben?",
    "Darf ich veröffentlichte Kreistabellen einer Web-KI zeigen?",
])
@pytest.mark.parametrize("sentence", STAYS)
def test_without_pseudonymised_data_the_sentence_is_no_lead(question, sentence):
    assert not stays_personal(question, sentence)


@pytest.mark.parametrize("question, sentence, duty", [
    ("Dürfen wir anonymisierte Befragungsergebnisse an einen Verein weitergeben?",
     "Für wirklich anonyme Angaben gilt die DSGVO nicht.", False),
    ("Ist es erlaubt, die veröffentlichten Kreiszahlen in einen Chatbot zu kopieren?",
     "Solche Tabellen enthalten keine personenbezogenen Daten.", False),
    ("Brauchen wir eine Einwilligung, wenn wir nur anonymisierte Zahlen weitergeben?",
     "Für anonyme Daten gilt die DSGVO nach Erwägungsgrund 26 nicht.", True),
])
def test_a_sentence_saying_the_data_are_not_personal_rules_on_them(question, sentence, duty):
    assert rules_non_personal(question, sentence, duty)
    # for data with names the same sentence rules on nothing
    assert not rules_non_personal("Dürfen wir die Liste mit Namen an einen Verein geben?",
                                  sentence, duty)
