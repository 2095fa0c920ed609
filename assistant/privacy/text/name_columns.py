"""PERSON in table columns that hold names: the cells the recognizers left out.

A timetable, a TSV export or a pipe table has columns of names ("Lehrkraft", "Vertretung",
"nachname"); a surname that is also an ordinary word ("Hahn", "Wolf", "Brenner") is missed there,
because nothing around it in its cell says "person". The column says it: a column is a name column
when its header is a name label and one of its cells was found as a person, or when at least two of
its cells and half of its filled cells were found. Every other cell of that column (below the
header) with a name's shape (:func:`~assistant.privacy.text.recognizers.name_shape.looks_like_name`)
is a person too.

A table here is a block of consecutive lines split by the same delimiter (tab, ``|`` or ``;``)
into about the same number of cells; a comma-separated block (CSV, quoted cells may hold commas)
counts when each of its lines has the same number of cells, three at least ("Müller, Lea" is one
name, not a row). A fixed-width block (columns two blanks or more apart, under a header line) has
the header cell above each value as its label; there a column needs a name label.
"""

from __future__ import annotations

import re

import regex

from assistant.privacy.names import NameLexicon
from assistant.privacy.text.name_lists import list_names, plain_noun
from assistant.privacy.text.recognizers.cells import FIXED_CELL, cell_spans, markup_tables
from assistant.privacy.text.recognizers.name_shape import looks_like_name
from assistant.privacy.text.recognizers.other_scripts import RUN
from assistant.privacy.text.spans import DisjointSpans

Span = tuple[str, int, int, float]
COLUMN_SCORE = 0.7
#: A cell written wholly in another script ("زهرا احمدی", "ሄለን ተስፋዬ"): the name lists cannot judge it.
_SCRIPT_CELL = regex.compile(RUN)
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
               "kollegin", "name des kindes", "name kind", "familie", "vorsitz", "protokoll", "fachkraft",
               "fachkräfte", "zuständig", "zuständige", "fallführung", "fallverantwortung",
               "bezugsperson", "bezugsfachkraft", "sozialarbeiter", "sozialarbeiterin", "berater",
               "beraterin", "abholung", "abholung durch", "erziehungsberechtigter", "erziehungsberechtigt",
               "sorgeberechtigter", "sorgeberechtigt", "vn", "nn", "name/vorname",
               "nachname/vorname"}
_MIN_FOUND = 2
#: Cell content that may be a name: letters, blanks, hyphens, apostrophes, periods, one comma.
_NAME_CELL = re.compile(r"[^\W\d_][\w'’.\- ]*(?:,[ ]?[^\W\d_][\w'’.\- ]*)?")


def _cells(line: str, start: int, delim: str) -> list[tuple[int, int]]:
    """(start, end) offsets into the text of each cell's content, blanks and quotes stripped (a
    quoted cell may hold the delimiter: ``"Krüger, Leon"``)."""
    out = []
    for cs, ce in cell_spans(line, delim):
        cell = line[cs:ce]
        stripped = cell.strip(" \t\"'")
        off = cell.find(stripped) if stripped else 0
        out.append((start + cs + off, start + cs + off + len(stripped)))
    return out


#: Cells of a comma-separated row: three at least, and every row of the block has as many.
_MIN_COMMA_CELLS = 3


def _delimiter(line: str) -> str | None:
    d = next((d for d in _DELIMITERS if d in line), None)
    if d is None and line.count(",") >= _MIN_COMMA_CELLS - 1:
        return ","
    return d


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
        delim = _delimiter(line)
        cells = _cells(line, pos, delim) if delim else []
        this = (delim, len(cells)) if delim and len(cells) >= (_MIN_COMMA_CELLS if delim == "," else 2) else None
        ragged = 0 if delim == "," else _RAGGED
        if this is None or key is None or this[0] != key[0] or abs(this[1] - key[1]) > ragged:
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


