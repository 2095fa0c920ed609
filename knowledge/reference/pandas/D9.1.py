"""D9.1 Schüler-Lehrer-Relation – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "schulart"], as_index=False)[["schueler", "lehrkraefte_vzae"]].agg(lambda s: s.sum(skipna=False))
    den = out["lehrkraefte_vzae"].where(out["lehrkraefte_vzae"] != 0)  # Nenner 0 -> NaN
    out["schueler_je_lehrkraft"] = out["schueler"] / den
    return out[["region", "jahr", "schulart", "schueler_je_lehrkraft"]]
