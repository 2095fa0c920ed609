"""A1.5 Wanderungssaldo je 1.000 Einwohner – Referenzimplementierung (pandas).

Saldo = Zuzüge - Fortzüge, je Gruppe summiert; bezogen auf die summierten Einwohner × 1.000.
Keine Rundung. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["zuzuege", "fortzuege", "bevoelkerung"]
    out = df.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    out["wanderungssaldo"] = out["zuzuege"] - out["fortzuege"]
    den = out["bevoelkerung"].where(out["bevoelkerung"] != 0)
    out["wanderungssaldo_je_1000"] = out["wanderungssaldo"] / den * 1000
    return out[["region", "jahr", "wanderungssaldo", "wanderungssaldo_je_1000"]]
