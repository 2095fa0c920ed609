"""Forms the independent corpus indep13 showed missing or wrongly taken, each with own examples
(never the corpus strings): birth dates in tables parted by a broken bar, after a scan's "geb ."
and before a note's "geb.", under a title line holding the delimiter, after a label glued to the
cell before it; e-mail addresses in "|" tables; pupil numbers glued to the next field, with a blank
in an XML element; streets of address labels side by side above their postcode and town, no
building or institution word and no season before a street, no ranking "Platz 3", a Polish flat after the house number; phone numbers after a name ending in "az", with spaced area codes and
extensions, ending before a time, glued to a label and a next field like e-mail addresses; no person in the first part of a noun broken at a hyphen, in
a number's label written as one word, in a lower-case English word, an English adjective of
origin or an interjection, in a town after a postcode."""

from __future__ import annotations

import pytest

from assistant.privacy.text.recognizers.non_names import broken_word, number_label
from tests.privacy.conftest import missing, spans, unmark

FOUND = [
    # DATE_OF_BIRTH: a table parted by "¦" under a birth-date header
    "Nr¦Kind¦Geb.-Datum¦Gruppe\nK-17¦Roth, Ida¦[[DATE_OF_BIRTH:2021-03-02]]¦Igel\nK-18¦Arslan, Mert¦[[DATE_OF_BIRTH:2020-11-30]]¦Bären",
    "Nr ¦ Vorname ¦ Geburtsdatum\n1 ¦ Joris ¦ [[DATE_OF_BIRTH:14.05.2018]]\n2 ¦ Fenja ¦ [[DATE_OF_BIRTH:02.12.2017]]",
    "Schüler¦Klasse¦GebDat¦Bus\nTarek¦3b¦[[DATE_OF_BIRTH:2016-07-19]]¦ja",
    # DATE_OF_BIRTH: a scan's blank before the dot of "geb."
    "Anmeldung Yusuf Demir , geb .[[DATE_OF_BIRTH:17.06.2010]] , Klasse 7\n",
    "Tochter Lea Brandt geb . [[DATE_OF_BIRTH:14.07.2013]] , wohnhaft in Soest",
    "Schüler: Tim Wolf (geb .[[DATE_OF_BIRTH:3.2.2014]])",
    # DATE_OF_BIRTH: "geb." after the date in a note
    "Mutter fragt wegen Kindergeld für Emil ([[DATE_OF_BIRTH:2017-02-09]] geb.?) nach.",
    "Kinder: Emma [[DATE_OF_BIRTH:12.04.2016]] geb., Paul [[DATE_OF_BIRTH:03.09.2018]] geb.",
    "Lina ([[DATE_OF_BIRTH:2014-02-11]] geb., laut Mutter) wechselt zum Halbjahr.",
    # DATE_OF_BIRTH: a title line above the header holds the delimiter too
    "Liste Kita Sonnenhof ¦ Stand 2024-11-04\nNr¦Name¦Geburtsdatum¦Gruppe\n1¦Aksoy, Elif¦[[DATE_OF_BIRTH:2021-05-17]]¦Igel",
    "Export 03.02.2025 | Klasse 5c\nNr|Name|Ort|Geb.-Datum\n1|Rosa Kühn|Kiel|[[DATE_OF_BIRTH:2014-06-06]]",
    "Stand: 01.09.2024; Schule Nord\nName;Klasse;Fach;Geburtstag\nBen Ohl;4a;Sport;[[DATE_OF_BIRTH:11.11.2014]]",
    # DATE_OF_BIRTH: a PDF export glues the label to the cell before it
    "VornameLinusNachnameKaiserGeburtsdatum[[DATE_OF_BIRTH:03.05.2019]]Klasse 1a",
    "Name des KindesMila OrtGeburtsdatum [[DATE_OF_BIRTH:12.11.2018]]Konfessionkeine",
    "AnmeldungGeburtsdaten der Kinder: [[DATE_OF_BIRTH:02.02.2016]]",
    # EMAIL_ADDRESS: the cell before it in a "|" table is no part of it
    "Nr|Name|Mail|Ort\n1|Rosa Kühn|[[EMAIL_ADDRESS:rosa.k@web.de]]|Kiel",
    "Schüler|Kontakt\nBen Yilmaz|[[EMAIL_ADDRESS:yilmaz.fam@gmx.de]]",
    "Mutter|Jana Ochs|[[EMAIL_ADDRESS:ochs@t-online.de]]|0171 2233445",
    # STUDENT_ID: the next field of a run-together export glued to the number
    "Kita-Kind-Nr.[[STUDENT_ID:K-2021-0417]]Wunschkita 1Kita Regenbogen",
    "Schülernummer [[STUDENT_ID:2023-0815]]Einschulung 2024",
    "Schüler-ID: [[STUDENT_ID:SID-20447]]Bemerkungkeine",
    # STUDENT_ID: one blank inside the number of an XML element
    "<schueler>\n <schuelerId>[[STUDENT_ID:2021 03318]]</schuelerId>\n</schueler>",
    "<kind><kindNr>[[STUDENT_ID:K 4471]]</kindNr></kind>",
    "<snr> [[STUDENT_ID:S2020 7781]] </snr>",
    # ADDRESS: labels side by side, streets without a street word above their postcode and town
    "Familie Okoro                | Herrn Jan Vogt\n[[ADDRESS:Im Sonnenwinkel 7]]            | [[ADDRESS:Zeche Ewald 12]]\n"
    "45701 Herten                 | 45699 Herten",
    "Frau                  Herrn                 Familie\nIda Roth              Max Lenz              Brandt\n"
    "[[ADDRESS:Marktplatz 3]]          [[ADDRESS:Kirchhof 5]]            [[ADDRESS:Hasenheide 9]]\n"
    "04109 Leipzig         04177 Leipzig         04315 Leipzig",
    "Absender: Schule am See    Empfänger:\nKlasse 5                   [[ADDRESS:Grüner Winkel 3]]\n45127 Essen                45128 Essen",
    # ADDRESS: a building or institution word, a season or month before the street is no part of it
    "Beratung im Familienbüro [[ADDRESS:Marktplatz 4, 33602 Bielefeld]], Raum 3",
    "Unterbringung Notaufnahmestelle [[ADDRESS:Ostring 9, 44787 Bochum]].",
    "Hilfeplan in der Wohngruppe [[ADDRESS:Hohe Ley 5, 53111 Bonn]].",
    "Termin im Stadtteilzentrum [[ADDRESS:Kleiner Kamp 2, 24103 Kiel]]",
    "nein, seit Winter [[ADDRESS:Lindenweg 8, 48149 Münster]], EG",
    "ab Oktober [[ADDRESS:Kirchweg 3, 49074 Osnabrück]]",
    # ADDRESS: a Polish flat after the house number ("m." mieszkanie, "lok." lokal)
    "Herrn\nJan Nowak\n[[ADDRESS:ul. Długa 15 m. 3]]\n00-238 Warszawa",
    "Adresse: [[ADDRESS:ul. Mickiewicza 8 lok. 12, 30-059 Kraków]]",
    "Anschrift: [[ADDRESS:ul. Polna 7 m. 21, 60-535 Poznań]]",
    # PHONE_NUMBER: a name ending in "az" is no "Az." (Aktenzeichen) label
    "Tarik Kiraz;[[PHONE_NUMBER:0152-44110987]]",
    "Rückruf: Carmen Díaz, [[PHONE_NUMBER:0711 4459021]]",
    "Eltern|Telefon\nJoão Vaz|[[PHONE_NUMBER:0176 5512348]]",
    # PHONE_NUMBER: area codes with blanks, two digits first, an extension after a spaced dash
    "Kassenstelle ........ [[PHONE_NUMBER:04 21 / 3 61 22 0]]\nLeitung",
    "Sprechzeiten im Büro, [[PHONE_NUMBER:0 2 31 / 5 50 - 12 34]].",
    "Sekretariat [[PHONE_NUMBER:06 11 / 90 12 - 3]]",
    # PHONE_NUMBER: a time after the number is no extension
    "Nachricht von [[PHONE_NUMBER:+49 151 2233445]] – 07:12\nHallo",
    "Anruf [[PHONE_NUMBER:0201 4478123]] - 09:30 Uhr",
    "WhatsApp [[PHONE_NUMBER:+43 664 1234567]] - 18:05: bin unterwegs",
    # PHONE_NUMBER and EMAIL_ADDRESS in a PDF export run together: labels and next fields glued on
    "PLZ, Ort24103 KielTelefon[[PHONE_NUMBER:0431 8899 1200]]\nE-Mail",
    "NameIda RothHandy[[PHONE_NUMBER:0176 5512 348]]Bemerkung",
    "Tel. [[PHONE_NUMBER:0201 4478123]]Fax [[PHONE_NUMBER:0201 4478124]]",
    "E-Mail[[EMAIL_ADDRESS:ak.roth@web.de]]Telefon0431 889912",
    "KontaktMail[[EMAIL_ADDRESS:buero@kita-nord.de]]Bemerkungkeine",
    "Name: Ida\nE-Mail[[EMAIL_ADDRESS:ida.kaya@t-online.de]]Erziehungsberechtigte 1",
]

