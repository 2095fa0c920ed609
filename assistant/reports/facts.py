"""Facts of a report: what the computed table says, each number with where it came from.

A fact has a type (``level``, ``counts``, ``comparison``, ``rank``, ``change``, ``break``,
``caveat``), a template key (``comparison.higher``) and the slots its sentence needs. Whether a
difference or change is noteworthy is decided here, against the user's threshold; whether a change
may be stated at all, against the series breaks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.reports.breaks import Break, between
from assistant.reports.numbers import fmt, fmt_value


@dataclass(frozen=True)
class Figure:
    """A number as the text shows it, and its origin (a cell of the computed table or a
    derivation from such cells)."""

    text: str
    value: float
    decimals: int
    source: str

    def to_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "decimals": self.decimals,
                "source": self.source}


@dataclass(frozen=True)
class Fact:
    kind: str
    template: str
    slots: dict[str, str]
    figures: tuple[Figure, ...] = ()
    #: Source text the sentence quotes (catalogue caveat, footnote): its numbers are grounded by it.
    quotes: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "template": self.template, "slots": self.slots,
                "figures": [f.to_dict() for f in self.figures]}


@dataclass(frozen=True)
class Row:
    """One line of the report's value table: a region in one year."""

    key: str
    name: str
    role: str  # "region", "compare", "land", "bund"
    year: int
    values: dict[str, float]
    suppressed: bool = False


@dataclass
class Measure:
    """How the main value is written: column, label, unit and decimals."""

    column: str
    label: str
    unit: str
    decimals: int
    counts: list[tuple[str, str]] = field(default_factory=list)  # (column, label)
    axis: str = ""  # short label for the chart axis (the output column's description)

    def show(self, value: float) -> str:
        return fmt_value(value, self.unit, self.decimals)

    def show_diff(self, diff: float) -> str:
        if self.unit == "%":
            return f"{fmt(abs(diff), self.decimals)} Prozentpunkte"
        return fmt(abs(diff), self.decimals)


def short_name(name: str) -> str:
    """'Chemnitz, kreisfreie Stadt' -> 'Chemnitz'; 'Leipzig, Landkreis' stays as it is."""
    head, _, rest = name.partition(",")
    return head.strip() if rest.strip().startswith("kreisfreie Stadt") else name.strip()


def time_phrase(year: int, label: str | None) -> str:
    if label and re.match(r"^\d{1,2}\.\d{1,2}\.\d{4}$", label):
        return f"am {label}"
    return f"im Jahr {year}"


def _cell(row: Row, column: str, measure: Measure) -> Figure:
    value = row.values[column]
    decimals = measure.decimals if column == measure.column else 0
    text = measure.show(value) if column == measure.column else fmt(value, 0)
    return Figure(text, value, decimals, f"Tabelle: {row.key} ({row.name}), {row.year}, {column}")


def build_facts(rows: Sequence[Row], measure: Measure, *, threshold: float,
                breaks: Sequence[Break], times: dict[int, str]) -> list[Fact]:
    """Facts for the main region (role ``region``) in its latest year with a value."""
    main_rows = sorted((r for r in rows if r.role == "region" and not r.suppressed
                        and _ok(r.values.get(measure.column))), key=lambda r: r.year)
    if not main_rows:
        return []
    latest = main_rows[-1]
    region = short_name(latest.name)
    when = time_phrase(latest.year, times.get(latest.year))
    value = _cell(latest, measure.column, measure)
    facts = [Fact("level", "level", {"region": region, "zeit": when, "wert": value.text,
                                     "messgroesse": measure.label}, (value,))]
    counts = [(label, _cell(latest, col, measure)) for col, label in measure.counts
              if _ok(latest.values.get(col))]
    if counts:
        text = "; ".join(f"{label}: {fig.text}" for label, fig in counts)
        facts.append(Fact("level", "counts", {"region": region, "zahlen": text},
                          tuple(fig for _, fig in counts)))
    absolute = measure.unit == "" and measure.decimals == 0
    others = [r for r in rows if r.year == latest.year and r.role != "region"
              and not (absolute and r.role in ("land", "bund"))
              and not r.suppressed and _ok(r.values.get(measure.column))]
    for other in others:
        facts.append(_comparison(latest, other, measure, threshold))
    facts.extend(_rank(latest, rows, measure))
    if absolute and any(r.role in ("land", "bund") for r in rows):
        facts.append(Fact("caveat", "absolute", {"messgroesse": measure.label}))
    if len(main_rows) >= 2:
        facts.append(_change(main_rows[0], latest, measure, threshold, breaks, times))
    return facts


