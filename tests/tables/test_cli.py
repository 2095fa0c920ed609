"""`lotse data inspect|tidy` and the service methods behind them, including bad input."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli, main
from assistant.errors import InputError
from tests.conftest import SHARED

from .conftest import EXCERPTS

REAL = SHARED / "data" / "regionalstatistik" / "21111-02-06-4.csv"



def run(*args: str):
    return CliRunner().invoke(cli, ["data", *args], catch_exceptions=False)


def test_inspect_json(env, shared_dir):
    result = run("inspect", str(REAL), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["table_code"] == "21111-02-06-4"
    assert data["n_rows"] == 538 and data["regions"] == 538 and data["years"] == [2023]
    assert data["symbols"] == {"-": 1955, "x": 114, ".": 102}
    assert "ohne Hauptschulabschluss | Insgesamt" in data["columns"]
    assert data["title"].startswith("Absolvierende/Abgehende")


def test_inspect_text_is_german(env):
    result = run("inspect", str(EXCERPTS / "21311-01-01-4-B.excerpt.csv"))
    assert result.exit_code == 0, result.output
    assert "Tabelle 21311-01-01-4-B" in result.output
    assert "Datenzeilen: 30 (je Zeit × Region × Merkmal 1); Regionen: 3; Jahre: 2023" in result.output
    assert "'-' 169-mal (nichts vorhanden, als 0 gelesen)" in result.output
    assert "Datenlizenz Deutschland" in result.output


def test_tidy_writes_long_csv_with_keys_as_text(env):
    out = env / "lang.csv"
    result = run("tidy", str(EXCERPTS / "21111-02-06-4-B.excerpt.csv"), "-o", str(out))
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 16 * 14
    flensburg = next(r for r in rows if r["region_key"] == "01001" and r["column"] == "Insgesamt")
    assert flensburg["value"] == "1107.0" and flensburg["level"] == "Kreis"
    hessen = next(r for r in rows if r["region_key"] == "06432" and r["column"] == "mit Fachhochschulreife | Insgesamt")
    assert hessen["value"] == "" and hessen["symbol"] == "x"


def test_service_methods(settings, tmp_path):
    from assistant.service import Lotse

    lotse = Lotse(settings)
    summary = lotse.inspect_table(EXCERPTS / "21321-01-01-4_flat.excerpt.csv")
    assert summary.layout == "genesis-flat" and summary.regions == 17
    result = lotse.tidy_table(EXCERPTS / "21321-01-01-4_flat.excerpt.csv", tmp_path / "t.csv")
    assert result.n_values == 18 and (tmp_path / "t.csv").is_file()


BAD = {
    "prosa.txt": (b"Liebe Eltern,\nam Montag beginnt die Projektwoche.\nViele Gr\xc3\xbc\xc3\x9fe\n",
                  "sieht nicht wie eine Tabelle aus"),
    "bericht.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF-Dokument"),
    "bild.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "Binärdaten"),
    "leer.csv": (b"", "leer"),
    "nur-leerzeilen.csv": (b"\r\n\r\n  \r\n", "leer"),
    "ohne-zahlen.csv": (b"Name;Klasse\nAnna;4a\nBen;4b\n", "keine Spalte mit Zahlen"),
    "kopf-ohne-daten.csv": ("Tabelle: 12345-01-01-4\nTitel;;\n;;;A;B\n".encode("cp1252"),
                            "keine Datenzeilen"),
    "alt.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "alte Excel-Datei"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_german_message_exit_code_nothing_written(env, name, capsys):
    content, message = BAD[name]
    work = env / "work"
    work.mkdir()
    path = work / name
    path.write_bytes(content)
    out = work / "out.csv"
    for args in (["data", "inspect", str(path)], ["data", "tidy", str(path), "-o", str(out)]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == InputError.exit_code
        assert message in capsys.readouterr().err
    assert not out.exists()
    assert sorted(p.name for p in work.iterdir()) == [name]  # no temporary file left behind


def test_missing_file_and_folder(env, capsys):
    for target, message in ((env / "fehlt.csv", "wurde nicht gefunden"), (env, "ist ein Ordner")):
        with pytest.raises(SystemExit) as info:
            main(["data", "tidy", str(target), "-o", str(env / "out.csv")])
        assert info.value.code == InputError.exit_code
        assert message in capsys.readouterr().err
    assert not (env / "out.csv").exists()


def test_tidy_refuses_to_overwrite_its_input(env, capsys):
    path = env / "t.csv"
    path.write_text("AGS;Wert\n05111;3\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["data", "tidy", str(path), "-o", str(path)])
    assert "Eingabedatei" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "AGS;Wert\n05111;3\n"
