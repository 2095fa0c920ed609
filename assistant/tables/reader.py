"""From a file on disk to :class:`~assistant.tables.model.TableData`: checks, decoding, layout.

Refuses, with a German message and without writing anything: a missing file, a folder, an empty
file, PDF and other binary data, old ``.xls`` files, prose (no table structure).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from assistant.encoding import decode_text
from assistant.limits import MB, ReadLimits, check_zip, read_regular
from assistant.errors import InputError
from assistant.tables.model import TableData

DELIMITERS = (";", ",", "\t", "|")
MAX_BYTES = 200 * 1024 * 1024
_SNIFF_LINES = 80
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A password-protected .xlsx is an OLE container (the .xls signature) with this stream name.
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def read_table(path: str | Path) -> TableData:
    """Read a GENESIS/Regionaldatenbank export (block or flat CSV, XLSX), a plain CSV (any
    delimiter, decimal comma or point) or a plain XLSX sheet. Raises :class:`InputError`."""
    path = Path(path)
    raw = read_bytes(path)
    if is_encrypted_excel(raw):
        raise encrypted_excel(path.name)
    if raw.startswith(_XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        check_zip(raw, path.name, ReadLimits(), kind="Excel-Datei")  # before openpyxl parses XML
        return rows_to_table(xlsx_rows(path), name=path.name, encoding=None,
                             source_format="xlsx", delimiter=None)
    if raw.startswith(_XLS_MAGIC) or path.suffix.lower() == ".xls":
        raise InputError(f"'{path.name}' ist eine alte Excel-Datei (.xls), die Lotse nicht lesen kann.",
                         "Speichern Sie die Tabelle in Excel als .xlsx oder als CSV und versuchen "
                         "Sie es erneut.")
    text, encoding = decode_table_bytes(raw, path.name)
    return read_text(text, name=path.name, encoding=encoding)


def read_text(text: str, *, name: str = "Tabelle", encoding: str | None = None) -> TableData:
    """Read a table from decoded text (CSV of any layout)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise InputError(f"Die Datei '{name}' ist leer.",
                         "Exportieren Sie die Tabelle erneut und prüfen Sie, ob sie Zeilen enthält.")
    delimiter = sniff_delimiter(lines[:_SNIFF_LINES])
    if delimiter is None:
        raise not_a_table(name)
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"'{name}' lässt sich nicht als CSV lesen ({exc}).",
                         "Prüfen Sie Anführungszeichen und Trennzeichen der Datei.") from None
    return rows_to_table(rows, name=name, encoding=encoding, source_format="csv", delimiter=delimiter)


def detect_layout(source: str | list[list[str]]) -> str | None:
    """``genesis``, ``genesis-flat`` or ``plain`` for decoded CSV text (or rows of cells); None
    when the text has no table structure."""
    from assistant.tables.flat import looks_like_flat
    from assistant.tables.genesis import looks_like_genesis

    if isinstance(source, str):
        lines = [ln for ln in source.splitlines() if ln.strip()]
        delimiter = sniff_delimiter(lines[:_SNIFF_LINES]) if lines else None
        if delimiter is None:
            return None
        rows = list(csv.reader(io.StringIO(source.lstrip("\ufeff"), newline=""), delimiter=delimiter))
    else:
        rows = source
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return None
    if looks_like_flat(rows):
        return "genesis-flat"
    return "genesis" if looks_like_genesis(rows) else "plain"


