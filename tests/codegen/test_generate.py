"""`lotse code`: validated pandas and R code on the real Regionaldatenbank tables.

The expected numbers are computed here by hand from the CSV file with the csv module (no Lotse
code): ohne Hauptschulabschluss / Insgesamt × 100 for every Kreis.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT
from tests.conftest import SHARED

ABSCHLUESSE = SHARED / "data" / "regionalstatistik" / "21111-02-06-4.csv"
KITA = SHARED / "data" / "regionalstatistik" / "22541-01-01-4.csv"


def hand_shares() -> dict[str, float | None]:
    """Kreis key -> share of leavers without Hauptschulabschluss in %, from the raw file."""
    text = ABSCHLUESSE.read_bytes().decode("cp1252")
    shares: dict[str, float | None] = {}
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if len(row) < 6 or not row[0].strip().isdigit() or len(row[1].strip()) != 5:
            continue
        total, without = row[3].strip(), row[5].strip()
        if total.isdigit() and without.isdigit() and int(total) > 0:
            shares[row[1].strip()] = int(without) / int(total) * 100
        elif total == "-" and without == "-":
            shares[row[1].strip()] = None  # Kreis no longer exists: no share
    return shares


def run_cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env["LOTSE_PATHS__DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env=env, timeout=600)


def check_against_hand(payload: dict) -> None:
    assert payload["validated"] is True, payload["checks"]
    assert payload["source"] == "template" and payload["indicator"] == "D15.1"
    assert payload["mapping"] == {"abgaenger_ohne_abschluss": "ohne Hauptschulabschluss | Insgesamt",
                                  "absolventen_abgaenger": "Insgesamt | Insgesamt"}
    names = [c["name"] for c in payload["checks"]]
    assert names[:4] == ["richtlinie", "sandbox", "vergleich_referenz", "plausibilitaet"]
    got = {r["region"]: r["anteil_ohne_abschluss"] for r in payload["result"]}
    expected = hand_shares()
    assert len(expected) > 350
    for key, share in expected.items():
        if share is None:
            # Dissolved Kreis (a line of '-'): no share; R's aggregate() leaves the line out.
            assert got.get(key) is None, key
            continue
        assert isinstance(key, str) and key in got, key
        assert math.isclose(got[key], share, rel_tol=1e-9), (key, got[key], share)
    assert "21111-02-06-4.csv" in payload["code"] and "Prüfungen bestanden" in payload["code"]


@pytest.mark.slow
def test_indicator_pandas_matches_hand_computation_for_every_kreis(sandbox, tmp_path):
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(ABSCHLUESSE), "--lang", "pandas",
                   "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["language"] == "pandas"
    check_against_hand(payload)
    assert "import pandas as pd" in payload["code"]


@pytest.mark.slow
@pytest.mark.r
def test_indicator_r_matches_hand_computation_for_every_kreis(sandbox, rscript, tmp_path):
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(ABSCHLUESSE), "--lang", "r",
                   "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["language"] == "r"
    check_against_hand(payload)
    assert "read.table(DATEI" in payload["code"]
    assert any(c["name"] == "kreuzprobe_pandas" and c["passed"] for c in payload["checks"])
