"""DATE_OF_BIRTH: a date, but only in birth context ("geb.", "geboren am", "Geburtsdatum", "*",
a table column headed "Geburtsdatum"). Stichtage, school years and report dates are not redacted:
without context a date scores below any sensible threshold."""

from __future__ import annotations

import datetime as dt
import re

import regex
from presidio_analyzer import Pattern, RecognizerResult

from assistant.privacy.text.recognizers.precheck import PrecheckedPatternRecognizer

MONTHS = {"januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3,
          "maerz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
          "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
          "november": 11, "nov": 11, "dezember": 12, "dez": 12}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
NUMERIC = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:19|20)?\d{2}(?![\d.]\d)"
SLASHED = r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?!\d)"
ISO = r"(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
LONG = rf"(?<!\d)(?:0?[1-9]|[12]\d|3[01])\.?\s?(?:{_MONTH_RE})\.?\s(?:19|20)\d{{2}}(?!\d)"
ANY_DATE = f"(?:{NUMERIC}|{SLASHED}|{ISO}|{LONG})"
BIRTH_CONTEXT_SCORE = 0.85
#: Directly before the date: "*", "geb.", "geboren am", "Geburtsdatum:", "Geb.-Datum".
BIRTH_BEFORE = regex.compile(r"(?:\*|\bgeb\b\.?(?:[ -]{0,2}dat(?:um|\.)?)?|\bgeboren|Geburtsdatum|"
                             r"Geburtstag|\bdob|date of birth)"
                             # a few words between, no digit: "Geburtsdatum des Kindes:", "geb. am"
                             r"[^\n\d*;]{0,25}?\s*:?\s*\Z", regex.IGNORECASE)
#: A list under a heading about birthdays: "Geburtstage 2025\nAnouk – 02.01.2023".
BIRTH_HEADING = regex.compile(r"\bgeburts(?:tag|tage|daten|datum|jahr)\w*|\bgeb\.-?dat", regex.IGNORECASE)
#: Directly after it: "ist am 2. Mai 2015 geboren".
BIRTH_AFTER = regex.compile(r"\s+(?:geboren|zur Welt gekommen)\b", regex.IGNORECASE)
HEADER_RE = regex.compile(r"(?<![a-zäöü])geb(?![a-zäöü])|geburt|birth|\bdob\b", regex.IGNORECASE)  # not "Sorgeberechtigte"
_DELIMS = (";", "\t", "|", ",")


def parse_date(text: str) -> dt.date | None:
    text = text.strip().rstrip(".")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            y, mo, d = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{2,4})", text):
            d, mo, y = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})\.?\s?([^\W\d]+)\.?\s(\d{4})", text):
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS.get(m.group(2).lower(), 0)
        else:
            return None
        if y < 100:
            y += 2000 if y <= dt.date.today().year % 100 else 1900
        return dt.date(y, mo, d)
    except ValueError:
        return None


class DateOfBirthRecognizer(PrecheckedPatternRecognizer):
    #: Every way a date becomes a birth date needs one of these words or a "*" in the text.
    PRECHECK = regex.compile(r"geb|geburt|birth|dob|\*|zur welt", regex.IGNORECASE)
    PATTERNS = [Pattern("date (needs birth context)", ANY_DATE, 0.1)]
    #: No Presidio context words: a "geb." five words away raised every other date near a birth
    #: date ("geb. 21.03.2021, Beitrag ab 01.08.2024"); :meth:`analyze` decides by position.
    CONTEXT: list[str] = []

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="DATE_OF_BIRTH", patterns=self.PATTERNS,
                         context=self.CONTEXT, supported_language=supported_language,
                         name="GermanDateOfBirthRecognizer", global_regex_flags=regex.IGNORECASE)

    def validate_result(self, pattern_text: str) -> bool | None:
        date = parse_date(pattern_text)
        if date is None or not 1900 <= date.year <= dt.date.today().year:
            return False
        return None  # keep the pattern's score: context decides

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if result.score < 0.5 and (
                    BIRTH_BEFORE.search(text, max(0, result.start - 45), result.start)
                    or BIRTH_AFTER.match(text, result.end)
                    or _under_birth_header(text, result.start)
                    or _in_birthday_list(text, result.start)):
                result.score = BIRTH_CONTEXT_SCORE
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return results


def _under_birth_header(text: str, start: int) -> bool:
    """Whether the date sits in a delimited table column whose header mentions birth."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    delim = next((d for d in _DELIMS if d in line), None)
    if delim is None:
        return False
    column = text[line_start:start].count(delim)
    # Walk up to the first line of this block of delimited lines: the header.
    header = None
    pos = line_start
    cells = line.count(delim)
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        if delim not in prev or (delim == "," and prev.count(delim) != cells):
            break  # a title line with a comma in it is no CSV header
        header, pos = prev, prev_start
    if header is None:
        return False
    cells = header.split(delim)
    return column < len(cells) and bool(HEADER_RE.search(cells[column]))


def _in_birthday_list(text: str, start: int) -> bool:
    """The date is the only date of a line in a block headed by a birthday heading."""
    block_start = text.rfind("\n\n", 0, start)
    block_start = 0 if block_start < 0 else block_start + 2
    first_end = text.find("\n", block_start)
    if first_end < 0 or first_end >= start or not BIRTH_HEADING.search(text, block_start, first_end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return _LIST_ENTRY.fullmatch(line) is not None


#: "Anouk – 02.01.2023", "Bela: 15.03.2023": a short label, then the date, ending the line.
_LIST_ENTRY = regex.compile(rf"[^\d\n]{{1,40}}[–:;,-][ \t]*{ANY_DATE}[ \t]*", regex.IGNORECASE)
