"""PERSON recall and precision on forms of administrative writing (issue 10): surnames that are
also German words where the context says "person", lower-case chat notes, name boundaries, and
words that only look like names. Own examples, written for these tests."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


# -- surnames and given names that are also ordinary words, in a person's context ---------------

def test_greeting_names_the_person(gate) -> None:
    persons = _persons(gate, "Hallo Rosa,\ndie Liste für den Ausflug liegt im Fach.\nGruß Dietmar")
    assert "Rosa" in persons and "Dietmar" in persons


def test_greeting_of_a_group_is_no_name(gate) -> None:
    assert _persons(gate, "Liebe Eltern,\nhallo zusammen!\nDer Elternabend beginnt um 19 Uhr.") == []


def test_birth_name_after_geb(gate) -> None:
    text = "Ehefrau: Katrin Albers, geb. Vogel, wohnhaft in Kassel"
    persons = _persons(gate, text)
    assert "Katrin Albers" in persons and "Vogel" in persons


def test_month_or_town_after_geb_is_no_name(gate) -> None:
    assert _persons(gate, "Kind geb. März 2019, Mutter geb. in Minsk, Vater geb. Berlin,") == []


def test_name_column_of_a_timetable(gate) -> None:
    text = ("Std\tKlasse\tLehrkraft\tVertretung\n1\t5a\tYilmaz\tFuchs\n"
            "2\t6b\tBrenninkmeyer\tKoch\n3\t7c\tOkafor\tNowak")
    persons = _persons(gate, text)
    assert {"Fuchs", "Koch", "Yilmaz", "Okafor", "Nowak"} <= set(persons)
    assert not {"Vertretung", "Lehrkraft", "Klasse"} & set(persons)


def test_cook_as_a_job_is_no_second_mention(gate) -> None:
    persons = _persons(gate, "Ansprechpartner: Jürgen Koch (Koch der Kantine), Tel. intern 214")
    assert persons == ["Jürgen Koch"]


def test_nouns_that_are_also_names_stay_nouns(gate) -> None:
    text = ("Mittagessen: Reis mit Gemüse, dazu Salat. Der Spaziergang geht durch den Park, "
            "die Rechnung vom Schlosser kommt später. Das bringt mein Mann vorbei.")
    assert _persons(gate, text) == []


# -- lower-case chat notes ----------------------------------------------------------------------

def test_chat_speakers_and_lower_case_addresses(gate) -> None:
    text = ("chat elternbeirat\nmarta: treffen wir uns morgen?\n"
            "lukas: ja, ich komme mit fr. bauer und hr. vogel\n@marta bitte protokoll mitbringen")
    persons = _persons(gate, text)
    assert persons.count("marta") == 2
    assert {"lukas", "bauer", "vogel"} <= set(persons)


def test_lower_case_note_with_a_capitalised_street(gate) -> None:
    text = ("notiz 9:40 – mutter ruft an wegen abholung, neue nummer kommt per brief, "
            "adresse jetzt Hauptstr. 3. rückruf durch katrin")
    assert "katrin" in _persons(gate, text)


def test_friday_before_an_adjective_is_no_name(gate) -> None:
    assert _persons(gate, "ag-zeiten: mo bis do 14-16 uhr, fr. frei") == []


def test_adjective_after_a_capitalised_form_of_address(gate) -> None:
    assert _persons(gate, "Fall D: Kind, 8 Jahre. Familie zuverlässig, Kind motiviert.") == []


# -- boundaries ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Rückfrage zu J. P. Okonkwo wegen der Fahrtkosten", "J. P. Okonkwo"),
    ("Park, Min-seo|2011-03-02|Klasse 4b", "Park, Min-seo"),
    ("Protokoll: de Souza berichtet über die Sprachförderung.", "de Souza"),
    ("Gast der Sitzung: van den Bosch (Jugendamt)", "van den Bosch"),
    ("Notfallkontakt Sofía Ramírez Ortega, Tante", "Sofía Ramírez Ortega"),
    ("TEILNEHMER\nΓΕΩΡΓΙΟΥ, ΜΑΡΙΑ    12.04.2012", "ΓΕΩΡΓΙΟΥ, ΜΑΡΙΑ"),
])
def test_whole_name_is_one_span(gate, text: str, name: str) -> None:
    assert name in _persons(gate, text)


def test_von_before_a_given_name_is_a_preposition(gate) -> None:
    assert "Lea Schmidt" in _persons(gate, "Eine Nachricht von Lea Schmidt liegt vor.")


# -- words that only look like names ------------------------------------------------------------

def test_acronyms_compounds_and_organisations_are_no_names(gate) -> None:
    text = ("Zugang über IServ, Ausweis über die JuLeiCa. Vereinbart wurden ein Förderplan und eine "
            "feste Lernzeit. Träger der OGS ist die Diakonie, die Ferienbetreuung macht die AWO, "
            "Beratung bietet die Caritas. Gesucht werden Schülerlots*innen.")
    assert _persons(gate, text) == []


def test_upper_case_export_header_is_no_name(gate) -> None:
    text = ("TEILNEHMERLISTE AG SCHACH (EXPORT)\nNAME                GEB.\n"
            "NOWAK, PIOTR        03.03.2012\nKRAUSE, LINA        21.09.2011")
    persons = _persons(gate, text)
    assert {"NOWAK, PIOTR", "KRAUSE, LINA"} <= set(persons)
    assert not [p for p in persons if "SCHACH" in p or "EXPORT" in p]


def test_name_inside_a_school_name_is_not_repeated(gate) -> None:
    text = ("Anmeldung: Kästner, Erich (geb. 2019), nicht verwandt mit dem Namensgeber "
            "der Grundschule Erich Kästner")
    assert _persons(gate, text) == ["Kästner, Erich"]


def test_participles_abbreviations_and_numbered_compounds_are_no_names(gate) -> None:
    text = ("Betr.: Anmeldung zur Sprachförderung\nAusgestellt am 04.03. im Bürgerbüro\n"
            "Dokumentiert durch die Gruppenleitung\nZahlungspflichtige: siehe Anlage\n"
            "Fördergruppe II (3 Kinder), Fördergruppe III (5 Kinder)\nSchulpsych. Dienst informiert")
    assert _persons(gate, text) == []


def test_names_in_fixed_width_columns_stay_apart(gate) -> None:
    text = "Kind          Bezugsperson\nTimur         Baba\nLeonie        Mama"
    persons = _persons(gate, text)
    assert "Timur" in persons and "Leonie" in persons
    assert not [p for p in persons if "  " in p]


def test_speakers_of_a_transcript(gate) -> None:
    text = "Protokoll Teamsitzung\nFuchs: Wir beginnen mit dem Dienstplan.\nHahn: Einverstanden.\nOrt: Raum 2"
    persons = _persons(gate, text)
    assert {"Fuchs", "Hahn"} <= set(persons)
    assert "Ort" not in persons


def test_a_single_label_like_word_before_a_colon_is_no_speaker(gate) -> None:
    assert _persons(gate, "Hinweis: bitte beachten\nKlein: die Gruppe ist voll") == []
