"""The "Indikatoren" tab: browse the catalogue, upload a table, get validated pandas and R code.

Everything goes through the service: ``search_indicators``/``indicator`` for the catalogue,
``generate_code`` (privacy table gate, templates, sandbox, comparison with the reference) and
``save_code`` for the downloads. The chart shows the computed values per region.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.web.common import WebState, guarded


LANGUAGES = (("pandas", "Python (pandas)", ".py"), ("r", "R", ".R"))


def value_chart(rows: list[dict[str, Any]], title: str) -> Any:
    """Bars of the last numeric column per region (German decimal comma)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    if not rows:
        return None
    numeric = [k for k, v in rows[0].items() if isinstance(v, (int, float)) and k not in ("jahr",)]
    if not numeric:
        return None
    column = numeric[-1]
    shown = [r for r in rows if isinstance(r.get(column), (int, float))][:30]
    labels = [str(r.get("region", "")) + (f" {r['jahr']}" if "jahr" in r and len({x.get('jahr') for x in shown}) > 1 else "")
              for r in shown]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.32 * len(shown) + 1)))
    ax.barh(labels[::-1], [r[column] for r in shown][::-1], color="#c2410c")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: f"{x:,.1f}".replace(",", " ").replace(".", ",")))
    ax.set_xlabel(column.replace("_", " "))
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def checks_table(result: Any) -> list[list[str]]:
    return [["✔" if c.passed else "✘", c.name, c.detail] for c in result.checks]


def status_text(result: Any, label: str) -> str:
    mark = "✔ geprüft" if result.validated else "✘ nicht als geprüft ausgewiesen"
    origin = {"template": "aus einer Vorlage", "model": "vom Sprachmodell",
              "reference": "Referenzimplementierung"}.get(result.source, result.source)
    head = f"**{label}: {mark}** ({origin}, Vorlage `{result.template}`"
    if result.isolation:
        head += ", Sandbox: " + ", ".join(result.isolation)
    return head + f")\n\n{result.message}"


def build_indikatoren(state: WebState) -> None:
    catalogue = state.service.catalogue()
    choices = [(f"{i.id} – {i.name}", i.id) for i in catalogue.all()]
    computable = [(f"{i.id} – {i.name}", i.id) for i in catalogue.all() if i.computable]
    with gr.Tab("Katalog"):
        query = gr.Textbox(label="Suche im Indikatorenkatalog", placeholder="z. B. Betreuungsquote",
                           elem_id="katalog-suche")
        pick = gr.Dropdown(choices=choices, label="Indikator", elem_id="katalog-auswahl")
        detail = gr.Markdown(elem_id="katalog-eintrag")

        @guarded
        def search(text: str) -> Any:
            found = state.service.search_indicators(text, limit=15) if (text or "").strip() else catalogue.all()
            return gr.update(choices=[(f"{i.id} – {i.name}", i.id) for i in found],
                             value=found[0].id if found else None)

        @guarded
        def show(indicator_id: str | None) -> str:
            if not indicator_id:
                return ""
            return "```text\n" + state.service.indicator(indicator_id).to_text() + "\n```"

        query.submit(search, query, pick)
        pick.change(show, pick, detail)

    with gr.Tab("Berechnen"):
        gr.Markdown("Laden Sie eine Tabelle hoch (GENESIS/Regionaldatenbank-CSV, eigene CSV, XLSX), "
                    "wählen Sie einen Indikator oder beschreiben Sie die Aufgabe. Lotse erzeugt "
                    "pandas- und R-Code, führt ihn abgeschottet aus und vergleicht das Ergebnis mit "
                    "einer unabhängigen Berechnung. Personenbezogene Tabellen werden abgelehnt.")
        table = gr.File(label="Tabelle", file_types=[".csv", ".txt", ".xlsx"], elem_id="code-tabelle")
        with gr.Row():
            indicator = gr.Dropdown(choices=computable, label="Indikator", elem_id="code-indikator")
            task = gr.Textbox(label="… oder Aufgabe in eigenen Worten", elem_id="code-aufgabe",
                              placeholder="z. B. Welcher Kreis hat den höchsten Anteil …?")
        regions = gr.Textbox(label="Regionalschlüssel (optional, mit Komma getrennt)",
                             placeholder="z. B. 14511, 14612", elem_id="code-regionen")
        run = gr.Button("Code erzeugen und prüfen", variant="primary", elem_id="code-los")
        status = gr.Markdown(elem_id="code-status")
        result_table = gr.Dataframe(label="Ergebnis", interactive=False, elem_id="code-ergebnis")
        chart = gr.Plot(label="Diagramm", elem_id="code-diagramm")
        outputs: list[Any] = []
        for lang, label, _suffix in LANGUAGES:
            with gr.Accordion(f"Code: {label}", open=lang == "pandas"):
                code = gr.Code(language="python" if lang == "pandas" else "r", label=label,
                               elem_id=f"code-{lang}")
                checks = gr.Dataframe(headers=["", "Prüfung", "Ergebnis"], label="Prüfungen",
                                      interactive=False, elem_id=f"code-pruefungen-{lang}")
                download = gr.File(label=f"{label}-Datei herunterladen", interactive=False)
            outputs += [code, checks, download]

        @guarded
        def generate(file: str | None, indicator_id: str | None, text: str, keys: str,
                     progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008 - Gradio injects it by this default
            if not file:
                raise gr.Error("Bitte laden Sie zuerst eine Tabelle hoch.")
            if not indicator_id and not (text or "").strip():
                raise gr.Error("Bitte wählen Sie einen Indikator oder beschreiben Sie die Aufgabe.")
            wanted = [k for k in (keys or "").replace(";", ",").replace(" ", ",").split(",") if k]
            results: list[Any] = []
            for n, (lang, label, _s) in enumerate(LANGUAGES):
                progress((n, len(LANGUAGES)), desc=f"{label}: erzeugen, ausführen, vergleichen")
                with state.work_lock:
                    results.append(state.service.generate_code(
                        file, indicator=indicator_id or None, task=None if indicator_id else text.strip(),
                        language=lang, regions=wanted))
            status_md = "\n\n".join(status_text(r, label) for r, (_l, label, _s) in zip(results, LANGUAGES))
            rows = list(results[0].result)
            title = results[0].indicator or results[0].task or "Ergebnis"
            import pandas as pd

            shown = pd.DataFrame(rows).round(2) if rows else pd.DataFrame()
            out: list[Any] = [status_md, shown, value_chart(rows, title)]
            for result, (_lang, _label, suffix) in zip(results, LANGUAGES):
                path = state.out_path(f"lotse_{(result.indicator or 'aufgabe').replace('.', '_')}{suffix}")
                state.service.save_code(result, path)
                out += [result.code, checks_table(result), str(path)]
            return tuple(out)

        run.click(generate, [table, indicator, task, regions],
                  [status, result_table, chart, *outputs])
