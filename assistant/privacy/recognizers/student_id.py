"""STUDENT_ID: pupil and Kita-child numbers, only the number, only when labelled as such.

"Schülernummer 2023-04711", "Schüler-ID: SID-204471", "Kita-Kind-Nr.: KK-2023-0415", a table
column headed "Schüler-Nr." or "Kita-Kind-Nr.", or ID-shaped numbers shortly after a plural label
("die Spalte mit den Schüler-IDs ... 2019-01123 und 2019-01130"). Schulnummern, Aktenzeichen and
Kassenzeichen are no pupil numbers."""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

LABEL = (r"(?:sch[üu]e?ler(?:[:*_/]?innen|[:*_/]?in)?[\s-]*(?:nummer|nr\.?|ids?|ident(?:ifikations)?(?:nummer|-nr\.?)?|"
         r"kennung|kennziffer|ausweis(?:nummer|-nr\.?|nr\.?)?|akte(?:\s*nr\.?)?)|sch[üu]e?lernr\.?|"
         r"sus[\s-]*(?:nr\.?|id)|sch[üu]e?ler-?ids?|(?:kita-?)?kind(?:er)?-?(?:nr\.?|nummer|id)|"
         r"asv-?(?:id|nr\.?)|lusd-?(?:id|nr\.?)|schild-?(?:id|nr\.?))")
ID = r"(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?"
#: "Schülernummer: X", "Schüler-Nr. lautet X", "schülernr ist X", "Schülernummer (neu): X"
AFTER_LABEL = (rf"\b{LABEL}\s*(?:\((?:neu|alt|bisher)\)\s*)?(?:[:#=]|nummer)?"
               rf"\s*(?:(?:lautet|lautete|ist|war)\s+)?({ID})")
#: Numbers that look like pupil numbers: 2019-01123, KK-2023-0415, SN-88231, 4711-2023-B, 00912345.
ID_SHAPED = (r"(?<![\w/.-])(?:[A-Z]{1,4}-?\d{2,}(?:[-/]\d+)*(?:-[A-Z])?|\d{2,4}[-/]\d{3,6}(?:-[A-Z])?|"
             r"\d{4}-\d{4}-[A-Z]|0\d{7})(?![\w/-])")
_LABEL_RE = regex.compile(LABEL, regex.IGNORECASE)
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
        for match in self._shaped.finditer(text):
            start, end = match.span()
            if (start, end) in seen or _NOT_PUPIL.search(text[max(0, start - 20):start]):
                continue
            if _labelled_nearby(text, start) or _under_label_header(text, start):
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
    before = text[max(0, start - WINDOW):start]
    paragraph = before.rsplit("\n\n", 1)[-1]
    return bool(_LABEL_RE.search(paragraph)) and "\n" not in paragraph.strip("\n")


def _under_label_header(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    delim = next((d for d in _DELIMS if d in line), None)
    if delim is None:
        return False
    column = text[line_start:start].count(delim)
    pos, header = line_start, None
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        if delim not in prev:
            break
        header, pos = prev, prev_start
    if header is None:
        return False
    cells = header.split(delim)
    return column < len(cells) and bool(_LABEL_RE.search(cells[column]))
