"""One cell: the symbol semantics carried over from the catalogue's GENESIS reader."""

from __future__ import annotations

import math

import pytest

from assistant.tables import parse_value, read_text, region_level
from assistant.tables.cells import time_label


@pytest.mark.parametrize("cell, value, symbol", [
    ("-", 0.0, "-"), (".", math.nan, "."), ("x", math.nan, "x"), ("...", math.nan, "..."),
    ("…", math.nan, "..."), ("/", math.nan, "/"), ("-5", -5.0, ""), ("1234", 1234.0, ""),
    ("12,5", 12.5, ""), ("3 r", 3.0, "r"), ("(12)", 12.0, "()"), ("311p", 311.0, "p"),
    ("7,9s", 7.9, "s"), ("1.234,5", 1234.5, ""), ("", math.nan, ""), ("?", math.nan, "?"),
])
def test_parse_value(cell, value, symbol):
    got, sym = parse_value(cell)
    assert sym == symbol
    assert (math.isnan(got) and math.isnan(value)) or got == value


def test_dash_is_missing_when_the_region_did_not_exist():
    assert math.isnan(parse_value("-", region_is_empty=True)[0])


@pytest.mark.parametrize("key, level", [
    ("DG", "Bund"), ("05", "Land"), ("031", "Regierungsbezirk"), ("05111", "Kreis"),
    ("05334002", "Gemeinde"), ("053340002", "Gemeindeverband"), ("053340002002", "Gemeinde"),
    ("Düsseldorf", ""), ("", ""),
])
def test_region_level(key, level):
    assert region_level(key) == level


@pytest.mark.parametrize("text, expected", [
    ("2023", ("year", 2023)), ("2023/24", ("school_year", 2023)), ("31.12.2002", ("date", 2002)),
    ("WS 2023/24", ("semester", 2023)), ("SoSe 2024", ("semester", 2024)),
    ("Jahresdurchschnitt 2023", ("period", 2023)), ("05111", None), ("Insgesamt", None),
])
def test_time_label(text, expected):
    assert time_label(text) == expected


def test_generic_genesis_text_utf8_flags_and_vanished_region():
    table = read_text(
        "Tabelle: 99999-01-01-4\nTestquote;;\n"
        ";;;Quote;Anzahl\n;;;%;Anzahl\n"
        "2023;05;  Nordrhein-Westfalen;7,9;(12)\n"
        "2023;05111;    Düsseldorf, Stadt;6,5p;/\n"
        "2023;03152;    Göttingen (alt);-;-\n"
        "__________\n\"Fußnote mit\n2023;99;Zeilenumbruch\"\nStand: 01.01.2024\n", name="t.csv")
    assert table.meta.header_depth == 2 and len(table.tidy) == 6
    row = table.tidy.set_index(["region_key", "header_1"])
    assert row.loc[("05", "Quote"), "value"] == pytest.approx(7.9)
    assert row.loc[("05", "Anzahl"), "symbol"] == "()" and row.loc[("05", "Anzahl"), "value"] == 12
    assert row.loc[("05111", "Quote"), "value"] == pytest.approx(6.5)
    assert row.loc[("05111", "Quote"), "region_name"] == "Düsseldorf, Stadt"
    assert math.isnan(row.loc[("05111", "Anzahl"), "value"])
    assert math.isnan(row.loc[("03152", "Quote"), "value"])  # whole region '-': did not exist
    assert table.meta.stand == "01.01.2024"
    assert table.meta.footnotes == ("Fußnote mit\n2023;99;Zeilenumbruch",)
