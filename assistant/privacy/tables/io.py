"""Read a user's table into pandas without losing or guessing data silently.

Handles CSV with an unknown delimiter (``;`` ``,`` tab ``|``) and encoding (UTF-8, UTF-8 with BOM,
UTF-16 with BOM, cp1252, latin-1), ragged rows (short rows are padded and reported by line number,
rows with extra filled fields are refused), Excel when ``openpyxl`` is installed, and
Regionaldatenbank/GENESIS exports (title block, multi-line header, footnotes, ``.`` ``-`` ``x``
``/`` symbols, also the GENESIS flat format and GENESIS blocks in .xlsx), which the package's one
table reader (:mod:`assistant.tables`) turns into its wide view.

All plain cells are kept as strings exactly as read (leading zeros in IDs and AGS stay); the
privacy gate decides later what is a number.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from assistant.encoding import decode_text, looks_binary
from assistant.errors import InputError
from assistant.limits import ReadLimits, check_zip

if TYPE_CHECKING:
    from assistant.tables import TableData

DELIMITERS = (";", ",", "\t", "|")
_DELIMITER_NAMES = {";": "Semikolon", ",": "Komma", "\t": "Tabulator", "|": "senkrechter Strich"}
_SNIFF_LINES = 60
#: An .xlsx unpacks to its sheet XML; openpyxl keeps shared strings in memory.
_ZIP_LIMITS = ReadLimits(max_unpacked_mb=200.0, max_xml_mb=200.0)


@dataclass
class LoadedTable:
    """A table as read from disk, with notes on how it was read (German, no cell values)."""

    frame: pd.DataFrame
    source_format: str  # "csv", "excel" or "genesis"
    encoding: str | None = None
    delimiter: str | None = None
    padded_lines: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: GENESIS only: table code, title lines, unit, symbol counts, key and value columns.
    meta: dict = field(default_factory=dict)
    #: Line (CSV) or sheet row (Excel) of the header, from 1; title lines above it are skipped.
    header_line: int = 1
    #: Note lines under the table (``Quelle: …``, only the first cell filled), not read as data.
    note_lines: int = 0

    @property
    def is_official(self) -> bool:
        return self.source_format == "genesis"


def read_table(path: str | Path) -> LoadedTable:
    """Read ``path`` (CSV, TSV, Excel, GENESIS CSV) or raise :class:`InputError` in German."""
    path = Path(path)
    from assistant.tables.reader import is_encrypted_excel, read_bytes

    raw = read_bytes(path)  # one place for size, regular-file and empty-file checks
    if is_encrypted_excel(raw):
        from assistant.tables.reader import encrypted_excel

        raise encrypted_excel(path.name)
    _refuse_documents(raw, path.name)
    if raw[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return refuse_prose(_read_excel(path, raw), path.name)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or path.suffix.lower() == ".xls":
        raise InputError(
            f"'{path.name}' ist eine alte Excel-Datei (.xls), die Lotse nicht lesen kann.",
            "Speichern Sie die Tabelle in Excel als 'CSV UTF-8 (durch Trennzeichen getrennt)' "
            "oder als .xlsx und versuchen Sie es erneut.")
    text, encoding = decode_bytes(raw, path.name)
    from assistant import tables

    if tables.detect_layout(text) in ("genesis", "genesis-flat"):
        return official_table(tables.read_text(text, name=path.name, encoding=encoding))
    return refuse_prose(parse_csv_text(text, path.name, encoding), path.name)


#: File signatures of documents that are not tables (checked before any parsing).
_DOCUMENTS = ((b"%PDF-", "ein PDF-Dokument"), (b"\x89PNG", "ein Bild (PNG)"),
              (b"\xff\xd8\xff", "ein Bild (JPEG)"), (b"{\\rtf", "ein RTF-Dokument"))


def _refuse_documents(raw: bytes, name: str) -> None:
    head = raw[:1024].lstrip()
    what = next((text for magic, text in _DOCUMENTS if head.startswith(magic)), None)
    if what is None and raw[:4] == b"PK\x03\x04" and b"word/" in raw[:4096]:
        what = "ein Word-Dokument"
    if what:
        raise InputError(
            f"'{name}' ist {what}, keine Tabelle; 'lotse privacy check-table' prüft nur Tabellen.",
            "Exportieren Sie die Tabelle als CSV oder .xlsx; Texte prüfen Sie mit "
            "'lotse anonymize', Dokumente lesen Sie mit 'lotse ingest' ein.")


def _words(cell: object) -> int:
    return len(str(cell).split()) if cell is not None else 0


def refuse_prose(loaded: LoadedTable, name: str = "Die Datei") -> LoadedTable:
    """Refuse running text read as a table: one column of sentences, or sentences in the header.

    A table cell holds a value or a short label; a line of prose has six words or more. One
    column whose cells are mostly such lines is a text file, not a list; several columns are
    prose only if the header itself is a sentence and most cells are too.
    """
    frame = loaded.frame
    header = [str(c) for c in frame.columns]
    cells = [v for col in frame.columns for v in frame[col].head(200) if v is not None
             and str(v).strip()]
    long_cells = sum(1 for v in cells + header if _words(v) >= 6) / max(len(cells) + len(header), 1)
    header_sentence = any(_words(h) >= 6 for h in header)
    if (frame.shape[1] == 1 and (long_cells >= 0.3 or header_sentence)) \
            or (header_sentence and long_cells >= 0.6):
        raise InputError(
            f"'{name}' sieht nach Fließtext aus, nicht nach einer Tabelle (keine Spalten mit "
            "Trennzeichen, ganze Sätze statt Werten); sie wurde nicht als Tabelle geprüft.",
            "Prüfen Sie Texte mit 'lotse anonymize DATEI'. Ist es doch eine Tabelle, speichern "
            "Sie sie als CSV mit Semikolon als Trennzeichen oder als .xlsx.")
    return loaded


def official_table(table: "TableData") -> LoadedTable:
    """A GENESIS/Regionaldatenbank table as the gate sees it: the reader's wide view."""
    meta = table.meta
    frame = table.wide()
    symbols = table.summary()["symbols"]
    value_columns = [c for c in frame.columns if c in meta.columns]
    notes = list(meta.notes)
    if symbols:
        shown = ", ".join(f"'{s}' {n}-mal" for s, n in sorted(symbols.items(), key=lambda x: -x[1]))
        notes.append(f"Sonderzeichen: {shown}. '-' (nichts vorhanden) wurde als 0 gelesen; '.', "
                     "'x', '/' und '...' als leer (unbekannt, geheim oder nicht sinnvoll).")
    return LoadedTable(frame, "genesis", meta.encoding, meta.delimiter, notes=notes, meta={
        "code": meta.table_code, "title": meta.title, "unit": meta.unit,
        "header_depth": meta.header_depth, "layout": meta.layout,
        "key_columns": [c for c in frame.columns if c not in value_columns],
        "value_columns": value_columns, "symbols": symbols, "licence": meta.licence})


