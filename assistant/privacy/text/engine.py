"""Presidio analyzer for German, built once per process and shared by all sessions.

Only the placeholder mapping is per session (in :class:`~assistant.privacy.text.gate.PrivacyGate`); the
engine holds no user data. Building it takes well under a second (blank spaCy pipeline in memory,
name lists ~0.4 s) and needs no file outside the package and no network.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

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


def build_analyzer(ner: bool = True, model_dir: "Path | None" = None) -> "AnalyzerEngine":
    """The analyzer; ``ner`` adds the statistical person recognizer (its model must load), from
    ``model_dir`` if given (cross-validation), else the shipped one."""
    from assistant import egress

    egress.install()  # tldextract reads its suffix-list URL setting at import: set it first
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from assistant.privacy.text.context import FastLemmaContextAwareEnhancer
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine
    from assistant.privacy.text.ner_model import load_model
    from assistant.privacy.text.recognizers import german_recognizers

    # raises PrivacyError if the model is missing or broken
    person_model = (load_model() if model_dir is None else load_model(model_dir)) if ner else None
    nlp_engine = BlankSpacyNlpEngine(LANGUAGE)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in german_recognizers(load_lexicon(), LANGUAGE, person_model):
        registry.add_recognizer(recognizer)
    enhancer = FastLemmaContextAwareEnhancer(nlp_engine.lemma_table, prefix=5, suffix=2)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE],
                          context_aware_enhancer=enhancer)


def get_analyzer(ner: bool = True) -> "AnalyzerEngine":
    silence_presidio_logs()  # also after a host application reconfigured logging
    key = "analyzer+ner" if ner else "analyzer"
    with _lock:
        if key not in _cache:
            _cache[key] = build_analyzer(ner)
        return _cache[key]  # type: ignore[return-value]
