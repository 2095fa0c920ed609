"""Lotse: a local assistant for municipal education monitoring (kommunales Bildungsmonitoring).

Importing this package is cheap on purpose: heavy libraries (llama_cpp, chromadb, presidio,
langchain, gradio) are imported only by the modules that implement a backend, and only when used.
"""

from pathlib import Path

__version__ = "0.1.0"

#: Repository root holding ``prompts/``, ``knowledge/`` and ``models/`` (editable install).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
