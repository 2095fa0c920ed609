"""D13.1 Wiederholerquote – Referenzimplementierung (pandas).

Klassenstufen 1 und 2 (flexible Eingangsphase) fallen aus Zähler und Nenner heraus; übrige
Wiederholer und Schüler je Region, Jahr und Geschlecht summieren, dann teilen. Keine Rundung.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df[df["klassenstufe"] >= 3]
    keys = ["region", "jahr", "geschlecht"]
    out = d.groupby(keys, as_index=False)[["wiederholer", "schueler"]].agg(lambda s: s.sum(skipna=False))
    out["wiederholerquote"] = out["wiederholer"] / out["schueler"].where(out["schueler"] != 0) * 100
    return out
