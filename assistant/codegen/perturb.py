"""Perturbed copies of the user's file, so a plausible wrong snippet cannot pass by coincidence.

The snippet and the reference both run on each copy. The copies keep the file's layout (title
block, header, footnotes, encoding) and change only data lines:

- ``nenner_variiert``: every data line gets its own factor and every number a small independent
  offset, so denominators differ between regions and parts no longer add up to their totals
  (a mean of shares then differs from the pooled share, a sum of parts from the "Insgesamt" column);
- ``zellen_unterdrueckt``: some cells become ``.``, ``x`` or ``-``, one line becomes all ``-``;
- ``zeilen_geteilt``: the data lines are shuffled and some are split into two lines for the same
  region and year whose numbers add up to the original ones in different proportions per column;
- ``zeilen_gemischt``: the data lines are shuffled.

Everything is seeded: the same file gives the same copies.
"""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path

from assistant.codegen.source import DataFile

#: Copies and the changes applied to each, in order. Two copies keep validation within two
#: sandbox runs' time on a two-core machine; together they cover all changes above.
VARIANTS: dict[str, tuple[str, ...]] = {
    "nenner_variiert_zeilen_geteilt": ("nenner_variiert", "zeilen_geteilt"),
    "zellen_unterdrueckt_gemischt": ("zellen_unterdrueckt", "zeilen_gemischt"),
}
_INT = re.compile(r"^\d+$")
_DEC = re.compile(r"^(\d+)([.,])(\d+)$")


def _number(cell: str) -> tuple[float, str, int] | None:
    """(value, decimal separator, decimals) of a plain non-negative number, else None."""
    text = cell.strip()
    if _INT.match(text):
        return float(text), "", 0
    match = _DEC.match(text)
    if match:
        return float(f"{match.group(1)}.{match.group(3)}"), match.group(2), len(match.group(3))
    return None


def _format(value: float, sep: str, decimals: int) -> str:
    if not sep:
        return str(round(value))
    return f"{value:.{decimals}f}".replace(".", sep)


def _body(data: DataFile, lines: list[str]) -> tuple[int, int]:
    """Start and end (exclusive) of the data lines."""
    if data.layout == "genesis" and data.file_format != "flat":
        start = data.skip
        end = start
        while end < len(lines) and data.is_body_row(_split(data, lines[end])):
            end += 1
        return start, end
    start = data.skip + 1 if data.layout == "csv" else 1
    end = len(lines)
    while end > start and (not lines[end - 1].strip() or _note(_split(data, lines[end - 1]))):
        end -= 1
    return start, end


def _note(cells: list[str]) -> bool:
    """A line under a plain table with only its first cell filled (``Quelle: …``)."""
    return bool(cells) and bool(cells[0].strip()) and not any(c.strip() for c in cells[1:])


def _split(data: DataFile, line: str) -> list[str]:
    return next(csv.reader([line], delimiter=data.sep), [])


def _join(data: DataFile, cells: list[str]) -> str:
    if data.layout == "genesis" and data.file_format != "flat" and data.sep == ";":
        return ";".join(cells)  # as the Regionaldatenbank writes it
    buf = io.StringIO()
    csv.writer(buf, delimiter=data.sep, lineterminator="").writerow(cells)
    return buf.getvalue()


def _value_positions(data: DataFile) -> list[int]:
    if data.file_format == "flat":
        return [data.flat_header.index(v) for v in data.flat_values]
    return sorted({c.index for c in data.columns})


def _steps(data: DataFile, variant: str) -> tuple[str, ...]:
    """A flat file has one line per value: a line split in two would be two values for the same
    cell, so the lines are only shuffled there."""
    steps = VARIANTS[variant]
    if data.file_format == "flat":
        steps = tuple("zeilen_gemischt" if s == "zeilen_geteilt" else s for s in steps)
    return steps


def perturb_lines(data: DataFile, rows: list[list[str]], variant: str, rng: random.Random) -> list[list[str]]:
    positions = _value_positions(data)
    out: list[list[str]] = []
    if variant == "nenner_variiert":
        for row in rows:
            factor = rng.choice([1, 2, 3, 5, 7, 11, 13])
            new = list(row)
            for pos in positions:
                parsed = _number(row[pos]) if pos < len(row) else None
                if parsed:
                    value, sep, decimals = parsed
                    new[pos] = _format(value * factor + rng.randint(0, 4), sep, decimals)
            out.append(new)
    elif variant == "zellen_unterdrueckt":
        blank = rng.randrange(len(rows)) if rows else -1
        for n, row in enumerate(rows):
            new = list(row)
            for pos in positions:
                if pos >= len(row):
                    continue
                if n == blank:
                    new[pos] = "-"
                elif _number(row[pos]) and rng.random() < 0.2:
                    new[pos] = rng.choice([".", "x", "-", "."])
            out.append(new)
    elif variant == "zeilen_geteilt":
        shuffled = list(rows)
        rng.shuffle(shuffled)
        for n, row in enumerate(shuffled):
            if n % 3 != 0:
                out.append(row)
                continue
            first, second = list(row), list(row)
            for pos in positions:
                parsed = _number(row[pos]) if pos < len(row) else None
                if parsed:
                    value, sep, decimals = parsed
                    part = round(value * rng.uniform(0.15, 0.85), decimals)
                    first[pos] = _format(part, sep, decimals)
                    second[pos] = _format(value - part, sep, decimals)
            out += [first, second]
    elif variant == "zeilen_gemischt":
        out = list(rows)
        rng.shuffle(out)
    else:
        raise ValueError(f"unknown perturbation {variant!r}")
    return out


