"""Retrieval benchmark: ingestion chunks/s and query latency (p50/p95) with 10,000 chunks.

    python benchmarks/bench_retrieval.py [--knowledge DIR] [--chunks 10000] [--queries 50]

* Ingestion: the guidance texts under knowledge/ embedded without any cache (model speed), then
  the first-run index build as a user gets it (shipped vectors, fresh data dir).
* Queries: 10,000 chunks synthesised from the guidance chunks (each varied by a district name and
  a year; vectors are the originals plus small noise so no 30-minute embedding run is needed),
  hybrid search incl. query embedding with e5 (no cache), BM25 and Chroma HNSW, and rank fusion.
Figures are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import egress  # noqa: E402

DISTRICTS = ["Nord", "Süd", "Ost", "West", "Mitte", "Altstadt", "Hafen", "Bergviertel"]
QUESTIONS = [
    "Welcher Stichtag gilt für die Kinder in Kitas?", "Was ist die Dominanzregel?",
    "Wie schreibe ich einen kommunalen Bildungsbericht?", "Wie berechne ich eine Quote für Gruppen?",
    "Darf ich Schülerdaten in einen Chatbot hochladen?", "Was bedeutet ein Punkt in der Tabelle?",
    "Wie wähle ich das erste Handlungsfeld aus?", "Was ist das Prozess-Kontext-Modell?",
    "Wo finde ich Daten der Bundesagentur für Arbeit?", "Was sind die Leitziele des DKBM?",
]


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    egress.install()

    from assistant.retrieval.chunking import Chunker
    from assistant.retrieval.embedder import E5Embedder
    from assistant.retrieval.german import words
    from assistant.retrieval.hybrid import HybridRetriever
    from assistant.retrieval.index import KnowledgeIndex
    from assistant.retrieval.ingest import knowledge_files
    from assistant.retrieval.loaders import load_document
    from assistant.retrieval.models import Chunk, SourceRecord
    from assistant.settings import load_settings

    chunker = Chunker()
    base: list[Chunk] = []
    for path in knowledge_files(args.knowledge):
        base += chunker.split(load_document(path), path.name)
    if not base:
        sys.exit(f"no guidance texts under {args.knowledge}")
    raw = E5Embedder()  # no cache: the model's own speed
    raw.embed_passages(["Aufwärmen."])
    sample = base[:40]
    started = time.perf_counter()
    raw.embed_passages([c.embedding_text() for c in sample])
    elapsed = time.perf_counter() - started
    tokens = statistics.mean(raw.model.token_count(c.embedding_text()) for c in sample)
    print(f"e5 embedding (no cache): {len(sample) / elapsed:.1f} chunks/s "
          f"({len(sample)} chunks, mean {tokens:.0f} tokens)")

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(paths={"data_dir": tmp, "knowledge_dir": str(args.knowledge)},
                                 llm={"backend": "fake"})
        started = time.perf_counter()
        index = KnowledgeIndex(settings, progress=False, status=lambda m: None)
        report = index.ensure_knowledge()
        first_run = time.perf_counter() - started
        print(f"first-run index of knowledge/ (fresh data dir, shipped vectors): {first_run:.1f} s "
              f"for {report.chunks} chunks from {len(report.added)} files")

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(paths={"data_dir": tmp, "knowledge_dir": tmp},
                                 llm={"backend": "fake"})
        index = KnowledgeIndex(settings, progress=False, status=lambda m: None)
        base_vecs = index.embedder.embed_passages([c.embedding_text() for c in base])
        rng = np.random.default_rng(1)
        random.seed(1)
        chunks, vecs = [], []
        for i in range(args.chunks):
            j = i % len(base)
            c = base[j]
            district, year = random.choice(DISTRICTS), 2015 + (i // len(base)) % 10
            text = f"{c.text} (Stadtbezirk {district}, Berichtsjahr {year})"
            chunks.append(Chunk(text, f"synth{i // 500}.md", c.title, c.section, None, i % 500))
            v = base_vecs[j] + rng.normal(0, 0.02, base_vecs.shape[1]).astype(np.float32)
            vecs.append(v / np.linalg.norm(v))
        started = time.perf_counter()
        for s in range(0, len(chunks), 500):
            part = chunks[s:s + 500]
            record = SourceRecord(f"synth{s // 500}.md", "", "user", "synth", "x", len(part),
                                  f"bench{s // 500}", "")
            index.store.commit_source(record, part, np.stack(vecs[s:s + 500]),
                                      [words(c.embedding_text()) for c in part])
        print(f"stored {len(chunks)} chunks in Chroma (vectors given): "
              f"{len(chunks) / (time.perf_counter() - started):.0f} chunks/s")
        retriever = HybridRetriever(index)
        started = time.perf_counter()
        retriever.search("Aufwärmen der BM25-Indexstruktur")
        print(f"load {len(chunks)} chunks + build BM25 (once per process): "
              f"{time.perf_counter() - started:.2f} s")
        index.embedder.cache = None  # every query is embedded afresh
        total, embed, bm25, dense = [], [], [], []
        bm25_index = retriever._bm25_index(index.chunks())
        for i in range(args.queries):
            q = f"{QUESTIONS[i % len(QUESTIONS)]} ({i})"
            t0 = time.perf_counter()
            retriever.search(q)
            t1 = time.perf_counter()
            vec = index.embedder.embed_queries([q])[0]
            t2 = time.perf_counter()
            bm25_index.scores(q)
            t3 = time.perf_counter()
            index.store.dense(vec, retriever.candidates)
            t4 = time.perf_counter()
            total.append((t1 - t0) * 1000)
            embed.append((t2 - t1) * 1000)
            bm25.append((t3 - t2) * 1000)
            dense.append((t4 - t3) * 1000)
        print(f"query latency with {len(chunks)} chunks incl. query embedding "
              f"({args.queries} queries): p50 {pct(total, 50):.1f} ms, p95 {pct(total, 95):.1f} ms")
        print(f"  stages p50: query embedding {pct(embed, 50):.1f} ms, BM25 {pct(bm25, 50):.1f} ms, "
              f"Chroma HNSW {pct(dense, 50):.1f} ms")


if __name__ == "__main__":
    main()
