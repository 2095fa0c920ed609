""""May I …?" questions are decided by the rule on the action they ask about (recompute, publish,
enter into an AI service, use AI, reuse official tables, pass on, train staff), followed by the
rule and what to do instead. Questions written for these tests (not from an evaluation set), on
the real knowledge base, extractive path with the curated FAQ off."""

from __future__ import annotations

import re

import pytest

from assistant.answers.actions import action_fit, actions_of
from assistant.answers.question import focus_for, understand
from assistant.answers.ruling import neighbours, with_rule
from tests.answers.conftest import Sentence, extractive_run, first_of


@pytest.mark.parametrize("question, first", [
    ("Im Kreisergebnis fehlt die Zahl für unsere Gemeinde, da steht nur ein Punkt. Kann ich sie aus "
     "dem Kreiswert minus die Nachbargemeinden bestimmen und in die Vorlage schreiben?",
     "zurueckrechnen"),
    ("Dürfen wir die Förderbedarfsliste mit Namen in einen Chatbot hochladen?", "ki_eingeben"),
    ("Darf unser Jugendhilfeplaner Einzeldaten der Kita-Kinder an einen Verein weitergeben?",
     "weitergeben"),
    ("Ist es erlaubt, im Stadtteilbericht zu schreiben, dass dort drei Kinder ohne Kita-Platz sind?",
     "veroeffentlichen"),
    ("Dürfen wir Karten aus dem Statistikportal in unserer Broschüre abdrucken?", "nachnutzen"),
    ("Müssen wir das Team vor dem Einsatz von Copilot schulen lassen?", "ki_schulen"),
])
def test_the_asked_action_is_understood(question, first):
    found = actions_of(question)
    assert found and found[0].name == first, [a.name for a in found]


def test_an_interpretation_in_a_report_is_not_publishing_data():
    # "Ursachen nennen" publishes no count and no person: no rule on publishing data applies
    assert actions_of("Dürfen wir im Bericht Gründe für den Rückgang der Übergänge nennen?") == ()
    # "Schulen" the schools is not "schulen" (to train)
    assert "ki_schulen" not in [a.name for a in actions_of(
        "Darf eine KI festlegen, welche Schulen mehr Sozialarbeit bekommen?")]


def test_a_duty_asked_after_context_is_a_duty():
    assert understand("Herr Kaya fragt: Wir wollen Anmeldedaten mit Namen in ein Portal stellen. "
                      "Müssen wir vorher die Datenschutzbeauftragte fragen?").asks_duty


def test_the_sections_that_rule_on_the_action_are_preferred():
    focus = focus_for(understand("In der Tabelle steht beim Dorf nur ein Punkt. Darf ich den Wert "
                                 "aus der Summe ausrechnen und im Ausschuss zeigen?"))
    assert "rückrechnung" in focus.action_words
    # the symbol is the occasion, not what is asked: the symbol sections do not focus the search
    assert "sonderzeichen" not in focus.section_words


def test_a_sentence_on_the_action_fits_before_one_on_its_occasion():
    acting = actions_of("Darf ich den gesperrten Wert aus der Zeilensumme zurückrechnen?")
    assert action_fit(acting, "Gesperrte Werte darf man nicht zurückrechnen.") == 3
    assert action_fit(acting, "Ein Punkt bedeutet, dass der Wert geheim ist.") == 0
    assert action_fit(acting, "Ein Satz.", "Sekundäre Geheimhaltung: Rückrechnung verhindern") == 2




def test_the_rule_around_the_lead_follows_it_and_a_way_out_is_added():
    section = [Sentence("Die Pflicht gilt seit dem 1.1.2030.", 1, 0, 0.5),
               Sentence("Kurse sind also nicht freiwillig.", 1, 1, 0.9),
               Sentence("Wer sie versäumt, riskiert Bußgelder.", 1, 2, 0.3)]
    other = [Sentence("Besser ist es, Kurse im Verbund zu buchen.", 2, 0, 0.6),
             Sentence("Kurse dauern zwei Tage.", 2, 1, 0.7)]
    lead = section[1]
    # the lead leans back ("also"): the sentence before it comes along
    assert [c.position for c in neighbours(lead, section)] == [0, 2]
    chosen, follows = with_rule(lead, section + other, [lead, other[1], section[0]], floor=0.2,
                                on_question=lambda c: True, similar=lambda a, b: a is b, limit=4)
    assert follows == [section[0], section[2], other[0]]
    assert len(chosen) == 4 and lead in chosen and other[1] not in chosen


