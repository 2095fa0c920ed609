"""Typed results of the service layer (:class:`assistant.service.Lotse`).

Front ends (CLI, web UI, HTTP API) format these values; they never compute them. Each result
offers ``as_dict()`` with the JSON shape the CLI prints for ``--json``. Results that the rooms
already return as typed values (``Answer``, ``TableCheck``, ``Indicator``, ``SourceRecord``,
``EvalReport``, ``Check``) are passed through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.catalogue.schema import Indicator
    from assistant.doctor import Check
    from assistant.llm import ActiveModel
    from assistant.llm.profiles import Recommendation
    from assistant.privacy.text.gate import Entity


@dataclass(frozen=True)
class Anonymized:
    """A text with personal data replaced by placeholders such as ``<PERSON_1>``."""

    text: str
    entities: tuple["Entity", ...]
    #: German note about the input (e.g. read as cp1252), for the user; None if nothing to say
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"anonymized": self.text, "entities": [e.to_dict() for e in self.entities]}


@dataclass(frozen=True)
class BatchRecord:
    """One line of a JSONL batch: either anonymised (``error`` is None) or skipped."""

    line: int
    id: str | None = None
    anonymized: str | None = None
    entities: tuple["Entity", ...] = ()
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "anonymized": self.anonymized,
                "entities": [e.to_dict() for e in self.entities]}


@dataclass(frozen=True)
class IngestProblem:
    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@dataclass(frozen=True)
class IngestResult:
    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    chunks: int = 0
    errors: tuple[IngestProblem, ...] = ()
    #: whether files were given at all (only removals otherwise)
    ingested: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {"added": list(self.added), "unchanged": list(self.unchanged),
                "removed": list(self.removed), "chunks": self.chunks,
                "errors": [e.as_dict() for e in self.errors]}


@dataclass(frozen=True)
class IndicatorListing:
    indicators: tuple["Indicator", ...]
    #: area letter -> gaps of that area (only the areas listed)
    gaps: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelsInfo:
    active: "ActiveModel"
    recommended: tuple["Recommendation", ...]

    def as_dict(self) -> dict[str, Any]:
        return {"active": self.active.as_dict(),
                "recommended": [{"name": r.name, "file": r.gguf, "size_gb": r.size_gb,
                                 "ram_gb": r.ram_gb, "note": r.note} for r in self.recommended]}


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple["Check", ...]

    @property
    def ok(self) -> bool:
        return not any(c.status == "fail" for c in self.checks)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": [c.as_dict() for c in self.checks]}
