"""Round 4 of may-I and how-to answers: the rule the deciding sentence rests on stays with it,
not doing without AI answers a question on using AI in any words, and a task's ordinal word is no
part of the asked action. Own examples, not those of an evaluation set."""

from __future__ import annotations


import pytest

from tests.answers.conftest import Sentence

from assistant.answers import howto, steps, tasks
from assistant.answers.ruling import with_rule
from assistant.answers.verdict import verdict
from assistant.retrieval.models import Passage




def _same_start(a: Sentence, b: Sentence) -> bool:
    return a is b or a.text[:25] == b.text[:25]


def test_a_neighbour_said_by_another_passage_is_quoted_by_its_rule():
    section = [Sentence("Das Landesgesetz (LG, kurz Gesetz) gilt seit dem 1.3.2031.", 1, 0, 0.2),
               Sentence("Sein § 7 verlangt eine Prüfung vor dem Start.", 1, 1, 0.8),
               Sentence("Prüfungen sind also Pflicht, auch für kleine Ämter.", 1, 2, 0.9)]
    # the same statement in another passage, dated in other words, chosen before
    twin = Sentence("Das Landesgesetz (LG, kurz Gesetz) gilt seit dem 1. März 2031.", 2, 0, 0.4)
    others = [Sentence(f"Ein weiterer Satz Nummer {i} zur Sache.", 3, i, 0.5 + i / 100) for i in range(3)]
    lead = section[2]
    chosen, follows = with_rule(lead, section + [twin] + others, [lead, twin] + others,
                                floor=0.1, on_question=lambda c: True, similar=_same_start,
                                limit=5, law=False)
    # the whole chain the lead leans on comes along, the law's date with it
    assert follows[:2] == [section[0], section[1]]
    assert section[0] in chosen and twin not in chosen
    assert len(chosen) <= 5 and lead in chosen


def test_a_neighbour_of_the_same_passage_is_never_dropped_as_a_twin():
    section = [Sentence("Die Regel gilt für alle Ämter.", 1, 0, 0.5),
               Sentence("Die Regel gilt für alle Ämter ab sofort.", 1, 1, 0.9)]
    chosen, _ = with_rule(section[1], section, [section[1], section[0]], floor=0.1,
                          on_question=lambda c: True, similar=_same_start, limit=4, law=False)
    assert chosen == [section[1], section[0]]


@pytest.mark.parametrize("question", [
    "Darf ich mir von einem Chatbot die Gliederung des Berichts entwerfen lassen, oder ist das tabu?",
    "Ist generative KI für unsere Textentwürfe im Amt eigentlich tabu?",
])
def test_not_doing_without_ai_answers_a_question_on_using_it(question):
    sentence = ("Die Sorge vor Fehlern sollte nicht dazu führen, auf KI-Werkzeuge ganz zu "
                "verzichten.")
    assert verdict(question, sentence) == "Ja"


def test_not_doing_without_ai_does_not_answer_another_question():
    sentence = ("Die Sorge vor Fehlern sollte nicht dazu führen, auf KI-Werkzeuge ganz zu "
                "verzichten.")
    assert verdict("Darf ich die Schulliste an das Gesundheitsamt schicken?", sentence) is None


BOOK = "Schritt für Schritt: den ersten Elternbrief schreiben"


def test_an_ordinal_of_the_task_is_not_named_by_the_verb_erstellen():
    assert not tasks.same("erst", "erstell")
    assert tasks.same("brief", "elternbrief") and tasks.same("elternbrief", "elternbriefvorlag")
    # "erstellen" is the task's action in other words, but the thing is another one
    question = "Ich soll eine Übersicht der Kita-Plätze seit 2010 erstellen. Worauf achte ich?"
    assert not steps.fits(question, BOOK), tasks.fit(question, BOOK)
    # the task itself still fits
    assert steps.fits("Wie erstelle ich unseren ersten Elternbrief?", BOOK)


def _passage(text: str, section: str, n: int) -> Passage:
    return Passage(text=text, source="netze.md", title="Netze", section=section, page=None, n=n)


def test_a_how_to_lead_brings_the_fact_after_it():
    forum = _passage("„Kreis im Dialog“ ist ein Forum des Landesinstituts für Schulämter. "
                     "Das erste Treffen fand am 3. Mai 2031 in Kassel statt. "
                     "Es lädt Fachkräfte zum Austausch ein.", "Kreis im Dialog", 1)
    lead = ("„Kreis im Dialog“ ist ein Forum des Landesinstituts für Schulämter.", 1)
    rest = ("Es lädt Fachkräfte zum Austausch ein.", 1)
    assert howto.with_next([lead, rest], [forum]) == [
        lead, ("Das erste Treffen fand am 3. Mai 2031 in Kassel statt.", 1), rest]


def test_a_how_to_lead_brings_nothing_without_a_fact_or_from_a_step_list():
    plain = _passage("Das Forum ist offen für alle. Es lädt Fachkräfte zum Austausch ein.",
                     "Forum", 1)
    lead = ("Das Forum ist offen für alle.", 1)
    assert howto.with_next([lead], [plain]) == [lead]
    listed = _passage("So gehen Sie vor. Das Forum tagt 2031 dreimal.",
                      "Schritt für Schritt: ein Forum gründen", 2)
    assert howto.with_next([("So gehen Sie vor.", 2)], [listed]) == [("So gehen Sie vor.", 2)]
