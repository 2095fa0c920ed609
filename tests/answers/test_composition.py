"""How the extractive answer is put together, on small passages written for these tests: one fact
stated twice (in two files) is quoted once, a long first section does not crowd out the
sentence of a lower section that speaks to the question, and a definition leads with the
sentence that defines the term and adds those that define its parts."""

from __future__ import annotations

import re

import pytest

from assistant.answers import steps
from assistant.answers.compose import gather, join_pieces
from assistant.answers.defining import asked_terms, defines
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.question import understand
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str, source: str = "leitfaden.md") -> Passage:
    return Passage(text=text, source=source, title="Leitfaden", section=section, page=None, n=n)


def _answer(question: str, passages: list[Passage]) -> str:
    return join_pieces(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages))


TWICE = [
    _passage(1, "Die Musikschulstatistik erfasst Schülerinnen und Schüler öffentlicher "
                "Musikschulen je Träger. Der Verband deutscher Musikschulen veröffentlicht die "
                "Musikschulstatistik jährlich für alle Länder, Fächer und Altersgruppen.",
             "Musikschulstatistik", "musik.md"),
    _passage(2, "Die Musikschulstatistik veröffentlicht der Verband deutscher Musikschulen "
                "jährlich.", "Quellen für Musikschulen", "quellen.md"),
    _passage(3, "Der Verband deutscher Musikschulen veröffentlicht die Musikschulstatistik seit "
                "1976.", "Zeitreihen", "zeitreihen.md"),
]


def test_a_fact_two_files_state_is_quoted_once():
    answer = _answer("Was ist die Musikschulstatistik?", TWICE)
    assert "veröffentlicht die Musikschulstatistik jährlich für alle Länder" in answer, answer
    assert "Die Musikschulstatistik veröffentlicht der Verband" not in answer, answer
    # the same words with a number of their own say something new
    assert "seit 1976" in answer, answer


CROWDED = [
    _passage(1, "Die Übergangsquote beschreibt, welcher Anteil der Kinder nach der Grundschule "
                "auf eine weiterführende Schulart wechselt. Die Übergangsquote wird je Schulart "
                "berechnet. Die Übergangsquote zur Realschule ist in vielen Kreisen gesunken. "
                "Die Übergangsquote zur Gesamtschule steigt in Städten. "
                "Die Übergangsquote zum Gymnasium wird oft als Kennzahl für Bildungschancen "
                "gelesen. Manche Länder veröffentlichen die Übergangsquote nur auf Landesebene. "
                "Die Übergangsquote schwankt zwischen Stadtteilen stark. Berichte zeigen die "
                "Übergangsquote häufig als Karte nach Stadtteilen. Die Übergangsquote hängt mit "
                "der sozialen Lage eines Stadtteils zusammen.", "Übergangsquote"),
    _passage(2, "Die Schulstatistik erfasst Übergänge im Herbst des neuen Schuljahres.",
             "Schulstatistik"),
    _passage(3, "Für die Übergangsquote zählen alle Kinder der vierten Klassen im Sommer davor, "
                "gezählt am Schulort.", "Übergänge: Bezugsgröße"),
    _passage(4, "Förderschulen bleiben bei den Übergängen außen vor.", "Sonderfälle"),
]


def test_a_lower_section_on_the_question_is_not_crowded_out():
    answer = _answer("Was ist die Übergangsquote?", CROWDED)
    assert "zählen alle Kinder der vierten Klassen" in answer, answer
    assert re.search(r"Schulort\. \[3\]", answer), answer


def test_a_definition_leads_with_the_sentence_that_defines_the_term():
    answer = _answer("Was ist die Übergangsquote?", CROWDED)
    assert answer.startswith("Die Übergangsquote beschreibt, welcher Anteil der Kinder"), answer


