"""PERSON forms of the fourth round (issue 10): the subject "SU" and apostrophe surnames in
timetables, teachers' official titles with a female ending, closing formulas of other languages
before a name. Own examples, written for these tests."""

from __future__ import annotations

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


def test_sachunterricht_and_an_apostrophe_surname_stay_outside_the_teacher(gate) -> None:
    text = ("Zeit          Mo            Di            Mi\n"
            "08:00-08:45   SU Kovačević  E D'Amico     M Lorenz\n"
            "08:50-09:35   M Lorenz      SU Kovačević  E D'Amico\n")
    persons = _persons(gate, text)
    assert {"Kovačević", "D'Amico", "Lorenz"} <= set(persons)
    assert not any(p.startswith(("SU ", "E ", "M ")) for p in persons)


def test_official_teacher_titles_are_context_not_name(gate) -> None:
    text = ("Zur Konferenz kommen StR'in Wolters und OStD Brandmeier; "
            "das Protokoll führt Konrektorin Sadiku.")
    persons = _persons(gate, text)
    assert {"Wolters", "Brandmeier", "Sadiku"} <= set(persons)
    assert not any(p.lower().startswith(("str", "ostd", "konrektor")) for p in persons)


def test_a_female_title_with_a_typographic_apostrophe(gate) -> None:
    persons = _persons(gate, "Bitte an OStR’in Kaminski weiterleiten, sie betreut die 8c.")
    assert persons == ["Kaminski"]


def test_a_foreign_closing_before_the_writer_is_no_surname(gate) -> None:
    for closing in ("Saludos", "Cordialement", "Saygılarımla"):
        text = f"Ich kann am Donnerstag leider nicht kommen. {closing}, Inés"
        persons = _persons(gate, text)
        assert persons == ["Inés"], (closing, persons)


def test_a_surname_before_a_foreign_closing_ends_at_the_sentence(gate) -> None:
    persons = _persons(gate, "Danke an Frau Brandmeier. Saludos, Inés")
    assert "Brandmeier" in persons
    assert not any("Saludos" in p for p in persons)
