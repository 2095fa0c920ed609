"""Reading the layout of the user's data file: which export it is (Regionaldatenbank block
export as CSV or XLSX, GENESIS flat CSV, plain table), where its header and data lines are and
which columns hold numbers. The result is a :class:`assistant.codegen.source.DataFile`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from assistant.codegen.source import KEY_VALUE, TIME, TOTAL_LABELS, DataFile, ValueColumn, year_of
from assistant.encoding import decode_text
from assistant.errors import InputError

_YEAR_NAME = re.compile(r"^(jahr|year|zeit|berichtsjahr|schuljahr|stichtag)", re.IGNORECASE)
_REGION_NAME = re.compile(r"(region|schl(ue|ü)ssel|^ags$|^ars$|kreis|gebiet|gemeinde|kommune)",
                          re.IGNORECASE)
_NUMBER = re.compile(r"^\(?-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:[.,]\d+)?\)?\s*[prs]?$|^[-.x/]$|^\.\.\.$|^$")


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
    from assistant.tables import reader

    raw = reader.read_bytes(path)  # size, empty file, pipes
    if reader.is_encrypted_excel(raw):
        raise reader.encrypted_excel(path.name)
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _describe_xlsx(path, raw)
    if path.suffix.lower() in (".xls", ".ods") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(f"'{path.name}' ist eine Tabellenkalkulationsdatei in einem Format, das "
                         "Lotse nicht liest (.xls oder .ods).", "Speichern Sie die Tabelle als .xlsx "
                         "oder als CSV (Semikolon) und geben Sie diese Datei an.")
    text, encoding = _read_text(path)
    from assistant.tables import detect_layout
    from assistant.tables.reader import sniff_delimiter

    # The Regionaldatenbank writes ';'; a table saved again (Excel, LibreOffice) may use ',' or a tab.
    sep = sniff_delimiter([ln for ln in text.splitlines()[:80] if ln.strip()]) or ";"
    layout = detect_layout(text)
    if layout == "genesis-flat":
        flat_rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep))
        return _describe_flat(path, encoding, flat_rows, sep=sep)
    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    first = _first_body(rows)
    if first is not None:
        described = _describe_genesis(path, encoding, rows, *first, sep=sep)
        described.sep = sep
        return described
    if layout == "genesis":
        raise _unreadable_genesis(path)
    return _describe_csv(path, encoding)


def _first_body(rows: list[list[str]]) -> tuple[int, int | None] | None:
    """(index of the first data line, its time column or None) of a block export: the first
    line under a header row (first cell empty) that starts with a time (``2023``, ``2023/24``,
    ``31.12.2023``) or, when the time stands in the header, with a region key."""
    from assistant.tables.cells import time_label

    for i, row in enumerate(rows):
        if len(row) < 3 or not row[1].strip() or i == 0:
            continue
        above = rows[i - 1]
        first = row[0].strip()
        keyed = KEY_VALUE.match(first) and len(above) > 2 and not above[0].strip() and any(
            c.strip() for c in above) and _value_share(row[2:]) >= 0.5
        if TIME.match(first) and time_label(first):
            if not (above and not above[0].strip()):
                return None
            # "2000" is a year, or Hamburg's key 02000 that Excel stored as a number: a time in
            # the header decides.
            if keyed and not KEY_VALUE.match(row[1].strip()) and _header_has_time(rows, i):
                return i, None
            return i, 0
        if keyed:
            return i, None
    return None


def _header_has_time(rows: list[list[str]], first: int) -> bool:
    from assistant.tables.genesis import fill_spans, split_header_time

    start = first
    while start > 0 and rows[start - 1] and not rows[start - 1][0].strip() and len(rows[start - 1]) > 1:
        start -= 1
    header = rows[start:first]
    lead = next((j for j, c in enumerate(header[-1]) if c.strip()), 0) if header else 0
    width = max((len(r) for r in header), default=0)
    spans = fill_spans([[h[col].strip() if col < len(h) else "" for h in header] for col in range(lead, width)])
    return bool(spans) and split_header_time(spans)[0] is not None


def _value_share(cells: list[str]) -> float:
    from assistant.tables.cells import is_value_cell

    filled = [c for c in cells if c.strip()]
    return sum(is_value_cell(c) for c in filled) / len(filled) if filled else 0.0


def _unreadable_genesis(path: Path) -> InputError:
    return InputError(f"'{path.name}' sieht wie ein Regionaldatenbank-Export aus, aber Lotse findet "
                      "darin keine Datenzeilen, die mit einer Zeitangabe oder einem "
                      "Regionalschlüssel beginnen.",
                      "Laden Sie die Tabelle erneut im Standardformat herunter (Werteabruf, Zeit "
                      "und Regionalschlüssel als Zeilen); 'lotse data inspect' zeigt, was Lotse "
                      "darin erkennt.")


def _describe_xlsx(path: Path, raw: bytes) -> DataFile:
    """An Excel file: a Regionaldatenbank block export (title rows, header rows, data lines,
    footnotes; cells as numbers or text) or a plain sheet with one header row."""
    from assistant.limits import ReadLimits, check_zip
    from assistant.tables import detect_layout
    from assistant.tables.reader import xlsx_sheet

    check_zip(raw, path.name, ReadLimits(), kind="Excel-Datei")  # before openpyxl parses XML
    sheet, rows = xlsx_sheet(path)
    first = _first_body(rows)
    layout = detect_layout(rows)
    if first is not None:
        described = _describe_genesis(path, "", rows, *first, skip=first[0])
    elif layout == "genesis-flat":
        start = next(i for i, r in enumerate(rows) if any(c.strip() for c in r))
        described = _describe_flat(path, "", rows[start:], sep=";", xlsx=True)
        described.sheet, described.skip = sheet, start
        return described
    elif layout == "genesis":
        raise _unreadable_genesis(path)
    else:
        described = _describe_csv(path, "")
        described.decimal = "."  # Excel stores numbers as numbers
    described.file_format = "xlsx"
    described.sheet = sheet
    return described


def _describe_flat(path: Path, encoding: str, rows: list[list[str]], *, sep: str,
                   xlsx: bool = False) -> DataFile:
    """The GENESIS flat format (CSV, or saved as an Excel sheet): one value per line; a column
    is a combination of the labels of the variables besides time and region (and the value
    variable), as the table reader builds it (:mod:`assistant.tables.flat`)."""
    from assistant.tables.flat import flat_header, region_group
    from assistant.tables.genesis import region_key
    from assistant.tables.model import column_names

    rows = [r for r in rows if any(c.strip() for c in r)]
    header = [c.strip() for c in rows[0]]
    col, groups, value_cols = flat_header(header)
    body = [r + [""] * (len(header) - len(r)) for r in rows[1:]]
    region = region_group(groups, body) if body else None
    time_i = col.get("time", col.get("zeit"))
    if not body or not value_cols or region is None or time_i is None:
        raise InputError(f"'{path.name}' ist eine GENESIS-Flat-Datei ohne Zeit, Regionalschlüssel "
                         "oder Werte.", "Laden Sie die Tabelle mit Regionen (z. B. Kreise) erneut "
                         "herunter; 'lotse data inspect' zeigt, was Lotse darin erkennt.")
    key_i, name_i = groups[region]["attribute_code"], groups[region].get("attribute_label")
    others = [g for g in sorted(groups) if g != region and "attribute_label" in groups[g]]
    var_i = col.get("value_variable_label")
    fmt = "xlsx" if xlsx else "csv"  # Excel may have dropped a key's leading zero
    heads: dict[tuple[str, ...], tuple[int, tuple[tuple[str, str], ...]]] = {}
    names: dict[str, str] = {}
    for row in body:
        key = region_key(row[key_i], fmt)
        if name_i is not None:
            names.setdefault(key, row[name_i].strip())
        labels = tuple(row[groups[g]["attribute_label"]].strip() for g in others)
        where = tuple((header[groups[g]["attribute_label"]], lab) for g, lab in zip(others, labels))
        for i, fixed in value_cols:
            variable = fixed or (row[var_i].strip() if var_i is not None else header[i])
            if fixed is None and var_i is not None:
                where_v = where + ((header[var_i], variable),)
            else:
                where_v = where
            heads.setdefault((variable, *labels), (i, where_v))
    shown, _ = column_names(list(heads))
    columns = [ValueColumn(n, name, head, where, header[i])
               for n, ((head, (i, where)), name) in enumerate(zip(heads.items(), shown))]
    regions = list(dict.fromkeys(region_key(r[key_i], fmt) for r in body))
    stat = col.get("statistics_label", col.get("statistik_label"))
    return DataFile(path=path, layout="genesis", encoding=encoding, columns=columns, file_format="flat",
                    title=body[0][stat].strip() if stat is not None else path.stem,
                    width=len(header), sep=sep, has_key=True, regions=regions, names=names,
                    years=sorted({year_of(r[time_i].strip()) for r in body}), flat_header=header,
                    flat_time=header[time_i], flat_key=header[key_i],
                    flat_values=[header[i] for i, _ in value_cols])


def _describe_genesis(path: Path, encoding: str, rows: list[list[str]], first: int,
                      time_column: int | None = 0, skip: int | None = None, sep: str = ";") -> DataFile:
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
    from assistant.tables.genesis import fill_spans, region_key, split_header_time

    # Spanning labels (merged, hence empty, in XLSX) are filled as the table reader fills them.
    spans = fill_spans([[h[col].strip() if col < len(h) else "" for h in header]
                        for col in range(lead, width)])
    title_lines = [";".join(c for c in r if c.strip()) for r in rows[:header_start] if any(c.strip() for c in r)]
    header_times: dict[str, int] = {}
    by_time: list[tuple[str, ...]] = [()] * len(spans)
    if time_column is None:
        times, _kind, spans = split_header_time(spans)
        if times is None:
            raise InputError(f"'{path.name}' hat weder eine Zeitspalte noch eine Zeitangabe im "
                             "Tabellenkopf (z. B. 'WS 2023/24' oder '2023' über den Wertspalten).",
                             "Laden Sie die Tabelle mit der Zeit als Zeile oder im Tabellenkopf "
                             "herunter (Regionaldatenbank: Werteabruf, Zeit auswählen).")
        header_times = {t: year_of(t) for t in dict.fromkeys(times)}
        by_time = [(t,) for t in times]
    # One value column per combination of labels; with the time in the header each has one
    # file column per time.
    grouped: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for col, labels, time in zip(range(lead, width), spans, by_time):
        grouped.setdefault(tuple(labels), []).append((time[0] if time else "", col))
    columns = [ValueColumn(cols[0][1], " | ".join(labels), labels,
                           by_time=tuple(cols) if time_column is None else ())
               for labels, cols in grouped.items()]
    # Drop the levels that are the same for every column from the readable name.
    depth = max((len(c.labels) for c in columns), default=0)
    varying = [lvl for lvl in range(depth) if len({c.labels[lvl] for c in columns}) > 1]
    columns = [ValueColumn(c.index, " | ".join(c.labels[lvl] for lvl in varying) or c.name, c.labels,
                           by_time=c.by_time) for c in columns]
    code = next((m.group(1) for line in title_lines[:2]
                 if (m := re.search(r"Tabelle:\s*([0-9A-Za-z][0-9A-Za-z\-]+)", line))), "")
    data = DataFile(path=path, layout="genesis", encoding=encoding, columns=columns, table_code=code,
                    title=" ".join(title_lines[1:4]) if code else " ".join(title_lines[:3]),
                    width=width, lead=lead, time_column=time_column, header_times=header_times)
    body = []
    for row in rows[first:]:
        if not data.is_body_row(row):
            break
        body.append(row)
    key = data.key_column
    data.has_key = all(KEY_VALUE.match(r[key].strip()) for r in body if len(r) > key)
    row_filter: dict[int, str] = {}
    for dim in range(data.first_dimension, lead):
        dim_labels = {r[dim].strip() for r in body if dim < len(r)}
        total = next((lab for lab in sorted(dim_labels) if lab.lower() in TOTAL_LABELS), None)
        if total is not None:
            row_filter[dim] = total
    fmt = "xlsx" if skip is not None else "csv"  # Excel may have dropped a key's leading zero
    data.row_filter = row_filter
    data.regions = list(dict.fromkeys(region_key(r[key], fmt) if data.has_key else r[key].strip()
                                      for r in body))
    data.names = {region_key(r[key], fmt): r[key + 1].strip() for r in body if data.has_key and len(r) > key + 1}
    data.years = sorted(header_times.values()) if time_column is None else \
        sorted({year_of(r[time_column].strip()) for r in body})
    # The snippet reads with the file's encoding; a UTF-8 BOM is skipped by "utf-8-sig".
    data.skip = _line_number(path, first, sep) if skip is None else skip
    return data


def _line_number(path: Path, row_index: int, sep: str = ";") -> int:
    """Physical line of CSV record ``row_index`` (records may span lines inside quotes)."""
    text, _ = _read_text(path)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    line = 0
    for _ in range(row_index):
        next(reader)
        line = reader.line_num
    return line


def _describe_csv(path: Path, encoding: str) -> DataFile:
    from assistant.privacy.tables.io import read_table

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
                           and frame[c].astype(str).str.strip().str.match(KEY_VALUE).mean() > 0.9), None)
    decimal = "."
    columns = []
    for pos, name in enumerate(names):
        if name in (year_col, region_col):
            continue
        values = frame[name].astype(str).str.strip()
        if values.str.match(_NUMBER).mean() > 0.9 and (values != "").any():
            if values.str.contains(r"\d,\d").any():
                decimal = ","  # German numbers: decimal comma, '.' groups thousands
            columns.append(ValueColumn(pos, name, (name,)))
    if not columns:
        raise InputError(f"'{path.name}' hat keine Zahlenspalten (gesehen: {', '.join(names)}).",
                         "Code erzeugt Lotse für Tabellen mit Zahlen (Anzahlen, Bevölkerung, …).")
    regions = list(dict.fromkeys(frame[region_col].astype(str).str.strip())) if region_col else []
    years = sorted({year_of(str(v)) for v in frame[year_col]}) if year_col else []
    return DataFile(path=path, layout="csv", encoding=loaded.encoding or encoding, columns=columns,
                    sep=loaded.delimiter or ";", decimal=decimal, region_column=region_col,
                    year_column=year_col, regions=regions, years=years, title=path.stem,
                    skip=loaded.header_line - 1,  # title lines above the header
                    notes_below=loaded.note_lines > 0)
