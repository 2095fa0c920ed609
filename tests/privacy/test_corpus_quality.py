"""Regression guard: the gate on the whole annotated dev corpus (551 texts, a few seconds).

The dev split is what the gate was tuned on, so these floors are no quality claim (the held-out
splits test2/test3 are, see ``scripts/eval_privacy.py``); they catch a change that breaks a
recognizer for many texts at once, which single-example tests can miss.
"""

from __future__ import annotations

from assistant import PROJECT_ROOT
from assistant.privacy import PrivacyGate
from scripts.privacy_evaluation import Span, read_corpus, score

DEV = PROJECT_ROOT / "tests" / "data" / "privacy" / "corpus_dev.jsonl"
#: Overlap recall/precision floors per type, a little under what main reaches on dev.
RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.93


def test_every_type_keeps_recall_and_precision_on_the_dev_corpus(settings) -> None:
    examples = read_corpus(DEV)
    preds = []
    for ex in examples:
        gate = PrivacyGate.from_settings(settings, audit=False)  # one session per document
        preds.append([Span(e.type, e.start, e.end) for e in gate.redact(ex.text).entities])
    scores = score(examples, preds)
    assert len(scores) == 8
    low = {kind: (round(s.overlap()[0], 3), round(s.overlap()[1], 3)) for kind, s in scores.items()
           if s.overlap()[1] < RECALL_FLOOR or s.overlap()[0] < PRECISION_FLOOR}
    assert not low, f"(precision, recall) below the floors: {low}"
