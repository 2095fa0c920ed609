"""After a step list, each other section adds one sentence: never a twin of a sentence another
text already gave, never the lead-in of a list ("… gehören:") without its list."""

from __future__ import annotations

import pytest

from assistant.answers import howto, steps
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.question import Question
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder

STEPS = ("Ein Elternbeirat lässt sich in wenigen Schritten gründen.\n\n"
         "1. Satzung entwerfen.\n2. Mitglieder wählen.\n3. Sitzungen planen.")

# (question, twin sentence standing in two texts, a list's lead-in)
CASES = [
    ("Wie gründen wir einen Elternbeirat für die Kitas?",
     "Der Elternbeirat der Kitas berät den Träger zweimal im Jahr.",
     "Zu den Aufgaben des Elternbeirats der Kitas gehören:"),
    ("Wie gründen wir einen Elternbeirat im Landkreis?",
     "Im Landkreis tagt der Elternbeirat seit 2024 im Kreishaus.",
     "Für den Elternbeirat im Landkreis gelten diese Regeln:"),
    ("Wie gründen wir einen Elternbeirat an Grundschulen?",
     "An Grundschulen wählt der Elternbeirat jedes Jahr einen Vorsitz.",
     "Der Elternbeirat an Grundschulen braucht folgende Unterlagen:"),
]


def _passage(n: int, text: str, section: str, source: str) -> Passage:
    return Passage(text=text, source=source, title=source, section=section, page=None, n=n)


@pytest.mark.parametrize("question, twin, lead_in", CASES)
def test_each_section_adds_once_and_no_lead_in(question, twin, lead_in):
    passages = [
        _passage(1, STEPS, "Schritt für Schritt: einen Elternbeirat gründen", "anleitung.md"),
        _passage(2, f"{twin} Die Sitzungen sind öffentlich.", "Beirat", "a.md"),
        _passage(3, f"{twin} Die Protokolle liegen im Amt aus.", "Beirat heute", "b.md"),
        _passage(4, f"{lead_in}\n- Stellungnahmen schreiben\n- Wünsche sammeln", "Aufgaben", "c.md"),
    ]
    found = steps.find(passages, question=question, ranks=len(passages))
    assert found is not None
    answerer = ExtractiveAnswerer(BagOfWordsEmbedder())
    extra = howto.support(question, passages, found, Question(question, "vorgehen"), answerer)
    texts = [t for t, _ in extra]
    assert texts.count(twin) == 1, texts
    assert not any(t.endswith(":") for t in texts), texts