def name_label(label: str) -> bool:
    """A header that names persons: "Nachname", "Vertretung", "Name, Vorname", "Schüler/in",
    "last_name" of an export."""
    label = label.replace("_", " ")
    words = [w for w in re.split(r"[^\w]+", label) if w]
    return label in NAME_LABELS or (bool(words) and all(w in NAME_LABELS or w in _GENDER_ENDINGS
                                                         for w in words))


#: Words of a header that says its cells are names (not roles: "Aufsicht", "Vertretung").
_NAME_WORDS = {"name", "namen", "nachname", "vorname", "vornamen", "familienname", "rufname", "surname",
               "geburtsname", "vn", "nn", "first", "last", "given"}


def _names_label(label: str) -> bool:
    return any(w in _NAME_WORDS for w in re.split(r"[\W_]+", label))


#: What stands after a slash, a star or a colon in a gendered label: "Schüler/in", "Erziehungsberechtigte/r".
_GENDER_ENDINGS = ("in", "innen", "r", "n")


def column_names(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    """PERSON spans for the cells of name columns and the items of name lists
    (:func:`~assistant.privacy.text.name_lists.list_names`) that no finding covers yet."""

    out = _table_names(text, found, lexicon)
    return out + list_names(text, found + out, lexicon)


def _table_names(text: str, found: list[Span], lexicon: NameLexicon) -> list[Span]:
    if ("\n" not in text or not any(d in text for d in _DELIMITERS + (",", "  ", "&"))) \
            and "<t" not in text and "<T" not in text:
        return []  # a table has two lines at least (an HTML table may stand on one)
    # the gate's findings never overlap, so both sets are disjoint
    persons = DisjointSpans((s, e) for kind, s, e, _ in found if kind == "PERSON")
    taken = DisjointSpans((s, e) for _, s, e, _ in found)
    out: list[Span] = []
    for table in _tables(text) + list(markup_tables(text)):
        for col in range(len(table[0])):
            column = [row[col] for row in table if col < len(row)]
            label = text[column[0][0]:column[0][1]].lower().rstrip(".:").strip()
            filled = [c for c in column[1:] if c[1] > c[0]]
            hits = sum(1 for s, e in filled if not persons.free(s, e))
            labelled = name_label(label)
            if labelled or _names_label(label):
                # "Name (Originalschrift)": cells in another script under a name header
                for s, e in filled:
                    if taken.free(s, e) and _SCRIPT_CELL.fullmatch(text, s, e):
                        out.append(("PERSON", s, e, COLUMN_SCORE))
                        taken.add(s, e)
            if not labelled and not (hits >= _MIN_FOUND and hits * 2 >= len(filled)):
                continue
            _name_cells(text, filled, taken, persons, lexicon, labelled and not hits, out,
                        nouns_out=not hits and not _names_label(label))
        for row in table[1:]:  # the first row is the header ("Dienst | Mo | Di")
            _roster_row(text, row, taken, persons, lexicon, out)
    if "  " in text:
        for column in _fixed_width_columns(text):
            hits = sum(1 for s, e in column if not persons.free(s, e))
            _name_cells(text, column, taken, persons, lexicon, not hits, out)
    return out


#: First words of a row label whose row holds persons, one a cell: a duty roster
#: ("Aufsicht Hof | Koch | Engel | …", "Frühdienst | Petra | Aylin").
ROW_LABELS = {"aufsicht", "aufsichten", "pausenaufsicht", "vertretung", "klassenleitung", "lehrkraft",
              "lehrkräfte", "betreuung", "begleitung", "verantwortlich", "zuständig", "frühdienst",
              "spätdienst", "dienst", "bereitschaft", "springer", "springerin", "hofaufsicht",
              "busaufsicht", "mensaaufsicht", "gangaufsicht"}


def _roster_row(text: str, row: list[tuple[int, int]], taken: DisjointSpans, persons: DisjointSpans,
                lexicon: NameLexicon, out: list[Span]) -> None:
    """The cells of a row whose label (its first filled cell) names duties of persons."""
    filled = [c for c in row if c[1] > c[0]]
    if len(filled) < 2:
        return
    words = text[filled[0][0]:filled[0][1]].lower().split()
    if not words or words[0].rstrip(".:") not in ROW_LABELS:
        return
    cells = filled[1:]
    hits = any(not persons.free(s, e) for s, e in cells)
    _name_cells(text, cells, taken, persons, lexicon, not hits, out, nouns_out=not hits)


def _name_cells(text: str, cells: list[tuple[int, int]], taken: DisjointSpans, persons: DisjointSpans,
                lexicon: NameLexicon, single_needs_list: bool, out: list[Span], nouns_out: bool = False) -> None:
    """The cells of a name column that have a name's shape and no finding yet, as persons;
    "KRAUSE" reads as "Krause", "schmidt" as a name when a name list has it, and in "Wolf, Jannis"
    with "Jannis" found the part left over. ``nouns_out``: a lone word that is only a noun is none
    (under a duty, "Mensa"; under "Nachname" the noun "Brenner" is a surname)."""
    for s, e in cells:
        cell = text[s:e]
        if not _NAME_CELL.fullmatch(cell):
            continue
        if not taken.free(s, e):
            # "Wolf, Jannis" with only "Jannis" found: the other part is a name too
            part = _COMMA_PARTS.fullmatch(cell)
            if part is None:
                continue
            first, second = (s + part.start(1), s + part.end(1)), (s + part.start(2), s + part.end(2))
            if taken.free(*first) and not persons.free(*second):
                s, e = first
            elif taken.free(*second) and not persons.free(*first):
                s, e = second
            else:
                continue
            cell = text[s:e]
        name = re.sub(r",[ ]?", " ", cell)
        if name.isupper():
            name = _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), name)
        # under a name header with no finding yet, a lone word must be in a name list; so must a
        # lone word in lower case ("schmidt;lea": an export typed in lower case)
        lower = name.islower()
        if nouns_out and " " not in name and plain_noun(name, lexicon):
            continue  # "Aufsicht | Ort" then "Mensa | 11:20": a place, no name
        if looks_like_name(name, lexicon, single_needs_list=single_needs_list or lower, lower_ok=lower):
            out.append(("PERSON", s, e, COLUMN_SCORE))
            taken.add(s, e)


