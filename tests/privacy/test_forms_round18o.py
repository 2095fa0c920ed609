"""Forms of round 18o (ADDRESS, DATE_OF_BIRTH, STUDENT_ID, PHONE_NUMBER), each with own examples
(never the corpus strings): a house number written as a word; a street glued to Chinese,
Japanese or Korean text; a common noun before a street of a street word (the place in the street,
not its name); Austrian staircase and door before postcode and town; a fixed-width table's next
column after the town; a birth word in Chinese, Japanese or Korean; a birth-date label, a record's
number and the date after it; a birth-date column of a MySQL table drawn with "+---+" rules; a
child's id key; short codes are no pupil numbers; a file reference "0412/25" is no phone number."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.privacy.conftest import missing, spans, unmark


def _fixed_width(rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> str:
    """Rows of a fixed-width table: every cell but the last padded to its column's width (a cell
    longer than its column pushes the next cell on by one blank, as a print-out does)."""
    lines = []
    for row in rows:
        line = "".join(cell + " " * max(1, width - len(unmark(cell)[0])) for cell, width in zip(row, widths))
        lines.append(line + row[-1])
    return "\n".join(lines)


FOUND = [
    # a house number written as a word, in a dictated or chat note
    "seit dem umzug in die [[ADDRESS:birkenstraße sieben]] schläft er schlecht",
    "Neue Anschrift: [[ADDRESS:Mühlgasse elf]], bitte im System ändern",
    "die familie wohnt im [[ADDRESS:lindenweg zwölf a]] seit märz",
    "Wir wohnen jetzt in der [[ADDRESS:Kastanienallee dreiundzwanzig b]].",
    # a street of no street word after a verb of living, ending at its house number
    "Die Familie lebt [[ADDRESS:Zur Linde 2]] bei Oma, Tel 0561 22334",
    "Wir wohnen [[ADDRESS:Auf der Höhe 12]] seit Mai.",
    "Sie leben jetzt [[ADDRESS:Hinter den Gärten 4]] bei den Großeltern.",
    # a street glued to Chinese, Japanese or Korean text
    "您好，我们住在[[ADDRESS:Lindenweg 4, 53111 Bonn]]。谢谢",
    "私たちは[[ADDRESS:Kastanienallee 12, 10435 Berlin]]に住んでいます",
    "새 주소는[[ADDRESS:Rosenweg 8, 28195 Bremen]]입니다",
    # a common noun before a street names the place, an adjective is part of the name
    "Treffpunkt Turnhalle [[ADDRESS:Schillerstraße 3]]",
    "Anmeldung in der Kantine [[ADDRESS:Lindenallee 7, 44135 Dortmund]] ab acht",
    "Übergabe an der Pforte [[ADDRESS:Wiesenstraße 40, 45127 Essen]]",
    "Neue Wohnung: [[ADDRESS:Kleine Bergstraße 4, 01067 Dresden]]",
    "Anschrift: [[ADDRESS:Holsteinische Str. 9, 24103 Kiel]]",
    "Zustellung an [[ADDRESS:Alte Poststraße 9]]",
    # Austrian staircase and door between house number and postcode
    "Wohnhaft: [[ADDRESS:Wiedner Hauptstraße 34, Stiege 2, Top 7, 1040 Wien]]",
    "Meldeadresse [[ADDRESS:Grazer Straße 12, Stg. 3, Tür 14, 8010 Graz]]",
    "Familie Huber, [[ADDRESS:Linzer Gasse 5, Top 11, 5020 Salzburg]]",
    # a fixed-width table: the next column after the town, one blank away, is no part of it
    _fixed_width([("Nr", "Name", "Anschrift", "Herkunft"),
                  ("1", "Roth, Ida", "[[ADDRESS:Lindenweg 3, 90461 Nürnberg]]", "Polen"),
                  ("2", "Sahin, Ela", "[[ADDRESS:Hafenstraße 185, 90461 Nürnberg]]", "Türkei")], (5, 16, 31)),
    _fixed_width([("Kind", "Adresse", "Land"),
                  ("Ada", "[[ADDRESS:Am Ring 4, 50667 Köln]]", "Italien"),
                  ("Bo", "[[ADDRESS:Kirchgasse 2, 50667 Köln]]", "Syrien")], (7, 24)),
    _fixed_width([("Schüler", "Wohnort", "Herkunftsland"),
                  ("Lea", "[[ADDRESS:Talweg 2, 34117 Kassel]]", "Ukraine"),
                  ("Tim", "[[ADDRESS:Wilhelmshöher Allee 77, 34117 Kassel]]", "Moldau")], (8, 36)),
    # a birth word in Chinese, Japanese or Korean
    "我的儿子出生于[[DATE_OF_BIRTH:2014-06-21]]，想问学校的事。",
    "生年月日：[[DATE_OF_BIRTH:2013-02-17]]",
    "생년월일: [[DATE_OF_BIRTH:2012-11-05]]",
    # a birth-date label, a record's number, a source, then the date
    "Hinweis: Geburtsdatum bei Personalnummer 55120 laut Meldebogen [[DATE_OF_BIRTH:1988-04-12]], bitte prüfen.",
    "Das Geburtsdatum von Schüler 2210 ist [[DATE_OF_BIRTH:2012-03-14]].",
    "Geb.-Datum zu Akte 77-31 lt. Pass [[DATE_OF_BIRTH:03.09.2010]]",
    # a MySQL table drawn with "+---+" rules, a birth-date column
    "+-----+-------+------------+\n| nr  | name  | gebdat     |\n+-----+-------+------------+\n"
    "| 11  | Ida   | [[DATE_OF_BIRTH:2012-05-04]] |\n| 12  | Ben   | [[DATE_OF_BIRTH:2011-07-08]] |\n"
    "+-----+-------+------------+",
    "+----+-------------+\n| id | geburtsdatum |\n+----+-------------+\n| 7  | [[DATE_OF_BIRTH:2015-02-28]]  |\n"
    "| 8  | [[DATE_OF_BIRTH:2014-10-01]]  |",
    "+------+------------+---------+\n| sid  | birth_date | klasse  |\n+------+------------+---------+\n"
    "| 4410 | [[DATE_OF_BIRTH:2013-09-09]] | 6a      |\n| 4411 | [[DATE_OF_BIRTH:2012-12-12]] | 6b      |",
    # a date one blank after a long cell of a fixed-width table, under its birth-date header
    _fixed_width([("KENNUNG", "NAME", "GEBDAT", "BETRAG"),
                  ("AB-2023-0019", "KRAUSE, ELLA", "[[DATE_OF_BIRTH:07.07.2012]]", "744,00"),
                  ("AB-2023-0350", "VON DER HEIDE, MAXIMILIAN", "[[DATE_OF_BIRTH:19.03.2019]]", "3.460,75")],
                 (18, 25, 12)),
    _fixed_width([("Nr", "Kind", "Geb.", "Gruppe"),
                  ("1", "Ana Lopes", "[[DATE_OF_BIRTH:02.02.2021]]", "Igel"),
                  ("2", "Konstantin Wojciechowski", "[[DATE_OF_BIRTH:11.11.2020]]", "Füchse")], (4, 24, 12)),
    _fixed_width([("ID", "SCHUELER", "GEBURTSDATUM", "KLASSE"),
                  ("7", "LI, WEI", "[[DATE_OF_BIRTH:2013-01-09]]", "6A"),
                  ("8", "ABDULLAHI-WARSAME, HODAN", "[[DATE_OF_BIRTH:2012-08-30]]", "6B")], (4, 24, 14)),
    # a label of birth place and date, the place first
    "Name: Sara Haddad\nGeburtsort und -datum: Homs, [[DATE_OF_BIRTH:2010-06-07]]\nKlasse: 5",
    "Datum und Ort der Geburt: [[DATE_OF_BIRTH:12.04.2011]] in Kabul",
    "Geburtsort/-datum: Tirana, [[DATE_OF_BIRTH:2009-10-30]]",
    # a birth-date label, a colon, then the wrong date and the right one
    "Die Mutter meldet, dass das Geburtsdatum ihrer Tochter falsch ist: statt [[DATE_OF_BIRTH:02.06.2021]] "
    "steht dort [[DATE_OF_BIRTH:20.06.2021]].",
    "Geburtsdatum im Portal vertauscht: statt [[DATE_OF_BIRTH:05.01.2020]] muss es [[DATE_OF_BIRTH:01.05.2020]] heißen",
    "Geburtsdaten der Zwillinge falsch übertragen: nicht [[DATE_OF_BIRTH:2019-07-13]], sondern "
    "[[DATE_OF_BIRTH:2019-07-31]]",
    # a child's id key in a Kita program's export
    "child.first_name=Ole\nchild.id=[[STUDENT_ID:KT-2024-0412]]",
    '{"child_id": "[[STUDENT_ID:K-5512]]", "gruppe": "Igel"}',
    "child_nr=[[STUDENT_ID:KK-3311]]; gruppe=Füchse",
    # a phone number with a slash and a subscriber of three digits or more stays one
    "Rückfragen unter [[PHONE_NUMBER:0231/50 2211]]",
    "Telefon [[PHONE_NUMBER:04533/712]]",
    "erreichbar unter [[PHONE_NUMBER:0521/44 30 12]] ab neun",
]


@pytest.mark.parametrize("marked", FOUND)
def test_round18o_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


def _years_ago(years: int) -> str:
    return (dt.date.today() - dt.timedelta(days=int(years * 365.25))).isoformat()


NOT_TAKEN = [
    # ways of speech ending in a street word, a unit after a number word
    ("auf dem Heimweg drei Kinder gesehen", "ADDRESS", "Heimweg"),
    ("der Schulweg zwei mal täglich ist zu weit", "ADDRESS", "Schulweg"),
    ("zur Hauptstraße zwei Minuten zu Fuß", "ADDRESS", "Hauptstraße"),
    # a class or a year after a verb of living is no street
    ("Die Kinder leben In der Klasse 5 gut zusammen.", "ADDRESS", "Klasse"),
    ("Sie wohnen Im Jahr 2023 woanders.", "ADDRESS", "Jahr"),
    ("Wir leben Seit 3 Jahren hier.", "ADDRESS", "Seit"),
    # a month and a year are no birth date; a recent date after a label and a number is a check's
    ("Er ist im März 2015 geboren.", "DATE_OF_BIRTH", "2015"),
    (f"Geburtsdatum bei Vorgang 4411 geprüft am {_years_ago(0)}", "DATE_OF_BIRTH", _years_ago(0)),
    ("Geburtsdatum fehlt bei 3 Kindern, Stand 2021-01-15", "DATE_OF_BIRTH", "2021-01-15"),
    ("Geburtsdatum zu Fall 12 bitte bis 2019-05-01 nachreichen", "DATE_OF_BIRTH", "2019-05-01"),
    # a date the sentence sets after a birth date
    ("wir bieten für Ihren Sohn Tim, geboren am 4. Mai 2022, einen Platz zum 01.08.2025 an.",
     "DATE_OF_BIRTH", "01.08.2025"),
    ("Lea, geboren am 2. Juni 2021, kann ab dem 01.09.2024 kommen.", "DATE_OF_BIRTH", "01.09.2024"),
    ("Ben (geb. 12.12.2020) ist vom 03.03.2023 an in der Gruppe.", "DATE_OF_BIRTH", "03.03.2023"),
    # an identity card's own number after a pupil number in a form
    ("Name: Roth Vorname: Ida   Schüler-Nr.: 23-0412\nGeburtsdatum: 2012-02-03 Ausweis-Nr. B-2024-117",
     "STUDENT_ID", "B-2024-117"),
    ("Schüler-ID 2020-1182; Bibliotheksausweis, Ausweisnummer L-2024-0071", "STUDENT_ID", "L-2024-0071"),
    ("Schülernummer 2021-0456, Ausweis-Nr. P-3391-22 liegt vor", "STUDENT_ID", "P-3391-22"),
    # short codes of a pseudonym key or a room near a pupil-number label
    ("Pseudonym | Punkte\nA01 | 12\nA02 | 14\nZuordnung: A01 = Lena Vogt, Schülernr. 2020/0311\n"
     "A02 = Tom Berg, Schülernr. 2020/0318", "STUDENT_ID", "A02"),
    ("Schülernr. 2021/0442 und 2021/0447\nR101 ist für die Nachprüfung reserviert", "STUDENT_ID", "R101"),
    ("Code | Note\nK11 | 2\nK12 | 3\nSchülernummer 2019-0345 gehört zu K12", "STUDENT_ID", "K12"),
    # a file reference: a running number and a year of two digits
    ("Unser Zeichen 0317/24 vom 03.02.2025", "PHONE_NUMBER", "0317/24"),
    ("siehe Bescheid 0521/19, Seite 2", "PHONE_NUMBER", "0521/19"),
    ("Vorgang 0412-25 ist erledigt", "PHONE_NUMBER", "0412-25"),
]


@pytest.mark.parametrize(("text", "kind", "surface"), NOT_TAKEN)
def test_round18o_not_taken(gate, text: str, kind: str, surface: str) -> None:
    assert not any(k == kind and surface in found for k, found in spans(gate, text))
