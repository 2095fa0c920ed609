"""Score ``lotse code "Aufgabe" --data FILE`` on an independently written task set.

Each task names a data file (in shared/data/regionalstatistik) and expected values per region.
A task counts as right when the answer is validated and, for every expected value, a result row
of that region (any row for pooled values, whose region is written "a+b+c") carries a number
within the task's tolerance. Runs on the configured backend (the embedded base model by
default: the deterministic path).

    python scripts/eval_codegen_tasks.py tests/data/codegen_eval/codegen_tasks.yaml [--lang pandas]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def numbers(row: dict) -> list[float]:
    out = []
    for value in row.values():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value):
            out.append(float(value))
    return out


def found(expected: dict, rows: list[dict], tolerance: float) -> bool:
    region = str(expected.get("region", ""))
    candidates = rows if "+" in region else [r for r in rows if str(r.get("region", "")) == region]
    return any(abs(v - float(expected["value"])) <= tolerance + 1e-9 for r in candidates for v in numbers(r))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tasks", type=Path)
    parser.add_argument("--lang", default="pandas", choices=["pandas", "r"])
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()

    from assistant.errors import LotseError
    from assistant.service import Lotse
    from assistant.settings import load_settings
    from tests.conftest import SHARED

    data_dir = args.data_dir or SHARED / "data" / "regionalstatistik"
    lotse = Lotse(load_settings(paths={"data_dir": Path(tempfile.mkdtemp(prefix="lotse-evalcode-"))}),
                  status=lambda _m: None)
    tasks = yaml.safe_load(args.tasks.read_text(encoding="utf-8"))
    right = 0
    for task in tasks:
        start = time.perf_counter()
        try:
            result = lotse.generate_code(data_dir / task["data"], task=task["task"], language=args.lang)
            rows = list(result.result)
            hits = [found(e, rows, float(task.get("tolerance", 0.05))) for e in task["expected"]]
            ok = result.validated and all(hits)
            verdict = (f"{'RICHTIG' if ok else 'FALSCH '} validated={result.validated} "
                       f"template={result.template} treffer={sum(hits)}/{len(hits)}")
        except LotseError as exc:
            ok = False
            verdict = f"FALSCH   Fehlermeldung: {exc.message[:120]}"
        right += ok
        print(f"{task['id']}: {verdict} ({time.perf_counter() - start:.1f} s)")
    print(f"\n{right} von {len(tasks)} Aufgaben richtig ({args.lang}, Modell: {lotse.settings.llm.backend})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
