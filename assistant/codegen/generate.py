"""Code generation: plan -> snippet -> validation -> (repair by an instruct model) -> result.

The deterministic path (template, mapping, reference) carries the work on the embedded base
model; an instruct model may pick a column, draft or repair code, and everything it writes is
validated like template code. A model's snippet that fails after the repair rounds is replaced by
the reference snippet (``source: "reference"``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.codegen.plan import Plan
from assistant.codegen.snippet import header, render
from assistant.codegen.templates import CodeTemplateLibrary, Language
from assistant.codegen.validate import Check, Expectation, Sandbox, Validation, validate
from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend
    from assistant.prompts import TemplateLibrary
    from assistant.settings import CodegenSettings

Source = Literal["template", "model", "reference"]
_CODE_BLOCK = re.compile(r"```[a-zA-Z]*\n(.*?)(?:```|$)", re.DOTALL)


@dataclass(frozen=True)
class Attempt:
    """One snippet a model wrote (draft or repair) and the checks it got."""

    source: str
    checks: tuple[Check, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "checks": [c.to_dict() for c in self.checks]}


@dataclass(frozen=True)
class CodeResult:
    code: str
    language: Language
    validated: bool
    source: Source
    template: str
    indicator: str | None
    mapping: dict[str, str]
    checks: tuple[Check, ...]
    result: tuple[dict[str, Any], ...]
    data_file: str
    task: str
    message: str
    isolation: tuple[str, ...] = ()
    attempts: tuple[Attempt, ...] = ()
    seconds: float = 0.0
    #: A few German sentences from an instruct model (code_explain prompt); empty on a base model.
    explanation: str = ""
    #: What Lotse assumed where the task left it open (names, groups, denominators).
    assumptions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "language": self.language, "validated": self.validated,
                "source": self.source, "template": self.template, "indicator": self.indicator,
                "mapping": dict(self.mapping), "checks": [c.to_dict() for c in self.checks],
                "result": list(self.result), "data_file": self.data_file, "task": self.task,
                "message": self.message, "isolation": list(self.isolation),
                "attempts": [a.to_dict() for a in self.attempts], "explanation": self.explanation,
                "assumptions": list(self.assumptions)}


def records(frame: Any) -> tuple[dict[str, Any], ...]:
    """JSON-ready rows: keys (region) as strings, NaN as None, numpy numbers as Python numbers."""
    if frame is None:
        return ()
    out = []
    for rec in frame.to_dict("records"):
        row = {}
        for key, value in rec.items():
            if key == "region" or isinstance(value, str):
                row[str(key)] = None if value is None else str(value)
            elif value is None or (isinstance(value, float) and math.isnan(value)):
                row[str(key)] = None
            elif hasattr(value, "item"):
                row[str(key)] = value.item()
            else:
                row[str(key)] = value
        out.append(row)
    return tuple(out)


def expectation(plan: Plan, language: Language, cross_check: bool) -> Expectation:
    other: Language = "r" if language == "pandas" else "pandas"
    cross = None
    if cross_check and plan.indicator is not None and shutil.which("Rscript"):
        cross = (other, lambda path: plan.reference(other, path))
    return Expectation(reference=lambda path: plan.reference(language, path), keys=plan.keys(),
                       percent_columns=plan.percent_columns(), allow_over_100=plan.allow_over_100(),
                       parts=plan.parts(), cross_check=cross)


def extract_code(text: str) -> str:
    match = _CODE_BLOCK.search(text)
    return (match.group(1) if match else text).strip() + "\n"


@dataclass
class Generator:
    library: CodeTemplateLibrary
    prompts: TemplateLibrary
    sandbox: Sandbox
    settings: CodegenSettings
    backend: Callable[[], LLMBackend | None] = lambda: None
    today: dt.date = field(default_factory=dt.date.today)

    def _validate(self, code: str, language: Language, plan: Plan, exp: Expectation) -> Validation:
        return validate(code, language, plan.data, exp, self.sandbox, timeout_s=self.settings.timeout_s,
                        memory_mb=self.settings.memory_mb, rtol=self.settings.rtol)

    def _twin(self, plan: Plan, language: Language) -> tuple[str, Callable[[Path], Any]] | None:
        """Cross-check of an analysis: the same template in the other language, run in the sandbox."""
        from assistant.errors import LotseError

        other: Language = "r" if language == "pandas" else "pandas"
        try:
            code = render(self.library, plan, other)
        except LotseError:
            return None  # no twin template (e.g. a user's template in one language only)

        def run(path: Path) -> Any:
            outcome = self.sandbox.run(code, "python" if other == "pandas" else "r", {plan.data.file_name: path},
                                       timeout_s=self.settings.timeout_s, memory_mb=self.settings.memory_mb)
            if not outcome.ok:
                raise LotseError(f"Die {other}-Fassung der Vorlage lief nicht: {outcome.error}")
            return outcome.result
        return other, run

    def _ask(self, template_id: str, **values: str) -> str | None:
        backend = self.backend()
        if backend is None or not backend.profile.is_instruct:
            return None
        from assistant.llm import GenerationOptions

        template = self.prompts.get(template_id)
        reply = backend.complete(template.render(**values),
                                 GenerationOptions(max_tokens=1024, temperature=0.0, stop=tuple(template.stop)))
        return reply.text

    def _repair(self, code: str, failure: Check, language: Language, plan: Plan) -> str | None:
        contract = ", ".join(plan.keys()) + " (Schlüssel)"
        return self._ask("code_repair", language="pandas" if language == "pandas" else "R",
                         data_file=plan.data.file_name, task=plan.task, contract=contract, code=code,
                         error=f"{failure.name}: {failure.detail}")

    def draft(self, plan: Plan, language: Language) -> str | None:
        """A model's own snippet for the plan (``draft="model"``); None without an instruct model."""
        from assistant.codegen.snippet import render_loader

        text = self._ask("code_write", language="pandas" if language == "pandas" else "R",
                         data_file=plan.data.file_name, libraries="pandas" if language == "pandas" else "base R",
                         task=plan.task, contract=", ".join(plan.keys()),
                         loader=render_loader(self.library, plan, language))
        return extract_code(text) if text else None

    def generate(self, plan: Plan, language: Language, *, draft: Literal["template", "model"] = "template",
                 cross_check: bool = True) -> CodeResult:
        exp = expectation(plan, language, cross_check)
        if cross_check and plan.indicator is None and shutil.which("Rscript"):
            exp.cross_check = self._twin(plan, language)
        reference_code = render(self.library, plan, language)
        attempts: list[Attempt] = []
        code, source = reference_code, "template"
        if draft == "model":
            drafted = self.draft(plan, language)
            if drafted:
                code, source = drafted, "model"
        outcome = self._validate(code, language, plan, exp)
        if source == "model":
            rounds = 0
            while not outcome.passed and rounds < self.settings.repair_rounds:
                failure = outcome.first_failure()
                assert failure is not None
                attempts.append(Attempt("model" if rounds == 0 else f"reparatur {rounds}", tuple(outcome.checks)))
                repaired = self._repair(code, failure, language, plan)
                rounds += 1
                if not repaired:
                    break
                code = extract_code(repaired)
                outcome = self._validate(code, language, plan, exp)
            if not outcome.passed:
                attempts.append(Attempt(f"reparatur {rounds}" if rounds else "model", tuple(outcome.checks)))
                code, source = reference_code, "reference"
                outcome = self._validate(code, language, plan, exp)
        validated = outcome.passed
        checks = list(outcome.checks)
        message = _message(plan, validated, source, checks, attempts)
        full = header(plan, language, checks, validated, source, self.today) + code
        explanation = ""
        if validated:
            explanation = (self._ask("code_explain", task=plan.task, code=code) or "").strip()
        return CodeResult(code=full, language=language, validated=validated, source=source,  # type: ignore[arg-type]
                          template=plan.template.id, indicator=plan.indicator.id if plan.indicator else None,
                          mapping=plan.mapping_text(), checks=tuple(checks), result=records(outcome.result),
                          data_file=str(plan.data.path), task=plan.task, message=message,
                          isolation=tuple(outcome.isolation), attempts=tuple(attempts),
                          seconds=outcome.seconds, explanation=explanation,
                          assumptions=tuple(plan.assumptions))


