"""Retrieval and answer evaluation: hit@1, hit@5, MRR, facts found, per question kind.

Two question formats are read:

- ``knowledge/eval/questions.yaml``: ``id, question, source, section, facts`` (each fact one
  string) and optionally ``kind``. A hit is a retrieved passage from the expected source file
  whose section equals the expected ``##`` heading.
- the independent set's format: ``id, question, kind, expected_facts`` (each fact a list of
  alternative phrases, one of which must occur) and, for ``darf_ich``, ``deciding`` (words one of
  which must occur in the answer's first sentence; ``ja``/``nein`` as whole words).

Facts are compared case-insensitively as plain substrings (markdown ``**`` removed), in the
concatenated top-5 passages and in the extractive answer, i.e. what a user of the embedded base
model sees. Shares are micro averages (found facts / expected facts), overall and per kind.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from assistant.answers.citations import MARKER, check
from assistant.answers.compose import extractive_pieces, gather, join_pieces
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.faq import FaqMatcher
from assistant.errors import InputError
from assistant.retrieval.hybrid import HybridRetriever

DEPTH = 10
TOP = 5
WHOLE_WORDS = {"ja", "nein"}


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    facts: list[list[str]]  # each fact: alternative phrases
    kind: str | None = None
    source: str | None = None
    section: str | None = None
    deciding: list[str] = field(default_factory=list)


@dataclass
class QuestionResult:
    id: str
    kind: str
    rank: int | None  # 1-based rank of the first hit within DEPTH, None if missed or no target
    facts_found: bool  # all facts in the answer
    cited_ok: bool
    answer: str
    facts_total: int = 0
    facts_in_passages: int = 0
    facts_in_answer: int = 0
    decided: bool | None = None  # darf_ich: first sentence has a deciding word
    has_target: bool = False  # an expected source section (hit@k, MRR)
    missing_facts: list[str] = field(default_factory=list)


@dataclass
class KindReport:
    n: int
    facts_in_passages: float
    facts_in_answers: float
    deciding_share: float | None = None


@dataclass
class EvalReport:
    n: int
    hit_at_1: float | None
    hit_at_5: float | None
    mrr: float | None
    facts_share: float
    facts_in_passages: float
    facts_in_answers: float
    deciding_share: float | None
    cited_share: float
    seconds_per_question: float
    by_kind: dict[str, KindReport]
    results: list[QuestionResult]

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not details:
            data["results"] = [{"id": r.id, "kind": r.kind, "rank": r.rank,
                                "facts": f"{r.facts_in_answer}/{r.facts_total}",
                                "decided": r.decided}
                               for r in self.results
                               if (r.has_target and r.rank != 1) or r.facts_in_answer < r.facts_total
                               or r.decided is False]
        return data


def _item(i: dict[str, Any]) -> EvalQuestion:
    if "expected_facts" in i:
        facts = [[str(a) for a in (f if isinstance(f, list) else [f])] for f in i["expected_facts"]]
    else:
        facts = [[str(f)] for f in i.get("facts", [])]
    source = i.get("source") if "section" in i else None
    return EvalQuestion(id=str(i["id"]), question=str(i["question"]), facts=facts,
                        kind=i.get("kind"), source=source, section=i.get("section"),
                        deciding=[str(d) for d in i.get("deciding", []) or []])


def load_questions(path: Path) -> list[EvalQuestion]:
    if not path.is_file():
        raise InputError(f"Der Fragensatz '{path}' fehlt.",
                         "Der eigene Satz liegt unter knowledge/eval/questions.yaml; mit "
                         "--questions DATEI lässt sich ein anderer angeben.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        items = data.get("questions", data) if isinstance(data, dict) else data
        return [_item(i) for i in items]
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"Der Fragensatz '{path.name}' ist nicht lesbar ({type(exc).__name__}: {exc}).",
                         "Jede Frage braucht id, question und facts oder expected_facts.") from None


def _clean(text: str) -> str:
    return text.replace("**", "").lower()


def _found(fact: list[str], text: str) -> bool:
    return any(_clean(alt) in text for alt in fact)


#: The first sentence as the independent set's scoring rule cuts it: up to the first ".", "!"
#: or "?" followed by whitespace (no abbreviation list: "Art. 28" ends it).
_FIRST = re.compile(r"^.*?[.!?](?=\s)|^.*$", re.DOTALL)


def decides(answer: str, words: list[str]) -> bool:
    """Whether the answer's first sentence holds one of ``words`` (ja/nein as whole words)."""
    text = MARKER.sub("", answer).replace("**", "").lstrip(" #*>-\n")
    match = _FIRST.match(text)
    first = (match.group(0) if match else text).lower()
    for word in (w.lower() for w in words):
        if word in WHOLE_WORDS:
            if re.search(rf"(?<![\wäöüß]){re.escape(word)}(?![\wäöüß])", first):
                return True
        elif word in first:
            return True
    return False


