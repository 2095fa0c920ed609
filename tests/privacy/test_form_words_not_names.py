"""English labels, language and country names of forms, and Turkish record labels are no person
names (issue 10, PERSON precision); the names written next to them still are. Own examples."""

from __future__ import annotations

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


def test_english_form_labels_and_languages_are_no_names(gate) -> None:
    text = ("Registration form (translated)\nParent/Guardian: Selam Haile\n"
            "Previous school: Primary School Asmara\nLanguages at home: Tigrinya, Arabic, some German\n"
            "Country of origin: Eritrea, now Germany")
    persons = _persons(gate, text)
    assert "Selam Haile" in persons
    assert not {"Parent", "Guardian", "Previous", "Tigrinya", "Arabic", "German", "Germany"} & set(persons)


def test_turkish_record_labels_are_no_names(gate) -> None:
    text = "Nüfus kaydı, çeviri\nAdı / Vorname: Yusuf\nDoğum Yeri / Geburtsort: Konya"
    persons = _persons(gate, text)
    assert "Yusuf" in persons
    assert not {"Adı", "Doğum Yeri", "Doğum"} & set(persons)


def test_anne_stays_a_given_name(gate) -> None:
    assert "Anne Vogelsang" in _persons(gate, "Ansprechpartnerin: Anne Vogelsang, Kita Regenbogen")


def test_shortened_column_headers_are_no_names(gate) -> None:
    text = ("Unterrichtsversorgung Halbjahr 1\nStufe\tSoll-Std.\tIst-Std.\tVertr-Std.\n"
            "7\t310\t296\t12\n8\t305\t301\t4\n\nKurs | Fach-LK | Lehrkraft\nQ1 | Bio-LK | Frau Okafor")
    persons = _persons(gate, text)
    assert not [p for p in persons if "Std" in p or "LK" in p]
    assert any("Okafor" in p for p in persons)


def test_school_level_and_phone_labels_are_no_names(gate) -> None:
    text = "Empfehlung für Mirela: Sek I, Gesamtschule Nord\nSekretariat, Durchwahl 0561 787-4410"
    persons = _persons(gate, text)
    assert "Mirela" in persons
    assert not {"Sek", "Sek I", "Durchwahl", "Mirela Sek"} & set(persons)
