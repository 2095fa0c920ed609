"""PERSON forms of administrative writing that were cut or missed (issue 10): surnames that are
also words in timetables and name columns, lower-case names in chats, "Surname, Given" entries,
double surnames, names in other scripts beside their transliteration. Own examples, written for
these tests; the words around each name are what a user would write."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


# -- timetables and name columns --------------------------------------------------------------

def test_teachers_after_subjects_in_a_space_aligned_timetable(gate) -> None:
    text = ("Zeit         Mo          Di          Mi\n"
            "07:55-08:40 M Fuchs     E Wolf      Bio Lindqvist\n"
            "08:45-09:30 Ku Koch     Sp Stein    D Nguyen\n")
    persons = _persons(gate, text)
    assert {"Fuchs", "Wolf", "Lindqvist", "Koch", "Stein", "Nguyen"} <= set(persons)
    assert not any(p.startswith(("M ", "Bio ", "Sp ", "Ku ")) for p in persons)  # the subject stays


def test_teachers_in_brackets_in_a_pipe_timetable(gate) -> None:
    text = "| Zeit | Mo | Di |\n| 1 | Ch (Frank) | Mu (Bauer) |\n| 2 | GL (Ricci) | frei |\n"
    assert {"Frank", "Bauer", "Ricci"} <= set(_persons(gate, text))


def test_subjects_and_rooms_in_a_timetable_are_no_persons(gate) -> None:
    text = "Fächer:  D Deutsch  M Mathematik  E Englisch\nRäume:  Bio Raum 3  Ch Raum 4\n"
    assert _persons(gate, text) == []


def test_substitution_column_under_its_header_without_other_findings(gate) -> None:
    text = ("Std | Klasse | Fach | Vertretung | Raum\n1 | 5a | E | Bauer | 101\n"
            "2 | 7c | M | — | —\n3 | 9b | Ch | Wolf | NW1\n")
    assert {"Bauer", "Wolf"} <= set(_persons(gate, text))


def test_tab_export_with_rows_that_leave_out_their_last_cells(gate) -> None:
    text = ("Nr\tVorname\tNachname\tTelefon\tE-Mail\n1\tIlse\tSchubert\t0162 1234567\tilse@example.org\n"
            "2\tTamara\tFink\t0157 7654321\n3\tNoah\tKraus\t\tnoah.k@example.org\n")
    assert {"Fink", "Kraus", "Schubert"} <= set(_persons(gate, text))


def test_columns_of_courses_and_rooms_are_no_name_columns(gate) -> None:
    assert _persons(gate, "Kurs | Raum | Tag\nTöpfern | Werkraum | Mo\nTanzen | Aula | Di\n") == []


# -- "Surname, Given" entries kept whole ---------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Nr | Name | geb.\n1 | Diallo, Fatoumata | 3.4.2015\n2 | Ndiaye, Ousmane | 2.2.2013\n", "Diallo, Fatoumata"),
    ("Nr | Name | geb.\n1 | Stein, Kerstin | 1.1.2014\n", "Stein, Kerstin"),
    ("Kontakt|Telefon\nAsante, Grace|0201 55512\n", "Asante, Grace"),
    ("Verletztes Kind: Brockmann, Wiebke, Geburtsdatum 2019-04-07", "Brockmann, Wiebke"),
    ("Prüfung: Okonjo, B. · Hartwig, M. · Ferreira Lima, J.", "Ferreira Lima, J."),
    ('"di Stefano, Chiara",7b,"Rossi"', "di Stefano, Chiara"),
    (" b) ÖZKAN, MEHMET jun., geb. 3.9.2011", "ÖZKAN, MEHMET"),
])
def test_surname_first_entry_is_one_span(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


def test_a_page_reference_is_no_initial(gate) -> None:
    persons = _persons(gate, "Vgl. Müller, S. 12 und Meier, S. 40")
    assert not any("S." in p for p in persons)


def test_comma_lists_of_names_stay_single_names(gate) -> None:
    persons = _persons(gate, "Gruppe A: Emma S., Levin, Aleyna, Jannik K.")
    assert "Levin" in persons and "Aleyna" in persons and "Levin, Aleyna" not in persons
    persons = _persons(gate, "Anwesend: Wendt, Lindemann, Rauch, Acar; Leitung Dr. Brill")
    assert {"Wendt", "Lindemann", "Rauch", "Acar"} <= set(persons)


# -- double surnames, labels ---------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Pflegeeltern: Jürgen Wolf u. Sabine Koch-Aydın, Anschrift folgt.", "Sabine Koch-Aydın"),
    ("Anwesend: Hr. Brandt, Fr. Bauer-Lindqvist, Hr. Okafor", "Bauer-Lindqvist"),
    ("Anwesend: Hr. Lehmann (Vorsitz), Fr. Schulze-Niehaus, Hr. Brandt", "Schulze-Niehaus"),
    ("Beraterin: Dipl.-Päd. Miriam Stein-Hoffmann, Tel. 0341 2234", "Miriam Stein-Hoffmann"),
    ("Mit freundlichen Grüßen\nAnnette Vogel-Sandmann", "Annette Vogel-Sandmann"),
])
def test_double_surname_with_a_word_in_it(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


def test_hyphenated_places_and_compounds_are_no_double_surnames(gate) -> None:
    text = "Das Baden-Württemberg-Ticket gilt. Frau Weber nutzt die Kita-Gruppe."
    assert _persons(gate, text) == ["Weber"]


def test_form_labels_before_a_surname_that_is_a_word(gate) -> None:
    text = ("Geburtsname: Fink\nSachbearbeitung: Schneider, Zi. 2.04\n"
            "Berichterstatterin: Vogel, Jugendhilfe\n")
    assert {"Fink", "Schneider", "Vogel"} <= set(_persons(gate, text))


def test_pigeonhole_of_a_teacher_but_not_a_subject(gate) -> None:
    assert "Wolf" in _persons(gate, "Die Arbeitsblätter liegen im Fach von Wolf, danke!")
    assert "fuchs" in _persons(gate, "zettel liegt in fach fuchs. lg anne")
    text = "Im Fach Deutsch und im Fach Kunst gibt es Noten. Das Fach Koch ist im Aufbau."
    assert _persons(gate, text) == []


# -- lower case in chats ---------------------------------------------------------------------------

def test_lower_case_first_name_after_a_chat_speaker(gate) -> None:
    text = ("[07:42] Maren K.: guten morgen! ilse hat heute fieber, bleibt zuhause\n"
            "[08:15] Thi Hương: minh kann mitfahren, wir holen ab, adresse ist Lindenweg 4\n")
    persons = _persons(gate, text)
    assert "ilse" in persons and "minh" in persons


def test_greeting_and_closing_in_a_chat(gate) -> None:
    persons = _persons(gate, "hi frank, kannst du die 6a in der 4. übernehmen? lg petra")
    assert "frank" in persons and "petra" in persons
    assert "svenja" in _persons(gate, "morgen ist die kita zu, danke & gruß svenja")
    assert "maja al-hamdani" in _persons(gate, "„hallo, bin heute krank 🤒 lg maja al-hamdani“")


def test_chat_closings_and_greetings_without_a_name(gate) -> None:
    assert _persons(gate, "lg aus dem urlaub\nhallo zusammen, viele grüße an alle") == []


def test_form_of_address_without_a_period(gate) -> None:
    persons = _persons(gate, "+ hr kraus wegen elternabend zurückrufen\n+ fr 8 uhr teamsitzung\n")
    assert persons == ["kraus"]


# -- other scripts -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("Mutter: 王芳 / Wang Fang, Tel. 0176 5544332", {"王芳", "Wang Fang"}),
    ("老师您好，我的女儿陈静怡（Chen Jingyi，2a班）今天生病。", {"陈静怡", "Chen Jingyi"}),
    ("user.name=Jun Liu\nuser.name_native=刘军\n", {"刘军"}),
    ("Schüler: Kim Min-jun (김민준), Klasse 4b", {"Kim Min-jun", "김민준"}),
    ("Vater: Omar Haddad  (عمر حداد) ruft an", {"Omar Haddad", "عمر حداد"}),
    ("مرحبا، ابنتي مريم مريضة اليوم", {"مريم"}),
    ("Name: КОВАЛЕНКО, ІРИНА / KOVALENKO, IRYNA", {"КОВАЛЕНКО, ІРИНА"}),
    ("Schüler: ΠΑΠΑΔΑΚΗΣ, ΓΙΩΡΓΟΣ (Papadakis, Giorgos)", {"ΠΑΠΑΔΑΚΗΣ, ΓΙΩΡΓΟΣ"}),
])
def test_names_in_other_scripts(gate, text: str, names: set[str]) -> None:
    assert names <= set(_persons(gate, text))


def test_translated_titles_in_other_scripts_are_no_names(gate) -> None:
    text = "Die Broschüre gibt es auf Chinesisch (家长手册) und Arabisch (دليل الوالدين).\nTelefon / 电话 0157-1234"
    assert _persons(gate, text) == []


# -- what only a person does -----------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Kurze Info: Koch ist heute krank, die 7b hat frei.", "Koch"),
    ("wolf hat angerufen, ruft um 14 uhr nochmal an", "wolf"),
    ("hab heute mit stein gesprochen wegen der klassenfahrt", "stein"),
    ("Bauer fehlt, Fuchs übernimmt die 5c.", "Fuchs"),
])
def test_surname_that_is_a_word_before_a_persons_predicate(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


def test_nouns_and_pronouns_before_the_same_predicates_stay(gate) -> None:
    text = ("Der Koch ist krank, es gibt nur Brötchen. Das Kind fehlt.\n"
            "Er fehlt seit Montag. Die Mensa kommt später.")
    assert _persons(gate, text) == []


def test_places_after_their_label_and_translated_labels_are_no_persons(gate) -> None:
    text = ("Geburtsdatum: 12. Sept. 1991        Geburtsort: Bursa (TR)\n"
            "Sie ist am 3. Mai 1982 in Qamişlo geboren und lebt seit 2015 in Hagen.\n"
            "Батько / Vater: Oleksandr Bondarenko\nМати / Mutter: Natalija Bondarenko\n")
    assert _persons(gate, text) == ["Oleksandr Bondarenko", "Natalija Bondarenko"]


# -- signatures, titles and particles ------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Mit freundlichen Grüßen\nH.-J. Zimmermann\nSchulleiter", "H.-J. Zimmermann"),
    ("Freundliche Grüße\nDr. A.-K. Schulte-Brinkmann", "A.-K. Schulte-Brinkmann"),
    ("Viele Grüße\nProf. Dr. Hans-Peter von der Lahr", "Hans-Peter von der Lahr"),
    ("Teilnehmende: Yusuf bin Rashid, Amira el-Khoury, Sophie de Vries", "Amira el-Khoury"),
    ("Teilnehmende: Yusuf bin Rashid, Amira el-Khoury, Sophie de Vries", "Yusuf bin Rashid"),
    ("Im Auftrag\ngez. Chr. Bäumer", "Chr. Bäumer"),
])
def test_titles_particles_and_abbreviated_given_names(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


# -- lists of names ------------------------------------------------------------------------------

def test_bullet_list_under_a_person_label(gate) -> None:
    text = "Aufsicht:\n- Koch (Hof)\n- Stein (Aula)\n- Brenninkmeyer (Mensa)\n"
    assert {"Koch", "Stein", "Brenninkmeyer"} <= set(_persons(gate, text))


def test_inline_list_after_a_person_label(gate) -> None:
    text = "Anwesend: Bauer, Koch, Stein und Fr. Schmied\nEntschuldigt: Hr. Fuchs\n"
    assert {"Bauer", "Koch", "Stein", "Schmied", "Fuchs"} <= set(_persons(gate, text))


def test_lists_of_things_and_offices_are_no_name_lists(gate) -> None:
    text = ("Anwesend: 12 Eltern, Schulleitung, Mensa\n\nTagesordnung:\n1. Begrüßung\n"
            "2. Bericht der Schulleitung\n3. Verschiedenes\n\nEinkaufsliste:\n- Brot\n- Milch\n\n"
            "Team: Hausmeister, Sekretariat\n")
    assert _persons(gate, text) == []


def test_surname_first_after_a_role_noun(gate) -> None:
    assert "Wolf, Emma" in _persons(gate, "Die Schülerin Wolf, Emma (7b) hat den Antrag gestellt.")


def test_substitution_arrow_and_cancelled_lesson_of_a_teacher(gate) -> None:
    text = "Vertretungsplan Di\n3. Std 8b Englisch: Bauer → Fuchs\n4. Std 6a Mathe: Koch entfällt\n"
    assert {"Bauer", "Fuchs", "Koch"} <= set(_persons(gate, text))


def test_arrows_between_subjects_rooms_and_towns_and_plain_nouns_before_predicates(gate) -> None:
    text = ("3. Std: Englisch → Deutsch\nRaum 101 → Raum 204\nFahrt Köln -> Bonn, Aula => Mensa\n"
            "Sport entfällt. Der Stempel fehlt.")
    assert _persons(gate, text) == []


def test_name_after_a_doctors_faculty(gate) -> None:
    assert "Stein" in _persons(gate, "Dr. med. Stein, Kinderarzt, bestätigt die Teilnahme.")
    assert "Okafor" in _persons(gate, "Gutachten: Dr. rer. nat. Okafor")
    assert _persons(gate, "Die med. Versorgung ist gesichert.") == []
