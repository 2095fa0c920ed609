"""Identifiers recognised once are masked everywhere; IDs in personal record rows are masked."""

import pytest


def test_repeated_pupil_numbers_are_all_masked(gate):
    text = ("Betreff: Doppelte Datensätze\nDie Schüler-IDs SN-40127 und SN-40219 gehören zum selben Kind (Maya Hoffmann-Ebert). "
            "Bitte SN-40219 löschen.")
    red = gate.redact(text)
    assert "40219" not in red.text and "40127" not in red.text
    assert red.text.count("<STUDENT_ID_2>") == 2


def test_repeated_iban_is_masked_twice(gate):
    red = gate.redact("IBAN DE89370400440532013000 … Rückbuchung auf DE89370400440532013000.")
    assert red.text.count("<IBAN_CODE_1>") == 2


def test_id_cell_in_a_headerless_record_row_is_masked(gate):
    text = "YILDIZ, İBRAHIM;7a;2021-03340\nSCHULZ, MIA;7a;2021-03341"
    red = gate.redact(text)
    assert "2021-0334" not in red.text
    assert {e.type for e in red.entities} == {"PERSON", "STUDENT_ID"}
    assert ";7a;" in red.text  # the class stays


@pytest.mark.parametrize("text", [
    "Kreis;Jahr;Tabelle\nLeipzig;2023;21111-02-06-4",   # no person in the row
    "Die Schulnummer 194477 bleibt, Stichtag 2023-10-01.",  # no identifier recognised first
])
def test_no_identifier_without_person_or_recognised_first(gate, text):
    assert "STUDENT_ID" not in {e.type for e in gate.redact(text).entities}
