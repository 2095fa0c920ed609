"""Validation time per snippet (static policy + sandbox runs + comparison with the reference on
the file and its perturbed copies), pandas and R (targets ≤ 1.5 s / ≤ 3 s), on the D15.1 snippet
for a real Regionaldatenbank table, as CSV and in the two other formats code generation reads:
the same table as a Regionaldatenbank-style XLSX and as a GENESIS flat CSV (both built from the
real CSV by tests/codegen/formats.py). Also: one bare sandbox run and a plain pandas read of the
same file for scale.

    python benchmarks/bench_codegen.py [--repeat 3] [--data FILE] [--formats csv,xlsx,flat]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, not an installed copy

from assistant import PROJECT_ROOT  # noqa: E402
from assistant.catalogue import load_catalogue  # noqa: E402
from assistant.codegen.generate import expectation  # noqa: E402
from assistant.codegen.plan import plan_indicator  # noqa: E402
from assistant.codegen.sandbox import ProcessSandbox  # noqa: E402
from assistant.codegen.snippet import render  # noqa: E402
from assistant.codegen.source import DataFile, describe_file  # noqa: E402
from assistant.codegen.templates import CodeTemplateLibrary  # noqa: E402
from assistant.codegen.validate import static_check, validate  # noqa: E402

DEFAULT = Path("/work/shared/data/regionalstatistik/21111-02-06-4.csv")


def plain_read(data: DataFile) -> float:
    """Seconds pandas needs to read the file, knowing its format."""
    import pandas as pd

    started = time.perf_counter()
    if data.file_format == "xlsx":
        pd.read_excel(data.path, header=None, dtype=str)
    elif data.file_format == "flat":
        pd.read_csv(data.path, sep=data.sep, dtype=str, encoding=data.encoding)
    else:
        pd.read_csv(data.path, sep=";", encoding="cp1252", header=None, names=range(data.width),
                    skiprows=data.skip, dtype=str, on_bad_lines="skip")
    return time.perf_counter() - started


def bench(path: Path, label: str, repeat: int, sandbox: ProcessSandbox) -> None:
    data = describe_file(path)
    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    indicator = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators").get("D15.1")
    size = path.stat().st_size / 1024
    print(f"== {label}: {path.name} ({size:.0f} KB); plain pandas read {plain_read(data):.3f} s")
    for language in ("pandas", "r"):
        plan = plan_indicator(data, indicator, library.get(f"indikator_{language}"), [])
        code = render(library, plan, language)
        exp = expectation(plan, language, cross_check=False)
        t = time.perf_counter()
        static_check(code, language)
        static = time.perf_counter() - t
        t = time.perf_counter()
        single = sandbox.run(code, "python" if language == "pandas" else "r", {data.file_name: data.path},
                             timeout_s=60, memory_mb=1024)
        bare = time.perf_counter() - t
        times, ok = [], True
        for _ in range(repeat):
            outcome = validate(code, language, data, exp, sandbox, timeout_s=60)
            ok = ok and outcome.passed
            times.append(outcome.seconds)
        target = 1.5 if language == "pandas" else 3.0
        print(f"{language:<6} validation (static + sandbox batch of 3 files + compare x3): median "
              f"{statistics.median(times):.2f} s, min {min(times):.2f} s over {repeat} "
              f"(target ≤ {target} s); validated={ok}; static {static * 1000:.0f} ms; "
              f"one sandbox run {bare:.2f} s ({'ok' if single.ok else single.error})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--formats", default="csv,xlsx,flat")
    args = parser.parse_args()
    from tests.codegen.formats import genesis_flat, genesis_xlsx

    sandbox = ProcessSandbox()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        stem = args.data.stem
        if "csv" in formats:
            bench(args.data, "CSV (Regionaldatenbank block)", args.repeat, sandbox)
        if "xlsx" in formats:
            bench(genesis_xlsx(args.data, Path(tmp) / f"{stem}.xlsx", numeric_key="01001"),
                  "XLSX (Regionaldatenbank layout, built from the CSV)", args.repeat, sandbox)
        if "flat" in formats:
            bench(genesis_flat(args.data, Path(tmp) / f"{stem}_flat.csv"),
                  "GENESIS flat CSV (built from the CSV)", args.repeat, sandbox)


if __name__ == "__main__":
    main()
