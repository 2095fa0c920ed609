"""A plan says what a snippet computes: template, indicator, slot -> column mapping, parameters,
and how the reference computes the same from a file. Planning is deterministic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.codegen.mapping import (Candidate, SlotMatch, grand_total, map_slots, names_subject,
                                       slot_texts)
from assistant.codegen.source import DataFile, ValueColumn
from assistant.codegen.templates import CodeTemplate, Language
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from assistant.catalogue.schema import Indicator


@dataclass
class Plan:
    template: CodeTemplate
    data: DataFile
    mapping: dict[str, ValueColumn]
    params: dict[str, Any]
    task: str
    indicator: Indicator | None = None
    #: Slots filled with a text column of a CSV table (``alter``).
    text_slots: dict[str, str] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)
    matches: dict[str, SlotMatch] = field(default_factory=dict)
    #: Slots computed from read columns: slot -> [(+1 | -1, read slot)], e.g. boys =
    #: "Insgesamt" minus "weiblich", or a numerator that adds three Abschluss columns.
    derived: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: What Lotse assumed where the task left it open (shown with the answer).
    assumptions: list[str] = field(default_factory=list)

    @property
    def regions(self) -> list[str]:
        return list(self.params.get("regionen", []))

    def frame(self, path: Path) -> pd.DataFrame:
        from assistant.codegen.source import read_frame

        return combine(read_frame(self.data, self.mapping, path, extra=self.text_slots), self.derived)

    def reference(self, language: Language, path: Path) -> pd.DataFrame:
        """The independent computation: Lotse's reader plus the catalogue reference (or the
        template's reference in :mod:`assistant.codegen.analysis`)."""
        frame = self.frame(path)
        if self.indicator is not None:
            from assistant.catalogue import references

            run = references.run_pandas if language == "pandas" else references.run_r
            out = run(self.indicator.id, frame)
            if self.regions:
                out = out[out["region"].astype(str).isin(self.regions)].reset_index(drop=True)
            return out
        from assistant.codegen.analysis import REFERENCES

        return REFERENCES[self.template.id.removesuffix("_r")](frame, self.params)

    def keys(self) -> list[str]:
        return self.indicator.key_columns() if self.indicator is not None else self.template.key_columns()

    def percent_columns(self) -> list[str]:
        if self.indicator is not None:
            if self.indicator.formula.unit.strip() != "%":
                return []
            return [c.name for c in self.indicator.output if c.role == "value" and c.type == "float"]
        if float(self.params.get("faktor", 100)) != 100:
            return []
        return [c.name for c in self.template.output.columns if c.percent]

    def allow_over_100(self) -> bool:
        return self.indicator is not None and self.indicator.formula.method in ("quotensumme", "ratio_1_to_x")

    def parts(self) -> list[tuple[str, str]]:
        if self.indicator is not None and self.indicator.formula.method == "ratio":
            values = [c.name for c in self.indicator.output if c.role == "value" and c.type == "int"]
            if len(values) == 2 and self.indicator.formula.unit.strip() == "%":
                return [(values[0], values[1])]
            return []
        if self.template.id in ("anteil_gruppe", "anteil_gepoolt") and float(self.params.get("faktor", 100)) == 100:
            return [("zaehler", "nenner")]
        return []

    def mapping_text(self) -> dict[str, str]:
        out = {slot: col.name for slot, col in self.mapping.items()}
        for slot, terms in self.derived.items():
            text = " ".join(f"{'+' if sign > 0 else '−'} {out.pop(part)}" for sign, part in terms)
            out[slot] = text[2:] if text.startswith("+ ") else text
        out.update(self.text_slots)
        return out

    def value_slots(self) -> list[str]:
        """The slots the computation sees (derived ones instead of their parts)."""
        parts = {part for terms in self.derived.values() for _, part in terms}
        return [s for s in self.mapping if s not in parts] + list(self.derived)


def combine(frame: pd.DataFrame, derived: dict[str, list[tuple[int, str]]]) -> pd.DataFrame:
    """Derived slots from their parts, line by line, with plain Python numbers (independent of
    the snippet's vectorised code): a missing part makes the line's value missing."""
    import math

    if not derived:
        return frame
    frame = frame.copy()
    parts = set()
    for slot, terms in derived.items():
        values = []
        for rec in frame[[part for _, part in terms]].itertuples(index=False):
            total = 0.0
            for (sign, _), value in zip(terms, rec):
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    total = math.nan
                    break
                total += sign * float(value)
            values.append(total)
        frame[slot] = values
        parts |= {part for _, part in terms}
    return frame.drop(columns=[p for p in parts if p not in derived])


