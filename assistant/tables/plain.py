"""Plain tables: one header row, then one line per record (a user's own CSV or Excel sheet).

Each column is classified from its name and its values: time (``Jahr``, ``Stichtag``, years or
dates), region key (``AGS``, ``Regionalschlüssel``, keys with leading zeros, ``DG``), region name,
value columns (numbers and special symbols, decimal comma or point) and the rest, which become
further row dimensions (``Schulart``). Keys stay text, so ``05111`` keeps its zero.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from assistant.errors import InputError
from assistant.tables.cells import guess_decimal, is_region_key, is_value_cell, time_label
from assistant.tables.model import TableData, TableMeta, assemble

_TIME_NAME = re.compile(r"^(jahr|year|zeit|time|stichtag|datum|date|schuljahr|berichtsjahr|"
                        r"semester|zeitraum|periode)\b", re.IGNORECASE)
_KEY_NAME = re.compile(r"ags|ars|schl(ü|ue)ssel|^gkz$|kennziffer|region_?key|regionalkey|^key$|"
                       r"^kreis_?id$|^gemeinde_?id$", re.IGNORECASE)
_NAME_NAME = re.compile(r"^(region|regionsname|name|gebiet|kreis|gemeinde|stadt|land|"
                        r"bundesland|kommune|ort|region_?name)\b", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"^0\d")


def table_block(rows: list[list[str]]) -> tuple[int, int]:
    """(first, end) of the table among non-empty ``rows`` of a table with at least three columns:
    title lines above the header have fewer than half as many filled cells as most rows
    (``Schulabgänge 2023``, ``Tabelle 3:;Schulabgänge``); notes below the last data line
    (``Quelle: …``, ``Stand: …``) have only their first cell filled and read as a note."""
    filled = [sum(1 for c in r if c.strip()) for r in rows]
    if not filled or max(filled) < 3:
        return 0, len(rows)
    mode = Counter(n for n in filled if n >= 2).most_common(1)[0][0]
    need = max(2, (mode + 1) // 2)
    wide = [i for i, n in enumerate(filled) if n >= need]
    last = wide[-1] + 1
    if not all(filled[i] == 1 and _is_note(rows[i][0]) for i in range(last, len(rows))):
        last = len(rows)  # a short data line ("GS West") is data, padded by the reader
    return wide[0], last


_NOTE = re.compile(r"^\s*(Quelle|Datenquelle|Stand|Anmerkung|Hinweis|Fußnote|Erläuterung|Bearbeitung|"
                   r"Lizenz|©|\*|\d{1,2}\))|:", re.IGNORECASE)


def _is_note(cell: str) -> bool:
    """A note under a table: ``Quelle: …``, ``Stand: …``, ``© …``, ``1) …`` or a sentence."""
    return bool(cell.strip()) and (bool(_NOTE.search(cell)) or len(cell.split()) >= 4)


def parse_plain(rows: list[list[str]], *, name: str, encoding: str | None, source_format: str,
                delimiter: str | None) -> TableData:
    rows = [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]
    first, last = table_block(rows)
    skipped = (first, len(rows) - last)
    rows = rows[first:last]
    if len(rows) < 2:
        raise InputError(f"'{name}' enthält keine Datenzeilen unter der Kopfzeile.",
                         "Prüfen Sie, ob die Datei eine Kopfzeile und mindestens eine Datenzeile hat.")
    header = rows[0]
    while len(header) > 1 and not header[-1]:
        header = header[:-1]
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    names = [h or f"Spalte {j + 1}" for j, h in enumerate(header)]
    roles = [_role(names[j], [r[j] for r in body]) for j in range(width)]
    if "name" not in roles and "key" in roles:
        after = roles.index("key") + 1
        if after < width and roles[after] == "row":
            roles[after] = "name"
    values = [j for j, role in enumerate(roles) if role == "value"]
    if not values:
        raise InputError(
            f"In '{name}' wurde keine Spalte mit Zahlen gefunden ({width} Spalten: "
            f"{', '.join(names[:8])}{' …' if width > 8 else ''}).",
            "Lotse liest Tabellen mit einer Kopfzeile und Zahlenspalten (CSV oder .xlsx); prüfen "
            "Sie Trennzeichen und Kopfzeile.")
    for role in ("time", "key", "name"):
        if roles.count(role) > 1:  # a second candidate is just another label column
            first = roles.index(role)
            roles = [r if r != role or j == first else "row" for j, r in enumerate(roles)]
    row_cols = [j for j, role in enumerate(roles) if role == "row"]
    lines = []
    for r in body:
        line: dict[str, Any] = {}
        for j, role in enumerate(roles):
            if role == "time":
                label = time_label(r[j])
                line["time"], line["year"] = r[j] or None, (label[1] if label else None)
            elif role == "key":
                line["region_key"] = r[j] or None
            elif role == "name":
                line["region_name"] = r[j] or None
        for k, j in enumerate(row_cols, start=1):
            line[f"row_{k}"] = r[j]
        lines.append(line)
    cells = [[r[j] for j in values] for r in body]
    sample = [c for row in cells[:2000] for c in row if c]
    decimal = guess_decimal(sample, default="." if delimiter in (",", None) else ",")
    time_values = [r[roles.index("time")] for r in body] if "time" in roles else []
    kinds = {label[0] for v in time_values if (label := time_label(v))}
    meta = TableMeta(
        table_code=None, title=None, stichtag=None, footnotes=(), licence=None, encoding=encoding,
        layout="plain", source_format=source_format, delimiter=delimiter, decimal=decimal,
        header_depth=1, time_kind=(kinds.pop() if len(kinds) == 1 else "mixed") if kinds else None,
        row_dimensions=tuple(names[j] for j in row_cols),
        notes=((f"Tabelle mit einer Kopfzeile gelesen: {len(body)} Zeilen, {len(values)} "
                f"Zahlenspalten, Dezimalzeichen '{decimal}'."),) + ((
                f"{skipped[0]} Titelzeile(n) über der Kopfzeile und {skipped[1]} Hinweiszeile(n) "
                "unter der Tabelle wurden nicht als Daten gelesen.",) if any(skipped) else ()))
    return assemble(meta, lines, [[names[j]] for j in values], cells)


def _share(values: list[str], test) -> float:
    filled = [v for v in values if v]
    return sum(bool(test(v)) for v in filled) / len(filled) if filled else 0.0


def _role(name: str, values: list[str]) -> str:
    filled = [v for v in values if v]
    if _KEY_NAME.search(name) or (filled and _share(filled, is_region_key) == 1.0 and any(
            v == "DG" or _LEADING_ZERO.match(v) for v in filled)):
        return "key"
    if _TIME_NAME.match(name) and _share(filled, time_label) >= 0.9:
        return "time"
    kinds = {label[0] for v in filled if (label := time_label(v))}
    if filled and _share(filled, time_label) == 1.0 and kinds <= {"date", "school_year", "semester"}:
        return "time"  # dates, school years, semesters (plain years need a time-like name)
    if _NAME_NAME.match(name) and _share(filled, is_value_cell) < 0.5:
        return "name"
    if filled and _share(filled, is_value_cell) >= 0.8 and not any(_LEADING_ZERO.match(v) for v in filled):
        return "value"
    return "row"
