"""GENESIS/Regionaldatenbank tables of many layouts, read right.

Expected values were read off the files by hand (a text editor, not the reader); symbol counts
were counted with awk over the body lines of the real files.
"""

from __future__ import annotations

import math

import pytest

from assistant.tables import read_table
from tests.conftest import SHARED

from .conftest import EXCERPTS

REGIONALSTATISTIK = SHARED / "data" / "regionalstatistik"


def cell(table, key, column, **rows):
    """The tidy row of one region, value column and (optionally) further row dimensions."""
    tidy = table.tidy
    mask = (tidy["region_key"] == key) & (tidy["column"] == column)
    for col, label in rows.items():
        mask &= tidy[col] == label
    hit = tidy[mask]
    assert len(hit) == 1, (key, column, rows, len(hit))
    return hit.iloc[0]


def _real(name: str):
    if not REGIONALSTATISTIK.is_dir():
        pytest.skip("shared/data/regionalstatistik not found beside the repository")
    return read_table(REGIONALSTATISTIK / name)


@pytest.fixture(scope="module")
def school():
    return _real("21111-02-06-4.csv")


@pytest.fixture(scope="module")
def kita():
    return _real("22541-01-01-4.csv")


def test_real_21111_metadata(school):
    meta = school.meta
    assert meta.table_code == "21111-02-06-4" and meta.layout == "genesis"
    assert meta.title.startswith("Absolvierende/Abgehende allgemeinbildender Schulen nach Geschlecht")
    assert meta.stichtag == "Schuljahr"
    assert meta.header_depth == 3 and meta.encoding == "cp1252" and meta.unit == "Anzahl"
    assert "Datenlizenz Deutschland - Namensnennung - Version 2.0" in meta.licence
    assert meta.stand == "13.03.2025 / 16:40:08"
    assert len(meta.footnotes) == 7 and meta.footnotes[0].startswith('zu "gesamte Tabelle"')
    assert not any("Statistische Ämter" in f for f in meta.footnotes)


def test_real_21111_values_symbols_and_levels(school):
    summary = school.summary()
    assert summary["n_rows"] == 538 and summary["regions"] == 538 and summary["years"] == [2023]
    assert summary["symbols"] == {"-": 1955, "x": 114, ".": 102}  # awk over the body lines
    flensburg = cell(school, "01001", "ohne Hauptschulabschluss | Insgesamt")
    assert flensburg.value == 90 and flensburg.region_name == "Flensburg, kreisfreie Stadt"
    assert flensburg.level == "Kreis" and flensburg.time == "2023" and flensburg.year == 2023
    de = cell(school, "DG", "Insgesamt")
    assert de.value == 782423 and de.level == "Bund" and de.region_name == "Deutschland"
    kiel_fh = cell(school, "01002", "mit Fachhochschulreife | Insgesamt")
    assert kiel_fh.value == 0 and kiel_fh.symbol == "-"                     # '-' is exactly zero
    goettingen_alt = cell(school, "03152", "Insgesamt")
    assert math.isnan(goettingen_alt.value) and goettingen_alt.symbol == "-"  # Kreis gone
    braunschweig = cell(school, "031", "dar. schulischer Teil der Fachhochschulreife | Insgesamt")
    assert braunschweig.level == "Regierungsbezirk" and braunschweig.value == 581
    assert math.isnan(cell(school, "031", "mit Fachhochschulreife | Insgesamt").value)
    levels = school.wide()["Ebene"].value_counts().to_dict()
    assert levels == {"Kreis": 471, "Regierungsbezirk": 35, "Land": 16, "Gemeinde": 15, "Bund": 1}
    assert school.wide()["Regionalschlüssel"].iloc[1] == "01"  # leading zero kept


