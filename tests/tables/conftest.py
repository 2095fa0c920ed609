"""Tables for the reader tests.

Real: the two exports in shared/data/regionalstatistik and the excerpts in tests/data/tables
(see its README). Made (layouts from shared/domain/indicators.md, Anhang 1, and shared/data/README;
values invented, so they are not statistics): the tables below, written to a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

EXCERPTS = Path(__file__).resolve().parents[1] / "data" / "tables"
LICENCE = ('"© Statistische Ämter des Bundes und der Länder, Deutschland, 2025.\n'
           'Dieses Werk ist lizenziert unter der Datenlizenz Deutschland\n'
           '- Namensnennung - Version 2.0."\n')

#: Made: the labour-market layout of 13211-02-05-4 (Jahresdurchschnitt, decimal comma, '.' for
#: Regierungsbezirk quotas, a Kreis that no longer exists as a row of '-', units row that differs
#: per column, '(…)' and 'p' flags).
MADE_13211 = (
    "Tabelle: 13211-02-05-4\n"
    "Arbeitslose nach ausgewählten Personengruppen sowie Arbeitslosenquoten -;;;;;;\n"
    "Jahresdurchschnitt - regionale Tiefe: Kreise und krfr. Städte;;;;;;\n"
    "Arbeitsmarktstatistik der Bundesagentur für Arbeit;;;;;;\n"
    ";;;Arbeitslose;Arbeitslose;Arbeitslosenquote bez. auf alle zivilen Erwerbspersonen;"
    "Arbeitslosenquote bez. auf alle zivilen Erwerbspersonen\n"
    ";;;Insgesamt;15 bis unter 25 Jahre;Insgesamt;15 bis unter 25 Jahre\n"
    ";;;Anzahl;Anzahl;Prozent;Prozent\n"
    "2023;DG;Deutschland;2608672p;219735;5,7;5,0\n"
    "2023;03;  Niedersachsen;245100;20512;5,8;...\n"
    "2023;031;    Braunschweig, Statistische Region;60123;5011;.;.\n"
    "2023;03152;      Göttingen (alt);-;-;-;-\n"
    "2023;03159;      Göttingen, Landkreis;9876;(812);6,4;5,9\n"
    "2023;05;  Nordrhein-Westfalen;721344;58000;7,2;6,0\n"
    "2023;05111;      Düsseldorf, krfr. Stadt;25678;1987;7,9;6,1\n"
    "__________\n"
    '"zu ""Arbeitslosenquote"":\nFür Regierungsbezirke werden keine Quoten berechnet."\n'
    + LICENCE + "Stand: 02.02.2025 / 10:11:12\n")

#: Made: several years in the body and a units row that differs per column (82411-01-03-4).
MADE_82411 = (
    "GENESIS-Tabelle: 82411-01-03-4\n"
    "Verfügbares Einkommen der privaten Haushalte einschl. privater;;;;\n"
    "Organisationen ohne Erwerbszweck - Jahressumme - regionale Tiefe: Kreise und krfr. Städte;;;;\n"
    "Volkswirtschaftliche Gesamtrechnungen der Länder;;;;\n"
    ";;;Verfügbares Einkommen;Verfügbares Einkommen je Einwohner\n"
    ";;;Tsd. EUR;EUR\n"
    "2020;DG;Deutschland;1975432100;23752\n"
    "2020;05;  Nordrhein-Westfalen;418765432;23364\n"
    "2020;05111;      Düsseldorf, krfr. Stadt;16543210;26678\n"
    "2021;DG;Deutschland;2012345600;24198\n"
    "2021;05;  Nordrhein-Westfalen;425678901;23745\n"
    "2021;05111;      Düsseldorf, krfr. Stadt;16876543;27219\n"
    "__________\n" + LICENCE + "Stand: 01.03.2024 / 08:00:00\n")

#: Made: two further row dimensions (Schulart, Geschlecht), the school year as time, 'x' where a
#: number makes no sense (schools by sex), the units row the same over all columns.
MADE_21111_01 = (
    "GENESIS-Tabelle: 21111-01-03-4\n"
    "Schulen, Schüler/-innen nach Schularten und Geschlecht - Schuljahr -;;;;;;\n"
    "regionale Tiefe: Kreise und krfr. Städte;;;;;;\n"
    "Statistik der allgemeinbildenden Schulen;;;;;;\n"
    ";;;;;Schulen;Schüler/-innen\n"
    ";;;;;Anzahl;Anzahl\n"
    "2023/24;05111;Düsseldorf, krfr. Stadt;Grundschulen;Insgesamt;95;25010\n"
    "2023/24;05111;Düsseldorf, krfr. Stadt;Grundschulen;weiblich;x;12300\n"
    "2023/24;05111;Düsseldorf, krfr. Stadt;Gymnasien;Insgesamt;24;21000\n"
    "2023/24;05111;Düsseldorf, krfr. Stadt;Gymnasien;weiblich;x;10900\n"
    "2023/24;05112;Duisburg, krfr. Stadt;Grundschulen;Insgesamt;80;21500\n"
    "2023/24;05112;Duisburg, krfr. Stadt;Grundschulen;weiblich;x;10400\n"
    "2023/24;05112;Duisburg, krfr. Stadt;Gymnasien;Insgesamt;17;14000\n"
    "2023/24;05112;Duisburg, krfr. Stadt;Gymnasien;weiblich;x;7300\n"
    "__________\n" + LICENCE + "Stand: 05.05.2025 / 12:00:00\n")

#: Made: Gemeinde level (-5) with 8-digit keys beside the Kreis, the date as time, one value
#: column, a symbol explained only in the footer ('•').
MADE_12411_5 = (
    "Tabelle: 12411-01-01-5\n"
    "Bevölkerung nach Gemeinden - Stichtag 31.12. - regionale Tiefe: Gemeinden;;;\n"
    "Fortschreibung des Bevölkerungsstandes;;;\n"
    "Bevölkerung (Anzahl);;;\n"
    ";;;Insgesamt\n"
    "31.12.2023;05334;  Städteregion Aachen, Kreis;560000\n"
    "31.12.2023;05334002;    Aachen, Stadt;250000\n"
    "31.12.2023;05334004;    Alsdorf, Stadt;•\n"
    "31.12.2023;05334008;    Eschweiler, Stadt;56000\n"
    "__________\n"
    '"Zeichenerklärung:\n• = Wert wird nachgeliefert"\n'
    + LICENCE + "Stand: 10.06.2024 / 09:00:00\n")

#: Made: the German GENESIS flat format with one column per value variable and a quality column.
MADE_FLAT_DE = (
    "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;"
    "1_Auspraegung_Code;1_Auspraegung_Label;2_Merkmal_Code;2_Merkmal_Label;2_Auspraegung_Code;"
    "2_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl;BEVSTD__Bevoelkerungsstand__Anzahl_q\n"
    "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;DINSG;Deutschland insgesamt;"
    "DG;Deutschland;GES;Geschlecht;GESM;männlich;41000000;e\n"
    "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;DINSG;Deutschland insgesamt;"
    "DG;Deutschland;GES;Geschlecht;GESW;weiblich;42500000;e\n"
    "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;DLAND;Bundesländer;"
    "05;Nordrhein-Westfalen;GES;Geschlecht;GESM;männlich;8900000;e\n"
    "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.2023;DLAND;Bundesländer;"
    "05;Nordrhein-Westfalen;GES;Geschlecht;GESW;weiblich;.;e\n")


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """The made tables as files: cp1252 (as the Regionaldatenbank writes) or UTF-8 (flat)."""
    folder = tmp_path_factory.mktemp("made")
    files = {"13211": ("13211-02-05-4.csv", MADE_13211, "cp1252"),
             "82411": ("82411-01-03-4.csv", MADE_82411, "utf-8"),
             "21111-01": ("21111-01-03-4.csv", MADE_21111_01, "cp1252"),
             "12411-5": ("12411-01-01-5.csv", MADE_12411_5, "utf-8-sig"),
             "flat-de": ("12411-0001_flat.csv", MADE_FLAT_DE, "utf-8")}
    out = {}
    for key, (name, text, encoding) in files.items():
        path = folder / name
        path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
        out[key] = path
    return out


@pytest.fixture(scope="session")
def made_xlsx(tmp_path_factory) -> Path:
    """Made: a GENESIS block export as .xlsx; numbers stored as numbers, one region key stored as
    a number (leading zero lost, as Excel does), spanning header cells merged (empty)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["GENESIS-Tabelle: 22543-01-03-4"],
        ["Kinder in Tagesbetreuung nach Altersgruppen - Stichtag 01.03. - regionale Tiefe: Kreise und krfr. Städte"],
        ["Statistik der Kinder und tätigen Personen in Tageseinrichtungen"],
        [None, None, None, "Kinder in Tageseinrichtungen", None, None],
        [None, None, None, "unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt"],
        [2024, "DG", "Deutschland", 690000, 2100000, 2790000],
        [2024, "01", "  Schleswig-Holstein", 25000, 76000.5, 101000],
        [2024, 1001, "    Flensburg, kreisfreie Stadt", 1100, "-", "x"],
        [2024, "01002", "    Kiel, kreisfreie Stadt", ".", 6500, 9000],
        ["__________"],
        [("© Statistische Ämter des Bundes und der Länder, Deutschland, 2025. Dieses Werk ist "
          "lizenziert unter der Datenlizenz Deutschland - Namensnennung - Version 2.0.")],
        ["Stand: 01.06.2025 / 10:00:00"],
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path_factory.mktemp("xlsx") / "22543-01-03-4.xlsx"
    book.save(path)
    return path
