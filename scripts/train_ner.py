#!/usr/bin/env python3
"""Train the person CRF of the privacy gate (GermEval 2014 training part + synthetic sentences).

Reproducible: fixed seed, deterministic L-BFGS, sorted inputs. Prints the data sizes, an internal
validation figure (trained without GermEval index % 5 == 1, measured on it; the gate's held-out
part index % 5 == 0 is never read), the training time and the model size.

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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from scripts.privacy_evaluation import (  # noqa: E402
    GERMEVAL_HELDOUT_EVERY, person_token_spans, read_germeval)
from assistant.privacy.names import load_lexicon  # noqa: E402
from assistant.privacy.text.ner_features import FEATURE_VERSION, Tok, featurize, sequences  # noqa: E402
from assistant.privacy.text.ner_model import MODEL_DIR, MODEL_FILE, META_FILE, decode_spans  # noqa: E402

DEFAULT_GERMEVAL = Path("/work/shared/data/germeval2014/NER-de-dev.tsv")
VALIDATION_FOLD = 1  # index % 5 == 1: internal validation (never the held-out fold 0)


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


def germeval_examples(path: Path, folds: set[int], limit: int | None, forms=("text", "tokens")):
    """Sequences of the chosen GermEval folds, as running text and/or as space-joined tokens."""
    out = []
    for sentence in read_germeval(path):
        fold = sentence.index % GERMEVAL_HELDOUT_EVERY
        if fold == 0 or fold not in folds:  # fold 0 is the held-out part: never used here
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


def evaluate(path: Path, examples, lexicon, threshold: float) -> tuple[float, float, int]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tp_gold = tp_pred = n_gold = n_pred = 0
    for tokens, labels in examples:
        tagger.set(featurize(tokens, lexicon))
        predicted = [(s, e) for s, e, _ in decode_spans(tagger, len(tokens), threshold)]
        gold = person_token_spans(labels)
        n_gold += len(gold)
        n_pred += len(predicted)
        tp_gold += sum(any(ps < ge and gs < pe for ps, pe in predicted) for gs, ge in gold)
        tp_pred += sum(any(ps < ge and gs < pe for gs, ge in gold) for ps, pe in predicted)
    recall = tp_gold / n_gold if n_gold else 1.0
    precision = tp_pred / n_pred if n_pred else 1.0
    return precision, recall, n_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--germeval", type=Path, default=DEFAULT_GERMEVAL)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--max-sentences", type=int, default=None,
                        help="cap GermEval sentences and synthetic sentences (smoke runs)")
    parser.add_argument("--synthetic", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=1)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--no-validate", action="store_true", help="skip the internal validation run")
    args = parser.parse_args()

    total_started = time.perf_counter()
    lexicon = load_lexicon()
    limit = args.max_sentences
    n_synth = min(args.synthetic, limit) if limit is not None else args.synthetic
    synthetic = synthetic_examples(n_synth, args.seed)
    all_folds = {1, 2, 3, 4}
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / MODEL_FILE

    if not args.no_validate:
        fit = germeval_examples(args.germeval, all_folds - {VALIDATION_FOLD}, limit)
        held = germeval_examples(args.germeval, {VALIDATION_FOLD}, limit, forms=("tokens",))
        seconds = train(fit + synthetic, lexicon, model_path, args)
        for threshold in (0.3, 0.5, 0.7):
            p, r, n = evaluate(model_path, held, lexicon, threshold)
            print(f"validation (GermEval index % 5 == {VALIDATION_FOLD}, {n} persons, CRF alone, "
                  f"min marginal {threshold}): precision {p:.3f} recall {r:.3f}   [{seconds:.1f} s]")

    germeval = germeval_examples(args.germeval, all_folds, limit)
    n_tokens = sum(len(t) for t, _ in germeval + synthetic)
    print(f"training data: {len(germeval)} GermEval sequences (index % 5 != 0), "
          f"{len(synthetic)} synthetic sequences, {n_tokens} tokens")
    seconds = train(germeval + synthetic, lexicon, model_path, args)
    meta = {"feature_version": FEATURE_VERSION, "seed": args.seed, "c1": args.c1, "c2": args.c2,
            "iterations": args.iterations, "dropout": args.dropout, "synthetic": n_synth,
            "germeval_sequences": len(germeval), "germeval_folds": sorted(all_folds),
            "max_sentences": limit}
    (args.out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    size = model_path.stat().st_size
    print(f"final model: {model_path} ({size / 1e6:.2f} MB), trained in {seconds:.1f} s; "
          f"total run {time.perf_counter() - total_started:.1f} s")


if __name__ == "__main__":
    main()
