"""Cells of a delimited line (CSV, semicolon, tab, pipe), the way a spreadsheet reads them.

A delimiter inside double quotes does not split: ``"Krüger, Leon","01.02.2015"`` has two cells,
not three. Offsets are into the line; the cells keep their blanks and quotes.
"""

from __future__ import annotations


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
