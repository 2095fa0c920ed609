"""Threshold answers answer every part of a question asked in two parts, and a question for the
latest value leads with the sentence that holds the value (assistant/answers/parts.py)."""

from __future__ import annotations

import pytest

from assistant.answers.compose import join_pieces
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.parts import complete, question_parts, value_first
from assistant.answers.question import Question
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="werte.md", title="Werte", section=section, page=None, n=n)


@pytest.mark.parametrize("question, parts", [
    ("Ab wann gilt die Meldefrist, und seit wann gibt es die Ausnahme für Horte?",
     ["Ab wann gilt die Meldefrist", "seit wann gibt es die Ausnahme für Horte"]),
    ("Wie hoch ist die Abbrecherquote im Land? Und gibt es Jahrgänge ohne Meldung?",
     ["Wie hoch ist die Abbrecherquote im Land", "gibt es Jahrgänge ohne Meldung"]),
    ("Welcher Stichtag gilt für die Hortstatistik und war das früher anders? Wir vergleichen ab 2009.",
     ["Welcher Stichtag gilt für die Hortstatistik", "war das früher anders"]),
    # one question: "und" joins two things asked about, not two questions
    ("Wie hoch ist die Quote für Jungen und Mädchen in der Oberstufe?",
     ["Wie hoch ist die Quote für Jungen und Mädchen in der Oberstufe"]),
])
def test_a_question_is_split_where_und_opens_a_question_of_its_own(question, parts):
    assert question_parts(question) == parts


# (question, passages: (section, text), the sentence the second part needs)
TWO_PARTS = [
    ("Wann erschien die Hortrichtlinie des Landes, und seit wann gilt die neue Meldeverordnung?",
     [("Hortrichtlinie", "Die Hortrichtlinie des Landes erschien am 3. April 2027. "
                         "Die Hortrichtlinie des Landes hat 12 Seiten. "
                         "Die Hortrichtlinie des Landes nennt 4 Grundsätze für die Meldung."),
      ("Meldeverordnung", "Die Meldeverordnung ist seit dem 1. Januar 2029 in Kraft. "
                          "Sie löste die alte Meldeordnung ab.")],
     "Die Meldeverordnung ist seit dem 1. Januar 2029 in Kraft."),
    ("Wie hoch ist die Abbrecherquote im Land? Und gibt es Jahrgänge, wo gar keine Abbrecher "
     "gezählt werden?",
     [("Abbrecherquote", "Die Abbrecherquote im Land lag 2028 bei 4,2 Prozent. "
                         "Die Abbrecherquote im Land lag 2026 bei 4,6 Prozent. "
                         "Die Abbrecherquote im Land wird jährlich mit 2 Tabellen gemeldet."),
      ("Ausnahmen", "Für die Jahrgänge 5 und 6 werden keine Abbrecher gezählt, weil dort die "
                    "Orientierungsstufe gilt. Die Jahrgänge 7 bis 10 melden 3 Gruppen.")],
     "Für die Jahrgänge 5 und 6 werden keine Abbrecher gezählt, weil dort die "
     "Orientierungsstufe gilt."),
    ("Welche Mindestgröße gilt für eine Hortgruppe, und ab wann gilt die Regel für Ganztagsschulen?",
     [("Hortgruppen", "Eine Hortgruppe hat mindestens 8 Kinder. Eine Hortgruppe hat höchstens "
                      "20 Kinder. Für eine Hortgruppe gilt 1 Fachkraft je 10 Kinder."),
      ("Ganztag", "Für Ganztagsschulen gilt die Regel ab dem Schuljahr 2030/31. "
                  "Bis dahin gilt eine Übergangsfrist.")],
     "Für Ganztagsschulen gilt die Regel ab dem Schuljahr 2030/31."),
]


