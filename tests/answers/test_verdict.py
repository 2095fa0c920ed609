"""The verdict word of a yes/no answer is read off its deciding sentence, never invented."""

from __future__ import annotations

import pytest

from assistant.answers.verdict import (CONDITIONAL, NO, YES, YES_BUT, decides_unshaped, leans_back,
                                       names_asked, verdict, with_verdict)


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


# The verdict is read off the clause that names what is asked; sentences written for these tests.
@pytest.mark.parametrize(("question", "sentence", "duty", "expected"), [
    # the action is presupposed ("Wer … schreiben lässt"), the restriction is on how: "Ja, aber"
    ("Dürfen wir uns von einer KI eine Gliederung für den Bericht schreiben lassen?",
     "Wer sich von einer KI eine Gliederung schreiben lässt, gibt ihr nur das Thema, nicht die "
     "Namen der Kinder.", False, YES_BUT),
    # doing without turns the polarity round, in the question and in the sentence
    ("Sollten wir lieber auf Diagramme im Bericht verzichten?",
     "Die Sorge vor Fehlern ist kein Grund, auf Diagramme im Bericht zu verzichten.", False, NO),
    ("Dürfen wir im Bericht Diagramme nutzen?",
     "Die Sorge vor Fehlern ist kein Grund, auf Diagramme im Bericht zu verzichten.", False, YES),
    # "nicht freiwillig" states a duty
    ("Müssen wir unsere Berichte barrierefrei machen?",
     "Barrierefreie Berichte sind nicht freiwillig.", True, YES),
    # "nicht einfach" is a particle: the question is not asked in the negative
    ("Kann ich die gesperrten Zellen nicht einfach schätzen und veröffentlichen?",
     "Gesperrte Zellen dürfen nicht geschätzt und veröffentlicht werden.", False, NO),
    # a check the question wants to skip, and the sentence requires
    ("Kann ich die Tabelle aus dem KI-Werkzeug ungeprüft übernehmen?",
     "Ergebnisse aus KI-Werkzeugen müssen vor der Verwendung geprüft werden.", False, NO),
    # caution about the thing asked: allowed, with care
    ("Darf ich im Bericht Gründe für hohe Quoten nennen?",
     "Vorsicht ist bei Gründen geboten, weil die Daten nur Zusammenhänge zeigen.", False, YES_BUT),
    # the subject spans commas; the negation belongs to it
    ("Dürfen wir schreiben, dass zwei Kinder sitzengeblieben sind?",
     "Kleine Werte, also Felder mit ein oder zwei Kindern, werden nicht veröffentlicht.", False, NO),
    # the duty stands in the clause asked about; a negation elsewhere does not turn it
    ("Brauche ich für den Abruf über die Schnittstelle ein Konto?",
     "Für den Abruf über die Schnittstelle ist eine Anmeldung nötig; eine Gebühr wird nicht "
     "erhoben.", True, YES),
    ("Dürfen wir die Karte abdrucken?", "Die Karte darf nur mit Quellenangabe abgedruckt werden.",
     False, CONDITIONAL),
])
def test_verdict_is_read_off_the_clause_on_what_is_asked(question, sentence, duty, expected):
    assert verdict(question, sentence, duty) == expected


@pytest.mark.parametrize(("question", "sentence"), [
    # a purpose clause says what a rule is for, not what it says
    ("Dürfen wir Chatbots nutzen?", "Ämter sollen Regeln aufstellen, damit niemand private "
                                    "Chatbots nutzt."),
    # a rule on personal data does not decide a question on AI that names no personal data
    ("Dürfen wir uns von einer KI eine Gliederung vorschlagen lassen?",
     "Personenbezogene Daten gehören nicht in externe KI-Dienste."),
    # "nur pseudonymisiert" means merely; it sets no condition
    ("Darf ich die Liste hochladen?", "Wer die Namen ersetzt, hat nur pseudonymisiert."),
    # "Sollten wir verzichten?" needs a sentence on doing without
    ("Sollten wir lieber auf KI-Werkzeuge verzichten?",
     "KI-Werkzeuge dürfen nicht allein über Förderplätze entscheiden."),
])
def test_no_verdict_from_a_clause_that_does_not_decide_the_question(question, sentence):
    assert verdict(question, sentence) is None


def test_the_same_rule_decides_a_question_that_names_personal_data():
    assert verdict("Darf ich die Namensliste der Klasse in eine KI laden?",
                   "Personenbezogene Daten gehören nicht in externe KI-Dienste.") == NO


def test_a_sentence_without_a_rule_shape_decides_only_with_more_than_a_bare_no():
    # "sind nicht dasselbe" negates, but sets no rule
    assert not decides_unshaped("Dürfen wir einen Chatbot für die Gliederung nutzen?",
                                "Ein KI-Modell und ein KI-Chatbot sind nicht dasselbe.")
    assert decides_unshaped("Dürfen wir uns von einer KI Skripte schreiben lassen?",
                            "Wer ein Skript von einer KI schreiben lässt, gibt ihr nur die "
                            "Spaltennamen.")
    # a duty question wants a sentence on a duty
    assert not decides_unshaped("Müssen wir die Kolleginnen schulen?",
                                "Kolleginnen dürfen KI nur mit Schulung nutzen.", duty=True)


def test_lead_stands_alone_and_names_more_than_the_publishing_frame():
    assert leans_back("Für öffentliche Chatbots ohne solchen Vertrag gilt: keine Namen.")
    assert leans_back("Für Berichte heißt das: keine Werte unter 3.")
    assert not leans_back("Kleine Fallzahlen, also Felder mit zwei Fällen, werden nicht "
                          "veröffentlicht.")
    question = "Dürfen wir uns von einem Chatbot eine Gliederung für den Bildungsbericht vorschlagen lassen?"
    assert not names_asked(question, "Der erste Bildungsbericht muss nicht alles abdecken.")
    assert names_asked(question, "Eine Gliederung kann ein Chatbot vorschlagen.")
