"""Retrieval evaluation on ``knowledge/eval/questions.yaml``: hit@1, hit@5, MRR, fact coverage.

A hit is a retrieved passage from the expected source file whose section equals the expected
``##`` heading. Fact coverage is the share of extractive answers that contain every expected fact
(case-insensitive), i.e. what a user of the embedded base model would see.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from assistant.errors import InputError
from assistant.answers.citations import check
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.retrieval.hybrid import HybridRetriever

DEPTH = 10


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    source: str
    section: str
    facts: list[str]


@dataclass
class QuestionResult:
    id: str
    rank: int | None  # 1-based rank of the first hit within DEPTH, None if missed
    facts_found: bool
    cited_ok: bool
    answer: str
    missing_facts: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    n: int
    hit_at_1: float
    hit_at_5: float
    mrr: float
    facts_share: float
    cited_share: float
    seconds_per_question: float
    results: list[QuestionResult]

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not details:
            data["results"] = [{"id": r.id, "rank": r.rank, "facts_found": r.facts_found}
                               for r in self.results if r.rank != 1 or not r.facts_found]
        return data


def load_questions(path: Path) -> list[EvalQuestion]:
    if not path.is_file():
        raise InputError(f"Der Fragensatz '{path}' fehlt.",
                         "Er liegt unter knowledge/eval/questions.yaml (paths.knowledge_dir).")
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [EvalQuestion(id=str(i["id"]), question=i["question"], source=i["source"],
                         section=i["section"], facts=[str(f) for f in i.get("facts", [])])
            for i in items]


def evaluate(questions: list[EvalQuestion], retriever: HybridRetriever,
             answerer: ExtractiveAnswerer, progress: Callable[[int], None] | None = None) -> EvalReport:
    results = []
    started = time.perf_counter()
    for q in questions:
        passages = retriever.search(q.question, k=DEPTH)
        rank = next((i + 1 for i, p in enumerate(passages)
                     if Path(p.source).name == q.source and p.section == q.section), None)
        shown = retriever.retrieve(q.question)
        pieces = answerer.compose(q.question, shown)
        answer = " ".join(pieces)
        lowered = answer.lower()
        missing = [f for f in q.facts if f.lower() not in lowered]
        results.append(QuestionResult(q.id, rank, not missing, check(answer, shown).ok, answer, missing))
        if progress:
            progress(1)
    n = len(results) or 1
    return EvalReport(
        n=len(results),
        hit_at_1=sum(r.rank == 1 for r in results) / n,
        hit_at_5=sum(r.rank is not None and r.rank <= 5 for r in results) / n,
        mrr=sum(1.0 / r.rank for r in results if r.rank) / n,
        facts_share=sum(r.facts_found for r in results) / n,
        cited_share=sum(r.cited_ok for r in results) / n,
        seconds_per_question=(time.perf_counter() - started) / n,
        results=results,
    )
