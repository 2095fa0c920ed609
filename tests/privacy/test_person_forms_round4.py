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


def test_english_calendar_words_and_possessives_in_a_forwarded_mail(gate) -> None:
    text = ("-----Original Message-----\nFrom: Oksana Melnyk <o.melnyk@example.org>\n"
            "Sent: Tuesday, November 9, 2027 7:15 AM\n"
            "Hello, my son Taras is ill today, our daughter Mila comes alone.")
    persons = _persons(gate, text)
    assert {"Oksana Melnyk", "Taras", "Mila"} <= set(persons)
    assert not {"Tuesday", "November", "my", "son", "our"} & set(persons)


def test_a_greeting_of_another_language_is_no_name(gate) -> None:
    persons = _persons(gate, "Merhaba, ich bin die Mutter von Elif Aydın und frage wegen der AG.")
    assert "Merhaba" not in persons
    assert "Elif Aydın" in persons


def test_a_city_with_its_district_is_no_person(gate) -> None:
    text = "Hausbesuch bei Fam. Okonkwo, Lindenweg 3, Hinterhaus, Köln-Chorweiler, am 12.03."
    persons = _persons(gate, text)
    assert "Okonkwo" in persons
    assert not any("Chorweiler" in p for p in persons)


def test_banks_of_other_countries_are_no_persons(gate) -> None:
    text = ("Die Zahlung kam vom Konto bei der Halk Bankası, die Rückzahlung geht an "
            "(Bank Pekao). Bearbeitung: Henrike Sauer")
    persons = _persons(gate, text)
    assert persons == ["Henrike Sauer"]


def test_surname_first_rows_with_decimal_amounts_between_them(gate) -> None:
    text = ("Nr | Kind | Betrag | Hinweis\n"
            "1 | Winter, Greta | 35,50 | –\n"
            "2 | Haxhiu, Drilon | 35,50 | Ratenzahlung\n")
    persons = _persons(gate, text)
    assert "Winter, Greta" in persons
    assert "Haxhiu, Drilon" in persons


def test_two_surnames_joined_by_a_particle_on_an_address_line(gate) -> None:
    text = "Familie\nPereira dos Santos\nAm Lindenhof 8\n44135 Dortmund\n"
    assert "Pereira dos Santos" in _persons(gate, text)


def test_a_surname_opened_by_particles_in_a_name_column(gate) -> None:
    text = ("Schüler-ID\tName\tVorname\tNote\n"
            "00731\tOkoye\tChidi\t2\n"
            "00744\tde Jong\tSanne\t3\n")
    persons = _persons(gate, text)
    assert "de Jong" in persons
    assert "Sanne" in persons


def test_a_maiden_name_with_an_arabic_prefix_after_geb(gate) -> None:
    text = "Antragstellerin: Rania Khalil, geb. el-Masri, geb. 1991-04-02"
    persons = _persons(gate, text)
    assert "Rania Khalil" in persons
    assert "el-Masri" in persons


def test_witness_roles_in_minutes_are_context_not_names(gate) -> None:
    text = ("Frau Kessler schildert den Vorfall am Fahrradständer. Zeuge war der Hausmeister; "
            "Zeugin Ahrens bestätigt den Ablauf.")
    persons = _persons(gate, text)
    assert {"Kessler", "Ahrens"} <= set(persons)
    assert not any(p.startswith(("Zeuge", "Zeugin")) for p in persons)
