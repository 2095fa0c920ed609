"""The minimal XLSX writer of the perturbed copies: what it writes is what openpyxl, pandas and
readxl read, and :func:`read_back` predicts Lotse's reader cell for cell."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from assistant.codegen.xlsxwrite import read_back, write_sheet
from assistant.tables import reader

ROWS: list[list[str | int | float | None]] = [
    ["Schulabgänge <Kreise> & Städte"],
    [None, None, "Insgesamt", None, "darunter: \"ohne\" Abschluss"],
    ["2023", "01001", "  Flensburg, Stadt", 812, 61.5, "x"],
    [],
    ["2023", "=A1+1", "Kiel\nLandeshauptstadt", 0.1 + 0.2, 123456789012.25, None, 7],
    [None, None, None],
    ["Stand: 13.03.2025"],
]


def test_openpyxl_reads_what_read_back_predicts_with_merges(tmp_path):
    import openpyxl

    path = write_sheet(tmp_path / "kopie.xlsx", "21111-02-06-4", ROWS, ["C2:D2"])
    name, rows = reader._read_sheet(path)
    assert name == "21111-02-06-4"
    assert rows == read_back(ROWS)
    assert rows[2] == ["2023", "01001", "Flensburg, Stadt", "812", "61.5", "x"]
    assert rows[4][1] == "=A1+1"  # text stays text, never a formula
    book = openpyxl.load_workbook(path)
    assert [str(m) for m in book.active.merged_cells.ranges] == ["C2:D2"]


def test_pandas_reads_the_sheet_by_name(tmp_path):
    import pandas as pd

    path = write_sheet(tmp_path / "kopie.xlsx", "Blatt 1", ROWS)
    frame = pd.read_excel(path, sheet_name="Blatt 1", header=None, dtype=str, keep_default_na=False)
    assert frame.shape == (7, 7)
    assert frame.iloc[2, 3] == "812" and frame.iloc[4, 2] == "Kiel\nLandeshauptstadt"
    assert frame.iloc[0, 0] == "Schulabgänge <Kreise> & Städte"


def test_carriage_return_or_control_character_means_parse_again():
    assert read_back([["a\r\nb"]]) is None
    assert read_back([["a\x07"]]) is None
    assert read_back([["a", None, None], [None]]) == [["a"], []]


@pytest.mark.r
def test_readxl_reads_the_sheet(tmp_path, rscript):
    path = write_sheet(tmp_path / "kopie.xlsx", "21111-02-06-4", ROWS, ["C2:D2"])
    script = ('x <- readxl::read_excel(commandArgs(TRUE)[1], sheet = "21111-02-06-4", col_names = FALSE, '
              'col_types = "text", .name_repair = "minimal"); cat(x[[4]][3], x[[2]][5], x[[1]][7], sep = "|")')
    out = subprocess.run([rscript, "--vanilla", "-e", script, str(Path(path))], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("812|=A1+1|Stand: 13.03.2025")
