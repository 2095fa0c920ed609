"""`lotse privacy check-table` on the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli, main

PUPILS = ("Name;Geburtsdatum;Klasse;Geschlecht\n"
          "Elif Yılmaz;03.05.2014;4a;w\nJonas Müller;12.11.2013;4a;m\n"
          "Omar Al-Hassan;01.01.2014;4b;m\nOleksandr Kovalenko;22.02.2015;4b;m\n"
          "Anna Schmidt;17.07.2014;4a;w\n")
KITA = ("Kita;unter 3;3 bis 6;Insgesamt\nSonnenschein;5;20;25\nRegenbogen;2;15;17\n"
        "Pusteblume;7;0;7\nInsgesamt;14;35;49\n")



def run(*args: str):
    return CliRunner().invoke(cli, ["privacy", "check-table", *args], catch_exceptions=False)


def test_human_report_in_german(env):
    path = env / "liste.csv"
    path.write_text(PUPILS, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "Personenbezogene Spalten:" in result.output
    assert "'Name': Personenname" in result.output
    assert "auf Geburtsjahr verallgemeinert" in result.output
    assert "k-Anonymität (k = 3)" in result.output
    assert "Yılmaz" not in result.output and "03.05.2014" not in result.output


def test_json_and_cleaned_output(env):
    path, out = env / "kita.csv", env / "kita_bereinigt.csv"
    path.write_text(KITA, encoding="cp1252")
    result = run(str(path), "--json", "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["table_kind"] == "aggregate"
    assert data["suppression"]["primary"] == 1 and data["suppression"]["secondary"] == 3
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[2] == "Regenbogen;.;.;17"
    assert lines[3] == "Pusteblume;7;0;7"


def test_drop_and_microdata_flags(env):
    path, out = env / "liste.csv", env / "ohne_namen.csv"
    path.write_text(PUPILS, encoding="utf-8")
    result = run(str(path), "--drop", "--microdata", "--json", "--out", str(out))
    data = json.loads(result.output)
    assert data["cleaned_columns"] == ["Klasse", "Geschlecht"]
    assert "Elif" not in out.read_text(encoding="utf-8-sig")


def test_refuses_to_overwrite_the_input(env):
    path = env / "liste.csv"
    path.write_text(PUPILS, encoding="utf-8")
    with pytest.raises(Exception, match="überschreibt Ihre Tabelle nicht"):
        run(str(path), "--out", str(path))
    assert path.read_text(encoding="utf-8") == PUPILS


@pytest.mark.parametrize("content, message", [
    (b"", "ist leer"),
    (bytes(range(256)) * 10, "sieht nicht wie eine Tabelle aus"),
    (b"Schule;Anzahl\nA;1\nB;2;3\n", "Zeilen 3"),
])
def test_bad_files_exit_with_german_message(env, capsys, content, message):
    path = env / "daten.csv"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as info:
        main(["privacy", "check-table", str(path)])
    assert info.value.code == 6
    assert message in capsys.readouterr().err


def test_help_lists_the_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert "privacy" in result.output
    result = CliRunner().invoke(cli, ["privacy", "check-table", "--help"])
    assert "--aggregate / --microdata" in result.output
