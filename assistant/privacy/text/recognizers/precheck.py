"""A cheap test over the raw text before a recognizer's patterns run.

Most sentences hold no digit and no '@'; a recognizer whose every pattern needs one skips its
regexes (and Presidio's per-pattern bookkeeping) for them. The pre-check must be implied by every
pattern: it only saves time and never changes a finding.
"""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer, RecognizerResult

DIGIT = regex.compile(r"\d")


class PrecheckedPatternRecognizer(PatternRecognizer):
    #: A match of this is necessary for any pattern of the recognizer to match.
    PRECHECK: regex.Pattern = DIGIT

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self.PRECHECK.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
