"""PERSON precision of the eighth round (issue 10): words and shapes that are no names in
minutes, Förder- and Hilfepläne, tickets, Markdown, English-German mails, spreadsheets and lists.
Own examples, written for these tests (none from the dev sets); names beside them must stay found."""

from __future__ import annotations

import pytest

from assistant.privacy.names import load_lexicon
from assistant.privacy.text.recognizers.non_names import after_place_label, gender_form, noun_list_item
from assistant.privacy.text.words import capital_end, english_words, nominalised_adjective, noun_compound
from tests.privacy.conftest import spans, unmark

FORMS = [
    # adjectives and participles used as nouns in minutes and plans
    "TOP 5: Verschiedenes\nKeine Wortmeldungen.",
    "Festgestelltes: Der Schulbesuch ist regelmäßig.",
    "Organisatorisches zum Ausflug klärt Frau [[PERSON:Albers]].",
    "Sonstiges: Die Hausaufgabenbetreuung bleibt.",
    "Vereinbartes wird im Protokoll festgehalten.",
    # words that end in capitals after a lower-case letter: abbreviations and keys
    "Eingruppierung EG S 11b TVöD SuE, Teilzeit möglich.",
    "Spalten: SchülerID, KlasseNr, GebDatum",
    "Rechtsgrundlage: BayEUG, vgl. KiTaG und SchulG",
    # role nouns in gender-fair writing
    "Die Mentor*innen treffen sich am Montag.",
    "Unsere Lesepat:innen und Mentor_innen bekommen eine Urkunde.",
    "Liste der Mentor*innen: Frau [[PERSON:Aydın]], Herr [[PERSON:Becker]]",
    # compounds with a hyphen whose last part is a noun
    "Anmeldung zum Robotik-Camp bis Freitag.",
    "Neu im Ganztag: Lego-Club, Theater-Werkstatt und Mathe-Camp.",
    "Das Zirkus-Projekt ist ausgebucht.",
    # compounds of a noun and a head that is also a name entry
    "Hilfeart: Erziehungsbeistand (§ 30)",
    "Teilnehmende: Kindesmutter, Kindesvater, Fachkraft ASD",
    "Anwesend: Pflegemutter, Vormund",
    # software, products and kitchen words
    "Die Noten stehen in SchILD, der Stundenplan in WebUntis, die Kurse in Moodle.",
    "Bitte über IServ oder Teams melden; Padlet-Links folgen.",
    "Der Caterer liefert laktosefrei; Halal-Gerichte gibt es mittwochs.",
    "Ticket 4712: Thermostat in Raum 1.08 defekt, Beamer flackert.",
    # places after a place label, in lists and under a place column
    "Einzugsbereich: Resse, Hassel, Scholven und Buer",
    "In den Stadtteilen Marxloh und Hochfeld fehlen Kitaplätze.",
    "Sozialräume: Nord (Walsum, Hamborn), Süd (Buchholz, Wedau)",
    "Schulnr;Schule;Ortsteil\n4711;Grundschule am Park;Horst\n4712;Grundschule Lindenweg;Erle",
    "| Stadtteil | Plätze |\n|---|---|\n| Beckhausen | 80 |\n| Bismarck | 64 |",
    # one item of a list of ordinary nouns
    "Berufsfelder: Bäcker, Koch, Maler, Zimmermann, Friseur",
    "Praktikumsplätze gibt es als Tischler, Friseur, Zimmermann und Gärtner.",
    "Berufe im Handwerk: Maurer, Dachdecker, Schneider, Glaser",
    # English words in English-German mails
    "Hi all, kurzes Update: Please note the new deadline. Known issues: der Export hängt.",
    "Thank you for your message, ich melde mich morgen.",
    "The Parents' Evening findet am 12.05. statt, please bring the Attendance Lists mit.",
    # a bank label in the key column of a record beside a name
    "Name | [[PERSON:Kaya, Elif]]\nKontoinhaber | [[PERSON:Kaya, Murat]]\nIBAN | [[IBAN_CODE:DE89 3704 0044 0532 0130 00]]",
    "Kontoinhaberin;[[PERSON:Nowak, Ewa]]\nBIC;COBADEFFXXX\nIBAN;[[IBAN_CODE:DE02 1203 0000 0000 2020 51]]",
    "Empfänger | [[PERSON:Ben Amar]]\nIBAN | [[IBAN_CODE:DE75 5121 0800 1245 1261 99]]\nBIC | SOGEDEFFXXX",
    # after a label, adjectives used as nouns and compounds stay words in the rule recognizer too
    "Antragsteller: Kommunales Integrationszentrum",
    "Programmpunkt: Abschlussfest mit den Eltern",
    "Zuständig: Schulpsychologisches Beratungszentrum",
    # names beside them stay names
    "Hi Frau [[PERSON:Petersen]], thanks for your reply! Best regards, [[PERSON:Daniel Osei]]",
    "Rückmeldung aus dem Stadtteilbüro: Ansprechpartnerin ist Frau [[PERSON:Kowalczyk]].",
    "Im Stadtteil Horst wohnt die Familie; Frau [[PERSON:Yıldız]] hat angerufen.",
]


@pytest.mark.parametrize("marked", FORMS)
def test_forms(gate, marked: str) -> None:
    text, expected = unmark(marked)
    found = spans(gate, text)
    assert [e for e in expected if e not in found] == []
    assert [f for f in found if f[0] == "PERSON" and f not in expected] == []


@pytest.mark.parametrize("word", ["Verschiedenes", "Festgesetztes", "Organisatorisches", "Folgendes", "Weiteres"])
def test_nominalised_adjectives(word: str) -> None:
    assert nominalised_adjective(word, load_lexicon().common_words)


@pytest.mark.parametrize("word", ["Reyes", "Torres", "Gomes", "Hermes", "Nunes", "Ines"])
def test_names_ending_in_es_are_no_adjectives(word: str) -> None:
    assert not nominalised_adjective(word, load_lexicon().common_words)


@pytest.mark.parametrize(("word", "expected"), [("SuE", True), ("SchülerID", True), ("KiTaG", True),
                                                ("McDonald", False), ("LeBlanc", False), ("Schmidt", False)])
def test_capital_end(word: str, expected: bool) -> None:
    assert capital_end(word) is expected


@pytest.mark.parametrize(("word", "expected"), [("Hilfeart", True), ("Kindesmutter", True),
                                                ("Hellweg", False), ("Schwarzkopf", False), ("Eckart", False)])
def test_compounds_with_name_like_heads(word: str, expected: bool) -> None:
    assert noun_compound(word) is expected


def test_place_labels() -> None:
    text = "Einzugsbereich: Buer, Erle und Resse. Bezirkssozialarbeiterin Meyer ruft an."
    assert after_place_label(text, text.index("Resse"))
    assert not after_place_label(text, text.index("Meyer"))  # no label, a compound with "Bezirk"


def test_gender_form_and_noun_lists() -> None:
    assert gender_form("Mentor*innen", 6) and gender_form("Lehrer:innen", 6) and not gender_form("Mentor Kai", 6)
    text = "Anwesend: Koch, Bauer, Stein"
    assert not noun_list_item(text, text.index("Stein"), len(text))  # surnames, no plain nouns


def test_english_words_need_english_around() -> None:
    german = load_lexicon().common_words
    text = "Die Familie Rice ist umgezogen."
    assert not english_words(text, text.index("Rice"), text.index("Rice") + 4, german)
    text = "Please note the new date."
    assert english_words(text, 0, 6, german)
