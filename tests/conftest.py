"""Shared fixtures. Every test runs with the no-egress guard: a non-loopback connection fails it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT, egress
from assistant.errors import EgressBlocked

SHARED = PROJECT_ROOT.parent / "shared"
if not SHARED.is_dir():  # CI clones main with shared/ beside it
    SHARED = Path(os.environ.get("LOTSE_SHARED_DIR", "/work/shared"))

egress.install()


class Attempts(list):
    """Blocked connection attempts of one test; set ``expected = True`` when a test provokes them."""

    expected = False


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch):
    """Fail the test if anything tried to leave the machine, even if the caller swallowed it."""
    attempts = Attempts()
    original = egress._check

    def spy(host, port):  # noqa: ANN001
        try:
            original(host, port)
        except EgressBlocked as exc:
            attempts.append(exc)
            raise

    monkeypatch.setattr(egress, "_check", spy)
    yield attempts
    if attempts and not attempts.expected:
        pytest.fail(f"Netzwerkzugriff nach außen versucht: {[str(a.host) for a in attempts]}")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "lotse-data"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings isolated from the user's files: temporary data dir, fake model."""
    from assistant.settings import load_settings

    for key in list(os.environ):
        if key.startswith("LOTSE_") and key not in ("LOTSE_DEBUG", "LOTSE_SHARED_DIR"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(data_dir)  # no ./lotse.toml of the developer's
    return load_settings(paths={"data_dir": data_dir}, llm={"backend": "fake"})


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("shared/ (seeds and data) not found beside the repository")
    return SHARED
