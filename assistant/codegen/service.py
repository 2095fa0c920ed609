"""The code-generation operation behind ``Lotse.generate_code`` (kept here so service.py stays
small): privacy table gate, file layout, plan, snippet, validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.codegen.generate import CodeResult, Generator, require_values
from assistant.codegen.plan import plan_indicator
from assistant.codegen.describe import describe_file
from assistant.codegen.templates import Language
from assistant.errors import InputError, LotseError, PrivacyError

#: The service object (:class:`assistant.service.Lotse`) that calls in here. Typed loosely so this
#: room does not import the service back (the arrows point from the service to the rooms).
Lotse = Any

LANGUAGES = ("pandas", "r")


def privacy_gate(lotse: Lotse, path: Path) -> None:
    """Fail closed: a table with personal columns is refused; a gate that cannot run refuses too."""
    from assistant.privacy.tables import check_table_file

    try:
        check = check_table_file(path, lotse.settings)
    except LotseError:
        raise
    except Exception as exc:  # noqa: BLE001 - fail closed
        raise PrivacyError(f"Die Datenschutzprüfung der Tabelle '{path.name}' konnte nicht laufen "
                           f"({type(exc).__name__}); es wird kein Code erzeugt.",
                           "Prüfen Sie die Datei mit 'lotse privacy check-table'.") from None
    personal = check.personal_columns
    if personal:
        names = ", ".join(f"{f.column} ({f.kind})" for f in personal[:5])
        raise PrivacyError(f"'{path.name}' enthält personenbezogene Spalten: {names}. Code erzeugt "
                           "Lotse nur für Tabellen ohne Personenbezug.",
                           "Pseudonymisieren oder aggregieren Sie die Tabelle zuerst "
                           "('lotse privacy check-table DATEI --out BEREINIGT.csv').")


def _sandbox() -> Any:
    from assistant.codegen.sandbox import ProcessSandbox

    return ProcessSandbox()


def _chooser(lotse: Lotse):
    """``choose(question, options, prompt)``: an instruct model names one option by its number
    (prompt ``code_slots`` for a column, ``code_template`` for an analysis); anything else, or a
    base model, leaves the choice open (None)."""
    def choose(question: str, options: list[str], prompt: str = "code_slots") -> int | None:
        backend = _backend_if_instruct(lotse)
        if backend is None:
            return None
        from assistant.llm import GenerationOptions

        template = lotse.templates.get(prompt)
        listing = "\n".join(f"{n}. {o}" for n, o in enumerate(options, start=1))
        values = ({"task": question, "templates": listing} if prompt == "code_template" else
                  {"task": question, "slot": "zaehler", "description": question, "columns": listing})
        reply = backend.complete(template.render(**values),
                                 GenerationOptions(max_tokens=4, temperature=0.0, stop=tuple(template.stop)))
        digits = "".join(ch for ch in reply.text.strip()[:3] if ch.isdigit())
        return int(digits) - 1 if digits and 0 < int(digits) <= len(options) else None
    return choose


def _backend_if_instruct(lotse: Lotse) -> Any:
    """The model only when it is an instruct model; the base model is never asked for code."""
    if lotse._backend is None:
        from assistant.llm import local_profile

        if lotse.settings.llm.backend == "llama_cpp" and not local_profile(lotse.settings).is_instruct:
            return None
    backend = lotse.backend
    return backend if backend.profile.is_instruct else None


def generate_code(lotse: Lotse, data: str | Path, *, indicator: str | None, task: str | None,
                  language: str, regions: list[str], draft: str = "template") -> CodeResult:
    if language not in LANGUAGES:
        raise InputError(f"Unbekannte Sprache '{language}'.", "Erlaubt sind --lang pandas und --lang r.")
    if indicator and task:
        raise InputError("Bitte entweder --indicator oder eine Aufgabe angeben, nicht beides.",
                         'Beispiel: lotse code --indicator D15.1 --data tabelle.csv')
    if not indicator and task is None:
        raise InputError("Es fehlt, was berechnet werden soll.",
                         'Geben Sie --indicator ID oder eine Aufgabe in Anführungszeichen an.')
    path = Path(data)
    described = describe_file(path)  # not a table -> InputError before anything else runs
    privacy_gate(lotse, path)
    from assistant.catalogue import load_catalogue

    catalogue = load_catalogue(lotse.settings.paths.knowledge_dir / "indicators")
    library = lotse.code_templates
    lang: Language = "r" if language == "r" else "pandas"
    if indicator:
        entry = catalogue.get(indicator)
        plan = plan_indicator(described, entry, library.get(f"indikator_{lang}"), list(regions))
    generator = Generator(library=library, prompts=lotse.templates, sandbox=_sandbox(),
                          settings=lotse.settings.codegen, backend=lambda: _backend_if_instruct(lotse))
    if not indicator:
        from assistant.codegen.plan import Plan
        from assistant.errors import NoTemplateError
        from assistant.codegen.tasks import plan_task

        try:
            plan = plan_task(task or "", described, catalogue, library, lang, list(regions),
                             choose=_chooser(lotse))
        except NoTemplateError:
            if _backend_if_instruct(lotse) is None:
                raise
            # No template: an instruct model may write code on the generic reader (never validated).
            from assistant.codegen.generate import model_only

            columns = {f"wert_{n}": col for n, col in enumerate(described.columns[:40], start=1)}
            loose = Plan(template=library.get(described.loader_id(lang)), data=described,
                         mapping=columns, params={}, task=" ".join((task or "").split()))
            result = model_only(generator, loose, lang)
            if result is None:
                raise
            return result
    require_values(plan)
    return generator.generate(plan, lang, draft="model" if draft == "model" else "template")