def _ok(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _other_name(row: Row) -> str:
    if row.role == "bund":
        return "Deutschland insgesamt"
    if row.role == "land":
        return f"{row.name} insgesamt"
    return short_name(row.name)


def _comparison(main: Row, other: Row, measure: Measure, threshold: float) -> Fact:
    a, b = main.values[measure.column], other.values[measure.column]
    diff = a - b
    diff_fig = Figure(measure.show_diff(diff), abs(diff), measure.decimals,
                      f"abgeleitet: Differenz {main.key} − {other.key}, {main.year}")
    other_fig = _cell(other, measure.column, measure)
    key = "similar" if abs(diff) < threshold else ("higher" if diff > 0 else "lower")
    slots = {"region": short_name(main.name), "vergleich": _other_name(other),
             "vergleich_wert": other_fig.text, "differenz": diff_fig.text}
    return Fact("comparison", f"comparison.{key}", slots, (other_fig, diff_fig))


def _rank(main: Row, rows: Sequence[Row], measure: Measure) -> list[Fact]:
    peers = [r for r in rows if r.year == main.year and r.role in ("region", "compare")
             and not r.suppressed and _ok(r.values.get(measure.column))]
    if len(peers) < 3:
        return []
    ordered = sorted(peers, key=lambda r: -r.values[measure.column])
    rank = ordered.index(main) + 1
    n = len(ordered)
    figs = (Figure(str(rank), rank, 0, f"abgeleitet: Rang nach {measure.column}, {main.year}"),
            Figure(str(n), n, 0, "abgeleitet: Zahl der verglichenen Regionen"))
    key = "highest" if rank == 1 else ("lowest" if rank == n else "middle")
    return [Fact("rank", f"rank.{key}", {"region": short_name(main.name), "rang": str(rank),
                                         "anzahl": str(n)}, figs)]


def _change(first: Row, last: Row, measure: Measure, threshold: float,
            breaks: Sequence[Break], times: dict[int, str]) -> Fact:
    region = short_name(last.name)
    crossing = between(breaks, first.year, last.year)
    y0 = Figure(str(first.year), first.year, 0, "Tabelle: Jahr")
    y1 = Figure(str(last.year), last.year, 0, "Tabelle: Jahr")
    if crossing:
        brk = crossing[0]
        return Fact("break", "break", {"region": region, "jahr_von": y0.text, "jahr_bis": y1.text,
                                       "grund": brk.reason.rstrip("."), "quelle": brk.source},
                    (y0, y1), quotes=brk.reason)
    a, b = first.values[measure.column], last.values[measure.column]
    diff = b - a
    f0, f1 = _cell(first, measure.column, measure), _cell(last, measure.column, measure)
    diff_fig = Figure(measure.show_diff(diff), abs(diff), measure.decimals,
                      f"abgeleitet: Differenz {last.year} − {first.year}, {last.key}")
    key = "stable" if abs(diff) < threshold else ("up" if diff > 0 else "down")
    return Fact("change", f"change.{key}", {"region": region, "jahr_von": y0.text,
                                            "jahr_bis": y1.text, "wert_von": f0.text,
                                            "wert_bis": f1.text, "differenz": diff_fig.text},
                (y0, y1, f0, f1, diff_fig))


def caveat_facts(caveats: Sequence[str]) -> list[Fact]:
    return [Fact("caveat", "caveat", {"text": c.strip()}, (), quotes=c) for c in caveats]
