"""EMAIL_ADDRESS: Presidio's e-mail recognizer, with German context words.

Its ``validate_result`` checks the top-level domain with tldextract; ``assistant.egress.install``
sets ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` empty before the import, so tldextract uses the suffix
list bundled with it and never fetches one (checked by tests under the no-egress guard)."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer


def german_email_recognizer(supported_language: str = "de") -> EmailRecognizer:
    return EmailRecognizer(supported_language=supported_language,
                           context=["mail", "e-mail", "email", "adresse", "kontakt", "schreiben"])
