"""Cells of a delimited line (CSV, semicolon, tab, pipe), the way a spreadsheet reads them.

A delimiter inside double quotes does not split: ``"Krüger, Leon","01.02.2015"`` has two cells,
not three. Offsets are into the line; the cells keep their blanks and quotes.
"""

from __future__ import annotations

import functools

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
#: How far a value one blank after a long cell may stand off its header's start.
_PUSHED_SLACK = 2


def line_around(text: str, pos: int) -> tuple[int, str]:
    """Where the line holding ``text[pos]`` starts, and the line itself (without its newline)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return line_start, text[line_start:line_end if line_end >= 0 else len(text)]


def fixed_width_header(text: str, start: int, end: int) -> str | None:
    """The header of the fixed-width column that ``text[start:end]`` opens, or None.

    The value must open a column (two blanks or the line start before it, or one blank after a
    long cell that pushed it on, its header starting within ``_PUSHED_SLACK``); the header is the
    nearest cell above that overlaps it, past the rows' own figures (header and rows may be off by
    a character or two). Cells are parted by two blanks or more, and a header cell is short, so a
    log line is none. A blank line ends the table."""
    line_start = text.rfind("\n", 0, start) + 1
    column = start - line_start
    # one blank before it: a long cell before pushed the value on; its header then starts (about) here
    pushed = column > 1 and text[start - 2:start] != "  "
    if pushed and text[start - 1] != " ":
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
        above = next((m for m in FIXED_CELL.finditer(prev)
                      if m.start() < column + (end - start) and m.end() > column), None)
        if above is None or any(ch.isdigit() for ch in above.group()):
            continue  # nothing above, or the row above: its date or number in this column
        if pushed and abs(above.start() - column) > _PUSHED_SLACK:
            return None
        return above.group() if len(above.group()) <= _FIXED_HEADER_CHARS else None
    return None


#: A rule line of a drawn table ("|---|---|", "+-----+-----+", "|:--|"): skipped on the way to the header.
_RULE_LINE = regex.compile(r"[ \t]*[-+|=:]+[-+|=: \t]*")


def is_rule_line(line: str) -> bool:
    """Whether ``line`` is a rule line of a drawn table ("+-----+", "|---|---|")."""
    return _RULE_LINE.fullmatch(line) is not None


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


#: A row of an HTML table and its cells: ``<tr>`` up to ``</tr>`` (or the next row or the table's
#: end), ``<td>``/``<th>`` up to their closing tag (or the next cell).
_HTML_ROW = regex.compile(r"<tr\b[^<>]*>(?P<row>.*?)(?=</tr\s*>|<tr\b|</table\s*>|\Z)",
                          regex.IGNORECASE | regex.DOTALL)
_HTML_CELL = regex.compile(r"<t[dh]\b[^<>]*>(?P<cell>.*?)(?=</t[dh]\s*>|<t[dh]\b|\Z)",
                           regex.IGNORECASE | regex.DOTALL)
_HTML_TABLE_START = regex.compile(r"<table\b", regex.IGNORECASE)
#: Tags and blanks around a cell's text: ``<b>Name</b>``, ``<span class="x"> Lea </span>``.
_EDGE = regex.compile(r"(?:\s|<[^<>]*>)*")
#: A LaTeX tabular row: cells parted by an unescaped "&", the line closed by "\\" ("\hline" lines
#: between rows are passed over).
_LATEX_ROW_END = regex.compile(r"\\\\(?:[ \t]*\\hline)?[ \t]*$")
_LATEX_RULE = regex.compile(r"[ \t]*\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\})[ \t]*")
_LATEX_DELIM = regex.compile(r"(?<!\\)&")

Grid = list[list[tuple[int, int]]]


def _strip_cell(text: str, start: int, end: int) -> tuple[int, int]:
    """The cell's text without the tags and blanks around it."""
    start = _EDGE.match(text, start, end).end()
    while end > start:
        stripped = end
        while stripped > start and text[stripped - 1].isspace():
            stripped -= 1
        if stripped > start and text[stripped - 1] == ">":
            tag = text.rfind("<", start, stripped)
            if tag >= 0:
                end = tag
                continue
        end = stripped
        break
    return start, end


def _html_tables(text: str) -> list[Grid]:
    tables: list[Grid] = []
    starts = [m.start() for m in _HTML_TABLE_START.finditer(text)]
    rows: Grid = []
    table_at = -1
    for row in _HTML_ROW.finditer(text):
        table = sum(1 for s in starts if s < row.start())
        if table != table_at and rows:
            tables.append(rows)
            rows = []
        table_at = table
        cells = [_strip_cell(text, c.start("cell"), c.end("cell"))
                 for c in _HTML_CELL.finditer(text, row.start("row"), row.end("row"))]
        if cells:
            rows.append(cells)
    if rows:
        tables.append(rows)
    return tables


def _latex_tables(text: str) -> list[Grid]:
    tables: list[Grid] = []
    rows: Grid = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        end = _LATEX_ROW_END.search(line)
        if end is None or "&" not in line:
            if not _LATEX_RULE.fullmatch(line):
                if len(rows) >= 2:
                    tables.append(rows)
                rows = []
            continue
        cells, cell_start = [], 0
        for delim in [*_LATEX_DELIM.finditer(line, 0, end.start()), None]:
            cell_end = delim.start() if delim is not None else end.start()
            s, e = _strip_cell(line, cell_start, cell_end)
            cells.append((line_start + s, line_start + e))
            cell_start = delim.end() if delim is not None else cell_end
        rows.append(cells)
    if len(rows) >= 2:
        tables.append(rows)
    return tables


@functools.lru_cache(maxsize=8)
def markup_tables(text: str) -> tuple[Grid, ...]:
    """Tables written in markup: HTML (``<tr><td>``, cells may stand one a line) and LaTeX
    ``tabular`` rows ("a & b \\\\"). Each table is a list of rows, its first row the header; each row
    the (start, end) offsets into ``text`` of its cells' text, tags and blanks stripped. Tables of
    one row are left out."""
    tables: list[Grid] = []
    if "<t" in text or "<T" in text:
        tables += [t for t in _html_tables(text) if len(t) >= 2]
    if "&" in text and "\\\\" in text:
        tables += _latex_tables(text)
    return tuple(tables)


def markup_header(text: str, start: int) -> str | None:
    """The header cell of the markup-table column whose cell holds ``text[start]``, or None (no
    markup table there, or the cell is the header itself)."""
    for table in markup_tables(text):
        if not table[0][0][0] <= start <= table[-1][-1][1]:
            continue
        for row in table[1:]:
            for k, (s, e) in enumerate(row):
                if s <= start < max(e, s + 1):
                    header = table[0]
                    return text[header[k][0]:header[k][1]] if k < len(header) else None
    return None
