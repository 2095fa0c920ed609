"""An enumeration written out in prose ("Erstens …, Zweitens …") is quoted whole, with the
sentence that announces it; a question that asks two things gets a section for each of them."""

from __future__ import annotations

from assistant.answers.candidates import with_lists
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.hybrid import question_parts
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder

GOALS = ("Die Leitziele des Programms beschreiben, was die Kommune langfristig erreichen will. "
         "Erstens sollen alle Menschen am lebenslangen Lernen teilhaben können, unabhängig von "
         "ihrer sozialen Herkunft. Zweitens sollen Bildungsangebote zu einem selbstbestimmten "
         "Leben befähigen. Drittens soll die Kommune als Wirtschaftsstandort attraktiv sein. "
         "Die Leitziele sind allgemein formuliert und geben nur die Richtung vor.")


def test_prose_enumeration_is_one_list_with_its_announcement():
    grouped = with_lists(GOALS)
    groups = [g for _, g in grouped]
    assert groups[:4] == [groups[0]] * 4 and groups[0] is not None
    assert groups[4] is None  # the sentence after the last item is not part of it


def test_one_ordinal_alone_is_no_enumeration():
    text = "Erstens gilt das Schulortprinzip. Danach zählt der Wohnort nicht."
    assert [g for _, g in with_lists(text)] == [None, None]


def test_answer_quotes_the_whole_enumeration_in_order():
    passages = [
        Passage(text=GOALS, source="ziele.md", title="Ziele", section="Leitziele", page=None, n=1),
        Passage(text="Strategische Ziele übersetzen die Leitziele in Ziele für die Arbeit der "
                     "Verwaltung und ihrer Partner.", source="ziele.md", title="Ziele",
                section="Strategische Ziele", page=None, n=2),
    ]
    answer = " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(
        "Welche Leitziele hat das Programm?", passages))
    firsts = [answer.find(w) for w in ("Erstens", "Zweitens", "Drittens")]
    assert -1 not in firsts and firsts == sorted(firsts), answer


def test_question_that_asks_two_things_has_two_parts():
    assert question_parts("Auf welche Werte rundet die Bundesagentur für Arbeit in ihren "
                          "Webangeboten, und wie schützt der Zensus 2022 seine Ergebnisse?") == [
        "Auf welche Werte rundet die Bundesagentur für Arbeit in ihren Webangeboten",
        "wie schützt der Zensus 2022 seine Ergebnisse"]
    assert len(question_parts("Was heißt DKBM genau? Welche Leitziele hat das Programm?")) == 2


def test_question_on_one_thing_stays_whole():
    one = "Wie schützen der Zensus 2022 und die Bundesagentur für Arbeit kleine Zahlen?"
    assert question_parts(one) == [one]  # "und" joins two subjects, not two questions
    context = "Ich bin neu im Bildungsbüro. Was versteht man unter Bildungsmonitoring?"
    assert question_parts(context) == [context]  # a statement around the question is no part


def test_part_that_only_refers_back_is_no_part():
    # "wen beziehen wir da ein" names nothing of its own: searched alone it finds other tasks
    question = ("Wie kommen wir von den Zahlen zu Handlungsempfehlungen, und wen beziehen wir "
                "da ein?")
    assert question_parts(question) == [question]
