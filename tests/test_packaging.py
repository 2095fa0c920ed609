"""The built wheel carries prompts/ and knowledge/ and works from any directory.

Builds the wheel from a copy of the sources (pip, no build isolation: offline), installs it with
``--no-deps`` into a fresh virtual environment that sees the already installed dependencies
(``--system-site-packages``, so llama-cpp-python is not compiled again), and runs ``lotse`` there
from an empty temporary directory.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT

SOURCES = ("assistant", "prompts", "knowledge", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600):
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, f"{cmd}\n{out.stdout}\n{out.stderr}"
    return out


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = PROJECT_ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", str(dist), str(src)], cwd=src)
    (found,) = dist.glob("lotse-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(root)], cwd=root)
    python = root / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], cwd=root)
    return root


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LOTSE_") and k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(LOTSE_PATHS__DATA_DIR=str(data), LOTSE_LLM__BACKEND="fake", LOTSE_LLM__PROFILE="base")
    return env


def test_wheel_carries_prompts_knowledge_and_type_marker(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "assistant/py.typed" in names
    assert "assistant/_shipped/prompts/ask.yaml" in names
    assert "assistant/_shipped/prompts/chat.yaml" in names
    assert any(n.startswith("assistant/_shipped/knowledge/indicators/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("assistant/_shipped/knowledge/guidance/") for n in names)
    assert any(n.startswith("assistant/privacy/data/ner/") for n in names)
    assert not any(n.startswith(("scripts/", "tests/")) for n in names)  # dev tools stay out


def test_installed_wheel_runs_from_any_directory(venv, tmp_path):
    lotse = str(venv / "bin" / "lotse")
    where = _run([str(venv / "bin" / "python"), "-c",
                  "import assistant; print(assistant.__file__); print(assistant.SHIPPED_ROOT)"],
                 cwd=tmp_path, env=_env(tmp_path / "data")).stdout.splitlines()
    assert where[0].startswith(str(venv)), where  # the wheel's code, not the checkout's
    assert where[1].startswith(str(venv)) and where[1].endswith("_shipped")

    shown = _run([lotse, "indicator", "show", "D15.1"], cwd=tmp_path, env=_env(tmp_path / "data"))
    assert "21111-02-06-4" in shown.stdout and "D15.1" in shown.stdout


@pytest.mark.slow
def test_installed_wheel_answers_a_question_with_sources(venv, tmp_path):
    answer = _run([str(venv / "bin" / "lotse"), "ask", "Ab wie vielen Fällen darf ich eine Zahl für "
                   "eine Schule veröffentlichen?"], cwd=tmp_path, env=_env(tmp_path / "data"))
    assert "Quellen:" in answer.stdout and "[1]" in answer.stdout
    assert re.search(r"(Mindestfallzahl|Fallzahlen unter) 3", answer.stdout), answer.stdout
