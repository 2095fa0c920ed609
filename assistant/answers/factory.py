"""Build the ``ask`` pipeline from the settings (used by the service layer and the CLI)."""

from __future__ import annotations

import logging
from typing import Any, Callable

from assistant.errors import PrivacyError
from assistant.llm import LLMBackend, options_from
from assistant.prompts import TemplateLibrary
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.generative import GenerativeAnswerer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.index import KnowledgeIndex
from assistant.answers.pipeline import Asker, Gate

log = logging.getLogger(__name__)
BASE_MODEL_NOTICE = (
    "Antwortmodus 'generative' nicht verwendet: '{}' ist ein Basismodell ohne Instruktions"
    "training; es wiederholt Anweisungen und Quellen und erfindet Aussagen. Angezeigt werden die "
    "passenden Sätze aus den Quellen. Wählen Sie ein Instruct-Modell (lotse models) oder "
    "erzwingen Sie den Modus mit retrieval.force_generative = true.")


def privacy_gate_factory(settings: Any) -> Callable[[], Gate]:
    """A new :class:`assistant.privacy.PrivacyGate` per question (imported lazily)."""

    def make() -> Gate:
        try:
            from assistant.privacy import PrivacyGate
        except ImportError as exc:
            raise PrivacyError(
                f"Der Datenschutzfilter ist nicht installiert ({exc}); die Frage wurde nicht "
                "verarbeitet.", "Installieren Sie Lotse vollständig neu (pip install -e .).") from None
        return PrivacyGate.from_settings(settings)

    return make


def load_catalogue_or_none(settings: Any) -> Any:
    folder = settings.paths.knowledge_dir / "indicators"
    from assistant.catalogue import load_catalogue

    try:
        return load_catalogue(folder)
    except Exception as exc:  # noqa: BLE001 - answers still work without the catalogue
        log.warning("indicator catalogue could not be loaded: %s", exc)
        return None


def build_retriever(settings: Any, index: KnowledgeIndex, catalogue: Any = None) -> HybridRetriever:
    r = settings.retrieval
    return HybridRetriever(index, catalogue, k=r.top_k, candidates=r.candidates)


def build_asker(settings: Any, backend: Callable[[], LLMBackend], templates: TemplateLibrary, *,
                index: KnowledgeIndex, gate_factory: Callable[[], Gate] | None = None,
                catalogue: Any = None) -> Asker:
    index.ensure_knowledge()
    retriever = build_retriever(settings, index,
                                catalogue if catalogue is not None else load_catalogue_or_none(settings))
    extractive = ExtractiveAnswerer(index.embedder)
    mode = settings.retrieval.answer_mode
    generative = None
    notices: list[str] = []
    if mode != "extractive":
        model = backend()
        if model.profile.is_instruct or (mode == "generative" and settings.retrieval.force_generative):
            generative = GenerativeAnswerer(model, templates, options_from(settings))
        elif mode == "generative":
            notices.append(BASE_MODEL_NOTICE.format(model.name))
    return Asker(retriever, extractive, gate_factory=gate_factory or privacy_gate_factory(settings),
                 generative=generative, notices=notices)
