"""C6.1 Kindertageseinrichtungen und genehmigte Plätze – Referenzimplementierung (pandas).

Einrichtungen und Plätze werden summiert; Plätze je 100 Kinder der Altersgruppe.
Keine Rundung. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["einrichtungen", "plaetze", "kinder_bevoelkerung"]
    out = df.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    den = out["kinder_bevoelkerung"].where(out["kinder_bevoelkerung"] != 0)
    out["plaetze_je_100_kinder"] = out["plaetze"] / den * 100
    return out[["region", "jahr", "einrichtungen", "plaetze", "plaetze_je_100_kinder"]]
