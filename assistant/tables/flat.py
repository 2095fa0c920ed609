"""The GENESIS "flat" CSV format (ffcsv): one value per line.

English header: ``statistics_code;statistics_label;time_code;time_label;time;
1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;…;value;
value_unit;value_variable_code;value_variable_label``. The German export names the same columns
``Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;
1_Auspraegung_Code;1_Auspraegung_Label;…`` and puts each value variable in a column of its own
(``BEV001__Bevoelkerungsstand__Anzahl``), optionally followed by a quality column (``…_q``).

The variable whose attribute codes are region keys (``KREISE``, ``DLAND``, ``DINSG`` …) gives the
region; every other variable becomes a header label of the value column, so the wide view has one
line per time and region, as the block layout has.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.errors import InputError
from assistant.tables.cells import guess_decimal, is_region_key, time_label
from assistant.tables.genesis import region_key
from assistant.tables.model import TableData, TableMeta, assemble

_GROUP = re.compile(r"^(\d+)_(variable_code|variable_label|variable_attribute_code|"
                    r"variable_attribute_label|merkmal_code|merkmal_label|auspraegung_code|"
                    r"auspraegung_label)$", re.IGNORECASE)
_PART = {"variable_code": "code", "variable_label": "label", "merkmal_code": "code",
         "merkmal_label": "label", "variable_attribute_code": "attribute_code",
         "auspraegung_code": "attribute_code", "variable_attribute_label": "attribute_label",
         "auspraegung_label": "attribute_label"}
_KNOWN = {"statistics_code", "statistics_label", "statistik_code", "statistik_label", "time_code",
          "time_label", "time", "zeit_code", "zeit_label", "zeit", "value_unit",
          "value_variable_code", "value_variable_label"}
REGION_VARIABLES = {"DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVBD", "GEMEINDE", "BEZIRK"}


def looks_like_flat(rows: list[list[str]]) -> bool:
    if not rows:
        return False
    header = {c.strip().lower() for c in rows[0]}
    return bool({"statistics_code", "statistik_code"} & header) and bool({"time", "zeit"} & header)


def parse_flat(rows: list[list[str]], *, name: str, encoding: str | None,
               delimiter: str | None = ";", source_format: str = "csv") -> TableData:
    header = [c.strip() for c in rows[0]]
    col, groups, value_cols = flat_header(header)
    if not value_cols:
        raise InputError(f"In '{name}' (GENESIS-Flat-Format) wurde keine Wertspalte gefunden.",
                         "Laden Sie die Tabelle erneut im Flat-Format herunter.")
    body = [r + [""] * (len(header) - len(r)) for r in rows[1:] if any(c.strip() for c in r)]
    if not body:
        raise InputError(f"'{name}' enthält nur die Kopfzeile, keine Werte.",
                         "Prüfen Sie den Export (Zeitraum und Regionen gewählt?).")
    region = region_group(groups, body)
    others = [g for g in sorted(groups) if g != region]
    time_i = col.get("time", col.get("zeit"))
    lines: list[dict[str, Any]] = []
    line_of: dict[tuple, int] = {}
    headers: list[tuple[str, ...]] = []
    column_of: dict[tuple, int] = {}
    cells: dict[tuple[int, int], str] = {}
    for row in body:
        time = row[time_i].strip() if time_i is not None else ""
        # A flat file saved as .xlsx may hold keys as numbers, without their leading zero.
        key = region_key(row[groups[region]["attribute_code"]], source_format) if region is not None else ""
        line_key = (time, key)
        if line_key not in line_of:
            label = time_label(time)
            line_of[line_key] = len(lines)
            lines.append({"time": time or None, "year": label[1] if label else None,
                          "region_key": ("DG" if key.upper() == "DG" else key) or None,
                          "region_name": row[groups[region]["attribute_label"]].strip()
                          if region is not None and "attribute_label" in groups[region] else None})
        labels = tuple(row[groups[g]["attribute_label"]].strip() for g in others
                       if "attribute_label" in groups[g])
        for i, fixed in value_cols:
            variable = fixed or (row[col["value_variable_label"]].strip()
                                 if "value_variable_label" in col else header[i])
            head = (variable, *labels)
            if head not in column_of:
                column_of[head] = len(headers)
                headers.append(head)
            cells[(line_of[line_key], column_of[head])] = row[i].strip()
    grid = [[cells.get((i, j)) for j in range(len(headers))] for i in range(len(lines))]
    times = [line["time"] for line in lines if line["time"]]
    kinds = {label[0] for t in times if (label := time_label(t))}
    stat_label = _first(body, col.get("statistics_label", col.get("statistik_label")))
    stat_code = _first(body, col.get("statistics_code", col.get("statistik_code")))
    unit = _first(body, col.get("value_unit"))
    if unit is None and "value" not in col:  # German: BEVSTD__Bevoelkerungsstand__Anzahl
        units = {header[i].split("__")[2] for i, _ in value_cols if len(header[i].split("__")) > 2}
        unit = units.pop() if len(units) == 1 else None
    meta = TableMeta(
        table_code=None, title=stat_label, stichtag=None, footnotes=(), licence=None,
        encoding=encoding, layout="genesis-flat", source_format=source_format, delimiter=delimiter,
        decimal=guess_decimal([c for r in grid[:2000] for c in r if c], default=","), unit=unit,
        statistic=" ".join(p for p in (stat_code, stat_label) if p) or None, header_depth=0,
        time_kind=(kinds.pop() if len(kinds) == 1 else "mixed") if kinds else None,
        notes=((f"GENESIS-Flat-Format erkannt: {len(body)} Wertzeilen, {len(headers)} Wertspalten "
                f"je Zeit und Region."),))
    return assemble(meta, lines, headers, grid)


def flat_header(header: list[str]) -> tuple[dict[str, int], dict[int, dict[str, int]],
                                           list[tuple[int, str | None]]]:
    """(lower-case column name -> position, variable number -> {code, label, attribute_code,
    attribute_label} -> position, value columns as (position, fixed variable label or None))."""
    lower = [c.strip().lower() for c in header]
    col = {c: i for i, c in enumerate(lower)}
    groups: dict[int, dict[str, int]] = {}
    for i, c in enumerate(lower):
        if m := _GROUP.match(c):
            groups.setdefault(int(m.group(1)), {})[_PART[m.group(2).lower()]] = i
    value_cols: list[tuple[int, str | None]]
    if "value" in col:
        value_cols = [(col["value"], None)]
    else:
        value_cols = [(i, _value_label(header[i].strip())) for i, c in enumerate(lower)
                      if c not in _KNOWN and not _GROUP.match(c) and not c.endswith("_q")]
    return col, groups, value_cols


def _first(body: list[list[str]], i: int | None) -> str | None:
    return body[0][i].strip() or None if i is not None else None


def _value_label(column: str) -> str:
    parts = column.split("__")
    return parts[1].replace("_", " ") if len(parts) >= 2 else column


def region_group(groups: dict[int, dict[str, int]], body: list[list[str]]) -> int | None:
    """The variable whose attribute codes are region keys (by its code, else by its values)."""
    sample = body[:500]
    for g, parts in sorted(groups.items()):
        code_i = parts.get("code")
        if code_i is not None and sample[0][code_i].strip().upper() in REGION_VARIABLES:
            return g
    for g, parts in sorted(groups.items()):
        attr = parts.get("attribute_code")
        if attr is not None and all(is_region_key(r[attr]) for r in sample if r[attr].strip()):
            return g
    return None
