"""The service layer: one object that the CLI, the web UI and the Python API all call.

>>> from assistant.service import Lotse
>>> lotse = Lotse()                      # defaults, ./lotse.toml, LOTSE_* variables
>>> for piece in lotse.chat("Was ist ein Bildungsbericht?"):
...     print(piece, end="")

Every operation of the ``lotse`` command is a method here, with typed inputs and results
(:mod:`assistant.results` or the rooms' own typed values) and German errors from
:mod:`assistant.errors`. One ``Lotse`` object is one session: texts and tables anonymised through
it share one placeholder map, so a pupil keeps one ``<PERSON_n>`` across them.

Constructing it installs the no-egress guard, like every other entry point. Heavy parts (the
model, the privacy engine, the search index) load on first use.
"""

from __future__ import annotations

import copy

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, Sequence

from assistant import egress
from assistant.errors import InputError
from assistant.llm import LLMBackend, create_backend, options_from
from assistant.results import (Anonymized, BatchRecord, DoctorReport, IndicatorListing,
                               IngestProblem, IngestResult, ModelsInfo)
from assistant.settings import Settings, load_settings

if TYPE_CHECKING:
    from assistant.answers.evaluate import EvalReport
    from assistant.answers.pipeline import AnswerStream, Gate
    from assistant.catalogue import Catalogue, Indicator
    from assistant.privacy.pseudonyms import PseudonymMap
    from assistant.privacy.tables.check import TableCheck
    from assistant.privacy.text.gate import PrivacyGate
    from assistant.prompts import TemplateLibrary
    from assistant.answers.models import Answer
    from assistant.guide import Guide, GuideSession, KompassResult
    from assistant.reports import ReportRequest, ReportResult
    from assistant.retrieval.index import KnowledgeIndex
    from assistant.retrieval.models import SourceRecord
    from assistant.codegen.generate import CodeResult
    from assistant.codegen.templates import CodeTemplateLibrary
    from assistant.tables import TableSummary, TidyResult

Progress = Callable[[int, int], None]

