"""The service layer: one object that the CLI, the web UI and the Python API all call.

>>> from assistant.service import Lotse
>>> lotse = Lotse()                      # defaults, ./lotse.toml, LOTSE_* variables
>>> for piece in lotse.chat("Was ist ein Bildungsbericht?"):
...     print(piece, end="")

Constructing it installs the no-egress guard, like every other entry point.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from assistant import egress
from assistant.llm import LLMBackend, create_backend, options_from
from assistant.prompts import TemplateLibrary
from assistant.settings import Settings, load_settings
from assistant.streaming import restore_stream, stop_on_foreign_script, stop_on_repetition

if TYPE_CHECKING:
    from pathlib import Path

    from assistant.privacy import PrivacyGate
    from assistant.reports import ReportRequest, ReportResult
    from assistant.retrieval.index import KnowledgeIndex
    from assistant.retrieval.pipeline import AnswerStream
    from assistant.codegen.generate import CodeResult
    from assistant.codegen.templates import CodeTemplateLibrary
    from assistant.tables import TableSummary, TidyResult


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

    def inspect_table(self, path: str | Path) -> "TableSummary":
        """Read a table (GENESIS/Regionaldatenbank CSV or XLSX, plain CSV or XLSX) and describe it:
        table code, title, value columns, body lines, regions, years, special symbols. Local only;
        raises ``InputError`` (German) for a file that is not a table."""
        from assistant.tables import TableSummary, read_table

        return TableSummary.of(read_table(path))

    def tidy_table(self, path: str | Path, out: str | Path) -> "TidyResult":
        """Write the table as a tidy long CSV (one row per body line and value column) to ``out``.
        Nothing is written when the input cannot be read."""
        from pathlib import Path

        from assistant.tables import read_table
        from assistant.tables.report import write_tidy

        return write_tidy(read_table(path), Path(path), Path(out))

    def generate_code(self, data: str | Path, *, indicator: str | None = None, task: str | None = None,
                      language: str = "pandas", regions: Sequence[str] = (),
                      draft: str = "template") -> "CodeResult":
        """Standalone pandas or R code for a catalogue indicator or a free task on the user's
        table, validated (policy, sandbox, reference on the data and on perturbed copies,
        plausibility). The table passes the privacy table gate first (fail closed); the data never
        reaches a model. Bad input raises ``InputError`` (German); a task nothing fits raises
        ``NoTemplateError`` naming the closest indicators and templates."""
        from assistant.codegen.service import generate_code

        return generate_code(self, data, indicator=indicator, task=task, language=language,
                             regions=list(regions), draft=draft)

    @property
    def code_templates(self) -> "CodeTemplateLibrary":
        """Built-in code templates (prompts/code) plus the user's folder (codegen.templates_dir)."""
        from assistant.codegen.templates import CodeTemplateLibrary

        return CodeTemplateLibrary(self.settings.paths.prompts_dir / "code",
                                   self.settings.codegen.templates_dir)

    def report(self, request: "ReportRequest", *, use_model: bool = True) -> "ReportResult":
        """Write a report draft (DOCX or Markdown + PNG) for one indicator and region.

        The numbers come from the reference implementation, cross-checked with the validated code
        path (:meth:`generate_code`). The text comes from templates; with an ``instruct`` model
        (and ``use_model``) the model phrases the findings from the same facts, behind the same
        grounding check. A ``base`` model is never loaded for a report.
        """
        from assistant.reports import make_report

        backend = self.backend if use_model and self._is_instruct() else None
        return make_report(request, self.settings, backend=backend, templates=self.templates,
                           generate=lambda path, indicator, regions: self.generate_code(
                               path, indicator=indicator, regions=regions))

    def _is_instruct(self) -> bool:
        """Whether the configured model is an instruct model, without loading it."""
        if self._backend is None and self.settings.llm.backend not in ("fake", "openai_compat"):
            from assistant.llm import local_profile

            return local_profile(self.settings).is_instruct
        return self.backend.profile.is_instruct
