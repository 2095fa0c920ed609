"""Write a generated snippet as ``.py``, ``.ipynb`` (nbformat) or ``.R``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.codegen.generate import CodeResult

SUFFIXES = {".py": "pandas", ".ipynb": "pandas", ".r": "r"}


def check_target(path: Path, language: str) -> None:
    """Refuse a target whose suffix does not fit the language, before anything is generated."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"'{path.name}' hat keine passende Endung.",
                         "Erlaubt sind .py und .ipynb (pandas) sowie .R (R).")
    if SUFFIXES[suffix] != language:
        raise InputError(f"'{path.name}' passt nicht zur Sprache '{language}'.",
                         "Für --lang r schreiben Sie eine .R-Datei, für pandas .py oder .ipynb.")
    if not path.parent.exists():
        raise InputError(f"Der Ordner '{path.parent}' existiert nicht.", "Legen Sie ihn an oder wählen Sie einen anderen.")


def write_snippet(result: "CodeResult", path: Path) -> Path:
    check_target(path, result.language)
    if path.suffix.lower() == ".ipynb":
        import nbformat

        head, _, body = result.code.partition("\n\n")
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [
            nbformat.v4.new_markdown_cell("\n".join(line.lstrip("# ").rstrip() + "  " for line in head.splitlines())
                                          + "\n\n" + result.message),
            nbformat.v4.new_code_cell(body.strip()),
        ]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.validate(notebook)
        text = nbformat.writes(notebook)
    else:
        text = result.code
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
