"""The Kompass self-assessment: one answer (1–4 = Typ I–IV) per dimension -> typed result.

Per dimension: the Typ, its description and the next steps from ``knowledge/kompass.yaml``, each
pointing to a guide module or a Lotse command; overall: a profile (how many dimensions sit at
each Typ, the most frequent Typ, where the municipality is furthest and where the next step is).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Sequence

from assistant.errors import InputError
from assistant.guide.kompass import TYPES, Kompass, TypId
from assistant.guide.modules import Guide

ROMAN = {t.lower(): i + 1 for i, t in enumerate(TYPES)}


@dataclass(frozen=True)
class NextStep:
    text: str
    module: str | None = None  #: guide module id
    module_label: str | None = None  #: e.g. Modul 4 „Datenquellen und Stichtage“
    command: str | None = None  #: a Lotse command

    def pointer(self) -> str:
        if self.module_label:
            return f"{self.module_label} – lotse einstieg --modul {self.module}"
        return str(self.command)


@dataclass(frozen=True)
class DimensionResult:
    dimension: str
    name: str
    question: str
    answer: int
    typ: TypId
    typ_title: str
    description: str
    next_steps: tuple[NextStep, ...]


@dataclass(frozen=True)
class Profile:
    counts: dict[str, int]
    #: The Typ most dimensions sit at (ties: the lower Typ, the more careful reading).
    main_typ: TypId
    furthest: tuple[str, ...]  #: names of the dimensions with the highest Typ
    start_here: tuple[str, ...]  #: names of the dimensions with the lowest Typ
    text: str


@dataclass(frozen=True)
class KompassResult:
    answers: tuple[int, ...]
    dimensions: tuple[DimensionResult, ...]
    profile: Profile
    note: str
    source: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_text(self) -> str:
        """The German result as the terminal shows it."""
        return render_result(self)


def parse_answers(text: str | Sequence[int | str], count: int) -> list[int]:
    """``"2,3,1,2,2,1,3"`` (or I–IV) -> ``[2, 3, 1, 2, 2, 1, 3]``; German ``InputError`` otherwise."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip())] if isinstance(text, str) else list(text)
    parts = [str(p).strip() for p in parts if str(p).strip()]
    example = ",".join(["2"] * count)
    if len(parts) != count:
        raise InputError(
            f"Der Kompass braucht genau {count} Antworten (eine je Dimension), angegeben "
            f"wurden {len(parts)}.",
            f"Geben Sie {count} Zahlen von 1 bis 4 an, durch Kommas getrennt, z. B. "
            f"--antworten {example}.")
    out = []
    for i, part in enumerate(parts, start=1):
        value = ROMAN.get(part.lower()) or (int(part) if part.isdigit() else None)
        if value is None or not 1 <= value <= len(TYPES):
            raise InputError(
                f"Antwort {i} ist '{part}'; erlaubt sind 1 bis 4 (Typ I bis IV).",
                f"Geben Sie für jede der {count} Dimensionen eine Zahl von 1 bis 4 an, z. B. "
                f"--antworten {example}.")
        out.append(value)
    return out


def _steps(guide: Guide, dim_index: int, typ: TypId) -> tuple[NextStep, ...]:
    d = guide.kompass.dimensions[dim_index]
    steps = []
    for text, link in zip(d.next_steps[typ], d.next_step_links[typ]):
        if link.modul is not None:
            module = guide.by_id(link.modul)
            steps.append(NextStep(text, module=module.id, module_label=module.label()))
        else:
            steps.append(NextStep(text, command=link.befehl))
    return tuple(steps)


def _profile(kompass: Kompass, results: list[DimensionResult]) -> Profile:
    counts = Counter(r.typ for r in results)
    top = max(counts.values())
    main: TypId = next(t for t in TYPES if counts.get(t) == top)
    high = max(TYPES.index(r.typ) for r in results)
    low = min(TYPES.index(r.typ) for r in results)
    furthest = tuple(r.name for r in results if TYPES.index(r.typ) == high)
    start = tuple(r.name for r in results if TYPES.index(r.typ) == low)
    spread = ", ".join(f"Typ {t}: {counts[t]}" for t in TYPES if counts.get(t))
    if high == low:
        text = (f"Ihre Kommune steht in allen {len(results)} Dimensionen bei Typ {TYPES[high]} "
                f"(„{kompass.typ(TYPES[high]).title}“).")
    else:
        text = (f"Ihre Kommune steht überwiegend bei Typ {main} („{kompass.typ(main).title}“); "
                f"Verteilung: {spread}. Am weitesten: {', '.join(furthest)} (Typ {TYPES[high]}). "
                f"Hier lohnt der nächste Schritt zuerst: {', '.join(start)} (Typ {TYPES[low]}).")
    return Profile({t: counts.get(t, 0) for t in TYPES}, main, furthest, start, text)


def assess(guide: Guide, answers: Sequence[int]) -> KompassResult:
    """The result for ``answers`` (validated: one per dimension, each 1–4)."""
    kompass = guide.kompass
    values = parse_answers([str(a) for a in answers], len(kompass.dimensions))
    results = []
    for i, (d, value) in enumerate(zip(kompass.dimensions, values)):
        typ = TYPES[value - 1]
        results.append(DimensionResult(d.id, d.name, d.question, value, typ, kompass.typ(typ).title,
                                       d.levels[typ], _steps(guide, i, typ)))
    return KompassResult(tuple(values), tuple(results), _profile(kompass, results),
                         kompass.note_next_steps, kompass.source)


def render_result(result: KompassResult) -> str:
    """The result as German plain text (terminal and guide conversation)."""
    lines = ["Ergebnis des DKBM-Kompasses", ""]
    for r in result.dimensions:
        bar = "■" * r.answer + "□" * (len(TYPES) - r.answer)
        lines.append(f"{r.name}: Typ {r.typ} {bar}")
        lines.append(f"  {r.description}")
        lines.append("  Nächste Schritte:")
        for step in r.next_steps:
            lines.append(f"   - {step.text}")
            lines.append(f"     → {step.pointer()}")
        lines.append("")
    lines.append("Gesamtprofil: " + result.profile.text)
    lines.append(f"Hinweis: {result.note}")
    return "\n".join(lines)
