"""The vector store: a Chroma collection of chunks plus a manifest collection of sources.

Consistency without transactions across records: a source is committed in three steps,

1. its new chunks are added under a fresh ``ingest_id``,
2. its manifest record (naming that ``ingest_id`` and the chunk count) is upserted,
3. chunks of older ingests of the same source are deleted.

A crash between the steps leaves chunks that no manifest record names, or an old version beside
the new one; :meth:`IndexStore.repair` (run on every open) deletes whatever the manifest does not
vouch for and drops records whose chunks are incomplete. Chroma itself writes through SQLite.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from assistant.errors import SearchIndexError
from assistant.retrieval.embedder import Embedder, chroma_embedding_function
from assistant.retrieval.models import Chunk, SourceRecord

log = logging.getLogger(__name__)
MANIFEST_SUFFIX = ".sources"


@dataclass
class StoredChunk:
    id: str
    text: str
    source: str
    title: str
    section: str | None
    page: int | None
    words: list[str]


def make_client(settings: Any) -> Any:
    """A Chroma client: persistent under the data dir, or HTTP when ``chroma_mode = "http"``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    retrieval = settings.retrieval
    if retrieval.chroma_mode == "http":
        from assistant import egress

        egress.check_host(retrieval.chroma_host, retrieval.chroma_port)  # names the guard
        try:
            return chromadb.HttpClient(host=retrieval.chroma_host, port=retrieval.chroma_port,
                                       settings=chroma_settings)
        except Exception as exc:  # noqa: BLE001 - chromadb raises plain exceptions on connect
            blocked = egress.blocked_in(exc)
            if blocked is not None:
                raise blocked from None
            raise SearchIndexError(
                f"Der Chroma-Server {retrieval.chroma_host}:{retrieval.chroma_port} ist nicht "
                f"erreichbar ({type(exc).__name__}).",
                "Starten Sie ihn (chroma run --path ORDNER --host 127.0.0.1 --port "
                f"{retrieval.chroma_port}) oder setzen Sie retrieval.chroma_mode = \"persistent\".",
            ) from None
    path = settings.paths.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _meta(chunk: Chunk, ingest_id: str, words: list[str]) -> dict[str, Any]:
    return {"source": chunk.source, "title": chunk.title, "section": chunk.section or "",
            "page": chunk.page or 0, "idx": chunk.index, "ingest_id": ingest_id,
            "words": " ".join(words)}


class IndexStore:
    def __init__(self, client: Any, name: str, embedder: Embedder) -> None:
        self.client = client
        self.embedder = embedder
        ef = chroma_embedding_function(embedder)
        try:
            self.chunks = client.get_or_create_collection(
                name, embedding_function=ef, configuration={"hnsw": {"space": "cosine"}})
            self.manifest = client.get_or_create_collection(name + MANIFEST_SUFFIX,
                                                            embedding_function=ef)
        except ValueError as exc:
            raise SearchIndexError(f"Der Suchindex '{name}' passt nicht zu dieser Lotse-Version ({exc}).",
                              "Löschen Sie den Ordner 'chroma' im Datenordner; Lotse baut den "
                              "Index beim nächsten Start neu auf (eigene Dokumente erneut mit "
                              "lotse ingest einlesen).") from None

    # manifest -----------------------------------------------------------------------------
    def records(self) -> dict[str, SourceRecord]:
        got = self.manifest.get(include=["documents"])
        out = {}
        for doc in got["documents"] or []:
            try:
                record = SourceRecord(**json.loads(doc))
            except (TypeError, ValueError):
                continue
            out[record.source] = record
        return out

    def _put_record(self, record: SourceRecord) -> None:
        self.manifest.upsert(ids=[record.source], embeddings=[[1.0]],
                             documents=[json.dumps(record.as_dict(), ensure_ascii=False)])

    # chunks -------------------------------------------------------------------------------
    def commit_source(self, record: SourceRecord, chunks: Sequence[Chunk],
                      vectors: np.ndarray, words: Sequence[list[str]]) -> None:
        """Add ``chunks`` for ``record`` and make them visible atomically (see module doc)."""
        ids = [f"{record.ingest_id}:{c.index}" for c in chunks]
        for start in range(0, len(ids), 1000):
            end = start + 1000
            self.chunks.add(ids=ids[start:end], documents=[c.text for c in chunks[start:end]],
                            embeddings=[v for v in vectors[start:end]],
                            metadatas=[_meta(c, record.ingest_id, w)
                                       for c, w in zip(chunks[start:end], words[start:end])])
        self._put_record(record)
        self.chunks.delete(where={"$and": [{"source": record.source},
                                           {"ingest_id": {"$ne": record.ingest_id}}]})

    def remove_source(self, source: str) -> None:
        self.manifest.delete(ids=[source])
        self.chunks.delete(where={"source": source})

    def all_chunks(self) -> list[StoredChunk]:
        got = self.chunks.get(include=["documents", "metadatas"])
        out = []
        for cid, doc, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or []):
            out.append(StoredChunk(id=cid, text=doc, source=str(meta.get("source", "")),
                                   title=str(meta.get("title", "")),
                                   section=str(meta.get("section") or "") or None,
                                   page=int(meta.get("page") or 0) or None,
                                   words=str(meta.get("words", "")).split()))
        return out

    def count(self) -> int:
        return self.chunks.count()

    def dense(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``k`` nearest chunks."""
        n = min(k, self.chunks.count())
        if n == 0:
            return []
        got = self.chunks.query(query_embeddings=[vector], n_results=n, include=["distances"])
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0])]

    def repair(self) -> list[str]:
        """Delete chunks the manifest does not vouch for; drop incomplete records. Returns notes."""
        records = self.records()
        got = self.chunks.get(include=["metadatas"])
        counts: dict[tuple[str, str], int] = {}
        for meta in got["metadatas"] or []:
            key = (str(meta.get("source")), str(meta.get("ingest_id")))
            counts[key] = counts.get(key, 0) + 1
        notes = []
        for (source, ingest_id), n in counts.items():
            record = records.get(source)
            if record is None or record.ingest_id != ingest_id:
                self.chunks.delete(where={"$and": [{"source": source}, {"ingest_id": ingest_id}]})
                notes.append(f"{source}: {n} unvollständig eingelesene Abschnitte entfernt")
        for source, record in records.items():
            if counts.get((source, record.ingest_id), 0) != record.chunks:
                self.remove_source(source)
                notes.append(f"{source}: Eintrag unvollständig, bitte erneut einlesen")
        for note in notes:
            log.warning("index repair: %s", note)
        return notes