@pytest.mark.parametrize("question, texts, needed", TWO_PARTS)
def test_each_part_of_a_threshold_question_gets_its_sentence(question, texts, needed):
    passages = [_passage(i, t, s) for i, (s, t) in enumerate(texts, start=1)]
    understood = Question(question, "schwelle")
    answerer = ExtractiveAnswerer(BagOfWordsEmbedder())
    # the answer chosen for the whole question holds only the first section's sentences
    first = [f"{t} [1]" for t in texts[0][1].split(". ")[:2]]
    answer = join_pieces(complete(question, first, passages, understood, answerer))
    assert needed in answer, answer
    assert answer.startswith(first[0].removesuffix(" [1]")), answer  # the lead stays


def test_a_single_question_keeps_its_answer():
    passages = [_passage(1, "Eine Hortgruppe hat mindestens 8 Kinder. Für Ganztagsschulen gilt "
                            "die Regel ab 2030.", "Hortgruppen")]
    pieces = ["Eine Hortgruppe hat mindestens 8 Kinder. [1]"]
    answerer = ExtractiveAnswerer(BagOfWordsEmbedder())
    question = "Wie viele Kinder hat eine Hortgruppe mindestens?"
    assert complete(question, pieces, passages, Question(question, "schwelle"), answerer) == pieces


# (question, lead without a value, sentences of the values section, the one that must lead)
VALUES = [
    ("Welchen Bundeswert für die Ganztagsquote nehme ich als Vergleich?",
     "Die Ganztagsquote ist der Anteil der Schüler im Ganztag.",
     ["In Kassel lag die Ganztagsquote 2027 bei 51,0 %.",
      "Bundesweit lag die Ganztagsquote 2025 bei 47,2 %.",
      "Bundesweit lag die Ganztagsquote 2027 bei 49,8 %."],
     "Bundesweit lag die Ganztagsquote 2027 bei 49,8 %."),
    ("Wie hoch ist die Hortquote in Deutschland aktuell?",
     "Die Hortquote bezieht die Hortkinder auf alle Kinder im Grundschulalter.",
     ["Deutschland 2028: 412.000 von 2.950.000 Kindern besuchten einen Hort.",
      "Deutschland 2024: 398.000 von 2.900.000 Kindern besuchten einen Hort."],
     "Deutschland 2028: 412.000 von 2.950.000 Kindern besuchten einen Hort."),
    ("Welchen Vergleichswert gibt es zuletzt für die Förderquote?",
     "Die Förderquote zählt Schüler mit Förderbedarf.",
     ["Die Förderquote lag 2029 bei 7,6 Prozent.", "Im Jahr 2020 lag sie bei 7,1 Prozent."],
     "Die Förderquote lag 2029 bei 7,6 Prozent."),
]


@pytest.mark.parametrize("question, lead, values, wanted", VALUES)
def test_a_value_asked_for_leads_with_the_latest_value(question, lead, values, wanted):
    passages = [_passage(1, lead, "Definition"), _passage(2, " ".join(values), "Vergleichswerte")]
    chosen = value_first(question, [(lead, 1)], passages)
    assert chosen[0] == (wanted, 2), chosen
    assert (lead, 1) in chosen


def test_a_lead_with_a_value_stays():
    lead = "Die Ganztagsquote lag bundesweit 2027 bei 49,8 %."
    passages = [_passage(1, lead + " Bundesweit lag sie 2020 bei 44,0 %.", "Werte")]
    question = "Wie hoch ist die Ganztagsquote bundesweit aktuell?"
    assert value_first(question, [(lead, 1)], passages)[0] == (lead, 1)


def test_a_threshold_rule_is_no_value_asked():
    lead = "Felder mit weniger als 3 Fällen werden gesperrt."
    passages = [_passage(1, lead + " 2027 waren 12,0 % der Felder gesperrt.", "Sperren")]
    question = "Ab wie vielen Fällen werden Felder gesperrt?"
    assert value_first(question, [(lead, 1)], passages)[0] == (lead, 1)