def rows_to_table(rows: list[list[str]], *, name: str, encoding: str | None, source_format: str,
                  delimiter: str | None) -> TableData:
    """Pick the layout (GENESIS block, GENESIS flat, plain) for rows of text cells."""
    from assistant.tables.flat import looks_like_flat, parse_flat
    from assistant.tables.genesis import looks_like_genesis, parse_genesis
    from assistant.tables.plain import parse_plain

    if not any(any(c.strip() for c in r) for r in rows):
        raise InputError(f"Die Datei '{name}' enthält keine Zeilen.", "Prüfen Sie den Export.")
    start = next(i for i, r in enumerate(rows) if any(c.strip() for c in r))
    rows = rows[start:]
    if looks_like_flat(rows):
        return parse_flat(rows, name=name, encoding=encoding, delimiter=delimiter,
                          source_format=source_format)
    if looks_like_genesis(rows):
        return parse_genesis(rows, name=name, encoding=encoding, source_format=source_format,
                             delimiter=delimiter)
    return parse_plain(rows, name=name, encoding=encoding, source_format=source_format,
                       delimiter=delimiter)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an :class:`InputError` for a missing, unreadable, empty or huge file."""
    if not path.exists():
        raise InputError(f"Die Datei '{path}' wurde nicht gefunden.",
                         "Prüfen Sie den Pfad und den Dateinamen.")
    if path.is_dir():
        raise InputError(f"'{path}' ist ein Ordner, keine Tabelle.",
                         "Geben Sie eine CSV- oder Excel-Datei an.")
    # Regular files only (a pipe or /dev/zero is refused, not read forever), size checked first.
    raw = read_regular(path, MAX_BYTES / MB, "Teilen Sie die Tabelle auf oder wählen Sie nur die "
                       "nötigen Spalten aus.")
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"Die Datei '{path.name}' ist leer.",
                         "Exportieren Sie die Tabelle erneut und prüfen Sie, ob sie Zeilen enthält.")
    return raw


def decode_table_bytes(raw: bytes, name: str = "Tabelle") -> tuple[str, str]:
    """Decode as :func:`~assistant.encoding.decode_text` does; refuse PDF and binary data."""
    if raw.lstrip().startswith(b"%PDF"):
        raise InputError(f"'{name}' ist ein PDF-Dokument, keine Tabelle.",
                         "Laden Sie die Tabelle als CSV oder .xlsx herunter (Regionaldatenbank: "
                         "Werteabruf, Format CSV).")
    text, encoding = decode_text(raw)
    if encoding not in ("utf-16", "utf-8-sig") and looks_binary(raw):
        raise InputError(f"'{name}' sieht nicht wie eine Tabelle aus (Binärdaten statt Text).",
                         "Exportieren Sie die Tabelle als CSV (Semikolon-getrennt) oder als .xlsx.")
    return text, encoding


def looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return control / max(len(sample), 1) > 0.05


def sniff_delimiter(lines: list[str]) -> str | None:
    """The delimiter whose per-line field count is most consistent (quotes respected); None when
    no delimiter splits most lines into the same number of fields (prose, not a table)."""
    best, best_score = None, 0.0
    for delim in DELIMITERS:
        counts = [len(row) - 1 for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)
                  if any(cell.strip() for cell in row)]
        split = [n for n in counts if n > 0]
        if not counts or len(split) / len(counts) < 0.5:
            continue  # most lines have no such delimiter
        mode, freq = Counter(split).most_common(1)[0]
        consistency = freq / len(split)
        if consistency < 0.5:
            continue
        score = consistency * len(split) / len(counts) + min(mode, 50) / 1000
        if score > best_score:
            best, best_score = delim, score
    return best


def not_a_table(name: str) -> InputError:
    return InputError(f"'{name}' sieht nicht wie eine Tabelle aus (keine Spalten mit Trennzeichen "
                      "gefunden).",
                      "Geben Sie eine CSV-Datei (Trennzeichen ; , oder Tabulator) oder eine "
                      ".xlsx-Datei an.")


def is_encrypted_excel(raw: bytes) -> bool:
    """A password-protected .xlsx: an OLE container holding an ``EncryptionInfo`` stream."""
    return raw.startswith(_XLS_MAGIC) and _ENCRYPTED in raw


def encrypted_excel(name: str) -> InputError:
    return InputError(f"'{name}' ist eine mit Passwort geschützte Excel-Datei; Lotse kann sie nicht "
                      "öffnen.", "Entfernen Sie den Kennwortschutz in Excel (Datei > Informationen > "
                      "Arbeitsmappe schützen) oder speichern Sie die Tabelle als CSV.")


def xlsx_rows(path: Path) -> list[list[str]]:
    """The first non-empty sheet of an XLSX file as rows of text cells (numbers without a
    spurious ``.0``, dates as ``TT.MM.JJJJ``)."""
    return xlsx_sheet(path)[1]


def xlsx_sheet(path: Path) -> tuple[str, list[list[str]]]:
    """Name and rows (as :func:`xlsx_rows`) of the first non-empty sheet. Rows start at the
    sheet's first row, so row *i* here is row *i* + 1 in Excel (and in ``pandas.read_excel``).

    Parsing XLSX is slow (openpyxl: ~0.3 s for 50 KB); code validation reads the same workbook
    several times (layout, copies, reference), so the last few are kept, keyed by path, size and
    modification time, and handed out as copies."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    name, rows = _SHEETS.pop(key) if key in _SHEETS else _read_sheet(path)
    _SHEETS[key] = (name, rows)  # most recently used last: copies come and go, the original stays
    while len(_SHEETS) > 4:
        _SHEETS.pop(next(iter(_SHEETS)))
    return name, [list(r) for r in rows]


_SHEETS: dict[tuple[str, int, int], tuple[str, list[list[str]]]] = {}


def remember_sheet(path: Path, name: str, rows: list[list[str]]) -> None:
    """Hand :func:`xlsx_sheet` the rows of a workbook Lotse has just written (a perturbed copy
    for code validation), so it need not parse the file again. ``rows`` must be exactly what
    :func:`xlsx_sheet` would read; the key includes size and modification time, so a file
    changed afterwards is parsed again."""
    stat = path.stat()
    _SHEETS[(str(path.resolve()), stat.st_size, stat.st_mtime_ns)] = (name, [list(r) for r in rows])
    while len(_SHEETS) > 4:
        _SHEETS.pop(next(iter(_SHEETS)))


def _read_sheet(path: Path) -> tuple[str, list[list[str]]]:
    try:
        import openpyxl
    except ImportError:
        raise InputError(f"'{path.name}' ist eine Excel-Datei; dafür fehlt das Paket 'openpyxl'.",
                         "Installieren Sie openpyxl (pip install openpyxl) oder speichern Sie die "
                         "Tabelle als CSV.") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any reader failure is a user-facing input problem
        raise InputError(f"'{path.name}' lässt sich nicht als Excel-Datei lesen ({type(exc).__name__}).",
                         "Öffnen und speichern Sie die Datei erneut in Excel oder exportieren Sie "
                         "sie als CSV.") from None
    try:
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue  # a chart sheet
            rows = [[cell_text(v) for v in row] for row in sheet.iter_rows(min_row=1, values_only=True)]
            if any(any(c for c in r) for r in rows):
                return sheet.title, rows
    except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a valid zip
        raise InputError(f"'{path.name}' ist beschädigt: das Tabellenblatt lässt sich nicht lesen "
                         f"({type(exc).__name__}).", "Öffnen und speichern Sie die Datei erneut in "
                         "Excel oder exportieren Sie sie als CSV.") from None
    finally:
        book.close()
    raise InputError(f"'{path.name}' enthält kein ausgefülltes Tabellenblatt.",
                     "Prüfen Sie, ob Sie die richtige Datei gewählt haben, und exportieren Sie die "
                     "Tabelle erneut (Regionaldatenbank: Werteabruf, Format XLSX oder CSV).")


def cell_text(value: object) -> str:
    import datetime

    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()
