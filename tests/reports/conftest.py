"""Fixtures for report tests: settings with a base model (templates only) and small GENESIS files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HEADER = """GENESIS-Tabelle: 21111-02-06-4
Absolvierende/Abgehende allgemeinbildender Schulen nach;;;;
Geschlecht und Abschlussarten - Schuljahr - regionale Tiefe:;;;;
Kreise und krfr. Städte;;;;
Statistik der allgemeinbildenden Schulen;;;;
Absolvierende/Abgehende (Anzahl);;;;
;;;Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss;Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss
;;;Insgesamt;ohne Hauptschulabschluss
;;;Insgesamt;Insgesamt
"""
FOOTER = """__________
"zu ""gesamte Tabelle"":
{footnote}"
"© Statistische Ämter des Bundes und der Länder, Deutschland, 2025.
Dieses Werk ist lizenziert unter der Datenlizenz Deutschland
- Namensnennung - Version 2.0."
Stand: 13.03.2025 / 16:40:08
"""


def genesis_file(path: Path, rows: list[tuple[int, str, str, str, str]],
                 footnote: str = "Die Angabe des Berichtsjahres bezieht sich auf das Jahr.") -> Path:
    """A small D15.1-shaped Regionaldatenbank export: (year, key, name, total, without)."""
    body = "".join(f"{y};{k};{n};{t};{w}\n" for y, k, n, t, w in rows)
    path.write_text(HEADER + body + FOOTER.format(footnote=footnote), encoding="utf-8")
    return path


@pytest.fixture
def base_settings(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings with the fake backend as a base model: the text comes from templates alone."""
    from assistant.settings import load_settings

    for key in list(os.environ):
        if key.startswith("LOTSE_") and key not in ("LOTSE_DEBUG", "LOTSE_SHARED_DIR"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(data_dir)
    return load_settings(paths={"data_dir": data_dir}, llm={"backend": "fake", "profile": "base"})


@pytest.fixture
def schools(shared_dir: Path) -> Path:
    return shared_dir / "data" / "regionalstatistik" / "21111-02-06-4.csv"


@pytest.fixture
def kita(shared_dir: Path) -> Path:
    return shared_dir / "data" / "regionalstatistik" / "22541-01-01-4.csv"
