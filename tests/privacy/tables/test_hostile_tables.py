"""Issue 11, findings 5-6 (and 4 for check-table): what is not a table is refused in German; column
names pass the text gate like every other text."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli
from assistant.errors import InputError

PROSE = ("Der Bildungsbericht der Stadt beschreibt die Entwicklung der Schulen seit 2015.\n"
         "Im Mittelpunkt stehen die Übergänge von der Grundschule auf die weiterführenden Schulen.\n"
         "Die Zahl der Kinder in Kindertageseinrichtungen ist in allen Bezirken gestiegen.\n"
         "Für Rückfragen steht das Bildungsbüro montags bis freitags zur Verfügung.\n")



def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, ["privacy", "check-table", *args], catch_exceptions=False)


def _pdf(path):  # noqa: ANN001, ANN202
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_prose_is_not_a_table(env):  # noqa: ANN001
    path = env / "bericht.csv"
    path.write_text(PROSE, encoding="utf-8")
    with pytest.raises(InputError) as info:
        run(str(path))
    assert "'bericht.csv' sieht nach Fließtext aus, nicht nach einer Tabelle" in str(info.value)
    assert "lotse anonymize" in info.value.hint


def test_pdf_is_not_a_table(env):  # noqa: ANN001
    for name in ("bericht.pdf", "tarnung.csv"):
        path = _pdf(env / name)
        with pytest.raises(InputError) as info:
            run(str(path))
        assert f"'{name}' ist ein PDF-Dokument, keine Tabelle" in str(info.value)


def test_one_column_list_of_names_is_still_a_table(env):  # noqa: ANN001
    path = env / "namen.csv"
    path.write_text("Name\nElif Yılmaz\nJonas Müller\nAnna Schmidt\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "'Name': Personenname" in result.output


def test_personal_data_in_a_column_header_is_masked(env):  # noqa: ANN001
    header = "Rückfragen an Petra Schulze DE89 3704 0044 0532 0130 00"
    path = env / "kitas.csv"
    path.write_text(f"Kita;Plätze;{header}\nSonnenschein;40;ja\nRegenbogen;25;nein\n"
                    "Pusteblume;30;ja\n", encoding="utf-8")
    out = env / "bereinigt.csv"
    result = run(str(path), "--out", str(out))
    assert result.exit_code == 0, result.output
    cleaned = out.read_text(encoding="utf-8-sig")
    for secret in ("Petra", "Schulze", "DE89", "0532"):
        assert secret not in cleaned and secret not in result.output
    first_line = cleaned.splitlines()[0]
    assert "<IBAN_CODE_1>" in first_line and "<PERSON_1>" in first_line
    assert "Spaltennamen enthielten personenbezogene Daten" in result.output


def test_folder_pipe_and_device_get_german_messages(env):  # noqa: ANN001
    fifo = env / "pipe.csv"
    os.mkfifo(fifo)
    for target, expected in ((env, "ist ein Ordner"), (fifo, "keine gewöhnliche Datei"),
                             ("/dev/zero", "keine gewöhnliche Datei")):
        result = CliRunner().invoke(cli, ["privacy", "check-table", str(target)])
        assert expected in str(result.exception), result.output


def test_xlsx_bomb_is_refused_before_the_sheet_is_parsed(env):  # noqa: ANN001
    from tests.hostile import xlsx_bomb

    path = xlsx_bomb(env / "liste.xlsx")
    assert path.stat().st_size < 1024 * 1024
    expected = r"'liste.xlsx' enthält den Teil 'xl/worksheets/sheet1.xml'.*ZIP-Bomben"
    with pytest.raises(InputError, match=expected):
        run(str(path))
