"""C7.3 Ganztagsbetreuungsquote – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "altersgruppe"], as_index=False)[["kinder_ganztag", "kinder_bevoelkerung"]].agg(lambda s: s.sum(skipna=False))
    den = out["kinder_bevoelkerung"].where(out["kinder_bevoelkerung"] != 0)  # Nenner 0 -> NaN
    out["ganztagsquote"] = out["kinder_ganztag"] / den * 100
    return out[["region", "jahr", "altersgruppe", "ganztagsquote"]]
