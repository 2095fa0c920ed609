"""How-to and source questions name an indicator however users write it: inflected, with a typo,
with another article or preposition, without the qualifier in brackets, or by a colloquial name.
Such a naming makes the indicator's entry lead (``named_exactly``); other words one letter apart
do not. Who-counts questions and questions with a swapped-letter typo in their cue word are
understood as computing or source questions."""

from __future__ import annotations

import pytest

from assistant import PROJECT_ROOT
from assistant.answers.question import understand
from assistant.catalogue import load_catalogue
from assistant.catalogue.search import mentions, named_exactly, same_word


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")


def leading(cat, question: str) -> list[str]:
    """IDs of the indicators the question names so that their entry leads."""
    return [i.id for i in mentions(cat.all(), question) if named_exactly(i, question)]


@pytest.mark.parametrize("question, expected", [
    # inflected forms of the name
    ("Welche Altersgrenzen gelten beim Altenquotienten?", "A1.2"),
    ("Woher stammen die Arbeitslosenquoten der Kreise?", "A2.1"),
    ("Gibt es Zahlen zum höchsten Bildungsabschluss der Einwohner?", "B8.1"),
    ("Welche Tabelle hat die Studierenden je Hochschulort?", "F7.1"),
    # a typo: two swapped letters, one letter missing in a long word
    ("Wie rechnet man die Förderqoute?", "D7.3"),
    ("wie wird die ausbildungsanfängerqote berechnet", "E7.1"),
    # the name without its qualifier in brackets
    ("Welche Statistik liefert die Jugendarbeitslosenquote?", "A2.2"),
    # another preposition or article in the phrase
    ("Wie hoch sind die Ausgaben pro Schüler im Land?", "B5.1"),
    ("Welche Tabelle hat die Bevölkerung nach dem Alter?", "A1.1"),
    # colloquial names
    ("Wie viele Schulabbrecher gab es im Kreis, und wie rechnet man das?", "D15.1"),
    ("Woher kommen die Zahlen zu den Sitzenbleibern?", "D13.1"),
])
def test_a_name_in_another_form_lets_the_entry_lead(cat, question, expected):
    found = leading(cat, question)
    assert found[:1] == [expected], found


def test_a_colloquial_phrase_names_the_indicator_in_its_own_order(cat):
    assert leading(cat, "Wie viele Jugendliche verlassen die Schule ohne Abschluss?")[:1] == ["D15.1"]


@pytest.mark.parametrize("a, b", [
    ("schulart", "schulamt"),            # one letter apart, other words
    ("inklusionsquote", "exklusionsquote"),
    ("alter", "alten"),
    ("jugendarbeit", "jugendarbeitslosigkeit"),
])
def test_other_words_are_not_read_as_forms_or_typos(a, b):
    assert not same_word(a, b)


def test_a_word_one_letter_off_a_short_label_names_nothing(cat):
    # "Schulamt" is not "Schulart", so "Schulen je Schulart" is not named
    assert "D6.1" not in leading(cat, "Frau Meier vom Schulamt fragt nach den Schulen.")


@pytest.mark.parametrize("question, kind", [
    ("Wie wird die Förderquote genau berechent?", "berechnung"),
    ("Aus welcher Statisitk stammt die Ausbildungsquote?", "datenquelle"),
    ("Werden Kinder in der Tagespflege bei der Krippenquote mitgezählt?", "berechnung"),
    ("Ein Kind geht zur Tagesmutter. Wie geht das Kind in die Betreuungsquote ein?", "berechnung"),
    ("Wie kommt das Landesamt auf die Förderquote?", "berechnung"),
    ("Wie berechnet man die Übergangsquote – und ab welchem Schuljahr gilt das?", "berechnung"),
    ("Welche Schüler zähle ich oben, und darf ich die Quoten der Schulen einfach mitteln?",
     "berechnung"),
])
def test_who_counts_and_misspelt_cues_are_understood(question, kind):
    assert understand(question).kind == kind


@pytest.mark.parametrize("question, kind", [
    # a permission on personal data stays one, even with a computing operation in it
    ("Darf ich die Namensliste in ChatGPT laden, damit es die Quote berechnet und summiert?",
     "darf_ich"),
    # "darf ich … zählen" without a question on computing stays a permission question
    ("Darf ich beim Aufsummieren der Gemeinden einen Punkt einfach als null zählen?", "darf_ich"),
    # a threshold asked first stays a threshold
    ("Ab wie vielen Fällen darf ich die berechnete Quote zeigen?", "schwelle"),
])
def test_other_kinds_keep_their_kind(question, kind):
    assert understand(question).kind == kind
