"""D7.1 Schülerinnen und Schüler nach Schularten – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "schulart"], as_index=False)["schueler"].agg(lambda s: s.sum(skipna=False))
    total = out.groupby(["region", "jahr"])["schueler"].transform(lambda s: s.sum(skipna=False))
    out["anteil"] = out["schueler"] / total.where(total != 0) * 100
    return out
