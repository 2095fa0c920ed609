"""The hostile corpus: every snippet is refused by the policy or contained by the sandbox, and the
sandbox contains each one even with the policy bypassed (nothing written outside, no connection,
no secret seen, no process left)."""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest

from assistant.codegen.policy import check_python, check_r
from assistant.codegen.sandbox import ProcessSandbox
from tests.codegen.safety.hostile_corpus import CORPUS, Hostile

SECRET = "geheim-" + uuid.uuid4().hex


@pytest.fixture(scope="module")
def listener():
    """A TCP listener on the host's loopback only: the target hostile snippets try to reach."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _render(entry: Hostile, escape: Path, port: int) -> str:
    return entry.code.format(escape=escape, escape_name=escape.name, port=port)


def _assert_no_connection(listener: socket.socket) -> None:
    try:
        conn, addr = listener.accept()
    except BlockingIOError:
        return
    conn.close()
    pytest.fail(f"sandboxed snippet reached the host loopback listener from {addr}")


def test_corpus_is_large_enough():
    assert len([e for e in CORPUS if e.language == "python"]) >= 15
    assert len([e for e in CORPUS if e.language == "r"]) >= 15
    assert len({e.id for e in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("entry", CORPUS, ids=lambda e: e.id)
def test_policy_verdict(entry: Hostile, tmp_path: Path, request):
    if entry.language == "r":
        request.getfixturevalue("rscript")
    code = _render(entry, tmp_path / "escape", 9)
    violations = check_python(code) if entry.language == "python" else check_r(code)
    assert bool(violations) == entry.refused, violations
    assert all(v.message and v.line >= 1 for v in violations)


@pytest.mark.parametrize("entry", CORPUS, ids=lambda e: e.id)
def test_sandbox_contains_even_without_policy(entry: Hostile, sandbox: ProcessSandbox, table: Path,
                                              listener: socket.socket, monkeypatch, request):
    if entry.language == "r":
        request.getfixturevalue("rscript")
    monkeypatch.setenv("LOTSE_TEST_SECRET", SECRET)
    escape = Path(f"/tmp/lotse-escape-{uuid.uuid4().hex}")
    code = _render(entry, escape, listener.getsockname()[1])

    result = sandbox.run(code, entry.language, {"daten.csv": table}, timeout_s=3, memory_mb=1024)

    assert not escape.exists(), f"{entry.id} wrote {escape} on the host"
    _assert_no_connection(listener)
    with pytest.raises(ProcessLookupError):
        os.killpg(sandbox.last_pgid, 0)
    seen = result.stdout + result.stderr + (result.result.to_csv() if result.result is not None else "")
    assert SECRET not in seen
    assert "root:x:0:0" not in seen
    if entry.sandbox == "error":
        assert not result.ok and result.error, f"{entry.id}: {result}"
    assert "netns" in result.isolation
