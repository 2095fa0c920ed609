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
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            # "eb1_mail=anna@x.de", "mail:anna@x.de": the key is no part of the address (RFC 5322
            # allows "=" in a local part, no mailbox in these texts uses it)
            local = text[result.start:result.end].split("@", 1)[0]
            cut = max(local.rfind("="), local.rfind(":"))
            if cut >= 0:
                result.start += cut + 1
        return [r for r in results if r.end - r.start > 3]


def german_email_recognizer(supported_language: str = "de") -> EmailRecognizer:
    return GermanEmailRecognizer(supported_language=supported_language, context=CONTEXT)
