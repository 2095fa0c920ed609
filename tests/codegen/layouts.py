"""Variants of real Regionaldatenbank/GENESIS layouts, built from the excerpts in tests/data/tables
(sources in tests/data/tables/README.md), for the code-generation tests.

- :func:`header_time_xlsx`: a table without a time column (``WS 2023/24`` as the top header row)
  as the Regionaldatenbank's XLSX export stores it: title lines in column A, spanning header labels
  written once over merged cells, keys as text (one stored as a number, its leading zero lost),
  numbers as numbers, ``-`` as text, the footer below. The XLSX files of
  theo-lyd/educational-equity-flow/data/raw are stored as binary and could not be read, so the
  sheet is built from the real CSV excerpt of the same table.
- :func:`two_times_csv`: the same table with a second time block (``WS 2022/23``) in the header;
  the second block's numbers are made up (each real number minus a third, rounded down), in
  Windows-1252 with CRLF line ends and an extra footer line.
- :func:`flat_xlsx`: the real flat excerpt opened in Excel and saved as .xlsx: digits became
  numbers, so keys lost their leading zero.
- :func:`flat_variant`: the real flat excerpt comma-separated in Windows-1252 (labels with commas
  quoted), or with the German header of GENESIS-Online (``Statistik_Code;…;Zeit;1_Merkmal_Code;…;
  1_Auspraegung_Label;…``, the value in a column named ``PR0001__Bestandene_Pruefungen__Anzahl``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tests.codegen.formats import write_header

EXCERPTS = Path(__file__).resolve().parents[1] / "data" / "tables"
STUDIERENDE = EXCERPTS / "21311-01-01-4-B.excerpt.csv"
FLAT = EXCERPTS / "21321-01-01-4_flat.excerpt.csv"


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


def _parts(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]], list[list[str]], list[list[str]]]:
    """(title, header, body, footer) of a block export whose body lines start with a key."""
    first = next(i for i, r in enumerate(rows) if r and re.fullmatch(r"\d{2,12}|DG", r[0]))
    head = first
    while head > 0 and rows[head - 1] and not rows[head - 1][0]:
        head -= 1
    end = first
    while end < len(rows) and rows[end] and re.fullmatch(r"\d{2,12}|DG", rows[end][0]):
        end += 1
    return rows[:head], rows[head:first], rows[first:end], rows[end:]


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def header_time_xlsx(target: Path, *, numeric_key: str = "01001") -> Path:
    import openpyxl

    title, header, body, footer = _parts(_rows(STUDIERENDE))
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "21311-01-01-4-B"
    for row in title:
        ws.append([row[0]])
    write_header(ws, header, len(title) + 1)
    for row in body:
        key: object = int(row[0]) if row[0] == numeric_key else row[0]
        values = [v if (n := _number(v)) is None else n for v in row[3:]]
        ws.append([key, row[1], row[2], *values])
    for row in footer:  # underscores, footnote, licence, "Stand:" (multi-line cells)
        if any(row):
            ws.append([row[0]])
    book.save(target)
    return target


def two_times_csv(target: Path) -> Path:
    title, header, body, footer = _parts(_rows(STUDIERENDE))
    lead = 3
    old = ["WS 2022/23" for _ in header[0][lead:]]
    new_header = [row[:lead] + (old if n == 0 else row[lead:]) + row[lead:] for n, row in enumerate(header)]

    def earlier(cell: str) -> str:
        return str(int(cell) - int(cell) // 3) if cell.isdigit() else cell

    new_body = [row[:lead] + [earlier(c) for c in row[lead:]] + row[lead:] for row in body]
    lines = [";".join(r) for r in title + new_header + new_body]
    text = "\r\n".join(lines) + "\r\n" + "\r\n".join(_footer_lines(footer)) + "\r\nStand: 28.03.2026\r\n"
    target.write_bytes(text.encode("cp1252"))
    return target


def _footer_lines(footer: list[list[str]]) -> list[str]:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(r for r in footer if not r or not
                                                                    r[0].startswith("Stand"))
    return buf.getvalue().rstrip("\n").split("\n")


def flat_xlsx(target: Path) -> Path:
    import openpyxl

    rows = _rows(FLAT)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "21321-01-01-4"
    for n, row in enumerate(rows):
        ws.append(row if n == 0 else [c if (v := _number(c)) is None else v for c in row])
    book.save(target)
    return target


GERMAN_FLAT = {"statistics_code": "Statistik_Code", "statistics_label": "Statistik_Label",
               "time_code": "Zeit_Code", "time_label": "Zeit_Label", "time": "Zeit"}


def flat_variant(target: Path, kind: str) -> Path:
    rows = _rows(FLAT)
    if kind == "comma":
        buf = io.StringIO()
        csv.writer(buf, delimiter=",", lineterminator="\r\n").writerows(rows)
        target.write_bytes(buf.getvalue().encode("cp1252"))
        return target
    header = rows[0]
    value = header.index("value")
    german = []
    for name in header[:value]:
        match = re.fullmatch(r"(\d+)_variable_(attribute_)?(code|label)", name)
        german.append(GERMAN_FLAT.get(name) or
                      f"{match.group(1)}_{'Auspraegung' if match.group(2) else 'Merkmal'}_{match.group(3).title()}"
                      if match else GERMAN_FLAT.get(name, name))
    german.append("PR0001__Bestandene_Pruefungen__Anzahl")
    lines = [";".join(german)] + [";".join(r[:value + 1]) for r in rows[1:]]
    target.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return target
