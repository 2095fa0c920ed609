"""Fixtures for the policy and sandbox tests: a small CSV with region keys."""

from __future__ import annotations

from pathlib import Path

import pytest


CSV = """region,schulart,gruppe,anzahl
01001,Gymnasium,ohne Abschluss,10
01001,Gymnasium,Insgesamt,40
01002,Gymnasium,ohne Abschluss,3
01002,Gymnasium,Insgesamt,60
09162,Gymnasium,ohne Abschluss,12
09162,Gymnasium,Insgesamt,24
"""


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "daten.csv"
    path.write_text(CSV, encoding="utf-8")
    return path

# ``sandbox`` and ``rscript`` come from tests/codegen/conftest.py.
