"""Cold start of ``lotse --help``: median over repeated runs (target ≤ 0.5 s).

    python benchmarks/bench_cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def measure(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    candidates = [("python -m assistant --help", [sys.executable, "-m", "assistant", "--help"])]
    script = shutil.which("lotse")
    if script:
        candidates.append((f"{script} --help", [script, "--help"]))
    for label, cmd in candidates:
        times = measure(cmd, args.runs)
        print(f"{label}: median {statistics.median(times)*1000:.0f} ms, "
              f"min {min(times)*1000:.0f} ms, max {max(times)*1000:.0f} ms ({args.runs} runs)")


if __name__ == "__main__":
    main()