def decode_bytes(raw: bytes, name: str = "Tabelle") -> tuple[str, str]:
    """Decode with :func:`~assistant.encoding.decode_text`; refuse binary data."""
    text, encoding = decode_text(raw)
    if looks_binary(text):
        raise InputError(
            f"'{name}' sieht nicht wie eine Tabelle aus (Binärdaten statt Text).",
            "Exportieren Sie die Tabelle als CSV (Semikolon-getrennt) oder als .xlsx.")
    return text, encoding


def sniff_delimiter(lines: list[str]) -> str:
    """Pick the delimiter whose per-line count is most consistent (quotes respected)."""
    best, best_score = ";", -1.0
    for delim in DELIMITERS:
        counts = [len(row) - 1 for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)
                  if any(cell.strip() for cell in row)]
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        if mode == 0:
            continue
        score = freq / len(counts) + min(mode, 50) / 1000
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_csv_text(text: str, name: str = "Tabelle", encoding: str | None = None) -> LoadedTable:
    """Parse delimited text with a header row; pad short rows, refuse rows with extra values."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:_SNIFF_LINES]
    delimiter = sniff_delimiter(lines)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"'{name}' lässt sich ab Zeile {reader.line_num} nicht lesen ({exc}).",
                         "Prüfen Sie Anführungszeichen in dieser Zeile.") from None
    if not records:
        raise InputError(f"Die Datei '{name}' enthält keine Zeilen.", "Prüfen Sie den Export.")
    from assistant.tables.plain import table_block

    first, last = table_block([row for _, row in records])
    titles, footer = first, len(records) - last
    records = records[first:last]
    header_line, header = records[0]
    header = _trim_trailing_empty(header)
    width = len(header)
    padded: list[int] = []
    too_long: list[int] = []
    rows: list[list[str | None]] = []  # None for a blank cell
    for line_no, row in records[1:]:
        if len(row) > width:
            if any(cell.strip() for cell in row[width:]):
                too_long.append(line_no)
                continue
            row = row[:width]
        elif len(row) < width:
            padded.append(line_no)
            row = row + [""] * (width - len(row))
        rows.append([cell.strip() or None for cell in row])
    if too_long:
        raise InputError(
            f"In '{name}' haben die Zeilen {_line_list(too_long)} mehr Werte als die Kopfzeile "
            f"({width} Spalten, Trennzeichen {_DELIMITER_NAMES[delimiter]}). Lotse verwirft keine "
            "Daten stillschweigend.",
            "Prüfen Sie diese Zeilen auf zusätzliche Trennzeichen oder fehlende Anführungszeichen, "
            "oder ergänzen Sie die fehlenden Spaltennamen in der Kopfzeile.")
    columns, renamed = _clean_header(header)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    notes = [f"CSV gelesen: Kodierung {encoding or 'Text'}, Trennzeichen "
             f"{_DELIMITER_NAMES[delimiter]}, {len(frame)} Zeilen, {len(columns)} Spalten "
             f"(Kopfzeile in Zeile {header_line})."]
    if titles or footer:
        notes.append(f"{titles} Titelzeile(n) über der Kopfzeile und {footer} Hinweiszeile(n) unter "
                     "der Tabelle (nur die erste Zelle gefüllt) wurden nicht als Daten gelesen.")
    if padded:
        notes.append(f"Die Zeilen {_line_list(padded)} hatten weniger Werte als die Kopfzeile; "
                     "die fehlenden Felder wurden leer ergänzt.")
    if renamed:
        notes.append(f"Leere oder doppelte Spaltennamen wurden ersetzt: {', '.join(renamed)}.")
    return LoadedTable(frame, "csv", encoding, delimiter, padded, notes, header_line=header_line,
                       note_lines=footer)


def _trim_trailing_empty(row: list[str]) -> list[str]:
    end = len(row)
    while end > 1 and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _clean_header(header: list[str]) -> tuple[list[str], list[str]]:
    seen: Counter[str] = Counter()
    columns: list[str] = []
    renamed: list[str] = []
    for i, cell in enumerate(header, start=1):
        name = " ".join(cell.replace("\ufeff", "").split()) or f"Spalte{i}"
        if not cell.strip():
            renamed.append(name)
        seen[name] += 1
        if seen[name] > 1:
            name = f"{name}_{seen[name]}"
            renamed.append(name)
        columns.append(name)
    return columns, renamed


def _line_list(lines: list[int], limit: int = 15) -> str:
    shown = ", ".join(str(n) for n in lines[:limit])
    return shown + (f" und {len(lines) - limit} weitere" if len(lines) > limit else "")


def _read_excel(path: Path, raw: bytes) -> LoadedTable:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise InputError(
            f"'{path.name}' ist eine Excel-Datei; dafür fehlt das Paket 'openpyxl'.",
            "Speichern Sie die Tabelle in Excel als 'CSV UTF-8 (durch Trennzeichen getrennt)' "
            "oder installieren Sie openpyxl (pip install openpyxl).") from None
    check_zip(raw, path.name, _ZIP_LIMITS, kind="Excel-Datei")  # before openpyxl parses any XML
    try:
        book = pd.ExcelFile(io.BytesIO(raw), engine="openpyxl")
        sheet_names = book.sheet_names
        sheet = book.parse(sheet_names[0], dtype=object, header=None) if sheet_names else None
    except Exception as exc:  # noqa: BLE001 - any reader failure is a user-facing input problem
        raise InputError(f"'{path.name}' lässt sich nicht als Excel-Datei lesen ({type(exc).__name__}).",
                         "Öffnen und speichern Sie die Datei erneut in Excel oder exportieren "
                         "Sie sie als CSV.") from None
    if sheet is None:
        raise InputError(f"'{path.name}' enthält kein Tabellenblatt.", "Prüfen Sie die Datei.")
    sheet_name = sheet_names[0]
    from assistant import tables

    rows = [["" if pd.isna(v) else str(v) for v in row] for row in sheet.itertuples(index=False)]
    if tables.detect_layout(rows) in ("genesis", "genesis-flat"):
        return official_table(tables.read_table(path))
    text = sheet.to_csv(sep=";", index=False, header=False)
    loaded = parse_csv_text(text, path.name, "xlsx")
    loaded.source_format = "excel"
    loaded.delimiter = None
    loaded.notes[0] = (f"Excel gelesen: Blatt '{sheet_name}', {len(loaded.frame)} Zeilen, "
                       f"{loaded.frame.shape[1]} Spalten.")
    if len(sheet_names) > 1:
        loaded.notes.append(f"Nur das erste von {len(sheet_names)} Tabellenblättern wurde geprüft.")
    return loaded
