"""E7.1 Ausbildungsanfängerquote (AAQ) – Referenzimplementierung (pandas).

Quotensumme über die Alter 16 bis 24. Offene Ränder: Anfänger mit 16 und jünger werden auf die
16-Jährigen bezogen, Anfänger mit 24 und älter auf die 24-Jährigen; die Bevölkerung außerhalb
16–24 wird nicht verwendet. Keine Rundung; fehlt die Bevölkerung eines Altersjahres -> NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    keys = ["region", "jahr", "alter"]
    anfaenger = (df.assign(alter=df["alter"].clip(16, 24))
                 .groupby(keys)["ausbildungsanfaenger"].agg(lambda s: s.sum(skipna=False)))
    inside = df[(df["alter"] >= 16) & (df["alter"] <= 24)]
    bevoelkerung = inside.groupby(keys)["bevoelkerung"].agg(lambda s: s.sum(skipna=False))
    by_age = pd.concat([anfaenger, bevoelkerung], axis=1).reset_index()
    den = by_age["bevoelkerung"].where(by_age["bevoelkerung"] != 0)
    by_age["quote"] = by_age["ausbildungsanfaenger"] / den * 100
    # Neun Summanden (16 bis 24); fehlt ein Altersjahr ganz oder ist ein Glied NaN, ist die Summe NaN.
    out = by_age.groupby(["region", "jahr"])["quote"].agg(
        lambda q: q.sum(skipna=False) if len(q) == 9 else float("nan"))
    return out.rename("ausbildungsanfaengerquote").reset_index()
