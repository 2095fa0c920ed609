"""The GENESIS/Regionaldatenbank reader: header depth, keys as text, special symbols, footers."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.catalogue.genesis import parse_value, read_genesis_csv
from assistant.errors import InputError


def test_reads_21111_with_three_header_lines(shared_dir):
    df = read_genesis_csv(shared_dir / "data" / "regionalstatistik" / "21111-02-06-4.csv")
    assert df.attrs["table"] == "21111-02-06-4" and df.attrs["header_depth"] == 3
    flensburg = df[(df.regionalschluessel == "01001") & (df.kopf_2 == "ohne Hauptschulabschluss")
                   & (df.kopf_3 == "Insgesamt")]
    assert flensburg.iloc[0].region == "Flensburg, kreisfreie Stadt"
    assert flensburg.iloc[0].wert == 90 and flensburg.iloc[0].ebene == "Kreis"
    assert set(df.zeichen) >= {"-", ".", "x"}
    assert df[df.zeichen == "."].wert.isna().all() and df[df.zeichen == "x"].wert.isna().all()
    assert "Stand" not in set(df.zeit)  # footer not read as data


def test_reads_22541_with_four_header_lines_and_dates(shared_dir):
    df = read_genesis_csv(shared_dir / "data" / "regionalstatistik" / "22541-01-01-4.csv")
    assert df.attrs["header_depth"] == 4 and df.attrs["table"] == "22541-01-01-4"
    assert set(df.jahr) == {2002} and set(df.zeit) == {"31.12.2002"}  # footnote date ignored
    krippen = df[(df.regionalschluessel == "01001") & (df.kopf_3 == "Kinderkrippen")]
    assert krippen.iloc[0].wert == 0.0 and krippen.iloc[0].zeichen == "-"


def test_generic_file_utf8_decimal_comma_flags_and_vanished_region(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Tabelle: 99999-01-01-4\nTestquote;;\n"
        ";;;Quote;Anzahl\n;;;%;Anzahl\n"
        "2023;05;  Nordrhein-Westfalen;7,9;(12)\n"
        "2023;05111;    Düsseldorf, Stadt;6,5p;/\n"
        "2023;03152;    Göttingen (alt);-;-\n"
        "__________\n\"Fußnote mit\n2023;99;Zeilenumbruch\"\nStand: 01.01.2024\n",
        encoding="utf-8")
    df = read_genesis_csv(path)
    assert df.attrs["header_depth"] == 2 and len(df) == 6
    row = df.set_index(["regionalschluessel", "kopf_1"])
    assert row.loc[("05", "Quote"), "wert"] == pytest.approx(7.9)
    assert row.loc[("05", "Anzahl"), "zeichen"] == "()" and row.loc[("05", "Anzahl"), "wert"] == 12
    assert row.loc[("05111", "Quote"), "wert"] == pytest.approx(6.5)
    assert row.loc[("05111", "Quote"), "region"] == "Düsseldorf, Stadt"
    assert math.isnan(row.loc[("05111", "Anzahl"), "wert"])
    assert math.isnan(row.loc[("03152", "Quote"), "wert"])  # whole row '-': region did not exist


@pytest.mark.parametrize("cell, value, symbol", [
    ("-", 0.0, "-"), (".", math.nan, "."), ("x", math.nan, "x"), ("...", math.nan, "..."),
    ("-5", -5.0, ""), ("1234", 1234.0, ""), ("12,5", 12.5, ""), ("3 r", 3.0, "r"),
])
def test_parse_value(cell, value, symbol):
    got, sym = parse_value(cell)
    assert sym == symbol
    assert (math.isnan(got) and math.isnan(value)) or got == value


def test_file_without_data_lines_is_explained(tmp_path: Path):
    path = tmp_path / "leer.csv"
    path.write_text("statistics_code;value\n21321;5\n", encoding="utf-8")
    with pytest.raises(InputError, match="keine Datenzeilen"):
        read_genesis_csv(path)
