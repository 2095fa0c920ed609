"""Flatten Regionaldatenbank/GENESIS CSV exports into one tidy wide table.

Layout of the classic export (see shared/domain/indicators.md, Anhang 1): a title block (code,
title, regional depth, statistic, unit; cells only in the first column), a header of one to four
rows whose first *k* cells are empty (k = number of key columns: time, region code, region name,
...), data rows, then a footer that starts with a line of underscores and holds quoted, multi-line
footnotes and the licence. Header depth and the number of key columns differ between tables, so
both are derived from the file, not assumed.

Symbols (DIN 55301): ``-`` nothing (exactly zero) -> 0; ``.`` unknown or secret, ``x`` not
meaningful, ``/`` not reliable enough, ``...`` later -> missing; ``(n)`` limited value and a
trailing ``p``/``r``/``s`` (provisional, revised, estimated) keep the number. Each symbol is
counted in ``meta["symbols"]``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter

import pandas as pd

from assistant.catalogue.genesis import LEVELS as GENESIS_LEVELS
from assistant.catalogue.genesis import NUMBER as GENESIS_NUMBER
from assistant.catalogue.genesis import parse_value as parse_cell
from assistant.errors import InputError

_TITLE_RE = re.compile(r"^\s*(GENESIS-)?Tabelle:\s*(\S+)", re.IGNORECASE)
_FOOTER_RE = re.compile(r"^_{3,}")
_MISSING = {".": "geheim/unbekannt", "x": "nicht sinnvoll", "/": "nicht sicher genug",
            "...": "fällt später an", "…": "fällt später an"}
#: The catalogue's region levels, plus the 9-digit Gemeindeverband and the 12-digit Gemeinde key.
_LEVELS = {**GENESIS_LEVELS, 9: "Gemeindeverband", 12: "Gemeinde"}


def looks_like_genesis(text: str) -> bool:
    head = text.lstrip("\ufeff \r\n")[:400]
    if _TITLE_RE.match(head):
        return True
    return "Statistische Ämter des Bundes und der Länder" in text[-3000:] and bool(
        re.search(r"^_{5,}", text, re.MULTILINE))


def _is_value_cell(cell: str) -> bool:
    cell = cell.strip()
    return cell in _MISSING or cell == "-" or bool(GENESIS_NUMBER.match(cell))


def parse_genesis(text: str, name: str = "Tabelle") -> tuple[pd.DataFrame, dict, list[str]]:
    records = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")),
                                                               delimiter=";")]
    footer_at = next((i for i, r in enumerate(records) if r and _FOOTER_RE.match(r[0])),
                     len(records))
    body, footer = records[:footer_at], records[footer_at:]
    title: list[str] = []
    i = 0
    while i < len(body) and (not body[i] or not any(body[i][1:])):
        if body[i] and body[i][0]:
            title.append(body[i][0])
        i += 1
    if i >= len(body) or body[i][0]:
        raise _unreadable(name, "kein Tabellenkopf nach dem Titelblock gefunden")
    first_header = body[i]
    key_count = next(j for j, c in enumerate(first_header) if c)
    header_rows: list[list[str]] = []
    while i < len(body):
        row = body[i]
        values = [c for c in row[key_count:] if c]
        if values and sum(_is_value_cell(c) for c in values) / len(values) > 0.5:
            break
        header_rows.append(row)
        i += 1
    width = max(len(r) for r in header_rows)
    data_rows: list[list[str]] = []
    padded = 0
    for row in body[i:]:
        if not any(row):
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
            padded += 1
        data_rows.append(row[:width])
    if not data_rows:
        raise _unreadable(name, "keine Datenzeilen gefunden")

    key_names = _key_names(header_rows, data_rows, key_count)
    value_names, unit = _value_names(header_rows, key_count, width)
    symbols: Counter[str] = Counter()
    columns: dict[str, object] = {}
    for j, col in enumerate(key_names):
        cells = [r[j] for r in data_rows]
        columns[col] = [c.strip() or None for c in cells]
    for offset, col in enumerate(value_names):
        parsed = [_parse_value(r[key_count + offset], symbols) for r in data_rows]
        is_int = all(v is None or float(v).is_integer() for v in parsed)
        columns[col] = pd.array([None if v is None else (int(v) if is_int else v) for v in parsed],
                                dtype="Int64" if is_int else "Float64")
    frame = pd.DataFrame(columns)
    if "Regionalschlüssel" in frame.columns:
        frame.insert(len(key_names), "Ebene",
                     [_level(code) for code in frame["Regionalschlüssel"]])
    code = _TITLE_RE.match(title[0]).group(2) if title and _TITLE_RE.match(title[0]) else None
    meta = {"code": code, "title": title[1:] if code else title, "unit": unit,
            "header_depth": len(header_rows), "key_columns": key_names + (
                ["Ebene"] if "Ebene" in frame.columns else []),
            "value_columns": value_names, "symbols": dict(symbols),
            "footer_lines": sum(len(" ".join(r).splitlines()) for r in footer)}
    notes = [f"GENESIS/Regionaldatenbank-Export erkannt{f' (Tabelle {code})' if code else ''}: "
             f"{len(header_rows)} Kopfzeilen, {len(data_rows)} Datenzeilen, "
             f"{len(value_names)} Wertspalten; Titel- und Fußteil ({meta['footer_lines']} Zeilen "
             "Anmerkungen) wurden abgetrennt."]
    if symbols:
        shown = ", ".join(f"'{s}' {n}-mal" for s, n in symbols.most_common())
        notes.append(f"Sonderzeichen: {shown}. '-' (nichts vorhanden) wurde als 0 gelesen; '.', "
                     "'x', '/' und '...' als leer (unbekannt, geheim oder nicht sinnvoll).")
    if padded:
        notes.append(f"{padded} Datenzeilen waren kürzer als der Kopf und wurden leer ergänzt.")
    return frame, meta, notes


def _unreadable(name: str, why: str) -> InputError:
    return InputError(f"'{name}' sieht wie ein GENESIS-Export aus, ist aber unvollständig: {why}.",
                      "Laden Sie die Tabelle erneut als CSV aus der Regionaldatenbank herunter.")


def _parse_value(cell: str, symbols: Counter[str]) -> float | None:
    """One cell; the symbol semantics ('-' = 0, '.' 'x' '/' '...' = missing, '(12)', '12p') are
    those of the indicator catalogue's GENESIS reader, so both parts of Lotse read a cell alike."""
    cell = cell.strip()
    if cell == "":
        return None
    value, symbol = parse_cell(cell)
    if symbol:
        known = symbol in ("-", "()", "p", "r", "s") or symbol in _MISSING
        symbols[symbol if known else "?"] += 1
    return None if math.isnan(value) else value


