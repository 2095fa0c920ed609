"""Rules that need the persons already found: birth dates in records, names in other scripts.

* Record rows: in a delimited line (``;``, tab, ``|``, or ``,`` with three cells or more, or a
  fixed-width line whose cells stand two blanks or more apart) where a
  cell holds a recognised person name and nothing else, a cell that is a date is that person's
  birth date (the earliest, when there are several) unless the table's header names the column
  otherwise ("Aufnahme", "Termin", "Datum").
* Machine records: in a JSON object or a key=value record that holds a recognised name, the
  earliest date under a key that gives it no other role is the birth date.
* Apposition: a date right after a name, behind a comma or an opening bracket and closed by the
  end of a quote, bracket, cell or line ("„Kornelia Uhde, 14.05.2012“", "Tom Ries (3.2.2016)"),
  is a birth date; after a titled adult ("Frau Kaya, 12.03.2025") only when it lies 14 years or
  more before the latest date of the text.
* Numbers after names: a number right after a recognised name, blank or bracket between, is that
  person's pupil number when a pupil-number label explains it ("Die Schülernummer steht hinter dem
  Namen: Tom Berg 771023, Ida Roth 771024").
* Joined names: a name-like word joined to a recognised name by "/" or "&" ("Korte / Brandt"),
  a listed first name in brackets after one ("Frau Asante (Ama)").
* Other scripts: a run of Arabic, Cyrillic, Greek, Hebrew, Armenian, Georgian, Devanagari or CJK
  letters in brackets or after a slash right next to a recognised name ("Rania Haddad (رانيا
  حداد)", "Taras Melnyk – Тарас Мельник") is the same person's name; so is such a run before a
  name in brackets.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex

from assistant.privacy.names import load_lexicon
from assistant.privacy.text.recognizers.cells import FIXED_CELL, cell_spans, fixed_width_header
from assistant.privacy.text.recognizers.dates import ANY_DATE, is_role_key, parse_date
from assistant.privacy.text.recognizers.other_scripts import (
    RUN, OtherScriptPersonRecognizer, listed_items, table_cells)
from assistant.privacy.text.recognizers.precheck import DIGIT, precheck_search
from assistant.privacy.text.recognizers.person_tokens import TITLES
from assistant.privacy.text.recognizers.student_id import ID as PUPIL_ID, pupil_number_context
from assistant.privacy.text.recognizers.sql import other_column_values
from assistant.privacy.text.spans import DisjointSpans
from assistant.privacy.text.words import ordinary_noun

Span = tuple[str, int, int, float]
ROW_DATE_SCORE = 0.7
APPOSITION_SCORE = 0.7
SCRIPT_SCORE = 0.8
_DATE_CELL = regex.compile(rf"[ \t\"']*({ANY_DATE})[ \t\"']*", regex.IGNORECASE)
_RUN_AFTER = regex.compile(rf"[ ]?(?:\([ ]?({RUN})[ ]?\)|(?:[ \t]*/|[ ][–-]|[ \t]{{2,}}|,[ ](?=[^\n)]{{1,30}}\)))"
                           rf"[ ]?({RUN})(?=[ ]*(?:$|[,;)/|\n])))", regex.MULTILINE)
_RUN_BEFORE = regex.compile(rf"({RUN})[ ]?\([ ]?\Z")
_APPOSITION = regex.compile(rf"[“”\"»«'‘’]?(?:[,;:][ ]?[„“\"»«'‘]?|[ ][–-][ ]|[ ]?\([ ]?(?:\*[ ]?)?)({ANY_DATE})(?=[ ]?(?:[)“”\"»«'‘’;|\t]|,|$|[ ][–-][ ]|\([ ]?\d{{1,2}}[ ]?(?:J\b|Jahre|Mon)))",
                            regex.MULTILINE | regex.IGNORECASE)
#: One of these stands in the first three characters of every ``_APPOSITION`` match (after a
#: quote and a blank at most): a cheap test before the pattern. A quote may open the date after
#: the separator, as in a quoted record ("'Ida Kern','2011-05-03'").
_APPOSITION_OPENS = frozenset(",;:–-(")
_CLOSING_BRACKET = regex.compile(r"[ ]?\)")
#: A date that ends a list line that opens with the name ("- Mila Roth, 03.03.2019"): each
#: entry's own date, not compared with the other entries' dates.
_ENTRY_END = regex.compile(r"[ \t]*(?:\n|\Z)")
_ENTRY_START = regex.compile(r"[ \t]*(?:[-*•–][ \t]*|\d{1,3}[.)][ \t]*)?")
_WORDS = regex.compile(r"[^\W\d_]+")
#: Words before a name that make the date after it the date of a note, a call or a signature.
_NOTE_WORD = regex.compile(r"notiert|notiz|gez|gezeichnet|unterschrift|unterzeichnet|signiert|verfasst|"
                           r"erstellt|bearbeitet|protokoll\w*|anruf|telefonat|rückruf|gespräch|besuch|datum|"
                           # sign-offs of a payment order: "sachlich und rechnerisch richtig: Name, Datum"
                           r"richtig|geprüft|freigegeben|angeordnet|genehmigt|festgestellt",
                           regex.IGNORECASE)
_QUOTE_BEFORE = regex.compile(r"[„“\"»«'‘][ ]?\Z")
_TITLE_BEFORE = regex.compile(r"(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.)[ ]+\Z", regex.IGNORECASE)
_ANY_DATE = regex.compile(ANY_DATE, regex.IGNORECASE)
ADULT_YEARS = 14


def structural_spans(text: str, found: list[Span]) -> list[Span]:
    """Birth dates in records and after names, names in other scripts, not overlapping ``found``."""
    people = sorted((s, e) for kind, s, e, _ in found if kind == "PERSON")
    if not people:
        return []
    taken = DisjointSpans([(s, e) for _, s, e, _ in found])
    extra: list[Span] = []
    sql_others = other_column_values(text)  # an INSERT's values under columns of another role
    vetoed: set[int] = set(sql_others)  # dates in a column or under a key with another role
    # every date form holds a digit: without one, the date rules find nothing (most sentences)
    dates = (_row_dates(text, people, vetoed) + _record_dates(text, people, vetoed)
             + _apposition_dates(text, people, vetoed)) if DIGIT.search(text) else []
    for kind, start, end, score in (_script_names(text, people) + _coordinated(text, people) + dates
                                    + _numbers_after_names(text, people)):
        if kind == "DATE_OF_BIRTH" and start in sql_others:
            continue  # "INSERT … (name, datum) VALUES ('Dogan, Elif', '2024-11-05')": no birth date
        if taken.free(start, end):
            taken.add(start, end)
            extra.append((kind, start, end, score))
    return extra


def _script_names(text: str, people: list[tuple[int, int]]) -> list[Span]:
    if precheck_search(OtherScriptPersonRecognizer.PRECHECK)(text) is None:
        return []
    out: list[Span] = []
    for start, end in people:
        m = _RUN_AFTER.match(text, end)
        if m:
            group = 1 if m.group(1) else 2
            out.append(("PERSON", m.start(group), m.end(group), SCRIPT_SCORE))
        b = _RUN_BEFORE.search(text, max(0, start - 80), start)
        if b:
            out.append(("PERSON", b.start(1), b.end(1), SCRIPT_SCORE))
    # items of a list and cells of a column that hold names ("- 林美玲" under "- Lena Brandt")
    out += [("PERSON", s, e, SCRIPT_SCORE) for s, e in listed_items(text, people) + table_cells(text, people)]
    return out


#: A fixed-width row: cells of words parted by single blanks, two blanks or more between cells.
_FIXED_GAP = regex.compile(r"\S[ ]{2,}\S")


#: A number after a name: "Tom Berg 771023", "Tom Berg (GY-2022-117)", ending at a comma, a
#: bracket, a sentence end or the line end; years and dates are none.
_NUMBER_AFTER_NAME = regex.compile(rf"[ ]\(?[ ]?({PUPIL_ID})[ ]?\)?(?=[,;.]?(?:[ \t\n)]|$))")
_YEAR_ONLY = regex.compile(r"(?:19|20)\d\d")
_ID_DIGITS = 3
NUMBER_AFTER_NAME_SCORE = 0.7


def _numbers_after_names(text: str, people: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for _, end in people:
        m = _NUMBER_AFTER_NAME.match(text, end) if text[end:end + 1] == " " else None  # it opens with one
        if m is None or _YEAR_ONLY.fullmatch(m.group(1)) or parse_date(m.group(1)) is not None:
            continue
        if sum(ch.isdigit() for ch in m.group(1)) >= _ID_DIGITS and pupil_number_context(text, m.start(1)):
            out.append(("STUDENT_ID", m.start(1), m.end(1), NUMBER_AFTER_NAME_SCORE))
    return out




def _delimiter(line: str) -> str | None:
    for d in (";", "\t", "|"):
        if d in line:
            return d
    return "," if line.count(",") >= 2 else None


def _cells(line: str, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's content, blanks and quotes stripped (a quoted CSV cell may
    hold the delimiter: ``"Krüger, Leon"``)."""
    spans = []
    for start, end in cell_spans(line, delim):
        cell = line[start:end]
        stripped = cell.strip(" \t\"'")
        off = cell.find(stripped) if stripped else 0
        spans.append((start + off, start + off + len(stripped)))
    return spans


