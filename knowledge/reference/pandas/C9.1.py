"""C9.1 Personalschlüssel in Kindertageseinrichtungen – Referenzimplementierung (pandas).

Ganztagsbetreuungsäquivalente = Betreuungsstunden / 40, Vollzeitäquivalente = Arbeitsstunden / 39;
Schlüssel 1 : x mit x = GTBÄ / VZÄ aus den summierten Stunden (gepoolt, kein Median der Gruppen).
Keine Rundung; ohne Personal NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    keys = ["region", "jahr", "gruppentyp"]
    cols = ["betreuungsstunden_woche", "arbeitsstunden_woche"]
    out = df.groupby(keys, as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    out["ganztagsbetreuungsaequivalente"] = out["betreuungsstunden_woche"] / 40
    out["vollzeitaequivalente"] = out["arbeitsstunden_woche"] / 39
    den = out["vollzeitaequivalente"].where(out["vollzeitaequivalente"] != 0)
    out["personalschluessel"] = out["ganztagsbetreuungsaequivalente"] / den
    return out[keys + ["ganztagsbetreuungsaequivalente", "vollzeitaequivalente",
                       "personalschluessel"]]
