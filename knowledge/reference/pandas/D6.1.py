"""D6.1 Allgemeinbildende Schulen nach Schularten – Referenzimplementierung (pandas).

Schulen und Schüler je Schulart summiert; Schulgröße = Schüler / Schulen. Ohne Schulen NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    keys = ["region", "jahr", "schulart"]
    out = df.groupby(keys, as_index=False)[["schulen", "schueler"]].agg(lambda s: s.sum(skipna=False))
    out["schueler_je_schule"] = out["schueler"] / out["schulen"].where(out["schulen"] != 0)
    return out
