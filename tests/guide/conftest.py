"""Fixtures for the guide: the real guide from knowledge/, and broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT

KNOWLEDGE = PROJECT_ROOT / "knowledge"


@pytest.fixture(scope="session")
def guide():
    from assistant.guide import load_guide

    return load_guide(KNOWLEDGE)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of the parts of knowledge/ the guide reads, safe to break."""
    target = tmp_path / "knowledge"
    for part in ("guide", "guidance"):
        shutil.copytree(KNOWLEDGE / part, target / part)
    shutil.copy(KNOWLEDGE / "kompass.yaml", target / "kompass.yaml")
    return target
