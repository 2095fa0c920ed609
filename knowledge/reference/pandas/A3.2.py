"""A3.2 Verfügbares Einkommen je Einwohner – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["einkommen_tsd_eur", "einwohner"]].agg(lambda s: s.sum(skipna=False))
    den = out["einwohner"].where(out["einwohner"] != 0)  # Nenner 0 -> NaN
    out["einkommen_je_einwohner"] = out["einkommen_tsd_eur"] / den * 1000
    return out[["region", "jahr", "einkommen_je_einwohner"]]
