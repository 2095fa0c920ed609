"""Person forms of writing found missing on a new split, each with own examples: every verb of
contact of a note's to-do, login handles used as names, "SURNAME, Given" entries, nicknames in
quotes, name particles and a word of office before a name."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans

TODO_VERBS = [
    # each verb of contact closes a to-do: those the prechecks had dropped too
    "- [[PERSON:yilmaz]] zurückrufen\n- kopien machen",
    "morgen [[PERSON:petrov]] zurückrufen wg. fahrkarte",
    "bitte [[PERSON:nowak]] erinnern",
    "dann [[PERSON:kowalski]] wegen attest erinnern",
    "[[PERSON:schröder]] mail schreiben",
    "heute [[PERSON:okafor]] e-mail schreiben wg. ausflug",
]


@pytest.mark.parametrize("marked", TODO_VERBS)
def test_indep13_every_verb_of_contact_closes_a_todo(gate, marked: str) -> None:
    assert missing(gate, marked) == []



HANDLES = [
    # a login handle where a person is meant: initial + surname, first name + initial or surname
    "Vorgang angelegt von [[PERSON:k.yildirim]] am 03.02.",
    "2025-01-07 INFO [dienst] bearbeiter=[[PERSON:p.schroeder]] status=offen",
    '{"zustaendig": "[[PERSON:a.nowak]]", "frist": "2025-02-01"}',
    "<[[PERSON:lena.m]]> kann jemand heute die Aufsicht übernehmen?",
    "Freigabe durch [[PERSON:markus.hoffmann]] (Admin)",
    "<[[PERSON:sabine.wendekamp]]> Die Liste ist fertig.",
]

NO_HANDLES = [
    "Mail an lena.koch@schule.de oder siehe www.kita.de",
    "Datei bericht.pdf und anna.docx im Ordner /home/m.weber/",
    "z.b. heute, d.h. morgen, u.a. die Eltern, s.o.",
    "Die Domain schulen.nrw ist erreichbar.",
]


@pytest.mark.parametrize("marked", HANDLES)
def test_indep13_login_handle_is_a_person(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", NO_HANDLES)
def test_indep13_addresses_files_and_abbreviations_are_no_handles(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON" and "." in s] == []


SURNAME_GIVEN = [
    # the given names end at a wide gap to the next column or before a key of the form
    "Erziehungsberechtigt   Mutter [[PERSON:Kowalczyk, Agnieszka]]   Tel 0171 2233445",
    "Vater ......: [[PERSON:Demir, Hakan]] IdNr ......: 12 345 678 901",
    "Schülerin: [[PERSON:NOWAK, JULIA-MARIA]]   Schüler-Nr.: GS-2023-0042",
    "Mutter: [[PERSON:Wagner, Irina]]   [[PERSON:Tom Berg]]",
    # a particle before a surname that is also a given name
    "71 | [[PERSON:Oliveira dos Santos, Ana]] | 3 | Hort",
    "Vater: [[PERSON:Nascimento da Silva, João]] (Tel. siehe unten)",
    "- [[PERSON:Pereira da Costa, Marta]], Klasse 4b",
    # an Arabic particle in capitals or capitalised before the surname
    "07  [[PERSON:EL KHATIB, SAMIRA]]        2023-00417",
    "Schüler: [[PERSON:Abu Zaid, Karim]] (6a)",
    "[[PERSON:AL HASSAN, RAMI]] (5c)",
]


@pytest.mark.parametrize("marked", SURNAME_GIVEN)
def test_indep13_surname_given_entry_whole(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "name"), [("Schülerin: Ouazzani, IdNr 12 345 678 901", "Ouazzani"),
                                            ("Kind: Petrović, SchuelerNr 2231", "Petrović"),
                                            ("Mutter: Lindqvist, KundenID 88-1", "Lindqvist")])
def test_indep13_key_after_comma_is_no_given_name(gate, text: str, name: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == [name]


NICKNAMES = [
    # a nickname in quotes after the given name: with the surname after it, or ending the entry
    "Anwesend: [[PERSON:Aleksandr „Sascha“ Morozov]] (Koordination), [[PERSON:Petra Lang]]",
    "**Schülerin:** [[PERSON:Katharina „Kathi“ Wróblewski]]",
    "Teilnehmer: [[PERSON:Johannes »Hannes« Brückner]]",
    '[[PERSON:OKAFOR, Oluwaseun "Seun"]]  Mutter 0171 2233445',
]


@pytest.mark.parametrize("marked", NICKNAMES)
def test_indep13_nickname_in_quotes_inside_the_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", ["Tim schrieb „Danke“ Montag an alle.",
                                  "Lea sagte „Schule“ Ende der Woche."])
def test_indep13_quoted_word_after_a_name_is_no_nickname(gate, text: str) -> None:
    assert all("„" not in s for t, s in spans(gate, text) if t == "PERSON")


@pytest.mark.parametrize(("text", "name"), [("- RAin Schüler-Thomsen wegen Akteneinsicht", "Schüler-Thomsen"),
                                            ("Rückruf von KHKin Hoffmann erbeten", "Hoffmann"),
                                            ("laut POKin Abendroth-Kaya (Wache Süd)", "Abendroth-Kaya")])
def test_indep13_abbreviated_office_is_no_given_name(gate, text: str, name: str) -> None:
    assert ("PERSON", name) in spans(gate, text)
    assert all(not s.startswith(("RAin", "KHKin", "POKin")) for t, s in spans(gate, text) if t == "PERSON")