_CAPS_WORD = re.compile(r"[^\W\d_]+")
#: A cell "Surname, Given name": the two parts.
_COMMA_PARTS = re.compile(r"([^,]+?),[ ]?([^,]+)")
#: A fixed-width line: two cells at least, two blanks or more between them.
_FIXED_GAP = re.compile(r"\S[ ]{2,}\S")


def _fixed_width_columns(text: str) -> list[list[tuple[int, int]]]:
    """The value cells under a name label in fixed-width blocks: a header line of two or more
    cells (no digits in them), then rows whose cells stand under the header's cells."""
    columns: list[list[tuple[int, int]]] = []
    header: list[tuple[int, int, str]] | None = None
    by_label: dict[int, list[tuple[int, int]]] = {}
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if not _FIXED_GAP.search(line) or "\t" in line:
            header = None
            continue
        cells = [(m.start(), m.end(), m.group()) for m in FIXED_CELL.finditer(line)]
        if header is None:
            if any(ch.isdigit() for ch in line):
                continue
            header = cells
            by_label = {k: [] for k, (_, _, label) in enumerate(header)
                        if name_label(label.lower().rstrip(".:").strip())}
            columns.extend(by_label.values())
            continue
        for cs, ce, _ in cells:
            k = _header_cell(header, cs, ce)
            if k in by_label:
                by_label[k].append((line_start + cs, line_start + ce))
    return [c for c in columns if c]


def _header_cell(header: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The index of the header cell a value at columns [start, end) stands under: the one it
    overlaps most, or -1."""
    best, best_overlap = -1, 0
    for k, (hs, he, _) in enumerate(header):
        overlap = min(end, he) - max(start, hs)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best

