"""C7.4 Migrationshintergrund und Familiensprache in Kitas – Referenzimplementierung (pandas).

Beide Merkmale als Anteil an allen Kindern in Einrichtungen. Keine Rundung; Nenner 0 -> NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["kinder_kita", "kinder_migrationshintergrund", "kinder_familiensprache_nicht_deutsch"]
    out = df.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    den = out["kinder_kita"].where(out["kinder_kita"] != 0)
    out["anteil_migrationshintergrund"] = out["kinder_migrationshintergrund"] / den * 100
    out["anteil_familiensprache_nicht_deutsch"] = (
        out["kinder_familiensprache_nicht_deutsch"] / den * 100)
    return out[["region", "jahr", "anteil_migrationshintergrund",
                "anteil_familiensprache_nicht_deutsch"]]
