"""The task of a "how do I …?" question, its action and what it is done to, decides which step
list answers it: the object alone ("Bildungsmonitoring") is not the task ("… aufbauen")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answers import steps, tasks
from assistant.answers.compose import extractive_pieces, gather, join_pieces
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder

BUILD = "Schritt für Schritt: ein Dashboard für die Schulentwicklung aufbauen"
PRESENT = "Schritt für Schritt: Befunde der Elternbefragung im Kreistag vorstellen"
SUPPRESS = "Schritt für Schritt: kleine Fallzahlen in Schultabellen schützen"
MAP = "Schritt für Schritt: Schultabellen im Internet als Karte darstellen"


def test_the_action_is_the_infinitive_or_the_action_noun_of_the_heading():
    task = tasks.parse_task(BUILD)
    assert task.action == "aufbauen"
    assert task.objects == ("Dashboard", "Schulentwicklung")
    noun = tasks.parse_task("Schritt für Schritt: die Einstufung der Jugendzentren")
    assert noun.action == "Einstufung" and noun.objects == ("Jugendzentren",)


@pytest.mark.parametrize(("question", "heading", "fits"), [
    # the object named, the action not: another task
    ("Wie tausche ich mich mit anderen Ämtern über das Dashboard für die Schulentwicklung aus?",
     BUILD, False),
    ("Wie kann ich das Dashboard für die Schulentwicklung mit anderen Kreisen vergleichen?",
     BUILD, False),
    # the action in another word of its group, the object named
    ("Wo fange ich mit dem Dashboard für die Schulentwicklung an?", BUILD, True),
    ("Wir wollen ein Dashboard zur Schulentwicklung einrichten. Was ist zu tun?", BUILD, True),
    # a separable verb apart, a strong participle, a thing named in other words
    ("Wie stellen wir die Ergebnisse der Elternbefragung im Kreistag vor?", PRESENT, True),
    ("Wie werden die Befunde der Elternbefragung in die Gremien eingebracht?", PRESENT, True),
    # no action named: the objects decide
    ("Kleine Fallzahlen in unseren Schultabellen: wie gehe ich da vor?", SUPPRESS, True),
])
def test_a_step_list_fits_the_action_and_the_object_asked_for(question, heading, fits):
    assert steps.fits(question, heading) is fits, tasks.fit(question, heading)


def test_the_sentence_asked_names_the_action_not_the_one_before_it():
    question = ("Ich muss Schultabellen im Internet als Karte darstellen, manche Fallzahlen sind "
                "klein. Wie gehe ich beim Sperren vor?")
    assert not steps.fits(question, MAP)
    assert steps.fits(question, SUPPRESS)


def test_of_two_fitting_lists_the_one_on_the_specific_problem_comes_first():
    question = ("Ich mache einen Bericht für unsere Stadtteile, und viele Zellen haben nur 1 oder "
                "2 Fälle. Wie gehe ich vor?")
    area = "Schritt für Schritt: kleinräumig nach Stadtteilen berichten"
    cells = "Schritt für Schritt: kleine Fallzahlen in Tabellen und Berichten schützen"
    assert steps.fits(question, area) and steps.fits(question, cells)
    assert steps.preference(question, cells) > steps.preference(question, area)


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="anleitungen.md", title="Anleitungen", section=section,
                   page=None, n=n)


BUILD_TEXT = ("Ein Dashboard entsteht am besten Kennzahl für Kennzahl. So gehen Sie vor:\n\n"
              "1. Den Auftrag der Amtsleitung einholen.\n2. Fünf Kennzahlen auswählen.\n"
              "3. Die Daten monatlich aktualisieren.\n")
PRESENT_TEXT = ("Befunde wirken erst, wenn die Politik sie kennt. So gehen Sie vor:\n\n"
                "1. Den Termin im Schulausschuss früh anmelden.\n"
                "2. Drei Kernaussagen mit Quelle auf eine Seite schreiben.\n"
                "3. Nach der Sitzung die Fragen der Fraktionen beantworten.\n")
NETWORK_TEXT = ("Der Arbeitskreis Schuldaten trifft sich zweimal im Jahr in Kassel. Neue Kolleginnen "
                "melden sich formlos bei der Geschäftsstelle an, um sich mit anderen Ämtern "
                "auszutauschen.")


class _Index:
    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages

    def retrieve(self, question, k=None, focus=None):
        return [replace(p) for p in self.passages]  # fresh copies: gather renumbers them

    def sections_headed(self, prefix):
        return [p for p in self.passages if (p.section or "").startswith(prefix)]


def _answer(question: str, passages: list[Passage]) -> str:
    gathered = gather(question, _Index(passages))
    return join_pieces(extractive_pieces(question, gathered, ExtractiveAnswerer(BagOfWordsEmbedder())))


def test_a_question_on_networking_gets_no_step_list_for_building_up():
    answer = _answer("Wie kann ich mich mit anderen Ämtern zum Dashboard für die Schulentwicklung "
                     "austauschen?",
                     [_passage(1, BUILD_TEXT, BUILD),
                      _passage(2, NETWORK_TEXT, "Arbeitskreis Schuldaten")])
    assert "\n1. " not in answer, answer
    first = answer.split(" [", 1)[0]
    assert first and first in NETWORK_TEXT, answer  # the section on the exchange leads


def test_results_for_politics_get_the_step_list_for_presenting_them():
    answer = _answer("Wie bringen wir die Ergebnisse der Elternbefragung in den Kreistag?",
                     [_passage(1, BUILD_TEXT, BUILD), _passage(2, PRESENT_TEXT, PRESENT)])
    assert answer.startswith("Befunde wirken erst, wenn die Politik sie kennt."), answer
    assert "\n1. Den Termin im Schulausschuss früh anmelden." in answer, answer
    assert "Den Auftrag der Amtsleitung einholen" not in answer, answer


READ_STEPS = _passage(1, "Eine Exportdatei des Landesamts hat Kopfzeilen und einen Fußteil. So gehen "
                         "Sie vor:\n\n1. Die Datei mit der Kodierung latin-1 öffnen.\n"
                         "2. Nur die Zeilen mit einer Jahreszahl übernehmen.\n"
                         "3. Die Gemeindeschlüssel als Text einlesen.\n",
                      "Schritt für Schritt: eine Exportdatei des Landesamts einlesen")
READ_MORE = _passage(2, "Die Exportdatei des Landesamts öffnet man mit der Kodierung latin-1 und "
                        "übernimmt nur Zeilen mit einer Jahreszahl. In pandas heißt das "
                        "read_csv(datei, sep=';', dtype={'schluessel': str}).",
                     "Exportdateien des Landesamts")


def test_after_the_steps_a_section_adds_what_the_steps_do_not_say():
    answer = _answer("Wie lese ich die Exportdatei des Landesamts mit pandas ein?",
                     [READ_STEPS, READ_MORE])
    assert answer.startswith("Eine Exportdatei des Landesamts hat Kopfzeilen"), answer
    assert "\n3. Die Gemeindeschlüssel als Text einlesen. [1]" in answer, answer
    assert "In pandas heißt das read_csv(" in answer, answer
    # the sentence that says the first two steps again is not quoted
    assert "öffnet man mit der Kodierung" not in answer, answer


NETWORK_ASIDE = _passage(
    1, "Wer selbst einen Austausch mit Kolleginnen anderer Ämter über Schuldaten aufbauen will, "
       "sollte zuerst die Themen sammeln. Der Arbeitskreis Schuldaten lädt neue Kolleginnen ein, sich zweimal im Jahr mit "
       "anderen Ämtern auszutauschen.", "Arbeitskreis Schuldaten")


def test_without_a_step_list_the_lead_says_how_the_asked_task_is_done():
    answer = _answer("Wie kann ich mich mit Kolleginnen anderer Ämter über Schuldaten austauschen?",
                     [NETWORK_ASIDE])
    assert answer.startswith("Der Arbeitskreis Schuldaten lädt neue Kolleginnen ein"), answer


RATE_ENTRY = Passage(
    text="Übertrittsquote (X2.1): Anteil der Viertklässler, die wechseln.", source="katalog:X2.1",
    title="Übertrittsquote", section=None, page=None, n=1,
    summary=("Übertrittsquote (X2.1): Anteil der Viertklässler, die auf eine weiterführende Schule "
             "wechseln.", "So wird X2.1 berechnet: Wechsler / Schüler der 4. Klassen × 100.",
             "Stichtag: 15.10.; Tabelle 21111-09-99-4."))
RATE_STEPS = _passage(2, "Eine Quote für mehrere Schulen entsteht aus Fallzahlen. So gehen Sie vor:\n\n"
                         "1. Zähler und Nenner je Schule beschaffen.\n2. Die Zähler addieren.\n"
                         "3. Die Nenner addieren.\n",
                      "Schritt für Schritt: eine Übertrittsquote für mehrere Schulen bilden")


@pytest.mark.parametrize("question", [
    "Wie berechne ich die Übertrittsquote X2.1 für mehrere Schulen?",
    "Wie gehe ich vor, wenn ich die Übertrittsquote X2.1 für mehrere Schulen bilden will?",
])
def test_an_indicator_how_to_keeps_formula_stichtag_and_table_code_first(question):
    answer = _answer(question, [RATE_ENTRY, RATE_STEPS])
    assert answer.startswith("Übertrittsquote (X2.1): Anteil der Viertklässler"), answer
    head = answer.split("\n", 1)[0]
    assert "So wird X2.1 berechnet" in head and "Stichtag: 15.10." in head, answer
    assert "21111-09-99-4" in head, answer


REPORT_STEPS = _passage(
    1, "Der erste Schulbericht muss nicht alles abdecken. So gehen Sie vor:\n\n"
       "1. Die Gliederung nach Schularten anlegen.\n"
       "2. Die Kennzahlen mit Quelle und Stichtag dokumentieren.\n"
       "3. Den Bericht im Schulausschuss vorstellen und mit den Schulleitungen besprechen; daraus "
       "entstehen Empfehlungen.\n",
    "Schritt für Schritt: den ersten Schulbericht schreiben")
REPORT_ASIDE = _passage(2, "Ein Schulbericht beschreibt zuerst die Zahlen und deutet sie danach.",
                        "Beschreiben und deuten")


@pytest.mark.parametrize("question", [
    "Die Zahlen für unseren ersten Schulbericht sind fertig. Wen binden wir jetzt ein?",
    "Unser erster Schulbericht steht. Mit wem besprechen wir ihn, und wie geht es weiter?",
])
def test_the_step_that_does_the_asked_action_leads_from_the_list_of_the_named_task(question):
    """Asked for another action on the thing of a step list ("wen binden wir beim Bericht
    ein?"): the list's step that does it leads, not the list for writing the report."""
    answer = _answer(question, [REPORT_ASIDE, REPORT_STEPS])
    assert answer.startswith("Den Bericht im Schulausschuss vorstellen"), answer
    assert "Die Gliederung nach Schularten anlegen" not in answer, answer


MERGE_STEPS = _passage(
    1, "Die Daten liegen verstreut in den Ämtern. So gehen Sie vor:\n\n"
       "1. Zuerst die Pläne der eigenen Verwaltung sichten.\n"
       "2. Dann die Daten des Landesamts anfragen.\n"
       "3. Die Datenschutzbeauftragte von Anfang an einbinden.\n",
    "Schritt für Schritt: Daten aus Verwaltung und Behörden zusammenführen")
MERGE_ASIDE = _passage(2, "Die Statistikstelle der Stadt wertet das Melderegister kleinräumig aus.",
                       "Die Statistikstelle")


def test_a_sources_question_asking_whom_to_involve_gets_the_task_steps():
    """"Welche Quellen … und wen müssen wir beim Zusammenführen beteiligen?" asks for a task:
    its steps answer it, the one naming who takes part among them."""
    question = ("Welche Quellen der Verwaltung können wir nutzen, und wen müssen wir beim "
                "Zusammenführen der Daten beteiligen?")
    assert steps.wants_steps(question, "datenquelle")
    assert not steps.wants_steps("Woher kommen die Daten zur Kita-Betreuung?", "datenquelle")
    answer = _answer(question, [MERGE_ASIDE, MERGE_STEPS])
    assert "\n3. Die Datenschutzbeauftragte von Anfang an einbinden. [" in answer, answer


@pytest.mark.parametrize("question", [
    "Wie stellen wir interne Regeln für KI auf?",
    "Wie erstellen wir eine Richtlinie für ChatGPT im Amt?",
    "Wie legen wir fest, welche KI-Regeln bei uns gelten?",
])
def test_rules_for_ai_are_set_up_written_or_laid_down(question):
    assert steps.fits(question, "Schritt für Schritt: interne KI-Regeln aufstellen")
    assert not steps.fits(question, "Schritt für Schritt: generative KI im Team einführen")
