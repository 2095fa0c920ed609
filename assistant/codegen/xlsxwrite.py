"""A minimal XLSX writer for the perturbed copies of a workbook (code validation).

One sheet of numbers and text (shared strings, as Excel stores text), merged ranges, one plain
cell style; no column widths, fonts or other styling. About five times faster than openpyxl's
write-only mode, which builds an object and an XML element per cell: the copies are written
while the user waits for the validation. Numbers are stored as openpyxl stores them (16
significant digits), so :func:`read_back` knows what a reader gets back without parsing.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

Cell = str | int | float | None

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: Characters XML 1.0 cannot hold (openpyxl refuses them too); dropped from text cells.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
    "</Types>")
_ROOT_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>")
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
    '</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
    '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>')


def number_text(value: int | float) -> str:
    """A number as stored in the sheet (openpyxl's form: 16 significant digits)."""
    return "%.16g" % value


def _text(value: str) -> str:
    return escape(ILLEGAL.sub("", value), {"\r": "&#13;"})


def write_sheet(target: Path, sheet: str, rows: Sequence[Sequence[Cell]], merges: Sequence[str] = ()) -> Path:
    """Write ``rows`` (row 1 first; None = empty cell) as the only sheet of a new workbook."""
    from openpyxl.utils import get_column_letter

    letters: list[str] = []
    strings: dict[str, int] = {}
    parts = [f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            while len(letters) <= c:
                letters.append(get_column_letter(len(letters) + 1))
            if isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{letters[c]}{r}" t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{letters[c]}{r}"><v>{number_text(value)}</v></c>')
        parts.append(f'<row r="{r}">{"".join(cells)}</row>' if cells else f'<row r="{r}"/>')
    parts.append("</sheetData>")
    if merges:
        parts.append(f'<mergeCells count="{len(merges)}">'
                     + "".join(f"<mergeCell ref={quoteattr(m)}/>" for m in merges) + "</mergeCells>")
    parts.append("</worksheet>")
    shared = [f'{_HEAD}<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">']
    shared += [f'<si><t xml:space="preserve">{_text(s)}</t></si>' for s in strings]
    shared.append("</sst>")
    book = (f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            f'<sheet name={quoteattr(sheet)} sheetId="1" r:id="rId1"/></sheets></workbook>')
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        archive.writestr("xl/sharedStrings.xml", "".join(shared))
        archive.writestr("xl/worksheets/sheet1.xml", "".join(parts))
    return target


def read_back(rows: Sequence[Sequence[Cell]]) -> list[list[str]] | None:
    """The rows :func:`assistant.tables.reader.xlsx_sheet` reads from a sheet written by
    :func:`write_sheet`: numbers as stored, text stripped, empty cells at a row's end dropped.
    None when a text cell holds a character whose stored form is not certain (control characters,
    carriage returns): then the copy is parsed."""
    from assistant.tables.reader import cell_text

    out: list[list[str]] = []
    for row in rows:
        line: list[str] = []
        for value in row:
            if value is None:
                line.append("")
            elif isinstance(value, str):
                if "\r" in value or ILLEGAL.search(value):
                    return None
                line.append(cell_text(value))
            else:
                stored = number_text(value)
                line.append(cell_text(float(stored) if any(c in stored for c in ".eE") else int(stored)))
        while line and row[len(line) - 1] is None:
            line.pop()
        out.append(line)
    return out
