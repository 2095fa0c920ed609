"""A1.2 Jugend- und Altenquotient – Referenzimplementierung (pandas).

Abgrenzung der NRW-Sozialindikatoren: unter 20 | 20 bis unter 65 | 65 und älter.
Keine Rundung. Ohne Personen im Erwerbsalter sind alle Quotienten NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df.assign(
        jung=df["bevoelkerung"].where(df["alter"] < 20, 0),
        mitte=df["bevoelkerung"].where((df["alter"] >= 20) & (df["alter"] < 65), 0),
        alt=df["bevoelkerung"].where(df["alter"] >= 65, 0),
    )
    out = d.groupby(["region", "jahr"], as_index=False)[["jung", "mitte", "alt"]].agg(lambda s: s.sum(skipna=False))
    mitte = out["mitte"].where(out["mitte"] != 0)  # Nenner 0 -> NaN
    out["jugendquotient"] = out["jung"] / mitte * 100
    out["altenquotient"] = out["alt"] / mitte * 100
    out["gesamtquotient"] = out["jugendquotient"] + out["altenquotient"]
    return out[["region", "jahr", "jugendquotient", "altenquotient", "gesamtquotient"]]
