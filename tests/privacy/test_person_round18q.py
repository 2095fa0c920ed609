"""Person forms of round 18q, each with own examples: lower-case given + surname pairs in notes,
ALL CAPS records, names broken by a hyphen at a line end, login handles, German-word surnames with
a weak marker, and words that are no part of the name before it."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


LOWER_CASE_PAIRS = [
    "hab vorhin mit [[PERSON:greta lindholm]] telefoniert, passt",
    "termin mit [[PERSON:emre doğan]] am dienstag um 10",
    "kurz mit [[PERSON:paula zimmermann]] gesprochen wegen der ag",
    "morgen gespräch mit [[PERSON:malte osterkamp]] und der mutter",
]


@pytest.mark.parametrize("marked", LOWER_CASE_PAIRS)
def test_round18_lower_case_given_and_surname_in_a_note(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "name"), [("bitte mit malte nochmal reden", "malte"),
                                            ("lena schläft seit tagen schlecht", "lena"),
                                            ("mit emre wegen elternabend gesprochen", "emre")])
def test_round18_lower_case_word_after_a_given_name_is_no_surname(gate, text: str, name: str) -> None:
    assert _persons(gate, text) == [name]


CAPS_RECORDS = [
    "LINDHOLM     GRETA      7A\nOSTERKAMP    MALTE      7B",
    "Teilnehmer:\nDOĞAN, EMRE\nZIMMERMANN, PAULA",
    "NR  NAME         VORNAME   KL\n01  WESTERMANN   JANNIK    5C\n02  BRANDSTÄTTER  RIEKE     5C",
]
CAPS_EXPECTED = [
    ["LINDHOLM     GRETA", "OSTERKAMP    MALTE"],
    ["DOĞAN, EMRE", "ZIMMERMANN, PAULA"],
    ["WESTERMANN   JANNIK", "BRANDSTÄTTER  RIEKE"],
]


@pytest.mark.parametrize(("text", "expected"), list(zip(CAPS_RECORDS, CAPS_EXPECTED)))
def test_round18_all_caps_records(gate, text: str, expected: list[str]) -> None:
    found = _persons(gate, text)
    assert all(any(e in f or f in e for f in found) for e in expected), found


#: A span cannot cross a line break: the name is two spans, the part before the hyphen and the rest.
BROKEN_NAMES = [
    ("Die Mutter von Greta Kowal-\nczyk hat sich gemeldet.", ["Greta Kowal", "czyk"]),
    ("Anwesend waren Herr Brand-\nstätter und die Klassenlehrerin.", ["Brand", "stätter"]),
    ("Heute fehlten Mal-\nte und Jan-\nnik wegen Fieber.", ["Mal", "te", "Jan", "nik"]),
]


@pytest.mark.parametrize(("text", "parts"), BROKEN_NAMES)
def test_round18_name_broken_at_a_line_end_is_covered_whole(gate, text: str, parts: list[str]) -> None:
    found = _persons(gate, text)
    assert all(p in found for p in parts), found


@pytest.mark.parametrize("text", ["Die Kin-\nder spielten draußen.", "Die Steu-\ner kommt später.",
                                  "Im Gespräch mit Frau Lind-\nmann"])
def test_round18_broken_word_is_no_name_and_no_word_is_a_name_part(gate, text: str) -> None:
    found = _persons(gate, text)
    assert not any(f.lower() in ("kin", "steu", "mann") for f in found), found


HANDLES = [
    "audit: user=lindholm_g action=export",
    "[09:12] <paula.z> kann jemand die 3b übernehmen?",
    "danke @emre.dogan für die liste",
    "geändert von m.osterkamp am 12.03.",
]
HANDLE_NAMES = ["lindholm_g", "paula.z", "emre.dogan", "m.osterkamp"]


@pytest.mark.parametrize(("text", "name"), list(zip(HANDLES, HANDLE_NAMES)))
def test_round18_login_handle_of_a_person(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


@pytest.mark.parametrize("text", ["Rückfragen an greta.lindholm@schule.example", "siehe bericht.pdf und liste.xlsx",
                                  "user=admin_sys action=login", "Datei anna.docx im Ordner",
                                  "spalten: schueler_id;mentor_tel;steuer_id;user_name"])
def test_round18_no_handle(gate, text: str) -> None:
    found = _persons(gate, text)
    assert not any("." in f or "_" in f for f in found), found


WORD_SURNAMES = [
    "Rückmeldung von Elternvertreterin [[PERSON:Fink]] zum Ausflug",
    "[[PERSON:Jannik Sommer]] hat die Präsentation gehalten.",
    "Schulsozialarbeiter [[PERSON:Hahn]] begleitet das Gespräch.",
    "Die Unterlagen liegen bei Herrn [[PERSON:Vogel]].",
    "Kinderärztin [[PERSON:Winter]] hat das Attest geschickt.",
]


@pytest.mark.parametrize("marked", WORD_SURNAMES)
def test_round18_surname_that_is_a_word_after_a_weak_marker(gate, marked: str) -> None:
    assert missing(gate, marked) == []


NOT_PART_OF_THE_NAME = [
    ("Morgen kommt Doktor Lindholm zur Sprechstunde.", "Lindholm"),
    ("Kann Malte heute früher gehen?", "Malte"),
    ("Moin Paula, hast du die Liste?", "Paula"),
    ("Danke Emre für die schnelle Antwort!", "Emre"),
    ("bitte die nummer von frau doktor osterkamp raussuchen", "osterkamp"),
    ("Sprechstunde bei Professorin Lindqvist am Montag", "Lindqvist"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PART_OF_THE_NAME)
def test_round18_words_before_a_name_are_no_part_of_it(gate, text: str, name: str) -> None:
    found = _persons(gate, text)
    assert name in found, found


#: Surnames built like compounds of common words, with a surname's last part ("-reich", "-hausen").
SURNAME_HEAD_COMPOUNDS = [
    "Ansprechpartnerin: [[PERSON:Lena Goldreich]] · Sekretariat",
    "Protokoll: [[PERSON:Jonas Waldhausen]] · Raum 12",
    "Ansprechpartnerin: [[PERSON:Paul Silberreich]] · Sekretariat",
]


@pytest.mark.parametrize("marked", SURNAME_HEAD_COMPOUNDS)
def test_round18_compound_with_a_surname_head_after_a_given_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []
