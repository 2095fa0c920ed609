"""Build the vectors shipped with ``knowledge/`` so the first index build is fast.

    python -m scripts.prebuild_vectors [--knowledge DIR] [--out FILE]

Embeds every chunk of the guidance texts (and every sentence the extractive answerer may score)
and writes ``knowledge/vectors/e5-small.npz``: keys are ``sha256(model, kind, text)``, vectors are
float16. At run time a text that changed since the build misses the cache and is embedded then,
so a stale file costs time, never correctness. Re-run after editing the guidance texts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from assistant import PROJECT_ROOT
from assistant.retrieval.chunking import Chunker
from assistant.retrieval.embedder import E5Embedder, VectorCache, text_key
from assistant.answers.extractive import MIN_CHARS
from assistant.retrieval.ingest import knowledge_files
from assistant.retrieval.loaders import load_document
from assistant.answers.sentences import split_sentences


def texts_for(knowledge_dir: Path, chunk_chars: int = 900, overlap: int = 120) -> list[str]:
    chunker = Chunker(chunk_chars, overlap)
    texts: list[str] = []
    for path in knowledge_files(knowledge_dir):
        for chunk in chunker.split(load_document(path), path.name):
            texts.append(chunk.embedding_text())
            texts += [s for s in split_sentences(chunk.text) if len(s) >= MIN_CHARS]
    return list(dict.fromkeys(texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=PROJECT_ROOT / "knowledge")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None,
                        help="SQLite vector cache to reuse (e.g. <data_dir>/retrieval/vectors.sqlite)")
    args = parser.parse_args(argv)
    out = args.out or args.knowledge / "vectors" / "e5-small.npz"
    texts = texts_for(args.knowledge)
    embedder = E5Embedder(VectorCache(args.cache) if args.cache else None)
    started = time.perf_counter()
    vectors = embedder.embed_passages(texts)
    keys = np.array([text_key(embedder.model_id, "passage", t) for t in texts])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, keys=keys, vectors=vectors.astype(np.float16))
    print(f"{len(texts)} Texte in {time.perf_counter() - started:.1f} s eingebettet -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
