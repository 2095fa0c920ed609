"""The answer the ask flow returns: text with ``[n]`` markers, the citations they resolve to,
German warnings and the model that wrote it (``extractive`` for the rule-based path)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.retrieval.models import Citation


@dataclass
class Answer:
    question_anonymized: str
    answer: str
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    model: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "question_anonymized": self.question_anonymized,
            "answer": self.answer,
            "citations": [c.as_dict() for c in self.citations],
            "warnings": list(self.warnings),
            "model": self.model,
        }
