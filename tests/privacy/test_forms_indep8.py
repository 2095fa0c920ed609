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


# -- particles ---------------------------------------------------------------------------------

def test_a_capitalised_particle_opens_a_surname_in_a_list_of_surname_first(gate) -> None:
    persons = _of(gate, "LEHMANN, ANNA\nVON HARDENBERG, KARL\nMÜLLER, TOM", "PERSON")
    assert "VON HARDENBERG, KARL" in persons


def test_a_particle_surname_with_its_given_name_after_a_comma(gate) -> None:
    persons = _of(gate, "Name, Vorname: Van der Berghe, Lotte\nStraße: Weg 3", "PERSON")
    assert persons == ["Van der Berghe, Lotte"]


def test_a_lower_case_particle_opens_a_surname_cell(gate) -> None:
    persons = _of(gate, "Nr;Nachname;Vorname\n1;da Costa Moreira;Rui\n2;Kaya;Elif", "PERSON")
    assert "da Costa Moreira" in persons


def test_a_surname_with_a_particle_after_a_given_name(gate) -> None:
    persons = _of(gate, "10:00 Vortrag – Prof. Dr. Dorothea von Bülow, Hochschule Kiel", "PERSON")
    assert persons == ["Dorothea von Bülow"]


def test_von_before_a_given_name_is_a_preposition(gate) -> None:
    assert _of(gate, "Von Lena Hartmann kam keine Antwort.", "PERSON") == ["Lena Hartmann"]
    assert "Lea von Oma" not in _of(gate, "Ein Brief von Lea von Oma kam.", "PERSON")


def test_a_capitalised_german_word_opening_a_sentence_is_no_particle(gate) -> None:
    persons = _of(gate, "Da Amundsen die Route kannte, fand er den Weg.", "PERSON")
    assert not any(p.startswith("Da ") for p in persons)


def test_a_particle_opens_a_surname_in_a_fixed_width_cell(gate) -> None:
    text = "AZ                NAME                     GEB.\nBS-2023-0350      VON HARDENBERG, KARL     19.03.2019"
    assert "VON HARDENBERG, KARL" in _of(gate, text, "PERSON")


# -- nouns -------------------------------------------------------------------------------------

def test_compounds_with_a_short_noun_head_are_no_names(gate) -> None:
    text = "Unfallort: Schulhof, Aussichtsturm\nZum Frühstück gab es Rohkost und Tee."
    assert _of(gate, text, "PERSON") == []


def test_von_opening_a_chat_line_stays_outside_the_name(gate) -> None:
    persons = _of(gate, "von mirela: bin gleich da, bring die jacke mit", "PERSON")
    assert not any(p.startswith("von") for p in persons)


# -- birth dates -------------------------------------------------------------------------------

def test_a_date_before_an_inflected_geboren_is_a_birth_date(gate) -> None:
    text = "Er ist Vater des am 14.06.2023 in Kassel geborenen Kindes Lio Brandt."
    assert _of(gate, text, "DATE_OF_BIRTH") == ["14.06.2023"]


def test_a_cut_off_before_geborenen_is_no_birth_date(gate) -> None:
    assert _of(gate, "Aufgenommen werden die bis zum 30.09.2019 geborenen Kinder.", "DATE_OF_BIRTH") == []


def test_the_date_of_a_sign_off_after_a_name_is_no_birth_date(gate) -> None:
    text = "Haushaltsstelle: 2110.7480 – sachlich und rechnerisch richtig: Kowalski, 03.02.2025"
    assert _of(gate, text, "DATE_OF_BIRTH") == []
