"""The "Einstieg" tab: the onboarding guide as a conversation and the DKBM-Kompass with a radar chart.

Both run through the service (``guide_session``, ``kompass``); each browser session keeps its own
learner state in a folder of its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.web.common import WebState, guarded


TYP_NUMBER = {"I": 1, "II": 2, "III": 3, "IV": 4}


def radar_chart(result: Any) -> Any:
    """Typ I–IV per dimension on a radar chart (matplotlib, headless)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = [d.name for d in result.dimensions]
    values = [TYP_NUMBER[d.typ] for d in result.dimensions]
    angles = np.linspace(0, 2 * np.pi, len(names), endpoint=False).tolist()
    fig, ax = plt.subplots(figsize=(6.4, 6.4), subplot_kw={"polar": True})
    ax.plot(angles + angles[:1], values + values[:1], color="#c2410c", linewidth=2)
    ax.fill(angles + angles[:1], values + values[:1], color="#f97316", alpha=0.25)
    ax.set_xticks(angles)
    ax.set_xticklabels([n.replace(" ", "\n", 1) for n in names], fontsize=8)
    ax.set_yticks([1, 2, 3, 4])
    ax.set_yticklabels(["Typ I", "Typ II", "Typ III", "Typ IV"], fontsize=7)
    ax.set_ylim(0, 4)
    ax.set_title("DKBM-Kompass: Ihr Profil", pad=18)
    fig.tight_layout()
    return fig


def result_markdown(result: Any) -> str:
    lines = [f"**Gesamtbild:** {result.profile.text}", ""]
    for d in result.dimensions:
        lines.append(f"#### {d.name}: Typ {d.typ} – {d.typ_title}")
        lines.append(d.description)
        lines.append("")
        lines.append("Nächste Schritte:")
        lines += [f"- {step.text} (→ {step.pointer()})" for step in d.next_steps]
        lines.append("")
    lines.append(f"*{result.note}* Quelle: {result.source}")
    return "\n".join(lines)


def build_einstieg(state: WebState) -> None:
    guide = state.service.guide()  # checked on load: a broken guide file stops the start
    def session(request: gr.Request | None) -> Any:
        """The browser session's guide, its learner state in a folder of its own."""
        return state.per_session(request, "guide", lambda: state.service.guide_session(
            state_dir=Path(tempfile.mkdtemp(prefix="leitfaden-", dir=state.files))))

    def turn_text(turn: Any) -> str:
        text = turn.text
        if turn.citations and "Quellen:" not in text:
            text += "\n\nQuellen:\n" + "\n".join(turn.citations)
        return text

    with gr.Tab("Leitfaden"):
        gr.Markdown("Schritt für Schritt ins Bildungsmonitoring: sieben Module mit kurzen Schritten, "
                    "Quellen und Übungen. Steuern Sie mit den Knöpfen oder schreiben Sie "
                    "„weiter“, „zurück“, „Übersicht“, eine Modulnummer, die Antwort auf eine "
                    "Übungsfrage (A–E) oder eine eigene Frage.")
        modules = gr.Dropdown(choices=[(f"{i}. {m.title}", m.id) for i, m in enumerate(guide.modules, 1)],
                              label="Modul wählen", elem_id="leitfaden-modul")
        chat = gr.Chatbot(label="Leitfaden", height=460, elem_id="leitfaden-chat")
        entry = gr.Textbox(label="Eingabe", placeholder="weiter", elem_id="leitfaden-eingabe")
        with gr.Row():
            start = gr.Button("Start / Übersicht", elem_id="leitfaden-start")
            back = gr.Button("zurück", elem_id="leitfaden-zurueck")
            forward = gr.Button("weiter", variant="primary", elem_id="leitfaden-weiter")

        @guarded
        def say(text: str, history: list[dict[str, str]], request: gr.Request) -> tuple[str, Any]:
            text = (text or "").strip() or "weiter"
            turn = session(request).send(text)
            history = list(history or []) + [{"role": "user", "content": text},
                                             {"role": "assistant", "content": turn_text(turn)}]
            return "", history

        @guarded
        def open_module(module: str | None, history: list[dict[str, str]], request: gr.Request
                        ) -> tuple[str, Any]:
            turn = session(request).start(module)
            shown = f"Modul {module}" if module else "Übersicht"
            return "", list(history or []) + [{"role": "user", "content": shown},
                                              {"role": "assistant", "content": turn_text(turn)}]

        entry.submit(say, [entry, chat], [entry, chat])
        def go_forward(history: list[dict[str, str]], request: gr.Request) -> tuple[str, Any]:
            return say("weiter", history, request)

        def go_back(history: list[dict[str, str]], request: gr.Request) -> tuple[str, Any]:
            return say("zurück", history, request)

        def overview(history: list[dict[str, str]], request: gr.Request) -> tuple[str, Any]:
            return open_module(None, history, request)

        forward.click(go_forward, chat, [entry, chat])
        back.click(go_back, chat, [entry, chat])
        start.click(overview, chat, [entry, chat])
        modules.change(open_module, [modules, chat], [entry, chat])

    with gr.Tab("DKBM-Kompass"):
        gr.Markdown("Wo steht Ihre Kommune? Wählen Sie je Dimension die Beschreibung, die am "
                    "besten passt (Typ I bis IV). Das Ergebnis zeigt Ihr Profil und nächste Schritte.")
        radios = []
        for d in guide.kompass.dimensions:
            radios.append(gr.Radio(choices=[(f"Typ {t}: {text}", TYP_NUMBER[t]) for t, text in d.levels.items()],
                                   label=f"{d.name} – {d.question}",
                                   elem_id=f"kompass-{d.id}"))
        run = gr.Button("Auswerten", variant="primary", elem_id="kompass-auswerten")
        chart = gr.Plot(label="Profil", elem_id="kompass-radar")
        steps = gr.Markdown(elem_id="kompass-ergebnis")

        @guarded
        def evaluate(*answers: int | None) -> tuple[Any, str]:
            missing = [d.name for d, a in zip(guide.kompass.dimensions, answers) if a is None]
            if missing:
                raise gr.Error("Bitte beantworten Sie noch: " + ", ".join(missing) + ".")
            result = state.service.kompass([int(a) for a in answers])  # type: ignore[arg-type]
            return radar_chart(result), result_markdown(result)

        run.click(evaluate, radios, [chart, steps])
