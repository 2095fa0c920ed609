"""B8.1 Bildungsstand der Bevölkerung – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "altersgruppe", "abschluss"], as_index=False)["personen"].agg(lambda s: s.sum(skipna=False))
    total = out.groupby(["region", "jahr", "altersgruppe"])["personen"].transform(lambda s: s.sum(skipna=False))
    out["anteil"] = out["personen"] / total.where(total != 0) * 100
    return out
