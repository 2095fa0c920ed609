"""EMAIL_ADDRESS: Presidio's e-mail recognizer, with German context words.

Its ``validate_result`` checks the top-level domain with tldextract; ``assistant.egress.install``
sets ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` empty before the import, so tldextract uses the suffix
list bundled with it and never fetches one (checked by tests under the no-egress guard).
A text without an '@' is not searched at all."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

CONTEXT = ["mail", "e-mail", "email", "adresse", "kontakt", "schreiben"]


class GermanEmailRecognizer(EmailRecognizer):
    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if "@" not in text:
            return []  # Presidio's pattern needs one
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


def german_email_recognizer(supported_language: str = "de") -> EmailRecognizer:
    return GermanEmailRecognizer(supported_language=supported_language, context=CONTEXT)
