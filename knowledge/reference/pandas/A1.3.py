"""A1.3 Durchschnittsalter der Bevölkerung – Referenzimplementierung (pandas).

Wer a Jahre alt ist, geht mit a + 0,5 Jahren ein (Klassenmitte); gewichtet mit der Einwohnerzahl.
Keine Rundung. Ohne Einwohner NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df.assign(lebensjahre=(df["alter"] + 0.5) * df["bevoelkerung"])
    out = d.groupby(["region", "jahr"], as_index=False)[["lebensjahre", "bevoelkerung"]].agg(lambda s: s.sum(skipna=False))
    den = out["bevoelkerung"].where(out["bevoelkerung"] != 0)
    out["durchschnittsalter"] = out["lebensjahre"] / den
    return out[["region", "jahr", "durchschnittsalter"]]