NOT_FOUND = [
    # a column of another role in a "¦" table; "geb." before a maiden name after a date
    ("Nr¦Name¦Aufnahme¦Gruppe\n1¦Ole¦03.05.2023¦Bären\n2¦Ida¦01.08.2023¦Igel", "DATE_OF_BIRTH"),
    ("Frau Demir, seit 03.05.2024 geb. Schulz, hat angerufen", "DATE_OF_BIRTH"),
    ("Stichtag 01.10.2024 geb. Kinder werden gezählt", "DATE_OF_BIRTH"),
    # a name in a pupil-number element is no number
    ("<schuelerId>Max Roth</schuelerId>", "STUDENT_ID"),
    # a place in a ranking; a room above a postcode
    ("KK-2024-0451 | Noah Weber | Kita Max | Warteliste Platz 4", "ADDRESS"),
    ("Im Ranking Platz 3: Team Nord", "ADDRESS"),
    ("Laut Tabelle Platz 2 für die 5b", "ADDRESS"),
    ("Raum 12                Raum 14\n45127 Essen            45128 Essen", "ADDRESS"),
    # a date with blanks is no spaced phone number; an Aktenzeichen stays none
    ("Sitzung 02 09 / 2024", "PHONE_NUMBER"),
    ("Az.: 0351-2025", "PHONE_NUMBER"),
    # the first part of an ordinary noun broken at a hyphen is no name
    ("Sehr geehrte Frau Lenz,\nBetr.: Ermäßi-\ngung der Beiträge", "no Ermäßi"),
    ("Bitte prüfen Sie meine Anmel- dung bis Freitag.", "PERSON"),
    ("Anlage: Beschei-\nnigung der Schule", "PERSON"),
    ("Betreff: Ummel-\ndung zum Halbjahr", "PERSON"),
    # a lower-case English word among English ones, an interjection before a comma
    ("Many thanks from our side, we will send the list on Monday.", "PERSON"),
    ("Could you please ask whether she can join the trip?", "PERSON"),
    ("Frau Lenz: Okay, dann machen wir das so.", "no Okay"),
    # an English adjective of origin after a determiner
    ("She has a Syrian passport and needs a visa.", "PERSON"),
    ("They booked an Albanian interpreter for Monday.", "PERSON"),
    ("He works for a Bulgarian company in town.", "PERSON"),
    # a town after a street's house number and a postcode is no person
    ("Frau\nIrina Popa\nStrada Florilor 9\n400001 Cluj\nRUMÄNIEN", "no town"),
    ("Frau\nElena Ionescu\nStr. Lunga 3\n500036 Brasov", "no town"),
    ("Herrn\nJan Nowak\nul. Długa 15 m. 3\n00-238 Warszawa\nPOLEN", "no town"),
]


