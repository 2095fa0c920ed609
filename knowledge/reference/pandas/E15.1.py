"""E15.1 Abschlüsse an beruflichen Schulen nach Abschlussart – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "abschlussart"], as_index=False)["anzahl"].agg(lambda s: s.sum(skipna=False))
    total = out.groupby(["region", "jahr"])["anzahl"].transform(lambda s: s.sum(skipna=False))
    out["anteil"] = out["anzahl"] / total.where(total != 0) * 100
    return out