@pytest.mark.parametrize(("sentence", "defines_it"), [
    ("Das Angebots-Nachfrage-Modell ist ein Schema der Berufsbildungsstatistik.", True),
    ("Die Nachfrage umfasst alle gemeldeten Bewerberinnen und Bewerber.", True),
    ("Angebot: alle bei der Arbeitsagentur gemeldeten Ausbildungsstellen.", True),
    ("Unter dem Angebot versteht man die gemeldeten Stellen.", True),
    ("Kreise nutzen das Modell in ihren Berichten, weil die Nachfrage dort gut belegt ist.", False),
    ("Die Arbeitsagentur meldet Stellen.", False),
])
def test_a_defining_sentence_names_the_term_or_a_part_before_its_verb(sentence, defines_it):
    terms = asked_terms("Was versteht man unter dem Angebots-Nachfrage-Modell?")
    assert defines(sentence, terms) is defines_it


MODEL = [
    _passage(1, "Das Angebots-Nachfrage-Modell stellt Ausbildungsstellen und Bewerber gegenüber. "
                "Das Angebots-Nachfrage-Modell wird in Kreisberichten oft genutzt. Kreise "
                "vergleichen mit dem Angebots-Nachfrage-Modell ihre Lage über Jahre. Das "
                "Angebots-Nachfrage-Modell stammt aus der Berufsbildungsforschung. Für das "
                "Angebots-Nachfrage-Modell gibt es Daten je Arbeitsagenturbezirk. Das "
                "Angebots-Nachfrage-Modell zeigt Engpässe früh.", "Angebots-Nachfrage-Modell"),
    _passage(2, "Im Angebots-Nachfrage-Modell steigt die Nachfrage in Städten seit Jahren. Die "
                "Nachfrage umfasst alle gemeldeten Bewerberinnen und Bewerber, auch wenn sie eine "
                "Alternative gefunden haben.", "Nachfrage"),
    _passage(3, "Im Angebots-Nachfrage-Modell sinkt das Angebot auf dem Land. Das Angebot umfasst "
                "alle bei der Arbeitsagentur gemeldeten Ausbildungsstellen und die neu "
                "abgeschlossenen Verträge.", "Angebot"),
]


def test_a_definition_adds_the_sentences_that_define_the_parts_of_the_term():
    answer = _answer("Was versteht man unter dem Angebots-Nachfrage-Modell?", MODEL)
    assert "Die Nachfrage umfasst alle gemeldeten Bewerberinnen" in answer, answer
    assert "Das Angebot umfasst alle bei der Arbeitsagentur" in answer, answer


RESULTS = [
    _passage(1, "Ergebnisse einer Elternbefragung sind für den Stadtrat oft schwer zu lesen. Der "
                "Stadtrat tagt in Sachsen meist monatlich.", "Stadtrat und Befragungen"),
    _passage(2, "Die Ergebnisse der Elternbefragung gehören in den Stadtrat. So gehen Sie vor:\n\n"
                "1. Drei Kernaussagen mit Quelle auswählen.\n"
                "2. Die Vorlage mit der Verwaltungsspitze abstimmen.\n"
                "3. Die Ergebnisse im Ausschuss vor der Ratssitzung vorstellen.\n",
             "Schritt für Schritt: Ergebnisse einer Elternbefragung in den Stadtrat bringen"),
]


def test_a_how_question_of_another_kind_gets_the_steps_of_its_task():
    question = "Wie kommen die Ergebnisse der Elternbefragung in den Stadtrat?"
    assert understand(question).kind != "vorgehen"  # asked as "wie …?", not as a task
    answer = _answer(question, RESULTS)
    assert "\n1. Drei Kernaussagen mit Quelle auswählen. [2]" in answer, answer
    assert "\n3. Die Ergebnisse im Ausschuss vor der Ratssitzung vorstellen. [2]" in answer, answer


def test_a_what_is_it_like_question_gets_no_steps():
    answer = _answer("Wie sieht eine Elternbefragung für den Stadtrat aus?", RESULTS)
    assert "\n1. " not in answer, answer


