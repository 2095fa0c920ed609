#!/usr/bin/env python3
"""Train the person CRF of the privacy gate (all of GermEval 2014 dev + synthetic sentences).

Reproducible: fixed seed, deterministic L-BFGS, inputs in file order. The recipe (options below)
is the one ``scripts/cv_ner.py`` measures by 5-fold cross-validation of the whole gate; the model
shipped in ``assistant/privacy/data/ner/`` is trained on all five folds. Prints the data sizes, the
training time and the model size (about 1 min on one of 2 shared cores).

Run:  python scripts/train_ner.py                       # writes assistant/privacy/data/ner/
      python scripts/train_ner.py --max-sentences 50 --out /tmp/ner   # quick smoke run
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from scripts.privacy_evaluation import (  # noqa: E402
    GERMEVAL_FOLDS, person_token_spans, read_germeval)
from assistant.privacy.names import load_lexicon  # noqa: E402
from assistant.privacy.text.ner_features import FEATURE_VERSION, Tok, featurize, sequences  # noqa: E402
from assistant.privacy.text.ner_model import MODEL_DIR, MODEL_FILE, META_FILE  # noqa: E402

DEFAULT_GERMEVAL = Path("/work/shared/data/germeval2014/NER-de-dev.tsv")


def bio(tokens: list[Tok], persons: list[tuple[int, int]]) -> list[str]:
    labels = []
    for tok in tokens:
        label = "O"
        for start, end in persons:
            if start <= tok.start and tok.end <= end:
                label = "B-PER" if tok.start == start else "I-PER"
                break
        labels.append(label)
    return labels


def examples_from(text: str, persons: list[tuple[int, int]]) -> list[tuple[list[Tok], list[str]]]:
    return [(toks, bio(toks, persons)) for toks in sequences(text)]


_NO_SPACE_BEFORE = {".", ",", ";", ":", ")", "!", "?", "%"}


def detokenize(tokens: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """GermEval tokens as running text ("Dr. Meier, 2004)") with the outer PER spans."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        glue = i == 0 or token in _NO_SPACE_BEFORE or tokens[i - 1] == "("
        if not glue:
            parts.append(" ")
            pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    persons = [(offsets[i][0], offsets[j - 1][1]) for i, j in person_token_spans(tags)]
    return "".join(parts), persons


def modulo_fold(index: int) -> int:
    """The fold of GermEval sentence ``index``: index % 5 (the default split)."""
    return index % GERMEVAL_FOLDS


def germeval_examples(path: Path, folds: set[int] | None = None, limit: int | None = None,
                      forms=("text", "tokens"), fold_of: Callable[[int], int] = modulo_fold):
    """Sequences of the GermEval sentences whose ``fold_of(index)`` is in ``folds`` (all if None),
    as running text and/or as space-joined tokens."""
    out = []
    for sentence in read_germeval(path):
        if folds is not None and fold_of(sentence.index) not in folds:
            continue
        if "text" in forms:
            out += examples_from(*detokenize(sentence.tokens, sentence.tags))
        if "tokens" in forms:
            text, _ = sentence.text_and_offsets()
            out += examples_from(text, [(s.start, s.end) for s in sentence.person_spans()])
        if limit is not None and len(out) >= limit:
            break
    return out


def synthetic_examples(n: int, seed: int):
    from ner_synthetic import generate

    out = []
    for sent in generate(n, seed):
        out += examples_from(sent.text, sent.persons)
    return out


def xseqs(examples, lexicon, rng: random.Random, dropout: float):
    """Features with list dropout: a name token loses its list flags with probability ``dropout``."""
    for tokens, labels in examples:
        hide = [i for i, lab in enumerate(labels) if lab != "O" and rng.random() < dropout]
        yield featurize(tokens, lexicon, hide), labels


def train(examples, lexicon, path: Path, args) -> float:
    import pycrfsuite

    rng = random.Random(args.seed)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in xseqs(examples, lexicon, rng, args.dropout):
        trainer.append(x, y)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": args.minfreq})
    started = time.perf_counter()
    trainer.train(str(path))
    return time.perf_counter() - started


def add_training_args(parser: argparse.ArgumentParser) -> None:
    """Options shared with ``scripts/cv_ner.py`` (so CV measures the recipe that ships)."""
    parser.add_argument("--germeval", type=Path, default=DEFAULT_GERMEVAL)
    parser.add_argument("--max-sentences", type=int, default=None,
                        help="cap GermEval sequences and synthetic sentences (smoke runs)")
    parser.add_argument("--synthetic", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=1.0)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=1)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--token-threshold", type=float, default=0.12,
                        help="min P(person) of a token in a span, stored with the model")


def train_model(args, folds: set[int] | None, lexicon, out: Path,
                fold_of: Callable[[int], int] = modulo_fold) -> tuple[float, int]:
    """Train on the GermEval ``folds`` (all if None) + synthetic sentences; write the model and its
    description to ``out``. Returns (training seconds, number of sequences)."""
    limit = args.max_sentences
    n_synth = min(args.synthetic, limit) if limit is not None else args.synthetic
    germeval = germeval_examples(args.germeval, folds, limit, fold_of=fold_of)
    examples = germeval + synthetic_examples(n_synth, args.seed)
    out.mkdir(parents=True, exist_ok=True)
    seconds = train(examples, lexicon, out / MODEL_FILE, args)
    meta = {"feature_version": FEATURE_VERSION, "seed": args.seed, "c1": args.c1, "c2": args.c2,
            "iterations": args.iterations, "dropout": args.dropout,
            "token_threshold": args.token_threshold, "synthetic": n_synth,
            "germeval_sequences": len(germeval),
            "germeval_folds": "all" if folds is None else sorted(folds), "max_sentences": limit}
    (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return seconds, len(examples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_training_args(parser)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()

    started = time.perf_counter()
    seconds, n = train_model(args, None, load_lexicon(), args.out)
    size = (args.out / MODEL_FILE).stat().st_size
    print(f"trained on all of {args.germeval.name} + {args.synthetic} synthetic sentences "
          f"({n} sequences): {args.out / MODEL_FILE} ({size / 1e6:.2f} MB), training {seconds:.1f} s, "
          f"total run {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
