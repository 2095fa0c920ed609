"""Validation time per snippet (static policy + sandbox runs + comparison with the reference on
the file and its perturbed copies), pandas and R (targets ≤ 1.5 s / ≤ 3 s), on the D15.1 snippet
for a real Regionaldatenbank table. Also: one bare sandbox run and a plain ``pandas.read_csv`` of
the same file for scale.

    python benchmarks/bench_codegen.py [--repeat 3] [--data FILE]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.codegen.generate import expectation
from assistant.codegen.plan import plan_indicator
from assistant.codegen.sandbox import ProcessSandbox
from assistant.codegen.snippet import render
from assistant.codegen.source import describe_file
from assistant.codegen.templates import CodeTemplateLibrary
from assistant.codegen.validate import static_check, validate

DEFAULT = Path("/work/shared/data/regionalstatistik/21111-02-06-4.csv")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()

    import pandas as pd

    data = describe_file(args.data)
    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    indicator = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators").get("D15.1")
    sandbox = ProcessSandbox()
    started = time.perf_counter()
    pd.read_csv(args.data, sep=";", encoding="cp1252", header=None, names=range(data.width),
                skiprows=data.skip, dtype=str, on_bad_lines="skip")
    print(f"pandas.read_csv of {args.data.name}: {time.perf_counter() - started:.3f} s")
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
        for _ in range(args.repeat):
            outcome = validate(code, language, data, exp, sandbox, timeout_s=60)
            ok = ok and outcome.passed
            times.append(outcome.seconds)
        target = 1.5 if language == "pandas" else 3.0
        print(f"{language:<6} validation (static + sandbox x3 + compare x3): median "
              f"{statistics.median(times):.2f} s, min {min(times):.2f} s over {args.repeat} "
              f"(target ≤ {target} s); validated={ok}; static {static * 1000:.0f} ms; "
              f"one sandbox run {bare:.2f} s ({'ok' if single.ok else single.error})")


if __name__ == "__main__":
    main()
