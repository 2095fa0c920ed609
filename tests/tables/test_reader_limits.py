"""The table reader (used by lotse data, code and report) has the same limits as every reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.tables import read_table
from tests.hostile import xlsx_bomb


def test_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "tabelle.csv"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="keine normale Datei|regul|Datei"):
        read_table(pipe)


def test_device_is_refused() -> None:
    with pytest.raises(InputError):
        read_table(Path("/dev/zero"))


def test_xlsx_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = xlsx_bomb(tmp_path / "daten.xlsx")
    with pytest.raises(InputError, match="ZIP-Bomben|nicht gelesen"):
        read_table(path)
