"""Small-cell suppression for aggregate tables, as the statistical offices do it.

Rule (documented for users in :data:`RULE_TEXT`):

1. **Primary suppression** (Mindestfallzahl): every count ``1 <= n < min_count`` (default 3) is
   replaced by ``.``. A ``0`` stays visible: "nobody" discloses no person.
2. **Secondary suppression**: a hidden cell must not be recomputable from a sum. A table is seen
   as cells with coordinates (its key columns and the count column). Along each coordinate, the
   cells that differ only in it form a group whose sum is known: the ``Insgesamt``/``Summe`` cell
   of the group when the table has one (checked for additivity), otherwise a margin the reader
   may know from elsewhere. If a group has exactly one hidden cell, its smallest visible non-zero
   part is hidden as well (then a zero part, then the total); repeated until stable.
3. **Audit**: the hidden cells are checked as a linear system (one equation per group). Any
   primary cell that the equations still pin down (e.g. a cell bridging two suppression cycles)
   gets one more complement in its group, and steps 2-3 repeat.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from assistant.errors import PrivacyError
from assistant.privacy.tables.detect import is_int

SYMBOL = "."
RULE_TEXT = (
    "Primäre Geheimhaltung: Fallzahlen von 1 bis {below} werden durch '.' ersetzt (Mindestfallzahl "
    "{min_count}); 0 bleibt sichtbar, weil 'niemand' keine Person offenlegt. Sekundäre "
    "Geheimhaltung: Hat eine Zeile, Spalte oder Summengruppe genau ein gesperrtes Feld, wird "
    "zusätzlich das kleinste sichtbare Feld dieser Gruppe gesperrt, bis sich kein gesperrter "
    "Wert mehr aus Summen (auch 'Insgesamt'-Zeilen und -Spalten) zurückrechnen lässt."
)
_TOTAL = re.compile(r"(^|\W)(insgesamt|gesamt|summe|total|zusammen|gesamtsumme|alle)(\W|$)",
                    re.IGNORECASE)


@dataclass
class SuppressionResult:
    frame: pd.DataFrame        # count columns as text, suppressed cells "."
    min_count: int
    primary: int = 0
    secondary: int = 0
    already_hidden: int = 0    # "." or unreadable in the input
    zeros_visible: int = 0
    cells: int = 0
    groups: int = 0
    totals_used: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def rule(self) -> str:
        return RULE_TEXT.format(below=self.min_count - 1, min_count=self.min_count)

    def to_dict(self) -> dict:
        return {"min_cell_count": self.min_count, "primary": self.primary,
                "secondary": self.secondary, "already_hidden": self.already_hidden,
                "zeros_visible": self.zeros_visible, "cells": self.cells, "groups": self.groups,
                "totals_used": self.totals_used, "rule": self.rule, "symbol": SYMBOL}


def is_total_label(label: object) -> bool:
    return isinstance(label, str) and bool(_TOTAL.search(label))


def parse_count(value: object) -> int | None:
    """Non-negative integer count, or None if the cell holds no readable count."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return int(value) if float(value).is_integer() else None
    text = str(value).strip()
    if text == "-":
        return 0
    if is_int(text):
        return int(text.replace(".", ""))
    return None


@dataclass
class _Group:
    parts: list[int]
    total: int | None

    @property
    def cells(self) -> list[int]:
        return self.parts + ([self.total] if self.total is not None else [])


