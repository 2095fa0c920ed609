"""Test files in the other formats of the Regionaldatenbank, built from a real CSV export.

``genesis_xlsx`` models the layout of a Regionaldatenbank XLSX export (as the CSV, one row per
CSV line, since the XLSX files of theo-lyd/educational-equity-flow/data/raw are binary and could
not be read here): the title lines as text in column A (``GENESIS-Tabelle: …``, title, statistic,
unit), the header rows with empty leading cells and each spanning label written once over a
merged range, data rows with the time as a number (a year) or as an Excel date (a Stichtag), the region key as text (one key
stored as a number, its leading zero lost as Excel does), the name as text with its indentation,
numbers as numbers and special symbols (``-`` ``.`` ``x``) as text cells, then the footer
(``__________``, footnotes, licence, ``Stand:``) as text in column A.

``genesis_flat`` writes the same numbers in the GENESIS flat format (header as in
21321-01-01-4_flat.csv of the same repository: ``statistics_code;…;time;1_variable_code;…;value;
value_unit;value_variable_code;value_variable_label``), one line per value, the region variable
named by level (DINSG, DLAND, REGBEZ, KREISE) and two further variables (Abschluss, Geschlecht).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def real_rows(path: Path, encoding: str = "cp1252") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding)), delimiter=";"))


def split_export(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]], list[list[str]], list[list[str]]]:
    """(title rows, header rows, data rows, footer rows) of a block export."""
    def data(r: list[str]) -> bool:
        return bool(r) and len(r) > 3 and bool(re.match(r"^(\d{4}|\d{2}\.\d{2}\.\d{4})", r[0]))

    first = next(i for i, r in enumerate(rows) if data(r))
    head = first
    while head > 0 and rows[head - 1] and not rows[head - 1][0].strip():
        head -= 1
    end = first
    while end < len(rows) and data(rows[end]):
        end += 1
    return rows[:head], rows[head:first], rows[first:end], rows[end:]


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None


def _time(text: str) -> object:
    """A year as a number, a date (Stichtag) as an Excel date cell, else text."""
    import datetime

    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        return datetime.datetime.strptime(text, "%d.%m.%Y")
    except ValueError:
        return text


def write_header(ws, header: list[list[str]], top: int) -> None:
    """Append the header rows of a block export to the sheet ``ws`` from row ``top`` on: a label
    spanning several columns (all but the last header row) is written once, its cells merged."""
    for r, row in enumerate(header):
        ws.append([None] * len(row))
        j = 0
        while j < len(row):
            label = row[j].strip()
            k = j
            while r < len(header) - 1 and k + 1 < len(row) and row[k + 1].strip() == label and label:
                k += 1
            if label:
                ws.cell(row=top + r, column=j + 1, value=label)
            if k > j:
                ws.merge_cells(start_row=top + r, start_column=j + 1, end_row=top + r, end_column=k + 1)
            j = k + 1


def genesis_xlsx(source: Path, target: Path, *, numeric_key: str | None = None,
                 sheet: str = "21111-02-06-4") -> Path:
    """Write the block export ``source`` (CSV) as a Regionaldatenbank-style XLSX (see module)."""
    import openpyxl

    title, header, body, footer = split_export(real_rows(source))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in title:
        ws.append([" ".join(row[0].split())])
    write_header(ws, header, len(title) + 1)
    for row in body:
        cells: list[object] = [_time(row[0]), row[1], row[2]]
        if numeric_key is not None and row[1] == numeric_key:
            cells[1] = int(row[1])  # stored as a number: "01001" becomes 1001
        for text in row[3:]:
            number = _number(text.strip())
            cells.append(text.strip() if number is None else number)
        ws.append(cells)
    for row in footer:
        text = " ".join(c for c in row if c.strip())
        if text:
            ws.append([text])
    book.save(target)
    return target


LEVEL_VARIABLE = {2: ("DLAND", "Bundesländer"), 3: ("REGBEZ", "Regierungsbezirke"),
                  5: ("KREISE", "Kreise und kreisfreie Städte"), 8: ("GEMEIN", "Gemeinden")}
FLAT_HEADER = ("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
               "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;"
               "2_variable_label;2_variable_attribute_code;2_variable_attribute_label;3_variable_code;"
               "3_variable_label;3_variable_attribute_code;3_variable_attribute_label;value;value_unit;"
               "value_variable_code;value_variable_label")


def genesis_flat(source: Path, target: Path) -> Path:
    """Write the block export ``source`` (CSV) in the GENESIS flat format (see module)."""
    _, header, body, _ = split_export(real_rows(source))
    labels = [(header[-2][j].strip(), header[-1][j].strip()) for j in range(3, len(header[-1]))]
    lines = [FLAT_HEADER]
    for row in body:
        key = row[1].strip()
        code, label = ("DINSG", "Deutschland insgesamt") if key == "DG" else LEVEL_VARIABLE[len(key)]
        for (abschluss, geschlecht), value in zip(labels, row[3:]):
            ab_code = "INSGESAMT" if abschluss == "Insgesamt" else "SCHAB" + str(abs(hash(abschluss)) % 100)
            ge_code = {"Insgesamt": "INSGESAMT", "weiblich": "GESW", "männlich": "GESM"}[geschlecht]
            lines.append(";".join([
                "21111", "Statistik der allgemeinbildenden Schulen", "JAHR", "Jahr", row[0].strip(),
                code, label, key, " ".join(row[2].split()), "SCHAB2", "Abschlussarten", ab_code, abschluss,
                "GES", "Geschlecht", ge_code, geschlecht, value.strip(), "Anzahl", "BIL003",
                "Absolvierende/Abgehende"]))
    target.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return target
