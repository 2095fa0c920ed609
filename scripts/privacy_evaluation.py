"""Measuring the text gate: span matching, per-type precision/recall/F1, GermEval 2014 persons.

Used by ``scripts/eval_privacy.py``, ``scripts/cv_ner.py`` and ``scripts/train_ner.py``/
``build_common_words.py``. GermEval dev is measured by 5-fold cross-validation with folds fixed by
sentence index (fold k = index % 5 == k, :data:`GERMEVAL_FOLDS`): everything derived from GermEval
(the person CRF, the ordinary-word list) is rebuilt from the other folds (``scripts/cv_ner.py``).
The shipped model and list are built from all of dev; the GermEval test split is not used.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

GERMEVAL_FOLDS = 5


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int
    text: str = ""

    def overlaps(self, other: "Span") -> bool:
        return self.type == other.type and self.start < other.end and other.start < self.end


@dataclass
class Example:
    id: str
    text: str
    gold: list[Span]


@dataclass
class TypeScore:
    tp_exact: int = 0
    tp_overlap_gold: int = 0
    tp_overlap_pred: int = 0
    n_gold: int = 0
    n_pred: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    boundary: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, gold, predicted)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def exact(self) -> tuple[float, float, float]:
        p = self.tp_exact / self.n_pred if self.n_pred else 1.0
        r = self.tp_exact / self.n_gold if self.n_gold else 1.0
        return p, r, self._f1(p, r)

    def overlap(self) -> tuple[float, float, float]:
        p = self.tp_overlap_pred / self.n_pred if self.n_pred else 1.0
        r = self.tp_overlap_gold / self.n_gold if self.n_gold else 1.0
        return p, r, self._f1(p, r)


def read_corpus(path: Path) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            gold = [Span(e["type"], e["start"], e["end"], e.get("text", "")) for e in row["entities"]]
            examples.append(Example(str(row["id"]), row["text"], gold))
    return examples


def score(examples: Iterable[Example], predictions: Iterable[list[Span]]) -> dict[str, TypeScore]:
    scores: dict[str, TypeScore] = defaultdict(TypeScore)
    for example, pred in zip(examples, predictions):
        for g in example.gold:
            s = scores[g.type]
            s.n_gold += 1
            if any(p.type == g.type and (p.start, p.end) == (g.start, g.end) for p in pred):
                s.tp_exact += 1
            if any(p.overlaps(g) for p in pred):
                s.tp_overlap_gold += 1
                if not any((p.start, p.end) == (g.start, g.end) for p in pred if p.type == g.type):
                    other = next(p for p in pred if p.overlaps(g))
                    s.boundary.append((example.id, example.text[g.start:g.end],
                                       example.text[other.start:other.end]))
            else:
                s.misses.append((example.id, example.text[g.start:g.end]))
        for p in pred:
            s = scores[p.type]
            s.n_pred += 1
            if any(p.overlaps(g) for g in example.gold):
                s.tp_overlap_pred += 1
            else:
                s.false_positives.append((example.id, example.text[p.start:p.end]))
    return dict(scores)


# --- GermEval 2014 ---------------------------------------------------------------------------

@dataclass
class GermEvalSentence:
    index: int
    tokens: list[str]
    tags: list[str]  # outer tags: B-PER, I-PER, B-LOCderiv, O ...

    @property
    def fold(self) -> int:
        return self.index % GERMEVAL_FOLDS

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        offsets, pos = [], 0
        for token in self.tokens:
            offsets.append((pos, pos + len(token)))
            pos += len(token) + 1
        return " ".join(self.tokens), offsets

    def person_spans(self) -> list[Span]:
        """Outer ``PER`` spans (not ``PERderiv``/``PERpart``), as character offsets."""
        text, offsets = self.text_and_offsets()
        return [Span("PERSON", offsets[i][0], offsets[j - 1][1], text[offsets[i][0]:offsets[j - 1][1]])
                for i, j in person_token_spans(self.tags)]


def person_token_spans(tags: list[str]) -> list[tuple[int, int]]:
    """Token ranges [i, j) of outer persons in BIO tags: B-PER starts one, I-PER continues it."""
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and tag != "I-PER":
            spans.append((start, i))
            start = None
        if tag == "B-PER":
            start = i
    return spans


def read_germeval(path: Path) -> Iterator[GermEvalSentence]:
    tokens: list[str] = []
    tags: list[str] = []
    index = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    yield GermEvalSentence(index, tokens, tags)
                    index += 1
                tokens, tags = [], []
                continue
            parts = line.split("\t")
            tokens.append(parts[1])
            tags.append(parts[2])
    if tokens:
        yield GermEvalSentence(index, tokens, tags)
