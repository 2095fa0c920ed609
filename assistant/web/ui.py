"""The German web interface (Gradio Blocks): one tab per task, every action a service call.

Each browser session gets its own service session (:meth:`assistant.service.Lotse.session`), so
pseudonyms are never shared between users. Errors are shown as the service's German message,
never as a traceback. No asset comes from a CDN: the theme uses the browser's system fonts.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import gradio as gr

from assistant.web.common import PLACEHOLDER, WebState, german_error, guarded

if TYPE_CHECKING:
    from assistant.service import Lotse


# -- Fragen ---------------------------------------------------------------------------------------

def citations_html(citations: list[Any]) -> str:
    """Citations as expandable passages: label as summary, the passage text inside."""
    if not citations:
        return ""
    parts = ["<div class='lotse-quellen'><h4>Quellen</h4>"]
    for c in citations:
        parts.append(f"<details><summary>{html.escape(c.label())}</summary>"
                     f"<blockquote>{html.escape(c.text)}</blockquote></details>")
    parts.append("</div>")
    return "".join(parts)


def masked_summary(anonymized_question: str) -> str:
    """What the gate masked in the question: types and placeholders, never the originals."""
    found = sorted(set(PLACEHOLDER.findall(anonymized_question)), key=lambda t: (t[0], int(t[1])))
    if not found:
        return "**Datenschutz:** In der Frage wurden keine personenbezogenen Daten gefunden."
    rows = "\n".join(f"| {kind} | `<{kind}_{n}>` |" for kind, n in found)
    return ("**Datenschutz:** Vor der Suche ersetzt (das Sprachmodell sah nur die Platzhalter):\n\n"
            "| Art | Platzhalter |\n|---|---|\n" + rows)


def build_fragen(state: WebState) -> None:
    gr.Markdown("Fragen zum Bildungsmonitoring: Antworten aus den Leitfäden, dem "
                "Indikatorenkatalog und Ihren eigenen Dokumenten, mit Quellen [n].")
    chatbot = gr.Chatbot(label="Unterhaltung", height=380)
    question = gr.Textbox(label="Ihre Frage", placeholder="z. B. Wie berechne ich die "
                          "Übergangsquote auf das Gymnasium?", elem_id="frage")
    with gr.Row():
        send = gr.Button("Fragen", variant="primary", elem_id="fragen-senden")
        clear = gr.Button("Neue Unterhaltung")
    quellen = gr.HTML(elem_id="quellen")
    schutz = gr.Markdown(elem_id="datenschutz-panel")

    def answer(text: str, history: list[dict[str, str]], request: gr.Request
               ) -> Iterator[tuple[Any, ...]]:
        text = (text or "").strip()
        if not text:
            raise gr.Error("Bitte geben Sie eine Frage ein.")
        history = list(history or []) + [{"role": "user", "content": text},
                                         {"role": "assistant", "content": ""}]
        session = state.session(request)
        try:
            with state.work_lock:
                stream = session.ask(text)
                for piece in stream:
                    history[-1]["content"] += piece
                    yield "", history, "", ""
            result = stream.answer
        except Exception as exc:  # noqa: BLE001 - shown as German message
            raise gr.Error(german_error(exc)) from None
        for warning in result.warnings:
            if warning not in history[-1]["content"]:
                history[-1]["content"] += f"\n\n*Hinweis: {warning}*"
        yield "", history, citations_html(result.citations), masked_summary(result.question_anonymized)

    send.click(answer, [question, chatbot], [question, chatbot, quellen, schutz])
    question.submit(answer, [question, chatbot], [question, chatbot, quellen, schutz])
    clear.click(lambda: ([], "", ""), None, [chatbot, quellen, schutz])


# -- Datenschutz ----------------------------------------------------------------------------------

def build_datenschutz(state: WebState) -> None:
    gr.Markdown("Text oder Tabelle prüfen, bevor sie ein Sprachmodell oder jemand anderes sieht: "
                "Namen, Geburtsdaten, Adressen, Kontaktdaten, IBAN, Steuer-ID und Schülernummern "
                "werden durch Platzhalter ersetzt, kleine Fallzahlen gesperrt.")
    with gr.Tab("Text"):
        text_in = gr.Textbox(label="Text", lines=8, elem_id="schutz-text")
        run_text = gr.Button("Anonymisieren", variant="primary", elem_id="schutz-text-los")
        text_out = gr.Textbox(label="Anonymisierter Text", lines=8, elem_id="schutz-text-aus",
                              buttons=["copy"])
        text_rules = gr.Markdown()
        text_file = gr.File(label="Anonymisierten Text herunterladen", interactive=False)

        @guarded
        def anonymize(text: str, request: gr.Request) -> tuple[str, str, str]:
            if not (text or "").strip():
                raise gr.Error("Bitte fügen Sie einen Text ein.")
            result = state.session(request).anonymize(text)
            counts: dict[str, int] = {}
            for e in result.entities:
                counts[e.type] = counts.get(e.type, 0) + 1
            rules = ("Nichts Personenbezogenes gefunden." if not counts else
                     "Ersetzt: " + ", ".join(f"{n} × {k}" for k, n in sorted(counts.items())))
            path = state.out_path("anonymisiert.txt")
            path.write_text(result.text, encoding="utf-8")
            return result.text, rules, str(path)

        run_text.click(anonymize, text_in, [text_out, text_rules, text_file])

    with gr.Tab("Tabelle"):
        table_in = gr.File(label="Tabelle (CSV, GENESIS-CSV, XLSX)", file_types=[".csv", ".txt", ".xlsx"],
                           elem_id="schutz-tabelle")
        run_table = gr.Button("Tabelle prüfen", variant="primary", elem_id="schutz-tabelle-los")
        table_report = gr.Markdown(elem_id="schutz-tabelle-bericht")
        table_view = gr.Dataframe(label="Bereinigte Tabelle (Vorschau)", interactive=False)
        table_file = gr.File(label="Bereinigte Tabelle herunterladen", interactive=False)

        @guarded
        def check(file: str | None, request: gr.Request) -> tuple[str, Any, str]:
            if not file:
                raise gr.Error("Bitte laden Sie zuerst eine Tabelle hoch.")
            out = state.out_path(Path(file).stem + "_bereinigt.csv")
            result = state.session(request).check_table(file, out=out)
            return "\n".join(result.report_lines()), result.cleaned.head(200), str(out)

        run_table.click(check, table_in, [table_report, table_view, table_file])


# -- Wissensbasis ---------------------------------------------------------------------------------

def build_wissensbasis(state: WebState) -> None:
    gr.Markdown("Eigene Dokumente (PDF, DOCX, Markdown, HTML, Text) einlesen, damit Fragen auch "
                "aus ihnen beantwortet werden. Die Leitfäden von Lotse sind immer dabei.")
    files = gr.File(label="Dokumente hochladen", file_count="multiple", elem_id="wissen-dateien")
    run = gr.Button("Einlesen", variant="primary", elem_id="wissen-einlesen")
    status = gr.Markdown(elem_id="wissen-status")
    table = gr.Dataframe(headers=["Quelle", "Herkunft", "Titel", "Abschnitte", "Eingelesen"],
                         label="Quellen im Suchindex", interactive=False, elem_id="wissen-quellen")
    with gr.Row():
        which = gr.Textbox(label="Quelle entfernen (Name wie in der Liste)", elem_id="wissen-entfernen")
        remove = gr.Button("Entfernen", elem_id="wissen-entfernen-los")
    refresh = gr.Button("Liste aktualisieren")

    def listing() -> list[list[Any]]:
        with state.work_lock:
            records = state.service.sources()
        return [[r.source, "Leitfaden" if r.origin != "user" else "eigenes Dokument", r.title,
                 r.chunks, r.ingested_at[:16].replace("T", " ")] for r in records]

    @guarded
    def ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[str, Any]:  # noqa: B008 - Gradio injects it by this default
        if not paths:
            raise gr.Error("Bitte wählen Sie mindestens eine Datei aus.")
        done: list[str] = []

        def on_file(name: str) -> None:
            done.append(name)
            progress((len(done) - 1, len(paths)), desc=f"Lese {Path(name).name}")

        progress(0, desc="Starte")
        with state.work_lock:
            result = state.service.ingest([Path(p) for p in paths], on_file=on_file)
        lines = [f"Eingelesen: {len(result.added)} Datei(en), {result.chunks} Abschnitte; "
                 f"unverändert: {len(result.unchanged)}."]
        lines += [f"- Fehler bei {Path(e.path).name}: {e.message}" for e in result.errors]
        return "\n".join(lines), listing()

    @guarded
    def drop(name: str) -> tuple[str, Any]:
        if not (name or "").strip():
            raise gr.Error("Bitte geben Sie den Namen der Quelle an.")
        with state.work_lock:
            removed = state.service.remove_source(name.strip())
        return f"Entfernt: {removed}", listing()

    run.click(ingest, files, [status, table])
    remove.click(drop, which, [status, table])
    refresh.click(guarded(listing), None, table)


# -- the app --------------------------------------------------------------------------------------

def _indikatoren(state: WebState) -> None:
    from assistant.web.indikatoren import build_indikatoren

    build_indikatoren(state)


def _bericht(state: WebState) -> None:
    from assistant.web.bericht import build_bericht

    build_bericht(state)


def _einstieg(state: WebState) -> None:
    from assistant.web.einstieg import build_einstieg

    build_einstieg(state)


TABS: list[tuple[str, Callable[[WebState], None]]] = [
    ("Fragen", build_fragen),
    ("Indikatoren", _indikatoren),
    ("Bericht", _bericht),
    ("Datenschutz", build_datenschutz),
    ("Wissensbasis", build_wissensbasis),
    ("Einstieg", _einstieg),
]


def build_ui(service: "Lotse", work_lock: threading.Lock) -> gr.Blocks:
    state = WebState(service, work_lock)
    with gr.Blocks(title="Lotse – Bildungsmonitoring", analytics_enabled=False) as demo:
        gr.Markdown("# Lotse\nLokaler Assistent für das kommunale Bildungsmonitoring. "
                    "Alles bleibt auf diesem Rechner; personenbezogene Daten werden vor jeder "
                    "Verarbeitung durch Platzhalter ersetzt.")
        for title, build in TABS:
            with gr.Tab(title, elem_id=f"tab-{title.lower()}"):
                build(state)
    demo.lotse_state = state
    return demo
