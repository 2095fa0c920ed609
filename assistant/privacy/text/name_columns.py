"""PERSON in table columns that hold names: the cells the recognizers left out.

A timetable, a TSV export or a pipe table has columns of names ("Lehrkraft", "Vertretung",
"nachname"); a surname that is also an ordinary word ("Hahn", "Wolf", "Brenner") is missed there,
because nothing around it in its cell says "person". The column says it: a column is a name column
when its header is a name label and one of its cells was found as a person, or when at least two of
its cells and half of its filled cells were found. Every other cell of that column (below the
header) with a name's shape (:func:`~assistant.privacy.text.recognizers.name_shape.looks_like_name`)
is a person too.

A table here is a block of consecutive lines split by the same delimiter (tab, ``|`` or ``;``)
into the same number of cells; commas are left out, they also separate surname and given name.
"""

from __future__ import annotations

import re

from assistant.privacy.names import NameLexicon
from assistant.privacy.text.name_lists import list_names
from assistant.privacy.text.recognizers.name_shape import looks_like_name
from assistant.privacy.text.spans import DisjointSpans

Span = tuple[str, int, int, float]
COLUMN_SCORE = 0.7
_DELIMITERS = ("\t", "|", ";")
#: Header labels of columns that hold persons (lower case, without a trailing period or colon).
NAME_LABELS = {"name", "namen", "nachname", "vorname", "familienname", "rufname", "lehrkraft",
               "lehrer", "lehrerin", "vertretung", "vertretungslehrkraft", "schüler", "schülerin",
               "schueler", "kind", "erzieher", "erzieherin", "betreuer", "betreuerin",
               "ansprechpartner", "ansprechpartnerin", "kontakt", "kontaktperson", "aufsicht",
               "leitung", "verantwortlich", "teilnehmer", "teilnehmerin", "mutter", "vater",
               "erziehungsberechtigte", "sorgeberechtigte", "klassenlehrer", "klassenlehrerin",
               "klassenleitung", "tutor", "tutorin", "mentor", "mentorin", "pate", "patin",
               "surname", "first name", "given name", "last name", "vornamen", "geburtsname",
               "statt", "lehrkräfte", "fachlehrer", "fachlehrerin", "fachlehrkraft", "klassenlehrkraft",
               "kl", "kl.-leitung", "bezugserzieher", "bezugserzieherin", "abholberechtigt",
               "abholberechtigte", "abholer", "begleitung", "begleitperson", "sachbearbeitung",
               "sachbearbeiter", "sachbearbeiterin", "bearbeiter", "bearbeiterin", "referent",
               "referentin", "elternteil", "eltern", "schülerin/schüler", "schüler/in", "schüler*in",
               "kinder", "person", "vertreter", "vertreterin", "fehlt", "abwesend", "entschuldigt",
               "tn", "teilnehmende", "lehrperson", "aufsichten", "pausenaufsicht", "kollege",
               "kollegin", "name des kindes", "name kind", "familie", "vorsitz", "protokoll"}
_MIN_FOUND = 2
#: Cell content that may be a name: letters, blanks, hyphens, apostrophes, periods, one comma.
_NAME_CELL = re.compile(r"[^\W\d_][\w'’.\- ]*(?:,[ ]?[^\W\d_][\w'’.\- ]*)?")


def _cells(line: str, start: int, delim: str) -> list[tuple[int, int]]:
    """(start, end) offsets into the text of each cell's content, blanks stripped."""
    out, pos = [], start
    for cell in line.split(delim):
        stripped = cell.strip(" \t\"'")
        off = cell.find(stripped) if stripped else 0
        out.append((pos + off, pos + off + len(stripped)))
        pos += len(cell) + len(delim)
    return out


#: Cells a row may have fewer or more than the block's first line: exports leave out empty cells
#: at the end of a row ("2\tOksana\tKovalenko\t0157 …" under a header with an e-mail column).
_RAGGED = 2


def _tables(text: str) -> list[list[list[tuple[int, int]]]]:
    """Blocks of at least two consecutive lines with the same delimiter and about the same cell
    count as the block's first line."""
    tables: list[list[list[tuple[int, int]]]] = []
    block: list[list[tuple[int, int]]] = []
    key: tuple[str, int] | None = None
    pos = 0
    for line in text.split("\n"):
        delim = next((d for d in _DELIMITERS if d in line), None)
        cells = _cells(line, pos, delim) if delim else []
        this = (delim, len(cells)) if delim and len(cells) >= 2 else None
        if this is None or key is None or this[0] != key[0] or abs(this[1] - key[1]) > _RAGGED:
            if len(block) >= 2:
                tables.append(block)
            block = []
            key = this
        if this is not None:
            block.append(cells)
        pos += len(line) + 1
    if len(block) >= 2:
        tables.append(block)
    return tables


def _name_label(label: str) -> bool:
    """A header that names persons: "Nachname", "Vertretung", "Name, Vorname", "Schüler/in"."""
    words = [w for w in re.split(r"[^\w]+", label) if w]
    return label in NAME_LABELS or (bool(words) and all(w in NAME_LABELS or w in ("in", "innen")
                                                         for w in words))


def column_names(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """PERSON spans for the cells of name columns and the items of name lists
    (:func:`~assistant.privacy.text.name_lists.list_names`) that no finding covers yet."""

    out = _table_names(text, found, lexicon)
    return out + list_names(text, found + out, lexicon)


def _table_names(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    if not any(d in text for d in _DELIMITERS):
        return []
    # the gate's findings never overlap, so both sets are disjoint
    persons = DisjointSpans((s, e) for kind, s, e, _ in found if kind == "PERSON")
    taken = DisjointSpans((s, e) for _, s, e, _ in found)
    out: list[Span] = []
    for table in _tables(text):
        for col in range(len(table[0])):
            column = [row[col] for row in table if col < len(row)]
            label = text[column[0][0]:column[0][1]].lower().rstrip(".:").strip()
            filled = [c for c in column[1:] if c[1] > c[0]]
            hits = sum(1 for s, e in filled if not persons.free(s, e))
            labelled = _name_label(label)
            if not labelled and not (hits >= _MIN_FOUND and hits * 2 >= len(filled)):
                continue
            for s, e in filled:
                cell = text[s:e]
                if not taken.free(s, e) or not _NAME_CELL.fullmatch(cell):
                    continue
                name = re.sub(r",[ ]?", " ", cell)
                # under a name header with no finding yet, a lone word must be in a name list
                if looks_like_name(name, lexicon, single_needs_list=labelled and not hits):
                    out.append(("PERSON", s, e, COLUMN_SCORE))
                    taken.add(s, e)
    return out