def test_real_22541_date_and_four_header_rows(kita):
    assert kita.meta.header_depth == 4 and kita.meta.time_kind == "date"
    assert kita.meta.stichtag == "Stichtag 31.12."
    summary = kita.summary()
    assert summary["n_rows"] == 538 and summary["years"] == [2002]
    assert summary["symbols"] == {"-": 1006}
    assert set(kita.tidy["time"]) == {"31.12.2002"}  # the date in a footnote is no body line
    assert cell(kita, "01002", "Tageseinrichtungen für Kinder | Kinderkrippen").value == 2
    krippe = cell(kita, "01001", "Tageseinrichtungen für Kinder | Kinderkrippen")
    assert krippe.value == 0 and krippe.symbol == "-"
    assert cell(kita, "DG", "Verfügbare Plätze | Insgesamt").value == 3142497
    assert kita.wide().columns[0] == "Stichtag"


def test_real_excerpt_2024_b_edition():
    table = read_table(EXCERPTS / "21111-02-06-4-B.excerpt.csv")
    assert table.meta.table_code == "21111-02-06-4-B" and table.meta.encoding == "cp1252"
    assert "ohne Ersten Schulabschluss | Insgesamt" in table.meta.columns
    assert table.summary()["symbols"] == {"-": 26, ".": 8, "x": 4}
    assert table.summary()["n_rows"] == 16 and table.summary()["regions"] == 16
    assert cell(table, "01001", "ohne Ersten Schulabschluss | Insgesamt").value == 108
    assert cell(table, "03241001", "Insgesamt").level == "Gemeinde"
    assert cell(table, "02000", "mit Fachhochschulreife | Insgesamt").value == 0
    assert math.isnan(cell(table, "03152", "Insgesamt").value)
    assert math.isnan(cell(table, "06432", "mit Fachhochschulreife | weiblich").value)
    assert cell(table, "05711", "mit Fachhochschulreife | Insgesamt").value == 5
    assert table.meta.licence.startswith("© Statistische Ämter des Bundes und der Länder")


def test_real_excerpt_without_time_column_and_a_row_dimension():
    table = read_table(EXCERPTS / "21311-01-01-4-B.excerpt.csv")
    meta = table.meta
    assert meta.encoding == "utf-8-sig" and meta.time_in_header and meta.time_kind == "semester"
    assert meta.header_depth == 3 and len(meta.columns) == 9
    summary = table.summary()
    assert summary["n_rows"] == 30 and summary["regions"] == 3 and summary["years"] == [2023]
    assert summary["symbols"] == {"-": 169}
    assert set(table.tidy["time"]) == {"WS 2023/24"}
    total = cell(table, "01001", "Insgesamt", row_1="Insgesamt")
    assert total.value == 9129
    assert cell(table, "01051", "Insgesamt", row_1="Ingenieurwissenschaften").value == 225
    assert cell(table, "01001", "weiblich | ausländisch", row_1="Sport").value == 0  # region has values
    assert math.isnan(cell(table, "01004", "Insgesamt", row_1="Insgesamt").value)  # all '-'
    wide = table.wide()
    assert list(wide.columns[:5]) == ["Semester", "Regionalschlüssel", "Region", "Ebene", "Merkmal 1"]


def test_real_excerpt_flat_format():
    table = read_table(EXCERPTS / "21321-01-01-4_flat.excerpt.csv")
    assert table.meta.layout == "genesis-flat" and table.meta.unit == "Anzahl"
    assert table.meta.title == "Statistik der Prüfungen"
    summary = table.summary()
    assert summary["n_rows"] == 17 and summary["regions"] == 17 and summary["years"] == [2023]
    assert summary["symbols"] == {"-": 2, ".": 1}
    assert cell(table, "07312", "Insgesamt").value == 3172
    assert cell(table, "07312", "Humanmedizin/Gesundheitswissenschaften | Insgesamt").value == 113
    berlin = cell(table, "11010010", "Humanmedizin/Gesundheitswissenschaften | Insgesamt")
    assert math.isnan(berlin.value) and berlin.symbol == "." and berlin.region_name == "Berlin-Marzahn-Hellersdorf"
    assert cell(table, "05954", "Rechts-, Wirtschafts- und Sozialwissenschaften | weiblich").value == 138