def _row_dates(text: str, people: list[tuple[int, int]], vetoed: set[int]) -> list[Span]:
    out: list[Span] = []
    header: list[str] = []
    block_delim: str | None = None
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        delim = _delimiter(line)
        fixed = delim is None and _FIXED_GAP.search(line) is not None
        if delim != block_delim:
            block_delim = delim
            header = [line[s:e] for s, e in _cells(line, delim)] if delim else []
        if delim is None and not fixed:
            continue
        cells = _cells(line, delim) if delim else [m.span() for m in FIXED_CELL.finditer(line)]
        if not _names_a_cell(line, line_start, cells, people):
            continue
        dates = []
        for k, (cs, ce) in enumerate(cells):
            m = _DATE_CELL.fullmatch(line, cs, ce)
            date = parse_date(m.group(1)) if m else None
            if m is None or date is None or not dt.date(1900, 1, 1) <= date <= dt.date.today():
                continue
            if fixed:  # a fixed-width list: the header cell above the date, if there is one
                label = fixed_width_header(text, line_start + cs, line_start + ce) or ""
            else:
                label = header[k] if k < len(header) else ""
            if is_role_key(label) and not _ANY_DATE.search(label):
                vetoed.add(line_start + m.start(1))
                continue  # a column headed "Aufnahme", "Termin", "Datum": another date
            dates.append((date, line_start + m.start(1), line_start + m.end(1)))
        if dates and _says_what_happened(line, cells, header, dates, line_start):
            vetoed.update(s for _, s, _ in dates)
            continue  # "Lea Roth | 12.03.2025 | entschuldigt", "Frau Roth, 12.05.2024, Notiz"
        if dates:
            _, s, e = min(dates)
            out.append(("DATE_OF_BIRTH", s, e, ROW_DATE_SCORE))
    return out


