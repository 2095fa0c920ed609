"""Sentence selection rules of the extractive answer, on small passages written for these tests:
the lead of a yes/no answer speaks of the question's main clause, coverage brings in the section
that holds the question's rarer words, and a catalogue entry adds the details asked for."""

from __future__ import annotations

import re

import pytest

from assistant.answers.coverage import cover
from assistant.answers.entry import detail_lines, details
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.question import main_clause
from assistant.retrieval.models import Passage
from tests.answers.conftest import first_of
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str, source: str = "leitfaden.md") -> Passage:
    return Passage(text=text, source=source, title="Leitfaden", section=section, page=None, n=n)


def _answer(question: str, passages: list[Passage]) -> str:
    return " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages))


@pytest.mark.parametrize(("question", "clause"), [
    ("Brauchen wir einen Vertrag mit dem Hoster, wenn die Befragung online läuft?",
     "Brauchen wir einen Vertrag mit dem Hoster"),
    ("Ist es erlaubt, die Noten einzelner Klassen zu zeigen?",  # too short: the whole question
     "Ist es erlaubt, die Noten einzelner Klassen zu zeigen?"),
    ("Ich bin neu hier. Darf ich Daten der Musikschule nutzen, obwohl sie privat ist?",
     "Darf ich Daten der Musikschule nutzen"),
])
def test_main_clause_is_what_a_yes_no_question_asks(question, clause):
    assert main_clause(question) == clause


DUTY_PASSAGES = [
    _passage(1, "Für personenbezogene Daten aus dem Schulamt ist bei jedem Online-Dienst eine "
                "Rechtsgrundlage erforderlich. Personenbezogene Daten gehören nicht in private "
                "KI-Dienste. Ämter prüfen, ob für einen Online-Dienst mit personenbezogenen Daten "
                "eine Datenschutz-Folgenabschätzung nötig ist.",
             "Personenbezogene Daten und Online-Dienste im Schulamt"),
    _passage(2, "Wer einen Hoster einsetzt, braucht einen Vertrag zur Auftragsverarbeitung.",
             "Auftragsverarbeitung"),
]


def test_yes_no_lead_speaks_of_the_main_clause():
    question = ("Brauchen wir einen Vertrag mit dem Hoster, wenn wir einen Online-Dienst mit "
                "personenbezogenen Daten aus dem Schulamt nutzen?")
    first = first_of(_answer(question, DUTY_PASSAGES))
    assert first.startswith("Ja:"), first
    assert "Vertrag zur Auftragsverarbeitung" in first


CONFIDENTIALITY = [
    _passage(1, "Tabellen der Gemeinden verwenden Zeichen statt Zahlen. „.“ steht in der Tabelle "
                "für einen gesperrten Wert der Gemeinde. „-“ steht in der Tabelle für nichts "
                "vorhanden. „x“ steht in der Tabelle für eine Zahl, die keinen Sinn ergibt. „/“ "
                "steht in der Tabelle für einen unsicheren Wert. „...“ steht in der Tabelle für "
                "eine Zahl, die später kommt. „( )“ steht in der Tabelle für eine Zahl mit "
                "geringer Aussagekraft.", "Zeichen in Tabellen der Gemeinden"),
    _passage(2, "Kleine Werte einer Gemeinde werden gesperrt, damit niemand erkennbar wird.",
             "Kleine Werte"),
    _passage(3, "Aus der Kreissumme zurückgerechnet wird nichts: Das verhindert die sekundäre "
                "Geheimhaltung.", "Rückrechnung verhindern"),
]


def test_coverage_brings_in_the_section_with_the_question_words():
    question = ("Eine Gemeinde ist in der Tabelle gesperrt. Ich kann den Wert aus der Kreissumme "
                "zurückgerechnet ermitteln. Darf ich die zurückgerechnete Zahl zeigen?")
    answer = _answer(question, CONFIDENTIALITY)
    assert "sekundäre Geheimhaltung" in answer
    assert re.search(r"\[3\]", answer)


