"""Person forms of round 15, each with own examples: official ranks as titles outside the span,
a compound the writer made after a given name, rare nouns as given names in a list entry, surnames
of two words or with a particle or prefix in "Surname, Given" entries, hyphenated East Asian given
names in capitals."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


RANKS = [
    # police ranks and teachers' titles with the female ending glued on: context, not name
    "Rückruf von POKin [[PERSON:Brandauer]] wegen der Vermisstenmeldung",
    "Anwesend: KHK [[PERSON:Lindqvist]] (Kripo), Jugendamt",
    "Protokoll: StRin [[PERSON:Okafor-Lenz]]; Vorsitz: OStDin [[PERSON:Markwort]]",
    "Zeuge laut PHK [[PERSON:Wendeborn]]: keine Verletzungen",
]


@pytest.mark.parametrize("marked", RANKS)
def test_round15_rank_before_a_name_is_no_part_of_it(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", ["Meldung an PK Nord weitergeleitet", "ab 3 PM Termin im Rathaus"])
def test_round15_station_and_time_are_no_titles(gate, text: str) -> None:
    assert _persons(gate, text) == []


COMPOUNDS_AFTER_GIVEN_NAMES = [
    # a compound of a frequent word and a noun after a given name: a role or a topic, no surname
    ("[03.04.25, 18:20:11] Birgit Elternbeirat: Treffen verschoben", "Birgit"),
    ("Jonas Sportfest abgesagt wegen Regen", "Jonas"),
    ("mit Frau Aylin Sitzordnung klären", "Aylin"),
]


@pytest.mark.parametrize(("text", "name"), COMPOUNDS_AFTER_GIVEN_NAMES)
def test_round15_compound_after_a_given_name_is_no_surname(gate, text: str, name: str) -> None:
    assert _persons(gate, text) == [name]


@pytest.mark.parametrize("name", ["Gisela Krautwurst", "Jana Oberländer", "Anna Feldhaus", "Tim Rautenstrauch"])
def test_round15_surname_of_rarer_words_stays(gate, name: str) -> None:
    assert _persons(gate, f"Ansprechpartnerin ist {name}, bitte melden.") == [name]


ENTRIES = [
    # a rare noun as the given name of an entry that fills a cell or line
    "| 4 | [[PERSON:Okafor, Amara]] | 3b |",
    "Nr;Name;Klasse\n7;[[PERSON:Hosseini, Dorsa]];2a",
    "Nachzügler:\n[[PERSON:Diallo, Amara]]\n[[PERSON:Brandt, Lea]]",
    # surnames of two words, the second also a given name
    "Fehler beim Import von [[PERSON:García López, Marta]]: Datum fehlt",
    "Zahler: [[PERSON:Ortega Santos, Lucía]] (Konto geprüft)",
    # particles in capitals in an upper-case list
    "03  [[PERSON:DA COSTA, INÊS]]        12.05.2013   POR\n04  [[PERSON:DOS SANTOS, RUI]]      01.02.2012   BRA",
    "11  [[PERSON:DI NARDO, GIULIA]]      30.06.2014   ITA",
    "GY-2020-0117  [[PERSON:DA SILVA PEREIRA, ANA]]     14.02.2008    E / BI",
    # Arabic prefixes joined by a hyphen in capitals
    "05  [[PERSON:AL-HASSAN, RAMI]]     09.09.2011\n06  [[PERSON:EL-SAYED, MONA]]       10.10.2012",
    "07  [[PERSON:ABU-ZAID, OMAR]]      02.03.2013",
    "08  [[PERSON:AL-ANI, SAMI]]        04.04.2014\n09  [[PERSON:EL-BAZ, HODA]]        05.05.2015",
    # hyphenated East Asian given names in capitals
    "Kl. 2a: [[PERSON:PARK, JI-WOO]]; [[PERSON:LEE, MIN-JUN]]; [[PERSON:CHOI, HYUN-WOO]]",
]


@pytest.mark.parametrize("marked", ENTRIES)
def test_round15_surname_given_entry_whole(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "word"), [("DE 811 234 567 (USt-ID des Trägers)", "DE"),
                                           ("KIM, NRW-LIGA 2025", "NRW-LIGA"),
                                           ("| Schmidt, Hausbesuch |", "Hausbesuch")])
def test_round15_no_entry_from_codes_or_nouns(gate, text: str, word: str) -> None:
    assert not any(word in s for s in _persons(gate, text))
