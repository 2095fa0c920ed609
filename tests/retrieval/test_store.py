"""The Chroma store: our embedding function only, crash repair, reopening, HTTP mode, SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT
from assistant.retrieval.embedder import EF_NAME
from assistant.retrieval.index import KnowledgeIndex
from assistant.retrieval.models import Chunk

from .docs import make_pdf


def _index(settings, embedder) -> KnowledgeIndex:
    return KnowledgeIndex(settings, embedder=embedder, progress=False, status=lambda m: None)


@pytest.fixture
def no_default_ef(monkeypatch: pytest.MonkeyPatch):
    """Make chromadb's default (downloading) embedding function explode if anything calls it."""
    from chromadb.api import types
    from chromadb.utils.embedding_functions import onnx_mini_lm_l6_v2

    def boom(self, input):  # noqa: ANN001, A002
        raise AssertionError("chromadb's default embedding function was used")

    monkeypatch.setattr(types.DefaultEmbeddingFunction, "__call__", boom)
    monkeypatch.setattr(onnx_mini_lm_l6_v2.ONNXMiniLM_L6_V2, "__call__", boom)


def test_default_embedding_function_never_runs(rsettings, bow, no_default_ef):
    index = _index(rsettings, bow)
    index.ensure_knowledge()
    # Text queries and adds through the collection go to our function, not to chromadb's default.
    got = index.store.chunks.query(query_texts=["Stichtag Kita"], n_results=1)
    assert got["ids"][0]
    index.store.chunks.add(ids=["extra"], documents=["Ein zusätzlicher Text."],
                           metadatas=[{"source": "x", "ingest_id": "y"}])
    # A client that passes no embedding function gets ours from the persisted configuration.
    reopened = index.store.client.get_collection(rsettings.retrieval.collection)
    assert reopened.configuration_json["embedding_function"]["name"] == EF_NAME
    before = bow.calls
    reopened.query(query_texts=["Mindestfallzahl"], n_results=1)
    assert bow.calls == before + 1


def test_repair_removes_chunks_no_manifest_vouches_for(rsettings, bow):
    index = _index(rsettings, bow)
    index.ensure_knowledge()
    store = index.store
    before = store.count()
    # Simulate a crash after step 1 of a commit: chunks without a manifest record.
    orphan = [Chunk("Halb eingelesener Text.", "halb.pdf", "Halb", None, 1, 0)]
    store.chunks.add(ids=["dead:0"], documents=[orphan[0].text], embeddings=bow.embed_passages(["x"]),
                     metadatas=[{"source": "halb.pdf", "ingest_id": "dead", "words": ""}])
    # And a record whose chunks are partly gone.
    record = store.records()["stichtage.md"]
    store.chunks.delete(ids=[f"{record.ingest_id}:0"])
    reopened = _index(rsettings, bow)
    reopened.store  # opening repairs
    notes = reopened.repair_notes
    assert any("halb.pdf" in n for n in notes) and any("stichtage.md" in n for n in notes)
    assert set(store.records()) == {"geheimhaltung.md"}
    assert store.count() == store.records()["geheimhaltung.md"].chunks < before
    # The guidance text whose record was dropped comes back on the next use.
    assert reopened.ensure_knowledge().added == ["stichtage.md"]


