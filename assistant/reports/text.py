"""German sentences from facts, with the templates of ``knowledge/reports/texts.yaml``.

Variants rotate per template key, starting at a point that depends on the region, so two reports
and two comparisons in one report do not read alike; the choice is deterministic (same input, same
text). With an ``instruct`` model, :func:`phrase_with_model` lets the model rephrase the findings
from the same sentences; the grounding check decides what of it stays.
"""

from __future__ import annotations

import re

import string
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from assistant.errors import ConfigError
from assistant.reports.facts import Fact, Figure

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend
    from assistant.prompts import PromptTemplate


class ReportTexts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int
    sentences: dict[str, list[str]]
    sections: dict[str, str]
    evaluative_words: list[str]

    @field_validator("sentences")
    @classmethod
    def _not_empty(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        empty = [k for k, v in value.items() if not v]
        if empty:
            raise ValueError(f"keine Satzvorlage für {', '.join(empty)}")
        return value


@lru_cache(maxsize=4)
def load_texts(path: Path) -> ReportTexts:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return ReportTexts.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"Die Berichtsvorlagen '{path}' sind nicht lesbar: {exc}",
                          "Prüfen Sie knowledge/reports/texts.yaml (Schlüssel und Einrückung).") from None


@dataclass(frozen=True)
class Sentence:
    text: str
    kind: str
    #: "Vorlage" (template) or "Modell" (phrased by the language model)
    origin: str
    figures: tuple[Figure, ...] = ()
    quotes: str = ""

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "origin": self.origin,
                "figures": [f.to_dict() for f in self.figures]}


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def render_facts(facts: Sequence[Fact], texts: ReportTexts, seed: str) -> list[Sentence]:
    start = zlib.crc32(seed.encode("utf-8"))
    used: dict[str, int] = {}
    out = []
    for fact in facts:
        variants = texts.sentences.get(fact.template)
        if not variants:
            raise ConfigError(f"Für '{fact.template}' fehlt eine Satzvorlage.",
                              "Ergänzen Sie knowledge/reports/texts.yaml.")
        n = used.get(fact.template, 0)
        used[fact.template] = n + 1
        template = variants[(start + n) % len(variants)]
        needed = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        missing = needed - fact.slots.keys()
        if missing:
            raise ConfigError(f"Die Vorlage '{fact.template}' braucht {sorted(missing)}.",
                              "Prüfen Sie die Platzhalter in knowledge/reports/texts.yaml.")
        text = _capitalise(template.format(**fact.slots))
        out.append(Sentence(text, fact.kind, "Vorlage", fact.figures, fact.quotes))
    return out


def phrase_with_model(backend: LLMBackend, template: PromptTemplate,
                      sentences: Sequence[Sentence], options) -> list[Sentence]:
    """The model rewrites the findings (template sentences in, one paragraph out); the result is
    split into sentences, each still to pass the grounding check."""

    facts = "\n".join(f"- {s.text}" for s in sentences)
    messages = template.render(facts=facts)
    reply = backend.complete(messages, options).text
    return [Sentence(text, "model", "Modell") for text in split_sentences(reply)]


_ABBREV = re.compile(r"\b(?:z|d|u|s|vgl|bzw|ca|Nr|Abs|einschl|allg|krfr|St|ggf|i|o)\.\s*$")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (not after 'z. B.', 'Nr.', a date or a bullet)."""
    text = re.sub(r"^\s*[-*•]\s+", "", text.strip(), flags=re.MULTILINE)
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(])|\n+", text)
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and (_ABBREV.search(out[-1]) or re.search(r"\b\d{1,2}\.\d{1,2}\.$", out[-1])):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out