def evaluate(questions: list[EvalQuestion], retriever: HybridRetriever,
             answerer: ExtractiveAnswerer, progress: Callable[[int], None] | None = None,
             faq: FaqMatcher | None = None) -> EvalReport:
    results = []
    started = time.perf_counter()
    for q in questions:
        rank = None
        if q.source and q.section:
            ranked = retriever.search(q.question, k=DEPTH)
            rank = next((i + 1 for i, p in enumerate(ranked)
                         if Path(p.source).name == q.source and p.section == q.section), None)
        gathered = gather(q.question, retriever, faq)
        answer = join_pieces(extractive_pieces(q.question, gathered, answerer))
        shown = _clean(" ".join(p.text for p in gathered.passages[:TOP]))
        said = _clean(answer)
        in_passages = sum(_found(f, shown) for f in q.facts)
        missing = [" | ".join(f) for f in q.facts if not _found(f, said)]
        kind = q.kind or gathered.question.kind
        decided = decides(answer, q.deciding) if q.deciding else None
        results.append(QuestionResult(
            q.id, kind, rank, not missing, check(answer, gathered.passages).ok, answer,
            len(q.facts), in_passages, len(q.facts) - len(missing), decided,
            bool(q.source and q.section), missing))
        if progress:
            progress(1)
    return _report(results, time.perf_counter() - started)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _report(results: list[QuestionResult], seconds: float) -> EvalReport:
    n = len(results) or 1
    targeted = [r for r in results if r.has_target]
    t = len(targeted) or 1
    by_kind: dict[str, KindReport] = {}
    for kind in sorted({r.kind for r in results}):
        rs = [r for r in results if r.kind == kind]
        decided = [r.decided for r in rs if r.decided is not None]
        by_kind[kind] = KindReport(
            n=len(rs),
            facts_in_passages=_share(sum(r.facts_in_passages for r in rs), sum(r.facts_total for r in rs)),
            facts_in_answers=_share(sum(r.facts_in_answer for r in rs), sum(r.facts_total for r in rs)),
            deciding_share=_share(sum(decided), len(decided)) if decided else None)
    decided_all = [r.decided for r in results if r.decided is not None]
    total = sum(r.facts_total for r in results)
    return EvalReport(
        n=len(results),
        hit_at_1=sum(r.rank == 1 for r in targeted) / t if targeted else None,
        hit_at_5=sum(r.rank is not None and r.rank <= 5 for r in targeted) / t if targeted else None,
        mrr=sum(1.0 / r.rank for r in targeted if r.rank) / t if targeted else None,
        facts_share=sum(r.facts_found for r in results) / n,
        facts_in_passages=_share(sum(r.facts_in_passages for r in results), total),
        facts_in_answers=_share(sum(r.facts_in_answer for r in results), total),
        deciding_share=_share(sum(decided_all), len(decided_all)) if decided_all else None,
        cited_share=sum(r.cited_ok for r in results) / n,
        seconds_per_question=seconds / n,
        by_kind=by_kind,
        results=results,
    )