def test_made_labour_market_table_decimal_comma_and_flags(made):
    table = read_table(made["13211"])
    assert table.meta.stichtag == "Jahresdurchschnitt" and table.meta.table_code == "13211-02-05-4"
    quote = "Arbeitslosenquote bez. auf alle zivilen Erwerbspersonen | Insgesamt | Prozent"
    assert cell(table, "05111", quote).value == pytest.approx(7.9)
    assert math.isnan(cell(table, "031", quote).value) and cell(table, "031", quote).symbol == "."
    de = cell(table, "DG", "Arbeitslose | Insgesamt | Anzahl")
    assert de.value == 2608672 and de.symbol == "p"
    young = cell(table, "03159", "Arbeitslose | 15 bis unter 25 Jahre | Anzahl")
    assert young.value == 812 and young.symbol == "()"
    assert math.isnan(cell(table, "03152", "Arbeitslose | Insgesamt | Anzahl").value)
    assert table.summary()["symbols"] == {"-": 4, ".": 2, "p": 1, "...": 1, "()": 1}
    assert table.wide()["Ebene"].tolist()[:3] == ["Bund", "Land", "Regierungsbezirk"]


def test_made_table_with_several_years(made):
    table = read_table(made["82411"])
    summary = table.summary()
    assert summary["years"] == [2020, 2021] and summary["n_rows"] == 6 and summary["regions"] == 3
    assert table.meta.encoding == "utf-8"
    wide = table.wide()
    row = wide[(wide["Jahr"] == "2021") & (wide["Regionalschlüssel"] == "05111")].iloc[0]
    assert row["Verfügbares Einkommen je Einwohner | EUR"] == 27219


def test_made_table_with_two_row_dimensions_and_school_year(made):
    table = read_table(made["21111-01"])
    assert table.meta.time_kind == "school_year" and table.row_columns == ["row_1", "row_2"]
    summary = table.summary()
    assert summary["n_rows"] == 8 and summary["regions"] == 2 and summary["years"] == [2023]
    assert summary["symbols"] == {"x": 4} and table.meta.unit == "Anzahl"
    assert cell(table, "05112", "Schüler/-innen", row_1="Gymnasien", row_2="Insgesamt").value == 14000
    schools = cell(table, "05111", "Schulen", row_1="Grundschulen", row_2="weiblich")
    assert math.isnan(schools.value) and schools.symbol == "x"
    assert table.wide()["Schuljahr"].iloc[0] == "2023/24"


def test_made_gemeinde_table_with_footer_symbol(made):
    table = read_table(made["12411-5"])
    assert table.meta.symbol_legend == {"•": "Wert wird nachgeliefert"}
    assert table.meta.encoding == "utf-8-sig"
    assert cell(table, "05334002", "Insgesamt").level == "Gemeinde"
    alsdorf = cell(table, "05334004", "Insgesamt")
    assert math.isnan(alsdorf.value) and alsdorf.symbol == "•"
    assert table.summary()["columns"] == ["Insgesamt"]


def test_made_flat_format_german(made):
    table = read_table(made["flat-de"])
    assert table.meta.layout == "genesis-flat" and table.meta.unit == "Anzahl"
    assert table.meta.columns == ("männlich", "weiblich")
    assert cell(table, "DG", "weiblich").value == 42500000 and cell(table, "DG", "weiblich").level == "Bund"
    assert math.isnan(cell(table, "05", "weiblich").value)
    assert table.summary()["years"] == [2023]


