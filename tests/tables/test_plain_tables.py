"""A user's own tables: one header row, any delimiter, decimal comma or point, CSV or XLSX."""

from __future__ import annotations

import math

import pytest

from assistant.tables import read_table

SEMICOLON_COMMA = ("AGS;Gemeinde;Jahr;Schüler;Quote\n"
                   "05111000;Düsseldorf;2023;1.234;7,9\n"
                   "05113000;Essen;2023;987;.\n"
                   "DG;Deutschland;2023;700.123;6,5\n")
COMMA_POINT = ('Regionalschlüssel,Kreis,Jahr,Anzahl,Anteil\n'
               '"01001","Flensburg",2022,1059,8.5\n'
               '"01002","Kiel",2022,"1,959",10.72\n')
TAB = "ags\tname\tstichtag\tkinder\n03241001\tHannover\t01.03.2024\t12345\n03152\tGöttingen\t01.03.2024\t-\n"


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolon_decimal_comma_thousands_dot_leading_zeros(tmp_path):
    table = read_table(write(tmp_path, "schulen.csv", SEMICOLON_COMMA, "cp1252"))
    meta = table.meta
    assert meta.layout == "plain" and meta.delimiter == ";" and meta.decimal == ","
    assert meta.columns == ("Schüler", "Quote")
    wide = table.wide()
    assert wide["Regionalschlüssel"].tolist() == ["05111000", "05113000", "DG"]
    assert wide["Ebene"].tolist() == ["Gemeinde", "Gemeinde", "Bund"]
    assert wide["Schüler"].tolist() == [1234, 987, 700123]
    assert wide["Quote"].tolist()[0] == pytest.approx(7.9) and wide["Quote"].isna().tolist()[1]
    assert table.summary()["symbols"] == {".": 1} and table.summary()["years"] == [2023]


def test_comma_delimiter_decimal_point_quoted_keys(tmp_path):
    table = read_table(write(tmp_path, "d15.csv", COMMA_POINT))
    assert table.meta.delimiter == "," and table.meta.decimal == "."
    wide = table.wide()
    assert list(wide.columns) == ["Jahr", "Regionalschlüssel", "Region", "Ebene", "Anzahl", "Anteil"]
    assert wide["Regionalschlüssel"].tolist() == ["01001", "01002"]
    assert wide["Anzahl"].tolist() == [1059, 1959]  # "1,959" with decimal point: thousands
    assert wide["Anteil"].tolist() == [8.5, 10.72]


def test_tab_delimited_with_dates(tmp_path):
    table = read_table(write(tmp_path, "kita.tsv", TAB))
    assert table.meta.delimiter == "\t" and table.meta.time_kind == "date"
    tidy = table.tidy
    assert tidy["time"].tolist() == ["01.03.2024", "01.03.2024"] and tidy["year"].tolist() == [2024, 2024]
    assert tidy["region_key"].tolist() == ["03241001", "03152"]
    goettingen = tidy.iloc[1]
    assert math.isnan(goettingen.value) and goettingen.symbol == "-"  # the region's only cell is '-'


def test_plain_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Regionalschlüssel", "Kreis", "Schulart", "Jahr", "Schüler"],
                ["05111", "Düsseldorf", "Grundschule", 2023, 25010],
                ["05111", "Düsseldorf", "Gymnasium", 2023, 21000.5],
                ["05112", "Duisburg", "Grundschule", 2023, "x"]):
        sheet.append(row)
    path = tmp_path / "eigene.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.meta.source_format == "xlsx" and table.meta.layout == "plain"
    assert table.meta.row_dimensions == ("Schulart",)
    wide = table.wide()
    assert wide["Regionalschlüssel"].tolist() == ["05111", "05111", "05112"]
    assert wide["Schulart"].tolist() == ["Grundschule", "Gymnasium", "Grundschule"]
    assert wide["Schüler"].tolist()[:2] == [25010, 21000.5] and wide["Schüler"].isna().tolist()[2]
    assert table.summary()["n_rows"] == 3 and table.summary()["regions"] == 2


def test_utf16_and_utf8_bom(tmp_path):
    for encoding in ("utf-16", "utf-8-sig"):
        table = read_table(write(tmp_path, f"t-{encoding}.csv", SEMICOLON_COMMA, encoding))
        assert table.wide()["Regionalschlüssel"].iloc[0] == "05111000", encoding
        assert "Schüler" in table.meta.columns
