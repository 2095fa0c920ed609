"""Fixtures for the policy and sandbox tests: a small CSV with region keys, one shared sandbox, Rscript."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.codegen import isolation
from assistant.codegen.sandbox import ProcessSandbox

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


@pytest.fixture(scope="session")
def sandbox() -> ProcessSandbox:
    mode = isolation.detect()
    if not mode.namespaces:
        pytest.skip(f"no namespaces on this system ({mode.note}): the sandbox refuses to run")
    return ProcessSandbox()


@pytest.fixture(scope="session")
def rscript() -> str:
    found = shutil.which("Rscript")
    if not found:
        pytest.skip("Rscript not installed")
    return found
