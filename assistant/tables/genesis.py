"""GENESIS/Regionaldatenbank tables in the classic block layout (CSV or XLSX export).

The layout: a title block (``GENESIS-Tabelle: 21111-02-06-4`` or ``Tabelle: …``, title lines,
statistic, variable and unit; text in the first cell only), one or more header rows whose first
*k* cells are empty (*k* = number of leading row columns), body lines (time, region key, region
name and further row dimensions such as Schulart, then the values), and a footer after a line of
underscores: quoted, multi-line footnotes, the licence (``© Statistische Ämter …``) and ``Stand:``.

Nothing is tuned to one table: the header depth is the number of rows above the first body line,
*k* is read from the header, and each leading column is classified by its values (time, region
key, region name, other). Tables without a time column carry the time (``WS 2023/24``) in a
header row; it is recognised there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.errors import InputError
from assistant.tables.cells import (canonical_symbol, guess_decimal, is_region_key, is_value_cell,
                                    time_label)
from assistant.tables.model import TableData, TableMeta, assemble

TABLE_CODE = re.compile(r"^\s*(?:GENESIS-)?Tabelle\s*:\s*([0-9A-Za-z][0-9A-Za-z.\-_]*)", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*_{3,}\s*$")
_LICENCE = re.compile(r"©|Datenlizenz|lizenziert|Copyright", re.IGNORECASE)
_STAND = re.compile(r"^\s*Stand\s*:\s*(.+)$")
_LEGEND = re.compile(r"^\s*(\S{1,4})\s+=\s+(.{3,80})$")
_REGION_DEPTH = re.compile(r"regionale\s+(Tiefe|Ebenen?)", re.IGNORECASE)
_REGION_NAME = re.compile(
    r"Deutschland|Früheres Bundesgebiet|Neue Länder|kreisfreie Stadt|Landkreis|Kreis\b|Stadtkreis|"
    r"Regierungsbezirk|Statistische Region|Baden-Württemberg|Bayern|Berlin|Brandenburg|Bremen|"
    r"Hamburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|"
    r"Saarland|Sachsen|Sachsen-Anhalt|Schleswig-Holstein|Thüringen")
_BLOCKS = re.compile(r"\n\s*(?=zu \")")  # one footnote per 'zu "…":' block
_TIME_REF = re.compile(r"Stichtag|Schuljahr|Jahresdurchschnitt|Jahr|Semester|Quartal|Monat",
                       re.IGNORECASE)


def looks_like_genesis(rows: Sequence[Sequence[str]]) -> bool:
    """A title block above header rows with empty leading cells, or a table code line, or the
    underscore footer with the statistical offices' licence."""
    filled = [r for r in rows if any(c.strip() for c in r)]
    if not filled:
        return False
    if TABLE_CODE.match(filled[0][0]):
        return True
    footer = any(r and _FOOTER.match(r[0]) for r in filled)
    if footer and any(_LICENCE.search(" ".join(r)) for r in filled[-12:]):
        return True
    top = 0
    while top < len(filled) and _only_first(filled[top]):
        top += 1
    return 0 < top < len(filled) and not filled[top][0].strip() and len(filled[top]) > 2


def _only_first(row: Sequence[str]) -> bool:
    return bool(row) and bool(row[0].strip()) and not any(c.strip() for c in row[1:])


def _is_body(row: Sequence[str]) -> bool:
    cells = [c for c in row if c.strip()]
    if not row or not row[0].strip() or len(cells) < 2:
        return False
    return sum(is_value_cell(c) for c in cells[1:]) / (len(cells) - 1) >= 0.5