def test_a_lead_at_the_end_of_its_section_brings_the_sentences_before_it():
    section = [Sentence(f"Satz Nummer {i} der Regel.", 1, i, 0.1) for i in range(5)]
    assert neighbours(section[4], section) == section[1:4]
    assert neighbours(section[3], section) == section[1:3] + section[4:]


def test_passing_a_list_to_another_office_is_passing_on():
    assert actions_of("Darf die Kita dem Jugendamt eine Liste der Kinder mit Namen schicken?")[
        0].name == "weitergeben"


def test_a_chain_of_sentences_leaning_back_comes_along():
    section = [Sentence("Das Gesetz gilt seit 2030.", 1, 0, 0.1), Sentence("Sein § 4 verlangt Kurse.", 1, 1, 0.2),
               Sentence("Diese Pflicht gilt ab 2031.", 1, 2, 0.3), Sentence("Kurse sind also Pflicht.", 1, 3, 0.9)]
    assert neighbours(section[3], section) == section[:3]


FIRST: dict[str, tuple[list[str], list[str]]] = {
    # recomputing a suppressed value: the rule against recomputing decides, not the symbol
    "Bei uns ist in der Tabelle der Abgänger eine Zelle gepunktet. Darf ich den Wert über die "
    "Spaltensumme herausrechnen und im Ausschuss nennen?": (
        [r"^Nein\b", r"auszurechnen|zurück|[Rr]ückrechnung|rekonstruieren"], [r"Punkt in einem"]),
    # using AI at all
    "Unsere Dezernentin hält Chatbots für verboten. Dürfen wir KI-Werkzeuge im Bildungsbüro "
    "verwenden?": ([r"^Ja\b", r"verzichten"], []),
    # passing on personal data between offices: the rule on that, not on personal data at large
    "Die Kollegin aus dem Jugendamt hat eine Liste mit Namen und Förderbedarf. Darf sie die an "
    "unser Bildungsbüro weitergeben?": ([r"^Nein\b", r"Einzeldaten|Sozialdaten|[Nn]amentliche Listen"],
                                       []),
    # a must-question after a context sentence ("… schreibt: …"): still a duty, answered "Ja"
    "Frau Öztürk vom Schulamt schreibt: Wir planen eine Online-Elternbefragung, in der auch "
    "Namen abgefragt werden. Brauchen wir dafür eine Rechtsgrundlage?": (
        [r"^Ja\b", r"Rechtsgrundlage|Einwilligung"], []),
    # reuse of official tables
    "Dürfen wir Tabellen der Regionaldatenbank in unserem Sozialbericht übernehmen und "
    "weiterverarbeiten?": ([r"^Ja\b", r"Datenlizenz|Namensnennung"], []),
}


@pytest.fixture(scope="module")
def answer(lotse):
    run = extractive_run(lotse)
    return lambda question: " ".join(run(question)[1])


@pytest.mark.parametrize("question", list(FIRST))
def test_first_sentence_rules_on_the_asked_action(answer, question):
    must, must_not = FIRST[question]
    first = first_of(answer(question))
    for pattern in must:
        assert re.search(pattern, first), (pattern, first)
    for pattern in must_not:
        assert not re.search(pattern, first), (pattern, first)


def test_a_no_on_recomputing_comes_with_its_legal_basis(answer):
    text = answer("Ich könnte die geheim gehaltene Zahl für unseren Ortsteil aus den anderen "
                  "Ortsteilen und der Summe erschließen. Darf ich sie veröffentlichen?")
    assert re.match(r"Nein\b", first_of(text)), text
    assert re.search(r"§ 16 BStatG|Statistikgeheimnis", text), text