def write_variant(data: DataFile, variant: str, directory: Path, seed: int = 12) -> Path:
    """Write the perturbed copy under the original file name into ``directory``, in the format
    of the original (CSV with its encoding, GENESIS flat CSV, XLSX)."""
    if data.file_format == "xlsx" or data.sheet:
        return write_xlsx_variant(data, variant, directory, seed)
    raw = data.path.read_bytes()
    encoding = "utf-8-sig" if data.encoding.startswith("utf-8") else data.encoding
    text = raw.decode(encoding)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    start, end = _body(data, lines)
    rows = [_split(data, line) for line in lines[start:end]]
    rng = random.Random(f"{seed}:{variant}:{data.path.name}")
    for step in _steps(data, variant):
        rows = perturb_lines(data, rows, step, rng)
    new_rows = rows
    lines[start:end] = [_join(data, r) for r in new_rows]
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / data.path.name
    body = newline.join(lines)
    target.write_bytes(body.encode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") and encoding == "utf-8-sig"
                        else body.encode(encoding.replace("-sig", "")))
    return target


def write_xlsx_variant(data: DataFile, variant: str, directory: Path, seed: int = 12) -> Path:
    """The perturbed copy of an XLSX file: the same sheet name, title, header (with its merged
    cells) and footer; data lines changed as for CSV; numbers written as numbers, symbols and
    labels as text, as the export stores them."""
    from assistant.codegen.xlsxwrite import Cell, read_back, write_sheet
    from assistant.tables.reader import xlsx_sheet

    _, rows = xlsx_sheet(data.path)
    if data.layout == "genesis" and data.file_format != "flat":
        start = end = data.skip
        while end < len(rows) and rows[end] and data.is_body_row(rows[end]):
            end += 1
    else:
        start = (data.skip if data.layout == "csv" else
                 next(i for i, r in enumerate(rows) if any(c.strip() for c in r))) + 1
        end = len(rows)
        while end > start and (not any(c.strip() for c in rows[end - 1]) or _note(rows[end - 1])):
            end -= 1
    rng = random.Random(f"{seed}:{variant}:{data.path.name}")
    body = rows[start:end]
    for step in _steps(data, variant):
        body = perturb_lines(data, body, step, rng)
    positions = set(_value_positions(data))
    cells: list[list[Cell]] = []
    for n, row in enumerate(rows[:start] + body + rows[end:]):
        in_body = start <= n < start + len(body)
        line: list[Cell] = []
        for j, text in enumerate(row):
            parsed = _number(text) if in_body and j in positions else None
            if parsed is not None:
                value, _sep, decimals = parsed
                line.append(int(value) if decimals == 0 else value)
            else:
                line.append(text or None)
        cells.append(line)
    target = directory / data.path.name
    sheet = data.sheet or "Tabelle1"
    # title and header rows keep their merged ranges
    write_sheet(target, sheet, cells, _header_merges(data.path, data.sheet, start))
    written = read_back(cells)
    if written is not None and any(any(r) for r in written):
        from assistant.tables.reader import remember_sheet

        # Lotse's reader (the reference side) takes these rows instead of parsing the copy again.
        remember_sheet(target, sheet, written)
    return target


_MERGES: dict[tuple[str, int, int, str], list[str]] = {}


def _header_merges(path: Path, sheet: str, start: int) -> list[str]:
    """Merged ranges above row ``start`` (0-based) of the sheet; kept for the next copy."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, sheet)
    if key not in _MERGES:
        import openpyxl

        book = openpyxl.load_workbook(path)
        try:
            source = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            _MERGES[key] = [str(m) for m in source.merged_cells.ranges]
        finally:
            book.close()
        while len(_MERGES) > 4:
            _MERGES.pop(next(iter(_MERGES)))
    from openpyxl.worksheet.cell_range import CellRange

    return [m for m in _MERGES[key] if CellRange(m).max_row <= start]