def _no_reference(path: Path) -> Any:
    from assistant.errors import LotseError

    raise LotseError("keine Vorlage und keine unabhängige Referenz für diese Aufgabe")


def model_only(generator: Generator, plan: Plan, language: Language) -> CodeResult | None:
    """A task no template covers, with an instruct model: the model writes the code on top of the
    generic reader; it runs through policy, sandbox and plausibility, but without an independent
    reference it is never shown as validated. None without an instruct model or a reply."""
    code = generator.draft(plan, language)
    if not code:
        return None
    exp = Expectation(reference=_no_reference, keys=["region"])
    outcome = generator._validate(code, language, plan, exp)
    checks = list(outcome.checks)
    message = ("Keine Vorlage passt; den Code hat das Sprachmodell geschrieben. Er ist NICHT geprüft, "
               "weil es keine unabhängige Referenz gibt – prüfen Sie die Zahlen selbst.")
    full = header(plan, language, checks, False, "model", generator.today) + code
    return CodeResult(code=full, language=language, validated=False, source="model",
                      template=plan.template.id, indicator=None, mapping=plan.mapping_text(),
                      checks=tuple(checks), result=records(outcome.result), data_file=str(plan.data.path),
                      task=plan.task, message=message, isolation=tuple(outcome.isolation),
                      seconds=outcome.seconds)


def _message(plan: Plan, validated: bool, source: str, checks: list[Check], attempts: list[Attempt]) -> str:
    what = f"{plan.indicator.id} ({plan.indicator.name})" if plan.indicator else f"Vorlage '{plan.template.id}'"
    parts = []
    if attempts:
        parts.append(f"Der Code des Sprachmodells hat die Prüfung nach {len(attempts)} Versuch(en) nicht "
                     "bestanden; gezeigt wird stattdessen der Referenz-Code.")
    if validated:
        parts.append(f"Code für {what} erzeugt und geprüft: Er liefert dieselben Zahlen wie die "
                     "unabhängige Referenz, auf Ihren Daten und auf veränderten Kopien.")
    else:
        failed = [c for c in checks if not c.passed]
        reason = "; ".join(f"{c.name}: {c.detail}" for c in failed[:2])
        parts.append(f"Code für {what} erzeugt, aber NICHT geprüft ({reason}). Verwenden Sie die "
                     "Zahlen nicht ungeprüft.")
    if plan.ambiguous:
        parts.append("Mehrdeutig zugeordnet (bitte prüfen): " +
                     ", ".join(f"{s} = {plan.mapping_text()[s]}" for s in plan.ambiguous) + ".")
    if plan.assumptions:
        parts.append("Annahmen: " + " ".join(plan.assumptions))
    return " ".join(parts)


def require_values(plan: Plan) -> None:
    """All cells the plan needs suppressed or missing: nothing to compute (German error)."""
    frame = plan.frame(plan.data.path)
    slots = plan.value_slots()
    if not len(frame) or frame[slots].isna().all().all():
        raise InputError(f"In '{plan.data.file_name}' sind alle benötigten Werte gesperrt oder leer "
                         f"({', '.join(c.name for c in plan.mapping.values())}).",
                         "Wählen Sie eine höhere regionale Ebene oder ein anderes Jahr.")