def suppress(frame: pd.DataFrame, key_columns: list[str], count_columns: list[str],
             min_count: int = 3) -> SuppressionResult:
    """Apply primary and secondary suppression to ``count_columns`` of ``frame``.

    Blank count cells are read as a published 0 (a reader may take them so); cells with ``.``
    or other non-numbers are already hidden, and a ``.`` cell is protected like a primary cell.
    """
    coords, values, kinds, positions = _cells(frame, key_columns, count_columns)
    result = SuppressionResult(frame=pd.DataFrame(), min_count=min_count, cells=len(values))
    primary = [k == "num" and v is not None and 1 <= v < min_count for v, k in zip(values, kinds)]
    hidden = [p or v is None for p, v in zip(primary, values)]
    protect = [p or k == "dot" for p, k in zip(primary, kinds)]
    result.already_hidden = sum(v is None for v in values)
    result.zeros_visible = sum(1 for v, k in zip(values, kinds) if v == 0 and k == "num")
    groups = _groups(coords, values, result)
    result.groups = len(groups)
    for _ in range(len(values) + 1):
        _singleton_rule(groups, hidden, values)
        exposed = [i for i in _determined(groups, hidden) if protect[i]]
        if not exposed:
            break
        if not _add_complement(exposed[0], groups, hidden, values):
            raise PrivacyError(
                "Die sekundäre Geheimhaltung findet keine Ergänzungssperrung: ein gesperrter Wert "
                "ließe sich aus den Summen zurückrechnen.",
                "Fassen Sie Kategorien zusammen (z. B. Altersgruppen oder Einrichtungen) und "
                "prüfen Sie die Tabelle erneut.")
    result.primary = sum(primary)
    result.secondary = sum(h and not p and v is not None
                           for h, p, v in zip(hidden, primary, values))
    out = frame.copy()
    for col in count_columns:
        out[col] = out[col].astype(object)
    for i, (row, col) in enumerate(positions):
        j = out.columns.get_loc(col)
        if hidden[i] and values[i] is not None or kinds[i] == "dot":
            out.iat[row, j] = SYMBOL
        elif kinds[i] == "num":
            out.iat[row, j] = str(values[i])
    result.frame = out
    return result


def _dimensions(key_frame: pd.DataFrame) -> list[list[str]]:
    """Key columns in 1:1 correspondence (code and name of a region) form one dimension."""
    dims: list[list[str]] = []
    for col in key_frame.columns:
        for dim in dims:
            n = key_frame[dim[0]].nunique()
            if key_frame[col].nunique() == n == len(key_frame[[dim[0], col]].drop_duplicates()):
                dim.append(col)
                break
        else:
            dims.append([col])
    return dims


def _cells(frame: pd.DataFrame, keys: list[str], counts: list[str]
           ) -> tuple[list[tuple], list[int | None], list[str], list[tuple[int, str]]]:
    key_frame = frame[keys].astype(object).where(frame[keys].notna(), "") if keys else None
    # keys that identify every row give each cell coordinates; otherwise each row is its own cell
    unique_keys = key_frame if key_frame is not None and not key_frame.duplicated().any() else None
    dims = _dimensions(unique_keys) if unique_keys is not None else []
    coords: list[tuple] = []
    values: list[int | None] = []
    kinds: list[str] = []
    positions: list[tuple[int, str]] = []
    for row in range(len(frame)):
        if unique_keys is not None:
            raw = unique_keys.iloc[row]
            labels = tuple(" / ".join(str(raw[c]) for c in dim) for dim in dims)
            if any(is_total_label(v) for v in labels):  # blank keys of a total row are totals too
                labels = tuple(v if v.strip(" /") else "Insgesamt" for v in labels)
        else:
            tagged = key_frame is not None and any(is_total_label(str(v))
                                                   for v in key_frame.iloc[row])
            labels = (f"Insgesamt\x00{row}" if tagged else f"\x00row{row}",)
        for col in counts:
            raw_value = frame.iat[row, frame.columns.get_loc(col)]
            value = parse_count(raw_value)
            blank = value is None and (raw_value is None or (
                isinstance(raw_value, str) and not raw_value.strip()))
            dot = isinstance(raw_value, str) and raw_value.strip() == SYMBOL
            coords.append(labels + (col,))
            values.append(0 if blank else value)
            kinds.append("blank" if blank else "dot" if dot else "num" if value is not None
                         else "other")
            positions.append((row, col))
    return coords, values, kinds, positions


