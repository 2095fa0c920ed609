"""STUDENT_ID: pupil and Kita-child numbers, only the number, only when labelled as such.

"Schülernummer 2023-04711", "Schüler-ID: SID-204471", "Kita-Kind-Nr.: KK-2023-0415", a table
column headed "Schüler-Nr." or "Kita-Kind-Nr.", or ID-shaped numbers shortly after a plural label
("die Spalte mit den Schüler-IDs ... 2019-01123 und 2019-01130"). Schulnummern, Aktenzeichen and
Kassenzeichen are no pupil numbers."""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

_PUPIL = r"sch[üu]e?ler(?:[:*_/]?innen|[:*_/]?in)?"
_NUMBER_WORD = r"(?:nummer|nr\.?|ids?|ident(?:ifikations)?(?:nummer|-nr\.?)?|kennung|kennziffer)"
LABEL = (rf"(?:{_PUPIL}[\s-]*(?:{_NUMBER_WORD}|ausweis(?:nummer|-nr\.?|nr\.?)?|"
         r"akte(?:\s*nr\.?)?|datensatz(?:[\s-]*(?:nr\.?|nummer))?)|sch[üu]e?lernr\.?|"
         r"sus[\s-]*(?:nr\.?|id)|sch[üu]e?ler-?ids?|(?:kita-?)?kind(?:er)?-?(?:nr\.?|nummer|id)|"
         r"lernende[nr]?[\s-]*(?:nummer|nr\.?|ids?|kennung)|"
         # "ID des Schülers", "Nummer der Schülerin", "Kita-ID des Kindes"
         r"\b(?:ids?|nr\.?|nummer|kennung)\s+(?:des|der)\s+(?:sch[üu]e?ler(?:s|in)?|kind(?:e?s)?|lernenden)\b|"
         r"asv-?(?:id|nr\.?)|lusd-?(?:id|nr\.?)|schild-?(?:id|nr\.?))")
#: A pupil number: letters, digits, '-' and '/', with a digit; "SN 88231" and "2023 04711" too
#: (a capital-letter prefix or a four-digit group, then one blank).
ID = (r"(?:(?-i:[A-Z]{1,4})[ ](?=\d)|\d{4}[ ](?=\d{3,6}(?![\w/-])))?"
      r"(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?")
#: "Schülernummer: X", "Schüler-Nr. lautet X", "schülernr ist X", "Schülernummer (neu): X",
#: "Schülerdatensatz (Nr. X)", "Schülerakte (X)"
AFTER_LABEL = (rf"\b{LABEL}\s*(?:\((?:neu|alt|bisher)\)\s*)?(?:\(\s*(?:nr\.?|nummer|id)?\s*)?"
               rf"(?:[:#=]|nummer)?\s*(?:(?:lautet|lautete|ist|war)\s+)?({ID})")
#: Numbers that look like pupil numbers: 2019-01123, KK-2023-0415, SN-88231, 4711-2023-B,
#: 00912345, and a bare number in brackets after a name ("Lea Schmidt (30211)"), not a year.
#: Never the tail of a longer number ("0231 50-27741").
ID_SHAPED = (r"(?<![\w/.-])(?<!\d[ ])(?:[A-Z]{1,4}-?\d{2,}(?:[-/]\d+)*(?:-[A-Z])?|"
             r"\d{2,4}[-/]\d{3,6}(?:-[A-Z])?|\d{4}-\d{4}-[A-Z]|0\d{7}|"
             r"(?<=\()(?!(?:19|20)\d\d\))\d{4,8}(?=\)))(?![\w/-])")
_LABEL_RE = regex.compile(LABEL, regex.IGNORECASE)
_ID_RE = regex.compile(ID)
_NOT_PUPIL = regex.compile(r"(?:az\.?|aktenzeichen|kassenzeichen|schulnummer|vorlage|drucksache|"
                           r"kennziffer|tabelle|regionalschl[üu]ssel|iban|tel\.?|telefon)\W{0,3}$",
                           regex.IGNORECASE)
_DELIMS = (";", "\t", "|")
WINDOW = 160


class StudentIdRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("number after a pupil-number label", AFTER_LABEL, 0.9)]  # span: group 1
    CONTEXT = ["schülernummer", "schüler-id", "kind-nr"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="STUDENT_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="StudentIdRecognizer",
                         global_regex_flags=regex.IGNORECASE)
        self._shaped = regex.compile(ID_SHAPED)
        self._after_label = regex.compile(AFTER_LABEL, regex.IGNORECASE)

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if 3 <= len(pattern_text) <= 24 else False

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if not _LABEL_RE.search(text):
            return []  # no label, no pupil number (and no regex work for most texts)
        results = []
        for match in self._after_label.finditer(text):
            if self.validate_result(match.group(1)) is not False:
                results.append(self._result(match.start(1), match.end(1), 0.9))
        seen = {(r.start, r.end) for r in results}
        for start, end in _cells_under_label(text):
            if (start, end) not in seen and self.validate_result(text[start:end]) is not False:
                results.append(self._result(start, end, 0.7))
                seen.add((start, end))
        for match in self._shaped.finditer(text):
            start, end = match.span()
            if (start, end) in seen or _NOT_PUPIL.search(text[max(0, start - 20):start]):
                continue
            if _labelled_nearby(text, start):
                results.append(self._result(start, end, 0.7))
        return results

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            "STUDENT_ID", start, end, score,
            analysis_explanation=AnalysisExplanation(self.name, score, textual_explanation="label"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                  RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True})


def _labelled_nearby(text: str, start: int) -> bool:
    """A pupil-number label earlier on the same line, within WINDOW characters."""
    line = text[max(0, start - WINDOW):start].rsplit("\n", 1)[-1]
    return bool(_LABEL_RE.search(line))


def _cells_under_label(text: str) -> list[tuple[int, int]]:
    """Spans of table cells that hold an ID in a column headed by a pupil-number label.

    A table is a block of lines sharing a delimiter (';', tab, '|'); its first line is the header.
    A cell counts when its whole content (blanks stripped) is ID-like: "4711", "S2021-0815".
    """
    spans: list[tuple[int, int]] = []
    header: list[str] | None = None
    delim = None
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if delim is None or delim not in line:
            delim = next((d for d in _DELIMS if d in line), None)
            header = line.split(delim) if delim else None
            continue
        columns = {i for i, cell in enumerate(header or []) if _LABEL_RE.search(cell)}
        if not columns:
            continue
        offset = line_start
        for i, cell in enumerate(line.split(delim)):
            value = cell.strip()
            if i in columns and value and _ID_RE.fullmatch(value):
                start = offset + cell.index(value)
                spans.append((start, start + len(value)))
            offset += len(cell) + len(delim)
    return spans
