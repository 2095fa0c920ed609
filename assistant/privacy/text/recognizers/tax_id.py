"""DE_TAX_ID: the 11-digit Steuer-Identifikationsnummer (IdNr).

Valid when the first digit is not 0, among the first ten digits exactly one digit occurs twice or
three times (three times never all in a row) and the rest at most once, and the 11th digit is the
ISO 7064 MOD 11,10 check digit. Grouped forms ("12 345 678 903") count too."""

from __future__ import annotations

import re
from collections import Counter

import regex
from presidio_analyzer import Pattern, RecognizerResult

from assistant.privacy.text.recognizers.dates import ocr_digits
from assistant.privacy.text.recognizers.precheck import DIGIT, PrecheckedPatternRecognizer, rule_result

#: Compact or grouped with blanks; never with slashes: "305/5921/4471" is a Steuernummer (of a
#: business or club), not the personal IdNr. A comma before it is a CSV cell boundary
#: ("480.00,20463910759"): no decimal has eleven places.
PATTERN = r"(?<![\d./+-])[1-9](?:[ ]?\d){10}(?![\d/]|[.,]\d|[ ]\d)"
#: After its label the number may be grouped otherwise, as forms and pastes do: "IdNr.
#: 86.095.742.719", "Steuer-ID: 860-957-427-19", "86  095  742  719", "86 O95 742 719" (a scan's O);
#: taken only with a valid check digit.
_LABEL = (r"(?i:\b(?:steuer[-\s]?(?:id(?:entifikations)?(?:nummer|nr\.?|-nr\.?)?|idnr\.?)|"
          r"steuerliche[ ]identifikations(?:nummer|nr\.?)|identifikationsnummer|idnr\.?|tin|tax[ ]id))")
_LABELLED = regex.compile(rf"{_LABEL}[^\d\n]{{0,25}}?(?<![\d./+-])([1-9](?:(?:[ ]{{1,2}}|[.-])?\d){{10}})"
                          r"(?![\d/]|[.,-]\d|[ ]\d)")


#: Every label holds one of these (lower-cased): the cheap test before ``_LABELLED``.
_LABEL_WORD = re.compile(r"steuer|idnr|identifikation|tin|tax")


def check_digit(digits: str) -> int:
    product = 10
    for ch in digits[:10]:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


#: A sample number in a form or a manual ("z. B. 12345678901", "00000000000", "98765432109"): six
#: digits or more running up or down, or one digit six times; no one's IdNr, however close it stands
#: to "Steuer-ID".
_RUN = 6


def placeholder(digits: str) -> bool:
    steps = [(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:])]
    longest = run = 1
    for prev, step in zip([None, *steps], steps):
        run = run + 1 if step == prev and step in (0, 1, 9) else 2
        longest = max(longest, run)
    return longest >= _RUN


def tax_id_valid(text: str) -> bool:
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 11 or digits[0] == "0":
        return False
    counts = Counter(digits[:10])
    repeated = [d for d, n in counts.items() if n > 1]
    if len(repeated) != 1 or counts[repeated[0]] > 3:
        return False
    if counts[repeated[0]] == 3 and repeated[0] * 3 in digits[:10]:
        return False
    return check_digit(digits) == int(digits[10])


class GermanTaxIdRecognizer(PrecheckedPatternRecognizer):
    PATTERNS = [Pattern("11 digits, optionally grouped", PATTERN, 0.3)]
    CONTEXT = ["steuer", "identifikationsnummer", "idnr", "tin", "finanzamt"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="DE_TAX_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="GermanTaxIdRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        """A valid IdNr is certain. An invalid one (a typo) stays a weak candidate: it is masked
        only when context words ("Steuer-ID", "Finanzamt") lift it over the threshold, because a
        mistyped tax number is still personal data."""
        if tax_id_valid(pattern_text):
            return True
        return False if placeholder("".join(ch for ch in pattern_text if ch.isdigit())) else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if DIGIT.search(text) is None:
            return []
        text = ocr_digits(text)  # "86 O95 742 719" from a scan; same offsets
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if _LABEL_WORD.search(text.lower()) is None:
            return results
        for match in _LABELLED.finditer(text):
            start, end = match.span(1)
            if tax_id_valid(match.group(1)) and not any(r.start <= start and end <= r.end for r in results):
                results.append(rule_result(self, "DE_TAX_ID", start, end, 1.0, "IdNr after its label"))
        return results
