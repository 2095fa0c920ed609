"""Build hook: wheels carry ``prompts/`` and ``knowledge/`` inside the package.

The folders stay at the top of the repository (reviewed like code, found there by a checkout or an
editable install); a built wheel gets a copy under ``assistant/_shipped/``, where
:data:`assistant.SHIPPED_ROOT` finds them after ``pip install .`` from any working directory.
Everything else about the package is declared in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("prompts", "knowledge")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # editable: the checkout's folders are used
            return
        target = Path(self.build_lib) / "assistant" / "_shipped"
        for name in SHIPPED:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildPyWithData})
