#!/usr/bin/env python3
"""Evaluate the text privacy gate: per-type precision/recall/F1 (exact and overlap) and misses.

Usage:
  python scripts/eval_privacy.py [CORPUS.jsonl]        # default tests/data/privacy/corpus_test.jsonl
  python scripts/eval_privacy.py --germeval            # GermEval dev: 5-fold CV (= scripts/cv_ner.py)
  python scripts/eval_privacy.py --germeval TSV        # shipped gate, PERSON on a GermEval file it
                                                       # was not trained on (e.g. NER-de-test.tsv)
Options: --show N (misses/false positives listed per type, default 15), --threshold T.
Exit code 0 whatever the figures are; the figures are the output.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.privacy_evaluation import (  # noqa: E402
    Example, Span, read_corpus, read_germeval, score)

DEFAULT_CORPUS = ROOT / "tests" / "data" / "privacy" / "corpus_test.jsonl"
DEFAULT_GERMEVAL = Path("/work/shared/data/germeval2014/NER-de-dev.tsv")


def make_gate(threshold: float | None):
    import tempfile

    from assistant import egress
    from assistant.privacy import PrivacyGate
    from assistant.settings import load_settings

    egress.install()
    overrides = {"paths": {"data_dir": tempfile.mkdtemp(prefix="lotse-eval-")}}
    if threshold is not None:
        overrides["privacy"] = {"score_threshold": threshold}
    return PrivacyGate.from_settings(load_settings(**overrides), audit=False).new_session


def predict(new_gate, examples: list[Example]) -> tuple[list[list[Span]], float]:
    preds, started = [], time.perf_counter()
    for ex in examples:
        gate = new_gate()  # one session per document, as in the chat
        preds.append([Span(e.type, e.start, e.end) for e in gate.redact(ex.text).entities])
    return preds, time.perf_counter() - started


def report(title: str, examples: list[Example], preds: list[list[Span]], show: int) -> None:
    scores = score(examples, preds)
    print(f"\n== {title}: {len(examples)} texts ==")
    print(f"{'type':<15}{'gold':>6}{'pred':>6} | {'P exact':>8}{'R exact':>8}{'F1':>7} | "
          f"{'P overl':>8}{'R overl':>8}{'F1':>7}")
    for kind in sorted(scores):
        s = scores[kind]
        pe, re_, fe = s.exact()
        po, ro, fo = s.overlap()
        print(f"{kind:<15}{s.n_gold:>6}{s.n_pred:>6} | {pe:>8.3f}{re_:>8.3f}{fe:>7.3f} | "
              f"{po:>8.3f}{ro:>8.3f}{fo:>7.3f}")
    for kind in sorted(scores):
        s = scores[kind]
        if show and s.misses:
            print(f"\n-- {kind} misses ({len(s.misses)}):")
            for doc, text in s.misses[:show]:
                print(f"   {doc}: {text!r}")
        if show and s.boundary:
            print(f"-- {kind} boundary differences, gold -> predicted ({len(s.boundary)}):")
            for doc, gold, got in s.boundary[:show]:
                print(f"   {doc}: {gold!r} -> {got!r}")
        if show and s.false_positives:
            print(f"-- {kind} false positives ({len(s.false_positives)}):")
            for doc, text in s.false_positives[:show]:
                print(f"   {doc}: {text!r}")


def germeval_examples(path: Path) -> list[Example]:
    out = []
    for sentence in read_germeval(path):
        text, _ = sentence.text_and_offsets()
        out.append(Example(f"ge-{sentence.index}", text, sentence.person_spans()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--germeval", action="store_true")
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--threshold", type=float, default=None)
    args = parser.parse_args()
    if args.germeval and (args.corpus is None or args.corpus.resolve() == DEFAULT_GERMEVAL.resolve()):
        # The shipped model and word list were built from all of dev: only CV measures it fairly.
        from scripts import cv_ner

        cv_ner.main(["--germeval", str(DEFAULT_GERMEVAL)])
        return
    new_gate = make_gate(args.threshold)
    if args.germeval:
        examples = germeval_examples(args.corpus)
        preds, seconds = predict(new_gate, examples)
        # GermEval annotates persons only among our types: other predictions are not errors.
        preds = [[p for p in pred if p.type == "PERSON"] for pred in preds]
        report(f"GermEval 2014 {args.corpus.name}, all sentences, shipped gate", examples, preds,
               args.show)
    else:
        path = args.corpus or DEFAULT_CORPUS
        examples = read_corpus(path)
        preds, seconds = predict(new_gate, examples)
        report(str(path), examples, preds, args.show)
    print(f"\n{len(examples)} texts in {seconds:.2f} s")


if __name__ == "__main__":
    main()