def _env(settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(LOTSE_PATHS__DATA_DIR=str(settings.paths.data_dir),
               LOTSE_PATHS__KNOWLEDGE_DIR=str(settings.paths.knowledge_dir),
               LOTSE_LLM__BACKEND="fake", PYTHONPATH=str(PROJECT_ROOT))
    return env


def test_persisted_collection_reopens_in_a_new_process(rsettings, e5):
    index = _index(rsettings, e5)
    index.ensure_knowledge()
    code = ("from assistant.retrieval.store import make_client\n"
            "from assistant.settings import load_settings\n"
            "import assistant.retrieval.embedder as e\n"
            "e.chroma_embedding_function()  # registers the class, as the index module does\n"
            "s = load_settings()\n"
            "c = make_client(s).get_collection(s.retrieval.collection)\n"
            "r = c.query(query_texts=['Wann werden Kita-Kinder gezählt?'], n_results=1)\n"
            "print(r['metadatas'][0][0]['section'])\n")
    out = subprocess.run([sys.executable, "-c", code], env=_env(rsettings), capture_output=True,
                         text=True, timeout=120, cwd=rsettings.paths.data_dir)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Kinder- und Jugendhilfestatistik"


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_index(rsettings, tmp_path: Path):
    """The process dies exactly between step 1 (chunks added) and step 2 (manifest record) of the
    third file: the next open must take the repair path, and the index then holds exactly the
    files whose commit finished."""
    folder = tmp_path / "viele"
    folder.mkdir()
    for i in range(4):
        lines = [f"Abschnitt {j} des Berichts {i} über Bildungsübergänge im Kreis." for j in range(40)]
        make_pdf(folder / f"bericht{i}.pdf", [lines[:20], lines[20:]])
    code = (
        "import os, signal, sys\n"
        "from assistant.retrieval.store import IndexStore\n"
        "put = IndexStore._put_record\n"
        "def dying(self, record):\n"
        "    if record.source == 'bericht2.pdf':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)  # chunks are in, the record is not\n"
        "    put(self, record)\n"
        "IndexStore._put_record = dying\n"
        "from assistant.cli.main import main\n"
        f"main(['ingest', {str(folder)!r}])\n"
    )
    env = _env(rsettings)
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=600, cwd=rsettings.paths.data_dir)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "eingelesen: bericht1.pdf" in proc.stderr and "eingelesen: bericht2.pdf" not in proc.stderr

    index = _index(rsettings, None)
    index.store  # opening repairs
    assert any(n.startswith("bericht2.pdf:") and "entfernt" in n for n in index.repair_notes), \
        index.repair_notes
    records = index.store.records()
    assert {"bericht0.pdf", "bericht1.pdf"} <= set(records) and "bericht2.pdf" not in records
    counts: dict[str, int] = {}
    for chunk in index.chunks():
        counts[chunk.source] = counts.get(chunk.source, 0) + 1
    assert counts == {s: r.chunks for s, r in records.items()}
    # and the command line sees the same consistent index
    listed = subprocess.run([sys.executable, "-m", "assistant", "sources", "--json"], env=env,
                            capture_output=True, text=True, timeout=240, cwd=rsettings.paths.data_dir)
    assert listed.returncode == 0, listed.stderr
    assert {r["source"] for r in json.loads(listed.stdout)} == set(records)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_http_client_against_a_real_chroma_server(rsettings, e5, tmp_path: Path):
    chroma = shutil.which("chroma")
    if not chroma:
        pytest.skip("chroma CLI not installed (pip install chromadb provides it)")
    port = _free_port()
    server = subprocess.Popen([chroma, "run", "--path", str(tmp_path / "server"), "--host",
                               "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.3)
        rsettings.retrieval.chroma_mode = "http"
        rsettings.retrieval.chroma_port = port
        index = _index(rsettings, e5)
        index.ensure_knowledge()
        assert set(index.store.records()) == {"stichtage.md", "geheimhaltung.md"}
        assert not (rsettings.paths.data_dir / "chroma").exists()
        from assistant.retrieval.hybrid import HybridRetriever

        top = HybridRetriever(_index(rsettings, e5)).retrieve("Ab wie vielen Fällen darf ich veröffentlichen?")[0]
        assert top.section == "Die Mindestfallzahl"
    finally:
        server.kill()
        server.wait(timeout=30)


def test_unreachable_http_server_gives_a_german_message(rsettings, bow):
    from assistant.retrieval.store import SearchIndexError

    rsettings.retrieval.chroma_mode = "http"
    rsettings.retrieval.chroma_port = _free_port()
    with pytest.raises(SearchIndexError, match="nicht erreichbar") as err:
        _index(rsettings, bow).store
    assert "chroma run" in err.value.hint
