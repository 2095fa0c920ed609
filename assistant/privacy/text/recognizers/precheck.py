"""A cheap test over the raw text before a recognizer's patterns run.

Most sentences hold no digit and no '@'; a recognizer whose every pattern needs one skips its
regexes (and Presidio's per-pattern bookkeeping) for them. The pre-check must be implied by every
pattern: it only saves time and never changes a finding.

When the patterns do run, :func:`analyze_patterns` runs them as Presidio's ``PatternRecognizer``
does, but without a time limit per pattern: the ``regex`` module's timeout check made the phone
patterns several times slower (measured), and a pattern that hit the limit would have been skipped
silently, a missed finding; the gate cuts long texts into windows instead.
"""

from __future__ import annotations

from typing import Any

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, PatternRecognizer, RecognizerResult

DIGIT = regex.compile(r"\d")


def analyze_patterns(recognizer: PatternRecognizer, text: str,
                     flags: int | None = None) -> list[RecognizerResult]:
    """``recognizer``'s patterns on ``text``: the findings of Presidio's
    ``PatternRecognizer.analyze`` (same scores, validation, explanations, duplicate removal),
    without its per-pattern timeout and timing log."""
    flags = flags if flags else recognizer.global_regex_flags
    name: str = recognizer.name  # type: ignore[has-type]  # presidio assigns it untyped
    patterns: list[Any] = recognizer.patterns  # type: ignore[has-type]
    entity = recognizer.supported_entities[0]
    validate, invalidate = recognizer.validate_result, recognizer.invalidate_result
    explain = recognizer.build_regex_explanation
    min_score, max_score = EntityRecognizer.MIN_SCORE, EntityRecognizer.MAX_SCORE
    results: list[RecognizerResult] = []
    for pattern in patterns:
        if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        for match in pattern.compiled_regex.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            current = text[start:end]
            validation = validate(current)
            explanation = explain(  # Presidio passes None too
                name, pattern.name, pattern.regex, pattern.score, validation, flags)  # type: ignore[arg-type]
            result = RecognizerResult(
                entity_type=entity, start=start, end=end,
                score=pattern.score, analysis_explanation=explanation,
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})
            if validation is not None:
                result.score = max_score if validation else min_score
            if invalidate(current):
                result.score = min_score
            if result.score > min_score:
                results.append(result)
            explanation.score = result.score
    # Presidio's duplicate removal keeps a single finding of a score above the minimum as it is.
    return results if len(results) < 2 else EntityRecognizer.remove_duplicates(results)


class PrecheckedPatternRecognizer(PatternRecognizer):
    #: A match of this is necessary for any pattern of the recognizer to match.
    PRECHECK: regex.Pattern = DIGIT

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if self.PRECHECK.search(text) is None or not self.patterns:  # type: ignore[has-type]
            return []
        return analyze_patterns(self, text, regex_flags)


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
