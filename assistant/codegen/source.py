"""The user's data file as code generation sees it: its layout (for the snippet that reads it) and
Lotse's own reading of it (for the independent reference computation).

Two layouts: a Regionaldatenbank/GENESIS export (title block, multi-line header, data lines
``Zeit;Schlüssel;Name;Wert;…``, footnotes) and a plain table with one header line (CSV with any
delimiter, decimal comma or point). Lotse's own reading uses :mod:`assistant.tables` (GENESIS)
and :mod:`assistant.privacy.table_io` (plain CSV); the snippet parses the file on its own.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from assistant.encoding import decode_text
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

TIME = re.compile(r"^(\d{4})(?:/\d{2,4})?$|^\d{2}\.\d{2}\.(\d{4})$")
_YEAR_NAME = re.compile(r"^(jahr|year|zeit|berichtsjahr|schuljahr|stichtag)", re.IGNORECASE)
_REGION_NAME = re.compile(r"(region|schl(ue|ü)ssel|^ags$|^ars$|kreis|gebiet|gemeinde|kommune)",
                          re.IGNORECASE)
_KEY_VALUE = re.compile(r"^(DG|\d{2,12})$")
_NUMBER = re.compile(r"^\(?-?\d+(?:[.,]\d+)?\)?\s*[prs]?$|^[-.x/]$|^\.\.\.$|^$")
TOTAL_LABELS = {"insgesamt", "zusammen", "gesamt", "summe", "alle", "allen", "total"}


@dataclass(frozen=True)
class ValueColumn:
    """A numeric column of the user's table. ``index`` is its position in a GENESIS data line;
    ``name`` is the header text (CSV) or the header labels joined with `` | `` (GENESIS)."""

    index: int
    name: str
    labels: tuple[str, ...]

    def describe(self) -> str:
        return self.name


@dataclass
class DataFile:
    path: Path
    layout: Literal["genesis", "csv"]
    encoding: str
    columns: list[ValueColumn]
    table_code: str = ""
    title: str = ""
    # GENESIS layout
    skip: int = 0
    width: int = 0
    lead: int = 0
    has_key: bool = True
    #: Further row dimensions (e.g. Schulart) with a total line: column index -> that label.
    #: Only those lines are read, so the categories are not counted twice.
    row_filter: dict[int, str] = field(default_factory=dict)
    # CSV layout
    sep: str = ";"
    decimal: str = "."
    region_column: str | None = None
    year_column: str | None = None
    regions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    #: Region key -> name as printed (GENESIS), for regions named in a task.
    names: dict[str, str] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.path.name

    def varying_levels(self) -> list[int]:
        """Header levels whose labels differ between value columns (the others say nothing)."""
        depth = max((len(c.labels) for c in self.columns), default=0)
        return [lvl for lvl in range(depth)
                if len({c.labels[lvl] if lvl < len(c.labels) else "" for c in self.columns}) > 1]

    def frame(self, mapping: dict[str, ValueColumn], path: Path | None = None) -> "pd.DataFrame":
        """Lotse's own reading of ``path`` (default: this file) as the contract frame: ``region``
        (key as text), ``jahr`` and one column per slot of ``mapping``; one row per data line."""
        return read_frame(self, mapping, path or self.path)


def _read_text(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Die Datei '{path}' ist nicht lesbar ({exc.strerror}).",
                         "Prüfen Sie Pfad und Dateirechte.") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"'{path.name}' ist keine Tabelle (Binärdatei).",
                         "Geben Sie eine CSV-Datei an (Regionaldatenbank-Export oder eigene Tabelle).")
    return decode_text(data)


def describe_file(path: str | Path) -> DataFile:
    """Layout and columns of a table file; :class:`InputError` (German) if it is not a table."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Die Datei '{path}' gibt es nicht.", "Prüfen Sie den Pfad hinter --data.")
    if path.suffix.lower() in (".xlsx", ".xls", ".ods"):
        raise InputError(f"'{path.name}' ist eine Tabellenkalkulationsdatei; Code erzeugt Lotse bisher "
                         "für CSV-Dateien.", "Speichern Sie die Tabelle als CSV (Semikolon) und "
                         "geben Sie diese Datei an.")
    text, encoding = _read_text(path)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    first = next((i for i, r in enumerate(rows) if len(r) >= 3 and TIME.match(r[0].strip())
                  and r[1].strip()), None)
    if first is not None and first > 0 and rows[first - 1] and not rows[first - 1][0].strip():
        return _describe_genesis(path, encoding, rows, first)
    from assistant.tables import detect_layout

    if detect_layout(text) in ("genesis", "genesis-flat"):
        raise InputError(f"'{path.name}' ist ein Regionaldatenbank-Export in einer Form, die die "
                         "Code-Erzeugung noch nicht liest (ohne Zeitspalte oder im 'flat'-Format).",
                         "Laden Sie die Tabelle mit Zeit in der ersten Spalte herunter (Werteabruf, "
                         "Standardformat); 'lotse data inspect' zeigt, was Lotse darin erkennt.")
    return _describe_csv(path, encoding)


