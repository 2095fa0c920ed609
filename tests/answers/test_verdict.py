"""The verdict word of a yes/no answer is read off its deciding sentence, never invented."""

from __future__ import annotations

import pytest

from assistant.answers.verdict import CONDITIONAL, NO, YES, verdict, with_verdict


@pytest.mark.parametrize(("question", "sentence", "duty", "expected"), [
    ("Darf ich die Schülerliste in ein Online-Tool laden?",
     "Personenbezogene Daten gehören nicht in externe KI-Dienste.", False, NO),
    ("Dürfen wir die Karte mit Zahlen aus GENESIS abdrucken?",
     "Die Lizenz erlaubt die Weiterverwendung, wenn die Quelle genannt wird.", False, YES),
    ("Darf der Schulträger uns die Daten geben?",
     "Einzeldaten dürfen nur mit einer Rechtsgrundlage übermittelt werden.", False, CONDITIONAL),
    ("Müssen die Beschäftigten geschult werden?",
     "Art. 4 verpflichtet Betreiber, für KI-Kompetenz ihrer Beschäftigten zu sorgen.", True, YES),
    # a question after a prohibition: "Ist es verboten?" - "Ja, es ist untersagt."
    ("Ist es verboten, Gesundheitsdaten in einen Chatbot zu kopieren?",
     "Die Verarbeitung dieser Daten ist grundsätzlich untersagt.", False, YES),
    # "nicht nur" widens, it does not deny
    ("Darf ich Quoten aus der Regionaldatenbank zeigen?",
     "Die Daten dürfen nicht nur intern, sondern auch in Berichten gezeigt werden.", False, YES),
    # "Brauchen wir …?" is answered by a sentence that says what one needs
    ("Brauchen wir einen Vertrag mit der Druckerei, die die Elternbriefe verschickt?",
     "Wer eine Druckerei mit Adressen beauftragt, braucht einen Vertrag zur Auftragsverarbeitung.",
     True, YES),
    ("Brauchen wir für Tabellen ohne Namen eine Einwilligung?",
     "Für Tabellen ohne Personenbezug braucht es keine Einwilligung.", True, NO),
])
def test_verdict_follows_the_deciding_sentence(question, sentence, duty, expected):
    assert verdict(question, sentence, duty) == expected


def test_no_verdict_without_a_permission_or_duty_in_the_sentence():
    # "muss eigens geprüft werden" allows nothing: no "Ja" in front of it
    assert verdict("Ist es zulässig, eine KI entscheiden zu lassen?",
                   "KI für Entscheidungen über einzelne Kinder muss eigens geprüft werden.") is None
    assert verdict("Darf ich das?", "Die Tabelle hat drei Spalten.") is None


def test_a_sentence_that_already_decides_keeps_its_words():
    sentence = "Nein, gesperrte Werte dürfen nicht zurückgerechnet werden."
    assert with_verdict("Darf ich zurückrechnen?", sentence) == sentence
    assert with_verdict("Darf ich die Liste hochladen?", "Namen gehören nicht in Chatbots.") == (
        "Nein: Namen gehören nicht in Chatbots.")