SURVEY_STEPS = _passage(
    9, "Eine Elternbefragung liefert Zahlen erst nach sorgfältiger Auswertung. So gehen Sie vor:\n\n"
       "1. Rücklauf je Kita prüfen.\n2. Antworten unter 3 Fällen zusammenfassen.\n"
       "3. Ergebnisse mit den Kitas besprechen.\n",
    "Schritt für Schritt: eine Elternbefragung in der Kita auswerten", "anleitungen.md")
SURVEY_FOUND = [
    _passage(1, "Kitas befragen Eltern oft zur Zufriedenheit mit den Öffnungszeiten.", "Befragungen"),
    _passage(2, "Antworten von Eltern sind personenbezogen, solange Namen dabeistehen.", "Datenschutz"),
]


class _Search:
    """A search whose results miss the step list; the index holds it (sections_headed)."""

    def retrieve(self, question, k=None, focus=None):
        return [_passage(p.n, p.text, p.section) for p in SURVEY_FOUND]

    def sections_headed(self, prefix):
        return [SURVEY_STEPS] if SURVEY_STEPS.section.startswith(prefix) else []


def test_a_how_to_question_finds_the_step_list_of_its_task_beyond_the_search_results():
    gathered = gather("Wie gehen wir mit den Antworten aus der Elternbefragung in der Kita um?",
                      _Search())
    assert gathered.passages[0].section == SURVEY_STEPS.section
    assert len(gathered.passages) == 2  # it replaces the last text passage


def test_a_step_list_outside_the_results_needs_the_task_named():
    gathered = gather("Ich bin neue Kita-Leiterin – wie finde ich Kontakt zu anderen Leiterinnen?",
                      _Search())
    assert SURVEY_STEPS.section not in [p.section for p in gathered.passages]


@pytest.mark.parametrize(("question", "heading", "fits"), [
    # a field synonym names the task's word ("Zelle" for "Tabellenfeld")
    ("Wie sperre ich im Bericht einzelne Zellen?",
     "Schritt für Schritt: Tabellenfelder im Bericht sperren", True),
    ("Wie sperre ich einzelne Werte?", "Schritt für Schritt: Tabellenfelder im Bericht sperren",
     False),
    # the verb names its noun in -ung
    ("Wie können wir den Stand der Kitas einschätzen?",
     "Schritt für Schritt: die Einschätzung der Kitas", True),
])
def test_a_task_is_named_by_synonyms_and_verb_forms(question, heading, fits):
    assert steps.fits(question, heading) is fits


ENTRY = Passage(text="Übergangsquote (X1.1): Anteil der Kinder, die wechseln.", source="katalog:X1.1",
                title="Übergangsquote", section=None, page=None, n=1,
                summary=("Übergangsquote (X1.1): Anteil der Kinder, die auf eine weiterführende "
                         "Schule wechseln.", "So wird X1.1 berechnet: Wechsler / Kinder der 4. "
                         "Klassen × 100."))
CAVEATS = _passage(2, "Bei der Übergangsquote zählen Förderschulen nicht mit. Die Übergangsquote "
                      "wird am Schulort gezählt. Für die Übergangsquote gilt der Stichtag im "
                      "Oktober. Die Übergangsquote zum Gymnasium lag 2023 bei 41 Prozent. Wer die "
                      "Übergangsquote berechnet, nimmt Wechsler aus Privatschulen dazu.",
                   "Übergangsquote: was zu beachten ist")


def test_an_indicator_answer_keeps_the_caveats_of_the_guidance_after_its_entry():
    answer = _answer("Wie wird die Übergangsquote berechnet?", [ENTRY, CAVEATS])
    assert answer.startswith("Übergangsquote (X1.1): Anteil der Kinder"), answer
    for caveat in ("Förderschulen nicht mit", "am Schulort", "Stichtag im Oktober", "41 Prozent",
                   "Privatschulen dazu"):
        assert caveat in answer, (caveat, answer)
