"""Reading user tables: delimiters, encodings, ragged rows, junk, GENESIS exports."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.privacy.tables.io import read_table


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_delimiter_is_detected(tmp_path, delimiter):
    text = delimiter.join(["Schule", "Klasse", "Anzahl"]) + "\n"
    text += "\n".join(delimiter.join(["GS Nord", f"{i}a", str(10 + i)]) for i in range(1, 6))
    loaded = read_table(write(tmp_path, "t.csv", text.encode()))
    assert list(loaded.frame.columns) == ["Schule", "Klasse", "Anzahl"]
    assert loaded.frame["Anzahl"].tolist() == ["11", "12", "13", "14", "15"]
    assert loaded.delimiter == delimiter


def test_quoted_commas_do_not_split_cells(tmp_path):
    text = 'Name,Ort,Anzahl\n"Kita Sonnenschein, Haus 2","Köln, Nord",12\n"Kita Mond",Bonn,3\n'
    frame = read_table(write(tmp_path, "t.csv", text.encode())).frame
    assert frame.iloc[0, 0] == "Kita Sonnenschein, Haus 2"
    assert frame.shape == (2, 3)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8", "utf-16"])
def test_encodings_keep_umlauts(tmp_path, encoding):
    text = "Straße;Schülerzahl;Größe\nMühlenweg;12;groß\nÖsterreicher Platz;3;klein\n"
    loaded = read_table(write(tmp_path, "t.csv", text.encode(encoding)))
    assert list(loaded.frame.columns) == ["Straße", "Schülerzahl", "Größe"]
    assert loaded.frame.iloc[1, 0] == "Österreicher Platz"


def test_short_rows_are_padded_and_reported_by_line(tmp_path):
    text = "Schule;Klasse;Anzahl\nGS Nord;1a;20\nGS Süd;1b\nGS Ost;1c;18\nGS West\n"
    loaded = read_table(write(tmp_path, "t.csv", text.encode()))
    assert loaded.padded_lines == [3, 5]
    assert len(loaded.frame) == 4  # nothing dropped
    assert loaded.frame.iloc[1]["Anzahl"] is None
    assert any("Zeilen 3, 5" in note for note in loaded.notes)


def test_rows_with_extra_values_are_refused_naming_the_lines(tmp_path):
    text = "Schule;Anzahl\nGS Nord;20\nGS Süd;12;7\nGS Ost;18\nGS West;3;4;5\n"
    with pytest.raises(InputError) as info:
        read_table(write(tmp_path, "t.csv", text.encode()))
    assert "Zeilen 3, 5" in info.value.message
    assert "mehr Werte als die Kopfzeile" in info.value.message


def test_trailing_empty_fields_are_not_an_error(tmp_path):
    text = "Schule;Anzahl;;\nGS Nord;20;;\nGS Süd;12;;\n"
    frame = read_table(write(tmp_path, "t.csv", text.encode())).frame
    assert list(frame.columns) == ["Schule", "Anzahl"]
    assert len(frame) == 2


@pytest.mark.parametrize("data", [b"", b"   \n\r\n", b"\xef\xbb\xbf"])
def test_empty_file_gives_german_message(tmp_path, data):
    with pytest.raises(InputError, match="ist leer"):
        read_table(write(tmp_path, "leer.csv", data))


def test_binary_junk_gives_german_message(tmp_path):
    junk = bytes(range(256)) * 40
    with pytest.raises(InputError, match="sieht nicht wie eine Tabelle aus") as info:
        read_table(write(tmp_path, "daten.csv", junk))
    assert "CSV" in info.value.hint


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="nicht gefunden"):
        read_table(tmp_path / "fehlt.csv")


def test_excel_without_openpyxl_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as on a machine without it
    path = write(tmp_path, "liste.xlsx", b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(InputError, match="openpyxl") as info:
        read_table(path)
    assert "CSV" in info.value.hint


def test_old_xls_is_refused_in_german(tmp_path):
    path = write(tmp_path, "liste.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(InputError, match="alte Excel-Datei"):
        read_table(path)


GENESIS_SYNTHETIC = """Tabelle: 99999-01-02-5
Kinder in Tageseinrichtungen nach Altersgruppen - Stichtag 01.03. -;;;;;;
regionale Tiefe: Gemeinden;;;;;;
;;;;Kinder in Tageseinrichtungen;Kinder in Tageseinrichtungen;Kinder in Tageseinrichtungen
;;;;unter 3 Jahre;3 bis unter 6 Jahre;Insgesamt
2024;05334002;  Aachen, Stadt;Gemeinde;1.234;4711,5;x
2024;05334004;  Alsdorf, Stadt;Gemeinde;.;-;311p
2024;05334008;  Eschweiler, Stadt;Gemeinde;(27);/;...
__________
"zu ""Insgesamt"":
Fußnote über
mehrere Zeilen"
"© Statistische Ämter des Bundes und der Länder, Deutschland, 2025."
Stand: 01.01.2025 / 10:00:00
"""


def test_genesis_with_other_header_depth_and_key_count(tmp_path):
    path = write(tmp_path, "99999.csv", GENESIS_SYNTHETIC.replace("1.234", "1234").encode("cp1252"))
    loaded = read_table(path)
    frame = loaded.frame
    assert loaded.source_format == "genesis"
    assert loaded.meta["code"] == "99999-01-02-5"
    assert loaded.meta["header_depth"] == 2
    assert list(frame.columns[:3]) == ["Jahr", "Regionalschlüssel", "Region"]
    assert "unter 3 Jahre" in frame.columns and "Insgesamt" in frame.columns
    assert frame["Regionalschlüssel"].tolist() == ["05334002", "05334004", "05334008"]
    assert frame["Region"].tolist()[0] == "Aachen, Stadt"
    assert frame["3 bis unter 6 Jahre"].tolist()[:2] == [4711.5, 0.0]  # '-' is exactly zero
    assert frame["3 bis unter 6 Jahre"].isna().tolist()[2]             # '/' is not reliable
    assert frame["unter 3 Jahre"].isna().tolist()[1]                   # '.' secret
    assert frame["unter 3 Jahre"].tolist()[2] == 27                    # '(27)' limited value
    assert frame["Insgesamt"].tolist()[1] == 311                       # '311p' provisional
    assert loaded.meta["symbols"]["x"] == 1 and loaded.meta["symbols"]["."] == 1
    assert len(frame) == 3  # the footer is no data


def test_real_genesis_files(shared_dir):
    folder = shared_dir / "data" / "regionalstatistik"
    school = read_table(folder / "21111-02-06-4.csv")
    assert school.meta["header_depth"] == 3
    frame = school.frame
    assert list(frame.columns[:4]) == ["Jahr", "Regionalschlüssel", "Region", "Ebene"]
    de = frame[frame["Regionalschlüssel"] == "DG"].iloc[0]
    assert de["Insgesamt"] == 782423
    assert de["Insgesamt | weiblich"] == 381434
    flensburg = frame[frame["Regionalschlüssel"] == "01001"].iloc[0]
    assert flensburg["Region"] == "Flensburg, kreisfreie Stadt"
    assert flensburg["Ebene"] == "Kreis"
    assert frame["Regionalschlüssel"].str.startswith("0").any()  # keys kept as text
    assert len(frame) == 538
    kita = read_table(folder / "22541-01-01-4.csv")
    assert kita.meta["header_depth"] == 4
    assert kita.meta["unit"] == "Anzahl"
    assert kita.frame.columns[0] == "Stichtag"
    kiel = kita.frame[kita.frame["Regionalschlüssel"] == "01002"].iloc[0]
    assert kiel["Tageseinrichtungen für Kinder | Insgesamt"] == 132
    assert kiel["Tageseinrichtungen für Kinder | Kinderkrippen"] == 2
    assert len(kita.meta["value_columns"]) == 11
