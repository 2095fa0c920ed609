"""Deterministic German-aware search and the 'which indicator does this question name' lookup."""

from __future__ import annotations

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")


def ids(items):
    return [i.id for i in items]


@pytest.mark.parametrize("query, first", [
    ("Krippenquote", "C7.1"),
    ("U3-Quote", "C7.1"),
    ("u3 quote", "C7.1"),
    ("Betreuungsquote unter Dreijährigen", "C7.1"),
    ("Betreuungsquote unter Dreijaehrigen", "C7.1"),
    ("Schulabbrecherquote", "D15.1"),
    ("ohne Hauptschulabschluss", "D15.1"),
    ("Uebergangsquote Grundschule", "D12.1"),
    ("Übergangsquote Grundschule", "D12.1"),
    ("AAQ", "E7.1"),
    ("Ausbildungsanfängerquote", "E7.1"),
    ("VHS-Belegungen", "G7.1"),
    ("Sitzenbleiber", "D13.1"),
    ("D15.1", "D15.1"),
])
def test_search_finds_the_indicator_first(cat, query, first):
    assert ids(cat.search(query))[0] == first


def test_search_for_a_generic_term_returns_both_age_groups(cat):
    assert set(ids(cat.search("Betreuungsquote", limit=2))) == {"C7.1", "C7.2"}


def test_search_respects_limit_and_finds_nothing_for_noise(cat):
    assert len(cat.search("Quote", limit=3)) == 3
    assert cat.search("Wetterbericht Segelflug") == []


@pytest.mark.parametrize("question, expected", [
    ("Wie berechne ich die Betreuungsquote der unter Dreijährigen?", ["C7.1"]),
    ("Wie berechne ich die Betreuungsquote der Kinder von 3 bis unter 6 Jahren?", ["C7.2"]),
    ("Wie hoch ist die Schulabbrecherquote in Flensburg?", ["D15.1"]),
    ("Vergleiche D15.1 mit c7.1 bitte", ["D15.1", "C7.1"]),
    ("Was sagt die Ausbildungsanfängerquote aus?", ["E7.1"]),
    ("Wie wird der Wanderungssaldo berechnet?", ["A1.5"]),
    ("Wie wird das Wetter morgen in Kiel?", []),
])
def test_mentioned_in(cat, question, expected):
    assert ids(cat.mentioned_in(question))[:len(expected) or None] == expected


def test_generic_mention_returns_all_candidates_best_first(cat):
    found = ids(cat.mentioned_in("Wie berechne ich die Betreuungsquote?"))
    assert found[:2] == ["C7.1", "C7.2"]
