"""Time for one report end to end: read, compute, validate, chart, text, DOCX.

    python benchmarks/bench_report.py [--runs 3] [--no-code-check] [--data FILE]

Writes the Chemnitz report (D15.1, compared with Leipzig and Dresden) as DOCX into a temporary
folder, through ``Lotse.report`` with the templates (the embedded default is a base model, so no
model runs). Prints each run and the median, plus the share of the validated code path
(``Lotse.generate_code``: snippet in the sandbox, reference on perturbed copies, R cross-check when
Rscript is installed). Target: <= 5 s per report.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

DEFAULT = Path("/work/shared/data/regionalstatistik/21111-02-06-4.csv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("LOTSE_BENCH_DATA", DEFAULT)))
    parser.add_argument("--no-code-check", action="store_true",
                        help="Nur die Referenz rechnen (ohne lotse-code-Abgleich), zum Vergleich.")
    args = parser.parse_args()

    started = time.perf_counter()
    from assistant.reports import ReportRequest, make_report
    from assistant.service import Lotse

    import_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="lotse-bench-report-") as tmp:
        os.environ.setdefault("LOTSE_PATHS__DATA_DIR", tmp)
        lotse = Lotse(status=lambda _: None)
        code_seconds: list[float] = []
        original = lotse.generate_code

        def timed_generate(*a, **kw):
            t0 = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                code_seconds.append(time.perf_counter() - t0)

        lotse.generate_code = timed_generate  # type: ignore[method-assign]
        times = []
        for run in range(args.runs):
            out = Path(tmp) / f"bericht-{run}.docx"
            request = ReportRequest("D15.1", args.data, "14511", out, compare=("14713", "14612"))
            t0 = time.perf_counter()
            if args.no_code_check:
                make_report(request, lotse.settings)
            else:
                lotse.report(request, use_model=False)
            times.append(time.perf_counter() - t0)
            code = f", davon Code-Abgleich {code_seconds[-1]:.2f} s" if code_seconds and not args.no_code_check else ""
            print(f"Lauf {run + 1}: {times[-1]:.2f} s{code} ({out.stat().st_size / 1024:.0f} KiB DOCX)")
    print(f"Import: {import_s:.2f} s")
    print(f"Bericht Ende zu Ende (Median von {args.runs}): {statistics.median(times):.2f} s "
          f"(Ziel <= 5 s){' ohne Code-Abgleich' if args.no_code_check else ''}")
    if code_seconds:
        print(f"Code-Abgleich (Median): {statistics.median(code_seconds):.2f} s")


if __name__ == "__main__":
    main()