def _describe_genesis(path: Path, encoding: str, rows: list[list[str]], first: int) -> DataFile:
    header_start = first
    while header_start > 0 and rows[header_start - 1] and not rows[header_start - 1][0].strip() \
            and len(rows[header_start - 1]) > 1:
        header_start -= 1
    header = rows[header_start:first]
    lead = 0
    for cell in header[-1]:
        if cell.strip():
            break
        lead += 1
    width = max(len(r) for r in header)
    columns = []
    for col in range(lead, width):
        labels = tuple(h[col].strip() if col < len(h) else "" for h in header)
        columns.append(ValueColumn(col, " | ".join(labels), labels))
    # Drop the levels that are the same for every column from the readable name.
    varying = [lvl for lvl in range(len(header)) if len({c.labels[lvl] for c in columns}) > 1]
    columns = [ValueColumn(c.index, " | ".join(c.labels[lvl] for lvl in varying) or c.name, c.labels)
               for c in columns]
    title_lines = [";".join(c for c in r if c.strip()) for r in rows[:header_start] if any(c.strip() for c in r)]
    code = next((m.group(1) for line in title_lines[:2]
                 if (m := re.search(r"Tabelle:\s*([0-9A-Za-z][0-9A-Za-z\-]+)", line))), "")
    body = []
    for row in rows[first:]:
        if len(row) < 3 or not TIME.match(row[0].strip()):
            break
        body.append(row)
    has_key = lead >= 3
    row_filter = {}
    for dim in range(3 if has_key else 2, lead):
        labels = {r[dim].strip() for r in body if dim < len(r)}
        total = next((lab for lab in sorted(labels) if lab.lower() in TOTAL_LABELS), None)
        if total is not None:
            row_filter[dim] = total
    regions = list(dict.fromkeys(r[1].strip() for r in body))
    names = {r[1].strip(): r[2].strip() for r in body if has_key}
    years = sorted({_year(r[0].strip()) for r in body})
    # The snippet reads with the file's encoding; a UTF-8 BOM is skipped by "utf-8-sig".
    return DataFile(path=path, layout="genesis", encoding=encoding, columns=columns,
                    table_code=code, title=" ".join(title_lines[1:4]) if code else " ".join(title_lines[:3]),
                    skip=_line_number(path, encoding, first), width=width, lead=lead,
                    has_key=has_key, regions=regions, years=years, names=names, row_filter=row_filter)


def _line_number(path: Path, encoding: str, row_index: int) -> int:
    """Physical line of CSV record ``row_index`` (records may span lines inside quotes)."""
    text, _ = _read_text(path)
    reader = csv.reader(io.StringIO(text), delimiter=";")
    line = 0
    for _ in range(row_index):
        next(reader)
        line = reader.line_num
    return line


def _year(text: str) -> int:
    match = TIME.match(text)
    if match:
        return int(match.group(1) or match.group(2))
    digits = re.findall(r"\d{4}", text)
    return int(digits[0]) if digits else 0


