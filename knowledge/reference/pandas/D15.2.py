"""D15.2 Absolventen und Abgänger nach Abschlussart – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Kategorien mit dem Präfix 'dar_' sind Darunter-Positionen und fallen weg.
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    df = df[~df["abschlussart"].str.startswith("dar_")]  # Darunter-Positionen
    out = df.groupby(["region", "jahr", "abschlussart"], as_index=False)["anzahl"].agg(lambda s: s.sum(skipna=False))
    total = out.groupby(["region", "jahr"])["anzahl"].transform(lambda s: s.sum(skipna=False))
    out["anteil"] = out["anzahl"] / total.where(total != 0) * 100
    return out
