"""Questions that paraphrase an indicator's name with verbs and participles ("ganztags betreut",
"nicht versetzt") find the indicator; questions on other things do not name one."""

from __future__ import annotations

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.catalogue.paraphrase import paraphrased, stem


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")


def ids(items):
    return [i.id for i in items]


@pytest.mark.parametrize("question, expected", [
    ("Wie viele Kitakinder sind ganztags in Betreuung?", "C7.3"),
    ("Wie viele Schüler in Kiel wurden am Schuljahresende nicht versetzt?", "D13.1"),
    ("Wie oft bleiben Kinder in der Grundschule sitzen?", "D13.1"),
    ("Wie viele Jugendliche wiederholen in Lübeck eine Klasse?", "D13.1"),
])
def test_paraphrase_finds_the_indicator_alone(cat, question, expected):
    assert ids(paraphrased(cat.indicators, question)) == [expected]


@pytest.mark.parametrize("question", [
    "Wie viele Kinder unter sechs sind bei uns ganztags betreut?",
    "Welcher Anteil der Kinder wird in der Kita ganztags betreut?",
])
def test_a_phrasing_listed_as_synonym_names_the_indicator(cat, question):
    # "ganztags betreute Kinder" is a synonym of C7.3: the name search finds it, the
    # paraphrase search (which runs only when no indicator is named) is not needed
    assert ids(cat.mentioned_in(question)) == ["C7.3"]
    assert paraphrased(cat.indicators, question) == []


@pytest.mark.parametrize("question", [
    "Wie fördern wir Kinder mit Sprachproblemen am besten?",
    "Wie viele Kinder werden in Sprachkursen gefördert?",
    "Ab wie vielen Fällen muss ich eine Zahl im Bericht sperren?",
    "Darf ich die Namen der Lehrkräfte an einen Chatbot geben?",
    "Wie lese ich die Regionalschlüssel einer CSV-Datei richtig ein?",
    "Wie betreue ich als Koordinatorin eine Bildungskonferenz?",
    "Was wiederholt der zweite Bildungsbericht aus dem ersten?",
])
def test_other_questions_do_not_paraphrase_an_indicator(cat, question):
    assert paraphrased(cat.indicators, question) == []


def test_a_named_indicator_is_not_paraphrased_as_well(cat):
    # "Wiederholerquote" is named: mentions() finds it, the paraphrase adds nothing
    assert paraphrased(cat.indicators, "Wie viele Kinder wiederholen? Wie wird die Wiederholerquote "
                                       "berechnet?") == []


def test_one_content_word_needs_a_quantity_question(cat):
    # "wiederholen" alone covers only the "Wiederholer" of "Wiederholerquote"
    assert ids(paraphrased(cat.indicators, "Wie viele Kinder wiederholen die dritte Klasse?")) == ["D13.1"]
    assert paraphrased(cat.indicators, "Wiederholen wir die Befragung im Herbst?") == []


@pytest.mark.parametrize("word, expected", [
    ("betreut", "betreu"), ("betreuung", "betreu"), ("wiederholen", "wiederhol"),
    ("ganztags", "ganztag"), ("kind", "kind"),
])
def test_stem_strips_german_endings(word, expected):
    assert stem(word) == expected
