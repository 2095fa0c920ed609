"""An answer led by a catalogue entry carries what users ask for after the summary: for "how is
it computed?" the formula's note and what a result looks like (the first comparison value), for
"where do the data come from?" also the caveats on the data (Kreise, breaks, rounding). A
"what is it?" answer stays short."""

from __future__ import annotations

import pytest

from assistant import PROJECT_ROOT
from assistant.answers.entry import details
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.catalogue import load_catalogue
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")


def entry(cat, indicator_id: str) -> Passage:
    ind = cat.get(indicator_id)
    return Passage(text=ind.to_text(), source=f"katalog:{ind.id}", title=ind.name, section=None,
                   page=None, n=1, summary=tuple(ind.summary()))


def test_a_computing_answer_shows_a_result_after_the_formula(cat):
    lines = details("Wie wird die Ausbildungsbetriebsquote gerechnet?", entry(cat, "E6.1"))
    assert any("18,8 %" in line for line in lines), lines


def test_a_source_answer_names_the_caveats_on_the_data(cat):
    lines = details("Woher stammen die Daten zur Ausbildungsbetriebsquote?", entry(cat, "E6.1"))
    assert any("Kleinstbetriebe" in line for line in lines), lines
    assert any("18,8 %" in line for line in lines), lines


def test_a_definition_answer_does_not_add_values_it_was_not_asked_for(cat):
    lines = details("Was versteht man unter der Ausbildungsbetriebsquote?", entry(cat, "E6.1"))
    assert not any("18,8 %" in line for line in lines), lines


def test_the_formula_note_follows_a_computing_question(cat):
    lines = details("Wie rechnet man den Anteil ohne Hauptschulabschluss aus?", entry(cat, "D15.1"))
    assert any("gleichaltrige Wohnbevölkerung" in line for line in lines), lines


def test_the_entry_answer_keeps_formula_stichtag_and_source_first(cat):
    passage = entry(cat, "C7.1")
    other = Passage(text="Die Kita-Statistik erscheint jährlich. Sie zählt Kinder am 1. März.",
                    source="leitfaden.md", title="Leitfaden", section="Kita", page=None, n=2)
    pieces = ExtractiveAnswerer(BagOfWordsEmbedder()).compose(
        "Wie rechnet man die Krippenquote aus, und wer zählt im Nenner?", [passage, other])
    assert pieces[1].startswith("So wird C7.1 berechnet:"), pieces[:3]
    assert pieces[2].startswith("Stichtag:"), pieces[:3]
    assert pieces[3].startswith("Datenquelle:") and "22543-03-01-4" in pieces[3], pieces[:4]
    # and the comparison value after the summary
    assert any("32,9 %" in p for p in pieces), pieces
