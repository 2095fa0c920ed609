"""IBAN_CODE: IBANs with the length of their country; a valid mod-97 checksum gives score 1.0,
a wrong one (a typo in a real account number) still 0.6, so the digits never pass as plain text."""

from __future__ import annotations

import re

import regex
from presidio_analyzer import (AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer,
                               RecognizerResult)

#: IBAN length per country (the countries Lotse's users and their families bank in, and SEPA).
LENGTHS = {"DE": 22, "AT": 20, "CH": 21, "LI": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27,
           "IT": 27, "ES": 24, "PT": 25, "PL": 28, "CZ": 24, "SK": 24, "HU": 28, "RO": 24,
           "BG": 22, "HR": 21, "SI": 19, "GR": 27, "TR": 26, "GB": 22, "IE": 22, "DK": 18,
           "SE": 24, "NO": 15, "FI": 18, "EE": 20, "LV": 21, "LT": 20, "UA": 29, "RS": 22,
           "BA": 20, "AL": 28, "XK": 20, "MK": 19, "SY": 0, "LB": 28, "JO": 30, "IQ": 23,
           "MT": 31, "CY": 28, "IS": 26, "MC": 27, "SM": 27, "AD": 24}
WRONG_CHECKSUM_SCORE = 0.6
CANDIDATE = regex.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30})")
#: Grouped with hyphens ("DE89-3704-0044-0532-0130-00"): taken only with a valid checksum.
HYPHENATED = regex.compile(r"(?<![A-Za-z0-9-])[A-Za-z]{2}\d{2}(?:-[A-Za-z0-9]{2,4}){3,8}(?![\w-])")
#: Grouped as pastes and forms do: two blanks, dots, a blank after the country ("DE12  5001  0517
#: …", "DE12.5001.0517.…", "DE 12 5001 …"): taken only with a valid checksum.
LOOSE = re.compile(r"(?<![A-Za-z0-9.-])[A-Za-z]{2}[ ]?\d{2}(?:(?:[ ]{1,2}|[.-])?[A-Za-z0-9]){10,34}")
#: What each of the three patterns needs: a letter, maybe a blank, two digits ("DE89", "DE 89").
#: A text without it (most sentences) skips their scans.
HINT = re.compile(r"[A-Za-z][ ]?\d\d")


def iban_checksum_ok(iban: str) -> bool:
    iban = iban.replace(" ", "").upper()
    if len(iban) < 15 or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


class GermanIbanRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("IBAN (grouped or compact)", CANDIDATE.pattern, 0.5)]
    CONTEXT = ["iban", "konto", "bank", "überweisung", "lastschrift", "sepa"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="IBAN_CODE", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="GermanIbanRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        return iban_checksum_ok(pattern_text)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """Cut each candidate to its country's length before the checksum ("... 00 BIC ...")."""
        if HINT.search(text) is None:
            return []
        results: list[RecognizerResult] = []
        taken = 0  # a candidate runs on over "und NL91..."; the next IBAN starts inside it
        for match in CANDIDATE.finditer(text, overlapped=True):
            if match.start() < taken:
                continue
            country = match.group(1)[:2].upper()
            length = LENGTHS.get(country)
            if not length:
                continue
            end, seen = match.start(), 0
            for pos in range(match.start(), match.end()):
                if text[pos] != " ":
                    seen += 1
                    if seen == length:
                        end = pos + 1
                        break
            if seen != length or (end < len(text) and text[end].isalnum()):
                continue
            # A mistyped IBAN is still an account number: masked, with a lower score.
            valid = self.validate_result(text[match.start():end])
            results.append(self._result(match.start(), end, valid))
            taken = end
        if "-" in text:
            for match in HYPHENATED.finditer(text):
                iban = match.group().replace("-", "")
                if LENGTHS.get(iban[:2].upper()) == len(iban) and self.validate_result(iban):
                    results.append(self._result(match.start(), match.end(), True))
        for match in LOOSE.finditer(text):
            if any(r.start <= match.start() < r.end for r in results):
                continue
            end = _alnum_end(text, match.start(), match.end(), LENGTHS.get(match.group()[:2].upper(), 0))
            if end and not (end < len(text) and text[end].isalnum()) \
                    and self.validate_result("".join(ch for ch in text[match.start():end] if ch.isalnum())):
                results.append(self._result(match.start(), end, True))
        return results

    def _result(self, start: int, end: int, valid: bool) -> RecognizerResult:
        score = EntityRecognizer.MAX_SCORE if valid else WRONG_CHECKSUM_SCORE
        return RecognizerResult(
            "IBAN_CODE", start, end, score,
            analysis_explanation=AnalysisExplanation(
                self.name, score, textual_explanation="mod-97 checksum " + ("ok" if valid else "wrong")),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def _alnum_end(text: str, start: int, end: int, length: int) -> int:
    """Where the ``length``-th letter or digit from ``start`` ends (0 if there are fewer)."""
    seen = 0
    for pos in range(start, end):
        if text[pos].isalnum():
            seen += 1
            if seen == length:
                return pos + 1
    return 0
