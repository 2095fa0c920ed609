"""Run the reference implementations (pandas and R) and compare results with a tolerance.

Layout under ``knowledge/reference/``::

    pandas/<ID>.py      def compute(df: pandas.DataFrame) -> pandas.DataFrame
    r/<ID>.R            compute <- function(df)   (run by r/run.R)
    fixtures/<ID>.input.csv, <ID>.expected.csv   (expected values computed by hand)

Rounding policy: references never round. Fixture values carry six decimals, so ``compare`` uses
``rtol=1e-6`` plus ``atol=1e-6`` by default; round only when you present a result.
"""

from __future__ import annotations

import importlib.util
import math
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from assistant import SHIPPED_ROOT
from assistant.errors import InputError, ReferenceRunError

if TYPE_CHECKING:
    import pandas as pd

    from assistant.catalogue.schema import Indicator

DEFAULT_REFERENCE_DIR = SHIPPED_ROOT / "knowledge" / "reference"
R_TIMEOUT_S = 60.0


def _dir(reference_dir: Path | None) -> Path:
    return Path(reference_dir) if reference_dir else DEFAULT_REFERENCE_DIR


def pandas_path(indicator_id: str, reference_dir: Path | None = None) -> Path:
    return _dir(reference_dir) / "pandas" / f"{indicator_id}.py"


def r_path(indicator_id: str, reference_dir: Path | None = None) -> Path:
    return _dir(reference_dir) / "r" / f"{indicator_id}.R"


def fixture_paths(indicator_id: str, reference_dir: Path | None = None) -> tuple[Path, Path]:
    base = _dir(reference_dir) / "fixtures"
    return base / f"{indicator_id}.input.csv", base / f"{indicator_id}.expected.csv"


def available(reference_dir: Path | None = None) -> list[str]:
    """IDs with a pandas reference, in file-name order."""
    return sorted(p.stem for p in (_dir(reference_dir) / "pandas").glob("*.py"))


def read_table(path: Path, indicator: Indicator | None = None, *, extra_text: Iterable[str] = (),
               na_values: Iterable[str] = ("",)) -> pd.DataFrame:
    """Read a fixture or result CSV; ``region``, the contract's ``str`` columns and ``extra_text``
    stay text ("01001"); only ``na_values`` count as missing."""
    import pandas as pd

    text_cols = {"region", *extra_text}
    if indicator is not None:
        text_cols |= {c.name for c in [*indicator.input, *indicator.output] if c.type == "str"}
    header = pd.read_csv(path, nrows=0).columns
    return pd.read_csv(path, dtype={c: str for c in header if c in text_cols},
                       keep_default_na=False, na_values=list(na_values))


