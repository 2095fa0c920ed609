"""``lotse data inspect --json`` on ten Regionaldatenbank/GENESIS tables of different layouts.

Real: 21111-02-06-4 and 22541-01-01-4 (shared/data), the excerpts of 21111-02-06-4-B (2024
edition), 21311-01-01-4-B (no time column, Fächergruppe as a row dimension) and 21321-01-01-4
(flat format). Made (tests/tables/conftest.py; layouts from shared/domain/indicators.md):
13211-02-05-4 (decimal comma, flags, units row), 82411-01-03-4 (several years), 21111-01-03-4
(two row dimensions, school year), 12411-01-01-5 (Gemeinde keys, date, footer symbol), the German
flat format, and 21111-02-06-4 as an XLSX (tests/codegen/formats.py).

Expected counts are counted by hand from the files' lines; for the real excerpts the symbol counts
are recounted here from the raw cells, independently of the reader.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli
from tests.conftest import SHARED

from .conftest import EXCERPTS

REAL = SHARED / "data" / "regionalstatistik"


@pytest.fixture
def inspect(settings, monkeypatch):
    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    monkeypatch.setenv("LOTSE_LLM__BACKEND", "fake")

    def run(path: Path) -> dict:
        result = CliRunner().invoke(cli, ["data", "inspect", str(path), "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)
    return run


def raw_symbols(path: Path, encoding: str, body: int, first_value: int) -> dict[str, int]:
    """Count '-', '.', 'x' cells of the data lines (lines with at least ``body`` cells whose
    first cell is not empty and not a title/footer line), from column ``first_value`` on."""
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding)), delimiter=";"))
    counts: Counter[str] = Counter()
    for row in rows:
        if len(row) >= body and row[0].strip() and row[1].strip() and not row[0].startswith("_"):
            counts.update(c.strip() for c in row[first_value:] if c.strip() in ("-", ".", "x"))
    return dict(counts)


def test_real_tables(inspect, shared_dir):
    kita = inspect(REAL / "22541-01-01-4.csv")
    assert (kita["table_code"], kita["n_rows"], kita["regions"], kita["years"]) == ("22541-01-01-4", 538, 538, [2002])
    assert kita["symbols"] == {"-": 1006} and len(kita["columns"]) == 11

    b = inspect(EXCERPTS / "21111-02-06-4-B.excerpt.csv")
    assert (b["table_code"], b["n_rows"], b["regions"], b["years"]) == ("21111-02-06-4-B", 16, 16, [2024])
    assert b["symbols"] == raw_symbols(EXCERPTS / "21111-02-06-4-B.excerpt.csv", "cp1252", 17, 3)
    assert "ohne Ersten Schulabschluss | Insgesamt" in b["columns"]

    students = inspect(EXCERPTS / "21311-01-01-4-B.excerpt.csv")
    # 3 Kreise × 10 Fächergruppen (incl. Insgesamt); WS 2023/24 in the header gives the year.
    assert (students["n_rows"], students["regions"], students["years"]) == (30, 3, [2023])
    assert students["symbols"] == raw_symbols(EXCERPTS / "21311-01-01-4-B.excerpt.csv", "utf-8-sig", 12, 3)
    assert len(students["columns"]) == 9

    flat = inspect(EXCERPTS / "21321-01-01-4_flat.excerpt.csv")
    lines = EXCERPTS.joinpath("21321-01-01-4_flat.excerpt.csv").read_text(encoding="utf-8").splitlines()[1:]
    keys = [ln.split(";")[7] for ln in lines if ln.strip()]
    values = Counter(ln.split(";")[17] for ln in lines if ln.strip())
    assert flat["n_rows"] == len(set(keys)) == flat["regions"] == 17 and len(keys) == 18
    assert flat["symbols"] == {"-": values["-"], ".": values["."]} and flat["layout"] == "genesis-flat"


def test_made_tables(inspect, made):
    labour = inspect(made["13211"])
    # DG, 03, 031, 03152 (row of '-'), 03159, 05, 05111
    assert (labour["n_rows"], labour["regions"], labour["years"]) == (7, 7, [2023])
    assert labour["symbols"] == {"-": 4, ".": 2, "p": 1, "...": 1, "()": 1}

    income = inspect(made["82411"])
    assert (income["n_rows"], income["regions"], income["years"], income["symbols"]) == (6, 3, [2020, 2021], {})

    schools = inspect(made["21111-01"])
    # 2 Kreise × 2 Schularten × 2 Geschlecht lines; 'x' for schools by sex
    assert (schools["n_rows"], schools["regions"], schools["years"]) == (8, 2, [2023])
    assert schools["symbols"] == {"x": 4} and schools["columns"] == ["Schulen", "Schüler/-innen"]

    towns = inspect(made["12411-5"])
    assert (towns["n_rows"], towns["regions"], towns["years"], towns["symbols"]) == (4, 4, [2023], {"•": 1})

    flat = inspect(made["flat-de"])
    assert (flat["n_rows"], flat["regions"], flat["symbols"]) == (2, 2, {".": 1})
    assert flat["columns"] == ["männlich", "weiblich"]


def test_xlsx_export_reads_like_its_csv(inspect, shared_dir, tmp_path):
    from tests.codegen.formats import genesis_xlsx

    csv_summary = inspect(REAL / "21111-02-06-4.csv")
    xlsx = inspect(genesis_xlsx(REAL / "21111-02-06-4.csv", tmp_path / "21111-02-06-4.xlsx",
                                numeric_key="01001"))
    assert xlsx == csv_summary
    assert xlsx["n_rows"] == 538 and xlsx["symbols"] == {"-": 1955, "x": 114, ".": 102}
