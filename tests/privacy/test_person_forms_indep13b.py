"""Person forms of writing found missing on a new split (second round), each with own examples:
Cyrillic names with the modifier apostrophe, names in Arabic script spelling a Latin name of the
same text."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans

MODIFIER_APOSTROPHE = [
    # Ukrainian writes the apostrophe as U+02BC inside a name, upper or title case
    "Teilnehmerin: [[PERSON:Марʼяна Гнатюк]], Klasse 4b",
    "Vater: [[PERSON:ДЕМʼЯНЕНКО ОЛЕГ]]\nMutter: Iryna Demianenko",
    "Gruß von [[PERSON:Вʼячеслав Кравець]] (Vater von Ostap)",
]


@pytest.mark.parametrize("marked", MODIFIER_APOSTROPHE)
def test_indep13b_modifier_apostrophe_inside_a_cyrillic_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


def test_indep13b_upper_case_name_with_modifier_apostrophe_whole(gate) -> None:
    text = "07 | HNATIUK, MARIANA (ГНАТЮК МАРʼЯНА) | 11.04.2012"
    assert ("PERSON", "ГНАТЮК МАРʼЯНА") in spans(gate, text)


ARABIC_SPELLING = [
    # a run in Arabic script that spells a Latin name of the text, far from it or after a number
    "2. Dariush Ahmadi (Onkel)     0176 12 34 567   [[PERSON:داریوش احمدی]]\n3. Jonas Brandt",
    "Pflegemutter: Leyla Bakhtiari, Tel. 0201 55 66 77\nNotiz: liest Sorani (ليلا بختیاری)",
    "NAME:Hawre Talabani\nNOTE:spricht Kurmancî (هاوڕێ تاڵەبانی)\nEND",
]
ARABIC_NOT_A_NAME = [
    # a run that spells no Latin name of the text stays a phrase
    "Dariush Ahmadi schreibt: شكرا جزيلا",
    "Bitte das Formular an Leyla Bakhtiari geben.\nHinweis auf Persisch: فرم ثبت نام کلاس",
    "Hawre Talabani bringt die Liste mit.\nTitel: ملاحظات الاجتماع",
]


@pytest.mark.parametrize("marked", ARABIC_SPELLING)
def test_indep13b_arabic_run_spelling_a_latin_name_of_the_text(gate, marked: str) -> None:
    if "[[" not in marked:
        run = marked[marked.rindex("(") + 1:marked.rindex(")")]
        assert ("PERSON", run) in spans(gate, marked)
    else:
        assert missing(gate, marked) == []


@pytest.mark.parametrize("text", ARABIC_NOT_A_NAME)
def test_indep13b_arabic_phrase_is_no_name(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON" and not s.isascii()] == []


NOUN_BEFORE_SURNAME = [
    # a noun German inflects, before a surname in a minute: the noun is no first name
    ("Pflege (Anfrage Yamamoto, vertagt)", "Yamamoto"),
    ("Punkt 3: Eingabe Okafor zur Hausordnung", "Okafor"),
    ("Einwand Kowalczyk: zu teuer", "Kowalczyk"),
    ("Gesuch Nowak abgelehnt", "Nowak"),
]


@pytest.mark.parametrize(("text", "name"), NOUN_BEFORE_SURNAME)
def test_indep13b_inflected_noun_is_no_first_name(gate, text: str, name: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == [name]


def test_indep13b_rare_noun_before_a_surname_still_a_first_name(gate) -> None:
    assert ("PERSON", "Amara Diallo") in spans(gate, "Vortrag Amara Diallo am Montag")


GIVEN_NAME_LISTS = [
    # short given names and nicknames in no list, alternating with listed given names
    "Team heute: Jule, Kit, Lina, Bo, Tarek, dazu Herr Albers",
    "Aufsicht: Ines, Pit, Maren, Fee, Jonas",
    "Gruppe Rot – Nele, Ky, Timo, Rio, Lotta",
]


@pytest.mark.parametrize("text", GIVEN_NAME_LISTS)
def test_indep13b_list_of_given_names_is_no_surname_given_chain(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON" and "," in s] == []


FAMILY_ENTRIES = [
    # the same surname heads two entries: a surname that is also a given name
    "Eltern: [[PERSON:Matei, Sorin]] und [[PERSON:Matei, Ioana]], Bahnhofstraße 3, 45127 Essen",
    "Sorgeberechtigt sind [[PERSON:Adrian, Paul]] und [[PERSON:Adrian, Heike]].",
    "Kontakt: [[PERSON:Marin, Teodora]], [[PERSON:Marin, Victor]] (beide Tel. 0201 1234)",
]


@pytest.mark.parametrize("marked", FAMILY_ENTRIES)
def test_indep13b_one_surname_heads_two_entries(gate, marked: str) -> None:
    assert missing(gate, marked) == []


CSV_PARTICLES = [
    # a surname cell opened by "von" in a quoted CSV row after the given name's cell
    '"id","vorname","nachname","kurs"\n"2","Clemens","[[PERSON:von Arnim]]","Schach"',
    '"nr","vorname","nachname"\n"8","Konstantin","[[PERSON:von Trotha]]"',
    '"Teilnehmende"\n"Leonie","[[PERSON:von Hoff]]","2014-02-03"',
]


@pytest.mark.parametrize("marked", CSV_PARTICLES)
def test_indep13b_particle_opens_a_csv_cell(gate, marked: str) -> None:
    assert missing(gate, marked) == []


LOWER_CASE_ENTRIES = [
    # "surname, given" in a list copied all in lower case: the surname a noun or a given name too
    "nr    name               d   e\n3.01  [[PERSON:schuster, lina]]     4   4\n3.02  [[PERSON:yilmaz, deniz]]      2   3",
    "kl. 7a;[[PERSON:fischer, noah]];fehlt",
    "- 14:00  [[PERSON:wagner, emilia]]  (elterngespräch)",
]


@pytest.mark.parametrize("marked", LOWER_CASE_ENTRIES)
def test_indep13b_lower_case_surname_given_entry(gate, marked: str) -> None:
    assert missing(gate, marked) == []


PREPOSITION_BEFORE_SURNAME = [
    # "von" after a verb or participle is a preposition, not the particle of the surname
    ("Formular ausgefüllt von Zimmermann (Hausmeister)", "Zimmermann"),
    ("Liste erstellt von Bauer, geprüft von Krämer", "Krämer"),
    ("Eingang 3.4. – unterschrieben von Hoffmann", "Hoffmann"),
    ("Protokoll geführt von Schreiner", "Schreiner"),
]
PARTICLE_AFTER_TITLE = [
    "Sehr geehrter Herr [[PERSON:von Bredow]],",
    "Rückfrage bei Frau [[PERSON:von Hoff]] (Elternbeirat)",
    "Vorsitz: Dr. [[PERSON:von Arnim]]",
]


@pytest.mark.parametrize(("text", "name"), PREPOSITION_BEFORE_SURNAME)
def test_indep13b_von_after_a_verb_is_no_particle(gate, text: str, name: str) -> None:
    assert ("PERSON", name) in spans(gate, text)
    assert ("PERSON", "von " + name) not in spans(gate, text)


@pytest.mark.parametrize("marked", PARTICLE_AFTER_TITLE)
def test_indep13b_particle_after_a_title_stays(gate, marked: str) -> None:
    assert missing(gate, marked) == []


SURNAME_WORD_AT_LIST_EDGE = [
    # a surname that is also a word opens or closes a comma list of listed surnames in a sentence
    "Es fehlten [[PERSON:Fuchs]], [[PERSON:Neumann]], [[PERSON:Schulze]].",
    "Gelobt wurden [[PERSON:Kaiser]], [[PERSON:Jankowski]], [[PERSON:Petersen]].",
    "Heute kamen Jankowski, Petersen, [[PERSON:Vogel]] und Okafor.",
    "Bewertet haben [[PERSON:Vogel]], [[PERSON:Okafor]], [[PERSON:Brandt]].",
]
NOUN_LISTS = [
    "Zutaten: Kraut, Rüben, Bohnen",
    "Werkzeug: Hammer, Zange, Säge",
]


@pytest.mark.parametrize("marked", SURNAME_WORD_AT_LIST_EDGE)
def test_indep13b_surname_word_at_the_edge_of_a_surname_list(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", NOUN_LISTS)
def test_indep13b_list_of_nouns_has_no_surname(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == []


KIN_GIVEN_NAMES = [
    # a given name that is also a word, right after a child's or sibling's kinship noun
    "Termin: Ilona Berg, Tochter [[PERSON:Mai]] (3 Jahre)",
    "Frau Nowak mit Sohn [[PERSON:Mark]], Klasse 2b",
    "Anmeldung für Tochter [[PERSON:Rosa]], geb. 2.3.2019",
]


@pytest.mark.parametrize("marked", KIN_GIVEN_NAMES)
def test_indep13b_given_name_word_after_kinship_noun(gate, marked: str) -> None:
    assert missing(gate, marked) == []


ABBREVIATIONS_AFTER_NAMES = [
    # a name found earlier in the session, then its lower-case form as an abbreviation before a number
    ("Mein Enkel Max wartet am Tor.", "Zuschuss: max. 3 Stunden pro Woche", "max"),
    ("Anruf von Sohn Ziff, er kommt später.", "laut Satzung ziff. 3 gilt das", "ziff"),
    ("Lieber Mio, danke für das Bild!", "Fördersumme gesamt 2,5 mio. € für alle Schulen", "mio"),
]


@pytest.mark.parametrize(("first", "second", "word"), ABBREVIATIONS_AFTER_NAMES)
def test_indep13b_abbreviation_is_no_propagated_name(gate, first: str, second: str, word: str) -> None:
    assert any(word in s.lower() for t, s in spans(gate, first) if t == "PERSON")
    assert ("PERSON", word) not in spans(gate, second)


LEGENDS = [
    # a legend of staff codes: a surname that is also a word beside a listed surname
    "Kürzel: HOF = Hofmann, KRZ = [[PERSON:Kurz]]",
    "Kürzel: WLF = Wolf, BRT = Brandt, SMR = [[PERSON:Sommer]]",
    "Legende: KLN=[[PERSON:Klein]], OKF=Okafor",
]


@pytest.mark.parametrize("marked", LEGENDS)
def test_indep13b_surname_word_in_a_legend_of_codes(gate, marked: str) -> None:
    assert missing(gate, marked) == []


def test_indep13b_legend_of_words_has_no_surname(gate) -> None:
    assert [s for t, s in spans(gate, "Legende: SO = Sonne, RE = Regen, WI = Wind") if t == "PERSON"] == []
