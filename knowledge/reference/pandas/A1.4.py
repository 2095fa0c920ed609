"""A1.4 Ausländeranteil an der Bevölkerung – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["auslaender", "bevoelkerung"]].agg(lambda s: s.sum(skipna=False))
    den = out["bevoelkerung"].where(out["bevoelkerung"] != 0)  # Nenner 0 -> NaN
    out["auslaenderanteil"] = out["auslaender"] / den * 100
    return out[["region", "jahr", "auslaenderanteil"]]