def test_made_xlsx_export(made_xlsx):
    table = read_table(made_xlsx)
    meta = table.meta
    assert meta.source_format == "xlsx" and meta.table_code == "22543-01-03-4"
    assert meta.columns == ("unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt")
    assert cell(table, "01001", "unter 3 Jahre").value == 1100  # Excel's number 1001 -> "01001"
    assert cell(table, "01", "3 bis unter 6 Jahre").value == 76000.5
    assert cell(table, "01001", "3 bis unter 6 Jahre").value == 0
    assert table.summary()["symbols"] == {"-": 1, "x": 1, ".": 1}
    assert meta.licence and meta.stand == "01.06.2025 / 10:00:00"


def test_extract_for_a_catalogue_contract(school):
    wide = school.extract({"ohne": {"header_2": "ohne Hauptschulabschluss", "header_3": "Insgesamt"},
                           "alle": {"header_2": "Insgesamt", "header_3": "Insgesamt"}})
    flensburg = wide.set_index("region").loc["01001"]
    assert (flensburg["ohne"], flensburg["alle"], flensburg["jahr"]) == (90, 1059, 2023)


def test_made_table_with_years_in_the_top_header_row():
    """Made: no time column, two years side by side in the header (a layout of Land tables)."""
    from assistant.tables import read_text

    table = read_text(
        "Tabelle: 12345-01-01-4\nTestbestand - Stichtag 31.12. - regionale Tiefe: Kreise;;;;;\n"
        ";;2021;2021;2022;2022\n;;Insgesamt;weiblich;Insgesamt;weiblich\n"
        "DG;Deutschland;100;50;110;55\n05111;  Düsseldorf;10;-;11;(6)\n05112;  Duisburg;-;-;-;-\n",
        name="made.csv")
    summary = table.summary()
    assert summary["columns"] == ["Insgesamt", "weiblich"] and summary["years"] == [2021, 2022]
    assert summary["n_rows"] == 6 and summary["regions"] == 3
    wide = table.wide().set_index(["Jahr", "Regionalschlüssel"])
    assert wide.loc[("2022", "DG"), "Insgesamt"] == 110
    assert wide.loc[("2021", "05111"), "weiblich"] == 0          # '-' beside values: zero
    assert wide.loc[("2022", "05111"), "weiblich"] == 6          # '(6)'
    assert wide.loc[("2022", "05112"), ["Insgesamt", "weiblich"]].isna().all()  # only '-'


def test_made_genesis_online_table_without_regions():
    """Made: a GENESIS-Online (Destatis) layout: no region column, Schulart and Geschlecht as row
    labels, the school years side by side under a constant 'Schuljahr' header row."""
    from assistant.tables import read_text

    table = read_text(
        "GENESIS-Tabelle: 21111-0002\n"
        "Allgemeinbildende Schulen: Deutschland, Schuljahre, Schularten, Geschlecht;;;\n"
        "Statistik der allgemeinbildenden Schulen;;;\nDeutschland;;;\nSchüler/-innen (Anzahl);;;\n"
        ";;Schuljahr;Schuljahr\n;;2022/23;2023/24\n"
        "Grundschulen;männlich;1602000;1630000\nGrundschulen;weiblich;1540000;1566000\n"
        "Gymnasien;männlich;1120000;1130000\nGymnasien;weiblich;1210000;...\n"
        "__________\n\"© Statistisches Bundesamt (Destatis), 2025\"\nStand: 20.05.2025 / 11:00:00\n",
        name="made-online.csv")
    summary = table.summary()
    assert summary["years"] == [2022, 2023] and summary["regions"] == 0 and summary["n_rows"] == 8
    assert summary["symbols"] == {"...": 1} and table.meta.time_kind == "school_year"
    assert table.meta.licence == "© Statistisches Bundesamt (Destatis), 2025"
    wide = table.wide()
    assert list(wide.columns) == ["Schuljahr", "Merkmal 1", "Merkmal 2", "Schüler/-innen"]
    row = wide[(wide["Schuljahr"] == "2023/24") & (wide["Merkmal 1"] == "Gymnasien")
               & (wide["Merkmal 2"] == "männlich")].iloc[0]
    assert row["Schüler/-innen"] == 1130000 and table.meta.unit == "Anzahl"
