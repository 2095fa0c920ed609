"""PERSON, DATE_OF_BIRTH, STUDENT_ID and ADDRESS as values of SQL ``INSERT`` statements.

A database dump writes each record as
``INSERT INTO schueler (vorname, nachname, geburtsdatum, schueler_nr) VALUES ('Lina', 'Hofmann',
'2014-03-07', '2020-0417');``, also with several rows (``VALUES (…), (…);``, a row a line). The
column list (or, where the statement has none, the table's ``CREATE TABLE`` in the same dump) says
what each value is, as a table's header does for its cells:

* name columns: the header words of the name columns of delimited tables
  (:func:`~assistant.privacy.text.name_columns.name_label`: "vorname", "nachname", "name",
  "mutter") and the short name keys of exports (``vn``, ``nn``, ``first_name``); a value with a
  name's shape or in another script is a person;
* birth-date columns ("geburtsdatum", "geb_datum", "dob", :func:`~.dates.is_birth_key`): a
  complete date;
* pupil-number columns ("schueler_nr", "snr", "kind_id", :func:`~.student_id.pupil_header`);
* street columns ("strasse", "adresse"): a street and house number.

``UPDATE … SET nachname = 'X'`` and ``WHERE snr = '…'`` are key = value pairs
(:mod:`~.keyvalue`).
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.names import NameLexicon
from assistant.privacy.text.name_columns import name_label
from assistant.privacy.text.recognizers.dates import is_birth_key, parse_date
from assistant.privacy.text.recognizers.keyvalue import ADDRESS_KEYS, NAME_KEYS, STREET_VALUE
from assistant.privacy.text.recognizers.name_shape import looks_like_name
from assistant.privacy.text.recognizers.other_scripts import RUN
from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result
from assistant.privacy.text.recognizers.student_id import ID, pupil_header

#: ``INSERT INTO [schema.]table (col, …) VALUES``: names bare, in backticks, quotes or brackets;
#: without a column list the table's ``CREATE TABLE`` earlier in the dump names the columns.
_INSERT = regex.compile(r"\binsert[ \t]+(?:ignore[ \t]+)?into\s+(?P<table>[\w.`\"\[\]]+)\s*"
                        r"(?:\((?P<columns>[^()]{1,2000})\)\s*)?values\s*", regex.IGNORECASE)
_CREATE = regex.compile(r"\bcreate[ \t]+(?:temporary[ \t]+)?table[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?"
                        r"(?P<table>[\w.`\"\[\]]+)\s*\(", regex.IGNORECASE)
#: Parts of a CREATE TABLE body that define no column.
_CONSTRAINT = regex.compile(r"\s*(?:primary|foreign|unique|key|index|constraint|check|fulltext)\b",
                            regex.IGNORECASE)
_IDENTIFIER = regex.compile(r"\s*[`\"\[]?(?P<name>[\w]+)")
#: One value of a row: a quoted string ('' or \' inside), or anything bare up to "," or ")".
_VALUE = regex.compile(r"\s*(?:'(?P<quoted>(?:[^'\\\n]|''|\\.)*)'|(?P<bare>[^,()'\s]+))\s*")
_NAME_KEY = regex.compile(NAME_KEYS, regex.IGNORECASE)
_ADDRESS_KEY = regex.compile(ADDRESS_KEYS, regex.IGNORECASE)
_STREET = regex.compile(STREET_VALUE, regex.IGNORECASE)
_PUPIL_NUMBER = regex.compile(ID)
_OTHER_SCRIPT = regex.compile(RUN)
_ROW_SEPARATOR = regex.compile(r"\s*,\s*")
#: Rows of one statement read at most (a dump's statement may hold thousands).
_MAX_ROWS = 5000
#: Characters of a CREATE TABLE body read at most.
_MAX_BODY = 5000
SCORE = 0.85


def _column_kind(column: str) -> str | None:
    name = column.strip().strip("`\"[]").strip()
    if not name:
        return None
    if is_birth_key(name):
        return "DATE_OF_BIRTH"
    if pupil_header(name):
        return "STUDENT_ID"
    if _ADDRESS_KEY.fullmatch(name):
        return "ADDRESS"
    if _NAME_KEY.fullmatch(name) or name_label(name.lower().replace("_", " ")):
        return "PERSON"
    return None


def _table(name: str) -> str:
    return name.strip("`\"[]").rsplit(".", 1)[-1].strip("`\"[]").lower()


def _created_columns(text: str) -> dict[str, list[str]]:
    """The column names of every ``CREATE TABLE`` in ``text``, by table."""
    tables: dict[str, list[str]] = {}
    for create in _CREATE.finditer(text):
        depth, start, parts = 1, create.end(), []
        pos = start
        while pos < len(text) and depth and pos - start < _MAX_BODY:
            ch = text[pos]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            if depth == 0 or (ch == "," and depth == 1):
                parts.append(text[start:pos])
                start = pos + 1
            pos += 1
        names = [m.group("name") for part in parts if not _CONSTRAINT.match(part)
                 and (m := _IDENTIFIER.match(part)) is not None]
        tables[_table(create.group("table"))] = names
    return tables


def insert_values(text: str, others: bool = False) -> list[tuple[str, int, int]]:
    """(column kind, start, end) of every quoted value of an INSERT statement whose column is a
    name, birth-date, pupil-number or street column (the value's quotes outside); with ``others``
    the values of the other named columns too, of kind "OTHER" (a "datum" column's dates)."""
    out: list[tuple[str, int, int]] = []
    created: dict[str, list[str]] | None = None
    for statement in _INSERT.finditer(text):
        if statement.group("columns") is not None:
            columns = statement.group("columns").split(",")
        else:
            if created is None:
                created = _created_columns(text)
            columns = created.get(_table(statement.group("table")), [])
        kinds = [_column_kind(c) or ("OTHER" if others else None) for c in columns]
        if not any(kinds):
            continue
        pos = statement.end()
        for _ in range(_MAX_ROWS):
            if not text.startswith("(", pos):
                break
            row, pos = _row(text, pos + 1)
            if row is None:
                break
            out += [(kind, s, e) for kind, (s, e) in zip(kinds, row) if kind and e > s]
            sep = _ROW_SEPARATOR.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
    return out


def other_column_values(text: str) -> set[int]:
    """Where the quoted values of INSERT columns that are no birth-date columns start: a date
    there is no birth date, however close to a name it stands ("('Dogan, Elif', '2024-11-05')"
    under "(schueler_nr, name, datum, …)")."""
    if "INSERT" not in text and "insert" not in text and "Insert" not in text:
        return set()
    return {start for kind, start, _ in insert_values(text, others=True) if kind != "DATE_OF_BIRTH"}


def _row(text: str, pos: int) -> tuple[list[tuple[int, int]] | None, int]:
    """The spans of a row's quoted values (empty spans for bare ones: numbers, NULL) from ``pos``
    after its "(", and the position after its ")"; None if the row is not a plain list of values."""
    spans: list[tuple[int, int]] = []
    while True:
        m = _VALUE.match(text, pos)
        if m is None:
            return None, pos
        spans.append(m.span("quoted") if m.group("quoted") is not None else (m.end(), m.end()))
        pos = m.end()
        if text.startswith(",", pos):
            pos += 1
        elif text.startswith(")", pos):
            return spans, pos + 1
        else:
            return None, pos


class SqlInsertRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON", "DATE_OF_BIRTH", "STUDENT_ID", "ADDRESS"]

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        if "INSERT" not in text and "insert" not in text and "Insert" not in text:
            return []  # a plain test is faster than any pattern
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        results = []
        for kind, start, end in insert_values(text):
            value = text[start:end]
            if kind == "DATE_OF_BIRTH":
                keep = parse_date(value) is not None
            elif kind == "STUDENT_ID":
                keep = _PUPIL_NUMBER.fullmatch(value) is not None
            elif kind == "ADDRESS":
                keep = _STREET.fullmatch(value) is not None
            else:
                name = " ".join(value.replace("''", "'").split())
                keep = (not any(ch.isdigit() for ch in name)
                        and (_OTHER_SCRIPT.fullmatch(name) is not None
                             or looks_like_name(name, self.lexicon, single_needs_list=False,
                                                lower_ok=name.islower())))
            if keep:
                results.append(rule_result(self, kind, start, end, SCORE, "sql column"))
        return results
