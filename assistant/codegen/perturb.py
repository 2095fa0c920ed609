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

from assistant.codegen.source import TIME, DataFile

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
        return str(int(round(value)))
    return f"{value:.{decimals}f}".replace(".", sep)


def _body(data: DataFile, lines: list[str]) -> tuple[int, int]:
    """Start and end (exclusive) of the data lines."""
    if data.layout == "genesis":
        start = data.skip
        end = start
        while end < len(lines) and TIME.match(lines[end].split(";", 1)[0].strip()):
            end += 1
        return start, end
    end = len(lines)
    while end > 1 and not lines[end - 1].strip():
        end -= 1
    return 1, end


def _split(data: DataFile, line: str) -> list[str]:
    return next(csv.reader([line], delimiter=data.sep if data.layout == "csv" else ";"))


def _join(data: DataFile, cells: list[str]) -> str:
    if data.layout == "genesis":
        return ";".join(cells)
    buf = io.StringIO()
    csv.writer(buf, delimiter=data.sep, lineterminator="").writerow(cells)
    return buf.getvalue()


def _value_positions(data: DataFile) -> list[int]:
    return [c.index for c in data.columns]


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
    """Write the perturbed copy under the original file name into ``directory``."""
    raw = data.path.read_bytes()
    encoding = "utf-8-sig" if data.encoding.startswith("utf-8") else data.encoding
    text = raw.decode(encoding)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    start, end = _body(data, lines)
    rows = [_split(data, line) for line in lines[start:end]]
    rng = random.Random(f"{seed}:{variant}:{data.path.name}")
    for step in VARIANTS[variant]:
        rows = perturb_lines(data, rows, step, rng)
    new_rows = rows
    lines[start:end] = [_join(data, r) for r in new_rows]
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / data.path.name
    body = newline.join(lines)
    target.write_bytes((body.encode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") and encoding == "utf-8-sig"
                        else body.encode(encoding.replace("-sig", ""))))
    return target
