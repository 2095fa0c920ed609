"""A real ``lotse serve`` app on a free loopback port, with the fake model and a private data dir.

One server per test module (building the search index of the guidance texts takes seconds).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from assistant.llm.fake import FakeBackend

ARTIFACTS = Path(os.environ.get("LOTSE_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts"))


class Running:
    def __init__(self, url: str, service, backend: FakeBackend, app) -> None:  # noqa: ANN001
        self.url = url
        self.service = service
        self.backend = backend
        self.app = app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp: Path, **settings_overrides) -> Iterator[Running]:  # noqa: ANN003
    import uvicorn

    from assistant.service import Lotse
    from assistant.settings import load_settings
    from assistant.web.server import create_app

    saved = {k: os.environ.pop(k) for k in list(os.environ)
             if k.startswith("LOTSE_") and k not in ("LOTSE_DEBUG", "LOTSE_SHARED_DIR")}
    cwd = os.getcwd()
    os.chdir(tmp)  # no ./lotse.toml of the developer's
    try:
        overrides = {"paths": {"data_dir": tmp / "data"}, "llm": {"backend": "fake"},
                     "retrieval": {"answer_mode": "extractive"}}
        overrides.update(settings_overrides)
        settings = load_settings(**overrides)
        backend = FakeBackend()
        service = Lotse(settings, backend=backend, status=lambda _m: None)
        app = create_app(service)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning", access_log=False))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("Der Testserver ist nicht gestartet.")
            time.sleep(0.05)
        try:
            yield Running(f"http://127.0.0.1:{port}", service, backend, app)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    finally:
        os.chdir(cwd)
        os.environ.update(saved)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    yield from start_server(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
