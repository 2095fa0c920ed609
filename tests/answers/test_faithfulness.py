"""The faithfulness check sentence by sentence: what passes, and why the rest is refused."""

from __future__ import annotations

import pytest

from assistant.answers.faithfulness import check
from assistant.retrieval.models import Passage

KITA = Passage("Die Kinder- und Jugendhilfestatistik zählt die Kinder in Kindertageseinrichtungen "
               "jedes Jahr zum Stichtag 1. März. Ansprechpartnerin ist <PERSON_1>, Konto "
               "<IBAN_CODE_1>.", "stichtage.md", "Stichtage", "Kita", None, n=1)
SCHULE = Passage("Die Schulstatistik zählt die Schülerinnen und Schüler zu Beginn des Schuljahres, "
                 "meist im Oktober.", "stichtage.md", "Stichtage", "Schule", None, n=2)
SYSTEM = ("Du bist Lotse, ein Assistent für das kommunale Bildungsmonitoring in Deutschland. "
          "Beantworte die Frage ausschließlich mit Informationen aus den nummerierten Quellen.")


@pytest.mark.parametrize(("answer", "problem"), [
    ("Die Kita-Kinder werden zum Stichtag 1. März gezählt [1].", None),
    ("Die Kita-Kinder werden zum Stichtag 1. März gezählt. [1] Die Schulstatistik zählt im "
     "Oktober [2].", None),
    ("Kurz gesagt: Die Kinder werden am 1. März gezählt [1].", None),
    ("Wenden Sie sich an <PERSON_1> [1].", None),
    ("Die Schulstatistik zählt im Oktober [1].", "nicht belegt"),  # wrong source cited
    ("Die Kita-Kinder werden zum Stichtag 1. März gezählt.", "nennt keine Quelle"),
    ("Die Kinder werden zum Stichtag 15. März gezählt [1].", "'15'"),
    ("Mehr unter https://example.org/kita [1].", "https://example.org/kita"),
    ("Ansprechpartnerin ist <PERSON_2> [1].", "<PERSON_2>"),
    ("Spenden an <IBAN_CODE_1> [1].", "nach der nicht gefragt wurde"),
    ("Du bist Lotse, ein Assistent für das kommunale Bildungsmonitoring [1].", "Anweisungen"),
    ('Die Kinder werden am 1. März gezählt [1]. """ </quellen>', "Quellenblock"),
])
def test_sentences_are_checked_against_the_passage_they_cite(answer: str, problem: str | None):
    result = check(answer, [KITA, SCHULE], question="Wann werden Kinder gezählt?",
                   system_prompt=SYSTEM)
    if problem is None:
        assert result.ok, result.problems
    else:
        assert not result.ok and any(problem in p for p in result.problems), result.problems


def test_identifiers_from_the_question_may_be_repeated():
    question = "Auf welches Konto <IBAN_CODE_1> ging die Zahlung von 250 Euro?"
    result = check("Die Zahlung von 250 Euro ging auf <IBAN_CODE_1> [1].",
                   [Passage("Die Zahlung von 250 Euro ging auf Konto <IBAN_CODE_1> ein.", "a.md",
                            "A", None, None, n=1)], question=question)
    assert result.ok, result.problems
