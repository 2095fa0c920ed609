"""German texts of the guide conversation: steps, overview, Kompass questions, help."""

from __future__ import annotations

from assistant.guide.kompass import TYPES, Dimension
from assistant.guide.modules import LETTERS, PHASE_NAMES, Guide, Module, source_label

HELP = """So steuern Sie den Leitfaden:
  weiter        nächster Schritt (Enter genügt, wenn keine Prüffrage offen ist)
  zurück        vorheriger Schritt
  Übersicht     alle Module mit Ihrem Fortschritt
  Modul 3       ein Modul öffnen (auch mit Namen, z. B. „Datenschutz“)
  A, B, C …     eine Prüffrage beantworten
  nochmal       den aktuellen Schritt noch einmal zeigen
  kompass       die Selbsteinschätzung mit dem DKBM-Kompass (kompass neu: von vorn)
  ende          aufhören; Ihr Stand bleibt gespeichert
Alles andere verstehe ich als Frage an den Leitfaden; die Antwort kommt mit Quellen."""


def solved_in(solved: dict[str, list[int]], module: Module) -> int:
    return len(set(solved.get(module.id, [])) & set(module.exercises))


def progress(solved: dict[str, list[int]], module: Module) -> str:
    total = len(module.exercises)
    done = solved_in(solved, module)
    mark = " ✓" if done == total else ""
    return f"{done}/{total} Übungen{mark}"


def overview(guide: Guide, solved: dict[str, list[int]], kompass_answers: int) -> str:
    lines = ["Übersicht – Einstieg in das kommunale Bildungsmonitoring", ""]
    width = max(len(m.title) for m in guide.modules)
    for m in guide.modules:
        lines.append(f"  {m.number}. {m.title:<{width}}  [{progress(solved, m)}]")
    lines.append("")
    total = len(guide.kompass.dimensions)
    state = ("ausgefüllt – 'kompass' zeigt Ihr Ergebnis" if kompass_answers == total
             else f"{kompass_answers} von {total} Fragen beantwortet – 'kompass'" if kompass_answers
             else "noch nicht ausgefüllt – 'kompass'")
    lines.append(f"  DKBM-Kompass: {state}")
    lines.append("")
    lines.append("Fortschritt zählt über gelöste Übungen, nicht über gelesene Seiten.")
    lines.append("Geben Sie eine Modulnummer ein, 'weiter' für das nächste offene Modul, "
                 "'hilfe' oder eine Frage.")
    return "\n".join(lines)


def step_text(guide: Guide, module: Module, index: int, solved: dict[str, list[int]]) -> str:
    step = module.steps[index]
    lines = [f"{module.label()} · Schritt {index + 1} von {len(module.steps)} · "
             f"{PHASE_NAMES[step.phase]}",
             f"{step.title}", "", step.text.strip(), "", "Quellen:"]
    lines += [f"  {source_label(n, ref, guide.guidance)}" for n, ref in enumerate(step.sources, 1)]
    ex = step.exercise
    if ex is not None:
        done = index in solved.get(module.id, [])
        lines += ["", f"Prüffrage{' (schon gelöst)' if done else ''}: {ex.question.strip()}"]
        lines += [f"  {LETTERS[i]}) {option}" for i, option in enumerate(ex.options)]
        if ex.command:
            lines.append(f"Zum Nachsehen (in einem zweiten Terminal): {ex.command}")
        lines.append(f"Antworten Sie mit {LETTERS[0]}–{LETTERS[len(ex.options) - 1]}; "
                     "'weiter', 'zurück', 'Übersicht' oder eine eigene Frage.")
    else:
        lines += ["", "'weiter', 'zurück', 'Übersicht' oder eine eigene Frage."]
    lines.append(f"Fortschritt in diesem Modul: {progress(solved, module)}")
    return "\n".join(lines)


def module_end(guide: Guide, module: Module, solved: dict[str, list[int]]) -> str:
    done, total = solved_in(solved, module), len(module.exercises)
    open_steps = [i + 1 for i in module.exercises if i not in solved.get(module.id, [])]
    lines = [f"Ende von {module.label()}: {done} von {total} Übungen gelöst."]
    if open_steps:
        lines.append("Noch offen: Prüffragen in Schritt "
                     f"{', '.join(str(s) for s in open_steps)}. Mit 'zurück' kommen Sie hin; "
                     "das Modul gilt erst mit allen gelösten Übungen als abgeschlossen.")
    else:
        lines.append("Modul abgeschlossen ✓")
    if module.next:
        nxt = guide.by_id(module.next)
        lines.append(f"Weiter mit {nxt.label()}: 'weiter'. Oder 'Übersicht'.")
    else:
        lines.append("Das war das letzte Modul. Mit 'kompass' schätzen Sie Ihre Kommune ein und "
                     "erhalten passende nächste Schritte; 'Übersicht' zeigt alle Module.")
    return "\n".join(lines)


def kompass_question(d: Dimension, number: int, total: int) -> str:
    lines = [f"DKBM-Kompass · Frage {number} von {total} · {d.name}", d.question, ""]
    lines += [f"  {LETTERS[i]}) {d.levels[t]}" for i, t in enumerate(TYPES)]
    lines += ["", f"Welche Beschreibung passt am besten zu Ihrer Kommune? Antworten Sie mit "
                  f"A–{LETTERS[len(TYPES) - 1]} (oder 1–{len(TYPES)}); 'zurück' korrigiert die "
                  "vorige Antwort, 'abbrechen' kehrt zum Leitfaden zurück."]
    return "\n".join(lines)
