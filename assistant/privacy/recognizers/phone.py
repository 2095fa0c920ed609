"""PHONE_NUMBER: German landline and mobile numbers, +49/0049 and other international formats.

Dots are no separators here, so dates like 03.05.2011 are never phone numbers (Presidio's generic
phone recognizer tags them at default leniency). Codes that look like numbers (Regionalschlüssel,
table codes like 21111-02-06-4) are excluded: national numbers start with a 0 and an area code of
2-5 digits, and a preceding "Regionalschlüssel"/"AGS"/"Tabelle" invalidates a match."""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern, RecognizerResult

from assistant.privacy.recognizers.precheck import PrecheckedPatternRecognizer

_SEP = r"[ \t\-/]"
INTERNATIONAL = rf"(?<![\w+])(?:\+|00)[1-9]\d{{0,2}}{_SEP}?(?:\(0\){_SEP}?)?\d{{1,5}}(?:{_SEP}?\d{{2,8}}){{1,4}}(?![\w])"
NATIONAL = rf"(?<![\w+/.,-])(?:\(0[1-9]\d{{1,4}}\)|0[1-9]\d{{1,4}}){_SEP}{{1,3}}\d{{2,8}}(?:[ \-]\d{{1,8}}|[ ]-[ ]\d{{1,5}}){{0,3}}(?![\w/.,]\d)"
COMPACT = r"(?<![\w+/.,-])0[1-9]\d{6,12}(?![\w/.,]?\d)"
_NOT_PHONE_BEFORE = regex.compile(
    r"(?:regionalschl[üu]ssel|gemeindeschl[üu]ssel|\bags\b|kennziffer|tabelle|code|plz|"
    r"postleitzahl|iban|konto|blz|steuer|aktenzeichen|az\.?)\W{0,3}$",
    regex.IGNORECASE)


class GermanPhoneRecognizer(PrecheckedPatternRecognizer):
    PRECHECK = regex.compile(r"\d\d")
    PATTERNS = [
        Pattern("international (+49, 0049, +90 ...)", INTERNATIONAL, 0.6),
        Pattern("national with separators (0201 123456, 0151/1234567)", NATIONAL, 0.5),
        Pattern("national without separators (needs context)", COMPACT, 0.3),
    ]
    CONTEXT = ["telefon", "tel", "handy", "mobil", "fax", "anrufen", "erreichen", "rückruf",
               "nummer", "phone", "kontakt", "whatsapp"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="PHONE_NUMBER", patterns=self.PATTERNS,
                         context=self.CONTEXT, supported_language=supported_language,
                         name="GermanPhoneRecognizer", global_regex_flags=regex.MULTILINE)

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = sum(ch.isdigit() for ch in pattern_text)
        if pattern_text.startswith(("+", "00")):
            # Country code + national number have 8 digits at least ("+354 4211234"); shorter
            # 00-numbers are codes and pupil numbers ("00912345").
            prefix = 2 if pattern_text.startswith("00") else 0
            return None if 8 <= digits - prefix <= 15 else False
        return None if 6 <= digits <= 15 else False

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results
                if not _NOT_PHONE_BEFORE.search(text[max(0, r.start - 30):r.start])]
