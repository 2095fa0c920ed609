"""The shipped FAQ as data: questions people in Bildungsbüros ask, asked in words that are not
the entry's own phrasings, reach the entry written for them (real embedding model), and nearby
questions are not taken by an entry written for something else."""

from __future__ import annotations

import re

import pytest

from assistant import SHIPPED_ROOT
from assistant.answers.faq import load_faq

FAQ = SHIPPED_ROOT / "knowledge" / "faq"

# Own wordings, none of them a phrasing in knowledge/faq/ (checked below).
ASKED = [
    ("Ist jede Vertragslösung ein Abbruch der Ausbildung?", "vertragsloesung-abbruch"),
    ("Wie viele Cluster kennt die Kreistypisierung von Destatis?", "kreistypisierung-cluster"),
    ("Ist es strafbar, das Statistikgeheimnis zu verletzen?", "statistikgeheimnis-strafe"),
    ("Wann war die Fachkonferenz der Transferinitiative im Juni 2025?",
     "fachkonferenz-transferinitiative"),
    ("Muss ein Bildungsbericht als PDF barrierefrei sein?", "bericht-barrierefrei"),
    ("Warum liegt die Studienanfängerquote manchmal über 100 Prozent?",
     "studienanfaengerquote-ueber-100"),
    ("Ist die Schüler-Lehrer-Relation gleich der Klassengröße?", "schueler-lehrer-klassengroesse"),
    ("Brauchen wir eine Genehmigung für eine Befragung an einer Schule?",
     "befragung-schule-genehmigung"),
    ("Ab wie vielen Personen im Nenner wird eine SGB-II-Quote ausgewiesen?",
     "sgb2-rasterquote-schwellen"),
    ("Ab wie vielen Stunden am Tag gilt ein Kind in der Kita als Ganztagskind?",
     "kita-ganztag-stunden"),
]


def _phrasings() -> list[str]:
    return [p for e in load_faq(FAQ) for p in e.phrasings()]


def test_no_phrasing_belongs_to_two_entries_and_the_probes_are_not_phrasings():
    phrasings = [p.casefold() for p in _phrasings()]
    assert len(phrasings) == len(set(phrasings))
    assert not {q.casefold() for q, _ in ASKED} & set(phrasings)


def test_every_answer_is_short_and_every_yes_no_question_is_asked_as_one():
    for entry in load_faq(FAQ):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", entry.answer) if s]
        assert 1 <= len(sentences) <= 8, entry.id
        if entry.kind == "darf_ich":
            assert entry.question.endswith("?"), entry.id


@pytest.mark.parametrize("question,entry_id", ASKED, ids=[i for _, i in ASKED])
def test_a_question_in_other_words_reaches_its_entry(question, entry_id):
    from assistant.answers import faq

    found = faq.match(question)
    assert found is not None and found.entry.id == entry_id


def test_a_question_about_report_kinds_is_not_taken_by_the_why_monitoring_entry():
    from assistant.answers import faq

    found = faq.match("Welche Berichtsformen kann ein Bildungsmonitoring nutzen?")
    assert found is None or found.entry.id == "berichtsformen"
