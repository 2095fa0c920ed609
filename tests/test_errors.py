"""One error module: each exit code means one thing, and the README's table says which."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

from assistant import PROJECT_ROOT, errors
from assistant.errors import EXIT_CODES, LotseError


def _error_classes() -> list[type[LotseError]]:
    return [c for c in vars(errors).values()
            if inspect.isclass(c) and issubclass(c, LotseError) and c is not LotseError]


def test_every_error_class_has_an_exit_code_of_its_own():
    codes = [c.exit_code for c in _error_classes()]
    assert len(codes) == len(set(codes)), sorted((c.exit_code, c.__name__) for c in _error_classes())
    assert set(codes) <= set(EXIT_CODES)
    assert errors.USAGE_EXIT_CODE not in codes and LotseError.exit_code not in codes


def test_readme_lists_the_same_exit_codes():
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d+) \| ([^|]+?) \|", text, flags=re.M))
    assert {int(k): v for k, v in rows.items()} == EXIT_CODES


def test_no_error_classes_outside_the_error_module():
    defined = []
    for path in (PROJECT_ROOT / "assistant").rglob("*.py"):
        if path.name == "errors.py":
            continue
        defined += [f"{path.name}: {m}" for m in
                    re.findall(r"^class (\w+)\((?:[\w.]*Error|LotseError|Exception)\b", path.read_text(),
                               flags=re.M)]
    assert defined == []


def test_no_hard_coded_exit_in_the_package():
    found = []
    for path in (PROJECT_ROOT / "assistant").rglob("*.py"):
        found += [f"{path.name}: {m}" for m in re.findall(r"sys\.exit\([1-9]\d*\)", path.read_text())]
    assert found == []


def test_usage_error_and_input_error_exit_differently(tmp_path):
    def run(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=tmp_path,
                              capture_output=True, text=True).returncode

    assert run("indicator", "show") == errors.USAGE_EXIT_CODE
    assert run("anonymize", str(tmp_path / "fehlt.txt")) == errors.InputError.exit_code