def test_cover_adds_the_sentence_with_uncovered_rare_words_only():
    class C:
        def __init__(self, terms: set[str], score: float) -> None:
            self.terms, self.score, self.lexical = terms, score, 0.1

    chosen = [C({"tabell", "wert"}, 2.0)]
    repeat, new, weak = C({"tabell"}, 1.9), C({"kreissumm"}, 0.9), C({"zeig"}, 0.1)
    idf = {"tabell": 0.5, "wert": 0.5, "kreissumm": 3.0, "zeig": 2.0}
    out = cover(chosen, [repeat, new, weak], idf, limit=4, floor=0.5,
                similar=lambda a, b: False)
    assert new in out and repeat not in out and weak not in out


ENTRY_TEXT = """X1.1 Musikschulquote
Bereich X (Test) · Thema 1 (Test) · Stufe Prozess · Kernindikator
Auch: Quote der Musikschüler

Definition: Anteil der Kinder mit Unterricht an einer öffentlichen Musikschule.

Formel:
  (Musikschüler unter 18) / (Bevölkerung unter 18) × 100
  Verfahren: Verhältnis: Summe der Zähler / Summe der Nenner
  Einheit: %
  Hinweis: Schüler in Ensembles ohne Einzelunterricht zählen nicht. Die Referenz erwartet die Eingabe schon gefiltert.

Stichtag: 1.1.
Gliederungen: Instrument, Alter

Datenquellen:
  - Jahresbericht des Verbands (VdM); Tabellen: kein Tabellencode belegt

Vorsicht:
  - Private Musikschulen fehlen.
  - Wer an zwei Musikschulen lernt, zählt doppelt, weil jede Schule meldet.
  - Gezählt wird am Standort der Schule, nicht am Wohnort.

Vergleichswerte aus den Quellen:
  - Lübeck 2022: 1.234 Musikschüler

Eingabe (Langformat, eine Zeile je Einheit):
  - musikschueler (int): Musikschüler am Wohnort
"""
SUMMARY = ("Musikschulquote (X1.1): Anteil der Kinder mit Unterricht an einer öffentlichen "
           "Musikschule.", "Zu beachten: Private Musikschulen fehlen.")


def _entry() -> Passage:
    return Passage(text=ENTRY_TEXT, source="katalog:X1.1", title="Musikschulquote", section=None,
                   page=None, n=1, summary=SUMMARY)


def test_entry_detail_lines_are_note_caveats_values_and_breakdowns():
    lines = [d.text for d in detail_lines(ENTRY_TEXT)]
    assert "Schüler in Ensembles ohne Einzelunterricht zählen nicht." in lines
    assert "Lübeck 2022: 1.234 Musikschüler." in lines
    assert "Gliederungen: Instrument, Alter" in lines
    assert not any("musikschueler (int)" in line for line in lines)


def test_entry_details_answer_what_the_question_asks_beyond_the_summary():
    found = details("Wie rechne ich die Musikschulquote, und zählt ein Kind an zwei Schulen "
                    "doppelt?", _entry(), compute=True)
    assert "Schüler in Ensembles ohne Einzelunterricht zählen nicht." in found  # the note
    assert any("zählt doppelt" in d for d in found)
    assert not any("Referenz" in d for d in found)  # about the reference code, not the indicator
    assert not any("Private Musikschulen" in d for d in found)  # already in the summary


def test_entry_details_name_a_place_the_question_names():
    found = details("Wie hoch ist die Musikschulquote in Lübeck?", _entry())
    assert found == ["Lübeck 2022: 1.234 Musikschüler."]


def test_cover_prefers_the_fact_bearing_sentence_among_equal_ones():
    class C:
        def __init__(self, text: str, terms: set[str]) -> None:
            self.text, self.terms, self.score, self.lexical = text, terms, 1.0, 0.1

    plain = C("Die Regel gilt für Bundesstatistiken.", {"regel"})
    legal = C("Die Regel steht in § 16 BStatG.", {"regel"})
    out = cover([], [plain, legal], {"regel": 1.0}, limit=1, floor=0.5,
                similar=lambda a, b: False, bonus=lambda c: 0.3 * ("§" in c.text))
    assert out == [legal]
