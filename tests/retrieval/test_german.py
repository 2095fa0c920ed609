import pytest

from assistant.retrieval.german import CompoundSplitter, stem, tokens, words
from assistant.answers.sentences import split_sentences


@pytest.mark.parametrize("a, b", [
    ("Schülerinnen", "Schüler"), ("Schueler", "Schüler"), ("Schulen", "Schule"),
    ("Maßnahmen", "Massnahme"), ("Abschlüsse", "Abschluss"), ("Lehrerin", "Lehrer"),
])
def test_variants_meet_after_folding_and_stemming(a, b):
    assert tokens(a) == tokens(b)


def test_stopwords_are_dropped():
    assert tokens("Wie ist die Quote der Kinder in der Kita?") == tokens("Quote Kinder Kita")


def test_compound_is_split_against_the_lexicon():
    splitter = CompoundSplitter(tokens("Abschluss Quote Betreuung"))
    terms = splitter.terms(words("Abschlussquote Betreuungsquoten"))
    assert stem("abschluss") in terms and stem("quote") in terms and stem("betreuung") in terms


@pytest.mark.parametrize("text, expected", [
    ("Der Stichtag ist der 1. März. Danach folgt die Auswertung.",
     ["Der Stichtag ist der 1. März.", "Danach folgt die Auswertung."]),
    ("Das gilt z. B. für Kitas bzw. Horte. Nr. 5 ist neu.",
     ["Das gilt z. B. für Kitas bzw. Horte.", "Nr. 5 ist neu."]),
    ("Ab der 4. Klasse wechseln sie. Das ist so.", ["Ab der 4. Klasse wechseln sie.", "Das ist so."]),
    ("Ziele:\n- Erstens mehr Teilhabe\n- Zweitens bessere Daten.",
     ["Ziele:", "Erstens mehr Teilhabe", "Zweitens bessere Daten."]),
    # a quoted abbreviation ends the sentence with the period after the closing quote
    ("Gemeint ist die Spalte „insg.“. Sie steht rechts.",
     ["Gemeint ist die Spalte „insg.“.", "Sie steht rechts."]),
])
def test_german_sentence_splitting(text, expected):
    assert split_sentences(text) == expected
