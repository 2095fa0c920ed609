"""Ingestion: files -> sections -> chunks -> vectors -> store, one source at a time.

``sync_knowledge`` keeps the shipped guidance texts in the index incrementally (by content hash);
``ingest_paths`` reads users' own files and folders. Every file that fails gets a German message in
the report and the others are still ingested.
"""

from __future__ import annotations

import hashlib
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from assistant.errors import InputError
from assistant.limits import ReadLimits, ensure_regular, read_regular
from assistant.retrieval.chunking import Chunker
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.german import words
from assistant.retrieval.loaders import kind_of, parse_document, supported
from assistant.retrieval.models import Chunk, SourceRecord
from assistant.retrieval.store import IndexStore

#: Folders under knowledge/ that hold data other components read (not prose to search).
KNOWLEDGE_SKIP = {"eval", "indicators", "reference", "vectors"}


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, German message)
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def file_sha256(path: Path, max_mb: float = 50.0) -> str:
    """SHA-256 of a regular file (a pipe or device is refused, not read forever)."""
    return hashlib.sha256(read_regular(path, max_mb)).hexdigest()


def knowledge_files(knowledge_dir: Path) -> list[Path]:
    if not knowledge_dir.is_dir():
        return []
    return sorted(p for p in knowledge_dir.rglob("*")
                  if p.is_file() and supported(p) and not p.name.startswith(".")
                  and not KNOWLEDGE_SKIP & set(p.relative_to(knowledge_dir).parts[:-1]))


class Ingestor:
    def __init__(self, store: IndexStore, embedder: Embedder, chunker: Chunker, *,
                 max_file_mb: float = 50.0, progress: bool = True,
                 on_file: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
        self.max_file_mb = max_file_mb
        self.progress = progress
        self.on_file = on_file

    # public ---------------------------------------------------------------------------------
    def sync_knowledge(self, knowledge_dir: Path) -> IngestReport:
        report = IngestReport()
        records = {s: r for s, r in self.store.records().items() if r.origin == "knowledge"}
        present = set()
        for path in knowledge_files(knowledge_dir):
            present.add(path.name)
            self._ingest_file(path, "knowledge", report, records, source=path.name)
        for source in sorted(set(records) - present):
            self.store.remove_source(source)
            report.removed.append(source)
        return report

    def ingest_paths(self, paths: Iterable[Path]) -> IngestReport:
        report = IngestReport()
        records = self.store.records()
        for path in paths:
            path = Path(path).expanduser()
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and supported(p)
                               and not p.name.startswith("."))
                if not files:
                    report.errors.append((str(path), (
                        f"Der Ordner '{path}' enthält keine lesbaren Dokumente "
                        "(PDF, DOCX, Markdown, HTML, Text).")))
                for file in files:
                    self._ingest_file(file, "user", report, records)
            else:
                self._ingest_file(path, "user", report, records)
        return report

    def remove(self, source: str) -> str | None:
        """Remove a source by its name or original path; returns the removed name."""
        records = self.store.records()
        match = records.get(source) or next(
            (r for r in records.values() if r.path == str(Path(source).expanduser().resolve())
             or Path(r.path).name == source), None)
        if match is None:
            return None
        self.store.remove_source(match.source)
        return match.source

    # internals ------------------------------------------------------------------------------
    def _source_name(self, path: Path, records: dict[str, SourceRecord]) -> str:
        name = path.name
        existing = records.get(name)
        if existing is None or existing.path == str(path):
            return name
        return f"{path.parent.name}/{path.name}"

    def _ingest_file(self, path: Path, origin: str, report: IngestReport,
                     records: dict[str, SourceRecord], source: str | None = None) -> None:
        resolved = path.resolve() if path.exists() else path
        limits = ReadLimits(max_file_mb=self.max_file_mb)
        try:
            ensure_regular(resolved)
            kind = kind_of(path)  # the name as given (a link may point to a device)
            # Regular file and size are checked on the open file before a byte is hashed or parsed.
            data = read_regular(resolved, limits.max_file_mb)
        except InputError as exc:
            report.errors.append((str(path), f"{exc.message} {exc.hint or ''}".strip()))
            return
        sha = hashlib.sha256(data).hexdigest()
        source = source or self._source_name(resolved, records)
        known = records.get(source)
        if known is not None and known.sha256 == sha:
            report.unchanged.append(source)
            return
        try:
            document = parse_document(data, resolved, limits, kind)
        except InputError as exc:
            report.errors.append((str(path), f"{exc.message} {exc.hint or ''}".strip()))
            return
        del data
        chunks = self.chunker.split(document, source)
        if not chunks:
            report.errors.append((str(path), f"'{path.name}' enthält keinen verwertbaren Text."))
            return
        vectors = self._embed(chunks, path.name)
        record = SourceRecord(
            source=source, path=str(resolved), origin=origin, title=document.title, sha256=sha,
            chunks=len(chunks), ingest_id=uuid.uuid4().hex[:16],
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        self.store.commit_source(record, chunks, vectors,
                                 [words(c.embedding_text()) for c in chunks])
        records[source] = record
        report.added.append(source)
        report.chunks += len(chunks)
        if self.on_file:
            self.on_file(source)

    def _embed(self, chunks: list[Chunk], label: str):  # noqa: ANN202 - numpy array
        texts = [c.embedding_text() for c in chunks]
        if not self.progress:
            return self.embedder.embed_passages(texts)
        from tqdm import tqdm

        bar = tqdm(total=len(texts), desc=f"Einlesen {label[:30]}", unit="Abschnitt",
                   file=sys.stderr, leave=False, delay=1.0, disable=None)
        previous = getattr(self.embedder, "progress", None)
        if hasattr(self.embedder, "progress"):
            self.embedder.progress = bar.update
        try:
            return self.embedder.embed_passages(texts)
        finally:
            if hasattr(self.embedder, "progress"):
                self.embedder.progress = previous
            bar.close()