def _groups(coords: list[tuple], values: list[int | None], result: SuppressionResult) -> list[_Group]:
    if not coords:
        return []
    n_dims = len(coords[0])
    order: list[dict] = [{} for _ in range(n_dims)]
    for c in coords:
        for d, label in enumerate(c):
            order[d].setdefault(label, len(order[d]))
    groups: list[_Group] = []
    for d in range(n_dims):
        buckets: dict[tuple, list[int]] = defaultdict(list)
        for i, c in enumerate(coords):
            buckets[c[:d] + c[d + 1:]].append(i)
        for members in buckets.values():
            members.sort(key=lambda i: order[d][coords[i][d]])
            totals = [i for i in members if is_total_label(coords[i][d])]
            for block, total in _blocks(members, totals):
                parts = [i for i in block if i != total]
                if total is not None and not _additive(parts, total, values):
                    result.warnings.append(
                        "Eine Summe stimmt nicht mit ihren Teilen überein (Rundung oder "
                        "'darunter'-Werte?); sie wurde wie ein gewöhnliches Feld behandelt.")
                    groups.append(_Group([total], None))
                    total = None
                if total is not None:
                    result.totals_used += 1
                if len(parts) >= 2 or (total is not None and parts):
                    groups.append(_Group(parts, total))
    groups = [g for g in groups if len(g.cells) >= 2]
    result.warnings = sorted(set(result.warnings))
    return groups


def _blocks(members: list[int], totals: list[int]) -> list[tuple[list[int], int | None]]:
    if len(totals) <= 1:
        return [(members, totals[0] if totals else None)]
    blocks: list[tuple[list[int], int | None]] = []
    current: list[int] = []
    starts = members[0] in totals
    for i in members:
        if i in totals and starts and current:
            blocks.append((current, current[0]))
            current = []
        current.append(i)
        if i in totals and not starts:
            blocks.append((current, i))
            current = []
    if current:
        blocks.append((current, current[0] if starts else None))
    return blocks


def _additive(parts: list[int], total: int, values: list[int | None]) -> bool:
    known = [v for i in parts if (v := values[i]) is not None]
    if values[total] is None or len(known) < len(parts):
        return True  # cannot check; keep the group (more suppression, never less)
    return sum(known) == values[total]


def _candidates(group: _Group, hidden: list[bool], values: list[int | None]) -> list[int]:
    visible = [i for i in group.parts if not hidden[i]]
    positive = [(v, i) for i in visible if (v := values[i]) is not None and v > 0]
    ranked = [i for _, i in sorted(positive, key=lambda pair: pair[0])]
    ranked += [i for i in visible if values[i] == 0]
    if group.total is not None and not hidden[group.total]:
        ranked.append(group.total)
    return ranked


def _singleton_rule(groups: list[_Group], hidden: list[bool], values: list[int | None]) -> None:
    changed = True
    while changed:
        changed = False
        for group in groups:
            if sum(hidden[i] for i in group.cells) == 1:
                ranked = _candidates(group, hidden, values)
                if ranked:
                    hidden[ranked[0]] = True
                    changed = True


def _add_complement(cell: int, groups: list[_Group], hidden: list[bool],
                    values: list[int | None]) -> bool:
    options = [c for g in groups if cell in g.cells for c in _candidates(g, hidden, values)[:1]]
    if not options:
        return False
    best = min(options, key=lambda i: (values[i] is None, values[i] or 0))
    hidden[best] = True
    return True


def _determined(groups: list[_Group], hidden: list[bool]) -> list[int]:
    """Hidden cells whose value the group equations fix exactly (linear algebra, per component)."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows: list[dict[int, float]] = []
    for g in groups:
        eq = {i: 1.0 for i in g.parts if hidden[i]}
        if g.total is not None and hidden[g.total]:
            eq[g.total] = -1.0
        if eq:
            rows.append(eq)
            first = next(iter(eq))
            for i in eq:
                parent[find(i)] = find(first)
    components: dict[int, list[dict[int, float]]] = defaultdict(list)
    for eq in rows:
        components[find(next(iter(eq)))].append(eq)
    exposed: list[int] = []
    for eqs in components.values():
        cells = sorted({i for eq in eqs for i in eq})
        index = {c: k for k, c in enumerate(cells)}
        matrix = np.zeros((len(eqs), len(cells)))
        for r, eq in enumerate(eqs):
            for i, coef in eq.items():
                matrix[r, index[i]] = coef
        _, s, vt = np.linalg.svd(matrix)
        rank = int((s > 1e-9 * max(s.max(), 1.0)).sum())
        null = vt[rank:]
        for c, k in index.items():
            if null.shape[0] == 0 or np.abs(null[:, k]).max() < 1e-9:
                exposed.append(c)
    return sorted(exposed)
