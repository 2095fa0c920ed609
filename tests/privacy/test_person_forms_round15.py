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


TITLE_THEN_GIVEN_NAME = [
    # after a title the comma ends the parent's name; the given name after it is the child's
    "Hallo Frau [[PERSON:Okonkwo]], [[PERSON:Emeka]] hat heute Fieber",
    "Rückruf von Herrn [[PERSON:Lindholm]], [[PERSON:Tilda]] bleibt zu Hause",
    "Gruppe Sonne: [[PERSON:Paula]] (Ltg.), Frau [[PERSON:Wiegand]], [[PERSON:Merve]]",
    "Sehr geehrte Frau [[PERSON:Kovač]], Ihr Antrag ist eingegangen.",
]


@pytest.mark.parametrize("marked", TITLE_THEN_GIVEN_NAME)
def test_round15_title_before_surname_and_comma_is_no_entry(gate, marked: str) -> None:
    assert missing(gate, marked) == []
    assert not any("," in s for s in _persons(gate, marked.replace("[[PERSON:", "").replace("]]", "")))


OPENERS = [
    # a preposition that is a given name elsewhere opens an address line or a sentence
    "Serienbrief\nAn [[PERSON:Tobias Kranich]], Lindenweg 4, 12345 Musterstadt",
    "An [[PERSON:Marta Lewandowska]]\nBetreff: Rückgabe",
    "Bei [[PERSON:Jannis Albers]] bitte noch nachfragen.",
    # custody holders as roles before the name
    "Geändert durch: Erziehungsberechtigter [[PERSON:Kemal Aksoy]] am 03.02.",
    "Unterschrift Sorgeberechtigte [[PERSON:Ilona Brzeska]]",
    "Personensorgeberechtigter: [[PERSON:Farid Naseri]]",
]


@pytest.mark.parametrize("marked", OPENERS)
def test_round15_opener_or_role_outside_the_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


BEST_CLOSINGS = [
    # the English closing "Best," before the writer's given name, on its line or the next
    ("Thanks for the files.\n\nBest, Noor\n--\nJugendhilfe Nord", "Noor"),
    ("Danke!\n\nBest, Henrike", "Henrike"),
    ("See you Monday.\nBest,\nOwen Pritchard", "Owen Pritchard"),
]


@pytest.mark.parametrize(("text", "name"), BEST_CLOSINGS)
def test_round15_best_is_a_closing(gate, text: str, name: str) -> None:
    assert _persons(gate, text) == [name]


def test_round15_best_as_a_surname_stays(gate) -> None:
    assert _persons(gate, "Termin mit Frau Best am Dienstag") == ["Best"]


@pytest.mark.parametrize("text", [
    "Eingang Sekretariat                 14. Jan. 2026",
    "Konzept Ganztag (Stand Jan. 2026)",
    "Anlage „Belegung_Jan.xlsx“ versehentlich verschickt",
])
def test_round15_month_abbreviation_is_no_given_name(gate, text: str) -> None:
    assert _persons(gate, text) == []


def test_round15_jan_as_a_given_name_stays(gate) -> None:
    assert _persons(gate, "Jan kommt morgen wieder.") == ["Jan"]


DICTATION = [
    # punctuation spoken into a dictation and written out: no part of a name
    "zu händen Frau [[PERSON:Lindqvist]] Komma neue Zeile betreff",
    "betreff doppelpunkt [[PERSON:Mirela Kovač]] Komma geboren am",
    "wohnt bei Herrn [[PERSON:Okafor]] Punkt die Mutter ist erreichbar",
]


@pytest.mark.parametrize("marked", DICTATION)
def test_round15_dictated_punctuation_ends_the_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


NICKNAMES = [
    # a nickname in quotes between the names, the surname with Central European letters
    "Elternvertretung: [[PERSON:Katarzyna „Kasia“ Wójcikowska]] – Tel. folgt",
    "Übungsleiter [[PERSON:Łukasz „Luki“ Dąbrowski]] kommt später",
    "Kontakt: [[PERSON:Tomáš „Tom“ Dvořák]], Kasse",
]


@pytest.mark.parametrize("marked", NICKNAMES)
def test_round15_nickname_and_accented_surname_whole(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", [
    "Beratung bei der Suche nach einem\nSchul- oder Ausbildungsplatz",
    "An: Stadt Musterhausen, Jugend- und Sozialamt",
    "Zuschüsse für Kita- bzw. Hortplätze",
])
def test_round15_first_part_of_a_truncated_compound_is_no_name(gate, text: str) -> None:
    assert _persons(gate, text) == []
