"""Which finding wins when findings of different types overlap (issue 10, third round of rules):
the one that covers the whole run of characters, then the higher score, then the type priority.
Own examples, none taken from an evaluation set."""

from __future__ import annotations

import pytest

from assistant.privacy.names import load_lexicon
from assistant.privacy.text.gate import _resolve
from assistant.privacy.text.spans import drop_covered
from tests.privacy.conftest import spans


def resolve(text: str, found: list[tuple[str, int, int, float]]) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for kind, s, e, _ in _resolve(text, found, load_lexicon())]


def test_a_phone_number_covering_a_digit_run_beats_a_higher_scored_pupil_number_inside_it():
    text = "Rückfragen zur Schüler-Nr.: (0221) 2719340"
    phone = text.index("(0221)")
    found = [("PHONE_NUMBER", phone, len(text), 0.5), ("STUDENT_ID", phone + 1, phone + 5, 0.9)]
    assert resolve(text, found) == [("PHONE_NUMBER", "(0221) 2719340")]


def test_an_iban_covering_a_date_shaped_part_beats_the_birth_date_inside_it():
    text = "geb. Konto DE02 1203 0000 0000 2020 51"
    iban = text.index("DE02")
    found = [("IBAN_CODE", iban, len(text), 0.6), ("DATE_OF_BIRTH", iban + 5, iban + 14, 0.85)]
    assert resolve(text, found) == [("IBAN_CODE", "DE02 1203 0000 0000 2020 51")]


def test_a_birth_date_glued_to_a_longer_number_is_none():
    text = "geb. 4711203.05.2011"
    start = text.index("03.05")
    assert resolve(text, [("DATE_OF_BIRTH", start, start + 10, 0.85)]) == []


def test_equal_spans_of_equal_score_go_to_the_type_with_a_strict_syntax():
    text = "Kennung 86095742719"
    start = text.index("8")
    found = [("STUDENT_ID", start, len(text), 0.7), ("DE_TAX_ID", start, len(text), 0.7)]
    assert resolve(text, found) == [("DE_TAX_ID", "86095742719")]


def test_equal_spans_go_to_the_higher_score_first():
    text = "geb. 03052011"
    found = [("PHONE_NUMBER", 5, 13, 0.5), ("DATE_OF_BIRTH", 5, 13, 0.85)]
    assert resolve(text, found) == [("DATE_OF_BIRTH", "03052011")]


def test_a_finding_dropped_as_covered_still_holds_what_its_dropped_cover_left_free():
    # the phone loses to a person it partly overlaps; the pupil number it covered comes back
    text = "Ida 0221 4471 Roth"
    found = [("PHONE_NUMBER", 4, 13, 0.5), ("STUDENT_ID", 4, 8, 0.7), ("PERSON", 9, 18, 0.9)]
    assert resolve(text, found) == [("STUDENT_ID", "0221"), ("PERSON", "4471 Roth")]


def test_findings_of_one_type_are_not_dropped_as_covered():
    found = [("PERSON", 0, 11, 0.6), ("PERSON", 4, 11, 0.9)]
    assert drop_covered(found) == found


@pytest.mark.parametrize("text, expected", [
    ("Rückfragen zu Schülernummern an Tel. (0221) 2719340", [("PHONE_NUMBER", "(0221) 2719340")]),
    ("Schülernummer 4471, Rückruf unter 0221 4471230",
     [("STUDENT_ID", "4471"), ("PHONE_NUMBER", "0221 4471230")]),
    ("Anschrift: Felix-Fechenbach-Straße 5, 32756 Detmold",
     [("ADDRESS", "Felix-Fechenbach-Straße 5, 32756 Detmold")]),
    ("Mail an lea.schmidt@gs-nord.de wegen der Schülernummer",
     [("EMAIL_ADDRESS", "lea.schmidt@gs-nord.de")]),
])
def test_the_gate_keeps_the_whole_reading(gate, text, expected):
    assert spans(gate, text) == expected
