"""Report drafts: a chart and German text where every number is traced to computed data.

Public API::

    from assistant.reports import ReportRequest, make_report
    result = make_report(request, settings, backend=None)      # or Lotse().report(...)

Flow: :func:`~assistant.reports.compute.compute_indicator` (table reader + reference) ->
small-cell rule -> :mod:`~assistant.reports.facts` -> :mod:`~assistant.reports.text` (templates
from ``knowledge/reports/texts.yaml``, or an instruct model phrasing the same facts) ->
:mod:`~assistant.reports.grounding` -> :mod:`~assistant.reports.chart` ->
:mod:`~assistant.reports.writers` (DOCX or Markdown + PNG, written atomically).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import InputError
from assistant.reports.model import ReportRequest, ReportResult

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend
    from assistant.prompts import TemplateLibrary
    from assistant.reports.compute import CodeRunner
    from assistant.settings import Settings

__all__ = ["ReportRequest", "ReportResult", "check_output", "make_report"]


def check_output(request: ReportRequest) -> None:
    """Refuse, before any work, an output the writers could not place safely."""
    from assistant.reports.writers import FORMATS, chart_path_for

    out = request.out
    data = request.data.resolve()
    targets = [out.resolve()] + ([chart_path_for(out).resolve()] if out.suffix.lower() == ".md" else [])
    if data in targets:
        raise InputError(f"Die Ausgabe '{out.name}' würde die Eingabedatei überschreiben.",
                         "Wählen Sie für den Bericht einen anderen Dateinamen.")
    if out.suffix.lower() not in FORMATS:
        raise InputError(f"'{out.name}' hat keine bekannte Endung; Berichte gibt es als .docx oder .md.",
                         "Nennen Sie die Ausgabe z. B. bericht.docx oder bericht.md.")
    if not out.parent.is_dir():
        raise InputError(f"Den Ordner '{out.parent}' gibt es nicht; der Bericht wurde nicht geschrieben.",
                         "Legen Sie den Ordner an oder wählen Sie einen vorhandenen.")
    if out.is_dir():
        raise InputError(f"'{out}' ist ein Ordner.", "Geben Sie einen Dateinamen an, z. B. bericht.docx.")


def make_report(request: ReportRequest, settings: Settings, *,
                backend: LLMBackend | None = None,
                templates: TemplateLibrary | None = None,
                generate: CodeRunner | None = None) -> ReportResult:
    from assistant.catalogue import load_catalogue
    from assistant.llm import options_from
    from assistant.reports.build import build_draft
    from assistant.reports.chart import draw_chart
    from assistant.reports.text import load_texts, phrase_with_model
    from assistant.reports.writers import write_docx, write_markdown

    check_output(request)
    indicator = load_catalogue(settings.paths.knowledge_dir / "indicators").get(request.indicator)
    texts = load_texts(settings.paths.knowledge_dir / "reports" / "texts.yaml")
    model = backend
    phrase = None
    if model is not None and model.profile.is_instruct and templates is not None:
        template = templates.get("report")
        options = options_from(settings, max_tokens=400, temperature=0.2, stop=tuple(template.stop))

        def phrase(sentences):  # noqa: ANN001, ANN202
            return phrase_with_model(model, template, sentences, options)
    draft = build_draft(request, indicator, texts, min_cell_count=settings.privacy.min_cell_count,
                        phrase=phrase, generate=generate)
    with tempfile.TemporaryDirectory(prefix="lotse-report-") as tmp:
        png = draw_chart(draft.rows, draft.measure, title=draft.chart_title,
                         source_line=draft.chart_source, path=Path(tmp) / "chart.png",
                         breaks=draft.breaks)
        chart_png = png.read_bytes()
        if request.out.suffix.lower() == ".docx":
            path, chart = write_docx(draft, png, request.out), None
        else:
            path = request.out
            chart = write_markdown(draft, png, request.out)
    text = "\n\n".join(f"{s.heading}\n" + "\n".join(s.paragraphs) for s in draft.sections)
    return ReportResult(path=path, chart=chart, title=draft.title, text=text, facts=tuple(draft.facts),
                        checks=tuple(draft.checks), notes=tuple(draft.notes),
                        computation=draft.computation, text_origin=draft.text_origin,
                        chart_png=chart_png)

