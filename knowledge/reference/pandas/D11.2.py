"""D11.2 Rückstellungsquote bei der Einschulung – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "geschlecht"], as_index=False)[["zurueckgestellt", "schulpflichtige_erstmals"]].agg(lambda s: s.sum(skipna=False))
    den = out["schulpflichtige_erstmals"].where(out["schulpflichtige_erstmals"] != 0)  # Nenner 0 -> NaN
    out["rueckstellungsquote"] = out["zurueckgestellt"] / den * 100
    return out[["region", "jahr", "geschlecht", "rueckstellungsquote"]]
