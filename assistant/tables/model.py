"""The reader's result: :class:`TableData` (metadata, a tidy long frame and a wide view).

Every layout (GENESIS block CSV/XLSX, GENESIS flat CSV, plain CSV/XLSX) ends up in the same shape,
built by :func:`assemble` from body lines (their keys), value columns (their header labels) and
the raw cells in between.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.tables.cells import parse_value, region_level

if TYPE_CHECKING:
    import pandas as pd

#: Key columns of the tidy frame, in this order; then ``row_1`` … ``row_k`` (further row
#: dimensions such as Schulart), ``header_1`` … ``header_n`` (the header lines of the value
#: column), ``column`` (the value column's name in :meth:`TableData.wide`), ``value``, ``symbol``.
KEYS = ("line", "time", "year", "region_key", "region_name", "level")
#: German names of the key columns in the wide view (the time column is named by its kind).
WIDE_NAMES = {"region_key": "Regionalschlüssel", "region_name": "Region", "level": "Ebene"}
TIME_NAMES = {"year": "Jahr", "date": "Stichtag", "school_year": "Schuljahr",
              "semester": "Semester", "period": "Zeitraum", "mixed": "Zeit"}


@dataclass(frozen=True)
class TableMeta:
    """What the file says about itself (German texts as printed) and how it was read."""

    table_code: str | None
    title: str | None
    stichtag: str | None
    footnotes: tuple[str, ...]
    licence: str | None
    encoding: str | None
    #: ``genesis`` (title block, header rows, footer), ``genesis-flat`` (one value per line) or
    #: ``plain`` (one header row).
    layout: str
    source_format: str = "csv"  # "csv" or "xlsx"
    delimiter: str | None = None
    decimal: str = ","
    unit: str | None = None
    statistic: str | None = None
    stand: str | None = None
    header_depth: int = 1
    #: ``year``, ``date``, ``school_year``, ``semester``, ``period``, ``mixed`` or None.
    time_kind: str | None = None
    #: True when the time comes from a header row (tables without a time column).
    time_in_header: bool = False
    #: Names of the further row dimensions ``row_1`` … (from the header, else ``Merkmal 1`` …).
    row_dimensions: tuple[str, ...] = ()
    #: Names of the value columns, in file order (the columns of the wide view after the keys).
    columns: tuple[str, ...] = ()
    #: Symbols explained in the footer (``{"x": "Tabellenfach gesperrt"}``), besides the standard.
    symbol_legend: Mapping[str, str] = field(default_factory=dict)
    #: How the file was read, in German, for the user (no cell values).
    notes: tuple[str, ...] = ()

    @property
    def is_official(self) -> bool:
        return self.layout in ("genesis", "genesis-flat")


@dataclass(frozen=True, eq=False)
class TableData:
    """A table read by :func:`assistant.tables.read_table`.

    ``tidy`` is the long frame: one row per body line and value column. Columns: ``line`` (int,
    the row of the wide view), ``time`` (str as printed: ``2023``, ``31.12.2002``, ``WS 2023/24``),
    ``year`` (Int64), ``region_key`` (str, leading zeros kept, ``DG`` = Deutschland),
    ``region_name``, ``level`` (Bund, Land, Regierungsbezirk, Kreis, Gemeinde, Gemeindeverband or
    ""), ``row_1`` … (further row dimensions), ``header_1`` … (header labels), ``column`` (wide
    column name), ``value`` (float, NaN when missing) and ``symbol`` (``""`` or ``-``, ``.``,
    ``x``, ``/``, ``...``, ``()``, ``p``, ``r``, ``s`` or a footer symbol).
    """

    meta: TableMeta
    tidy: pd.DataFrame = field(repr=False)

    @property
    def row_columns(self) -> list[str]:
        return [c for c in self.tidy.columns if c.startswith("row_")]

    @property
    def header_columns(self) -> list[str]:
        return [c for c in self.tidy.columns if c.startswith("header_")]

    @cached_property
    def _wide(self) -> pd.DataFrame:
        return _wide(self)

    def wide(self) -> pd.DataFrame:
        """One row per body line (time × region × further row dimensions), German key columns
        (``Jahr``/``Stichtag``/…, ``Regionalschlüssel``, ``Region``, ``Ebene``, row dimensions)
        and one nullable numeric column per value column (``Int64`` when all values are whole
        numbers, else ``Float64``). Key columns that are empty throughout are left out."""
        return self._wide.copy()

    def summary(self) -> dict[str, Any]:
        """What ``lotse data inspect --json`` prints."""
        tidy = self.tidy
        keys = tidy["region_key"].dropna()
        years = sorted({int(y) for y in tidy["year"].dropna()})
        symbols = tidy.loc[tidy["symbol"] != "", "symbol"].value_counts()
        return {
            "table_code": self.meta.table_code,
            "title": self.meta.title,
            "columns": list(self.meta.columns),
            "n_rows": int(tidy["line"].nunique()),
            "regions": int(keys[keys != ""].nunique()),
            "years": years,
            "symbols": {str(k): int(v) for k, v in symbols.items()},
            "layout": self.meta.layout,
        }

    def extract(self, columns: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
        """Wide frame for a catalogue contract: ``region`` (the key), ``jahr`` and one column per
        entry of ``columns``, each picked by labels of the tidy frame, e.g.
        ``{"absolventen": {"header_2": "Insgesamt", "header_3": "Insgesamt"}}``."""
        tidy = self.tidy
        out = None
        for name, filters in columns.items():
            mask = None
            for col, label in filters.items():
                if col not in tidy.columns:
                    raise InputError(f"Die Tabelle hat keine Beschriftungsebene '{col}' (für '{name}').",
                                     f"Vorhanden sind: {', '.join(self.header_columns + self.row_columns)}.")
                hit = tidy[col] == label
                mask = hit if mask is None else mask & hit
            part = tidy[mask] if mask is not None else tidy.iloc[0:0]
            part = part[["region_key", "year", "value"]]
            if part.empty:
                raise InputError(f"Keine Spalte passt zu {dict(filters)} (für '{name}').",
                                 "Prüfen Sie die Beschriftungen im Spaltenkopf der Tabelle "
                                 "('lotse data inspect DATEI').")
            part = part.rename(columns={"region_key": "region", "year": "jahr", "value": name})
            out = part if out is None else out.merge(part, on=["region", "jahr"], how="outer")
        if out is None:
            raise InputError("Es wurden keine Spalten angefordert.", "Nennen Sie mindestens eine Spalte.")
        out["jahr"] = out["jahr"].astype("Int64")
        return out.reset_index(drop=True)


def column_names(headers: Sequence[Sequence[str]]) -> tuple[list[str], str | None]:
    """Compact, unique names for value columns from their header labels (one tuple per column).

    A header row with the same label over every column says nothing about the column and is left
    out (its label is returned as the unit when it is the last row); the other labels of a column
    are joined with `` | `` without repeating a label (``Insgesamt | weiblich``).
    """
    depth = max((len(h) for h in headers), default=0)
    grid = [[(h[r] if r < len(h) else "") for h in headers] for r in range(depth)]
    unit = None
    kept = []
    for r, row in enumerate(grid):
        if len(headers) > 1 and len(set(row)) == 1 and row[0]:
            if r == depth - 1:
                unit = row[0]
            continue
        kept.append(row)
    names: list[str] = []
    seen: set[str] = set()
    for j in range(len(headers)):
        parts: list[str] = []
        for row in kept:
            if row[j] and row[j] not in parts:
                parts.append(row[j])
        name = " | ".join(parts) or (headers[j][-1] if headers[j] and headers[j][-1] else f"Wert {j + 1}")
        base, n = name, 2
        while name in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        names.append(name)
    return names, unit


def assemble(meta: TableMeta, lines: Sequence[Mapping[str, Any]], headers: Sequence[Sequence[str]],
             cells: Sequence[Sequence[str | None]], *, column_times: Sequence[str] | None = None,
             time_years: Mapping[str, int] | None = None) -> TableData:
    """Build the :class:`TableData` of a table given by body lines and value columns.

    ``lines[i]`` holds ``time``, ``year``, ``region_key``, ``region_name`` and ``row_1`` … of body
    line *i*; ``headers[j]`` the header labels of value column *j*; ``cells[i][j]`` the raw text
    (None: no cell there, as in a flat file without that combination). ``column_times`` gives
    each value column its own time label (tables whose time sits in a header row).
    """
    import numpy as np
    import pandas as pd

    n, c = len(lines), len(headers)
    if n == 0 or c == 0:
        raise InputError("Die Tabelle enthält keine Datenzeilen mit Werten.",
                         "Prüfen Sie, ob der Export Zeilen und Wertspalten enthält.")
    names, unit = column_names(headers)
    if column_times is not None:  # the same labels under each time are the same column
        unique = list(dict.fromkeys(tuple(h) for h in headers))
        unique_names, unique_unit = column_names(unique)
        lookup = dict(zip(unique, unique_names))
        shared = [lookup[tuple(h)] for h in headers]
        if len(set(zip(column_times, shared))) == len(shared):
            names, unit = shared, unique_unit
    row_keys = sorted({k for line in lines for k in line if k.startswith("row_")},
                      key=lambda k: int(k.split("_")[1]))
    line_idx = np.repeat(np.arange(n), c)
    col_idx = np.tile(np.arange(c), n)
    raw = np.array([cell for row in cells for cell in (list(row) + [None] * (c - len(row)))[:c]],
                   dtype=object)
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)  # None -> -1 (no cell there)
    present = codes >= 0
    parsed = [parse_value(cell, decimal=meta.decimal) for cell in uniques]
    unique_values = np.array([v for v, _ in parsed] + [math.nan], dtype=float)
    unique_symbols = np.array([sym for _, sym in parsed] + [""], dtype=object)
    values = unique_values[codes]  # code -1 picks the appended NaN / ""
    symbols = unique_symbols[codes]

    def line_col(key: str) -> np.ndarray:
        return np.array([line.get(key) for line in lines], dtype=object)[line_idx]

    if column_times is not None:
        times = np.array(list(column_times), dtype=object)[col_idx]
        years = np.array([(time_years or {}).get(t) for t in column_times], dtype=object)[col_idx]
    else:
        times, years = line_col("time"), line_col("year")
    time_codes = pd.factorize(pd.Series(times, dtype=object).fillna(""))[0]
    # '-' over a whole region (per time) means the area did not exist: missing, not zero.
    dash = (symbols == "-") & present
    if dash.any():
        region_codes = pd.factorize(np.array(
            [line.get("region_key") or f"\0{i}" for i, line in enumerate(lines)], dtype=object))[0]
        group = time_codes * (int(region_codes.max()) + 1) + region_codes[line_idx]
        other = np.bincount(group, weights=present & ~dash) > 0
        all_dash = ~other[group] & dash
        values = np.where(all_dash, math.nan, values)
    levels = np.array([region_level(line.get("region_key")) for line in lines], dtype=object)

    def text(array: np.ndarray) -> pd.Series:
        return pd.Series(array[present], dtype=object)

    columns: dict[str, Any] = {
        "line": pd.factorize((line_idx * (int(time_codes.max()) + 1) + time_codes)[present])[0],
        "time": text(times), "year": pd.array(list(years[present]), dtype="Int64"),
        "region_key": text(line_col("region_key")), "region_name": text(line_col("region_name")),
        "level": text(levels[line_idx])}
    for key in row_keys:
        columns[key] = text(line_col(key))
    depth = max(len(h) for h in headers)
    for r in range(depth):
        labels = np.array([h[r] if r < len(h) else "" for h in headers], dtype=object)
        columns[f"header_{r + 1}"] = text(labels[col_idx])
    columns["column"] = text(np.array(names, dtype=object)[col_idx])
    columns["value"] = values[present]
    columns["symbol"] = text(symbols)
    frame = pd.DataFrame(columns)
    full = TableMeta(**{**meta.__dict__, "columns": tuple(dict.fromkeys(names)),
                        "unit": meta.unit or unit,
                        "row_dimensions": meta.row_dimensions or tuple(
                            f"Merkmal {i + 1}" for i in range(len(row_keys)))})
    return TableData(full, frame)


def _wide(table: TableData) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    tidy, meta = table.tidy, table.meta
    key_cols = ["time", "region_key", "region_name", "level", *table.row_columns]
    keys = tidy.drop_duplicates("line").sort_values("line")[key_cols].reset_index(drop=True)
    renames = {"time": TIME_NAMES.get(meta.time_kind or "mixed", "Zeit"), **WIDE_NAMES}
    for i, col in enumerate(table.row_columns):
        renames[col] = meta.row_dimensions[i] if i < len(meta.row_dimensions) else col
    keys = keys[[c for c in key_cols if keys[c].notna().any() and (keys[c].dropna() != "").any()]]
    out = keys.rename(columns=renames)
    codes = pd.Categorical(tidy["column"], categories=list(meta.columns)).codes
    matrix = np.full((len(keys), len(meta.columns)), np.nan)
    matrix[tidy["line"].to_numpy(), codes] = tidy["value"].to_numpy()
    for j, name in enumerate(meta.columns):
        column = matrix[:, j]
        whole = column[~np.isnan(column)]
        integral = bool(np.all(whole == np.round(whole))) and (whole.size == 0 or np.abs(whole).max() < 2**53)
        label = name if name not in out.columns else f"{name} (Wert)"
        data = pd.array(np.round(column) if integral and whole.size else column, dtype="Float64")
        out[label] = data.astype("Int64") if integral and whole.size else data
    return out
