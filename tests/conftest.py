"""Shared fixtures. Every test runs with the no-egress guard: a non-loopback connection fails it."""

from __future__ import annotations

import contextlib

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


@pytest.fixture
def env(settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """For CLI tests: the ``settings`` data dir and the fake model through LOTSE_* variables."""
    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    monkeypatch.setenv("LOTSE_LLM__BACKEND", "fake")
    return tmp_path


@contextlib.contextmanager
def isolated_service(tmp_path_factory: pytest.TempPathFactory, label: str):
    """A Lotse on the fake base model for a whole test module, isolated like ``settings``: no
    ./lotse.toml of the developer's (a fresh working directory) and no LOTSE_* variables."""
    from assistant.llm.fake import FakeBackend
    from assistant.service import Lotse
    from assistant.settings import load_settings

    data = tmp_path_factory.mktemp(label)
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith("LOTSE_") and key not in ("LOTSE_DEBUG", "LOTSE_SHARED_DIR"):
                mp.delenv(key)
        mp.chdir(data)
        settings = load_settings(paths={"data_dir": data}, llm={"backend": "fake", "profile": "base"})
        yield Lotse(settings, backend=FakeBackend(kind="base"), status=lambda _: None)
