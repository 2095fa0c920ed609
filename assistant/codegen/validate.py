"""Validate a snippet, in order: static policy, sandbox run, comparison with an independent
computation on the user's file and on perturbed copies of it, plausibility.

A snippet counts as validated only when every check passed. The comparison runs the snippet on
each copy in the sandbox and Lotse's own reader plus the reference on the same copy; a snippet
that is right on the original only by coincidence (the mean of shares equals the pooled share
when all denominators are equal) fails on the copies.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.codegen.perturb import VARIANTS, write_variant
from assistant.codegen.source import DataFile

if TYPE_CHECKING:
    import pandas as pd

SANDBOX_LANGUAGE = {"pandas": "python", "r": "r"}


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "detail": self.detail}


class Sandbox(Protocol):
    """What validation needs of :class:`assistant.codegen.sandbox.ProcessSandbox` (``run_batch``
    is used when the sandbox has it)."""

    def run(self, code: str, language: Any, inputs: dict[str, Path], *, timeout_s: float = 10,
            memory_mb: int = 1024) -> Any: ...


@dataclass
class Expectation:
    """What the snippet's ``ergebnis`` must equal: ``reference(path)`` computes it independently
    from a file (the original or a perturbed copy)."""

    reference: Callable[[Path], pd.DataFrame]
    keys: list[str]
    #: Value columns that are shares (0..100 unless ``allow_over_100``).
    percent_columns: list[str] = field(default_factory=list)
    allow_over_100: bool = False
    #: (part, total) column pairs: part ≤ total where both are present.
    parts: list[tuple[str, str]] = field(default_factory=list)
    #: A second reference in the other language, run on the original only (cross-check).
    cross_check: tuple[str, Callable[[Path], pd.DataFrame]] | None = None


@dataclass
class Validation:
    checks: list[Check]
    result: pd.DataFrame | None
    isolation: list[str]
    seconds: float

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def first_failure(self) -> Check | None:
        return next((c for c in self.checks if not c.passed), None)


def static_check(code: str, language: str) -> Check:
    from assistant.codegen import policy, policy_r

    violations = policy.check_python(code) if language == "pandas" else policy_r.check_r(code)
    if violations:
        text = "; ".join(f"Zeile {v.line}: {v.message}" for v in violations[:5])
        return Check("richtlinie", False, text)
    return Check("richtlinie", True, "keine verbotenen Aufrufe (Dateien schreiben, Netzwerk, "
                 "Prozesse, eval/exec, Dunder-Tricks)")


def _compare(result: pd.DataFrame, expected: pd.DataFrame, keys: list[str], rtol: float) -> str | None:
    from assistant.catalogue.references import compare

    missing = [k for k in keys if k not in result.columns]
    if missing:
        return f"Schlüsselspalten fehlen im Ergebnis: {', '.join(missing)}"
    result = result.copy()
    expected = expected.copy()
    for key in keys:  # region keys as text on both sides ("01001")
        if key != "jahr":
            result[key] = result[key].astype(str)
            expected[key] = expected[key].astype(str)
        else:
            result[key] = result[key].astype("Int64").astype(str)
            expected[key] = expected[key].astype("Int64").astype(str)
    outcome = compare(result, expected, rtol=rtol, atol=1e-6, keys=keys)
    return None if outcome.ok else str(outcome)


def plausibility(result: pd.DataFrame, exp: Expectation) -> Check:
    problems = []
    for col in exp.percent_columns:
        if col not in result.columns:
            continue
        values = [float(v) for v in result[col] if v is not None and not _nan(v)]
        low = [v for v in values if v < 0]
        high = [v for v in values if v > 100 and not exp.allow_over_100]
        if low or high:
            problems.append(f"{col}: {len(low) + len(high)} Werte außerhalb 0–100")
    for part, total in exp.parts:
        if part in result.columns and total in result.columns:
            bad = sum(1 for a, b in zip(result[part], result[total])
                      if not _nan(a) and not _nan(b) and float(a) > float(b) + 1e-9)
            if bad:
                problems.append(f"{part} größer als {total} in {bad} Zeilen")
    if not len(result):
        problems.append("das Ergebnis hat keine Zeilen")
    if problems:
        return Check("plausibilitaet", False, "; ".join(problems))
    text = "Anteile zwischen 0 und 100" if exp.percent_columns and not exp.allow_over_100 else "Werte geprüft"
    if exp.parts:
        text += ", Teile nicht größer als das Ganze"
    return Check("plausibilitaet", True, text)


def _nan(value: object) -> bool:
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return value is None


def validate(code: str, language: str, data: DataFile, exp: Expectation, sandbox: Sandbox, *,
             timeout_s: float = 30.0, memory_mb: int = 1024, rtol: float = 1e-6,
             variants: tuple[str, ...] = tuple(VARIANTS)) -> Validation:
    started = time.perf_counter()
    checks = [static_check(code, language)]
    if not checks[0].passed:
        return Validation(checks, None, [], time.perf_counter() - started)
    with tempfile.TemporaryDirectory(prefix="lotse-codegen-") as tmp:
        files = {"original": data.path}
        for variant in variants:
            files[variant] = write_variant(data, variant, Path(tmp) / variant)

        def run(path: Path) -> Any:
            return sandbox.run(code, SANDBOX_LANGUAGE[language], {data.file_name: path},
                               timeout_s=timeout_s, memory_mb=memory_mb)

        def expected(path: Path) -> tuple[pd.DataFrame | None, str | None]:
            try:
                return exp.reference(path), None
            except Exception as exc:  # noqa: BLE001 - reported as a failed check
                return None, f"{type(exc).__name__}: {exc}"

        with ThreadPoolExecutor(max_workers=2) as pool:
            if hasattr(sandbox, "run_batch"):
                # One sandbox and one interpreter start for the file and its copies.
                batch = pool.submit(sandbox.run_batch, code, SANDBOX_LANGUAGE[language],
                                    [{data.file_name: p} for p in files.values()],
                                    timeout_s=timeout_s, memory_mb=memory_mb)
                refs = dict(zip(files, pool.map(expected, files.values())))
                runs = dict(zip(files, batch.result()))
            else:
                runs = dict(zip(files, pool.map(run, files.values())))
                refs = dict(zip(files, pool.map(expected, files.values())))
    first = runs["original"]
    isolation = list(getattr(first, "isolation", []) or [])
    if not first.ok:
        checks.append(Check("sandbox", False, first.error or "Ausführung fehlgeschlagen"))
        return Validation(checks, None, isolation, time.perf_counter() - started)
    checks.append(Check("sandbox", True, f"lief in {first.duration_s:.2f} s; Abschottung: "
                        + (", ".join(isolation) or "keine Angabe")))
    failures, skipped = [], []
    for name in files:
        outcome, (ref, ref_error) = runs[name], refs[name]
        if ref_error and name != "original":
            skipped.append(name)  # e.g. every line of a tiny table suppressed: nothing to compare
        elif ref_error:
            failures.append(f"{name}: Referenz nicht berechenbar ({ref_error})")
        elif not outcome.ok:
            failures.append(f"{name}: {outcome.error}")
        else:
            diff = _compare(outcome.result, ref, exp.keys, rtol)
            if diff:
                failures.append(f"{name}: {diff[:400]}")
    compared = [n for n in list(files)[1:] if n not in skipped]
    if variants and not compared:
        failures.append("keine veränderte Kopie vergleichbar (die Referenz rechnet auf keiner)")
    label = f"Original und {len(compared)} veränderte Kopien ({', '.join(compared)})"
    if skipped:
        label += f"; übersprungen, weil die Referenz dort nicht rechnet: {', '.join(skipped)}"
    checks.append(Check("vergleich_referenz", not failures,
                        "; ".join(failures) if failures else f"übereinstimmend: {label}"))
    checks.append(plausibility(first.result, exp))
    if exp.cross_check is not None:
        checks.append(cross_check(first.result, exp, data, rtol))
    return Validation(checks, first.result, isolation, time.perf_counter() - started)


def cross_check(result: pd.DataFrame, exp: Expectation, data: DataFile, rtol: float) -> Check:
    """The reference in the other language on the original file: same numbers on every row both
    produce. Rows only one side has come from the references' own rules for missing values
    (R's ``aggregate`` drops rows with NA); they are named, not counted as a mismatch."""
    assert exp.cross_check is not None
    other, runner = exp.cross_check
    name = f"kreuzprobe_{other}"
    try:
        theirs = runner(data.path)
    except Exception as exc:  # noqa: BLE001 - e.g. R missing: reported as a failed check
        return Check(name, False, f"nicht ausführbar: {exc}")

    def keyed(frame: pd.DataFrame) -> pd.Series:
        return frame[exp.keys].astype(str).agg("|".join, axis=1)

    ours_keys, their_keys = keyed(result), keyed(theirs)
    common = set(ours_keys) & set(their_keys)
    only = len(set(ours_keys) ^ set(their_keys))
    if not common:
        return Check(name, False, f"keine gemeinsame Zeile mit der Gegenrechnung in {other}")
    diff = _compare(result[ours_keys.isin(common).to_numpy()], theirs[their_keys.isin(common).to_numpy()],
                    exp.keys, rtol)
    if diff:
        return Check(name, False, diff[:400])
    note = f"; {only} Zeilen nur auf einer Seite (fehlende Werte, Regel der Referenz)" if only else ""
    return Check(name, True, f"Gegenrechnung in {other} liefert dieselben Zahlen ({len(common)} Zeilen){note}")
