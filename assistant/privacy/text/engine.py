"""The German analyzer, built once per process and shared by all sessions.

Only the placeholder mapping is per session (in :class:`~assistant.privacy.text.gate.PrivacyGate`); the
engine holds no user data. Building it takes well under a second (blank spaCy pipeline in memory,
name lists ~0.4 s) and needs no file outside the package and no network.

:class:`GermanAnalyzer` runs Presidio's recognizers, context enhancer and duplicate removal in the
order Presidio's ``AnalyzerEngine.analyze`` does, without the engine's per-call bookkeeping (it
looked the recognizers and their entities up in the registry twice per call and regrouped every
finding once per recognizer: a fifth of the gate's time for a short sentence, profiled).
``build_analyzer(reference=True)`` still builds Presidio's own engine on the same recognizers;
the tests hold the two to the same findings.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Callable

    from presidio_analyzer import EntityRecognizer, RecognizerResult
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from presidio_analyzer.nlp_engine import NlpEngine

LANGUAGE = "de"
#: Presidio logs the words around each finding at DEBUG level (original text!): silenced for good.
SILENCED_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "presidio_analyzer",
                    "presidio_anonymizer")
_lock = threading.Lock()
#: Made-up texts that take every recognizer and the context step through its code once (see
#: :meth:`GermanAnalyzer.warm_up`): a letter, a note, a table, key=value data, another script.
WARM_UP_TEXTS = (
    "Sehr geehrte Frau Dr. Probe-Muster,\nder Schüler Max Beispiel (geb. 01.02.2013, Schülernummer "
    "2020-0001) wohnt in der Musterstraße 1, 12345 Musterstadt. Tel. 030 1234567, Mail "
    "max.beispiel@example.org, IBAN DE02 1203 0000 0000 2020 51, Steuer-ID 86 095 742 719.\n"
    "Mit freundlichen Grüßen\nE. Beispiel",
    "notiz: hr. muster ruft an wg. lea m., rückruf bis mo. → fr. probe vertritt.",
    "Name;Vorname;Geburtsdatum;Klasse\nBeispiel;Max;01.02.2013;5a\n| 1 | Ma | Probe |",
    '{"snr": "4711", "name": "Probe"} sid=4712 Иван Пример 李明',
)
_cache: dict[str, object] = {}
#: Presidio's ``RecognizerResult.RECOGNIZER_IDENTIFIER_KEY`` and ``RECOGNIZER_NAME_KEY`` (the
#: tests hold them equal; written out so that this module imports Presidio only when it builds).
_ID_KEY, _NAME_KEY = "recognizer_identifier", "recognizer_name"


def silence_presidio_logs() -> None:
    import logging

    for name in SILENCED_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.disabled = True


class GermanAnalyzer:
    """``AnalyzerEngine.analyze(text, language, score_threshold=...)`` for a fixed recognizer list.

    Same steps, same order, same results: every recognizer on the text, the recognizer's own
    context step where a recognizer has one, the lemma context enhancer, the score threshold,
    Presidio's duplicate removal, explanations dropped.
    """

    def __init__(self, recognizers: "list[EntityRecognizer]", nlp_engine: "NlpEngine",
                 enhancer: "ContextAwareEnhancer", language: str = LANGUAGE) -> None:
        from presidio_analyzer import EntityRecognizer

        self.language = language
        self.recognizers = [r for r in recognizers if r.supported_language == language]
        for recognizer in self.recognizers:
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
        self.nlp_engine = nlp_engine
        if not nlp_engine.is_loaded():
            nlp_engine.load()
        self.context_aware_enhancer = enhancer
        self._entities = sorted({e for r in self.recognizers for e in r.supported_entities})
        #: Recognizers with a context step of their own (Presidio's default returns the findings).
        self._own_context = {r.id for r in self.recognizers
                             if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context}
        #: Per recognizer (recognizer, its id, its name): read once, not per text.
        self._named = [(r, r.id, r.name) for r in self.recognizers]  # type: ignore[has-type]
        self._remove_duplicates = EntityRecognizer.remove_duplicates

    def analyze(self, text: str, language: str, score_threshold: float) -> "list[RecognizerResult]":
        if language != self.language:
            raise ValueError(f"analyzer for {self.language!r}, not {language!r}")
        from assistant.privacy.text.recognizers.precheck import forget_text

        id_key, name_key = _ID_KEY, _NAME_KEY
        nlp_artifacts = self.nlp_engine.process_text(text, language)
        entities = self._entities
        found: list[RecognizerResult] = []
        grouped = True  # every finding carries the id of the recognizer that returned it
        for recognizer, own_id, own_name in self._named:
            results = recognizer.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts)
            if not results:
                continue
            for result in results:
                meta = result.recognition_metadata
                if not meta:
                    meta = result.recognition_metadata = {}
                if meta.setdefault(id_key, own_id) != own_id:
                    grouped = False
                if name_key not in meta:
                    meta[name_key] = own_name
            found.extend(results)
        if not grouped or self._own_context:
            found = self._by_recognizer(text, found, nlp_artifacts)
        found = self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=found, nlp_artifacts=nlp_artifacts, recognizers=self.recognizers)
        found = [r for r in found if r.score >= score_threshold]
        if len(found) > 1:
            found = self._remove_duplicates(found)
        elif found and found[0].score == 0:  # what remove_duplicates does with one finding
            found = []
        for result in found:
            result.analysis_explanation = None  # type: ignore[assignment]  # as Presidio does
        forget_text()
        return found

    def warm_up(self) -> None:
        """Run every recognizer once on :data:`WARM_UP_TEXTS`, so that the first text of a user
        does not pay for what is built at first use (pattern compiles, the e-mail recognizer's
        suffix list, the context step's word patterns, the spaCy tokenizer's caches), which made the
        first text of a process 30-40 times slower than a later one (measured). Nothing
        of a session is touched: the analyzer keeps no findings, only caches of word lookups."""
        for text in WARM_UP_TEXTS:
            self.analyze(text, self.language, 0.0)

    def _by_recognizer(self, text: str, found: "list[RecognizerResult]", nlp_artifacts: Any,
                       ) -> "list[RecognizerResult]":
        """Findings grouped by recognizer in recognizer order, each group through its
        recognizer's context step, as Presidio does (a finding whose recognizer is not in the
        list is dropped there, so here too)."""
        from presidio_analyzer import RecognizerResult

        id_key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        groups: dict[str, list[RecognizerResult]] = {r.id: [] for r in self.recognizers}
        for result in found:
            group = groups.get(result.recognition_metadata[id_key])
            if group is not None:
                group.append(result)
        out: list[RecognizerResult] = []
        for recognizer in self.recognizers:
            group = groups[recognizer.id]
            if recognizer.id in self._own_context:
                group = recognizer.enhance_using_context(
                    text=text, raw_recognizer_results=group,
                    other_raw_recognizer_results=[r for r in found if r.recognition_metadata[id_key]
                                                  != recognizer.id],
                    nlp_artifacts=nlp_artifacts, context=None)
            out.extend(group)
        return out


def build_analyzer(ner: bool = True, model_dir: "Path | None" = None,
                   reference: bool = False) -> "GermanAnalyzer | Any":
    """The analyzer; ``ner`` adds the statistical person recognizer (its model must load), from
    ``model_dir`` if given (cross-validation), else the shipped one. ``reference``: Presidio's own
    ``AnalyzerEngine`` on the same recognizers instead (tests compare the two)."""
    from assistant import egress

    egress.install()  # tldextract reads its suffix-list URL setting at import: set it first
    from assistant.privacy.text.context import FastLemmaContextAwareEnhancer
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine
    from assistant.privacy.text.ner_model import load_model
    from assistant.privacy.text.recognizers import german_recognizers

    # raises PrivacyError if the model is missing or broken
    person_model = (load_model() if model_dir is None else load_model(model_dir)) if ner else None
    nlp_engine = BlankSpacyNlpEngine(LANGUAGE)
    nlp_engine.load()
    recognizers = german_recognizers(load_lexicon(), LANGUAGE, person_model)
    enhancer = FastLemmaContextAwareEnhancer(nlp_engine.lemma_table, prefix=5, suffix=2,
                                             chunk_keyword=nlp_engine.chunk_keyword)
    if not reference:
        return GermanAnalyzer(recognizers, nlp_engine, enhancer, LANGUAGE)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE],
                          context_aware_enhancer=enhancer)


def _freeze_long_lived() -> None:
    """Move the objects alive now (the analyzer: name lists, patterns, model weights, ~150,000
    objects the cyclic garbage collector tracks) out of the collector's reach, after collecting
    what is garbage already. They live as long as the process; a full collection walked them all
    again and again while the word caches filled up, a seventh of the CPU time of the first 2,000
    sentences (measured with gc.callbacks); objects made later are collected as before."""
    import gc

    gc.collect()
    gc.freeze()


def get_analyzer(ner: bool = True,
                 warm_up: "Callable[[GermanAnalyzer], object] | None" = None) -> GermanAnalyzer:
    """The process's analyzer, built at the first call and warmed up once right after:
    ``warm_up(analyzer)`` (the gate runs its whole pipeline), else :meth:`GermanAnalyzer.warm_up`."""
    silence_presidio_logs()  # also after a host application reconfigured logging
    key = "analyzer+ner" if ner else "analyzer"
    with _lock:
        if key not in _cache:
            analyzer = build_analyzer(ner)
            (warm_up or GermanAnalyzer.warm_up)(analyzer)
            _cache[key] = analyzer
            _freeze_long_lived()
        return _cache[key]  # type: ignore[return-value]
