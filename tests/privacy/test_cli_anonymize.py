"""``lotse anonymize``: files, stdin, --json, --jsonl and bad input, as a user runs it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli
from assistant.errors import InputError


@pytest.fixture
def run(settings, monkeypatch):
    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))

    def invoke(args, input_bytes=None):
        return CliRunner().invoke(cli, ["anonymize", *args], input=input_bytes)

    return invoke


def test_stdin_json_offsets(run) -> None:
    text = "Lea Schmidt, Tel. 0201 1234567"
    result = run(["-", "--json"], text.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["anonymized"] == "<PERSON_1>, Tel. <PHONE_NUMBER_1>"
    assert [text[e["start"]:e["end"]] for e in data["entities"]] == ["Lea Schmidt", "0201 1234567"]
    assert set(data["entities"][0]) == {"type", "start", "end", "score", "placeholder"}


def test_file_in_cp1252_with_note(run, tmp_path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes("Grüße von Jürgen Müller".encode("cp1252"))
    result = run([str(path)])
    assert result.exit_code == 0
    assert result.stdout.strip() == "Grüße von <PERSON_1>"
    assert "cp1252" in result.stderr


def test_jsonl_batch_with_bad_line(run, tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Frau Yılmaz anrufen"}\n{kaputt\n{"id": "b", "text": "Nichts."}\n',
                    encoding="utf-8")
    result = run(["--jsonl", str(path)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["anonymized"] == "Frau <PERSON_1> anrufen"
    assert "Zeile 2 übersprungen" in result.stderr
    assert isinstance(result.exception, InputError)  # lotse exits with InputError.exit_code
    assert "1 Zeile(n) übersprungen" in result.exception.message


def test_empty_and_binary_input_get_german_messages(run, tmp_path) -> None:
    empty = run(["-"], b"")
    assert isinstance(empty.exception, InputError) and "leer" in empty.exception.message
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02Lea Schmidt\x00" * 50)
    result = run([str(binary)])
    assert isinstance(result.exception, InputError) and "Binärdaten" in result.exception.message
    assert "Schmidt" not in result.stdout
