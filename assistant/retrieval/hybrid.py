"""Hybrid retrieval: BM25 over German tokens fused with dense search by reciprocal rank fusion.

BM25 finds exact terms (``Stichtag``, ``KJH-Statistik``, an indicator's abbreviation); the dense
model finds paraphrases. Reciprocal rank fusion (Cormack et al. 2009) adds ``1 / (60 + rank)``
from each list, so neither score scale dominates. When the question names an indicator of the
catalogue, the catalogue entry joins the passages in front (source ``katalog:<ID>``).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol, Sequence

import numpy as np

from assistant.catalogue.search import named_exactly
from assistant.retrieval.german import CompoundSplitter, stem, words
from assistant.retrieval.models import Passage
from assistant.retrieval.store import StoredChunk

log = logging.getLogger(__name__)
RRF_K = 60


class Catalogue(Protocol):
    def mentioned_in(self, question: str) -> list[Any]: ...


class ChunkSource(Protocol):
    """What the retriever needs from the index (``KnowledgeIndex`` provides it)."""

    embedder: Any

    def chunks(self) -> list[StoredChunk]: ...

    @property
    def store(self) -> Any: ...


class BM25Index:
    """rank_bm25's Okapi BM25 over compound-split German stems; scores via an inverted index."""

    def __init__(self, chunks: Sequence[StoredChunk]) -> None:
        from rank_bm25 import BM25Okapi

        self.splitter = CompoundSplitter({stem(w) for c in chunks for w in c.words})
        corpus = [self.splitter.terms(c.words) or ["_"] for c in chunks]
        self.bm25 = BM25Okapi(corpus)
        raw: dict[str, tuple[list[int], list[int]]] = {}
        for i, freqs in enumerate(self.bm25.doc_freqs):
            for term, tf in freqs.items():
                docs, tfs = raw.setdefault(term, ([], []))
                docs.append(i)
                tfs.append(tf)
        self.postings = {t: (np.array(d), np.array(f, dtype=np.float32)) for t, (d, f) in raw.items()}
        self.doc_len = np.array(self.bm25.doc_len, dtype=np.float32)

    def scores(self, question: str) -> np.ndarray:
        """Same numbers as ``BM25Okapi.get_scores`` without its loop over every document."""
        b, k1 = self.bm25.b, self.bm25.k1
        out = np.zeros(len(self.doc_len), dtype=np.float32)
        norm = k1 * (1 - b + b * self.doc_len / self.bm25.avgdl)
        for term in self.splitter.terms(words(question)):
            if term not in self.postings:
                continue
            docs, tf = self.postings[term]
            out[docs] += self.bm25.idf[term] * tf * (k1 + 1) / (tf + norm[docs])
        return out


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda kv: -kv[1])


class HybridRetriever:
    def __init__(self, index: ChunkSource, catalogue: Catalogue | None = None, *, k: int = 5,
                 candidates: int = 30, dense_weight: float = 1.0, bm25_weight: float = 1.0) -> None:
        self.index = index
        self.catalogue = catalogue
        self.k = k
        self.candidates = candidates
        self.weights = (dense_weight, bm25_weight)
        self._bm25: BM25Index | None = None
        self._bm25_for: list[StoredChunk] | None = None

    def _bm25_index(self, chunks: list[StoredChunk]) -> BM25Index:
        if self._bm25 is None or self._bm25_for is not chunks:
            self._bm25 = BM25Index(chunks)
            self._bm25_for = chunks
        return self._bm25

    def search(self, question: str, k: int | None = None) -> list[Passage]:
        """Chunks only (no catalogue), best first, numbered from 1."""
        k = k or self.k
        chunks = self.index.chunks()
        if not chunks:
            return []
        by_id = {c.id: c for c in chunks}
        scores = self._bm25_index(chunks).scores(question)
        top = np.argsort(-scores)[: self.candidates]
        lexical = [chunks[i].id for i in top if scores[i] > 0]
        vector = self.index.embedder.embed_queries([question])[0]
        dense = [cid for cid, _ in self.index.store.dense(vector, self.candidates) if cid in by_id]
        fused = rrf([dense, lexical], self.weights)[:k]
        passages = []
        for n, (cid, score) in enumerate(fused, start=1):
            c = by_id[cid]
            passages.append(Passage(text=c.text, source=c.source, title=c.title, section=c.section,
                                    page=c.page, score=score, n=n, chunk_id=cid))
        return passages

    def catalogue_passages(self, question: str, limit: int = 2) -> list[Passage]:
        if self.catalogue is None:
            return []
        try:
            found = self.catalogue.mentioned_in(question)[:limit]
        except Exception as exc:  # noqa: BLE001 - a broken catalogue must not break search
            log.warning("catalogue lookup failed: %s", exc)
            return []
        return [Passage(text=ind.to_text(), source=f"katalog:{ind.id}", title=ind.name,
                        section=None, page=None, score=1.0, chunk_id=f"katalog:{ind.id}",
                        summary=tuple(ind.summary()) if named_exactly(ind, question) else ())
                for ind in found]

    def retrieve(self, question: str, k: int | None = None) -> list[Passage]:
        """Catalogue entries the question names, then the fused chunks; numbered from 1."""
        entries = self.catalogue_passages(question)
        # An entry the question names as a phrase leads; one matched only by scattered words
        # ("Zahl … Schule") goes behind the text passages, where it cannot crowd them out.
        named = [p for p in entries if p.summary]
        loose = [p for p in entries if not p.summary]
        passages = named + self.search(question, k) + loose
        for n, passage in enumerate(passages, start=1):
            passage.n = n
        return passages