BASE_MODEL_NOTICE = (
    "Hinweis: Das eingebaute Basismodell formuliert nur einfache Sätze und kann Fakten erfinden. "
    "Für belastbare Antworten mit Quellen nutzen Sie die Katalog- und Suchfunktionen; ein größeres "
    "Modell richten Sie nach models/README.md ein.")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Lotse:
    def __init__(self, settings: Settings | None = None, *, backend: LLMBackend | None = None,
                 status: Callable[[str], None] | None = None,
                 index: "KnowledgeIndex | None" = None,
                 gate_factory: "Callable[[], Gate] | None" = None) -> None:
        """``backend``, ``index`` and ``gate_factory`` (the gate each ``ask`` question passes)
        replace the configured parts, e.g. with test doubles; by default they are built from the
        settings on first use."""
        egress.install()
        self.settings = settings or load_settings()
        egress.allow(self.settings.network.allowed_hosts)
        self.status = status or _stderr
        self._backend = backend
        self._index = index
        self._gate_factory = gate_factory
        self._gate: Any = None
        self._pseudonyms: Any = None
        self._asker: Any = None
        self._own_session = False
        self._guide_asker: Any = None
        self._templates: Any = None

    # -- parts, built on first use -------------------------------------------------------------

    @property
    def backend(self) -> LLMBackend:
        if self._backend is None:
            self._backend = create_backend(self.settings, status=self.status)
        return self._backend

    @property
    def templates(self) -> "TemplateLibrary":
        if self._templates is None:
            from assistant.prompts import TemplateLibrary

            self._templates = TemplateLibrary(self.settings.paths.prompts_dir)
        return self._templates

    @property
    def pseudonyms(self) -> "PseudonymMap":
        """This session's placeholder map, shared by the text gate and the table gate."""
        if self._pseudonyms is None:
            from assistant.privacy.pseudonyms import PseudonymMap

            self._pseudonyms = PseudonymMap()
        return self._pseudonyms

    @property
    def gate(self) -> "PrivacyGate":
        """The privacy gate of this session (placeholders stay stable while the object lives)."""
        if self._gate is None:
            from assistant.privacy import PrivacyGate

            self._gate = PrivacyGate.from_settings(self.settings, pseudonyms=self.pseudonyms)
        return self._gate

    @property
    def index(self) -> "KnowledgeIndex":
        """The search index (guidance texts and the user's own documents), opened lazily."""
        if self._index is None:
            from assistant.retrieval.index import KnowledgeIndex

            self._index = KnowledgeIndex(self.settings, status=self.status)
        return self._index

    # -- model ----------------------------------------------------------------------------------

    def chat(self, question: str) -> Iterator[str]:
        """Stream the model's answer to ``question`` (free chat, no retrieval).

        The question passes the privacy gate first (fail closed: if the gate cannot run, nothing
        reaches the model); placeholders in the answer are restored for the user.
        """
        from assistant.answers.streaming import (restore_stream, stop_on_foreign_script,
                                                 stop_on_repetition)

        template = self.templates.get("chat")
        redaction = self.gate.redact(question.strip())
        messages = template.render(question=redaction.text)
        options = options_from(self.settings, stop=tuple(template.stop),
                               repeat_penalty=None if self.backend.profile.is_instruct else 1.3)
        pieces = stop_on_repetition(stop_on_foreign_script(self.backend.stream(messages, options)))
        yield from restore_stream(pieces, self.gate.restore)

    def chat_notice(self) -> str | None:
        """A German caveat to show before a chat answer, or None (instruct models)."""
        return None if self.backend.profile.is_instruct else BASE_MODEL_NOTICE

    def models(self) -> ModelsInfo:
        """The active model (as configured, nothing loaded) and recommended bigger models."""
        from assistant.llm import active_model
        from assistant.llm.profiles import RECOMMENDED

        return ModelsInfo(active_model(self.settings), tuple(RECOMMENDED))

    # -- answers --------------------------------------------------------------------------------

    def ask(self, question: str, *, k: int | None = None, retrieve_only: bool = False) -> "AnswerStream":
        """Answer from the documents with ``[n]`` citations; iterate for pieces, ``.result()`` for all.

        The question passes the privacy gate first (a new session per question); if the gate
        cannot run, a ``PrivacyError`` is raised and nothing reaches a model.
        """
        gate = self.gate if self._own_session else None
        return self._ask_pipeline().stream(question, k=k, retrieve_only=retrieve_only, gate=gate)

    def _ask_pipeline(self) -> Any:
        if self._asker is None:
            from assistant.answers.factory import build_asker

            self._asker = build_asker(self.settings, lambda: self.backend, self.templates,
                                      index=self.index, gate_factory=self._gate_factory)
        return self._asker

    def session(self) -> "Lotse":
        """A view of this service for one user or conversation (web UI, API).

        It shares model, search index and settings, but has its own privacy-gate session: a name
        keeps its placeholder across that user's questions, texts and tables, and placeholders are
        never shared with another session. Its ``ask`` uses that session instead of a new gate
        per question.
        """
        self._ask_pipeline()  # built once, shared by every session
        view = copy.copy(self)
        view._gate = self.gate.new_session()
        view._pseudonyms = view._gate.pseudonyms
        view._own_session = True
        return view

    def eval_retrieval(self, questions: Path | None = None) -> "EvalReport":
        """hit@1, hit@5, MRR and facts found (top-5 passages, answers; per question kind) on
        ``knowledge/eval/questions.yaml`` or on ``questions`` (same format, or the independent
        set's format with ``expected_facts`` and ``deciding``).

        The questions hold no personal data and go to the search directly.
        """
        from assistant.answers.evaluate import evaluate, load_questions
        from assistant.answers.extractive import ExtractiveAnswerer
        from assistant.answers.factory import build_retriever, load_catalogue_or_none, load_faq_or_none

        index = self.index
        index.ensure_knowledge()
        path = questions or self.settings.paths.knowledge_dir / "eval" / "questions.yaml"
        items = load_questions(path)
        retriever = build_retriever(self.settings, index, load_catalogue_or_none(self.settings))
        return evaluate(items, retriever, ExtractiveAnswerer(index.embedder),
                        faq=load_faq_or_none(self.settings, index.embedder))

    # -- privacy --------------------------------------------------------------------------------

    def anonymize(self, data: bytes | str, *, source: str = "Die Eingabe",
                  progress: Progress | None = None) -> Anonymized:
        """Replace personal data in a German text (bytes are decoded: UTF-8, UTF-16, cp1252).

        ``source`` names the input in German messages ("Die Datei 'brief.txt'").
        """
        text, note = self._decode(data, source)
        if not text.strip():
            raise InputError("Die Eingabe ist leer: es gibt nichts zu anonymisieren.",
                             "Geben Sie eine Textdatei an oder leiten Sie Text auf die "
                             "Standardeingabe um.")
        redaction = self.gate.redact(text, progress)
        return Anonymized(redaction.text, tuple(redaction.entities), note)

    def anonymize_batch(self, data: bytes | str, *, source: str = "Die Eingabe",
                        ) -> tuple[str | None, Iterator[BatchRecord]]:
        """JSONL in (``{"id", "text"}`` per line), one record per non-empty line out.

        Each line is its own session, so placeholders restart at 1 for every record. Returns the
        decoding note and the records (lazily, so big files stream). A line that is no JSON
        object with a text comes back with ``error`` set.
        """
        text, note = self._decode(data, source)
        lines = text.splitlines()
        gate = self.gate

        def records() -> Iterator[BatchRecord]:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                        raise ValueError("kein Objekt mit Textfeld 'text'")
                except ValueError as exc:
                    yield BatchRecord(number, error=str(exc))
                    continue
                redaction = gate.new_session().redact(row["text"])
                yield BatchRecord(number, str(row.get("id", number)), redaction.text,
                                  tuple(redaction.entities))

        return note, records()

    @staticmethod
    def read_input(path: str | Path, max_mb: float = 50.0) -> bytes:
        """A text file's bytes for :meth:`anonymize`: regular files only (a pipe or /dev/zero is
        refused, not read forever), at most ``max_mb``."""
        from assistant.limits import read_regular

        return read_regular(Path(path), max_mb, "Teilen Sie den Text auf mehrere Dateien auf.")

    @staticmethod
    def _decode(data: bytes | str, source: str) -> tuple[str, str | None]:
        if isinstance(data, str):
            return data, None
        from assistant.privacy.text.textio import decode_input

        decoded = decode_input(data, source)
        return decoded.text, decoded.note

    def check_table(self, path: str | Path, *,
                    mode: Literal["pseudonymize", "drop"] = "pseudonymize",
                    table_kind: Literal["aggregate", "microdata"] | None = None,
                    birth_year: bool = True, out: str | Path | None = None) -> "TableCheck":
        """Check a table before a model sees it: personal columns replaced or dropped, small
        counts suppressed, rare combinations reported. ``out``: write the cleaned table there
        (CSV, semicolon, UTF-8); never over the input."""
        from assistant.privacy.tables.check import Pseudonymizer, check_table_file

        path = Path(path)
        if out is not None and path.exists() and Path(out).resolve() == path.resolve():
            raise InputError("--out zeigt auf die Eingabedatei; Lotse überschreibt Ihre Tabelle nicht.",
                             "Geben Sie für die bereinigte Tabelle einen anderen Dateinamen an.")
        result = check_table_file(path, self.settings, mode=mode, table_kind=table_kind,
                                  birth_year=birth_year, pseudonymizer=Pseudonymizer(self.pseudonyms))
        if out is not None:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            result.cleaned.to_csv(out, sep=";", index=False, encoding="utf-8-sig")
        return result

    # -- documents ------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path] = (), *, remove: Iterable[str] = (),
               on_file: Callable[[str], None] | None = None) -> IngestResult:
        """Read files or folders into the search index (unchanged files are skipped) and remove
        the sources named in ``remove``. Problems are reported per file, not raised."""
        index = self.index
        index.ensure_knowledge()
        removed, errors = [], []
        for source in remove:
            if index.remove(source):
                removed.append(source)
            else:
                errors.append(IngestProblem(source, f"Die Quelle '{source}' ist nicht im Index."))
        files = [Path(p) for p in paths]
        if not files:
            return IngestResult(removed=tuple(removed), errors=tuple(errors))
        report = index.ingest(files, on_file=on_file)
        problems = tuple(IngestProblem(p, m) for p, m in report.errors) + tuple(errors)
        return IngestResult(tuple(report.added), tuple(report.unchanged), tuple(removed),
                            report.chunks, problems, ingested=True)

    def sources(self) -> list["SourceRecord"]:
        """The sources in the search index: guidance texts first, then the user's documents."""
        index = self.index
        index.ensure_knowledge()
        return sorted(index.store.records().values(), key=lambda r: (r.origin != "user", r.source))

    def remove_source(self, source: str) -> str:
        """Remove one source (name as listed, or path); returns its name."""
        removed = self.index.remove(source)
        if removed is None:
            raise InputError(f"Die Quelle '{source}' ist nicht im Index.",
                             "Die vorhandenen Quellen zeigt 'lotse sources'.")
        return removed

    # -- indicator catalogue ----------------------------------------------------------------------

    def catalogue(self) -> "Catalogue":
        from assistant.catalogue import load_catalogue

        return load_catalogue(self.settings.paths.knowledge_dir / "indicators")

    def indicators(self, area: str | None = None) -> IndicatorListing:
        """All indicators, or those of one Bildungsbereich (A–I), with the known gaps."""
        from assistant.catalogue.schema import AREAS

        cat = self.catalogue()
        if area is not None and area.upper() not in AREAS:
            raise InputError(f"'{area}' ist kein Bereich; erlaubt sind {', '.join(AREAS)}.",
                             "Zum Beispiel: lotse indicator list --area D")
        items = cat.by_area(area) if area else cat.all()
        areas = [area.upper()] if area else sorted(cat.gaps)
        return IndicatorListing(tuple(items), {a: list(cat.gaps[a]) for a in areas if cat.gaps.get(a)})

    def indicator(self, indicator_id: str) -> "Indicator":
        """One entry; an unknown ID raises an ``InputError`` naming the closest IDs."""
        return self.catalogue().get(indicator_id)

    def search_indicators(self, query: str, limit: int = 10) -> list["Indicator"]:
        return self.catalogue().search(query, limit=limit)

    # -- installation -----------------------------------------------------------------------------

    def doctor(self) -> DoctorReport:
        """Check model, profile, speed, data folder, R, the no-egress guard and the search index."""
        from assistant.doctor import run_checks

        return DoctorReport(tuple(run_checks(self.settings, lambda: self.backend)))

    # onboarding guide and DKBM-Kompass ------------------------------------------------------
    def guide(self) -> "Guide":
        """The guide modules and the Kompass, checked on load (a broken file raises ConfigError)."""
        from assistant.guide import load_guide

        return load_guide(self.settings.paths.knowledge_dir)

    def guidance_answer(self, question: str) -> "Answer":
        """``ask`` in its extractive mode (deterministic, no model): privacy gate, search, cited
        sentences. The guide uses it for free questions."""
        if self._guide_asker is None:
            from assistant.answers.factory import build_asker

            retrieval = self.settings.retrieval.model_copy(update={"answer_mode": "extractive"})
            settings = self.settings.model_copy(update={"retrieval": retrieval})
            self._guide_asker = build_asker(settings, lambda: self.backend, self.templates,
                                            index=self.index, gate_factory=self._gate_factory)
        return self._guide_asker.ask(question)

    def guide_session(self, state_dir: Path | None = None) -> "GuideSession":
        """A guide conversation whose learner state lives in ``state_dir`` (default
        ``<data_dir>/guide/``; the web UI gives each browser session a folder of its own)."""
        from assistant.guide import GuideSession, StateStore

        folder = state_dir if state_dir is not None else self.settings.paths.data_dir / "guide"
        return GuideSession(self.guide(), StateStore(folder), self.guidance_answer)

    def kompass(self, answers: "str | list[int]") -> "KompassResult":
        """The Kompass result for one answer (1–4 = Typ I–IV) per dimension, e.g. "2,3,1,2,2,1,3"."""
        from assistant.guide import assess, parse_answers

        guide = self.guide()
        return assess(guide, parse_answers(answers, len(guide.kompass.dimensions)))


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

    def check_code_target(self, path: str | Path, language: str) -> None:
        """Refuse an output path before any work: missing folder, wrong suffix for the language."""
        from assistant.codegen.output import check_target

        check_target(Path(path), language)

    def save_code(self, result: "CodeResult", path: str | Path) -> Path:
        """Write a generated snippet as .py, .ipynb or .R (with its header of checks)."""
        from assistant.codegen.output import write_snippet

        return write_snippet(result, Path(path))

    @property
    def code_templates(self) -> "CodeTemplateLibrary":
        """Built-in code templates (prompts/code) plus the user's folder (codegen.templates_dir)."""
        from assistant.codegen.templates import CodeTemplateLibrary

        return CodeTemplateLibrary(self.settings.paths.prompts_dir / "code",
                                   self.settings.codegen.templates_dir)

    def draft_report(self, indicator: str, data: str | Path, region: str, out: str | Path, *,
                     compare: Sequence[str] = (), years: Sequence[int] = (), value: str | None = None,
                     columns: dict[str, str] | None = None, threshold: float | None = None,
                     use_model: bool = True) -> "ReportResult":
        """:meth:`report` with plain arguments (what the CLI and the web UI hand in)."""
        from assistant.reports import ReportRequest

        request = ReportRequest(indicator=indicator, data=Path(data), region=region.strip(),
                                out=Path(out), compare=tuple(compare), years=tuple(years),
                                value=value, columns=dict(columns or {}), threshold=threshold)
        return self.report(request, use_model=use_model)

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