def _says_what_happened(line: str, cells: list[tuple[int, int]], header: list[str],
                        dates: list[tuple[dt.date, int, int]], line_start: int) -> bool:
    """A row without a header over its date that names an event in another cell ("krank",
    "Gesprächsnotiz"), or whose name carries a title (an adult) and whose date lies less than
    ADULT_YEARS before today."""
    date_starts = {s - line_start for _, s, _ in dates}
    for cs, ce in cells:
        cell = line[cs:ce]
        if cs in date_starts or not _LETTERS.search(cell) or len(cell) > 40:
            continue
        if is_role_key(cell):
            return True
        if _TITLES.match(cell) and (dt.date.today() - min(dates)[0]).days < ADULT_YEARS * 365:
            return True
    return False


_LETTERS = regex.compile(r"[^\W\d_]")
_TITLES = regex.compile(r"\b(?:Herrn?|Frau|Hr|Fr|Dr|Prof|Fam|Familie)\b\.?", regex.IGNORECASE)


def _names_a_cell(line: str, line_start: int, cells: list[tuple[int, int]],
                  people: list[tuple[int, int]]) -> bool:
    """Recognised names fill a cell: nothing but names and titles in it ("Dimitrova, Raya",
    "Frau Dr. Osei"), also when a name runs over two cells of a CSV line ("Schmidt, Lea")."""
    i = bisect.bisect_left(people, (line_start, -1))
    masked = list(line)
    touched = False
    while i < len(people) and people[i][0] < line_start + len(line):
        for k in range(people[i][0] - line_start, min(len(line), people[i][1] - line_start)):
            masked[k] = " "
        touched = True
        i += 1
    if not touched:
        return False
    rest = "".join(masked)
    return any(rest[cs:ce] != line[cs:ce] and _LETTERS.search(_TITLES.sub("", rest[cs:ce])) is None
               for cs, ce in cells)


