"""Read classic GENESIS / Regionaldatenbank CSV exports into a tidy long table.

The export has a title block, a header of one or more lines whose leading cells are empty, data
lines ``Zeit;Schlüssel;Name;Wert;…`` and a footnote block (quoted, may span lines). Nothing here
is tuned to one table: the header depth is the number of lines above the first data line whose
leading cells are empty, and the number of label columns is the number of those empty cells.

Special symbols (Zeichenerklärung, DIN 55301 style) become:

==========  ==========================================  =====================
symbol      meaning                                     ``wert``
==========  ==========================================  =====================
``-``       nothing there (exactly zero)                0.0
``-`` row   all values ``-``: area did not exist then   NaN
``.``       unknown or secret (Geheimhaltung)           NaN
``x``       cell locked, statement not meaningful       NaN
``/``       not reliable enough                         NaN
``...``     available later                             NaN
``(12)``    limited reliability                         12.0
``12p``     provisional (also r, s)                     12.0
==========  ==========================================  =====================

The original symbol stays in the column ``zeichen`` so nothing is lost.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.encoding import decode_document
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

TIME = re.compile(r"^(\d{4})(?:/\d{2,4})?$|^\d{2}\.\d{2}\.(\d{4})$")
TABLE_CODE = re.compile(r"Tabelle:\s*([0-9A-Za-z][0-9A-Za-z\-]+)")
MISSING = {".", "x", "/", "...", "…"}
NUMBER = re.compile(r"^\(?(-?\d+(?:[.,]\d+)?)\)?\s*([prs])?$")
LEVELS = {2: "Land", 3: "Regierungsbezirk", 5: "Kreis", 8: "Gemeinde"}


def parse_value(cell: str, row_is_empty: bool = False) -> tuple[float, str]:
    """One cell -> (value, symbol). ``row_is_empty``: every value of the row is ``-``."""
    text = cell.strip()
    if text == "-":
        return (float("nan") if row_is_empty else 0.0), "-"
    if text in MISSING or text == "":
        return float("nan"), text
    match = NUMBER.match(text)
    if not match:
        return float("nan"), text
    symbol = "()" if text.startswith("(") else (match.group(2) or "")
    return float(match.group(1).replace(",", ".")), symbol


def region_level(key: str) -> str:
    if key == "DG":
        return "Bund"
    return LEVELS.get(len(key), "") if key.isdigit() else ""


def _lead_count(header_row: list[str]) -> int:
    count = 0
    for cell in header_row:
        if cell.strip():
            break
        count += 1
    return count


def read_genesis_csv(path: str | Path) -> pd.DataFrame:
    """Tidy long table: one row per region, time and value column.

    Columns: ``zeit`` (as printed), ``jahr`` (int), ``regionalschluessel`` (str, leading zeros
    kept), ``region`` (name without indentation), ``ebene`` (Bund/Land/…), ``kopf_1`` … ``kopf_n``
    (the header lines of that value column), ``wert`` (float) and ``zeichen`` (special symbol or
    ""). ``df.attrs`` holds ``table`` (code), ``title`` and ``header_depth``.
    """
    import pandas as pd

    path = Path(path)
    from assistant.limits import read_regular

    text, _ = decode_document(read_regular(path, 200.0, "Laden Sie nur die nötigen Kreise und "
                                           "Jahre herunter."), path.name)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    first = next((i for i, r in enumerate(rows) if len(r) >= 3 and TIME.match(r[0].strip())
                  and r[1].strip()), None)
    if first is None:
        raise InputError(
            f"In '{path.name}' wurden keine Datenzeilen (Jahr;Schlüssel;…) gefunden.",
            "Laden Sie die Tabelle in der Regionaldatenbank als CSV (Werteabruf) herunter; das "
            "neue 'flat'-Format wird hier nicht gelesen.",
        )
    header_start = first
    while header_start > 0 and rows[header_start - 1] and not rows[header_start - 1][0].strip() \
            and len(rows[header_start - 1]) > 1:
        header_start -= 1
    header = rows[header_start:first]
    if not header:
        raise InputError(f"In '{path.name}' fehlt der Spaltenkopf über den Daten.",
                         "Nutzen Sie den unveränderten CSV-Export der Regionaldatenbank.")
    lead = _lead_count(header[-1])
    width = max(len(r) for r in header)
    title_lines = [";".join(c for c in r if c.strip()) for r in rows[:header_start] if any(c.strip() for c in r)]
    code = next((m.group(1) for line in title_lines[:2] if (m := TABLE_CODE.search(line))), "")

    records = []
    for row in rows[first:]:
        if len(row) < 3 or not TIME.match(row[0].strip()):
            break  # footer: separator line, footnotes, copyright
        cells = (row + [""] * width)[lead:width]
        empty_row = all(c.strip() == "-" for c in cells)
        time = row[0].strip()
        match = TIME.match(time)
        year = int(match.group(1) or match.group(2))
        key = row[1].strip() if lead >= 3 else ""
        name = row[2].strip() if lead >= 3 else row[1].strip()
        for offset, cell in enumerate(cells):
            col = lead + offset
            value, symbol = parse_value(cell, empty_row)
            rec = {"zeit": time, "jahr": year, "regionalschluessel": key, "region": name,
                   "ebene": region_level(key)}
            for level, head in enumerate(header, start=1):
                rec[f"kopf_{level}"] = head[col].strip() if col < len(head) else ""
            rec["wert"] = value
            rec["zeichen"] = symbol
            records.append(rec)
    df = pd.DataFrame.from_records(records)
    df["regionalschluessel"] = df["regionalschluessel"].astype(str)
    df.attrs.update(table=code, title=" ".join(title_lines[1:]) if code else " ".join(title_lines),
                    header_depth=len(header))
    return df


def extract(df: pd.DataFrame, columns: dict[str, dict[str, str]]) -> pd.DataFrame:
    """Wide table for a catalogue contract: ``region`` (= Regionalschlüssel), ``jahr`` + one column
    per entry of ``columns``, each selected by header labels, e.g.
    ``{"absolventen_abgaenger": {"kopf_2": "Insgesamt", "kopf_3": "Insgesamt"}}``.
    """
    out = None
    for name, filters in columns.items():
        mask = None
        for level, label in filters.items():
            hit = df[level] == label
            mask = hit if mask is None else mask & hit
        part = df[mask][["regionalschluessel", "jahr", "wert"]]
        if part.empty:
            raise InputError(f"Keine Spalte passt zu {filters} (für '{name}').",
                             "Prüfen Sie die Beschriftungen im Spaltenkopf der Tabelle.")
        part = part.rename(columns={"regionalschluessel": "region", "wert": name})
        out = part if out is None else out.merge(part, on=["region", "jahr"], how="outer")
    assert out is not None
    return out.reset_index(drop=True)
