"""The first sentence of a yes/no answer decides the question as asked, on the real knowledge base
(extractive path, curated FAQ off): questions of each form written for these tests, not taken
from an evaluation set, each with what its first sentence must say."""

from __future__ import annotations

import re

import pytest

from tests.answers.conftest import extractive_run, first_of

#: question -> (kind, patterns its first sentence must match, patterns it must not match)
FIRST: dict[str, tuple[str, list[str], list[str]]] = {
    # may we let an AI write code? No personal data named: not decided by the personal-data rule
    "Dürfen wir uns von einem KI-Assistenten R-Skripte für die Auswertung schreiben lassen und "
    "sie dann testen?": ("darf_ich", [r"^Ja, aber\b", r"Skript"], [r"^Nein\b"]),
    # a condition in front; the main clause asks whether a consequence holds
    "Wenn ich in der Kinderliste die Namen durch Kürzel ersetze, gilt dann die DSGVO nicht mehr "
    "und ich kann die Liste frei weitergeben?": (
        "darf_ich", [r"^Nein\b", r"DSGVO gilt weiter|personenbezogen"], []),
    # "Kann ich … einfach …?" with personal data
    "Kann ich die Förderbedarfe einzelner Kinder einfach in Copilot eingeben?": (
        "darf_ich", [r"^Nein\b", r"[Pp]ersonenbezogen|Einzeldaten"], []),
    # a duty without a modal verb first
    "Sind wir verpflichtet, die Kolleginnen im Umgang mit KI zu schulen?": (
        "darf_ich", [r"^Ja\b", r"Art\. 4|KI-Kompetenz"], []),
    # asked after a prohibition: "Ja, it is forbidden"
    "Ist es verboten, Befunde der Schuleingangsuntersuchung mit Namen in einen Chatbot zu laden?": (
        "darf_ich", [r"^Ja\b", r"\bnicht\b"], []),
    # a small count in the object clause; its "keine" does not make the question negative
    "Dürfen wir in der Schulzeitung schreiben, dass in der 4b nur ein Kind keine "
    "Gymnasialempfehlung bekommen hat?": (
        "darf_ich", [r"^Nein\b", r"(drei|3) Fällen|ein oder zwei"], []),
    # using AI at all: the sentence against doing without it decides
    "Dürfen wir KI-Werkzeuge im Bildungsbüro überhaupt einsetzen?": (
        "darf_ich", [r"^Ja\b", r"verzichten"], []),
    # nothing retrieved decides it: no verdict word rather than a wrong one
    "Dürfen wir uns von einem Chatbot eine Gliederung für den Bildungsbericht vorschlagen "
    "lassen?": ("darf_ich", [], [r"^Nein\b"]),
    # threshold questions despite "darf": the sentence with the number leads
    "Ab wie vielen Fällen darf ein Wert für eine einzelne Schule im Bericht stehen?": (
        "schwelle", [r"unter 3|mindestens 3|weniger als (3|drei)"], [r"^(Ja|Nein)\b"]),
    "Ab wie vielen Kindern darf ich einen Wert für einen Sozialraum zeigen?": (
        "schwelle", [r"unter 3|mindestens 3|weniger als (3|drei)"], [r"^(Ja|Nein)\b"]),
}


@pytest.fixture(scope="module")
def answer(lotse):
    run = extractive_run(lotse)

    def kind_and_first(question: str) -> tuple[str, str]:
        gathered, pieces = run(question)
        return gathered.question.kind, first_of(" ".join(pieces))

    return kind_and_first


@pytest.mark.parametrize("question", list(FIRST))
def test_first_sentence_decides_the_question_as_asked(answer, question):
    kind, must, must_not = FIRST[question]
    found_kind, first = answer(question)
    assert found_kind == kind, (found_kind, first)
    for pattern in must:
        assert re.search(pattern, first), (pattern, first)
    for pattern in must_not:
        assert not re.search(pattern, first), (pattern, first)
