"""Presidio analyzer for German, built once per process and shared by all sessions.

Only the placeholder mapping is per session (in :class:`~assistant.privacy.gate.PrivacyGate`); the
engine holds no user data. Building it takes well under a second (blank spaCy pipeline in memory,
name lists ~0.4 s) and needs no file outside the package and no network.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

LANGUAGE = "de"
#: Presidio logs the words around each finding at DEBUG level (original text!): silenced for good.
SILENCED_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "presidio_analyzer",
                    "presidio_anonymizer")
_lock = threading.Lock()
_cache: dict[str, object] = {}


def silence_presidio_logs() -> None:
    import logging

    for name in SILENCED_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.disabled = True


def _fast_enhancer(prefix: int, suffix: int):  # noqa: ANN202 - LemmaContextAwareEnhancer
    """Presidio's context enhancer with an O(log n) token look-up.

    Presidio finds the token of each finding by walking the whole document, which made a 200 kB
    text take 25 s (profiled); the token end offsets are computed once per document here.
    """
    import bisect

    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from presidio_analyzer import RecognizerResult

    enhanced_key = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
    id_key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY

    class FastLemmaContextAwareEnhancer(LemmaContextAwareEnhancer):
        _ends_for: tuple[object, list[int]] = (None, [])

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers,  # noqa: ANN001, ANN202
                                  context=None):
            """Hand Presidio only the findings it may change; the others pass through untouched.

            Presidio deep-copies every finding first (a tenth of the gate's time, profiled) and
            needs the spaCy tokens for each; findings already scored by their recognizer, or from a
            recognizer without context words, are never changed by it.
            """
            with_context = {r.id for r in recognizers if r.context}
            open_ = [r for r in raw_results
                     if r.recognition_metadata
                     and r.recognition_metadata.get(id_key) in with_context
                     and not r.recognition_metadata.get(enhanced_key)]
            if not open_ and not context:
                return list(raw_results)
            if context:
                return super().enhance_using_context(text, raw_results, nlp_artifacts,
                                                     recognizers, context)
            done = {id(r) for r in open_}
            enhanced = iter(super().enhance_using_context(text, open_, nlp_artifacts,
                                                          recognizers, context))
            return [next(enhanced) if id(r) in done else r for r in raw_results]

        def _find_index_of_match_token(self, word, start, tokens, tokens_indices):  # noqa: ANN001, ANN202
            if self._ends_for[0] is not tokens:
                self._ends_for = (tokens, [t.idx + len(t) for t in tokens])
            ends = self._ends_for[1]
            i = bisect.bisect_right(ends, start)
            if i >= len(ends):
                raise ValueError("finding outside the token list")
            return i

    return FastLemmaContextAwareEnhancer(context_prefix_count=prefix, context_suffix_count=suffix)


def build_analyzer(ner: bool = True) -> "AnalyzerEngine":
    """The analyzer; ``ner`` adds the statistical person recognizer (its model must load)."""
    from assistant import egress

    egress.install()  # tldextract reads its suffix-list URL setting at import: set it first
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from assistant.privacy.names import load_lexicon
    from assistant.privacy.nlp import BlankSpacyNlpEngine
    from assistant.privacy.ner_model import load_model
    from assistant.privacy.recognizers import german_recognizers

    person_model = load_model() if ner else None  # raises PrivacyError if missing or broken
    nlp_engine = BlankSpacyNlpEngine(LANGUAGE)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in german_recognizers(load_lexicon(), LANGUAGE, person_model):
        registry.add_recognizer(recognizer)
    enhancer = _fast_enhancer(prefix=5, suffix=2)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE],
                          context_aware_enhancer=enhancer)


def get_analyzer(ner: bool = True) -> "AnalyzerEngine":
    silence_presidio_logs()  # also after a host application reconfigured logging
    key = "analyzer+ner" if ner else "analyzer"
    with _lock:
        if key not in _cache:
            _cache[key] = build_analyzer(ner)
        return _cache[key]  # type: ignore[return-value]