def default_regions(data: DataFile) -> list[str]:
    """The lowest common level: Kreise (5-digit keys) if present, else all but DG."""
    kreise = [r for r in data.regions if r.isdigit() and len(r) == 5]
    if kreise:
        return kreise
    return [r for r in data.regions if r != "DG"] or list(data.regions)


def check_regions(data: DataFile, regions: list[str]) -> None:
    unknown = [r for r in regions if r not in data.regions]
    if unknown:
        sample = ", ".join(data.regions[:8])
        raise InputError(f"Regionalschlüssel {', '.join(unknown)} kommt in '{data.file_name}' nicht vor.",
                         f"Die Tabelle enthält z. B. {sample} ({len(data.regions)} Regionen); "
                         "geben Sie Schlüssel so an, wie sie in der Tabelle stehen (mit führender Null).")


def missing_inputs(data: DataFile, indicator: Indicator, matches: dict[str, SlotMatch]) -> InputError:
    missing = [f"{slot} ({m.text.split('  ')[0][:60]})" for slot, m in matches.items() if m.column is None]
    seen = "; ".join(c.name for c in data.columns[:20])
    return InputError(
        f"Der Tabelle '{data.file_name}' fehlt, was {indicator.id} ({indicator.name}) braucht: "
        f"{', '.join(missing)}. Gesehene Spalten: {seen}.",
        f"Laden Sie eine Tabelle mit diesen Angaben (Katalog: 'lotse indicator show {indicator.id}', "
        f"Tabellen: {', '.join(t for s in indicator.data_sources for t in s.tables) or 'siehe Quellen'}).")


def plan_indicator(data: DataFile, indicator: Indicator, template: CodeTemplate,
                   regions: list[str], task: str = "") -> Plan:
    if not indicator.computable:
        raise InputError(f"Für {indicator.id} ({indicator.name}) gibt es keine Referenzrechnung, "
                         "gegen die Lotse Code prüfen könnte.",
                         "Berechenbare Indikatoren zeigt 'lotse indicator list' (Referenz: R+pandas).")
    texts = slot_texts(indicator)
    text_slots: dict[str, str] = {}
    keys = {c.name for c in indicator.output if c.role == "key"}
    assumptions: list[str] = []
    for col in indicator.input:
        if col.name in ("region", "jahr") or col.type != "str":
            continue
        if data.layout != "csv" and col.name not in keys:
            # A unit the indicator sums over (Hochschule): the export has already summed it.
            assumptions.append(f"Die Tabelle ist schon über '{col.name}' ({col.description}) "
                               "summiert; gerechnet wird mit ihren Werten je Region und Jahr.")
            continue
        if data.layout != "csv":
            raise InputError(f"{indicator.id} braucht die Spalte '{col.name}' ({col.description}) als "
                             "eigene Zeilenangabe; der Regionaldatenbank-Export hat sie als Spaltenkopf.",
                             "Bringen Sie die Tabelle ins lange Format (eine Zeile je Kategorie) oder "
                             "nutzen Sie eine Analysevorlage ('lotse templates list').")
        from assistant.codegen.source import text_columns

        found = [c for c in text_columns(data) if c.strip().lower() == col.name]
        if not found:
            raise InputError(f"Der Tabelle '{data.file_name}' fehlt die Spalte '{col.name}' "
                             f"({col.description}).", "Benennen Sie die Spalte entsprechend.")
        text_slots[col.name] = found[0]
    matches = map_slots(data, texts)
    total = grand_total(data)
    taken = {m.column.index for m in matches.values() if m.column is not None}
    for slot, match in matches.items():
        if match.column is None and total is not None and total.index not in taken \
                and names_subject(data, match.text):
            # Nothing specific is named, but the slot names what the table counts ("Studierende"
            # in a table "Studierende nach Geschlecht …"): its grand total.
            match.candidates = [Candidate(total, 0.5)]
            taken.add(total.index)
            assumptions.append(f"'{slot}' ist die Gesamtzahl der Tabelle ({total.name}).")
    if any(m.column is None for m in matches.values()):
        raise missing_inputs(data, indicator, matches)
    check_regions(data, regions)
    mapping = {slot: m.column for slot, m in matches.items() if m.column is not None}
    return Plan(template=template, data=data, mapping=mapping, params={"regionen": regions},
                task=task or f"{indicator.id} {indicator.name}", indicator=indicator,
                text_slots=text_slots, ambiguous=[s for s, m in matches.items() if m.ambiguous],
                matches=matches, assumptions=assumptions)
