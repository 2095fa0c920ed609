"""How the extractive answer is put together, on small passages written for these tests: one fact
stated twice (in two files) is quoted once, and a long first section does not crowd out the
sentence of a lower section that speaks to the question."""

from __future__ import annotations

import re

from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str, source: str = "leitfaden.md") -> Passage:
    return Passage(text=text, source=source, title="Leitfaden", section=section, page=None, n=n)


def _answer(question: str, passages: list[Passage]) -> str:
    return " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages))


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
