"""A lead that says what something is brings the fact after it in its section along (a date, a
place), whatever kind of question it answers; a lead that only states something does not."""

from __future__ import annotations

import pytest

from assistant.answers.compose import join_pieces
from assistant.answers.defining import defining_form
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passages(lead: str, following: str) -> list[Passage]:
    return [
        Passage(text=f"{lead} {following} Die Anmeldung läuft über die Geschäftsstelle.",
                source="netz.md", title="Netzwerke", section="Treffen", page=None, n=1),
        Passage(text="Viele Kreise pflegen den Austausch über Statistik in Arbeitskreisen. "
                     "Ein Austausch über Statistik hilft neuen Kolleginnen und Kollegen.",
                source="austausch.md", title="Austausch", section="Austausch", page=None, n=2),
    ]


CASES = [
    ("Gibt es in Hessen ein Treffen, bei dem sich Statistikerinnen der Kreise austauschen?",
     "„Kreisrunde Daten“ ist ein Treffen für Statistikerinnen der hessischen Kreise.",
     "Die erste Runde fand am 4. März 2031 in Gießen statt."),
    ("Was ist das Werkstattforum Schulplanung?",
     "Das Werkstattforum Schulplanung ist eine Tagung für Planerinnen der Schulträger.",
     "Seit 2029 tagt es jedes Frühjahr in Erfurt."),
    ("Welches Netzwerk verbindet die Monitoringstellen in Sachsen?",
     "Das Netzwerk Monitoring Sachsen ist ein Verbund der Monitoringstellen in Sachsen.",
     "Gegründet wurde es am 12. Mai 2030 in Chemnitz."),
]


@pytest.mark.parametrize("question, lead, following", CASES)
def test_the_fact_after_a_defining_lead_follows_it(question, lead, following):
    answer = join_pieces(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(
        question, _passages(lead, following)))
    assert answer.startswith(lead), answer
    assert answer.index(following) == len(lead) + len(" [1] "), answer


@pytest.mark.parametrize("sentence, defines", [
    ("„Kreisrunde Daten“ ist ein Treffen für Statistikerinnen.", True),
    ("Die Quote bezeichnet den Anteil der Abgänger.", True),
    ("Die Quote ist im letzten Jahr gesunken.", False),
    ("Nach vielen Gesprächen mit den Schulträgern und den Kammern der Region im letzten Jahr "
     "ist ein Treffen geplant.", False),
])
def test_a_defining_form_says_what_its_subject_is(sentence, defines):
    assert defining_form(sentence) is defines
