"""Tests with the real embedded model (slow; run in CI). The model is a 270M base model: we check
that it runs and answers, not how good the answer is."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="session")
def model_data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("model-data")


@pytest.fixture(scope="session")
def gguf(model_data_dir) -> Path:
    pytest.importorskip("llama_cpp")
    from assistant.llm.embedded import embedded_model_path

    return embedded_model_path(model_data_dir / "models")


def test_real_lotse_chat_streams_a_non_empty_answer(model_data_dir, gguf, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(LOTSE_PATHS__DATA_DIR=str(model_data_dir), LOTSE_LLM__MAX_TOKENS="48")
    result = subprocess.run([sys.executable, "-m", "assistant", "chat", "Was ist ein Bildungsbericht?"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the model gave an empty answer"
    assert "Sprachmodell bereit" in result.stderr  # the visible status line


def test_embedded_model_is_assembled_once_and_verified(model_data_dir, gguf):
    from assistant.llm.embedded import embedded_model_path

    before = gguf.stat().st_mtime_ns
    assert embedded_model_path(model_data_dir / "models") == gguf
    assert gguf.stat().st_mtime_ns == before
    assert gguf.read_bytes()[:4] == b"GGUF"


def test_stop_sequences_and_json_schema(gguf):
    from assistant.llm import GenerationOptions, Message
    from assistant.llm.llama_cpp_backend import LlamaCppBackend
    from assistant.llm.profiles import EMBEDDED

    backend = LlamaCppBackend(gguf, EMBEDDED, n_threads=1, status=lambda _: None)
    schema = {"type": "object", "properties": {"quote": {"type": "integer"}}, "required": ["quote"]}
    out = backend.complete([Message("user", "Gib eine Zahl als JSON zurück.")],
                           GenerationOptions(max_tokens=24, temperature=0.0, json_schema=schema))
    assert isinstance(json.loads(out.text)["quote"], int)
    stopped = backend.complete([Message("user", "Zähle: eins, zwei, drei, vier")],
                               GenerationOptions(max_tokens=40, temperature=0.0, stop=(",",)))
    assert "," not in stopped.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_openai_compat_backend_against_llama_cpp_server(gguf, tmp_path):
    pytest.importorskip("llama_cpp.server", reason="llama-cpp-python[server] not installed")
    from assistant.llm import GenerationOptions, Message
    from assistant.llm.openai_backend import OpenAICompatBackend
    from assistant.llm.profiles import profile_for_server

    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--chat_format", "gemma",
         "--host", "127.0.0.1", "--port", str(port), "--n_threads", "1"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
                time.sleep(0.5)
        backend = OpenAICompatBackend(f"http://127.0.0.1:{port}/v1",
                                      profile_for_server("gemma", "base", 4096))
        pieces = list(backend.stream([Message("user", "Was ist eine Kita?")],
                                     GenerationOptions(max_tokens=24, temperature=0.0)))
        assert "".join(pieces).strip()
        assert len(pieces) > 1  # streamed, not one block
        schema = {"type": "object", "properties": {"quote": {"type": "integer"}},
                  "required": ["quote"]}
        out = backend.complete([Message("user", "Gib eine Zahl als JSON zurück.")],
                               GenerationOptions(max_tokens=24, temperature=0.0, json_schema=schema))
        assert isinstance(json.loads(out.text)["quote"], int)
    finally:
        server.terminate()
        server.wait(timeout=30)