def parse_genesis(rows: list[list[str]], *, name: str, encoding: str | None,
                  source_format: str = "csv", delimiter: str | None = ";") -> TableData:
    """Read the block layout from ``rows`` (cells as text)."""
    rows = [list(map(str.strip, r)) for r in rows]
    end = next((i for i, r in enumerate(rows) if r and _FOOTER.match(r[0])), len(rows))
    start = 0
    while start < end and (not any(rows[start]) or _only_first(rows[start])):
        start += 1
    title_lines = [r[0] for r in rows[:start] if r and r[0]]
    first_body = next((i for i in range(start, end) if _is_body(rows[i])), None)
    if first_body is None:
        raise _unreadable(name, "keine Datenzeilen unter dem Tabellenkopf gefunden")
    header_rows = [r for r in rows[start:first_body] if any(r)]
    body: list[list[str]] = []
    stop = end
    for i in range(first_body, end):
        row = rows[i]
        if not row[0]:
            if any(row) and sum(1 for c in row if c) > 1:
                body.append(row)  # a body line without its first label (rare)
                continue
            if not any(row):
                continue
            stop = i
            break  # footer without an underscore line
        if len(row) == 1 or not any(row[1:]):
            stop = i
            break  # "Stand: …", a note
        body.append(row)
    footer_rows = rows[stop:]
    width = max(len(r) for r in header_rows + body)
    lead = _lead_count(header_rows, body)
    if lead >= width:
        raise _unreadable(name, "keine Wertspalten neben den Zeilenbeschriftungen gefunden")

    roles, row_names = _lead_roles(body, header_rows, lead)
    headers = [[(h[j] if j < len(h) else "") for h in header_rows] for j in range(lead, width)]
    headers = fill_spans(headers)
    column_times = None
    time_years: dict[str, int] = {}
    time_kind = _column_kind([r[roles.index("time")] for r in body]) if "time" in roles else None
    if "time" not in roles:
        column_times, kind, headers = split_header_time(headers)
        if column_times is not None:
            time_kind = kind
            time_years = {t: label[1] for t in column_times if (label := time_label(t))}
    lines = []
    for row in body:
        row = row + [""] * (width - len(row))
        line: dict[str, Any] = {}
        extra = 0
        for j, role in enumerate(roles):
            cell = row[j]
            if role == "time":
                label = time_label(cell)
                line["time"], line["year"] = cell, (label[1] if label else None)
            elif role == "key":
                line["region_key"] = region_key(cell, source_format)
            elif role == "name":
                line["region_name"] = " ".join(cell.split())
            else:
                extra += 1
                line[f"row_{extra}"] = " ".join(cell.split())
        lines.append(line)
    cells = [(r + [""] * (width - len(r)))[lead:width] for r in body]
    decimal = guess_decimal([c for r in cells[:2000] for c in r if c], default=",")
    footnotes, licence, stand, legend = _footer(footer_rows)
    title, statistic, stichtag, unit, variable = _title(
        title_lines[1:] if title_lines and TABLE_CODE.match(title_lines[0]) else title_lines)
    if not any(label for h in headers for label in h):  # no labels left: the variable names it
        headers = [[variable or "Wert"] for _ in headers]
    code_match = TABLE_CODE.match(title_lines[0]) if title_lines else None
    meta = TableMeta(
        table_code=code_match.group(1) if code_match else None, title=title, stichtag=stichtag,
        footnotes=tuple(footnotes), licence=licence, encoding=encoding, layout="genesis",
        source_format=source_format, delimiter=delimiter, decimal=decimal, unit=unit,
        statistic=statistic, stand=stand, header_depth=len(header_rows), time_kind=time_kind,
        time_in_header=column_times is not None, row_dimensions=tuple(row_names),
        symbol_legend=legend)
    table = assemble(meta, lines, headers, cells, column_times=column_times, time_years=time_years)
    code = f" ({table.meta.table_code})" if table.meta.table_code else ""
    note = (f"GENESIS/Regionaldatenbank-Tabelle erkannt{code}: {len(header_rows)} Kopfzeilen, "
            f"{len(body)} Datenzeilen, {len(table.meta.columns)} Wertspalten; Titel- und Fußteil "
            "wurden abgetrennt.")
    return TableData(TableMeta(**{**table.meta.__dict__, "notes": (note,)}), table.tidy)


def _unreadable(name: str, why: str) -> InputError:
    return InputError(f"'{name}' sieht wie ein GENESIS-Export aus, ist aber unvollständig: {why}.",
                      "Laden Sie die Tabelle erneut als CSV aus der Regionaldatenbank herunter.")


def _lead_count(header_rows: list[list[str]], body: list[list[str]]) -> int:
    """Leading row columns: the empty cells at the start of the last header row; if the header
    labels them, the cells of the first body line before the values start."""
    if header_rows:
        last = header_rows[-1]
        count = next((j for j, c in enumerate(last) if c), len(last))
        if count:
            return count
    first = body[0]
    count = 1
    while count < len(first) and not (is_value_cell(first[count]) and not is_region_key(first[count])):
        count += 1
    return count


def _column_kind(values: list[str]) -> str | None:
    kinds = {label[0] for v in values if (label := time_label(v))}
    return None if not kinds else (kinds.pop() if len(kinds) == 1 else "mixed")


def _share(values: list[str], test) -> float:
    filled = [v for v in values if v]
    return sum(bool(test(v)) for v in filled) / len(filled) if filled else 0.0


