"""The search index as one object: store + embedder + ingestor, opened and repaired lazily.

On first use in a process it repairs the store (see :mod:`assistant.retrieval.store`) and brings
the guidance texts under ``knowledge/`` up to date (only changed files are read again; vectors of
unchanged text come from the cache).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

from assistant.retrieval.chunking import Chunker
from assistant.retrieval.embedder import E5Embedder, Embedder, VectorCache, set_default_embedder
from assistant.retrieval.ingest import IngestReport, Ingestor
from assistant.retrieval.store import IndexStore, StoredChunk, make_client


def shipped_vector_files(knowledge_dir: Path) -> list[Path]:
    folder = knowledge_dir / "vectors"
    return sorted(folder.glob("*.npz")) if folder.is_dir() else []


def default_embedder_for(settings: Any) -> E5Embedder:
    cache = VectorCache(settings.paths.data_dir / "retrieval" / "vectors.sqlite",
                        shipped_vector_files(settings.paths.knowledge_dir))
    return E5Embedder(cache)


class KnowledgeIndex:
    def __init__(self, settings: Any, *, embedder: Embedder | None = None, client: Any = None,
                 progress: bool = True, status: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or default_embedder_for(settings)
        set_default_embedder(self.embedder)
        self._client = client
        self.progress = progress
        self.status = status or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self._store: IndexStore | None = None
        self._synced = False
        self._chunks: list[StoredChunk] | None = None
        self.repair_notes: list[str] = []

    @property
    def store(self) -> IndexStore:
        if self._store is None:
            client = self._client or make_client(self.settings)
            self._store = IndexStore(client, self.settings.retrieval.collection, self.embedder)
            self.repair_notes = self._store.repair()
        return self._store

    def ingestor(self, on_file: Callable[[str], None] | None = None) -> Ingestor:
        r = self.settings.retrieval
        return Ingestor(self.store, self.embedder, Chunker(r.chunk_chars, r.chunk_overlap),
                        max_file_mb=r.max_file_mb, progress=self.progress, on_file=on_file)

    def ensure_knowledge(self) -> IngestReport | None:
        """Index the guidance texts once per process (incrementally)."""
        if self._synced:
            return None
        self._synced = True
        report = self.ingestor().sync_knowledge(self.settings.paths.knowledge_dir)
        if report.added or report.removed:
            self._chunks = None
        for _path, message in report.errors:
            self.status(f"Hinweis: {message}")
        return report

    def ingest(self, paths: list[Path], on_file: Callable[[str], None] | None = None) -> IngestReport:
        report = self.ingestor(on_file).ingest_paths(paths)
        self._chunks = None
        return report

    def remove(self, source: str) -> str | None:
        removed = self.ingestor().remove(source)
        self._chunks = None
        return removed

    def chunks(self) -> list[StoredChunk]:
        """All stored chunks (for BM25), cached until the index changes in this process."""
        if self._chunks is None:
            self._chunks = self.store.all_chunks()
        return self._chunks