@pytest.mark.parametrize(("text", "end", "broken"), [
    ("Beschei-\nnigung", 7, True), ("Anmel- dung", 5, True), ("Rück¬\nfragen", 4, True),
    ("Anna Kowal-\nczyk", 10, False), ("Ein- und Ausgang", 3, False), ("Müller-\nLüdenscheidt", 6, False),
])
def test_broken_word(text: str, end: int, broken: bool) -> None:
    assert broken_word(text, end) is broken


@pytest.mark.parametrize(("word", "label"), [
    ("IdNr", True), ("IdNr.", True), ("SchuelerNr", True), ("KundenID", True), ("KitaId", True),
    ("David", False), ("Ida", False), ("Arnold", False), ("NR", False),
])
def test_number_label(word: str, label: bool) -> None:
    assert number_label(word) is label


@pytest.mark.parametrize(("text", "name"), [
    ("Sorry, we can not come to the meeting, but Maria will.", "Maria"),
    ("Laut Herrn Okay kommt er später", "Okay"),
    ("Hey Frank, kannst du morgen?", "Frank"),
    ("- ela + can streit ums tablet, geklärt", "can"),
    ("Jahrgang 2014:\n2014 Weber\n2015 Roth", "Roth"),
    ("Frag mal Adrian wegen dem Bus", "Adrian"),
])
def test_names_beside_english_words_and_interjections_stay(gate, text: str, name: str) -> None:
    assert ("PERSON", name) in spans(gate, text)


def test_name_broken_at_line_end_stays(gate) -> None:
    text = "Mit freundlichen Grüßen\nAnna Kowal-\nczyk"
    assert any(kind == "PERSON" and "Kowal" in found for kind, found in spans(gate, text))


def test_address_starting_like_a_label_stays_whole(gate) -> None:
    text = "Schreiben Sie an Mailand.reisen@web.de bitte"
    assert ("EMAIL_ADDRESS", "Mailand.reisen@web.de") in spans(gate, text)


def test_metres_after_a_street_are_no_flat(gate) -> None:
    assert ("ADDRESS", "Hauptstraße 50") in spans(gate, "Hauptstraße 50 m weiter links")
    assert ("ADDRESS", "Via Roma 5") in spans(gate, "Via Roma 5 m 100")


@pytest.mark.parametrize("text", ["Berliner Platz 4", "Alter Markt 3, 50667 Köln", "Hamburger Platz 7, 20095 Hamburg"])
def test_streets_with_adjectives_stay_whole(gate, text: str) -> None:
    assert ("ADDRESS", text) in spans(gate, text)


@pytest.mark.parametrize("marked", FOUND)
def test_indep13_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "kind"), NOT_FOUND)
def test_indep13_forms_not_taken(gate, text: str, kind: str) -> None:
    found = spans(gate, text)
    if kind == "no Okay":
        assert ("PERSON", "Lenz") in found and ("PERSON", "Okay") not in found
    elif kind == "no Ermäßi":
        assert [s for s in found if s[0] == "PERSON"] == [("PERSON", "Lenz")]
    elif kind == "no town":
        assert [s for s in found if s[0] == "PERSON"] == [("PERSON", text.split("\n")[1])]
    else:
        assert [s for s in found if s[0] == kind] == []


def test_marks_parse() -> None:
    assert all(unmark(m)[1] for m in FOUND)