def _lead_roles(body: list[list[str]], header_rows: list[list[str]], lead: int) -> tuple[list[str], list[str]]:
    roles: list[str] = []
    names: list[str] = []
    for j in range(lead):
        values = [r[j] if j < len(r) else "" for r in body]
        label = next((h[j] for h in reversed(header_rows) if j < len(h) and h[j]), "")
        if "time" not in roles and _share(values, time_label) >= 0.95:
            roles.append("time")
        elif "key" not in roles and _share(values, is_region_key) >= 0.95:
            roles.append("key")
        elif roles and roles[-1] == "key" and "name" not in roles:
            roles.append("name")
        else:
            roles.append("row")
            names.append(label or f"Merkmal {len(names) + 1}")
    if "key" not in roles and "name" not in roles and "row" in roles:
        first = roles.index("row")  # a region column without keys: names only
        if _share([r[first] if first < len(r) else "" for r in body], _REGION_NAME.search) >= 0.5:
            roles[first] = "name"
            names.pop(0)
    return roles, names


def fill_spans(headers: list[list[str]]) -> list[list[str]]:
    """XLSX exports merge spanning header cells: an empty label takes the one to its left."""
    depth = max((len(h) for h in headers), default=0)
    filled = [list(h) + [""] * (depth - len(h)) for h in headers]
    for r in range(depth - 1):
        for j in range(1, len(filled)):
            if not filled[j][r] and filled[j - 1][r]:
                filled[j][r] = filled[j - 1][r]
    return filled


def split_header_time(headers: list[list[str]]) -> tuple[list[str] | None, str | None, list[list[str]]]:
    """For a table without a time column: (the time label of each value column, their kind,
    the header labels without the time level) when one header level holds only time labels
    (``WS 2023/24``, ``2023``, ``31.12.2023``); else ``(None, None, headers)``. A header level
    that only names the time dimension (``Schuljahr`` over every column) goes with it."""
    depth = max((len(h) for h in headers), default=0)
    for level in range(depth):
        labels = [h[level] if level < len(h) else "" for h in headers]
        if all(labels) and all(time_label(t) for t in labels):
            rest = [h[:level] + h[level + 1:] for h in headers]
            left = len(rest[0]) if rest else 0
            keep = [r for r in range(left) if not (len({h[r] for h in rest}) == 1
                                                    and _TIME_REF.fullmatch(rest[0][r]))]
            return labels, _column_kind(labels) or "mixed", [[h[r] for r in keep] for h in rest]
    return None, None, headers


def region_key(cell: str, source_format: str) -> str:
    key = cell.strip()
    if source_format == "xlsx" and key.isdigit() and len(key) in (1, 4, 7, 11):
        key = "0" + key  # Excel stored the key as a number and dropped its leading zero
    return key


def _title(lines: list[str]) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(title, statistic, Stichtag text, unit, variable) from the title lines after the table code;
    the variable and unit come from a line like ``Schüler/-innen (Anzahl)``."""
    if not lines:
        return None, None, None, None, None
    statistic = next((ln for ln in lines if ln.lower().startswith("statistik")), None)
    cut = next((i for i, ln in enumerate(lines) if _REGION_DEPTH.search(ln)), None)
    if cut is not None:
        head = lines[:cut + 1]
        if cut + 1 < len(lines) and lines[cut].rstrip().endswith(":") and lines[cut + 1] != statistic:
            head.append(lines[cut + 1])  # "regionale Tiefe:" continues on the next line
    elif statistic is not None:
        head = lines[:lines.index(statistic)]
    else:
        head = lines[:1]
    title = " ".join(" ".join(head).split()) or None
    stichtag = None
    if title:
        for part in re.split(r"\s+-\s+", title)[1:]:
            if _TIME_REF.search(part) and not _REGION_DEPTH.search(part):
                stichtag = part.strip(" -")
                break
    rest = [ln for ln in lines if ln not in head and ln != statistic]
    unit_match = next((m for ln in rest if (m := re.search(r"^(.*?)\s*\(([^()]+)\)\s*$", ln))), None)
    if unit_match is None:
        return title, statistic, stichtag, None, None
    return title, statistic, stichtag, unit_match.group(2), unit_match.group(1) or None


def _footer(rows: list[list[str]]) -> tuple[list[str], str | None, str | None, dict[str, str]]:
    footnotes: list[str] = []
    licence = stand = None
    legend: dict[str, str] = {}
    for row in rows:
        for cell in row:
            text = cell.strip()
            if not text or _FOOTER.match(text):
                continue
            if match := _STAND.match(text):
                stand = match.group(1).strip()
            elif _LICENCE.search(text):
                licence = " ".join(text.split())
            else:
                footnotes.extend(b.strip() for b in _BLOCKS.split(text) if b.strip())
                for line in text.splitlines():
                    m = _LEGEND.match(line)
                    if m and (not m.group(1).isalnum() or m.group(1) in ("x", "p", "r", "s", "e")):
                        legend[canonical_symbol(m.group(1))] = m.group(2).strip()
    return footnotes, licence, stand, legend
