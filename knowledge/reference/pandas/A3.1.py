"""A3.1 SGB-II-Quote der unter 15-Jährigen – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["nef_unter_15", "bevoelkerung_unter_15"]].agg(lambda s: s.sum(skipna=False))
    den = out["bevoelkerung_unter_15"].where(out["bevoelkerung_unter_15"] != 0)  # Nenner 0 -> NaN
    out["sgb2_quote_u15"] = out["nef_unter_15"] / den * 100
    return out[["region", "jahr", "sgb2_quote_u15"]]
