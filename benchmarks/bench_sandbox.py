"""Time of the static policy and the sandbox per snippet (pandas and R), and where startup goes.

    python benchmarks/bench_sandbox.py [--repeat 5] [--rows 8000]

Prints the median of ``--repeat`` runs for: the bare interpreters (``python -c pass``, ``import
pandas``, ``Rscript -e 1``, ``library(dplyr)``) outside any sandbox; the namespace and private-root
setup alone (``/bin/true`` in the sandbox); and policy + sandbox for share snippets on a synthetic
tidy table (Kreise x years x groups), plus ``run_batch`` on four input sets (the data and three
perturbed copies checked in one sandbox). Issue 12's targets for the whole validation: <= 1.5 s pandas,
<= 3 s R (the comparison with the reference comes on top of the figures printed here).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy
from timing import median_time  # noqa: E402 - benchmarks/timing.py, next to this script

from assistant.codegen import isolation
from assistant.codegen.policy import check_python
from assistant.codegen.policy_r import check_r
from assistant.codegen.sandbox import CLEAN_ENV, ProcessSandbox

PANDAS = '''import pandas as pd
df = pd.read_csv("daten.csv", dtype={"region": str})
z = df[df["gruppe"] == "ohne Abschluss"].groupby(["region", "jahr"])["anzahl"].sum()
n = df[df["gruppe"] == "Insgesamt"].groupby(["region", "jahr"])["anzahl"].sum()
ergebnis = (z / n * 100).rename("anteil").reset_index()
'''
R_BASE = '''df <- read.csv("daten.csv", colClasses = c(region = "character"))
z <- aggregate(anzahl ~ region + jahr, data = df[df$gruppe == "ohne Abschluss", ], FUN = sum)
n <- aggregate(anzahl ~ region + jahr, data = df[df$gruppe == "Insgesamt", ], FUN = sum)
m <- merge(z, n, by = c("region", "jahr"), suffixes = c("_z", "_n"))
ergebnis <- data.frame(region = m$region, jahr = m$jahr, anteil = m$anzahl_z / m$anzahl_n * 100)
'''
R_DPLYR = '''library(dplyr)
df <- read.csv("daten.csv", colClasses = c(region = "character"))
ergebnis <- df %>%
  group_by(region, jahr) %>%
  summarise(anteil = sum(anzahl[gruppe == "ohne Abschluss"]) / sum(anzahl[gruppe == "Insgesamt"]) * 100,
            .groups = "drop")
'''



def write_table(path: Path, rows: int) -> None:
    lines = ["region,jahr,gruppe,anzahl"]
    kreise = max(1, rows // 20)
    for k in range(kreise):
        for year in range(2015, 2025):
            total = 200 + (k * 37 + year) % 500
            lines.append(f"{1001 + k:05d},{year},Insgesamt,{total}")
            lines.append(f"{1001 + k:05d},{year},ohne Abschluss,{total // 17}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_quiet(argv: list[str]) -> None:
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def startup(repeat: int) -> None:
    print("startup (median, s)")
    py = os.path.realpath(sys.executable)
    print(f"  python -I -c pass (bare)             {median_time(lambda: run_quiet([py, '-I', '-c', 'pass']), repeat):6.3f}")
    print(f"  python -I -c 'import pandas' (bare)  "
          f"{median_time(lambda: run_quiet([py, '-I', '-c', 'import pandas']), repeat):6.3f}")
    rscript = shutil.which("Rscript")
    if rscript:
        print(f"  Rscript -e 1 (bare)                  "
              f"{median_time(lambda: run_quiet([rscript, '--vanilla', '-e', '1']), repeat):6.3f}")
        print(f"  Rscript library(dplyr) (bare)        "
              f"{median_time(lambda: run_quiet([rscript, '--vanilla', '-e', 'library(dplyr)']), repeat):6.3f}")
    mode = isolation.detect()
    if mode.namespaces:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            for name in ("root", "work", "run"):
                (base / name).mkdir()
            binds = isolation.prepare_root(base / "root", base / "work", base / "run")
            script = isolation.setup_script(base / "root", binds, ["/bin/true"], CLEAN_ENV,
                                            drop_to_uid=isolation.run_uid(mode))
            argv = [*mode.prefix, "/bin/sh", "-c", script]
            print(f"  namespaces + private root (/bin/true) {median_time(lambda: run_quiet(argv), repeat):6.3f}")
    else:
        print(f"  namespaces unavailable: {mode.note}")


def snippets(repeat: int, rows: int) -> None:
    sandbox = ProcessSandbox()
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "daten.csv"
        write_table(table, rows)
        size_kb = table.stat().st_size / 1024
        print(f"\nper snippet on {table.name} ({size_kb:.0f} KB; median, s)")
        print(f"  {'snippet':<14}{'policy':>8}{'sandbox':>9}{'total':>8}{'batch x4':>10}  isolation")
        cases = [("pandas", "python", PANDAS, check_python)]
        if shutil.which("Rscript"):
            cases += [("R base", "r", R_BASE, check_r), ("R dplyr", "r", R_DPLYR, check_r)]
        for label, language, code, check in cases:
            assert check(code) == [], check(code)
            result = sandbox.run(code, language, {"daten.csv": table})
            assert result.ok, (result.error, result.stderr)
            policy_s = median_time(lambda: check(code), repeat)  # noqa: B023
            sandbox_s = median_time(lambda: sandbox.run(code, language, {"daten.csv": table}), repeat)  # noqa: B023
            sets = [{"daten.csv": table}] * 4  # the data and three perturbed copies, in one sandbox
            batch_s = median_time(lambda: sandbox.run_batch(code, language, sets), repeat)  # noqa: B023
            print(f"  {label:<14}{policy_s:8.3f}{sandbox_s:9.3f}{policy_s + sandbox_s:8.3f}{batch_s:10.3f}  "
                  f"{','.join(result.isolation)}")


PY_STATUS = '\nprint(" ".join(l for l in open("/proc/self/status").read().splitlines() if l.startswith(("VmPeak", "VmHWM"))))\n'
R_STATUS = '\nst <- readLines("/proc/self/status")\ncat(st[grepl("^(VmPeak|VmHWM)", st)], "\\n")\n'


def memory(rows: int) -> None:
    """Peak address space and resident memory of each snippet in the sandbox, and the smallest
    ``memory_mb`` (of 256/384/512/1024) it runs with: the default limit must leave room for real
    data and still stop a memory bomb."""
    sandbox = ProcessSandbox()
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "daten.csv"
        write_table(table, rows)
        print("\nmemory in the sandbox (VmPeak = address space, VmHWM = resident peak)")
        cases = [("pandas", "python", PANDAS + PY_STATUS)]
        if shutil.which("Rscript"):
            cases += [("R base", "r", R_BASE + R_STATUS), ("R dplyr", "r", R_DPLYR + R_STATUS)]
        for label, language, code in cases:
            result = sandbox.run(code, language, {"daten.csv": table}, memory_mb=4096)
            figures = " ".join(result.stdout.replace("\t", " ").replace("'", "").split())
            smallest = next((mb for mb in (256, 384, 512, 1024)
                             if sandbox.run(code, language, {"daten.csv": table}, memory_mb=mb).ok), None)
            print(f"  {label:<10}{figures}   runs with memory_mb >= {smallest}")
        bomb = sandbox.run("x = bytearray(4 * 1024 ** 3)\n", "python", {}, memory_mb=1024)
        print(f"  memory bomb (4 GB) at the default 1024 MB: {bomb.error} ({bomb.duration_s:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=8000)
    args = parser.parse_args()
    startup(args.repeat)
    snippets(args.repeat, args.rows)
    memory(args.rows)


if __name__ == "__main__":
    main()
