"""Throughput of the table privacy gate on a synthetic pupil list.

    python benchmarks/bench_tables.py [--rows 100000]

Prints rows/s for reading the CSV, for ``check_table`` (detection, pseudonymisation, birth year,
k-anonymity) and for the whole ``lotse privacy check-table`` path, plus an aggregate table
(suppression) built from the same pupils.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

FIRST = ["Elif", "Jonas", "Omar", "Oleksandr", "Anna", "Zofia", "Fatima", "Mykola", "Aylin",
         "Lukas", "Mia", "Ben", "Yusuf", "Daryna", "Leonie", "Emre", "Amina", "Paul", "Sofiia", "Ali"]
LAST = ["Yılmaz", "Müller", "Al-Hassan", "Kovalenko", "Schmidt", "Nowak", "Haddad", "Bondarenko",
        "Çelik", "Wagner", "Becker", "Demir", "Khalil", "Shevchenko", "Koch", "Weber", "Kaya"]


def synthetic_pupils(rows: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    birth = pd.Timestamp("2008-01-01") + pd.to_timedelta(rng.integers(0, 365 * 12, rows), "D")
    return pd.DataFrame({
        "Schüler-ID": [f"S{n:07d}" for n in range(rows)],
        "Nachname": rng.choice(LAST, rows),
        "Vorname": rng.choice(FIRST, rows),
        "Geburtsdatum": birth.strftime("%d.%m.%Y"),
        "Schule": rng.choice([f"Grundschule {n}" for n in range(60)], rows),
        "Klasse": rng.choice(["1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b"], rows),
        "Geschlecht": rng.choice(["w", "m", "d"], rows, p=[0.49, 0.49, 0.02]),
        "Staatsangehörigkeit": rng.choice(["deutsch", "türkisch", "syrisch", "ukrainisch",
                                           "polnisch", "afghanisch"], rows,
                                          p=[0.7, 0.08, 0.08, 0.06, 0.05, 0.03]),
        "Förderbedarf": rng.choice(["nein", "Lernen", "Sprache", "ESE"], rows,
                                   p=[0.92, 0.04, 0.02, 0.02]),
        "Note Deutsch": rng.integers(1, 7, rows).astype(str),
    })


def timed(label: str, rows: int, fn):  # noqa: ANN001
    start = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s")
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    from assistant.privacy.tables.io import read_table
    from assistant.privacy.tables.names import name_lexicon
    from assistant.privacy.tables.check import check_table

    timed("name lexicon (once per process)", 1, name_lexicon)
    frame = synthetic_pupils(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "schuelerliste.csv"
        frame.to_csv(path, sep=";", index=False, encoding="cp1252", errors="replace")
        print(f"synthetic pupil list: {args.rows:,} rows, {frame.shape[1]} columns, "
              f"{path.stat().st_size / 2**20:.1f} MB")
        loaded = timed("read_table (CSV, cp1252, sniffing)", args.rows, lambda: read_table(path))
        result = timed("check_table (microdata)", args.rows, lambda: check_table(loaded))
        timed("read + check (check-table path)", args.rows,
              lambda: check_table(read_table(path)))
    print("  direct:", ", ".join(f"{c.column}={c.kind}" for c in result.personal_columns))
    print("  k-anonymity findings:", len(result.k_anonymity),
          "| rows at risk (all quasi-identifiers):",
          next((f.rows_at_risk for f in result.k_anonymity if f.all_quasi), 0))
    counts = (frame.groupby(["Schule", "Klasse", "Förderbedarf"]).size()
              .unstack(fill_value=0).reset_index())
    counts.columns = [str(c) for c in counts.columns]
    counts["Insgesamt"] = counts[["ESE", "Lernen", "Sprache", "nein"]].sum(axis=1)
    counts = counts.astype(str)
    agg = timed(f"check_table (aggregate, {len(counts)} rows)", len(counts),
                lambda: check_table(counts, table_kind="aggregate"))
    s = agg.suppression
    print(f"  suppression: {s.cells} cells, {s.primary} primary, {s.secondary} secondary")


if __name__ == "__main__":
    main()