def _apposition_dates(text: str, people: list[tuple[int, int]], vetoed: set[int]) -> list[Span]:
    """A date right after a name; it must lie a year (after a titled adult 14 years) before the
    latest other date of the text (a meeting, a letter's date). Dates in brackets after names do
    not count as such ("Tom (03.05.2019), Ida (27.10.2016)": a list of children keeps them all);
    dates after a name and a comma do ("Lea Brandt, 12.03.2025 – Mutter war da": notes)."""
    out: list[Span] = []
    found: list[tuple[int, int, int, dt.date, int]] = []
    for start, end in people:
        if not _APPOSITION_OPENS.intersection(text[end:end + 3]):
            continue  # no comma, colon, dash or bracket after the name: no apposition (most names)
        m = _APPOSITION.match(text, end)
        date = parse_date(m.group(1)) if m else None
        if m is None or date is None or not dt.date(1900, 1, 1) <= date <= dt.date.today():
            continue
        line_start = text.rfind("\n", 0, start) + 1
        if not _QUOTE_BEFORE.search(text, line_start, start) and any(
                _NOTE_WORD.fullmatch(w) for w in _WORDS.findall(text, line_start, start)[-2:]):
            continue  # "Notiert: Selin Arslan, 17.03.2025", "Anruf Tom Weber, 12.03.2025": the note's date
        if m.start(1) not in vetoed:
            found.append((start, m.start(1), m.end(1), date, line_start))
    if not found:
        return out
    after_names = {s for start, s, e, _, line_start in found
                   if _CLOSING_BRACKET.match(text, e)
                   or (_ENTRY_END.match(text, e) and _ENTRY_START.fullmatch(text, line_start, start))}
    dates = [(m.start(), parse_date(m.group())) for m in _ANY_DATE.finditer(text) if m.start() not in after_names]
    for start, date_start, date_end, date, _ in found:
        latest = max((d for pos, d in dates if d is not None and pos != date_start), default=dt.date.today())
        titled = _TITLE_BEFORE.search(text, max(0, start - 12), start) is not None
        if (latest - date).days < (ADULT_YEARS if titled else 1) * 365:
            continue  # "Frau Kaya, 12.03.2025": a meeting, not a birth date
        out.append(("DATE_OF_BIRTH", date_start, date_end, APPOSITION_SCORE))
    return out


#: One pair of a machine record: ``"key": "value"`` (JSON) or ``key=value``.
_PAIR = regex.compile(r"(?:^|(?<=[{,;&\s(\[]))(?:[\"'](?P<key>[\p{L}_][\w.-]{0,30})[\"'][ \t]*:"
                      r"|(?P<key>[\p{L}_][\w.-]{0,30})[ \t]*=)", regex.MULTILINE)
_PAIR_DATE = regex.compile(rf"[ \t]*[\"']?({ANY_DATE})(?=[\"']?[ \t]*(?:$|[,;&}}\]]))",
                           regex.MULTILINE | regex.IGNORECASE)
_BRACES = regex.compile(r"[ \t]*[\[\]{}]*,?[ \t]*")


