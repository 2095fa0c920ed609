"""The ``lotse`` command as a user runs it: a subprocess with the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("llama_cpp", "chromadb", "gradio", "presidio_analyzer", "langchain_core", "spacy", "torch")


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, env=full_env,
                          input=stdin, capture_output=True, text=True, timeout=timeout)


def test_help_imports_no_heavy_library(tmp_path):
    code = (
        "import sys\n"
        "from assistant.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert "Befehle" in out.stdout
    assert out.stdout.strip().endswith("[]"), out.stdout


def test_chat_streams_answer_from_configured_model(tmp_path):
    result = run(["chat", "Was ist ein Bildungsbericht?"], tmp_path,
                 {"LOTSE_LLM__BACKEND": "fake", "LOTSE_PATHS__DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Das ist eine Testantwort."


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[llm]\nmodel_path = "{tmp}/fehlt.gguf"\n', "gibt es nicht"),
        ('[llm]\nmodel_path = "{tmp}"\n', "ist ein Ordner"),
        ('[llm]\nmodel_path = "{tmp}/kaputt.gguf"\n', "keine GGUF-Modelldatei"),
        ('[llm]\nbackend = "openai_compat"\nbase_url = "http://203.0.113.9:8000/v1"\n'
         'model_name = "x"\n', "nicht freigegeben"),
        ('[llm]\nmax_tokens = "viele"\n', "llm.max_tokens"),
        ("[llm\n", "kein gültiges TOML"),
    ],
)
def test_bad_configuration_gives_one_german_sentence_and_no_traceback(tmp_path, toml, expected):
    (tmp_path / "kaputt.gguf").write_bytes(b"not a model at all")
    (tmp_path / "lotse.toml").write_text(toml.format(tmp=tmp_path), encoding="utf-8")
    result = run(["chat", "Hallo"], tmp_path, {"LOTSE_PATHS__DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert expected in result.stderr
    assert result.stderr.startswith("Fehler: ")
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(tmp_path):
    (tmp_path / "lotse.toml").write_text("[llm\n")
    result = run(["models"], tmp_path, {"LOTSE_DEBUG": "1"})
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_models_lists_active_and_recommended(tmp_path):
    result = run(["models", "--json"], tmp_path)
    data = json.loads(result.stdout)
    assert data["active"]["profile"] == "base"
    assert len(data["recommended"]) >= 3
    assert all(r["ram_gb"] > 0 for r in data["recommended"])


def test_whole_cli_session_stays_on_loopback(tmp_path):
    log = tmp_path / "egress.jsonl"
    env = {"LOTSE_EGRESS_LOG": str(log), "LOTSE_LLM__BACKEND": "fake",
           "LOTSE_PATHS__DATA_DIR": str(tmp_path)}
    table = tmp_path / "kita.csv"
    table.write_text("Kita;Kinder\nPusteblume;2\nSonnenschein;41\nRegenbogen;37\n", encoding="utf-8")
    session = (
        ["chat", "Wie hoch ist die Betreuungsquote?"], ["models"], ["doctor"],
        ["ask", "Welche Stichtage hat die Kita-Statistik?"], ["sources"],
        ["indicator", "show", "D15.1"], ["privacy", "check-table", str(table)],
    )
    for args in session:
        result = run(args, tmp_path, env)
        assert result.returncode == 0, (args, result.stderr)
    result = run(["anonymize", "-"], tmp_path, env, stdin="Anruf von Herrn Jonas Weber, 0151 23456789.")
    assert result.returncode == 0 and "Jonas" not in result.stdout
    records = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    outside = [r for r in records if r["host"] not in ("127.0.0.1", "::1", "localhost", "None", "")]
    # doctor's own probe to TEST-NET-1 is the only outside attempt, and it was refused
    assert all(r["host"] == "192.0.2.1" and not r["allowed"] for r in outside), outside
    assert len(outside) == 1
