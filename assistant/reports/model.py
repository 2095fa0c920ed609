"""Typed inputs and results of ``Lotse.report``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.reports.facts import Fact, Measure, Row
from assistant.reports.grounding import SentenceCheck


@dataclass(frozen=True)
class ReportRequest:
    indicator: str
    data: Path
    region: str
    out: Path
    compare: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    #: Output column of the catalogue entry to report (default: the entry's last value column).
    value: str | None = None
    #: Input name -> column label of the table, where the automatic choice is not wanted.
    columns: Mapping[str, str] = field(default_factory=dict)
    #: Smallest difference or change worth a "higher/lower" sentence, in the unit of the value
    #: (percentage points for shares). None: 1 point for shares, else 5 % of the region's value.
    threshold: float | None = None


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValueTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass
class ReportDraft:
    """Everything a writer needs; numbers are already written the German way."""

    title: str
    subtitle: str
    sections: list[Section]
    table: ValueTable
    chart_title: str
    chart_source: str
    source_lines: list[str]
    licence_line: str | None
    rows: list[Row]
    facts: list[Fact]
    checks: list[SentenceCheck]
    notes: list[str]
    computation: dict[str, Any]
    text_origin: str  # "Vorlagen" or "Modell"
    measure: Measure
    #: Years from which the region's values are not comparable with earlier ones (series breaks).
    breaks: list[int] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    chart: Path | None
    title: str
    text: str
    facts: tuple[Fact, ...]
    checks: tuple[SentenceCheck, ...]
    #: German messages for the user: sentences left out, flags, suppressed cells, fallbacks.
    notes: tuple[str, ...]
    computation: Mapping[str, Any]
    text_origin: str
    #: The chart as PNG bytes (for front ends; the DOCX carries it inline, Markdown beside it).
    chart_png: bytes = b""

    @property
    def dropped(self) -> list[SentenceCheck]:
        return [c for c in self.checks if not c.kept]

    def to_dict(self) -> dict:
        return {
            "path": str(self.path), "chart": str(self.chart) if self.chart else None,
            "title": self.title, "text": self.text, "text_origin": self.text_origin,
            "facts": [f.to_dict() for f in self.facts],
            "checks": [c.to_dict() for c in self.checks],
            "dropped": [{"sentence": c.sentence.text, "reason": c.reason()} for c in self.dropped],
            "notes": list(self.notes), "computation": dict(self.computation),
        }
