"""Cells of a delimited line (CSV, semicolon, tab, pipe), the way a spreadsheet reads them.

A delimiter inside double quotes does not split: ``"Krüger, Leon","01.02.2015"`` has two cells,
not three. Offsets are into the line; the cells keep their blanks and quotes.
"""

from __future__ import annotations

import regex


def cell_spans(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of every cell of ``line``, quotes and blanks included."""
    if '"' not in line:
        spans, pos = [], 0
        for cell in line.split(delim):
            spans.append((pos, pos + len(cell)))
            pos += len(cell) + len(delim)
        return spans
    spans, start, quoted = [], 0, False
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and line.startswith(delim, i):
            spans.append((start, i))
            start = i + len(delim)
            i = start
            continue
        i += 1
    spans.append((start, len(line)))
    return spans


def cell_texts(line: str, delim: str) -> list[str]:
    """The cells of ``line`` as strings (quotes and blanks kept)."""
    return [line[s:e] for s, e in cell_spans(line, delim)]


def column_at(line: str, delim: str, offset: int) -> int:
    """The index of the cell that holds ``offset`` of ``line``."""
    for k, (_, end) in enumerate(cell_spans(line, delim)):
        if offset <= end:
            return k
    return -1


#: A cell of a fixed-width line: words parted by single blanks.
FIXED_CELL = regex.compile(r"\S+(?:[ ]\S+)*")
_FIXED_LINES_UP = 40
_FIXED_HEADER_CHARS = 24


def line_around(text: str, pos: int) -> tuple[int, str]:
    """Where the line holding ``text[pos]`` starts, and the line itself (without its newline)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return line_start, text[line_start:line_end if line_end >= 0 else len(text)]


def fixed_width_header(text: str, start: int, end: int) -> str | None:
    """The header of the fixed-width column that ``text[start:end]`` opens, or None.

    The value must open a column (two blanks or the line start before it); the header is the
    nearest cell above that overlaps it, past the rows' own figures (header and rows may be off by
    a character or two). Cells are parted by two blanks or more, and a header cell is short, so a
    log line is none. A blank line ends the table."""
    line_start = text.rfind("\n", 0, start) + 1
    column = start - line_start
    if column and not (column == 1 or text[start - 2:start] == "  "):
        return None
    pos = line_start
    for _ in range(_FIXED_LINES_UP):
        if pos == 0:
            return None
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        pos = prev_start
        if not prev.strip():
            return None
        cell = next((m.group() for m in FIXED_CELL.finditer(prev)
                     if m.start() < column + (end - start) and m.end() > column), None)
        if cell is None or any(ch.isdigit() for ch in cell):
            continue  # nothing above, or the row above: its date or number in this column
        return cell if len(cell) <= _FIXED_HEADER_CHARS else None
    return None


#: A rule line of a drawn table ("|---|---|", "+-----+-----+", "|:--|"): skipped on the way to the header.
_RULE_LINE = regex.compile(r"[ \t]*[-+|=:]+[-+|=: \t]*")
#: Cells a row may have fewer than its header (exports leave out empty cells at the end).
_RAGGED = 2


def column_header(text: str, start: int, delims: tuple[str, ...] = (";", "\t", "|")) -> str | None:
    """The header cell of the delimited column that holds ``text[start]``, or None.

    The header is the first line of the block of lines above ``start`` that share the delimiter
    and have as many cells as its row or a few more (rows of exports leave out empty cells at the
    end); rule lines ("|---|") are passed over, and a title line that happens to hold the
    delimiter ("Export, Spaltentrenner |") has fewer cells: no header."""
    line_start, line = line_around(text, start)
    delim = next((d for d in delims if d in line), None)
    if delim is None:
        return None
    cells = len(cell_spans(line, delim))
    column = column_at(line, delim, start - line_start)
    header, pos = None, line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        pos = prev_start
        if _RULE_LINE.fullmatch(prev):
            continue
        above = len(cell_spans(prev, delim)) if delim in prev else 0
        if above < cells or above - cells > _RAGGED:
            break  # a title line has fewer cells than the rows; a header as many or a few more
        header = prev
    if header is None:
        return None
    texts = cell_texts(header, delim)
    return texts[column] if 0 <= column < len(texts) else None
