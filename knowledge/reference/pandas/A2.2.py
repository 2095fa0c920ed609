"""A2.2 Jugendarbeitslosenquote – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["arbeitslose_15_25", "erwerbspersonen_15_25"]].agg(lambda s: s.sum(skipna=False))
    den = out["erwerbspersonen_15_25"].where(out["erwerbspersonen_15_25"] != 0)  # Nenner 0 -> NaN
    out["jugendarbeitslosenquote"] = out["arbeitslose_15_25"] / den * 100
    return out[["region", "jahr", "jugendarbeitslosenquote"]]
