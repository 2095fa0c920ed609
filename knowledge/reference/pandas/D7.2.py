"""D7.2 Ausländeranteil an allgemeinbildenden Schulen – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "schulart"], as_index=False)[["schueler_auslaendisch", "schueler"]].agg(lambda s: s.sum(skipna=False))
    den = out["schueler"].where(out["schueler"] != 0)  # Nenner 0 -> NaN
    out["auslaenderanteil"] = out["schueler_auslaendisch"] / den * 100
    return out[["region", "jahr", "schulart", "auslaenderanteil"]]
