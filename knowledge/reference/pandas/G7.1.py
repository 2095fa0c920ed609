"""G7.1 Volkshochschul-Belegungen je 1.000 Einwohner – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["belegungen", "einwohner"]].agg(lambda s: s.sum(skipna=False))
    den = out["einwohner"].where(out["einwohner"] != 0)  # Nenner 0 -> NaN
    out["belegungen_je_1000_einwohner"] = out["belegungen"] / den * 1000
    return out[["region", "jahr", "belegungen_je_1000_einwohner"]]
