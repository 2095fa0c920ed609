"""EMAIL_ADDRESS: Presidio's e-mail recognizer, with German context words.

Presidio's ``validate_result`` accepts only top-level domains on the public suffix list. An
address in a municipality's own network ("…@schulamt.intern", "…@rathaus.local") or a reserved
one ("….example") is just as personal, so any alphabetic top-level domain is accepted here
(the gate fails closed). tldextract stays offline: ``assistant.egress.install`` sets
``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` empty before the import (checked by tests under the
no-egress guard).
A text without an '@' is not searched at all."""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

CONTEXT = ["mail", "e-mail", "email", "adresse", "kontakt", "schreiben"]
#: Written against spam harvesters: "jonas (at) brandt-familie.de", "info[at]kita-sonne.de",
#: "l.kraus {at} web (dot) de".
_AT = r"[ ]?(?:\(at\)|\[at\]|\{at\}|\(ät\)|\[ät\])[ ]?"
_DOT = r"(?:\.|[ ]?(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\])[ ]?)"
OBFUSCATED = regex.compile(rf"(?<![\w.-])[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}})*{_DOT}[A-Za-z]{{2,12}}(?![\w])",
                           regex.IGNORECASE)
_AT_WORD = regex.compile(r"[(\[{](?:at|ät)[)\]}]", regex.IGNORECASE)
#: A PDF export run together glues the label before an address and the next field after it:
#: "E-Mailak.roth@web.deTelefon…", "Mailbuero@kita-nord.deBemerkung…": the address ends before
#: the capitalised field; a label glued in front is no part of it.
_GLUED = regex.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-z]{2,6}(?=\p{Lu}\p{Ll})")
_GLUED_LABEL = regex.compile(r"(?<![\p{Lu}\d_.+-])(?:E-Mail|EMail|Email|Mail)(?=[a-z0-9])")
GLUED_SCORE = 0.8
OBFUSCATED_SCORE = 0.8


_NEXT_FIELD = regex.compile(r"\p{Lu}\p{Ll}")


def _past_glued_label(text: str, start: int, end: int) -> int:
    """Where an address glued to the next field starts, past a label glued in front of it."""
    if _NEXT_FIELD.match(text, end) is None:
        return start
    labels = list(_GLUED_LABEL.finditer(text, start, text.find("@", start, end)))
    return labels[-1].end() if labels else start


_TOP_LEVEL = regex.compile(r"\.(?:[a-z]{2,24}|[A-Z]{2,24})$")  # mixed case: a field glued on


class GermanEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        """Any top-level domain of letters in one case: intranet and reserved domains are addresses too
        (a mixed-case one is a field glued on in a PDF export, handled by _glued)."""
        return bool(_TOP_LEVEL.search(pattern_text))

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = self._obfuscated(text) if _AT_WORD.search(text) else []
        if "@" not in text:
            return results  # Presidio's pattern needs one
        results += super().analyze(text, entities, nlp_artifacts, regex_flags)
        results += self._glued(text, results)
        for result in results:
            # "eb1_mail=anna@x.de", "mail:anna@x.de": the key is no part of the address, nor is the
            # cell before it in a "|" table ("Rosa Kühn|rosa.k@web.de"); RFC 5322 allows "=" and "|"
            # in a local part, no mailbox in these texts uses them
            local = text[result.start:result.end].split("@", 1)[0]
            cut = max(local.rfind("="), local.rfind(":"), local.rfind("|"))
            if cut >= 0:
                result.start += cut + 1
            result.start = _past_glued_label(text, result.start, result.end)
        return [r for r in results if r.end - r.start > 3]

    def _glued(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """Addresses glued to the next field, where no finding covers them."""
        name: str = self.name  # type: ignore[has-type]
        out = []
        for m in _GLUED.finditer(text):
            start, end = _past_glued_label(text, m.start(), m.end()), m.end()
            if any(r.start < end and start < r.end for r in found) or not self.validate_result(text[start:end]):
                continue
            out.append(RecognizerResult(
                "EMAIL_ADDRESS", start, end, GLUED_SCORE,
                analysis_explanation=AnalysisExplanation(name, GLUED_SCORE, textual_explanation="glued to a field"),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out

    def _obfuscated(self, text: str) -> list[RecognizerResult]:
        name: str = self.name  # type: ignore[has-type]
        return [RecognizerResult(
            "EMAIL_ADDRESS", m.start(), m.end(), OBFUSCATED_SCORE,
            analysis_explanation=AnalysisExplanation(name, OBFUSCATED_SCORE,
                                                     textual_explanation="(at) instead of @"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
            for m in OBFUSCATED.finditer(text)]


def german_email_recognizer(supported_language: str = "de") -> EmailRecognizer:
    return GermanEmailRecognizer(supported_language=supported_language, context=CONTEXT)
