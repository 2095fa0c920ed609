"""The "Bericht" tab: a report draft (chart, German text, table) with its grounding check, as DOCX.

The service computes the indicator through the validated path, writes the text from templates
(or an instruct model behind the same check) and drops sentences whose numbers it cannot trace.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.web.common import WebState, guarded


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k for k in (text or "").replace(";", ",").replace(" ", ",").split(",") if k)


def build_bericht(state: WebState) -> None:
    catalogue = state.service.catalogue()
    computable = [(f"{i.id} – {i.name}", i.id) for i in catalogue.all() if i.computable]
    gr.Markdown("Ein beschreibender Berichtsentwurf: was gemessen wurde, der Wert Ihrer Region, "
                "Vergleiche und Entwicklung, Quelle und Hinweise. Jede Zahl im Text wird gegen die "
                "berechnete Tabelle geprüft; die Einordnung bleibt Ihnen überlassen.")
    table = gr.File(label="Tabelle (GENESIS/Regionaldatenbank-CSV)", file_types=[".csv", ".txt", ".xlsx"],
                    elem_id="bericht-tabelle")
    with gr.Row():
        indicator = gr.Dropdown(choices=computable, label="Indikator", elem_id="bericht-indikator")
        region = gr.Textbox(label="Region (Regionalschlüssel)", placeholder="z. B. 14511",
                            elem_id="bericht-region")
        compare = gr.Textbox(label="Vergleichsregionen (optional)", placeholder="z. B. 14713, 14612",
                             elem_id="bericht-vergleich")
    with gr.Row():
        threshold = gr.Number(label="Schwelle für bemerkenswerte Unterschiede (leer: Standard)",
                              value=None, elem_id="bericht-schwelle")
        fmt = gr.Radio(choices=[("Word (DOCX)", "docx"), ("Markdown", "md")], value="docx",
                       label="Format", elem_id="bericht-format")
    run = gr.Button("Bericht entwerfen", variant="primary", elem_id="bericht-los")
    chart = gr.Image(label="Diagramm", type="filepath", interactive=False, elem_id="bericht-diagramm")
    text = gr.Markdown(elem_id="bericht-text")
    checks = gr.Dataframe(headers=["Satz", "behalten", "Grund"], label="Prüfung jeder Zahl",
                          interactive=False, elem_id="bericht-pruefung")
    download = gr.File(label="Bericht herunterladen", interactive=False, elem_id="bericht-datei")

    @guarded
    def draft(file: str | None, indicator_id: str | None, region_key: str, others: str,
              limit: float | None, kind: str, progress: gr.Progress = gr.Progress()  # noqa: B008 - Gradio injects it by this default
              ) -> tuple[Any, ...]:
        if not file:
            raise gr.Error("Bitte laden Sie zuerst eine Tabelle hoch.")
        if not indicator_id or not (region_key or "").strip():
            raise gr.Error("Bitte wählen Sie einen Indikator und geben Sie den Regionalschlüssel an.")
        out = state.out_path(f"bericht_{indicator_id.replace('.', '_')}_{region_key.strip()}.{kind}")
        progress(0.1, desc="Berechnen, prüfen, Diagramm und Text erstellen")
        with state.work_lock:
            result = state.service.draft_report(
                indicator_id, file, region_key, out, compare=_keys(others),
                threshold=float(limit) if limit not in (None, "") else None)
        rows = [[c.sentence.text, "ja" if c.kept else "nein", "" if c.kept else c.reason()]
                for c in result.checks]
        notes = "\n".join(f"- {n}" for n in result.notes)
        blocks = []
        for block in result.text.split("\n\n"):
            heading, _, rest = block.partition("\n")
            blocks.append(f"#### {heading}\n\n{rest}")
        body = f"### {result.title}\n\n" + "\n\n".join(blocks) + (
            f"\n\n**Hinweise:**\n{notes}" if notes else "")
        picture = None
        if result.chart_png:
            picture = state.out_path("diagramm.png")
            picture.write_bytes(result.chart_png)
        return (str(picture) if picture else None, body, rows, str(result.path))

    run.click(draft, [table, indicator, region, compare, threshold, fmt],
              [chart, text, checks, download])
