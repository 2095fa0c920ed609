"""A cheap test over the raw text before a recognizer's patterns run.

Most sentences hold no digit and no '@'; a recognizer whose every pattern needs one skips its
regexes (and Presidio's per-pattern bookkeeping) for them. The pre-check must be implied by every
pattern: it only saves time and never changes a finding.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, PatternRecognizer, RecognizerResult

DIGIT = regex.compile(r"\d")


class PrecheckedPatternRecognizer(PatternRecognizer):
    #: A match of this is necessary for any pattern of the recognizer to match.
    PRECHECK: regex.Pattern = DIGIT

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self.PRECHECK.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


def rule_result(recognizer: EntityRecognizer, kind: str, start: int, end: int, score: float,
                why: str) -> RecognizerResult:
    """A finding of one of our rule recognizers, explained and marked as context-scored."""
    name: str = recognizer.name  # type: ignore[has-type]  # presidio assigns it untyped
    return RecognizerResult(
        entity_type=kind, start=start, end=end, score=score,
        analysis_explanation=AnalysisExplanation(name, score, textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
                              RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True})


class PrecheckedRuleRecognizer(EntityRecognizer):
    """A rule recognizer without a model: skipped when ``PRECHECK`` finds nothing, else ``find``."""

    ENTITIES: list[str] = ["PERSON"]
    #: A match of this is necessary for any finding of the recognizer.
    PRECHECK: regex.Pattern = DIGIT

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name=type(self).__name__)

    def load(self) -> None:  # rules only
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        if self.PRECHECK.search(text) is None:
            return []
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        raise NotImplementedError
