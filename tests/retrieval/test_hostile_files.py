"""Issue 11, findings 1-4: hostile and careless files meet limits, one decoder and a batch that
goes on. Every hostile file is generated here, in a temporary folder."""

from __future__ import annotations

import logging
import os
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.retrieval import loaders
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.loaders import load_document
from tests.hostile import docx_with_body, malformed_docx, paragraph_bomb, text_run_bomb

from .docs import make_pdf


def _index(settings, embedder) -> KnowledgeIndex:  # noqa: ANN001
    return KnowledgeIndex(settings, embedder=embedder, progress=False, status=lambda m: None)


def _finishes(fn, seconds: float = 10.0):  # noqa: ANN001, ANN202
    """Run ``fn`` in a daemon thread; fail (instead of hanging the suite) if it does not return."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"hängt nach {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


# 1. DOCX bombs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("build", [paragraph_bomb, text_run_bomb])
def test_docx_bomb_is_refused_before_any_xml_is_parsed(tmp_path: Path, build):  # noqa: ANN001
    bomb = build(tmp_path / "bericht.docx", 300)  # 300 MB unpacked, under 1 MB on disk
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(InputError, match="ZIP-Bomben") as info:
            load_document(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 20 * 1024 * 1024  # the file's bytes, not the 300 MB it unpacks to
    assert "'bericht.docx'" in info.value.message and "entpackt" in info.value.message


def test_highly_compressed_member_is_refused_even_under_the_size_limit(tmp_path: Path):
    bomb = text_run_bomb(tmp_path / "lauf.docx", 15)  # 15 MB < 20 MB of XML, but ~1000-fold
    with pytest.raises(InputError, match=r"fache entpackt .*ZIP-Bomben"):
        load_document(bomb)


def test_xml_too_large_to_parse_is_refused_even_when_it_compresses_normally(tmp_path: Path):
    """46 MB of numbered paragraphs (ratio ~18) peaked at 880 MB when python-docx parsed them."""
    pieces = ("".join(f"<w:p><w:r><w:t>Absatz {i}</w:t></w:r></w:p>" for i in range(n, n + 20000))
              for n in range(0, 700_000, 20000))
    document = docx_with_body(tmp_path / "lang.docx", pieces)
    with pytest.raises(InputError, match=r"'lang.docx' enthält 31 MB XML-Text"):
        load_document(document)


def test_extracted_text_and_time_are_capped(tmp_path: Path, monkeypatch):  # noqa: ANN001
    from assistant.limits import ReadLimits

    long = tmp_path / "lang.md"
    long.write_text("# Lang\n\n" + "Schulstatistik im Oktober. " * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="mehr als 10.000 Zeichen"):
        load_document(long, limits=ReadLimits(max_text_chars=10_000))

    def stuck(data, path, budget):  # noqa: ANN001, ANN202 - a reader stuck in one long step
        time.sleep(30)

    monkeypatch.setitem(loaders.READERS, "text", stuck)
    slow = tmp_path / "langsam.txt"
    slow.write_text("Text", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(InputError, match="'langsam.txt' dauerte länger als 1 s"):
        load_document(slow, limits=ReadLimits(seconds=1))
    assert time.monotonic() - started < 5


# 2. one bad file does not abort the batch ------------------------------------------------------
def test_malformed_docx_is_reported_and_the_good_file_is_ingested(rsettings, bow, tmp_path: Path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    malformed_docx(folder / "kaputt.docx")
    (folder / "gut.md").write_text("# Gut\n\nDie Schulstatistik zählt im Oktober.\n", encoding="utf-8")
    index = _index(rsettings, bow)
    index.ensure_knowledge()
    report = index.ingest([folder])
    assert report.added == ["gut.md"]
    (path, message), = report.errors
    assert path.endswith("kaputt.docx")
    assert "'kaputt.docx' lässt sich nicht lesen" in message and "beschädigt" in message


# 3. one decoder: UTF-16/32 read correctly, binary refused ----------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_text_files_are_decoded_not_garbled(tmp_path: Path, encoding: str):
    text = "Şule Yılmaz leitet das Bildungsbüro; Ansprechpartnerin für die Schulstatistik."
    path = tmp_path / "notiz.txt"
    path.write_bytes(text.encode(encoding))
    doc = load_document(path)
    assert doc.sections[0].text == text


def test_random_bytes_are_refused_as_binary(tmp_path: Path):
    path = tmp_path / "zufall.txt"
    path.write_bytes(os.urandom(100_000))
    started = time.monotonic()
    with pytest.raises(InputError, match="'zufall.txt' enthält Binärdaten"):
        load_document(path)
    assert time.monotonic() - started < 5


def test_pypdf_warnings_do_not_reach_the_user(tmp_path: Path, caplog):  # noqa: ANN001
    pdf = make_pdf(tmp_path / "schief.pdf", [["Der Stichtag ist der 1. März."]])
    data = pdf.read_bytes()
    start = data.rindex(b"startxref") + len(b"startxref\n")
    end = data.index(b"\n", start)
    pdf.write_bytes(data[:start] + str(int(data[start:end]) + 7).encode() + data[end:])
    with caplog.at_level(logging.DEBUG):
        doc = load_document(pdf)
    assert "1. März" in doc.sections[0].text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")
                and r.levelno >= logging.WARNING]


# 4. pipes, devices and folders are refused before they are read -----------------------------------
def test_named_pipe_and_device_are_refused_without_hanging(rsettings, bow, tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "null.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        with pytest.raises(InputError, match="keine gewöhnliche Datei"):
            _finishes(lambda p=path: load_document(p))
    index = _index(rsettings, bow)
    index.ensure_knowledge()
    good = tmp_path / "gut.md"
    good.write_text("# Gut\n\nDie Kita-Statistik zählt am 1. März.\n", encoding="utf-8")
    report = _finishes(lambda: index.ingest([fifo, zero, good]))
    assert report.added == ["gut.md"]
    assert [p for p, _ in report.errors] == [str(fifo), str(zero)]
    assert all("keine gewöhnliche Datei" in m for _, m in report.errors)


def test_cli_batch_reports_each_failure_in_german_and_exits_nonzero(tmp_path: Path):
    """The whole command as a user runs it: good files in, each bad one named, exit code 6."""
    import subprocess
    import sys

    from assistant import PROJECT_ROOT

    guidance = tmp_path / "knowledge" / "guidance"
    guidance.mkdir(parents=True)
    (guidance / "leit.md").write_text("# Leit\n\n## Teil\n\nDie Schulstatistik zählt im Oktober.\n",
                                      encoding="utf-8")
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    (inbox / "gut.md").write_text("# Gut\n\nDie Kita-Statistik zählt am 1. März.\n", encoding="utf-8")
    malformed_docx(inbox / "kaputt.docx")
    (inbox / "zufall.txt").write_bytes(os.urandom(20_000))
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(PYTHONPATH=str(PROJECT_ROOT), LOTSE_PATHS__DATA_DIR=str(tmp_path / "data"),
               LOTSE_PATHS__KNOWLEDGE_DIR=str(tmp_path / "knowledge"), LOTSE_LLM__BACKEND="fake")
    out = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(inbox), str(fifo),
                          "/dev/zero"], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 6, out.stderr
    assert "✔ eingelesen: gut.md" in out.stderr and "1 Datei(en) eingelesen" in out.stdout
    failures = [line for line in out.stderr.splitlines() if line.startswith("✘")]
    assert len(failures) == 4, out.stderr
    assert "'kaputt.docx' lässt sich nicht lesen" in out.stderr
    assert "'zufall.txt' enthält Binärdaten" in out.stderr
    assert f"'{fifo}' ist keine gewöhnliche Datei" in out.stderr
    assert "'/dev/zero' ist keine gewöhnliche Datei" in out.stderr
    assert "Unerwarteter Fehler" not in out.stderr
