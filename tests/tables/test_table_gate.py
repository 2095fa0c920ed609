"""The privacy table gate reads GENESIS tables through the one reader (its wide view)."""

from __future__ import annotations

from assistant.privacy.tables.io import read_table as gate_read
from assistant.privacy.tables import check_table

from .conftest import EXCERPTS


def test_gate_reads_flat_format_as_official_table():
    loaded = gate_read(EXCERPTS / "21321-01-01-4_flat.excerpt.csv")
    assert loaded.is_official and loaded.meta["layout"] == "genesis-flat"
    assert loaded.frame["Regionalschlüssel"].str.len().isin([5, 8]).all()
    result = check_table(loaded)
    assert result.table_kind == "aggregate" and not result.personal_columns


def test_gate_reads_genesis_blocks_in_xlsx(made_xlsx):
    loaded = gate_read(made_xlsx)
    assert loaded.is_official and loaded.meta["code"] == "22543-01-03-4"
    assert list(loaded.frame.columns) == ["Jahr", "Regionalschlüssel", "Region", "Ebene",
                                          "unter 3 Jahre", "3 bis unter 6 Jahre", "Insgesamt"]
    assert loaded.frame["Regionalschlüssel"].tolist()[2] == "01001"


def test_gate_keeps_plain_csv_as_text(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text("AGS;Schüler\n05111;12\n", encoding="utf-8")
    loaded = gate_read(path)
    assert not loaded.is_official and loaded.frame["AGS"].tolist() == ["05111"]
