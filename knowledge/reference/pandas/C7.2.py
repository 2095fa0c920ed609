"""C7.2 Betreuungsquote der Kinder von 3 bis unter 6 Jahren – Referenzimplementierung (pandas).

Betreute Kinder (Einrichtung + Tagespflege ohne zusätzlichen Einrichtungsbesuch) und Kinder der
Bevölkerung werden über die Altersjahre 3, 4 und 5 getrennt summiert, dann geteilt – nicht die
Quoten der Einzeljahre gemittelt. Andere Alter werden ignoriert. Keine Rundung; Nenner 0 -> NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df[(df["alter"] >= 3) & (df["alter"] < 6)]
    d = d.assign(kinder_betreut=d["kinder_kita"] + d["kinder_tagespflege"])
    cols = ["kinder_betreut", "kinder_bevoelkerung"]
    out = d.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    den = out["kinder_bevoelkerung"].where(out["kinder_bevoelkerung"] != 0)
    out["betreuungsquote"] = out["kinder_betreut"] / den * 100
    return out
