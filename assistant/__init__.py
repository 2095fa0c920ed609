"""Lotse: a local assistant for municipal education monitoring (kommunales Bildungsmonitoring).

Importing this package is cheap on purpose: heavy libraries (llama_cpp, chromadb, presidio,
langchain, gradio) are imported only by the modules that implement a backend, and only when used.
"""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent

#: Repository root holding ``prompts/``, ``knowledge/``, ``models/`` and ``tests/`` (a checkout or
#: an editable install; in an installed wheel it is merely the site-packages folder).
PROJECT_ROOT = PACKAGE_DIR.parent

#: Where ``prompts/`` and ``knowledge/`` are: the copy inside an installed wheel
#: (``assistant/_shipped/``, written by setup.py), else the repository root.
SHIPPED_ROOT = (PACKAGE_DIR / "_shipped" if (PACKAGE_DIR / "_shipped" / "knowledge").is_dir()
                else PROJECT_ROOT)