def _key_names(header_rows: list[list[str]], data: list[list[str]], k: int) -> list[str]:
    names: list[str] = []
    for j in range(k):
        label = next((r[j] for r in reversed(header_rows) if j < len(r) and r[j]), "")
        values = [r[j].strip() for r in data if r[j].strip()]
        if not label:
            label = _guess_key(values, names)
        while label in names:
            label += "_2"
        names.append(label)
    return names


def _guess_key(values: list[str], before: list[str]) -> str:
    def share(pattern: str) -> float:
        return sum(bool(re.fullmatch(pattern, v)) for v in values) / max(len(values), 1)

    if share(r"\d{4}") > 0.95:
        return "Jahr"
    if share(r"\d{1,2}\.\d{1,2}\.\d{4}") > 0.95:
        return "Stichtag"
    if share(r"\d{4}/\d{2,4}") > 0.95:
        return "Schuljahr"
    if share(r"DG|\d{2,12}") > 0.95:
        return "Regionalschlüssel"
    if before and before[-1] == "Regionalschlüssel":
        return "Region"
    return f"Merkmal{len(before) + 1}"


def _value_names(header_rows: list[list[str]], k: int, width: int) -> tuple[list[str], str | None]:
    n = width - k
    grid = [[(r[k + j] if k + j < len(r) else "") for j in range(n)] for r in header_rows]
    unit = None
    kept_rows = []
    for row in grid:
        distinct = {c for c in row if c}
        if len(distinct) == 1 and all(row):
            unit = unit or (row[0] if row is grid[-1] else None)
            continue  # the same label over every column says nothing about the column
        kept_rows.append(row)
    names: list[str] = []
    for j in range(n):
        parts: list[str] = []
        for row in kept_rows:
            if row[j] and (not parts or parts[-1] != row[j]):
                parts.append(row[j])
        name = " | ".join(parts) or f"Wert{j + 1}"
        base, suffix = name, 2
        while name in names:
            name, suffix = f"{base} ({suffix})", suffix + 1
        names.append(name)
    return names, unit


def _level(code: str | None) -> str | None:
    if not code:
        return None
    if code == "DG":
        return "Deutschland"
    return _LEVELS.get(len(code), "Sonstige")
