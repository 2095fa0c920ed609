"""Two rules on top of the recognizers for identifiers (pupil numbers, IBANs, tax IDs, …).

* Repeats: once a string is recognised as an identifier, every other occurrence of the same string
  in the text is one too ("Die Schüler-IDs SN-40127 und SN-40219 … Bitte SN-40219 löschen.").
* Record rows: in a delimited list (``;``, tab, ``|``) an ID-shaped cell in a row that also holds a
  recognised person name is that person's identifier, even without a header
  ("YILDIZ, İBRAHIM;7a;2021-03340"), unless its column is headed for another number ("Raum").
"""

from __future__ import annotations

import bisect

import regex

from assistant.privacy.text.recognizers.student_id import ID_SHAPED, NOT_PUPIL_BEFORE, in_other_column
from assistant.privacy.text.spans import DisjointSpans

REPEATED_TYPES = ("STUDENT_ID", "IBAN_CODE", "DE_TAX_ID", "PHONE_NUMBER", "EMAIL_ADDRESS")
ROW_SCORE = 0.6
_DELIMS = (";", "\t", "|")
_ID_SHAPED = regex.compile(ID_SHAPED)

Span = tuple[str, int, int, float]


def repeated_identifiers(text: str, found: list[Span]) -> list[Span]:
    values: dict[str, tuple[str, float]] = {}
    for kind, start, end, score in found:
        if kind in REPEATED_TYPES:
            values.setdefault(text[start:end], (kind, score))
    if not values:
        return []
    taken = DisjointSpans([(s, e) for _, s, e, _ in found])
    extra: list[Span] = []
    for value, s, e in _occurrences(text, values):
        if taken.free(s, e):
            kind, score = values[value]
            extra.append((kind, s, e, score))
            taken.add(s, e)
    return extra


#: Up to this many distinct values, one str.find loop each beats compiling a pattern (~1 ms).
_FIND_LIMIT = 16


def _occurrences(text: str, values: dict[str, object]) -> list[tuple[str, int, int]]:
    """Whole occurrences of the values: not inside a longer word, number, address or domain."""
    if len(values) > _FIND_LIMIT:  # one scan for all (a named list is matched like a trie)
        pattern = regex.compile(r"(?<![\w@.-])\L<values>(?![\w@-]|\.\w)", values=list(values))
        return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
    found = []
    for value in values:
        pos = text.find(value)
        while pos >= 0:
            end = pos + len(value)
            if not _BEFORE.match(text, pos - 1 if pos else 0, pos) and not _AFTER.match(text, end):
                found.append((value, pos, end))
            pos = text.find(value, pos + 1)
    return sorted(found, key=lambda f: f[1])


_BEFORE = regex.compile(r"[\w@.-]")
_AFTER = regex.compile(r"[\w@-]|\.\w")


#: Around an ID that fills its cell: blanks and quotes only.
_CELL_PAD = " \t\"'"


def _cell_start(line: str, pos: int) -> int:
    return max(line.rfind(d, 0, pos) for d in _DELIMS) + 1


def _cell_end(line: str, pos: int) -> int:
    ends = [i for i in (line.find(d, pos) for d in _DELIMS) if i >= 0]
    return min(ends, default=len(line))


def record_row_ids(text: str, found: list[Span]) -> list[Span]:
    people = sorted(s for kind, s, _, _ in found if kind == "PERSON")
    if not people:
        return []
    taken = DisjointSpans([(s, e) for _, s, e, _ in found])
    extra: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        end = start + len(line)
        if not any(d in line.rstrip(" \t;") for d in _DELIMS):
            continue  # no row; a ";" ending a line ends an SQL statement
        i = bisect.bisect_left(people, start)
        if i == len(people) or people[i] >= end:
            continue  # no person in this row
        for m in _ID_SHAPED.finditer(line):
            s, e = start + m.start(), start + m.end()
            if line[_cell_start(line, m.start()):_cell_end(line, m.end())].strip(_CELL_PAD) != m.group():
                continue  # a number inside words: "| sicher im ZR 1000 |" (number range, no ID)
            if taken.free(s, e) and not in_other_column(text, s) and not NOT_PUPIL_BEFORE.search(text, max(start, s - 30), s):
                # "Regionalschlüssel;05334002": a cell labelled by the one before it
                extra.append(("STUDENT_ID", s, e, ROW_SCORE))
                taken.add(s, e)
    return extra