def _describe_csv(path: Path, encoding: str) -> DataFile:
    from assistant.privacy.table_io import read_table

    loaded = read_table(path)
    frame = loaded.frame
    if frame.shape[1] < 2 or frame.empty:
        raise InputError(f"'{path.name}' ist keine Tabelle mit Spalten und Zeilen.",
                         "Geben Sie eine CSV-Datei mit Kopfzeile an (oder einen Regionaldatenbank-Export).")
    names = [str(c) for c in frame.columns]
    year_col = next((c for c in names if _YEAR_NAME.match(c)), None)
    region_col = next((c for c in names if c != year_col and _REGION_NAME.search(c)), None)
    if region_col is None:
        region_col = next((c for c in names if c != year_col
                           and frame[c].astype(str).str.strip().str.match(_KEY_VALUE).mean() > 0.9), None)
    decimal = "."
    columns = []
    for pos, name in enumerate(names):
        if name in (year_col, region_col):
            continue
        values = frame[name].astype(str).str.strip()
        if values.str.match(_NUMBER).mean() > 0.9 and (values != "").any():
            if values.str.contains(r"^-?\d+,\d+$").any():
                decimal = ","
            columns.append(ValueColumn(pos, name, (name,)))
    if not columns:
        raise InputError(f"'{path.name}' hat keine Zahlenspalten (gesehen: {', '.join(names)}).",
                         "Code erzeugt Lotse für Tabellen mit Zahlen (Anzahlen, Bevölkerung, …).")
    regions = list(dict.fromkeys(frame[region_col].astype(str).str.strip())) if region_col else []
    years = sorted({_year(str(v)) for v in frame[year_col]}) if year_col else []
    return DataFile(path=path, layout="csv", encoding=loaded.encoding or encoding, columns=columns,
                    sep=loaded.delimiter or ";", decimal=decimal, region_column=region_col,
                    year_column=year_col, regions=regions, years=years, title=path.stem)


def text_columns(data: DataFile) -> list[str]:
    """CSV columns that are neither region, year nor numeric (e.g. ``alter``, ``schulart``)."""
    if data.layout != "csv":
        return []
    from assistant.privacy.table_io import read_table

    numeric = {c.name for c in data.columns}
    return [str(c) for c in read_table(data.path).frame.columns
            if str(c) not in numeric and str(c) not in (data.region_column, data.year_column)]


def read_frame(data: DataFile, mapping: dict[str, ValueColumn], path: Path,
               extra: dict[str, str] | None = None) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    if data.layout == "genesis":
        from assistant.tables import read_table as read_any

        tidy = read_any(path).tidy
        first_dim = 3 if data.has_key else 2
        for dim, label in data.row_filter.items():
            column = f"row_{dim - first_dim + 1}"
            tidy = tidy[tidy[column].fillna("").astype(str).str.strip() == label]
        heads = [c for c in tidy.columns if c.startswith("header_")]
        lines = tidy.drop_duplicates("line").set_index("line")
        key = lines["region_key"] if data.has_key else lines["region_name"]
        out = pd.DataFrame({"region": key.astype(str), "jahr": lines["year"].astype(int)})
        stripped = {h: tidy[h].fillna("").astype(str).str.strip() for h in heads}
        for slot, column in mapping.items():
            want = tuple(column.labels) + ("",) * (len(heads) - len(column.labels))
            mask = pd.Series(True, index=tidy.index)
            for head, label in zip(heads, want):
                mask &= stripped[head] == label
            values = tidy[mask].set_index("line")["value"]
            out[slot] = values.reindex(out.index).astype(float).to_numpy()
        return out.reset_index(drop=True)
    from assistant.privacy.table_io import read_table

    raw = read_table(path).frame
    out = pd.DataFrame({"region": raw[data.region_column].astype(str).str.strip()} if data.region_column
                       else {"region": pd.Series(["gesamt"] * len(raw))})
    out["jahr"] = ([_year(str(v).strip()) for v in raw[data.year_column]] if data.year_column else 0)
    for slot, column in mapping.items():
        text = raw[column.name].astype(str).str.strip()
        if data.decimal == ",":
            text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        out[slot] = pd.to_numeric(text.str.strip("()").str.rstrip("prs ").replace({"-": "0"}),
                                  errors="coerce")
    for slot, name in (extra or {}).items():
        out[slot] = raw[name].astype(str).str.strip()
    return out
