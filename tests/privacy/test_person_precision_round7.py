"""PERSON precision and a few misses of the seventh round (issue 10): English dates and quoted
labels in mail headers, parts of abbreviated compounds, time zones, a label before a compound noun,
"im Auftrag von", a short surname that is also a word in a table cell, words broken at a line's end,
a surname after "c/o" and lower-case names in notes. Own examples, written for these tests (none
from the dev sets)."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans, unmark


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


FORMS = [
    # English weekdays and months of a date in a mail header are no names
    "Sent: Mon, 10 Mar 2025 08:12\nTo: [[PERSON:Ida Roth]]",
    "Datum: Thu, 4 Sep 2025 10:00:00 +0200",
    "On Tue, Jan 7, 2025 at 9:15 AM [[PERSON:Lea Koch]] wrote:",
    "Gesendet: Wednesday, March 12, 2025 9:41 AM\nAn: [[PERSON:Pia Kunz]]",
    "Date: Sat, 8 Feb 2025 at 09:00\nFrom: [[PERSON:Rami Haddad]]",
    # header labels of quoted mail lines are no names, the names after them are
    "> An: [[PERSON:Pia Kunz]] <[[EMAIL_ADDRESS:p.kunz@gs-west.de]]>",
    ">> An: [[PERSON:Lutz, Finn]]",
    "> Gesendet: Montag, 3. März 2025 10:12\n> An: [[PERSON:Ida Roth]]\n> Betreff: Termin",
    # the second part of an abbreviated compound is no name
    "Geb.-Dat. [[DATE_OF_BIRTH:03.05.2015]], Name: [[PERSON:Lea Koch]]",
    "Kind: [[PERSON:Tom Weber]], Geb.-Dat.: [[DATE_OF_BIRTH:11.11.2015]]",
    "Erz.-Ber.: [[PERSON:Koch, Anna]]",
    # time zones of calendars
    "DTSTART;TZID=Europe/Berlin:20250312T080000",
    "X-WR-TIMEZONE:America/New_York",
    "Zeitzone: Asia/Tokyo",
    "TZID:America/Sao_Paulo\nORGANIZER;CN=[[PERSON:Lea Koch]]:mailto:[[EMAIL_ADDRESS:lea.koch@kita-nord.de]]",
    # a label before a compound noun in no name list
    "name: Schulentwicklungsplan",
    "Name: Medienentwicklungsplan 2025",
    "Absender: Elternbeiratswahl",
    "name: Hygieneschutzplan",
    # "von" after a written-out "im Auftrag" / "in Vertretung" is a preposition
    "Sekretariat im Auftrag von [[PERSON:Hahn, Birgit]]",
    "In Vertretung von [[PERSON:Okafor, Birgit]]",
    "Gesendet im Auftrag von [[PERSON:Hahn, Birgit]] (Schulleitung)",
    # a short surname that is also a word fills a table cell with the given name
    "| Name | Klasse |\n|---|---|\n| [[PERSON:Can Er]] | 3a |",
    "Name;Klasse\n[[PERSON:Elif Er]];4b",
    "Schüler\tKlasse\n[[PERSON:Mert Er]]\t2c",
    "[[PERSON:Can Er]];3a",
    # the first half of a word broken at a line's end is no name
    "Name des Kin-\ndes: [[PERSON:Lea Koch]]",
    "Die Eva-\nluation ergab keine Auffälligkeiten.",
    "Bitte die Mar-\nkierung beachten.",
    "Der Ben-\nzinpreis steigt.",
    # a surname alone after "c/o"
    "[[ADDRESS:Hauptstraße 101]] c/o [[PERSON:Weber]], 55116 Mainz",
    "[[ADDRESS:Gartenweg 4]] c/o [[PERSON:Brenner]], 45127 Essen",
    "Frau [[PERSON:Ida Roth]] c/o [[PERSON:Schneider]]\n[[ADDRESS:Am Markt 1]]",
    "Post bitte c/o [[PERSON:Kaya]], [[ADDRESS:Lindenweg 3, 45127 Essen]]",
    # lower-case names after a preposition in a note written all in lower case
    "termin bei [[PERSON:adeyemi]] verschoben",
    "rückruf an [[PERSON:obiora]] wegen kita",
    "mit [[PERSON:chukwuma]] über hausaufgaben gesprochen",
    "gespräch mit mutter von [[PERSON:okonkwo]]",
    # a lower-case "surname, given names" entry in such a note
    "infos von [[PERSON:kowalczyk, anna]] bekommen",
    "mit [[PERSON:kowalczyk, anna]] morgen gesprochen",
]


@pytest.mark.parametrize("marked", FORMS)
def test_forms(gate, marked: str) -> None:
    text, expected = unmark(marked)
    found = spans(gate, text)
    assert [e for e in expected if e not in found] == []
    assert [f for f in found if f[0] == "PERSON" and f not in expected] == []


@pytest.mark.parametrize("text", [
    "mit gelegentlichen pausen",        # an inflected German word
    "mit ogs besprochen",               # an abbreviation
    "über whatsapp geschickt",          # a noun written lower case
    "telefonat mit schulbegleitung",    # a compound noun
    "laut elstam ist das so",           # "laut" names a source
    "für morgen alles klar",
])
def test_german_words_in_lower_case_notes_are_no_names(gate, text: str) -> None:
    assert _persons(gate, text) == []


def test_a_lower_case_note_names_only_in_lower_case_text(gate) -> None:
    # a capital in the text: the text is no note all in lower case
    assert _persons(gate, "Termin mit okonkwo verschoben") == []


def test_a_title_before_a_lower_case_surname_keeps_the_entry_apart(gate) -> None:
    persons = _persons(gate, "[07:12] hi fr. brandt, yusuf is heute krank")
    assert "brandt, yusuf" not in persons
    assert "brandt" in persons


@pytest.mark.parametrize("text", ["Jan ist 12 Jahre alt.", "Am 3. Mai kam Jan mit Lea.", "Thu, Lan und Minh kommen."])
def test_given_names_that_are_date_abbreviations_outside_a_date_stay(gate, text: str) -> None:
    persons = _persons(gate, text)
    assert persons and persons[0] in ("Jan", "Thu")


@pytest.mark.parametrize("text", ["Frau Koch/Frau Weber", "Aufsicht: Fr. Koch/Hr. Weber"])
def test_names_joined_by_a_slash_are_no_time_zone(gate, text: str) -> None:
    assert {"Koch", "Weber"} <= set(_persons(gate, text))


def test_the_signature_recognizer_reads_von_after_im_auftrag_as_a_preposition() -> None:
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.recognizers.signature import SignatureRecognizer

    recognizer = SignatureRecognizer(load_lexicon())
    for text in ("Sekretariat im Auftrag von Kessler", "in Vertretung vom Okafor"):
        found = [text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"])]
        assert found and not any(f.lower().startswith(("von ", "vom ")) for f in found)
    found = [t[r.start:r.end] for t in ["i. A. von Bülow"] for r in recognizer.analyze(t, ["PERSON"])]
    assert found == ["von Bülow"]  # after "i. A." a particle stays part of the name
