"""Person forms of the ninth dev reading (issue 10): surnames that are words in name lists, names
in more scripts, name boundaries (Vietnamese, particles, joined parts) and nouns, places and
acronyms that are no names. Own examples, written for these tests."""

from __future__ import annotations

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


# -- surnames that are also words -------------------------------------------------------------

def test_a_word_surname_in_an_abbreviated_list_of_names(gate) -> None:
    text = "TN: Winter (Jugendamt), Okafor (Kita), Brandl (Schulamt)"
    assert _persons(gate, text) == ["Winter", "Okafor", "Brandl"]


def test_word_surnames_in_a_roster_line_with_a_time_in_its_label(gate) -> None:
    text = "Spätdienst (12:30–17:00): Fischer, Adebayo, Lindqvist"
    assert "Fischer" in _persons(gate, text)


def test_a_role_before_a_word_surname_in_a_list_of_those_present(gate) -> None:
    text = "Anwesend: Petra Lorenz (Vorsitz), Goran Ilić, Schulleitung Jäger"
    assert _persons(gate, text) == ["Petra Lorenz", "Goran Ilić", "Jäger"]


def test_the_same_words_without_a_name_context_stay_words(gate) -> None:
    text = "Frühdienst: Brötchen holen. Der Koch der Mensa fährt im Sommer weg, ein Jäger bringt Wild."
    assert _persons(gate, text) == []


def test_a_lower_case_given_name_and_word_surname_in_a_note_are_one_name(gate) -> None:
    assert _persons(gate, "tel. mit frau sabine winter, winter meldet sich") == ["sabine winter", "winter"]


# -- other scripts ------------------------------------------------------------------------------

def test_a_persian_name_in_brackets_after_a_kinship_label(gate) -> None:
    text = "Hausbesuch 12.03.: Vater (بهرام نیکپور) und zwei Kinder anwesend."
    assert _persons(gate, text) == ["بهرام نیکپور"]


def test_an_ethiopic_name_under_a_field_key_with_a_language_suffix(gate) -> None:
    text = "kind.vorname=Meron\nkind.name_tigrinya=ሜሮን ተኽለ\nkind.gruppe=Igel"
    assert "ሜሮን ተኽለ" in _persons(gate, text)


def test_a_devanagari_name_after_a_form_of_address_is_whole(gate) -> None:
    assert _persons(gate, "Rückruf an Frau प्रिया वर्मा erbeten.") == ["प्रिया वर्मा"]


def test_a_khmer_name_after_a_name_label(gate) -> None:
    assert _persons(gate, "Mutter: សុខា ចាន់") == ["សុខា ចាន់"]


def test_a_chat_speaker_written_in_arabic_script(gate) -> None:
    text = "فاطمة زهرا رحیمی: سلام، پسرم امروز مریض است\nGruppe Igel: Danke, gute Besserung!"
    assert _persons(gate, text) == ["فاطمة زهرا رحیمی"]


def test_a_heading_in_another_script_with_a_colon_alone_is_no_speaker(gate) -> None:
    assert _persons(gate, "اطلاعیه مهم: جلسه والدین روز دوشنبه است") == []


# -- boundaries -------------------------------------------------------------------------------

def test_a_vietnamese_family_name_before_a_found_given_name(gate) -> None:
    text = "Dolmetschliste\nĐặng Thị Thu — Vietnamesisch — 0171 2233445"
    assert _persons(gate, text) == ["Đặng Thị Thu"]


def test_von_after_a_kinship_noun_is_no_particle(gate) -> None:
    text = "Anrufer: Herr Lê Quang Vinh, Vater von Lê Bảo Ngọc (Kl. 2b)"
    assert _persons(gate, text) == ["Lê Quang Vinh", "Lê Bảo Ngọc"]


def test_a_hyphenated_given_name_and_a_surname_with_zur(gate) -> None:
    text = "Name | Schule\nKarl-Heinz zur Nieden | GS Nord"
    assert _persons(gate, text) == ["Karl-Heinz zur Nieden"]


def test_capital_particles_of_an_inverted_capital_name(gate) -> None:
    text = "01   DI MARCO, GIULIA        12.03.2010\n02   VAN DEN HEUVEL, SEM        03.07.2010"
    assert _persons(gate, text) == ["DI MARCO, GIULIA", "VAN DEN HEUVEL, SEM"]


# -- no names -----------------------------------------------------------------------------------

def test_a_compound_with_a_verb_stem_opening_a_heading_is_no_name(gate) -> None:
    text = "Förderziel (Schwerpunkt Sprache)\nSchülerin: Leonie Brand"
    assert _persons(gate, text) == ["Leonie Brand"]


def test_a_role_noun_of_a_right_is_no_name(gate) -> None:
    assert _persons(gate, "Rückruf durch Erziehungsberechtigte um 22:40 Uhr erfolgt.") == []


def test_a_birth_place_and_a_place_after_a_postcode_are_no_names(gate) -> None:
    text = "Vater: Ricardo Alves, geboren am 04.02.1984 in Braga, zog 2019 von Porto nach Kehl"
    assert _persons(gate, text) == ["Ricardo Alves"]


def test_an_acronym_and_a_word_are_a_body_or_a_law(gate) -> None:
    text = "Hilfen nach SGB II beantragt; Träger AWO Süd berät. Leistungen: ALG II"
    assert _persons(gate, text) == []


# -- titles before surnames that are also towns, cells after an institution cell ----------------

def test_a_town_surname_after_a_title_and_the_town_after_a_preposition(gate) -> None:
    text = "Der Kinderarzt Dr. Lingen hat angerufen. Die Familie zieht nach Lingen. Dr. Lingen schickt den Befund."
    found = [s for t, s in spans(gate, text) if t == "PERSON"]
    assert found == ["Lingen", "Lingen"]
    assert text.index("nach Lingen") + 5 not in [text.find(s) for s in found]


def test_a_titled_name_in_the_cell_after_an_institution_cell(gate) -> None:
    text = "Linie 3\tAm Bahnhof\t07:15\tGS Lernen\tHerr Kramer\nLinie 4\tMarkt\t07:20\tRS Nord\t–"
    assert "Kramer" in _persons(gate, text)


def test_a_comma_inside_brackets_does_not_cut_a_roster_item(gate) -> None:
    text = "Früh (6:45–13:00): Jäger (Leitung, Do frei), Amara Diallo (BFD), Kowalczyk"
    assert _persons(gate, text) == ["Jäger", "Amara Diallo", "Kowalczyk"]


def test_an_inverted_name_as_the_value_of_a_key(gate) -> None:
    text = "eltern.name=Tesfaye, Mulu\neltern.status=aktiv"
    assert _persons(gate, text) == ["Tesfaye, Mulu"]
