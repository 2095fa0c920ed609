"""Presidio analyzer and anonymizer for German, built once per process and shared by all sessions.

Only the placeholder mapping is per session (in :class:`~assistant.privacy.gate.PrivacyGate`); the
engine holds no user data. Building it takes well under a second (blank spaCy pipeline in memory,
name lists ~0.4 s) and needs no file outside the package and no network.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine
    from presidio_anonymizer import AnonymizerEngine

LANGUAGE = "de"
_lock = threading.Lock()
_cache: dict[str, object] = {}


def build_analyzer() -> "AnalyzerEngine":
    from assistant import egress

    egress.install()  # tldextract reads its suffix-list URL setting at import: set it first
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from assistant.privacy.names import load_lexicon
    from assistant.privacy.nlp import BlankSpacyNlpEngine
    from assistant.privacy.recognizers import german_recognizers

    nlp_engine = BlankSpacyNlpEngine(LANGUAGE)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in german_recognizers(load_lexicon(), LANGUAGE):
        registry.add_recognizer(recognizer)
    enhancer = LemmaContextAwareEnhancer(context_prefix_count=5, context_suffix_count=2)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE],
                          context_aware_enhancer=enhancer)


def get_analyzer() -> "AnalyzerEngine":
    with _lock:
        if "analyzer" not in _cache:
            _cache["analyzer"] = build_analyzer()
        return _cache["analyzer"]  # type: ignore[return-value]


def get_anonymizer() -> "AnonymizerEngine":
    with _lock:
        if "anonymizer" not in _cache:
            from presidio_anonymizer import AnonymizerEngine

            _cache["anonymizer"] = AnonymizerEngine()
        return _cache["anonymizer"]  # type: ignore[return-value]
