"""The service layer: one object that the CLI, the web UI and the Python API all call.

>>> from assistant.service import Lotse
>>> lotse = Lotse()                      # defaults, ./lotse.toml, LOTSE_* variables
>>> for piece in lotse.chat("Was ist ein Bildungsbericht?"):
...     print(piece, end="")

Constructing it installs the no-egress guard, like every other entry point.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator

from assistant import egress
from assistant.llm import LLMBackend, create_backend, options_from
from assistant.prompts import TemplateLibrary
from assistant.settings import Settings, load_settings
from assistant.streaming import restore_stream, stop_on_foreign_script, stop_on_repetition

if TYPE_CHECKING:
    from assistant.guide import Guide, GuideSession, KompassResult
    from assistant.privacy import PrivacyGate
    from assistant.retrieval.models import Answer
    from assistant.retrieval.index import KnowledgeIndex
    from assistant.retrieval.pipeline import AnswerStream


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Lotse:
    def __init__(self, settings: Settings | None = None, *, backend: LLMBackend | None = None,
                 status: Callable[[str], None] | None = None) -> None:
        egress.install()
        self.settings = settings or load_settings()
        egress.allow(self.settings.network.allowed_hosts)
        self.status = status or _stderr
        self._backend = backend
        self._gate: Any = None
        self._index: Any = None
        self._asker: Any = None
        self._guide_asker: Any = None
        self.templates = TemplateLibrary(self.settings.paths.prompts_dir)

    @property
    def backend(self) -> LLMBackend:
        if self._backend is None:
            self._backend = create_backend(self.settings, status=self.status)
        return self._backend

    @property
    def gate(self) -> "PrivacyGate":
        """The privacy gate of this session (placeholders stay stable while the object lives)."""
        if self._gate is None:
            from assistant.privacy import PrivacyGate

            self._gate = PrivacyGate.from_settings(self.settings)
        return self._gate

    def chat(self, question: str) -> Iterator[str]:
        """Stream the model's answer to ``question`` (free chat, no retrieval).

        The question passes the privacy gate first (fail closed: if the gate cannot run, nothing
        reaches the model); placeholders in the answer are restored for the user.
        """
        template = self.templates.get("chat")
        redaction = self.gate.redact(question.strip())
        messages = template.render(question=redaction.text)
        options = options_from(self.settings, stop=tuple(template.stop),
                               repeat_penalty=None if self.backend.profile.is_instruct else 1.3)
        pieces = stop_on_repetition(stop_on_foreign_script(self.backend.stream(messages, options)))
        yield from restore_stream(pieces, self.gate.restore)

    @property
    def index(self) -> "KnowledgeIndex":
        """The search index (guidance texts and the user's own documents), opened lazily."""
        if self._index is None:
            from assistant.retrieval.index import KnowledgeIndex

            self._index = KnowledgeIndex(self.settings, status=self.status)
        return self._index

    def ask(self, question: str, *, k: int | None = None, retrieve_only: bool = False) -> "AnswerStream":
        """Answer from the documents with ``[n]`` citations; iterate for pieces, ``.result()`` for all.

        The question passes the privacy gate first (a new session per question); if the gate
        cannot run, a ``PrivacyError`` is raised and nothing reaches a model.
        """
        if self._asker is None:
            from assistant.retrieval.factory import build_asker

            self._asker = build_asker(self.settings, lambda: self.backend, self.templates,
                                      index=self.index)
        return self._asker.stream(question, k=k, retrieve_only=retrieve_only)

    # onboarding guide and DKBM-Kompass ------------------------------------------------------
    def guide(self) -> "Guide":
        """The guide modules and the Kompass, checked on load (a broken file raises ConfigError)."""
        from assistant.guide import load_guide

        return load_guide(self.settings.paths.knowledge_dir)

    def guidance_answer(self, question: str) -> "Answer":
        """``ask`` in its extractive mode (deterministic, no model): privacy gate, search, cited
        sentences. The guide uses it for free questions."""
        if self._guide_asker is None:
            from assistant.retrieval.factory import build_asker

            retrieval = self.settings.retrieval.model_copy(update={"answer_mode": "extractive"})
            settings = self.settings.model_copy(update={"retrieval": retrieval})
            self._guide_asker = build_asker(settings, lambda: self.backend, self.templates,
                                            index=self.index)
        return self._guide_asker.ask(question)

    def guide_session(self) -> "GuideSession":
        """A guide conversation whose learner state lives in ``<data_dir>/guide/``."""
        from assistant.guide import GuideSession, StateStore

        return GuideSession(self.guide(), StateStore(self.settings.paths.data_dir / "guide"),
                            self.guidance_answer)

    def kompass(self, answers: "str | list[int]") -> "KompassResult":
        """The Kompass result for one answer (1–4 = Typ I–IV) per dimension, e.g. "2,3,1,2,2,1,3"."""
        from assistant.guide import assess, parse_answers

        guide = self.guide()
        return assess(guide, parse_answers(answers, len(guide.kompass.dimensions)))
