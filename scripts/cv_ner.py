#!/usr/bin/env python3
"""K-fold cross-validation of the WHOLE text gate's PERSON figures on GermEval 2014 dev.

Fold k holds the sentences with index % 5 == k (``--split blocks``: the k-th fifth of the file). For each fold the recipe that ships is rebuilt
from the other four folds only: the person CRF (``scripts/train_ner.py``, same options, same
synthetic sentences) and the corpus-derived ordinary-word list (``scripts/build_common_words.py``,
which the rule and CRF recognizers both read). The gate with that model and lexicon then analyses
the held-out fold, one session per sentence as in ``scripts/eval_privacy.py``. Printed: per fold
and mean ± sd (sample sd over folds) of PERSON precision/recall/F1 (overlap: a name counts as found
when a predicted PERSON span overlaps it; the exact-span recall is printed too) and "R new", the
recall on names none of whose words is tagged as a person in the training folds: most names of new
text are such names (the GermEval test split, letters), and names the training folds already hold
are found almost always, so "R new" is the figure that carries over. ``--split blocks`` uses five
contiguous blocks of the file instead of index % 5 (GermEval dev's sentences come from 2,183
different sources, so both splits give similar figures).

GermEval annotates only names, not our other types, so non-PERSON findings are ignored.

Run:  python scripts/cv_ner.py      # 5 folds: ~1 min on a quiet machine, 4-5 min on 2 busy shared cores
      python scripts/cv_ner.py --folds 0 1 --max-sentences 200 --synthetic 200   # smoke run
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from assistant import egress  # noqa: E402

egress.install()  # before presidio/tldextract are imported (they read their URL settings then)

from scripts.build_common_words import common_words  # noqa: E402
from scripts.privacy_evaluation import (  # noqa: E402
    GERMEVAL_FOLDS as N_FOLDS, Example, Span, read_germeval, score)
from scripts.train_ner import add_training_args, modulo_fold, train_model  # noqa: E402


@contextlib.contextmanager
def fold_lexicon(lexicon):
    """Every ``load_lexicon()`` call of the gate returns ``lexicon`` inside this block."""
    from assistant.privacy import names
    from assistant.privacy.text import ner_features

    saved = names.load_lexicon
    names.load_lexicon = lambda: lexicon  # type: ignore[assignment]
    ner_features._word_cache.clear()
    try:
        yield
    finally:
        names.load_lexicon = saved
        ner_features._word_cache.clear()


def examples_of(sentences) -> list[Example]:
    out = []
    for s in sentences:
        text, _ = s.text_and_offsets()
        out.append(Example(f"ge-{s.index}", text, s.person_spans()))
    return out


def gate_predictions(model_dir: Path | None, examples: list[Example]) -> tuple[list[list[Span]], float]:
    """PERSON spans of the gate built with the model in ``model_dir`` (the shipped one if None)."""
    from assistant.privacy.text.engine import build_analyzer
    from assistant.privacy.text.gate import PrivacyGate

    gate = PrivacyGate(build_analyzer(ner=True, model_dir=model_dir), None)
    preds, started = [], time.perf_counter()
    for ex in examples:
        found = gate.new_session().analyze(ex.text)
        preds.append([Span(kind, s, e) for kind, s, e, _ in found if kind == "PERSON"])
    return preds, time.perf_counter() - started


def figures(examples: list[Example], preds: list[list[Span]], seen: set[str]) -> dict[str, float]:
    s = score(examples, preds).get("PERSON")
    if s is None:
        return {"P": 1.0, "R": 1.0, "F1": 1.0, "R_exact": 1.0, "R_new": 1.0, "gold": 0, "pred": 0}
    p, r, f1 = s.overlap()
    return {"P": p, "R": r, "F1": f1, "R_exact": s.exact()[1], "R_new": new_name_recall(examples, preds, seen),
            "gold": s.n_gold, "pred": s.n_pred}


def person_words(sentences) -> set[str]:
    """Lower-cased words tagged as (part of) a person in ``sentences``."""
    return {token.lower() for s in sentences for token, tag in zip(s.tokens, s.tags)
            if tag in ("B-PER", "I-PER")}


def new_name_recall(examples: list[Example], preds: list[list[Span]], seen: set[str]) -> float:
    """Recall on names none of whose words is a person word of the training folds: what the gate
    does on names it has never been trained on (most names of new text; GermEval test is such)."""
    hits = total = 0
    for example, pred in zip(examples, preds):
        for gold in example.gold:
            if any(word.lower() in seen for word in gold.text.split()):
                continue
            total += 1
            hits += any(p.overlaps(gold) for p in pred)
    return hits / total if total else 1.0


def fold_function(split: str, n_sentences: int) -> Callable[[int], int]:
    """``modulo``: fold = index % 5 (neighbouring sentences in different folds); ``blocks``: five
    contiguous blocks of the file, so nothing written near a test sentence is trained on."""
    if split == "blocks":
        return lambda index: index * N_FOLDS // n_sentences
    return modulo_fold


def run_fold(args, sentences, k: int, workdir: Path) -> dict:
    from assistant.privacy.names import build_lexicon

    fold_of = fold_function(args.split, len(sentences))
    train_part = [s for s in sentences if fold_of(s.index) != k]
    test_part = examples_of(s for s in sentences if fold_of(s.index) == k)
    lexicon = build_lexicon(common_words(train_part))
    with fold_lexicon(lexicon):
        model_dir = workdir / f"fold{k}"
        seconds, _ = train_model(args, set(range(N_FOLDS)) - {k}, lexicon, model_dir, fold_of)
        preds, analyse_seconds = gate_predictions(model_dir, test_part)
    out = figures(test_part, preds, person_words(train_part))
    if args.show:
        s = score(test_part, preds).get("PERSON")
        if s is not None:
            print(f"  misses: {[t for _, t in s.misses[:args.show]]}")
            print(f"  false positives: {[t for _, t in s.false_positives[:args.show]]}")
    out["train_s"] = seconds
    out["analyse_s"] = analyse_seconds
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_training_args(parser)
    parser.add_argument("--folds", type=int, nargs="+", default=list(range(N_FOLDS)))
    parser.add_argument("--split", choices=("modulo", "blocks"), default="modulo",
                        help="folds by sentence index %% 5 (default) or as five contiguous blocks")
    parser.add_argument("--show", type=int, default=0, help="list up to N misses and false positives per fold")
    args = parser.parse_args(argv)

    sentences = list(read_germeval(args.germeval))
    if args.max_sentences is not None:
        sentences = sentences[:args.max_sentences]
    args.max_sentences = None  # the sentence cap above already applies to training
    print("command: python scripts/cv_ner.py " + " ".join(sys.argv[1:] if argv is None else argv))
    print(f"{args.germeval.name}: {len(sentences)} sentences, folds {args.folds} ({args.split} split)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="lotse-cv-") as tmp:
        for k in args.folds:
            row = run_fold(args, sentences, k, Path(tmp))
            rows.append(row)
            print(f"fold {k}: persons {row['gold']:>4}  predicted {row['pred']:>4}  "
                  f"P {row['P']:.3f}  R {row['R']:.3f}  F1 {row['F1']:.3f}  R exact {row['R_exact']:.3f}"
                  f"  R new {row['R_new']:.3f}"
                  f"   [train {row['train_s']:.0f} s, analyse {row['analyse_s']:.1f} s]", flush=True)
    for key in ("P", "R", "F1", "R_exact", "R_new"):
        values = [r[key] for r in rows]
        sd = statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"mean {key:<8}{statistics.mean(values):.3f} ± {sd:.3f}  "
              f"(min {min(values):.3f}, max {max(values):.3f})")


if __name__ == "__main__":
    main()
