"""D15.1 Anteil der Schulabgänger ohne Hauptschulabschluss – Referenzimplementierung (pandas).

Zähler und Nenner werden je Gruppe summiert, dann geteilt (nie Quoten mitteln).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr"], as_index=False)[["abgaenger_ohne_abschluss", "absolventen_abgaenger"]].agg(lambda s: s.sum(skipna=False))
    den = out["absolventen_abgaenger"].where(out["absolventen_abgaenger"] != 0)  # Nenner 0 -> NaN
    out["anteil_ohne_abschluss"] = out["abgaenger_ohne_abschluss"] / den * 100
    return out[["region", "jahr", "abgaenger_ohne_abschluss", "absolventen_abgaenger", "anteil_ohne_abschluss"]]
