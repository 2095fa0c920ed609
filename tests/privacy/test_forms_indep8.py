"""Forms of the eighth dev reading (issue 10): pupil-number contexts, names in other scripts in
tables and beside a Latin name, particles and multi-part names. Own examples, written for these tests."""

from __future__ import annotations

from tests.privacy.conftest import spans


def _of(gate, text: str, kind: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == kind]


# -- pupil numbers -----------------------------------------------------------------------------

def test_a_pupil_number_in_a_log_field_named_for_the_pupil(gate) -> None:
    text = "2025-02-11 08:02:44 INFO  verwaltung  edit student=2022/1187 field=adresse by=sek@gs-ost.de"
    assert _of(gate, text, "STUDENT_ID") == ["2022/1187"]


def test_a_count_under_a_pupil_key_is_no_pupil_number(gate) -> None:
    assert _of(gate, "stats schueler=27 klassen=3 lehrkraefte=4", "STUDENT_ID") == []


def test_a_pupil_key_under_a_dotted_record_path(gate) -> None:
    text = "[liste]\nposten_3.kind_nr=KN-2023-0815\nposten_3.gruppe=Igel"
    assert _of(gate, text, "STUDENT_ID") == ["KN-2023-0815"]


def test_an_example_under_a_paragraph_that_asks_for_the_pupil_number(gate) -> None:
    text = ("Bitte geben Sie als Verwendungszweck an: Fach – Name des Kindes – Schülernummer\n\n"
            "Beispiel: „Chemie Lennart Vogel 23-0917“")
    assert _of(gate, text, "STUDENT_ID") == ["23-0917"]


def test_an_example_without_a_pupil_number_label_before_it_is_none(gate) -> None:
    text = "Bitte geben Sie als Verwendungszweck Fach und Name an.\n\nBeispiel: „Chemie Lennart Vogel 23-0917“"
    assert _of(gate, text, "STUDENT_ID") == []


def test_a_month_and_year_in_a_prose_line_with_semicolons_is_no_pupil_number(gate) -> None:
    text = "Herr Ferreira ist seit 04/2024 ohne Arbeit; Frau Ferreira betreut die Großmutter."
    assert _of(gate, text, "STUDENT_ID") == []


# -- other scripts -----------------------------------------------------------------------------

def test_names_in_other_scripts_under_a_name_header(gate) -> None:
    text = ("Nr. | Name (Schrift) | Name (Latein) | Telefon\n"
            "1 | علی رضایی | Ali Rezaei | 0171 2233445\n"
            "2 | ዮናስ ገብሩ | Yonas Gebru | –")
    persons = _of(gate, text, "PERSON")
    assert {"علی رضایی", "ዮናስ ገብሩ", "Ali Rezaei", "Yonas Gebru"} <= set(persons)


def test_a_title_in_another_script_under_another_header_is_no_name(gate) -> None:
    text = "Titel | Sprache\nدليل الوالدين | arabisch\nGuia para pais | portugiesisch"
    assert "دليل الوالدين" not in _of(gate, text, "PERSON")


def test_the_original_script_after_wide_spacing_beside_a_name(gate) -> None:
    text = "Name: Haddad, Rami Karim      رامي كريم حداد\nKlasse: 6b"
    assert "رامي كريم حداد" in _of(gate, text, "PERSON")