def _records(text: str) -> list[tuple[int, int]]:
    """(start, end) of machine records: a line with two pairs or more (one JSON object or
    key=value export per line), or a run of lines with one pair each (a pretty-printed JSON
    object, a key=value block); lines of braces alone belong to the run around them."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    pos = 0
    for line in text.split("\n"):
        start, end, pos = pos, pos + len(line), pos + len(line) + 1
        pairs = sum(1 for _ in _PAIR.finditer(text, start, end))
        if run is not None and pairs == 0 and _BRACES.fullmatch(line) and "}" in line:
            out.append((run[0], end))  # "}" or "}, {" closes one object of a JSON list
            run = None
            continue
        if pairs == 1 or (run is not None and _BRACES.fullmatch(line)):
            run = (run[0] if run else start, end)
            continue
        if run is not None:
            out.append(run)
            run = None
        if pairs >= 2:
            out.append((start, end))
    if run is not None:
        out.append(run)
    return out


def _record_dates(text: str, people: list[tuple[int, int]], vetoed: set[int]) -> list[Span]:
    """In a machine record that holds a recognised name, the earliest date under a key that gives
    it no other role (``"gd"``, ``"d1"``; not ``"betreuung_ab"``, ``"created"``) is the birth date."""
    if "=" not in text and ":" not in text:
        return []
    out: list[Span] = []
    for start, end in _records(text):
        i = bisect.bisect_left(people, (start, -1))
        if i >= len(people) or people[i][0] >= end:
            continue
        dates = []
        for pair in _PAIR.finditer(text, start, end):
            m = _PAIR_DATE.match(text, pair.end(), end)
            date = parse_date(m.group(1)) if m else None
            if m is None or date is None or not dt.date(1900, 1, 1) <= date <= dt.date.today():
                continue
            if is_role_key(pair.group("key")):
                vetoed.add(m.start(1))
                continue
            dates.append((date, m.start(1), m.end(1)))
        if dates:
            _, s, e = min(dates)
            out.append(("DATE_OF_BIRTH", s, e, ROW_DATE_SCORE))
    return out


#: A surname joined to a recognised one by a slash or "&" ("Rieger / Okonkwo", "Fall Richter/Lamprecht"),
#: and a listed first name in brackets after a name ("Frau Adeyemi (Grace)").
_JOINED_AFTER = regex.compile(r"[ ]?[/&][ ]?(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?)(?![\w/])")
_JOINED_BEFORE = regex.compile(r"(?<![\w/.-])(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’-]+)?)[ ]?[/&][ ]?\Z")
_BRACKET_AFTER = regex.compile(r"[ ]\((\p{Lu}[\p{Ll}'’-]+)\)")
COORDINATED_SCORE = 0.7
_MONTH_OR_DAY = regex.compile(r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                              r"Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\Z")


def _coordinated(text: str, people: list[tuple[int, int]]) -> list[Span]:
    lexicon = load_lexicon()

    def name_like(word: str) -> bool:
        if word.lower() in TITLES or word.lower() + "." in TITLES:
            return False
        return (lexicon.is_surname(word) or lexicon.is_first_name(word)
                or not (ordinary_noun(word) or lexicon.is_common(word)))

    out: list[Span] = []
    starts = {start for start, _ in people}
    for start, end in people:
        joined_after = "/" in text[end:end + 2] or "&" in text[end:end + 2]  # what _JOINED_AFTER needs
        after = _JOINED_AFTER.match(text, end) if joined_after else None
        if after and name_like(after.group(1)) and (after.end(1) + 1) not in starts:
            # "Klein / De Fuchs": a word before a found name is its subject or title, no surname
            out.append(("PERSON", after.start(1), after.end(1), COORDINATED_SCORE))
        # _JOINED_BEFORE ends at the name in "/" or "&" and a blank at most: a cheap test first
        joined_before = "/" in text[max(0, start - 2):start] or "&" in text[max(0, start - 2):start]
        before = _JOINED_BEFORE.search(text, max(0, start - 40), start) if joined_before else None
        if before and name_like(before.group(1)):
            out.append(("PERSON", before.start(1), before.end(1), COORDINATED_SCORE))
        bracket = _BRACKET_AFTER.match(text, end)
        word = bracket.group(1) if bracket else ""
        if bracket and lexicon.is_first_name(word) and not ordinary_noun(word) and not _MONTH_OR_DAY.match(word):
            out.append(("PERSON", bracket.start(1), bracket.end(1), COORDINATED_SCORE))
    return out