def run_pandas(indicator_id: str, df: pd.DataFrame, reference_dir: Path | None = None) -> pd.DataFrame:
    import pandas as pd

    path = pandas_path(indicator_id, reference_dir)
    if not path.is_file():
        raise ReferenceRunError(
            f"Für '{indicator_id}' gibt es keine pandas-Referenz ({path}).",
            "Berechenbare Indikatoren zeigt 'lotse indicator list'; Referenzen liegen unter "
            "knowledge/reference/pandas/.",
        )
    spec = importlib.util.spec_from_file_location(f"lotse_reference_{indicator_id.replace('.', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.compute(df.copy())
    if not isinstance(result, pd.DataFrame):
        raise ReferenceRunError(
            f"Die pandas-Referenz für '{indicator_id}' liefert {type(result).__name__} statt DataFrame.",
            "compute(df) muss einen pandas.DataFrame zurückgeben.",
        )
    return result.reset_index(drop=True)


def rscript() -> str:
    found = shutil.which("Rscript")
    if not found:
        raise ReferenceRunError(
            "Rscript wurde nicht gefunden; die R-Referenzen können nicht laufen.",
            "Installieren Sie R (Debian/Ubuntu: apt-get install r-base-core) oder nutzen Sie die "
            "pandas-Referenz.",
        )
    return found


def run_r(indicator_id: str, df: pd.DataFrame, reference_dir: Path | None = None,
          timeout: float = R_TIMEOUT_S) -> pd.DataFrame:
    """Run ``r/<ID>.R`` through ``r/run.R`` in a subprocess (CSV in, CSV out)."""
    script = r_path(indicator_id, reference_dir)
    if not script.is_file():
        raise ReferenceRunError(
            f"Für '{indicator_id}' gibt es keine R-Referenz ({script}).",
            "R-Referenzen liegen unter knowledge/reference/r/.",
        )
    runner = script.parent / "run.R"
    text_cols = [c for c in df.columns if _is_text(df[c])]
    with tempfile.TemporaryDirectory(prefix="lotse-r-") as tmp:
        src, dst = Path(tmp) / "input.csv", Path(tmp) / "output.csv"
        df.to_csv(src, index=False, encoding="utf-8")
        cmd = [rscript(), "--vanilla", str(runner), str(script), str(src), str(dst), ",".join(text_cols)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ReferenceRunError(
                f"Die R-Referenz für '{indicator_id}' lief länger als {timeout:.0f} s und wurde beendet.",
                "Prüfen Sie die Eingabedaten (Größe) oder das R-Skript auf Endlosschleifen.",
            ) from None
        if proc.returncode != 0 or not dst.is_file():
            tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
            raise ReferenceRunError(
                f"Die R-Referenz für '{indicator_id}' ist fehlgeschlagen (Exit {proc.returncode}): {tail}",
                "Prüfen Sie, ob die Eingabe die Spalten des Katalogeintrags hat "
                f"('lotse indicator show {indicator_id}').",
            )
        return read_table(dst, extra_text=text_cols, na_values=("", "NA"))


@dataclass
class Comparison:
    ok: bool
    differences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "übereinstimmend" if self.ok else "; ".join(self.differences[:10])


def _is_text(series: pd.Series) -> bool:
    import pandas as pd

    return not pd.api.types.is_numeric_dtype(series)


def compare(result: pd.DataFrame, expected: pd.DataFrame, rtol: float = 1e-6, atol: float = 1e-6,
            keys: list[str] | None = None) -> Comparison:
    """Compare two tables by key rows; numbers with tolerance, NaN equals NaN, column order free."""
    if keys is None:
        keys = [c for c in expected.columns if _is_text(expected[c]) or c == "jahr"]
    missing_cols = [c for c in expected.columns if c not in result.columns]
    if missing_cols:
        return Comparison(False, [f"Spalten fehlen im Ergebnis: {', '.join(missing_cols)}"])

    def index(df: pd.DataFrame) -> dict[tuple, dict]:
        rows = {}
        for rec in df.to_dict("records"):
            rows[tuple(str(rec[k]) for k in keys)] = rec
        return rows

    got, want = index(result), index(expected)
    diffs = [f"Zeile {k} fehlt" for k in want if k not in got]
    diffs += [f"Zeile {k} ist zu viel" for k in got if k not in want]
    if len(got) != len(result) or len(want) != len(expected):
        diffs.append(f"Schlüssel {keys} sind nicht eindeutig")
    for key, row in want.items():
        if key not in got:
            continue
        for col in expected.columns:
            if col in keys:
                continue
            a, b = got[key][col], row[col]
            if _same(a, b, rtol, atol):
                continue
            diffs.append(f"{col} in {key}: erwartet {b}, erhalten {a}")
    return Comparison(not diffs, diffs)


def _same(a: object, b: object, rtol: float, atol: float) -> bool:
    try:
        fa, fb = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(a) == str(b)
    if math.isnan(fa) or math.isnan(fb):
        return math.isnan(fa) and math.isnan(fb)
    return math.isclose(fa, fb, rel_tol=rtol, abs_tol=atol)


def check(indicator: Indicator, engine: str = "pandas", reference_dir: Path | None = None) -> Comparison:
    """Run one reference on its fixture and compare with the hand-computed expected table."""
    src, exp = fixture_paths(indicator.id, reference_dir)
    if not src.is_file() or not exp.is_file():
        raise InputError(f"Für '{indicator.id}' fehlen die Testdaten ({src.name}, {exp.name}).",
                         "Legen Sie Eingabe und erwartetes Ergebnis unter knowledge/reference/fixtures/ an.")
    df = read_table(src, indicator)
    run = run_pandas if engine == "pandas" else run_r
    return compare(run(indicator.id, df, reference_dir), read_table(exp, indicator),
                   keys=indicator.key_columns())
